"""Markdown links shown as what they are: "label (address)".

Document text is untrusted: `[official NHS portal](http://evil.example/phish)` rendered as
a link would show a trusted label over any address. Both chat front ends show such links
as plain text with the address beside the label (`bot.frontends.slack.safe`,
`bot.frontends.teams.safe`), so nobody clicks on an address they cannot see.
"""

from __future__ import annotations

import re

__all__ = ["show_addresses"]

_MARKDOWN_LINK = re.compile(r"\[([^\[\]\n]*)\]\(\s*<?([^()\s<>]*)>?(?:\s+\"[^\"\n]*\")?\s*\)")


def show_addresses(text: str) -> str:
    """`[label](address)` as "label (address)"; just the address when the label is empty
    or is the address itself."""

    def plain(match: re.Match) -> str:
        label, address = match.group(1).strip(), match.group(2).strip()
        if not address:
            return label
        if not label or label == address:
            return address
        return f"{label} ({address})"

    return _MARKDOWN_LINK.sub(plain, text)
