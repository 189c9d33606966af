"""The morning digest as Slack Block Kit, and the sender that posts it to a channel."""

from __future__ import annotations

import re

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.errors import PermanentSendError
from bot.frontends.slack.safe import link, plain
from bot.services.deadlines import Deadline, DocumentChange
from bot.services.digest import SOON_DAYS, Digest, new_document_line
from bot.services.jobs import Sender

__all__ = ["digest_blocks", "slack_sender"]

_SLACK_USER = re.compile(r"[UW][A-Z0-9]{2,}")
# Slack errors that retrying cannot fix.
_PERMANENT = {
    "channel_not_found",
    "not_in_channel",
    "is_archived",
    "invalid_auth",
    "account_inactive",
    "token_revoked",
    "missing_scope",
}


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
        passed = "; ".join(f"{plain(d.title)} ({d.when_due()})" for d in digest.passed)
        blocks.append(
            {
                "type": "context",
                "elements": [
                    {"type": "mrkdwn", "text": f"Passed since the last digest: {passed}"[:3000]}
                ],
            }
        )
    if digest.new:
        lines = ["*New in the knowledge base since the last digest*"] + [
            f"• {_new_document(change)}" for change in digest.new
        ]
        blocks.extend(_section(chunk) for chunk in _chunks(lines))
    return blocks[:50]


def _new_document(change: DocumentChange) -> str:
    """A document line; who added it as a Slack mention when it was a Slack user."""
    who = "the server"
    if change.added_by:
        who = f"<@{change.added_by}>" if _SLACK_USER.fullmatch(change.added_by) else "an admin"
    return plain(new_document_line(change, "\x00")).replace("\x00", who)


def _item(deadline: Deadline, digest: Digest, show_id: bool = False) -> str:
    soon = ":red_circle: " if digest.days_left(deadline) <= SOON_DAYS else "• "
    title = link(deadline.url, deadline.title)
    line = (
        f"{soon}*{deadline.when_due()}* ({digest.when(deadline)}) · {deadline.kind} · "
        f"{plain(deadline.area or 'England')}\n      {title}"
    )
    source = deadline.citation()
    if source:
        line += f"\n      _Source: {plain(source)}_"
    if show_id:
        line += f" `{plain(deadline.id)}`"
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


def slack_sender(client: WebClient) -> Sender:
    """Send a digest to a Slack channel as Block Kit (retrying what Slack's client retries;
    a channel that is gone or a revoked token is a permanent failure)."""

    def send(channel: str, digest: Digest) -> None:
        try:
            client.chat_postMessage(
                channel=channel,
                blocks=digest_blocks(digest),
                text=f"Deadlines: the next {digest.days} days",
            )
        except SlackApiError as error:
            if error.response.get("error") in _PERMANENT:
                raise PermanentSendError(f"Slack refused: {error.response['error']}") from error
            raise

    return send
