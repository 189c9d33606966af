"""Work shared by the command line, the server, admin ingest and the scheduler.

Keeping deadlines in step with the knowledge base, and one run of the daily digest: each
has exactly one implementation here. They are handed what they work on (the store, the
gazetteer, a sender per front end); `bot.wiring` builds those from settings.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bot.engine.places import Gazetteer
from bot.services.deadline_store import DeadlineStore
from bot.services.deadlines import sync_deadlines
from bot.services.digest import Digest, london_today, post_digests
from ingest.store import KnowledgeStore

__all__ = ["DeadlineSync", "run_digest", "Sender"]

log = logging.getLogger(__name__)
Sender = Callable[[str, Digest], object]


@dataclass(frozen=True)
class DeadlineSync:
    """Extracted deadlines follow the stored documents; curated ones follow their file."""

    knowledge: KnowledgeStore
    deadlines: DeadlineStore
    gazetteer: Gazetteer
    curated: Path

    def refresh(self, by: str | None = None) -> None:
        """Sync after an ingest (`by` whom, for the digest's "new" section) or before a
        digest."""
        sync_deadlines(self.knowledge, self.deadlines, self.gazetteer, self.curated, by)


def run_digest(
    sync: DeadlineSync,
    send: Sender,
    channels: list[str],
    day: date | None = None,
    days: int = 30,
) -> dict[str, str]:
    """One run of the daily digest: refresh, then post to every channel that wants it."""
    sync.refresh()
    outcomes = post_digests(sync.deadlines, send, day or london_today(), channels, days=days)
    for channel, outcome in outcomes.items():
        log.warning("digest for %s: %s", channel, outcome)
    return outcomes
