"""The morning digest of consultation deadlines: built, rendered, posted at most once a day.

`build_digest` gathers what is due in the next N days (and what passed since a channel's
last digest); `digest_text` and `digest_blocks` render it for the terminal and for Slack,
grouped by week, each item with its days left, area and source, and items closing within
a week marked. `post_digests` sends it to every configured and subscribed channel: each
channel's day is claimed in the state *before* posting (so a restart or a second scheduler
cannot post twice), a failed post is retried and logged, and one failing channel never
stops the others.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.engine.text import escape_mrkdwn as escape
from bot.services.deadline_store import DeadlineStore
from bot.services.deadlines import Deadline

__all__ = [
    "Digest",
    "build_digest",
    "digest_text",
    "digest_blocks",
    "post_digests",
    "slack_sender",
    "london_today",
    "LONDON",
    "SOON_DAYS",
]

log = logging.getLogger(__name__)
LONDON = ZoneInfo("Europe/London")
SOON_DAYS = 7
_PERMANENT = {
    "channel_not_found",
    "not_in_channel",
    "is_archived",
    "invalid_auth",
    "account_inactive",
    "token_revoked",
    "missing_scope",
}


def london_today(now: datetime | None = None) -> date:
    return (now or datetime.now(LONDON)).astimezone(LONDON).date()


@dataclass
class Digest:
    day: date
    days: int
    upcoming: list[Deadline] = field(default_factory=list)
    passed: list[Deadline] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.upcoming and not self.passed

    def days_left(self, deadline: Deadline) -> int:
        return (deadline.due - self.day).days

    def weeks(self) -> list[tuple[date, list[Deadline]]]:
        """Upcoming deadlines grouped by the Monday of their week, in order."""
        groups: dict[date, list[Deadline]] = {}
        for deadline in self.upcoming:
            monday = deadline.due - timedelta(days=deadline.due.weekday())
            groups.setdefault(monday, []).append(deadline)
        return list(groups.items())


def build_digest(
    store: DeadlineStore, day: date, days: int = 30, since: date | None = None
) -> Digest:
    """What is due from `day` to `day + days`; what fell due after `since` and before `day`."""
    passed = store.between(since + timedelta(days=1), day - timedelta(days=1)) if since else []
    return Digest(day, days, store.between(day, day + timedelta(days=days)), passed)


def _when(deadline: Deadline, digest: Digest) -> str:
    left = digest.days_left(deadline)
    return {0: "today", 1: "tomorrow"}.get(left, f"in {left} days")


def digest_text(digest: Digest) -> str:
    lines = [f"Deadlines from {digest.day:%A %-d %B %Y}, next {digest.days} days"]
    if not digest.upcoming:
        lines.append(f"Nothing falls due in the next {digest.days} days.")
    for monday, items in digest.weeks():
        lines.append(f"\nWeek of {monday:%-d %B}")
        for d in items:
            mark = "!! " if digest.days_left(d) <= SOON_DAYS else "   "
            lines.append(
                f"{mark}{d.due:%a %-d %b} ({_when(d, digest)}) · {d.kind} · "
                f"{d.area or 'England'} · {d.title} [{d.id}]"
            )
            source = d.citation() or d.url
            if source:
                lines.append(f"      Source: {source}")
    if digest.passed:
        lines.append(
            "\nPassed since the last digest: "
            + "; ".join(f"{d.title} ({d.due:%-d %b})" for d in digest.passed)
        )
    return "\n".join(lines)


def digest_blocks(digest: Digest, show_ids: bool = False) -> list[dict]:
    """The digest as Block Kit: header, one section per week (split if long), passed items."""
    blocks: list[dict] = [
        {
            "type": "header",
            "text": {"type": "plain_text", "text": f"Deadlines: the next {digest.days} days"},
        },
        {
            "type": "context",
            "elements": [
                {
                    "type": "mrkdwn",
                    "text": f"As of {digest.day:%A %-d %B %Y}. "
                    f":red_circle: closes within {SOON_DAYS} days.",
                }
            ],
        },
    ]
    if not digest.upcoming:
        blocks.append(_section(f"Nothing falls due in the next {digest.days} days."))
    for monday, items in digest.weeks():
        lines = [f"*Week of {monday:%-d %B}*"] + [_item(d, digest, show_ids) for d in items]
        blocks.extend(_section(chunk) for chunk in _chunks(lines))
    if digest.passed:
        passed = "; ".join(f"{escape(d.title)} ({d.due:%-d %b})" for d in digest.passed)
        blocks.append(
            {
                "type": "context",
                "elements": [
                    {"type": "mrkdwn", "text": f"Passed since the last digest: {passed}"[:3000]}
                ],
            }
        )
    return blocks[:50]


def _item(deadline: Deadline, digest: Digest, show_id: bool = False) -> str:
    soon = ":red_circle: " if digest.days_left(deadline) <= SOON_DAYS else "• "
    title = escape(deadline.title)
    title = f"<{deadline.url}|{title}>" if deadline.url else title
    line = (
        f"{soon}*{deadline.due:%a %-d %b}* ({_when(deadline, digest)}) · {deadline.kind} · "
        f"{escape(deadline.area or 'England')}\n      {title}"
    )
    source = deadline.citation()
    if source:
        line += f"\n      _Source: {escape(source)}_"
    if show_id:
        line += f" `{deadline.id}`"
    return line


def _section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _chunks(lines: list[str], limit: int = 2900) -> list[str]:
    chunks, current = [], ""
    for line in lines:
        if current and len(current) + len(line) + 1 > limit:
            chunks.append(current)
            current = ""
        current = f"{current}\n{line}" if current else line[:limit]
    return [*chunks, current] if current else chunks


def slack_sender(client) -> Callable[[str, Digest], object]:
    """Send a digest to a Slack channel as Block Kit."""

    def send(channel: str, digest: Digest) -> None:
        client.chat_postMessage(
            channel=channel,
            blocks=digest_blocks(digest),
            text=f"Deadlines: the next {digest.days} days",
        )

    return send


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
        digest = build_digest(store, day, days, since=store.last_digest(channel, day))
        if digest.empty and not always:
            outcomes[channel] = "skipped: nothing due"
        elif not store.claim_digest(channel, day):
            outcomes[channel] = "skipped: already sent today"
        elif _post(send, channel, digest, attempts, pause):
            store.mark_digest(channel, day, sent=True)
            outcomes[channel] = "sent"
        else:
            store.mark_digest(channel, day, sent=False)
            outcomes[channel] = "failed"
    return outcomes


def _post(send, channel: str, digest: Digest, attempts: int, pause: float) -> bool:
    for attempt in range(1, attempts + 1):
        try:
            send(channel, digest)
            return True
        except Exception as error:  # one channel's failure must not stop the others
            code = getattr(getattr(error, "response", None), "data", {}) or {}
            permanent = code.get("error") in _PERMANENT if isinstance(code, dict) else False
            log.warning(
                "digest to %s failed (attempt %d of %d): %s", channel, attempt, attempts, error
            )
            if permanent or attempt == attempts:
                log.error("giving up on today's digest for %s", channel)
                return False
            time.sleep(pause * attempt)
    return False
