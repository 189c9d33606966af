"""Captions printed under the boxes they caption.

Briefings lay case studies out as a quoted box with its caption underneath: the box's
quotation, perhaps a pointer ("Download the full report here."), then "CASE STUDY
Innovation in local industrial strategies" and "Oxfordshire technical negotiating draft
(December 2018)". Read top to bottom, the heading in force over a box is the caption of
the box before it, so a citation of the box would name another place's case study. The
heading stays the chunk's section (it still says what the text near it is about, for
matching); a citation of the box's text shows its own caption, found here.
"""

from __future__ import annotations

import re

from ingest.cleaning import DATED_CAPTION_RE, DATED_CAPTION_WORDS
from ingest.structure import HEADING

__all__ = ["captioned_boxes"]

_PARAGRAPH_RE = re.compile(r"\S[^\n]*(?:\n[^\S\n]*\S[^\n]*)*")
_POINTER_WORDS = 20  # "Read the emerging priorities for ... on the LEP website."
_OPEN, _CLOSE = "“", "”"


def captioned_boxes(text: str) -> list[tuple[int, int, str]]:
    """(start, end, caption) for each quoted box in `text` that a caption follows: a
    heading and a dated line under it, after the box's closing quote mark and at most one
    short pointer line. Boxes set one after another with one caption under them ("the West
    Midlands will: ...” / “the government will ...”) share it."""
    paragraphs = [(m.start(), m.end(), m.group()) for m in _PARAGRAPH_RE.finditer(text)]
    found = []
    for i, (_, _, heading) in enumerate(paragraphs[:-1]):
        dated = paragraphs[i + 1][2]
        if not heading.startswith(HEADING) or not _is_dated_line(dated):
            continue
        first = _box_start(paragraphs, _box_end(paragraphs, i))
        if first is not None:
            caption = f"{heading[len(HEADING) :].strip()}: {' '.join(dated.split())}"
            found.append((paragraphs[first][0], paragraphs[i - 1][1], caption))
    return found


def _is_dated_line(paragraph: str) -> bool:
    line = " ".join(paragraph.split())
    return len(line.split()) <= DATED_CAPTION_WORDS and bool(DATED_CAPTION_RE.search(line))


def _box_end(paragraphs: list[tuple[int, int, str]], heading: int) -> int | None:
    """The paragraph closing the box above a caption heading, over one pointer line."""
    for end in (heading - 1, heading - 2):
        if end < 0:
            return None
        body = paragraphs[end][2].rstrip()
        if body.endswith(_CLOSE):
            return end
        if _OPEN in body or len(body.split()) > _POINTER_WORDS or body.startswith(HEADING):
            return None
    return None


def _box_start(paragraphs: list[tuple[int, int, str]], end: int | None) -> int | None:
    """The first paragraph of the quoted box ending at `end`, and of any box closed just
    before it opens (both under one caption)."""
    first = None
    while end is not None:
        start = _opening(paragraphs, end)
        if start is None:
            return first
        first = start
        before = paragraphs[start - 1][2].strip() if start else ""
        end = start - 1 if before.endswith(_CLOSE) else None
    return first


def _opening(paragraphs: list[tuple[int, int, str]], end: int) -> int | None:
    """Where the quotation closed at paragraph `end` opens: back to its opening quote mark
    over what goes on with it (bullets, paragraphs set out under it), then over the
    paragraphs before that open with a quote mark of their own and never close it (a
    quotation of several paragraphs, each reopened, as printed)."""
    bodies = [p[2].strip() for p in paragraphs]
    start = next(
        (
            index
            for index in range(end, -1, -1)
            if bodies[index].startswith(_OPEN)
            or bodies[index].startswith(HEADING)
            or (index != end and bodies[index].endswith(_CLOSE))
        ),
        None,
    )
    if start is None or not bodies[start].startswith(_OPEN):
        return None
    span = "".join(bodies[start : end + 1])
    if span.count(_OPEN) != span.count(_CLOSE):
        return None  # a quoted phrase in prose, not a quotation ending there
    while start and bodies[start - 1].startswith(_OPEN) and _CLOSE not in bodies[start - 1]:
        start -= 1
    return start
