"""`/lis deadlines`, `/lis deadline add|remove` (admins only) and `/lis digest on|off`."""

from __future__ import annotations

import logging
import re
from datetime import date

from bot.frontends.assistant import Assistant
from bot.frontends.slack.digest import digest_blocks
from bot.services.deadline_store import CuratedDeadlineError
from bot.services.deadlines import Deadline, deadline_id
from bot.services.digest import build_digest, london_today

__all__ = ["deadlines_reply", "deadline_admin_reply", "NOT_ADMIN"]

log = logging.getLogger(__name__)
NOT_ADMIN = (
    "Sorry, only LIS Assistant admins can change deadlines. Ask one of them, or an "
    "admin can add you to SLACK_ADMIN_USER_IDS."
)
_ADD_USAGE = (
    "Usage: `/lis deadline add YYYY-MM-DD <title> [url]`, e.g. "
    "`/lis deadline add 2026-12-15 Dorset LIS refresh consultation closes`"
)


def deadlines_reply(assistant: Assistant, argument: str, user: str | None) -> dict:
    """What is due in the next N days (default 30), as an acknowledgement payload.

    The reply is seen only by whoever asked, so an admin also sees each deadline's id
    (for `/lis deadline remove <id>`); nobody else needs them."""
    days = int(argument) if argument.isdigit() else 30
    if argument and not argument.isdigit() or not 1 <= days <= 366:
        return {"text": "Usage: `/lis deadlines [days]`, with days from 1 to 366 (default 30)."}
    digest = build_digest(assistant.deadlines, london_today(), days)
    return {
        "blocks": digest_blocks(digest, show_ids=assistant.is_admin(user)),
        "text": f"Deadlines in the next {days} days",
    }


def deadline_admin_reply(assistant: Assistant, user: str, argument: str) -> str:
    action, _, rest = argument.partition(" ")
    if action not in ("add", "remove"):
        return f"{_ADD_USAGE}\nor `/lis deadline remove <id>` (ids are shown by `/lis deadlines`)."
    if not assistant.is_admin(user):
        log.warning("refused /lis deadline %s from non-admin %s", action, user)
        return NOT_ADMIN
    if action == "remove":
        return _remove(assistant, user, rest.strip())
    return _add(assistant, user, rest.strip())


def _add(assistant: Assistant, user: str, text: str) -> str:
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})\s+(.+?)(?:\s+(https?://\S+))?", text)
    if not match:
        return _ADD_USAGE
    try:
        due = date.fromisoformat(match.group(1))
    except ValueError:
        return f"“{match.group(1)}” is not a real date. {_ADD_USAGE}"
    title, url = match.group(2).strip(), match.group(3)
    areas = assistant.engine.areas(title)
    deadline = Deadline(
        id=deadline_id("admin", due.isoformat(), title),
        title=title,
        due=due,
        kind="Deadline",
        area=areas[0].name if areas else None,
        url=url,
        source="admin",
        added_by=user,
    )
    assistant.deadlines.add(deadline)
    log.warning("deadline %s added by %s: %s %s", deadline.id, user, due, title)
    return f"Added `{deadline.id}`: {title}, due {due:%A %-d %B %Y}."


def _remove(assistant: Assistant, user: str, deadline_id_: str) -> str:
    if not deadline_id_:
        return "Usage: `/lis deadline remove <id>` (ids are shown by `/lis deadlines`)."
    try:
        removed = assistant.deadlines.remove(deadline_id_, by=user)
    except CuratedDeadlineError as error:
        return str(error)
    if removed is None:
        return f"No deadline has the id `{deadline_id_}`."
    log.warning("deadline %s removed by %s", deadline_id_, user)
    return f"Removed `{deadline_id_}`: {removed.title} ({removed.due:%-d %B %Y})."
