"""Shared fixtures: hermetic settings, a real embedder, real Chroma stores, an engine.

Every test runs with no OpenAI or Slack credentials in the environment and with its data
directory under pytest's tmp_path, so nothing leaks in from a developer's `.env` and
nothing is written to the working tree.
"""

from __future__ import annotations

import os
import shutil
import socket
import uuid
from pathlib import Path

import pytest

from bot.settings import get_settings
from bot.wiring import build_engine
from ingest.embeddings import WordLlamaEmbedder
from ingest.pipeline import ingest_sources
from ingest.store import KnowledgeStore

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"
ADMINS = frozenset({"U0ADMIN"})
_PREFIXES = (
    "OPENAI_",
    "SLACK_",
    "LIS_",
    "CHROMA_",
    "DIGEST_",
    "CLIENT_",
    "TENANT_",
    "CONNECTIONS__",
)
_NAMES = (
    "EMBEDDINGS",
    "KNOWLEDGE_DIR",
    "PROMPTS_DIR",
    "INGEST_ALLOW_PRIVATE_URLS",
    "PORT",
    "DATABASE_URL",
)


@pytest.fixture(autouse=True)
def clean_environ(monkeypatch, tmp_path):
    for name in list(os.environ):
        if name.startswith(_PREFIXES) or name in _NAMES:
            monkeypatch.delenv(name)
    monkeypatch.setenv("LIS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("KNOWLEDGE_DIR", str(KNOWLEDGE))
    monkeypatch.setenv("PROMPTS_DIR", str(ROOT / "prompts"))


@pytest.fixture(scope="session")
def embedder():
    """The real offline embedder, loaded once (its weights ship with the package)."""
    return WordLlamaEmbedder()


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory):
    """A real Chroma server for the session (each test uses a collection of its own)."""
    from testkit.chroma_server import ChromaServer

    server = ChromaServer(tmp_path_factory.mktemp("chroma-server")).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def postgres():
    """A real PostgreSQL server for the session (testkit/postgres_server.py), with a
    template database migrated once; skipped, saying why, where PostgreSQL is missing."""
    from bot.services.database import Database
    from testkit.postgres_server import PostgresServer, PostgresUnavailable

    try:
        server = PostgresServer().start()
    except PostgresUnavailable as error:
        pytest.skip(f"no PostgreSQL for these tests: {error}")
    template = server.create_database()
    Database.open(template)  # runs the migrations
    Database.forget(template)  # a template must have no connections
    server.template = template.rsplit("/", 1)[1]
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres):
    """A fresh database of the test's own, already migrated (a copy of the template)."""
    from bot.services.database import Database

    url = postgres.create_database(template=postgres.template)
    yield url
    Database.forget(url)
    postgres.drop_database(url)


@pytest.fixture(params=["sqlite", "postgresql"])
def state_backend(request, tmp_path):
    """Where a test's state lives: an SQLite file, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return tmp_path / "state.sqlite3"
    return request.getfixturevalue("postgres_url")


def run_sql(store, sql: str, **parameters) -> list[tuple]:
    """Run SQL on a store's database (either backend), as a test's back door."""
    import sqlalchemy as sa

    with store.database.transaction() as db:
        result = db.execute(sa.text(sql), parameters)
        return [tuple(row) for row in result] if result.returns_rows else []


@pytest.fixture(params=["embedded", "server"])
def store(request, tmp_path, embedder):
    """An empty store of its own: embedded Chroma, and again on the Chroma server."""
    if request.param == "embedded":
        return KnowledgeStore.open(tmp_path / "store", embedder)
    server = request.getfixturevalue("chroma_server")
    name = f"test_{uuid.uuid4().hex[:12]}"
    return KnowledgeStore.open(tmp_path, embedder, host="127.0.0.1", port=server.port, name=name)


@pytest.fixture(scope="session")
def starter_store(tmp_path_factory, embedder):
    """The starter knowledge base, ingested once for the tests that only read it."""
    store = KnowledgeStore.open(tmp_path_factory.mktemp("starter"), embedder)
    report = ingest_sources(store, [KNOWLEDGE / "documents"])
    assert not report.failed, report.failed
    return store


def engine_over(documents: dict[str, str], tmp_path_factory, embedder):
    """An engine over a small knowledge base made in a test: file name -> text."""
    folder = tmp_path_factory.mktemp("docs")
    for name, text in documents.items():
        (folder / name).write_text(text)
    store = KnowledgeStore.open(tmp_path_factory.mktemp("store"), embedder)
    assert not ingest_sources(store, [folder]).failed
    return build_engine(get_settings(knowledge_dir=KNOWLEDGE), store=store)


@pytest.fixture(scope="session")
def engine(starter_store):
    return build_engine(get_settings(knowledge_dir=KNOWLEDGE), store=starter_store)


@pytest.fixture
def knowledge_copy(tmp_path):
    """A writable copy of the knowledge folder, for tests that change documents."""
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, target)
    return target


@pytest.fixture
def fake_slack():
    from testkit.fake_slack import FakeSlack

    slack = FakeSlack().start()
    yield slack
    slack.stop()


def _serve_slack(engine, fake_slack, data_dir):
    from bot.frontends.assistant import Assistant
    from bot.frontends.server import build_web_app
    from bot.services.admin import AdminService
    from bot.services.state import StateStore
    from bot.wiring import deadline_sync
    from testkit.servers import BackgroundServer
    from testkit.slack_requests import SIGNING_SECRET

    settings = get_settings(
        slack_bot_token="xoxb-test-token",
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake_slack.api_url,
        knowledge_dir=KNOWLEDGE,
        lis_data_dir=data_dir,
        ingest_allow_private_urls=True,
    )
    state = StateStore(data_dir / "state.sqlite3")
    sync = deadline_sync(settings, engine.store, engine.contacts.gazetteer)
    admin = AdminService.create(settings, engine.store, state, sync)
    assistant = Assistant(engine, state, sync.deadlines, admin=admin, admins=ADMINS)
    server = BackgroundServer(build_web_app(settings, assistant))
    server.assistant = assistant
    server.start()
    return server


@pytest.fixture
def slack_server(engine, fake_slack, tmp_path):
    """`lis serve`'s aiohttp app on loopback, wired to the fake Slack, over the shared
    starter knowledge base (read-only tests)."""
    server = _serve_slack(engine, fake_slack, tmp_path / "data")
    yield server
    server.stop()


@pytest.fixture
def admin_server(embedder, fake_slack, tmp_path):
    """The same server over a knowledge base of its own, which admin tests may change."""
    store = KnowledgeStore.open(tmp_path / "data", embedder)
    ingest_sources(store, [KNOWLEDGE / "documents"])
    engine = build_engine(get_settings(knowledge_dir=KNOWLEDGE), store=store)
    server = _serve_slack(engine, fake_slack, tmp_path / "data")
    yield server
    server.stop()


_real_getaddrinfo = socket.getaddrinfo
# Hosts the tests pretend exist: names under example.org resolve without a network.
FAKE_DNS = {"internal.example.org": "10.1.2.3", "metadata.example.org": "169.254.169.254"}


@pytest.fixture(autouse=True)
def fake_dns(monkeypatch):
    """Resolve *.example.org to a public address (or the private ones in FAKE_DNS)."""

    def getaddrinfo(host, port, *args, **kwargs):
        if isinstance(host, str) and host.endswith("example.org"):
            address = FAKE_DNS.get(host, "93.184.216.34")
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port or 0))]
        return _real_getaddrinfo(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture
def fake_connector():
    from tests.fake_teams import FakeConnector

    connector = FakeConnector().start()
    yield connector
    connector.server.stop()


@pytest.fixture
def teams_server(engine, tmp_path):
    """The server with Teams on, anonymous access allowed (local development mode)."""
    from bot.frontends.assistant import Assistant
    from bot.frontends.server import build_web_app
    from bot.services.state import StateStore
    from testkit.servers import BackgroundServer

    settings = get_settings(
        teams_anonymous_allowed=True, knowledge_dir=KNOWLEDGE, lis_data_dir=tmp_path / "data"
    )
    assistant = Assistant(engine, StateStore(tmp_path / "data" / "state.sqlite3"))
    server = BackgroundServer(build_web_app(settings, assistant))
    server.assistant = assistant
    server.start()
    yield server
    server.stop()
