"""The morning digest of consultation deadlines: built, rendered, posted at most once a day.

`build_digest` gathers what is due in the next N days, what passed since a channel's last
digest, and which documents were added to the knowledge base or updated since then (so an
admin's ingest reaches people the next morning); `digest_text` renders it for the terminal
and Teams (Slack renders its own Block Kit), grouped by week, each item with its days
left, area and source, and items closing within a week marked. `post_digests` sends it
through the sender it is given (one per front end) to every configured and subscribed
channel: each channel's day is claimed in the state *before* posting (so a restart or a
second scheduler cannot post twice), a failed post is retried and logged, and one failing
channel never stops the others. A sender raises `PermanentSendError` when retrying cannot help.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.engine.answer import human_date
from bot.services.deadline_store import DeadlineStore
from bot.services.deadlines import Deadline, DocumentChange
from bot.services.delivery import deliver

__all__ = [
    "Digest",
    "build_digest",
    "digest_text",
    "post_digests",
    "london_today",
    "new_document_line",
    "LONDON",
    "SOON_DAYS",
]

log = logging.getLogger(__name__)
LONDON = ZoneInfo("Europe/London")
SOON_DAYS = 7


def london_today(now: datetime | None = None) -> date:
    return (now or datetime.now(LONDON)).astimezone(LONDON).date()


@dataclass
class Digest:
    day: date
    days: int
    upcoming: list[Deadline] = field(default_factory=list)
    passed: list[Deadline] = field(default_factory=list)
    new: list[DocumentChange] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.upcoming and not self.passed and not self.new

    def days_left(self, deadline: Deadline) -> int:
        return (deadline.due - self.day).days

    def when(self, deadline: Deadline) -> str:
        """'today', 'tomorrow' or 'in N days'."""
        left = self.days_left(deadline)
        return {0: "today", 1: "tomorrow"}.get(left, f"in {left} days")

    def weeks(self) -> list[tuple[date, list[Deadline]]]:
        """Upcoming deadlines grouped by the Monday of their week, in order."""
        groups: dict[date, list[Deadline]] = {}
        for deadline in self.upcoming:
            monday = deadline.due - timedelta(days=deadline.due.weekday())
            groups.setdefault(monday, []).append(deadline)
        return list(groups.items())


def build_digest(
    store: DeadlineStore,
    day: date,
    days: int = 30,
    since: date | None = None,
    new_since: str | None = None,
) -> Digest:
    """What is due from `day` to `day + days`; what fell due after `since` and before `day`;
    documents added or updated after `new_since` (UTC ISO time; default: the day before)."""
    passed = store.between(since + timedelta(days=1), day - timedelta(days=1)) if since else []
    new = store.changes_since(new_since or _start_of(day - timedelta(days=1)))
    return Digest(day, days, store.between(day, day + timedelta(days=days)), passed, new)


def _start_of(day: date) -> str:
    """Midnight in London at the start of `day`, as UTC ISO time (as changes are stamped)."""
    start = datetime(day.year, day.month, day.day, tzinfo=LONDON)
    return start.astimezone(ZoneInfo("UTC")).isoformat(timespec="seconds")


def new_document_line(change: DocumentChange, who: str) -> str:
    """ "Title (Publisher, June 2019), added by who" (or "updated by")."""
    about = ", ".join(filter(None, [change.publisher, human_date(change.published)]))
    return f"{change.title}" + (f" ({about})" if about else "") + f", {change.change} by {who}"


def digest_text(digest: Digest) -> str:
    lines = [f"Deadlines from {digest.day:%A %-d %B %Y}, next {digest.days} days"]
    if not digest.upcoming:
        lines.append(f"Nothing falls due in the next {digest.days} days.")
    for monday, items in digest.weeks():
        lines.append(f"\nWeek of {monday:%-d %B}")
        for d in items:
            mark = "!! " if digest.days_left(d) <= SOON_DAYS else "   "
            lines.append(
                f"{mark}{d.when_due()} ({digest.when(d)}) · {d.kind} · "
                f"{d.area or 'England'} · {d.title} [{d.id}]"
            )
            source = d.citation() or d.url
            if source:
                lines.append(f"      Source: {source}")
    if digest.passed:
        lines.append(
            "\nPassed since the last digest: "
            + "; ".join(f"{d.title} ({d.when_due()})" for d in digest.passed)
        )
    if digest.new:
        lines.append("\nNew in the knowledge base since the last digest:")
        lines.extend(
            f"  • {new_document_line(c, 'an admin' if c.added_by else 'the server')}"
            for c in digest.new
        )
    return "\n".join(lines)


def post_digests(
    store: DeadlineStore,
    send: Callable[[str, Digest], object],
    day: date,
    configured: list[str],
    days: int = 30,
    attempts: int = 3,
    pause: float = 1.0,
) -> dict[str, str]:
    """Post the day's digest to each channel at most once; returns what happened to each."""
    targets = dict.fromkeys(configured, False)
    targets.update(store.subscriptions())
    outcomes: dict[str, str] = {}
    for channel, always in targets.items():
        digest = build_digest(
            store,
            day,
            days,
            since=store.last_digest(channel, day),
            new_since=store.last_digest_at(channel, day),
        )
        if digest.empty and not always:
            outcomes[channel] = "skipped: nothing due"
        elif not store.claim_digest(channel, day):
            outcomes[channel] = "skipped: already sent today"
        elif deliver(send, channel, digest, f"digest to {channel}", attempts, pause):
            store.mark_digest(channel, day, sent=True)
            outcomes[channel] = "sent"
        else:
            store.mark_digest(channel, day, sent=False)
            outcomes[channel] = "failed"
    return outcomes
