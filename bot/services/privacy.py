"""What the assistant keeps about people, and how it is forgotten (see SECURITY.md).

Questions, answers, feedback and thread history are kept RETENTION_DAYS (for feedback
follow-up and "Share"), the admin audit log AUDIT_RETENTION_DAYS; `lis forget --user`
(or the person themselves, with `forget me` in Slack or Teams) deletes one person's data
at once. The server prunes expired data at start and daily (with PostgreSQL, one
process at a time; see `StateStore.prune`).
"""

from __future__ import annotations

from datetime import UTC, datetime

from bot.services.deadline_store import DeadlineStore
from bot.services.state import StateStore
from bot.settings import Settings

__all__ = ["forget_user", "prune_expired"]


def forget_user(state: StateStore, user_id: str) -> dict[str, int]:
    """Delete or anonymise everything stored about `user_id`; rows changed per table."""
    changed = state.forget_user(user_id)
    changed.update(DeadlineStore(state.database).forget_user(user_id))
    state.checkpoint()
    return changed


def prune_expired(settings: Settings, now: datetime | None = None) -> dict[str, int]:
    """Delete what is older than the retention settings allow; rows deleted per table."""
    state = StateStore.for_settings(settings)
    return state.prune(
        now or datetime.now(UTC), settings.retention_days, settings.audit_retention_days
    )
