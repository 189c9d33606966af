"""The gaps report as Slack Block Kit, the weekly note's sender, and its ingest modal.

One section per group of like questions (the wordings, how often, places, what the 👎
answers cited, comments, the strategy that would probably answer it), then a button
that opens a form asking for a web address to ingest (handled, admins only, by
`bot.frontends.slack.listeners.gaps` through the shared `admin ingest`). Questions and
comments are what people typed: everything goes through `bot.frontends.slack.safe`.
"""

from __future__ import annotations

from datetime import datetime

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.errors import PermanentSendError
from bot.frontends.slack.blocks import MAX_BLOCKS, text_sections
from bot.frontends.slack.safe import link, plain
from bot.services.gaps import GapGroup, GapsReport, Suggestion

__all__ = ["gaps_blocks", "gaps_title", "slack_gaps_sender", "ingest_modal"]

GAPS_INGEST, GAPS_INGEST_MODAL = "gaps_ingest", "gaps_ingest_modal"
_WORDINGS = 5
_PERMANENT = {"channel_not_found", "user_not_found", "invalid_auth", "account_inactive"}


def gaps_title(report: GapsReport) -> str:
    return f"What the knowledge base could not answer: the last {report.days} days"


def gaps_blocks(report: GapsReport) -> list[dict]:
    """Header, a summary line, one section per group, and the "Ingest a document" button."""
    blocks: list[dict] = [
        {"type": "header", "text": {"type": "plain_text", "text": gaps_title(report)[:150]}},
        _context(
            "Nothing was answered “not covered” or rated :-1:."
            if report.empty
            else f"{report.asked} questions in {len(report.groups)} groups, newest first. "
            "Questions in other words are grouped; no one is named."
        ),
    ]
    room = MAX_BLOCKS - len(blocks) - 2  # the button, and a note if groups are left out
    for number, group in enumerate(report.groups, 1):
        sections = text_sections(_group_text(number, group))
        if len(sections) > room:
            left = len(report.groups) - number + 1
            blocks.append(_context(f"{left} more groups: `lis gaps` on the host lists all."))
            break
        blocks.extend(sections)
        room -= len(sections)
    blocks.append(_ingest_button())
    return blocks


def _group_text(number: int, group: GapGroup) -> str:
    counts = [f"{group.not_covered} not covered"] if group.not_covered else []
    counts += [f"{group.disliked} rated :-1:"] if group.disliked else []
    times = "once" if group.count == 1 else f"{group.count} times"
    latest = f"{datetime.fromisoformat(group.latest):%-d %b %Y}"
    lines = [f"*{number}. Asked {times}* ({', '.join(counts)}), latest {latest}"]
    lines += [f"• “{plain(q[:300])}”" for q in group.questions[:_WORDINGS]]
    if len(group.questions) > _WORDINGS:
        lines.append(f"• … and {len(group.questions) - _WORDINGS} more wordings")
    if group.places:
        lines.append(f"_Places:_ {plain(', '.join(group.places))}")
    if group.cited:
        lines.append(f"_Cited in the :-1: answers:_ {plain('; '.join(group.cited))}")
    lines += [f"_Comment:_ “{plain(comment)}”" for comment in group.comments[:3]]
    lines += [f":bulb: {_suggestion(s)}" for s in group.suggestions]
    return "\n".join(lines)


def _suggestion(suggestion: Suggestion) -> str:
    if not suggestion.url:
        text = suggestion.text()
        return plain(text[:1].upper() + text[1:])
    return (
        f"Probably answered by the {plain(suggestion.area)} local industrial strategy "
        f"({link(suggestion.url, suggestion.url)})"
    )


def _context(text: str) -> dict:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}


def _ingest_button() -> dict:
    return {
        "type": "actions",
        "elements": [
            {
                "type": "button",
                "action_id": GAPS_INGEST,
                "text": {"type": "plain_text", "text": "Ingest a document"},
                "value": "gaps",
                "style": "primary",
            }
        ],
    }


def ingest_modal() -> dict:
    """The form the button opens: a web address, added through `admin ingest`."""
    return {
        "type": "modal",
        "callback_id": GAPS_INGEST_MODAL,
        "title": {"type": "plain_text", "text": "Ingest a document"},
        "submit": {"type": "plain_text", "text": "Ingest"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": [
            {
                "type": "input",
                "block_id": "url",
                "label": {"type": "plain_text", "text": "Web address of the page or PDF"},
                "element": {"type": "url_text_input", "action_id": "value"},
                "hint": {
                    "type": "plain_text",
                    "text": "Added as a new document; I'll show progress in our direct "
                    "messages. To replace a document, use /lis admin ingest URL replace ID.",
                },
            }
        ],
    }


def slack_gaps_sender(client: WebClient):
    """Send the weekly gaps note to an admin, as a direct message from the app."""

    def send(admin: str, report: GapsReport) -> None:
        try:
            client.chat_postMessage(
                channel=admin, blocks=gaps_blocks(report), text=plain(gaps_title(report))
            )
        except SlackApiError as error:
            if error.response.get("error") in _PERMANENT:
                raise PermanentSendError(f"Slack refused: {error.response['error']}") from error
            raise

    return send
