"""Beyond one machine: two `lis serve` processes and the clock, each with a LIS_DATA_DIR of
its own (as on separate machines), sharing only PostgreSQL (`DATABASE_URL`) and a Chroma
server (`CHROMA_HOST`), the deployment of docker-compose.yml.

What one process is told, the others know: a Slack retry delivered to the other process
is answered once, an area set through one is used by the other, a digest subscribed
through one is posted by the clock once, a document an admin ingests through one is
answered by the other, and `forget me` through one forgets the person everywhere. The
command line (`lis gaps`, `lis forget`) reads the same shared state.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from aiohttp import web

from testkit.chroma_server import ChromaServer, free_port
from testkit.fake_slack import FakeSlack
from testkit.servers import BackgroundServer, wait_healthy
from testkit.slack_requests import SIGNING_SECRET, event_callback, signed_headers, slash_command
from tests.conftest import _NAMES, _PREFIXES, KNOWLEDGE, ROOT
from tests.slack_client import ack_text, all_text, mention

ADMIN = "U0ADMIN"
PAGE = """<html><head><title>Quillhampton med-tech corridor</title></head><body>
<h1>Quillhampton med-tech corridor</h1><p>The Quillhampton corridor links the university
hospital and the science park with a shared clinical trials unit for local SMEs.</p>
</body></html>"""
_KEYS = itertools.count(1)


class Deployment:
    """The layout of docker-compose.yml on loopback: what the tests drive."""

    def __init__(self, work: Path, database_url: str, chroma: ChromaServer, slack: FakeSlack):
        self.work = work
        self.database_url = database_url
        self.slack = slack
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(_PREFIXES + _NAMES)},
            "DATABASE_URL": database_url,
            "CHROMA_HOST": "127.0.0.1",
            "CHROMA_PORT": str(chroma.port),
            "KNOWLEDGE_DIR": str(KNOWLEDGE),
            "PROMPTS_DIR": str(ROOT / "prompts"),
            "SLACK_BOT_TOKEN": "xoxb-test",
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": slack.api_url,
            "SLACK_ADMIN_USER_IDS": ADMIN,
            "INGEST_ALLOW_PRIVATE_URLS": "true",
        }
        self.web: list[tuple[subprocess.Popen, str]] = []

    def lis(self, machine: str, *args: str, timeout: float = 180) -> subprocess.CompletedProcess:
        """A `lis` command on a machine of its own (its own LIS_DATA_DIR)."""
        return subprocess.run(
            [sys.executable, "-m", "bot.cli", *args],
            env={**self.env, "LIS_DATA_DIR": str(self.work / machine)},
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=ROOT,
        )

    def start_web(self, machine: str) -> str:
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "serve", "--port", str(port)],
            env={**self.env, "LIS_DATA_DIR": str(self.work / machine)},
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}"
        self.web.append((process, url))
        return url

    def command(self, url: str, text: str, user: str = "U0ALICE", channel: str = "C0GENERAL"):
        """`/lis text` through one process: (acknowledgement text, response_url key)."""
        key = f"k{next(_KEYS)}"
        body = slash_command(
            text, response_url=self.slack.response_url(key), user=user, channel=channel
        )
        headers = signed_headers(body, content_type="application/x-www-form-urlencoded")
        response = httpx.post(f"{url}/slack/events", content=body, headers=headers, timeout=30)
        return ack_text(response), key

    def answer(self, key: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for call in list(self.slack.calls):
                if call.method == "response_url" and call.path.endswith(f"/{key}"):
                    return all_text(call.payload)
            time.sleep(0.05)
        raise AssertionError(f"no answer at response_url {key}")

    def ask(self, url: str, question: str, user: str = "U0ALICE", channel: str = "C0GENERAL"):
        return self.answer(self.command(url, question, user, channel)[1])

    def rows(self, sql: str, **parameters) -> list[tuple]:
        engine = sa.create_engine(self.database_url.replace("postgresql:", "postgresql+psycopg:"))
        try:
            with engine.connect() as connection:
                return [tuple(row) for row in connection.execute(sa.text(sql), parameters)]
        finally:
            engine.dispose()

    def stop(self) -> None:
        for process, _ in self.web:
            process.terminate()
        for process, _ in self.web:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture(scope="module")
def deployment(postgres, tmp_path_factory):
    """Chroma server, PostgreSQL, the release ingest, then two `web` processes."""
    from bot.services.database import Database

    work = tmp_path_factory.mktemp("deployment")
    database_url = postgres.create_database()
    chroma = ChromaServer(work / "chroma").start()
    slack = FakeSlack().start()
    site = _site()
    deployment = Deployment(work, database_url, chroma, slack)
    deployment.site = site
    try:
        release = deployment.lis("release", "ingest", "--quiet")
        assert release.returncode == 0, release.stderr
        deployment.a = deployment.start_web("web-a")
        deployment.b = deployment.start_web("web-b")
        for _, url in deployment.web:
            wait_healthy(url, seconds=120)
        yield deployment
    finally:
        deployment.stop()
        site.stop()
        slack.stop()
        chroma.stop()
        Database.forget(database_url)
        postgres.drop_database(database_url)


def _site() -> BackgroundServer:
    async def page(request):
        return web.Response(text=PAGE, content_type="text/html")

    app = web.Application()
    app.router.add_get("/quillhampton", page)
    server = BackgroundServer(app)
    server.start()
    return server


def _post_event(url: str, event: dict, event_id: str, timestamp: int, retry: int = 0):
    body = event_callback(event, event_id)
    headers = signed_headers(body, content_type="application/json", timestamp=timestamp)
    if retry:
        headers |= {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
    return httpx.post(f"{url}/slack/events", content=body, headers=headers, timeout=30)


def test_a_slack_retry_delivered_to_the_other_process_is_answered_once(deployment):
    ts = "1700009000.000100"
    event = mention("What are T levels?", ts=ts, channel="C0RETRY")
    now = int(time.time())
    assert _post_event(deployment.a, event, "Ev0SHARED", now - 2).status_code == 200
    assert _post_event(deployment.b, event, "Ev0SHARED", now, retry=1).status_code == 200
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not _replies(deployment, ts):
        time.sleep(0.05)
    time.sleep(2)  # room for a second answer to arrive, if there were one
    assert len(_replies(deployment, ts)) == 1


def _replies(deployment, thread_ts: str) -> list[dict]:
    return [p for p in deployment.slack.of("chat.postMessage") if p.get("thread_ts") == thread_ts]


def test_an_area_set_through_one_process_is_used_by_the_other(deployment):
    set_it, _ = deployment.command(deployment.a, "area Exeter", channel="C0AREA")
    assert "Heart of the South West" in set_it
    shown, _ = deployment.command(deployment.b, "area", channel="C0AREA")
    assert "area is Exeter" in shown
    answer = deployment.ask(
        deployment.b, "How can trusts get involved in the strategy?", channel="C0AREA"
    )
    assert "Heart of the South West" in answer


def test_a_digest_subscribed_through_one_process_is_posted_by_the_clock_once(deployment):
    reply, _ = deployment.command(deployment.a, "digest on --always", channel="C0NEWS")
    assert "will get the deadline digest" in reply
    clocks = [
        subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "digest", "--post"],
            env={**deployment.env, "LIS_DATA_DIR": str(deployment.work / f"clock-{n}")},
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(2)  # two clocks at once, on two machines, as after a failover
    ]
    outputs = [clock.communicate(timeout=180)[0] for clock in clocks]
    assert all(clock.returncode == 0 for clock in clocks), outputs
    posted = [p for p in deployment.slack.of("chat.postMessage") if p.get("channel") == "C0NEWS"]
    assert len(posted) == 1, outputs
    again = deployment.lis("clock-0", "digest", "--post")
    assert again.returncode == 0
    assert (
        len([p for p in deployment.slack.of("chat.postMessage") if p["channel"] == "C0NEWS"]) == 1
    )


def test_an_admin_ingest_through_one_process_is_answered_by_the_other(deployment):
    url = f"{deployment.site.url}/quillhampton"
    ack, _ = deployment.command(deployment.a, f"admin ingest <{url}>", user=ADMIN)
    assert "progress in our direct messages" in ack
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        finals = [u["text"] for u in deployment.slack.of("chat.update") if "1 added" in u["text"]]
        if finals:
            break
        time.sleep(0.1)
    else:
        raise AssertionError(deployment.slack.of("chat.update"))
    answer = deployment.ask(deployment.b, "What does the Quillhampton corridor link?")
    assert "clinical trials unit" in answer
    log, _ = deployment.command(deployment.b, "admin log", user=ADMIN)
    assert f"ingest {url}: 1 added" in log  # the audit log is shared too


def test_forget_me_through_one_process_forgets_the_person_everywhere(deployment):
    deployment.ask(deployment.a, "What is SmartMed?", user="U0CAROL")
    deployment.ask(deployment.b, "What is HEIF?", user="U0CAROL")
    deployment.ask(deployment.a, "What is SmartMed?", user="U0DAN")
    count = "SELECT COUNT(*) FROM answers WHERE user_id = :user"
    assert deployment.rows(count, user="U0CAROL") == [(2,)]
    done, _ = deployment.command(deployment.b, "forget me", user="U0CAROL")
    assert "I deleted 2 of your questions" in done
    assert deployment.rows(count, user="U0CAROL") == [(0,)]
    assert deployment.rows(count, user="U0DAN") == [(1,)]
    forgot = deployment.lis("admin-laptop", "forget", "--user", "U0DAN")
    assert forgot.returncode == 0 and "answers 1" in forgot.stdout, forgot.stderr
    assert deployment.rows(count, user="U0DAN") == [(0,)]


def test_lis_gaps_on_any_machine_reads_what_every_process_was_asked(deployment):
    question = "What does the strategy say about moon hospitals on Europa?"
    deployment.ask(deployment.a, question, user="U0ERIN")
    report = deployment.lis("admin-laptop", "gaps", "--days", "7")
    assert report.returncode == 0, report.stderr
    assert "moon hospitals" in report.stdout
