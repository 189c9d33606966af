"""Text made safe for Teams, in one place.

Teams renders a message's Markdown, and some HTML, in `text`: a document's
`[official NHS portal](http://evil.example/phish)` would become a link under a trusted
label, and `<at>`, `<a href>` or `<img>` would be markup. Every string the bot did not
write itself (answer text, notes, titles, command replies quoting what someone typed)
goes through `plain` before it is sent: Markdown links become "label (address)" and
`<`, `>` become entities Teams shows as the characters.

A generated answer streamed as the model writes it (`streamed`) arrives in pieces, and a
link may be split between two of them, so each piece is made safe on its own and a "]"
is always followed by a word joiner (U+2060, invisible): "[label]" can then never be
followed by "(address)" to make a link, whichever piece the parenthesis comes in. Each
piece's safe text only ever extends what was shown before, as Teams requires.
"""

from __future__ import annotations

from bot.frontends.links import show_addresses

__all__ = ["plain", "streamed"]

WORD_JOINER = "\u2060"


def plain(text: str) -> str:
    """Untrusted text as Teams should show it: no link under a label, no HTML."""
    return show_addresses(text).replace("<", "&lt;").replace(">", "&gt;")


def streamed(piece: str) -> str:
    """A piece of a streamed answer as Teams should show it, whatever the next piece."""
    return plain(piece).replace("]", "]" + WORD_JOINER)
