"""Text made safe for Teams, in one place.

Teams renders a message's Markdown, and some HTML, in `text`: a document's
`[official NHS portal](http://evil.example/phish)` would become a link under a trusted
label, and `<at>`, `<a href>` or `<img>` would be markup. Every string the bot did not
write itself (answer text, notes, titles, command replies quoting what someone typed)
goes through `plain` before it is sent: Markdown links become "label (address)" and
`<`, `>` become entities Teams shows as the characters.
"""

from __future__ import annotations

from bot.frontends.links import show_addresses

__all__ = ["plain"]


def plain(text: str) -> str:
    """Untrusted text as Teams should show it: no link under a label, no HTML."""
    return show_addresses(text).replace("<", "&lt;").replace(">", "&gt;")
