"""The embedded store is one process's: a CLI ingest beside a running server on it.

Chroma's embedded PersistentClient keeps its vector index in memory and is not safe to
share between processes: before the fix, `lis ingest` while `lis serve` ran on the same
LIS_DATA_DIR left the server answering "Sorry ..." (chromadb `Error finding id`) while
/healthz still said 200.
"""

from __future__ import annotations

import os
import subprocess
import sys

import httpx
import pytest

from testkit.chroma_server import free_port
from testkit.servers import wait_healthy
from testkit.slack_requests import SIGNING_SECRET
from tests.slack_client import ask_via_slack

pytestmark = pytest.mark.security

NEW_DOC = (
    "# Zephyrton health innovation compact\n\nThe Zephyrton compact commits the "
    "local NHS trust and the LEP to a shared medtech incubator on the hospital site.\n"
)
QUESTION = "What does the Zephyrton compact commit to?"


def lis(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.fixture
def env(tmp_path, fake_slack):
    return {
        **os.environ,
        "LIS_DATA_DIR": str(tmp_path / "data"),
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake_slack.api_url,
    }


@pytest.fixture
def served(env):
    """`lis ingest` then `lis serve` on the embedded store (no CHROMA_HOST), as `make run`."""
    assert lis("ingest", "--quiet", env=env).returncode == 0
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, seconds=90, process=process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=15)


def _new_document(tmp_path):
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "zephyrton.md").write_text(NEW_DOC)
    return folder


def _sorry(answer: str) -> bool:
    return "Sorry, something went wrong" in answer


def test_a_cli_ingest_beside_a_running_server_is_refused_and_the_server_keeps_answering(
    served, env, tmp_path, fake_slack
):
    """Before the fix the ingest "succeeded" and the server then failed the new document's
    questions ("Sorry", chromadb Error finding id) while /healthz said 200."""
    new = _new_document(tmp_path)
    assert "Centre for Process Innovation" in ask_via_slack(
        served, fake_slack, "What is SmartMed?", "before"
    )

    for args in ([str(new)], ["--reindex"], ["--prune"], []):
        result = lis("ingest", *args, env=env)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert "in use by a running `lis serve`" in result.stderr
        assert "/lis admin ingest" in result.stderr and "CHROMA_HOST" in result.stderr
        assert "Traceback" not in result.stderr
    # Reading commands still work beside the server, and do not disturb it.
    assert "5 documents" in lis("sources", env=env).stdout
    assert "Centre for Process Innovation" in lis("ask", "What is SmartMed?", env=env).stdout

    answers = [
        ask_via_slack(served, fake_slack, question, f"after{n}")
        for n, question in enumerate([QUESTION, "What is SmartMed?", "What are T levels?"])
    ]
    assert not [answer for answer in answers if _sorry(answer)], answers
    assert "Centre for Process Innovation" in answers[1]  # nothing was dropped or pruned
    health = httpx.get(f"{served}/healthz", timeout=30)
    assert health.status_code == 200, health.text
    assert health.json()["documents"] == 5


def test_the_refusal_goes_once_the_server_stops(env, tmp_path, fake_slack):
    assert lis("ingest", "--quiet", env=env).returncode == 0
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, seconds=90, process=process)
        assert lis("ingest", str(_new_document(tmp_path)), env=env).returncode == 2
    finally:
        process.terminate()
        process.wait(timeout=15)
    result = lis("ingest", str(tmp_path / "new"), env=env)
    assert result.returncode == 0, result.stderr
    assert "1 added" in result.stdout


def test_a_second_server_or_a_console_on_the_same_embedded_store_is_refused(served, env):
    second = lis("serve", "--port", str(free_port()), env=env)
    assert second.returncode == 2, second.stderr
    assert "in use by another `lis serve`" in second.stderr and "CHROMA_HOST" in second.stderr
    assert "Traceback" not in second.stderr

    console_env = {k: v for k, v in env.items() if not k.startswith("SLACK_")}
    console = subprocess.run(
        [sys.executable, "-m", "bot.cli", "run"],
        input="What is SmartMed?\n",
        env=console_env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert console.returncode == 2, console.stderr
    assert "in use by a running `lis serve`" in console.stderr
    assert httpx.get(f"{served}/healthz", timeout=30).status_code == 200


def test_a_console_keeps_ingest_out_but_not_another_console(env, tmp_path):
    """`lis run` without Slack or Teams is a console: it shares the store with other
    consoles, and an ingest waits for neither but is refused while one runs."""
    from bot.services.ingest_lock import STORE_LOCK, StoreLock

    console_env = {k: v for k, v in env.items() if not k.startswith("SLACK_")}
    assert lis("ingest", "--quiet", env=console_env).returncode == 0
    other_console = StoreLock(tmp_path / "data" / STORE_LOCK)
    assert other_console.try_acquire(shared=True)
    try:
        refused = lis("ingest", str(_new_document(tmp_path)), env=console_env)
        assert refused.returncode == 2 and "CHROMA_HOST" in refused.stderr
        console = subprocess.run(
            [sys.executable, "-m", "bot.cli", "run"],
            input="What is SmartMed?\n",
            env=console_env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert console.returncode == 0, console.stderr
        assert "Centre for Process Innovation" in console.stdout
    finally:
        other_console.release()


def test_with_a_chroma_server_ingest_takes_no_store_lock(env, tmp_path, chroma_server):
    """CHROMA_HOST: every process is a client of one server, so nothing is refused."""
    from bot.services.ingest_lock import STORE_LOCK, StoreLock

    server_env = {
        **env,
        "CHROMA_HOST": "127.0.0.1",
        "CHROMA_PORT": str(chroma_server.port),
    }
    serving = StoreLock(tmp_path / "data" / STORE_LOCK)  # as if a server held it
    assert serving.try_acquire()
    try:
        result = lis("ingest", str(_new_document(tmp_path)), env=server_env)
    finally:
        serving.release()
    assert result.returncode == 0, result.stderr
    assert "1 added" in result.stdout


@pytest.fixture
def fresh_health(monkeypatch):
    """Every /healthz runs its check (no cached result), so tests need no waiting."""
    import bot.frontends.server

    monkeypatch.setattr(bot.frontends.server, "HEALTH_CACHE_SECONDS", 0, raising=False)


def test_healthz_is_503_with_a_reason_when_the_store_files_are_damaged(
    admin_server, fresh_health, tmp_path, fake_slack
):
    health = httpx.get(f"{admin_server.url}/healthz", timeout=30)
    assert health.status_code == 200 and health.json()["documents"] == 5
    database = tmp_path / "data" / "chroma" / "chroma.sqlite3"
    with open(database, "r+b") as file:  # the same file the server has open, emptied
        file.truncate(0)

    health = httpx.get(f"{admin_server.url}/healthz", timeout=30)
    assert health.status_code == 503
    assert health.json()["status"] == "knowledge store unavailable"
    assert "did not answer a test query" in health.json()["reason"]
    assert str(tmp_path) not in health.text  # no paths for whoever probes it


def test_healthz_tells_the_truth_when_another_process_wrote_the_store_anyway(
    admin_server, fresh_health, tmp_path, fake_slack
):
    """A writer that bypasses the lock (an in-process server holds none; an older `lis`,
    a script) still leaves the server's index stale: /healthz must not say 200 then."""
    assert httpx.get(f"{admin_server.url}/healthz", timeout=30).status_code == 200
    env = {**os.environ, "LIS_DATA_DIR": str(tmp_path / "data")}
    result = lis("ingest", str(_new_document(tmp_path)), env=env)
    assert result.returncode == 0, result.stderr

    health = httpx.get(f"{admin_server.url}/healthz", timeout=30)
    assert health.status_code == 503, health.text
    assert "another process wrote" in health.json()["reason"]
    assert "CHROMA_HOST" in health.json()["reason"]


def test_healthz_stays_200_across_the_servers_own_admin_ingest(
    admin_server, fresh_health, tmp_path, fake_slack
):
    """The server's own writes keep its index current: no false alarm."""
    admin = admin_server.assistant.admin
    admin.stage_upload("F0NEW", "zephyrton.md", NEW_DOC.encode(), "U0ADMIN")
    report = admin.add_upload("F0NEW", {"title": "Zephyrton"}, "U0ADMIN", progress=print)
    assert not report.failed
    health = httpx.get(f"{admin_server.url}/healthz", timeout=30)
    assert health.status_code == 200, health.text
    assert health.json()["documents"] == 6
    answer = ask_via_slack(admin_server.url, fake_slack, QUESTION, "own")
    assert "medtech incubator" in answer
