"""The morning digest as Slack Block Kit, and the sender that posts it to a channel."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.errors import PermanentSendError
from bot.frontends.slack.safe import link, plain
from bot.services.deadlines import Deadline
from bot.services.digest import SOON_DAYS, Digest
from bot.services.jobs import Sender

__all__ = ["digest_blocks", "slack_sender"]

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
    return blocks[:50]


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
