"""Work shared by the command line, the server and the scheduler, wired from settings.

Keeping deadlines in step with the knowledge base, and the daily digest job: both need the
engine, the deadline store and the settings, and each has exactly one implementation here.
"""

from __future__ import annotations

import logging
from datetime import date

from bot.deadline_store import DeadlineStore
from bot.deadlines import sync_deadlines
from bot.digest import london_today, post_digests
from bot.engine import Engine
from bot.settings import Settings

__all__ = ["refresh_deadlines", "digest_job"]

log = logging.getLogger(__name__)


def refresh_deadlines(settings: Settings, engine: Engine, store: DeadlineStore) -> None:
    """Extracted deadlines follow the stored documents; curated ones follow the file."""
    sync_deadlines(
        engine.store, store, engine.contacts.gazetteer, settings.knowledge_dir / "deadlines.yaml"
    )


def digest_job(
    settings: Settings, client, day: date | None = None, days: int = 30
) -> dict[str, str]:
    """One run of the daily digest: refresh, then post to every channel that wants it."""
    engine = Engine.from_settings(settings)
    store = DeadlineStore.in_data_dir(settings.lis_data_dir)
    refresh_deadlines(settings, engine, store)
    outcomes = post_digests(
        store, client, day or london_today(), settings.digest_channel_ids, days=days
    )
    for channel, outcome in outcomes.items():
        log.warning("digest for %s: %s", channel, outcome)
    return outcomes
