"""The text format of a cleaned document and of its chunks, read and written here only.

`ingest.cleaning` writes it; the chunker splits on it; the engine and the deadline
extraction read it through these functions:
- paragraphs are separated by one blank line;
- a paragraph that starts with "## " is a heading (the section the text under it is in);
- a paragraph that starts with "• " is a list item.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = [
    "HEADING",
    "BULLET",
    "PARAGRAPH_BREAK",
    "Block",
    "blocks",
    "paragraphs",
    "is_heading",
    "is_bullet",
    "heading",
    "bullet",
    "without_bullet",
]

HEADING = "## "
BULLET = "• "
PARAGRAPH_BREAK = "\n\n"


@dataclass(frozen=True)
class Block:
    """One paragraph of a chunk, with what kind it is and the heading it sits under."""

    text: str
    kind: Literal["heading", "bullet", "paragraph"]
    section: str | None


def blocks(text: str, section: str | None = None) -> list[Block]:
    """The chunk's paragraphs in order; `section` is the heading in force at its start."""
    found = []
    for part in text.split(PARAGRAPH_BREAK):
        if is_heading(part):
            section = part[len(HEADING) :].strip()
            found.append(Block(section, "heading", section))
        elif part.strip():
            found.append(Block(part, "bullet" if is_bullet(part) else "paragraph", section))
    return found


def paragraphs(text: str) -> list[str]:
    """The text's paragraphs and list items, headings left out."""
    return [block.text for block in blocks(text) if block.kind != "heading"]


def is_heading(paragraph: str) -> bool:
    return paragraph.startswith(HEADING)


def is_bullet(paragraph: str) -> bool:
    return paragraph.startswith(BULLET)


def heading(text: str) -> str:
    return HEADING + text


def bullet(text: str) -> str:
    return text if is_bullet(text) else BULLET + text


def without_bullet(text: str) -> str:
    return text.removeprefix(BULLET)
