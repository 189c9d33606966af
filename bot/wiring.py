"""Builds the knowledge store, the engine, the services and the front ends from settings.

The one place that reads `Settings` to decide what to build, so the layers below it take
plain objects: the engine never sees a setting, a service never picks a chat SDK, and the
command line and the server build things the same way.
"""

from __future__ import annotations

import contextlib
from datetime import datetime

from bot.engine.contacts import ContactDirectory
from bot.engine.core import Engine
from bot.engine.generate import AnswerGenerator, build_chat_model
from bot.engine.glossary import Glossary
from bot.engine.places import Gazetteer
from bot.engine.prompts import AnswerPrompts
from bot.errors import ConfigurationError
from bot.frontends.assistant import Assistant
from bot.services.admin import AdminService
from bot.services.deadline_store import DeadlineStore
from bot.services.digest import LONDON, london_today
from bot.services.gaps import WEEKLY_DAYS, GapsReport, build_gaps_report, post_gaps_notes
from bot.services.jobs import DeadlineSync, Sender, run_digest
from bot.services.state import StateStore
from bot.settings import Settings
from ingest.embeddings import get_embedder
from ingest.store import KnowledgeStore

__all__ = [
    "open_store",
    "build_engine",
    "deadline_sync",
    "build_assistant",
    "digest_sender",
    "digest_once",
    "gaps_report",
    "gaps_sender",
    "gaps_once",
]


def _secret(value) -> str | None:
    return value.get_secret_value() if value else None


def open_store(settings: Settings) -> KnowledgeStore:
    """The knowledge store (embedded, or the Chroma server) with its embedder.

    The data folder is made owner-only before Chroma creates it with default modes: it
    also holds the state database (questions, answers, user ids)."""
    if not settings.chroma_host:
        with contextlib.suppress(OSError):  # KnowledgeStore.open explains an unusable folder
            settings.lis_data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    return KnowledgeStore.open(
        settings.lis_data_dir,
        _embedder(settings),
        host=settings.chroma_host,
        port=settings.chroma_port,
        token=_secret(settings.chroma_token),
    )


def _embedder(settings: Settings):
    return get_embedder(
        settings.embeddings,
        api_key=_secret(settings.openai_api_key),
        base_url=settings.openai_base_url,
    )


def build_engine(settings: Settings, store: KnowledgeStore | None = None) -> Engine:
    """The engine over `store` (default: the configured one); a chat model when a key is set."""
    generator = None
    if settings.openai_api_key:
        model = build_chat_model(
            _secret(settings.openai_api_key), settings.openai_model, settings.openai_base_url
        )
        generator = AnswerGenerator(model, AnswerPrompts.load(settings.prompts_dir))
    return Engine.build(
        store or open_store(settings),
        Glossary.load(settings.knowledge_dir / "glossary.yaml"),
        ContactDirectory.load(
            settings.knowledge_dir / "contacts.yaml", settings.knowledge_dir / "gazetteer.yaml"
        ),
        generator,
    )


def deadline_sync(
    settings: Settings, store: KnowledgeStore | None = None, gazetteer: Gazetteer | None = None
) -> DeadlineSync:
    """Deadline extraction over the knowledge store, without building an engine."""
    return DeadlineSync(
        store or open_store(settings),
        DeadlineStore.for_settings(settings),
        gazetteer or Gazetteer.load(settings.knowledge_dir / "gazetteer.yaml"),
        settings.knowledge_dir / "deadlines.yaml",
    )


def build_assistant(settings: Settings, engine: Engine | None = None) -> Assistant:
    """Everything a chat front end needs: engine (warmed up), state, deadlines, admin."""
    engine = engine or build_engine(settings)
    engine.warm_up()
    state = StateStore.for_settings(settings)
    sync = deadline_sync(settings, engine.store, engine.contacts.gazetteer)
    sync.refresh()
    admin = AdminService.create(settings, engine.store, state, sync)
    return Assistant(engine, state, sync.deadlines, admin=admin, admins=settings.admin_user_ids)


def digest_sender(settings: Settings) -> Sender:
    """Send each digest where its channel lives: Slack, or Teams for "teams:" ids."""
    # The chat SDKs load only when posting.
    from bot.frontends.slack.app import build_web_client
    from bot.frontends.slack.digest import slack_sender
    from bot.frontends.teams.proactive import teams_sender

    slack = slack_sender(build_web_client(settings)) if settings.slack_bot_token else None
    teams = None
    if settings.teams_enabled:
        teams = teams_sender(settings, StateStore.for_settings(settings))
    if slack is None and teams is None:
        raise ConfigurationError(
            "Posting the digest needs SLACK_BOT_TOKEN (Slack) or CLIENT_ID, "
            "CLIENT_SECRET and TENANT_ID (Teams)."
        )

    def send(channel: str, digest) -> None:
        target = teams if channel.startswith("teams:") else slack
        if target is None:
            raise ConfigurationError(f"cannot post to {channel}: its front end is not configured")
        target(channel, digest)

    return send


def digest_once(settings: Settings, send: Sender, day=None, days: int = 30) -> dict[str, str]:
    """One run of the daily digest with the configured store and channels."""
    return run_digest(deadline_sync(settings), send, settings.digest_channel_ids, day, days)


def gaps_report(settings: Settings, days: int, now: datetime | None = None) -> GapsReport:
    """The gaps report from the state, grouped with the engine's embedder, with the
    strategies the knowledge base mentions on each topic (the store is only read)."""
    engine = build_engine(settings)
    return build_gaps_report(
        StateStore.for_settings(settings),
        engine.store.embedder,
        engine.contacts.gazetteer,
        days,
        now,
        areas_on=engine.areas_writing_about,
    )


def gaps_sender(settings: Settings):
    """Send the weekly gaps note to a Slack admin as a direct message."""
    from bot.frontends.slack.app import build_web_client
    from bot.frontends.slack.gaps import slack_gaps_sender

    return slack_gaps_sender(build_web_client(settings))


def gaps_once(settings: Settings, send, now: datetime | None = None) -> dict[str, str]:
    """One run of the weekly gaps note: on GAPS_DAY, the last 7 days to each Slack admin."""
    now = now or datetime.now(LONDON)
    return post_gaps_notes(
        StateStore.for_settings(settings),
        lambda: gaps_report(settings, WEEKLY_DAYS, now),
        send,
        sorted(settings.admin_user_ids),
        london_today(now),
        settings.gaps_weekday,
    )
