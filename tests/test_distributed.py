"""Beyond one process: a real Chroma server shared by several processes, and its faults."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import httpx
import pytest

from bot.frontends.assistant import SORRY, Assistant
from bot.frontends.server import build_web_app
from bot.services.state import StateStore
from bot.settings import get_settings
from bot.wiring import build_engine
from ingest.pipeline import ingest_sources
from ingest.store import KnowledgeStore
from testkit.chroma_server import ChromaServer, free_port
from testkit.servers import BackgroundServer, wait_healthy
from testkit.slack_requests import SIGNING_SECRET
from tests.conftest import KNOWLEDGE
from tests.slack_client import ask_via_slack

pytestmark = pytest.mark.faults

NEW_DOC = (
    "# Zephyrton health innovation compact\n\nThe Zephyrton compact commits the "
    "local NHS trust and the LEP to a shared medtech incubator on the hospital site.\n"
)


@pytest.fixture
def chroma(tmp_path):
    server = ChromaServer(tmp_path / "chroma").start()
    yield server
    server.stop()


def env_for(chroma: ChromaServer, tmp_path, **extra) -> dict[str, str]:
    return {
        **os.environ,
        "CHROMA_HOST": "127.0.0.1",
        "CHROMA_PORT": str(chroma.port),
        "LIS_DATA_DIR": str(tmp_path / "data"),
        **extra,
    }


def test_every_serving_process_answers_from_a_document_another_process_ingested(
    chroma, tmp_path, fake_slack
):
    env = env_for(
        chroma,
        tmp_path,
        SLACK_BOT_TOKEN="xoxb-test",
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=fake_slack.api_url,
    )
    subprocess.run(
        [sys.executable, "-m", "bot.cli", "ingest", "--quiet"], env=env, check=True, timeout=120
    )
    servers = []
    try:
        for _ in range(2):
            port = free_port()
            servers.append(
                (
                    subprocess.Popen(
                        [sys.executable, "-m", "bot.cli", "serve", "--port", str(port)],
                        env=env,
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL,
                    ),
                    f"http://127.0.0.1:{port}",
                )
            )
        for _, url in servers:
            wait_healthy(url, seconds=60)
        question = "What does the Zephyrton compact commit to?"
        assert "medtech incubator" not in ask_via_slack(servers[0][1], fake_slack, question, "q1")
        new = tmp_path / "new"
        new.mkdir()
        (new / "zephyrton.md").write_text(NEW_DOC)
        subprocess.run(
            [sys.executable, "-m", "bot.cli", "ingest", str(new)], env=env, check=True, timeout=120
        )
        for n, (_, url) in enumerate(servers):
            answer = ask_via_slack(url, fake_slack, question, f"after{n}")
            assert "medtech incubator" in answer
            assert "Zephyrton health innovation compact" in answer
    finally:
        for process, _ in servers:
            process.terminate()
            process.wait(timeout=15)


def test_chroma_going_away_mid_service_is_survived(chroma, tmp_path, embedder, fake_slack):
    store = KnowledgeStore.open(tmp_path, embedder, host="127.0.0.1", port=chroma.port)
    ingest_sources(store, [KNOWLEDGE / "documents"])
    settings = get_settings(
        slack_bot_token="xoxb-test-token",
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake_slack.api_url,
        knowledge_dir=KNOWLEDGE,
        lis_data_dir=tmp_path / "data",
    )
    engine = build_engine(settings, store=store)
    server = BackgroundServer(
        build_web_app(settings, Assistant(engine, StateStore(tmp_path / "state.sqlite3")))
    )
    server.start()
    restarted = None
    try:
        assert "Centre for Process Innovation" in ask_via_slack(
            server.url, fake_slack, "What is SmartMed?", "before"
        )
        chroma.stop()
        down = ask_via_slack(server.url, fake_slack, "What is SmartMed?", "down")
        assert SORRY in down and "Traceback" not in down
        assert httpx.get(f"{server.url}/healthz", timeout=30).status_code == 503
        restarted = ChromaServer(chroma.path, chroma.port).start()
        back = ask_via_slack(server.url, fake_slack, "What is SmartMed?", "back")
        assert "Centre for Process Innovation" in back
        assert httpx.get(f"{server.url}/healthz").status_code == 200
    finally:
        server.stop()
        chroma.stop()
        if restarted is not None:
            restarted.stop()


def test_an_unusable_data_directory_is_a_clear_message(tmp_path, capsys, monkeypatch):
    from bot.cli import main

    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the data directory should be")
    monkeypatch.setenv("LIS_DATA_DIR", str(blocker / "data"))
    assert main(["ask", "What is SmartMed?"]) == 2
    err = capsys.readouterr().err
    assert "LIS_DATA_DIR" in err and "Traceback" not in err


def _write_corpus(folder, version: str, documents: int = 240) -> None:
    folder.mkdir(exist_ok=True)
    for n in range(documents):
        paragraphs = [
            f"Briefing {n} paragraph {p} ({version}): the trust and the LEP agree "
            f"priority {p} for skills, estates and innovation in area {n}. " * 6
            for p in range(4)
        ]
        (folder / f"briefing-{n:03d}.txt").write_text("\n\n".join(paragraphs))


def test_killing_an_ingest_midway_loses_nothing_and_a_rerun_completes(chroma, tmp_path, embedder):
    folder = tmp_path / "docs"
    env = env_for(chroma, tmp_path)
    _write_corpus(folder, "v1")
    subprocess.run(
        [sys.executable, "-m", "bot.cli", "ingest", "--quiet", str(folder)],
        env=env,
        check=True,
        timeout=300,
    )
    store = KnowledgeStore.open(tmp_path, embedder, host="127.0.0.1", port=chroma.port)
    v1 = {d.doc_id: d.chunks for d in store.documents()}
    _write_corpus(folder, "v2")
    ingest = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "ingest", "--quiet", str(folder)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and ingest.poll() is None:
        texts = store.collection.get(where={"doc_id": "briefing-010"}, include=["documents"])
        if any("(v2)" in text for text in texts["documents"]):
            break
        time.sleep(0.02)
    assert ingest.poll() is None, "the ingest finished before it could be interrupted"
    ingest.kill()
    ingest.wait(timeout=15)

    after = {d.doc_id: d for d in store.documents()}
    assert set(after) == set(v1)  # no document lost
    by_doc: dict[str, list[str]] = {}
    for chunk in store.all_chunks():
        by_doc.setdefault(chunk.doc_id, []).append(chunk.text)
    for doc_id, texts in by_doc.items():
        old = [t for t in texts if "(v1)" in t]
        new = [t for t in texts if "(v2)" in t]
        # Each document still has a whole version: the old one, or the new one it was given.
        assert len(old) == v1[doc_id] or len(new) >= v1[doc_id], doc_id

    subprocess.run(
        [sys.executable, "-m", "bot.cli", "ingest", "--quiet", str(folder)],
        env=env,
        check=True,
        timeout=300,
    )
    final = store.documents()
    assert all(d.content_hash != "mixed" for d in final)
    assert not any("(v1)" in chunk.text for chunk in store.all_chunks())
