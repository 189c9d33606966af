"""Text made safe for Slack, in one place.

Slack reads `&`, `<` and `>` as markup in every mrkdwn field and in a message's top-level
`text` (its notification and fallback text): `<!channel>` and `<!here>` notify everyone,
`<@U…>` mentions someone, `<url|label>` shows any label over any address. So every string
the bot did not write itself (document text and titles, questions, file names, audit
entries, error messages quoting a URL) goes through `plain` or, for answer text with its
bold and bullets, `mrkdwn`, before it is sent, `text` fields included. Links the bot
means to show (a citation's document, a contact's page) are built by `link`, which escapes
the label and lets no address close the link early.

A generated answer streams into Slack as Markdown (`draft`) before it is checked; it gets
the same treatment, and a Markdown link is held back until it is complete
(`complete_part`), so no half-written link can show a label over an address.

Slack escapes `&`, `<` and `>` in what people type; `from_slack` undoes that, so a
question is stored and answered as it was typed and escaped once on the way out.
"""

from __future__ import annotations

import re

from bot.frontends.links import show_addresses

__all__ = [
    "escape",
    "plain",
    "mrkdwn",
    "link",
    "fallback",
    "draft",
    "complete_part",
    "from_slack",
    "FALLBACK_LIMIT",
]

FALLBACK_LIMIT = 3000
# "[", "[label", "[label]", "[label](address" at the very end: maybe a link, not yet whole.
_UNFINISHED_LINK = re.compile(r"\[[^\[\]\n]*(?:\](?:\([^()\n]*)?)?\Z")
_LINKABLE = re.compile(r"(https?://|mailto:)[^\s<>|]+", re.IGNORECASE)


def escape(text: str) -> str:
    """Escape &, < and > as Slack requires: nothing can form a mention or a link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plain(text: str) -> str:
    """Any untrusted text, shown as written: Markdown links as "label (address)", then
    escaped."""
    return escape(show_addresses(text))


def mrkdwn(text: str) -> str:
    """Answer text (Markdown) as Slack mrkdwn: bold, headings and bullets kept; links shown
    with their address; no mention or link can form."""
    text = plain(text)
    text = re.sub(r"\*\*(.+?)\*\*|__(.+?)__", lambda m: f"*{m.group(1) or m.group(2)}*", text)
    text = re.sub(r"^#{1,6}\s+(.+)$", r"*\1*", text, flags=re.MULTILINE)
    return re.sub(r"^\s*[-*]\s+", "• ", text, flags=re.MULTILINE)


def link(url: str | None, label: str) -> str:
    """A link the bot chooses to show: an http(s) or mailto address under an escaped label;
    anything else is shown as the plain label."""
    if not url or not _LINKABLE.fullmatch(url.strip()):
        return plain(label)
    return f"<{escape(url.strip())}|{plain(label)}>"


def fallback(text: str, limit: int = FALLBACK_LIMIT) -> str:
    """A message's top-level `text` (notifications, screen readers, old clients)."""
    return plain(text[:limit])


def draft(text: str) -> str:
    """Streamed answer text (`markdown_text`): Markdown kept, links shown with their
    address, nothing can form a mention or a link. Pass only `complete_part`s."""
    return plain(text)


def complete_part(text: str) -> int:
    """How much of streamed `text` can be shown now: all of it, unless it ends inside
    what may become a Markdown link ("[label](addr"), which waits for its ")"."""
    unfinished = _UNFINISHED_LINK.search(text)
    return unfinished.start() if unfinished else len(text)


def from_slack(text: str) -> str:
    """What someone typed, with Slack's escaping of &, < and > undone."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
