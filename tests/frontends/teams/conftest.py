"""Teams servers for admin and streaming tests: a knowledge base of their own with admins
from TEAMS_ADMIN_IDS, and an engine whose language model is a local OpenAI-compatible
server that streams its replies as server-sent events, as OpenAI does."""

from __future__ import annotations

import dataclasses

import pytest

from bot.engine.generate import AnswerGenerator, build_chat_model
from bot.engine.prompts import AnswerPrompts
from bot.frontends.assistant import Assistant
from bot.frontends.server import build_web_app
from bot.services.admin import AdminService
from bot.services.state import StateStore
from bot.settings import get_settings
from bot.wiring import build_engine, deadline_sync
from ingest.pipeline import ingest_sources
from ingest.store import KnowledgeStore
from testkit.fake_openai import FakeOpenAI
from testkit.servers import BackgroundServer
from tests.conftest import KNOWLEDGE, ROOT

ADMIN_OBJECT_ID = "0000000A-D111-4000-8000-00000000AD11"  # as Entra shows it: upper case
ADMIN = {"id": "29:anna-admin", "name": "Anna Admin", "aadObjectId": ADMIN_OBJECT_ID.lower()}


def _serve_teams(engine, data_dir, *, admin_service: bool) -> BackgroundServer:
    settings = get_settings(
        teams_anonymous_allowed=True,
        teams_admin_ids=f"{ADMIN_OBJECT_ID}, 11111111-2222-3333-4444-555555555555",
        knowledge_dir=KNOWLEDGE,
        lis_data_dir=data_dir,
        ingest_allow_private_urls=True,
    )
    state = StateStore(data_dir / "state.sqlite3")
    sync = deadline_sync(settings, engine.store, engine.contacts.gazetteer)
    admin = AdminService.create(settings, engine.store, state, sync) if admin_service else None
    assistant = Assistant(engine, state, sync.deadlines, admin=admin)
    server = BackgroundServer(build_web_app(settings, assistant))
    server.assistant = assistant
    server.start()
    return server


@pytest.fixture
def teams_admin_server(embedder, tmp_path):
    """Teams on, over a knowledge base of its own that admin tests may change."""
    store = KnowledgeStore.open(tmp_path / "data", embedder)
    ingest_sources(store, [KNOWLEDGE / "documents"])
    engine = build_engine(get_settings(knowledge_dir=KNOWLEDGE), store=store)
    server = _serve_teams(engine, tmp_path / "data", admin_service=True)
    yield server
    server.stop()


@pytest.fixture
def openai_server():
    fake = FakeOpenAI()
    fake.server.start()
    yield fake
    fake.server.stop()


@pytest.fixture
def teams_llm_server(engine, openai_server, tmp_path):
    """Teams on, the shared starter knowledge base, and a language model configured."""
    model = build_chat_model("local-key", "local-model", f"{openai_server.server.url}/v1", 10, 0)
    generator = AnswerGenerator(model, AnswerPrompts.load(ROOT / "prompts"))
    server = _serve_teams(
        dataclasses.replace(engine, generator=generator), tmp_path / "data", admin_service=False
    )
    yield server
    server.stop()
