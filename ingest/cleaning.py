"""Repair the text that PDF and web extraction leave behind.

Extracted briefings arrive with lines wrapped mid-sentence, bullets torn from their text by
a blank line, words hyphenated across lines, running headers and page numbers on every
page, two-column pages read straight across, and web boilerplate ("Why register?", "Log
in"). `clean_text` turns one page into Markdown-ish text: paragraphs separated by blank
lines, bullets as "• ", and detected headings as "## " lines so the chunker can keep
sections together. `remove_repeated_lines` and `split_columns` work on whole pages.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections import Counter

from ingest.structure import HEADING, PARAGRAPH_BREAK, bullet, heading, is_bullet, is_heading

__all__ = [
    "DATED_CAPTION_RE",
    "DATED_CAPTION_WORDS",
    "clean_text",
    "remove_repeated_lines",
    "split_columns",
    "is_heading_line",
]

BULLET_CHARS = "•●▪◦‣∙■□➢➤✓-*—"
_BULLET_RE = re.compile(rf"^\s*[{re.escape(BULLET_CHARS)}]\s+(?=\S)")
# An en dash opens a bullet when what follows is capitalised ("– Government"); followed
# by lower case ("– for example") it continues the sentence.
_EN_DASH_BULLET_RE = re.compile(r"^\s*–\s+(?=[A-Z0-9])")
_TERMINAL = tuple(".!?:;")
_PAGE_NUMBER_RE = re.compile(r"^\s*(page\s+)?\d{1,4}(\s+of\s+\d{1,4})?\s*$", re.IGNORECASE)
_FUNCTION_WORDS = {
    "a",
    "an",
    "the",
    "and",
    "or",
    "of",
    "for",
    "to",
    "in",
    "on",
    "at",
    "by",
    "with",
    "from",
    "as",
    "that",
    "which",
    "its",
    "their",
    "our",
    "is",
    "are",
    "be",
    "will",
}
# "West Midlands (May 2019)": a caption under a quoted case study, not a section heading.
# Money, percentages and counts ("£4.7 billion", "50%", "100,000"): targets and facts in
# an infographic, which are short like headings but are content.
_QUANTITY_RE = re.compile(r"[£$€%]|\b\d{1,3}(?:,\d{3})+\b")
DATED_CAPTION_RE = re.compile(r"\((?:\w+\s+)?(?:19|20)\d\d\)$")
DATED_CAPTION_WORDS = 12  # "Heart of the South West command paper (February 2019)"
_ASCII_LETTERS = frozenset(string.ascii_letters)
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\ufeff"))

# Web-page furniture that is never part of a briefing's content. A heading in
# _BOILERPLATE_SECTIONS drops the whole section under it.
_BOILERPLATE_LINES = {
    "log in",
    "login",
    "sign in",
    "register",
    "breaking news",
    "news",
    "all news",
    "events",
    "all events",
    "promotions",
    "back to all activities",
    "activities",
    "map with pins",
    "share this page",
    "print this page",
    "skip to main content",
    "accept cookies",
    "download the full report here.",
    "read more",
    "back to top",
}
_BOILERPLATE_SECTIONS = {"why register?", "why register", "cookies", "related content"}
_BOILERPLATE_HEADING_RE = re.compile(
    r"\b(register|log ?in|sign (up|in)|subscribe|newsletter|cookies?|membership)\b", re.I
)


def clean_text(text: str) -> str:
    """Clean one page of extracted text; returns paragraphs separated by blank lines."""
    lines = [_normalise_line(line) for line in _normalise_characters(text).split("\n")]
    lines = ["" if line.lower() in _BOILERPLATE_LINES else line for line in lines]
    lines = _join_hyphenated(lines)
    lines = _listed_items(lines)
    paragraphs = _reflow(lines)
    paragraphs = _drop_boilerplate(paragraphs)
    return PARAGRAPH_BREAK.join(paragraphs).strip()


def is_heading_line(line: str) -> bool:
    """A short capitalised line without closing punctuation: a likely section heading."""
    words = line.split()
    return (
        0 < len(words) <= 10
        and len(line) <= 70
        and line[0].isupper()
        and not line.endswith((".", "!", ":", ";", ","))
        and not _BULLET_RE.match(line)
        and not line.startswith(("http", "www."))
        and not _ends_mid_sentence(line)
        and not DATED_CAPTION_RE.search(line)
        and not _QUANTITY_RE.search(line)
        and sum(ch.isalpha() for ch in line) >= 0.6 * len(line.replace(" ", ""))
    )


def remove_repeated_lines(pages: list[str]) -> list[str]:
    """Drop running headers and footers: lines repeated at the edges of most pages."""
    if len(pages) < 3:
        return [_strip_page_numbers(page) for page in pages]
    edge_counts: Counter[str] = Counter()
    for page in pages:
        edge_counts.update({_edge_key(line) for line in _edge_lines(page)})
    threshold = max(3, len(pages) // 2)
    repeated = {key for key, count in edge_counts.items() if key and count >= threshold}
    return [
        _strip_page_numbers(
            "\n".join(line for line in page.split("\n") if _edge_key(line) not in repeated)
        )
        for page in pages
    ]


def split_columns(layout_text: str, min_gap: int = 4) -> str | None:
    """Read a two-column page (pypdf layout mode) column by column.

    Returns None when the page has no clear gutter: a run of blank positions, at least
    `min_gap` wide, shared by most lines that have text on both sides of it.
    """
    lines = [line for line in layout_text.split("\n") if line.strip()]
    if len(lines) < 3:
        return None
    width = max(len(line) for line in lines)
    best: tuple[int, int] | None = None
    for start in range(width // 4, 3 * width // 4):
        gutter = slice(start, start + min_gap)
        both_sides = sum(
            1
            for line in lines
            if len(line) > gutter.stop
            and not line[gutter].strip()
            and line[: gutter.start].strip()
            and line[gutter.stop :].strip()
        )
        blocked = sum(1 for line in lines if line[gutter].strip())
        clear = blocked <= len(lines) // 10 and both_sides >= len(lines) * 0.5
        if clear and (best is None or both_sides > best[1]):
            best = (start, both_sides)
    if best is None:
        return None
    cut = best[0] + min_gap // 2
    all_lines = layout_text.split("\n")
    left = "\n".join(line[:cut].rstrip() for line in all_lines)
    right = "\n".join(line[cut:].strip() for line in all_lines)
    return left + "\n\n" + right


def _normalise_characters(text: str) -> str:
    # NFKC folds ligatures (ﬁ), non-breaking and other odd spaces, full-width forms.
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")


def _normalise_line(line: str) -> str:
    line = re.sub(r"[ \t]+", " ", line).strip()
    if _BULLET_RE.match(line) or _EN_DASH_BULLET_RE.match(line):
        line = line if is_bullet(line) else bullet(line[1:].lstrip())
    return line


def _join_hyphenated(lines: list[str]) -> list[str]:
    """'inter-' + 'national' on the next line becomes 'inter-national' on one line.

    The hyphen is kept: in these briefings most line-end hyphens are real compounds
    ('well-funded', 'Med-Tech'), and a stray hyphen is less harmful than a fused word. In
    two-column text the rest of the word can come after a blank line and a short line from
    the other column ("AI and data-" / "Priorities include:" / "driven innovation ..."):
    it is fetched from there, and the short line stays where it was (see `_Lines`).
    Each output line is kept as a list of parts until the end, so a long chain of joins
    costs no more than the text it joins.
    """
    out: list[list[str]] = []
    stream = _Lines(lines)
    while ahead := stream.ahead():
        if out and _ends_broken(out[-1][-1]):
            rest_at = _continuation(ahead, 0)
            if rest_at is not None:
                if rest_at > 0:
                    stream.defer(stream.take(rest_at))
                head, _, rest = stream.take(1)[0].partition(" ")
                out[-1].append(head)
                if rest:
                    out.append([rest])
                continue
        out.append(stream.take(1))
    return ["".join(parts) for parts in out]


def _ends_broken(text: str) -> bool:
    """Ends in a letter and a hyphen: a word that may continue on a later line."""
    return len(text) >= 2 and text[-1] == "-" and text[-2] in _ASCII_LETTERS


class _Lines:
    """The lines still to read, for `_join_hyphenated`: a short look-ahead, and a way to
    move the lines skipped to reach the rest of a word to after the next blank line.

    Moving them by slicing the list would copy the rest of the page every time (quadratic
    on long, crafted text). Instead the skipped lines wait in `_deferred` and are put back,
    after the next blank line, only when that line comes within the look-ahead. Blank
    lines are all "", so "blank, skipped lines, blank" there reads exactly as the old
    "rest of the paragraph, blank, skipped lines" move did; at the end of the text, where
    there is no blank line to follow, they go after a new blank line instead.
    """

    WINDOW = 6

    def __init__(self, lines: list[str]) -> None:
        self._todo = lines[::-1]  # the next line is the last item
        self._deferred: list[list[str]] = []

    def ahead(self) -> list[str]:
        """The next WINDOW lines, fewer near the end; empty when none are left."""
        if self._deferred:
            self._put_back()
        return self._todo[: -self.WINDOW - 1 : -1]

    def take(self, count: int) -> list[str]:
        taken = self._todo[-count:][::-1]
        del self._todo[-count:]
        return taken

    def defer(self, skipped: list[str]) -> None:
        self._deferred.append(skipped)

    def _put_back(self) -> None:
        top = self._todo[-self.WINDOW :]
        blank = next((k for k in range(len(top) - 1, -1, -1) if not top[k]), None)
        if blank is not None:
            at = len(self._todo) - len(top) + blank
            lines = [line for skipped in self._deferred[::-1] for line in [*skipped, ""]]
        elif len(self._todo) <= self.WINDOW:
            at = 0
            lines = [line for skipped in self._deferred[::-1] for line in ["", *skipped]]
        else:
            return
        self._todo[at:at] = lines[::-1]
        self._deferred.clear()


def _continuation(lines: list[str], start: int) -> int | None:
    """Where the rest of a hyphen-broken word is: the next line, or past blank lines and
    at most one short line (up to four words) from the other column."""
    skipped_short = False
    for at in range(start, min(len(lines), start + 6)):
        line = lines[at]
        if not line:
            continue
        if line[:1].isalpha() and line[:1].islower():
            return at
        if at == start and line[:1].isalpha():
            return at  # the classic case: the very next line, whatever its case
        if skipped_short or len(line.split()) > 4:
            return None
        skipped_short = True
    return None


LIST_ITEM_MAX_CHARS = 300  # a longer block after a lead-in is prose, not one of its items


def _listed_items(lines: list[str]) -> list[str]:
    """Items a slide lists under a lead-in ("Key elements of the Sector Deal include:"),
    as bullets. Slides lay items out as short capitalised lines, one block each
    ("Establishing the Health Advanced" / "Research Programme") or one line each; read as
    they stand, each line would be a heading, and the list would be lost in sections of
    its own. Items end at a block that ends a sentence or question (the next slide's
    title), at a block too long to be an item, or at the blank line after one-line items."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        i += 1
        if not line.endswith(":") or is_bullet(line) or _BULLET_RE.match(line):
            continue
        blocks_apart = i < len(lines) and not lines[i]
        items, i = (_block_items if blocks_apart else _line_items)(lines, i)
        out += items
    return out


def _block_end(lines: list[str], start: int) -> int:
    """Where the block of lines from `start` ends: the next blank line, or the end."""
    end = start
    while end < len(lines) and lines[end]:
        end += 1
    return end


def _block_items(lines: list[str], i: int) -> tuple[list[str], int]:
    """The blocks from `i` that are items, each one bullet, and where the list ends."""
    items: list[str] = []
    while i < len(lines):
        start = i
        while i < len(lines) and not lines[i]:
            i += 1
        end = _block_end(lines, i)
        item = " ".join(lines[i:end])
        if (
            not item
            or item.endswith(_TERMINAL)
            or len(item) > LIST_ITEM_MAX_CHARS
            or _BULLET_RE.match(item)
            or not item[:1].isupper()
        ):
            return items, start
        items += ["", bullet(item)]
        i = end
    return items, i


def _line_items(lines: list[str], i: int) -> tuple[list[str], int]:
    """The lines from `i` up to the blank line, as bullets, when each could be an item."""
    end = _block_end(lines, i)
    if end - i >= 2 and all(is_heading_line(item) for item in lines[i:end]):
        return [bullet(item) for item in lines[i:end]], end
    return [], i


def _starts_lower(line: str) -> bool:
    first = next((ch for ch in line if ch.isalnum()), "")
    return first.islower()


def _reflow(lines: list[str]) -> list[str]:
    """Group lines into paragraphs, rejoining wrapped lines and torn bullets."""
    paragraphs: list[str] = []
    current: list[str] = []
    pending_blank = False

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    followers = _next_non_blank(lines)
    for i, line in enumerate(lines):
        if not line:
            pending_blank = True
            continue
        # A bare web address stands alone: it neither continues nor is continued.
        stands_alone = is_bullet(line) or _is_url(line) or _is_url(current[-1] if current else "")
        previous = current[-1] if current else ""
        ended = previous.endswith(_TERMINAL)
        following = followers[i]
        if pending_blank:
            torn = current and not stands_alone and not ended
            if not (torn and (_starts_lower(line) or _ends_mid_sentence(previous))):
                flush()
        elif current:
            starts_heading = len(current) == 1 and _looks_like_heading(previous, line)
            after_sentence = ended and (
                is_bullet(current[0]) or _looks_like_heading(line, following)
            )
            # a slide's title asked as a question, on a line of its own ("What the evidence
            # tells us about ...?"), does not run on into the slide's first line
            after_title = len(current) == 1 and previous.endswith("?") and line[:1].isupper()
            if stands_alone or starts_heading or after_sentence or after_title:
                flush()
        pending_blank = False
        current.append(line)
    flush()
    return [
        _mark_heading(
            p,
            paragraphs[i - 1] if i else "",
            paragraphs[i + 1] if i + 1 < len(paragraphs) else "",
        )
        for i, p in enumerate(paragraphs)
    ]


def _next_non_blank(lines: list[str]) -> list[str]:
    """For each line, the next line with text after it ("" at the end), in one pass from
    the end: looking it up afresh for every line would make long pages quadratic."""
    followers = [""] * len(lines)
    later = ""
    for i in range(len(lines) - 1, -1, -1):
        followers[i] = later
        later = lines[i] or later
    return followers


def _is_url(line: str) -> bool:
    return bool(re.fullmatch(r"(https?://|www\.)\S+", line))


def _ends_mid_sentence(line: str) -> bool:
    words = line.split()
    return bool(words) and (words[-1].lower() in _FUNCTION_WORDS or bool(_TORN_TITLE.search(line)))


# A signature's titles torn by a page's blank line: "..., Managing Director, Birmingham
# Health Partners, and Academic" / "Director, West Midlands Academic Health Sciences Network".
_TORN_TITLE = re.compile(r",\s+and\s+[A-Z][a-z]+$")


def _looks_like_heading(line: str, next_line: str) -> bool:
    return is_heading_line(line) and (next_line[:1].isupper() or is_bullet(next_line))


def _mark_heading(paragraph: str, previous: str, following: str) -> str:
    """A heading line becomes a "## " heading, except a line between a list and the next
    heading: a PDF box's title extracted after the points it titles ("Influencing your
    local industrial strategy could help you"). As a heading it would head an empty
    section and be lost; as text it stays with its list."""
    if not following or is_bullet(paragraph) or not is_heading_line(paragraph):
        return paragraph
    if is_bullet(previous) and is_heading_line(following):
        return paragraph
    return heading(paragraph)


def _drop_boilerplate(paragraphs: list[str]) -> list[str]:
    kept: list[str] = []
    skipping = False
    for paragraph in paragraphs:
        plain = paragraph.removeprefix(HEADING).strip().lower()
        if is_heading(paragraph):
            skipping = plain in _BOILERPLATE_SECTIONS or (
                skipping and bool(_BOILERPLATE_HEADING_RE.search(plain))
            )
        if skipping or plain in _BOILERPLATE_SECTIONS:
            continue
        kept.append(paragraph)
    return kept


def _edge_lines(page: str, depth: int = 2) -> list[str]:
    lines = [line for line in page.split("\n") if line.strip()]
    return lines[:depth] + lines[-depth:]


def _edge_key(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip().lower())


def _strip_page_numbers(page: str) -> str:
    return "\n".join(line for line in page.split("\n") if not _PAGE_NUMBER_RE.match(line))
