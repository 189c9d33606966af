"""Work shared by the command line, the server and the scheduler, wired from settings.

Keeping deadlines in step with the knowledge base, and the daily digest job: both need the
engine, the deadline store and the settings, and each has exactly one implementation here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from bot.engine.core import Engine
from bot.services.deadline_store import DeadlineStore
from bot.services.deadlines import sync_deadlines
from bot.services.digest import Digest, london_today, post_digests, slack_sender
from bot.services.state import StateStore
from bot.settings import Settings

__all__ = ["refresh_deadlines", "digest_job", "digest_sender"]

log = logging.getLogger(__name__)


def refresh_deadlines(settings: Settings, engine: Engine, store: DeadlineStore) -> None:
    """Extracted deadlines follow the stored documents; curated ones follow the file."""
    sync_deadlines(
        engine.store, store, engine.contacts.gazetteer, settings.knowledge_dir / "deadlines.yaml"
    )


def digest_sender(settings: Settings) -> Callable[[str, Digest], object]:
    """Send each digest where its channel lives: Slack, or Teams for "teams:" ids."""
    from bot.frontends.slack.app import build_web_client  # the chat SDKs load only when posting

    slack = slack_sender(build_web_client(settings)) if settings.slack_bot_token else None
    teams = None
    if settings.teams_enabled:
        from bot.frontends.teams.proactive import teams_sender

        teams = teams_sender(settings, StateStore.in_data_dir(settings.lis_data_dir))

    if slack is None and teams is None:
        raise ValueError(
            "Posting the digest needs SLACK_BOT_TOKEN (Slack) or CLIENT_ID, "
            "CLIENT_SECRET and TENANT_ID (Teams)."
        )

    def send(channel: str, digest: Digest) -> None:
        target = teams if channel.startswith("teams:") else slack
        if target is None:
            raise ValueError(f"cannot post to {channel}: its front end is not configured")
        target(channel, digest)

    return send


def digest_job(
    settings: Settings,
    send: Callable[[str, Digest], object],
    day: date | None = None,
    days: int = 30,
) -> dict[str, str]:
    """One run of the daily digest: refresh, then post to every channel that wants it."""
    engine = Engine.from_settings(settings)
    store = DeadlineStore.in_data_dir(settings.lis_data_dir)
    refresh_deadlines(settings, engine, store)
    outcomes = post_digests(
        store, send, day or london_today(), settings.digest_channel_ids, days=days
    )
    for channel, outcome in outcomes.items():
        log.warning("digest for %s: %s", channel, outcome)
    return outcomes
