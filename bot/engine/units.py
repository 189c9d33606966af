"""What the extractive composer can quote: a sentence, or a unit that carries more than one.

A document's text is cut into candidates for quoting (`quotable_units`): its sentences,
and the units a sentence alone would break: a sentence or label with the list it
introduces (its items follow on their own lines, under a heading, or run together), a
slide's title with its points, a quotation with the name line that signs it
(`speakers_of`). The shape of a candidate (a caption, a signature line, a signpost, a
sentence about the document itself) says how well it can answer anything
(`shape_factor`); what it answers is scored in `bot.engine.compose`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.engine.retrieval import Passage
from bot.engine.stated import (
    DATED_TITLE,
    PHONE,
)
from bot.engine.text import sentences, terms
from ingest.cleaning import DATED_CAPTION_WORDS
from ingest.structure import (
    HEADING,
    PARAGRAPH_BREAK,
    Block,
    heading,
    is_bullet,
    without_bullet,
)

# Sentences that point elsewhere instead of saying anything.
SIGNPOST = re.compile(
    r"^[\W]*(find out more|visit|download|read more|read the|click|see more|"
    r"for more information|more information can be found"
    # "Read Buckinghamshire’s local industrial strategy consultation on the LEP website."
    r"|read\b(?=[^.]*\b(?:website|online|here)\b))\b",
    re.IGNORECASE,
)
# Sentences about the document rather than its subject ("This briefing explores ...").
_ABOUT_THE_DOCUMENT = re.compile(
    r"^(this|the)\s+(briefing|report|paper|document|section|"
    r"page|slide|publication)\b",
    re.IGNORECASE,
)
_URL = re.compile(r"https?://\S+|www\.\S+")


@dataclass
class Candidate:
    """A sentence or unit the composer may quote, with what scoring and arranging need
    to know of it: where it comes from, what it covers, and its score once scored."""

    text: str
    passage: Passage
    terms: frozenset[str]
    coverage: float
    position: int
    context: frozenset[str] = frozenset()  # its heading's, title's and neighbours' terms
    score: float = 0.0
    quote: str = ""  # the verbatim sentence to cite, when `text` adds the list it introduces
    details: int = 0  # how many of the kinds of detail asked for it holds (`wanted_details`)
    heading: tuple[str, ...] = ()  # the terms of the heading it sits under, in order
    paragraph: str = ""  # the paragraph or line it comes from
    refers_to: frozenset[str] = frozenset()  # what "These ..." opening it points back at
    speaker: Speaker | None = None  # who says it, when a name line follows its quotation
    # about the place asked: from a passage about it, and not from a box captioned as
    # another place's case study
    local: bool = False

    def __post_init__(self) -> None:
        self.quote = self.quote or self.text

    def points_back_at(self, subject: list[str]) -> bool:
        """It names `subject` only by pointing back ("These panels will ..." after "... to
        establish Skills Advisory Panels.")."""
        return self.refers_to >= set(subject)

    @property
    def carries_list(self) -> bool:
        """The sentence is shown with the list it introduces (`_with_list`)."""
        return PARAGRAPH_BREAK in self.quote

    @property
    def lead_in(self) -> str:
        """What introduces the list it carries: a sentence, a label or a title."""
        return self.quote.partition(PARAGRAPH_BREAK)[0].removeprefix(HEADING)

    @property
    def titles_prose(self) -> bool:
        """A title over the paragraph under it ("“Supporting people to live well for longer
        in rural areas:" / "“We aim to develop ..."), shown as one: not a list."""
        lead, _, items = self.quote.partition(PARAGRAPH_BREAK)
        return (
            lead.rstrip().endswith(":")
            and bool(items)
            and PARAGRAPH_BREAK not in items
            and not is_bullet(items)
            and self.list_items < 2
            and len(items.split()) >= _PROSE_WORDS
            and items.rstrip().endswith((".", "”"))
        )

    @property
    def list_items(self) -> int:
        """Items after the lead-in: one per paragraph, or one per label when the items
        are lines run together ("Innovation: ... Skills: ... Inclusive growth: ...")."""
        _lead, _, items = self.quote.partition(PARAGRAPH_BREAK)
        labels = len(_ITEM_LABEL.findall(items))
        return max(self.quote.count(PARAGRAPH_BREAK), labels if labels > 1 else 0)


_PROSE_WORDS = 8  # a line under a title this long, ending a sentence, is its paragraph

# "Inclusive growth: including ...": a list item's label, a word or two then a colon.
_ITEM_LABEL = re.compile(r"(?:^|(?<=\s))[A-Z][a-z]+(?:\s[a-z]+)?:(?=\s)")


LIST_CHARS = 1000  # room for a list that answers a list question


# A person's name, with any title before it, then a comma: "Dr Peter O'Brien, Executive
# Director, ...", "Cllr Mark Hawthorne, Chairman of ...".
_TITLE = r"(?:(?:Dr|Prof|Professor|Sir|Dame|Cllr|Councillor|Lord|Baroness|Mr|Mrs|Ms)\.? )"
# Letters after the name: "John Smith PhD FRCPE Hon.FRCPCH, Managing Director, ...".
_POSTNOMINALS = r"(?: (?:PhD|MD|OBE|MBE|CBE|DBE|KBE|FRS|(?:Hon\.)?F[A-Z]{2,7}|M[A-Z]{2,5}))*"
_SIGNATURE = re.compile(
    rf"({_TITLE}*)[A-Z][a-z]+(?: [A-Z]\.?)? [A-Z][A-Za-z’'-]+{_POSTNOMINALS}, [A-Z]"
)


QUOTATION_REACH = 4  # paragraphs back to where a quotation a chunk starts inside opens


def quotation_opening(earlier: list[Block], parts: list[Block]) -> list[Block]:
    """The paragraphs, from the chunk before, of a quotation `parts` starts inside: its
    first quotation mark closes one ("... across Oxfordshire.”"), and one of the last
    paragraphs before opens it. None when the chunk starts outside a quotation."""
    marks = (re.search("[“”]", block.text) for block in parts)
    first = next(filter(None, marks), None)
    if first is None or not earlier:
        return []
    if first.group(0) == "“" and not (
        # a paragraph that opens without closing, right after one that did the same: the
        # next paragraph of one long quotation ("“Supporting people to live well ...:" /
        # ... / "“Greater Lincolnshire has made ..."), not a quotation of its own
        _opens_unclosed(parts[0].text) and _opens_unclosed(earlier[-1].text)
    ):
        return []
    reach = earlier[-QUOTATION_REACH:]
    opened_at = None
    for back, block in enumerate(reversed(reach)):
        if block.text.count("“") > block.text.count("”"):
            # (and a paragraph before it that opens without closing opens the same
            # quotation: each paragraph of a long quotation opens, only the last closes)
            opened_at = len(reach) - 1 - back
        elif opened_at is not None or "”" in block.text:
            break  # the quotation opens after this paragraph, or another closes first
    return reach[opened_at:] if opened_at is not None else []


def _opens_unclosed(text: str) -> bool:
    """The paragraph opens a quotation and does not close it."""
    return text.lstrip().startswith("“") and text.count("“") > text.count("”")


QUOTATION_SENTENCES = 8  # sentences back to where a quotation a name line signs opens


@dataclass(frozen=True)
class Speaker:
    """Who says a quotation, as terms: the name, and the offices and bodies the name line
    gives after it ("Chair, Nottinghamshire Healthcare NHS Trust and Chair, ...")."""

    name: frozenset[str]
    titles: frozenset[str]


def speaker_of_line(line: str) -> Speaker:
    """The name and the offices and bodies a name line gives ("Warren Heppolette,
    Executive Lead, ..., Greater Manchester Health and Social Care Partnership")."""
    name, _comma, titles = without_bullet(line).partition(",")
    return Speaker(frozenset(terms(name)), frozenset(terms(titles)) | _initials_of(titles))


def _initials_of(titles: str) -> frozenset[str]:
    """The initials a body's name ends in is typed as ("Dorset Local Enterprise
    Partnership" -> "lep"): the runs of two to four capitalised words that end a name."""
    found = set()
    for run in re.findall(r"(?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*", titles):
        words = run.split()
        for size in range(2, min(4, len(words)) + 1):
            found.update(terms("".join(word[0] for word in words[-size:])))
    return frozenset(found)


def speakers_of(texts: list[str]) -> dict[int, Speaker]:
    """Who says each quotation: a name line right after a quotation ("“GM has long
    recognised ...” / Warren Heppolette, Executive Lead, ...") gives the speaker to every
    sentence of it (by index in `texts`), so "what does Warren Heppolette say ..." finds
    his words."""
    said: dict[int, Speaker] = {}
    for index in range(1, len(texts)):
        if not is_name_line(texts[index]) or not texts[index - 1].rstrip().endswith("”"):
            continue
        speaker = speaker_of_line(texts[index])
        for back in _quotation_before(texts, index):
            said[back] = speaker
    return said


def _quotation_before(texts: list[str], index: int) -> list[int]:
    """The sentences before `index` of the quotation that ends there, back to where it
    opens, within QUOTATION_SENTENCES. A quotation of several paragraphs opens each of them
    and closes only the last ("“The introduction of ... economy." / "“As leaders of place
    ...”"): an earlier opening mark with no closing mark after it opens the same quotation."""
    reach = range(index - 1, max(-1, index - 1 - QUOTATION_SENTENCES), -1)
    opened_at = None
    for back in reach:
        if "”" in texts[back] and back != index - 1:
            break  # another quotation closes here
        if "“" in texts[back]:
            opened_at = back
    return list(range(index - 1, opened_at - 1, -1)) if opened_at is not None else []


def quotable_units(
    block: Block,
    before: Block | None,
    following: list[Block],
    labels_asked: Callable[[str], bool],
    names_asked_list: Callable[[str], bool],
    listed: str | None = None,
    finding: bool = False,
    names_asked_place: Callable[[str], bool] | None = None,
    printed_before: frozenset[str] = frozenset(),
) -> list[tuple[str, str]]:
    """What a block offers to quote, as (text shown, verbatim quote) pairs: its sentences,
    a sentence that introduces a list together with the list, and a label ("6 Targets",
    or a heading) together with the short lines under it, when the label names something
    asked about (not "Key points"). The list a list question asks for (`listed`, what it
    lists, named in the introduction) shows every item it can. A list goes on past a
    slide's title printed again over its second half (one of `printed_before`)."""
    labelled = (_labels_list(block, before, following) and labels_asked(block.text)) or (
        names_asked_list(block.text) and _labels_list(block, before, following, titled=True)
    )
    if labelled or _names_listed_lines(block, following, listed):
        label = heading(block.text) if block.kind == "heading" else block.text
        # a line that names the list asked for shows every item it can
        text, quote = _with_list(
            block.text,
            following,
            verbatim_lead=label,
            every_item=not labelled,
            printed_before=printed_before,
        )
        return [(text, quote)] if text != block.text else []
    if block.kind == "heading":
        # Cleaning takes a short signature or contact line for a heading, or a slide's line
        # that spells out initials: it still says who someone is, how to reach them, or
        # what the initials stand for ("Centre for Data (NICD) provides ...").
        says = (
            is_name_line(block.text)
            or PHONE.search(block.text)
            or SPELT_OUT.search(block.text)
            or _STATES.search(block.text)
        )
        return [(block.text, heading(block.text))] if says else []
    paragraph = block.text
    said = sentences(paragraph)
    units = []
    for number, sentence in enumerate(said):
        text, quote = sentence, sentence
        if number and _GOES_ON.match(sentence):
            continue  # quoted with the sentence before it, which says what it lists or does
        if _titles_prose(sentence, number + 1 == len(said), following):
            # "“Supporting people to live well for longer in rural areas:" over "“We aim to
            # develop ...": the title says what the paragraph under it is about
            then = sentences(following[0].text)[0]
            text, quote = f"{sentence} {then}", PARAGRAPH_BREAK.join([sentence, then])
        elif _announces_list(said[number:]) and paragraph.endswith(said[-1]):
            # "There are several common areas ... These are:" and the list after
            lead = paragraph[paragraph.index(sentence) :]
            # the list the question asks for, named by its lead-in ("... key strengths ...
            # as being:", "Ageing society - ... . Priorities include:"), may fill an
            # answer's room for a list (LIST_CHARS)
            every_item = listed is not None and listed in terms(lead)
            # (in the plural, or as what the lead-in opens on: "Action to exploit ... will
            # include:")
            whole = every_item and re.search(
                rf"(?i)\b{re.escape(listed)}\w*s\b|^\W*{re.escape(listed)}", lead
            )
            # so may the list of the place asked about, in its strategy's own words
            # ("“Action to exploit Buckinghamshire’s position will include:")
            whole = whole or (names_asked_place is not None and names_asked_place(lead))
            room = max(_LIST_ITEMS_CHARS, LIST_CHARS - len(lead)) if whole else None
            text, quote = _with_list(
                lead,
                following,
                every_item=every_item,
                room=room,
                # (a list of what is asked, not of "Key elements of X Sector Deal" for
                # "which sectors ...?")
                printed_before=printed_before if whole else frozenset(),
            )
        elif number + 1 < len(said) and _GOES_ON.match(said[number + 1]):
            # "... priority issues ... These include: low pay sectors; ...": the list is
            # what the sentence is about; "... seek to influence the work of their LEP ...
            # To do this we should not be shy ...": how to do what it says
            start = paragraph.index(sentence)
            end = paragraph.index(said[number + 1], start) + len(said[number + 1])
            text = quote = paragraph[start:end]
        elif number + 1 == len(said) and (named := _counted_headings(sentence, following, listed)):
            # "... is one of four areas of strategic importance ..." over a slide's four
            # labels, which cleaning took for headings ("## Digital", "## Energy")
            text, quote = _with_list(sentence, named, every_item=True)
        elif number + 1 == len(said) and _ends_naming(sentence, listed) and following:
            # "... we have set ourselves ambition goals." / "“We want to grow our own ...":
            # the goals asked for are the paragraph after it
            then = sentences(following[0].text)[:1] if _item_kind(following[0]) == "prose" else []
            if then:
                text, quote = f"{sentence} {then[0]}", PARAGRAPH_BREAK.join([sentence, then[0]])
        if text.endswith(":") or not _quotable(text, signposts=finding):
            continue  # a list's introduction without the list says nothing
        units.append((text, quote))
    return units


_TITLE_WORDS = 15


def _titles_prose(sentence: str, last: bool, following: list[Block]) -> bool:
    """A short line of its own ending in a colon, over a paragraph of prose: its title."""
    return (
        last
        and sentence.endswith(":")
        and len(sentence.split()) <= _TITLE_WORDS
        and bool(following)
        and _item_kind(following[0]) == "prose"
        and bool(sentences(following[0].text))
    )


def _counted_headings(sentence: str, following: list[Block], listed: str | None) -> list[Block]:
    """The labels right after a sentence that counts the things a list question asks for
    ("... one of four areas ..."), when exactly that many short headings follow it and
    nothing more: a slide's boxes, which cleaning took for headings. Fewer or more, and
    they are sections, not the items counted."""
    if listed is None:
        return []
    counted = re.search(
        rf"(?i)\b(\d{{1,2}}|two|three|four|five|six|seven|eight|nine|ten)\s+{re.escape(listed)}\w*s\b",
        sentence,
    )
    if not counted:
        return []
    count = int(terms(counted.group(1))[0])
    run = list(itertools.takewhile(_short_heading, following))
    return run if len(run) == count else []


def _short_heading(block: Block) -> bool:
    return block.kind == "heading" and len(heading(block.text).split()) <= _NAME_WORDS


def _ends_naming(sentence: str, listed: str | None) -> bool:
    """The sentence ends by naming, in the plural, the things a list question asks for
    ("... and we have set ourselves ambition goals."): it announces them."""
    last = re.findall(r"[A-Za-z][\w'’-]*", sentence)[-1:]
    return bool(last) and _names_plural(last[0], listed)


def _names_plural(word: str, listed: str | None) -> bool:
    """The word is what a list question lists, in the plural ("goals", "Deals")."""
    return listed is not None and terms(word) == [listed] and _PLURAL.search(word) is not None


# A slide's title that says something, not just names a topic: "North East to take lead on
# Ageing Society Grand Challenge".
_STATES = re.compile(
    r"^(?!\w+ing\b)(?:[A-Z][\w'’&-]*\s+){1,3}(?:to|will)\s+(?!(?:the|our|a|an|its|date)\b)[a-z]+\s+\S+"
)

# A sentence that lists what the one before it names ("These include: low pay ...").
_LISTS_IT = re.compile(r"^(?:these|they|those)\s+(?:include|includes|are|were)\b", re.I)
# A sentence that cannot stand without the one before it: the list it lists, or how to do
# what it says ("To do this ...", "In doing so ...").
_GOES_ON = re.compile(
    _LISTS_IT.pattern
    + r"|^\W*(?:to\s+do\s+(?:this|that|so)|in\s+doing\s+so|by\s+doing\s+(?:this|so))\b",
    re.I,
)

_LABEL_WORDS = 6
_TITLED_ITEM_WORDS = 5  # a slide title's first points are this long at least
_TITLED_POINTS = 3
_HEADING_WORDS = 12  # a heading that titles a list is no longer than this


def label_after_list(
    block: Block, preceding: list[Block], names_asked_list: Callable[[str], bool]
) -> list[tuple[str, str]]:
    """A heading or label line right after a run of bullet points, which a PDF's box puts
    after the bullets it titles ("Key attributes of a local industrial strategy" under its
    four points): the label with the points before it, nearest first kept, when the label
    names most of what is asked."""
    run: list[Block] = []
    for earlier in reversed(preceding):
        if earlier.kind != "bullet" or (len(run) > 1 and _ends_list_before(earlier, run)):
            break
        run.insert(0, earlier)
    before = preceding[len(preceding) - len(run) - 1] if len(preceding) > len(run) else None
    if (
        _item_kind(block) != "line"
        or block.text.rstrip().endswith(":")  # the lead-in of the next list
        or (before is not None and before.text.rstrip().endswith(":"))  # it has a lead-in
        or len(run) < 2
        or len(block.text.split()) > _HEADING_WORDS
        # a heading after a list may start the next section; a line of text there (see
        # `ingest.cleaning`) can only be the list's label
        or (block.kind == "heading" and not names_asked_list(block.text))
    ):
        return []
    kept: list[Block] = []
    for item in reversed(run):  # the points nearest the heading are the ones it titles
        if sum(len(k.text) for k in kept) + len(item.text) > _LIST_ITEMS_CHARS:
            break
        kept.insert(0, item)
    if len(kept) < 2:
        return []
    lead = heading(block.text) if block.kind == "heading" else block.text
    return [_with_list(block.text, kept, verbatim_lead=lead)]


def _labels_list(
    block: Block, before: Block | None, following: list[Block], titled: bool = False
) -> bool:
    """The block labels the list under it: a heading over bullet points, or, on a slide,
    a short label that names what it lists ("6 Targets", "Key strengths") over short
    lines, or a slide's title that names most of what is asked (`titled`: "Proposed
    approach to Health and Life Sciences in the North East LIS") over its points. None
    says much alone. Other short lines on slides are mostly phrases wrapped across
    lines, not items."""
    words = block.text.split()
    if len(words) > (_HEADING_WORDS if titled else _LABEL_WORDS) or _item_kind(block) in (
        "prose",
        "bullet",  # an item of the list above, not a label over the lines after it
    ):
        return False
    kinds = [_list_kind(b) if titled else _item_kind(b) for b in following[:2]]
    if titled:
        points = [b for b in following[:_TITLED_POINTS] if _list_kind(b) == "line"]
        if any(len(b.text.split()) < _TITLED_ITEM_WORDS for b in points):
            return False  # a title's points say something: not a flowchart's months, phrases
    if block.kind == "heading":  # a section's title is over its points, not its bullets
        return kinds == (["line", "line"] if titled else ["bullet", "bullet"])
    if before is not None and before.kind != "heading" and _item_kind(before) == "line":
        return False  # inside a run of short lines, not its start
    names_items = any(w.isdigit() for w in words) or _PLURAL.search(words[-1]) is not None
    return (names_items or titled) and kinds == ["line", "line"]


_PLURAL = re.compile(r"[a-z]{2,}[^su]s$", re.IGNORECASE)


def _names_listed_lines(block: Block, following: list[Block], listed: str | None) -> bool:
    """A line of a slide that ends by naming what a list question lists, over short lines:
    the label of those lines, however long ("... Sector Deals (published to date - more
    planned)" over "Aerospace", "Automotive", ...), where a label names nothing else."""
    under = following[:_LABELLED_LINES]
    label = _BRACKETED_END.sub("", block.text).split()
    return (
        _item_kind(block) == "line"
        # what the line ends by naming, many of them ("Sector Deals"), not a word in passing
        and bool(label)
        and _names_plural(label[-1], listed)
        and len(under) == _LABELLED_LINES
        and all(_item_kind(b) == "line" and len(b.text.split()) <= _NAME_WORDS for b in under)
    )


_LABELLED_LINES = 3  # short lines under a line that names the list asked for
_NAME_WORDS = 5  # such a line names one item ("Creative industries"), no more
_BRACKETED_END = re.compile(r"\s*\([^()]*\)\s*$")  # "... Deals (published to date)"


def _announces_list(rest: list[str]) -> bool:
    """The sentence ends its paragraph with ":", or is followed only by a short
    introduction that does ("These are:", "They include:"), or by one that points back at
    it ("To continue driving progress towards this priority, the West Midlands will:")."""
    if len(rest) == 1:
        return rest[0].endswith(":")
    if len(rest) != 2 or not rest[1].endswith(":"):
        return False
    words = len(rest[1].split())
    return words <= _SHORT_LEAD_WORDS or (
        words <= _POINTING_LEAD_WORDS and bool(_POINTING_WORD.search(rest[1]))
    )


_SHORT_LEAD_WORDS = 6
_POINTING_LEAD_WORDS = 15
_POINTING_WORD = re.compile(r"\b(?:this|these|those|they|it)\b", re.IGNORECASE)


def _with_list(
    sentence: str,
    following: list[Block],
    limit: int | None = None,
    verbatim_lead: str | None = None,
    every_item: bool = False,
    room: int | None = None,
    printed_before: frozenset[str] = frozenset(),
) -> tuple[str, str]:
    """A sentence that introduces a list ("The grand challenges are:") with the items that
    follow it: as one sentence to show, and as the verbatim text to cite. Alone, such a
    sentence says nothing.

    The items are the bullet points after it; or short lines, which cleaning may have
    taken for headings ("## Making the UK a global hub for advanced therapies"); or, when
    the list is written as running text ("Innovation: ... Skills: ..."), the paragraph
    right after it. Items longer than `limit` in all are cut where they run over their
    share of it (`_cut_to_fit`); as many as fit in `room` (by default `limit`) are quoted.
    Asked for the list (`every_item`), a slide's title
    printed again (one of `printed_before`) between items and more short lines is the next
    slide of the same list ("Key elements of Life Sciences Sector Deal include:" ... "What
    does the UK Industrial Strategy say about ...?" / "Encouraging NHS innovation ..."):
    the list goes on after it, in the next slide's kind of item.
    """
    limit = limit or _LIST_ITEMS_CHARS
    items: list[Block] = []
    kind, resumed = None, False
    for at, block in enumerate(following):
        if (
            items
            and every_item
            and not resumed
            and _resumes_after(block, following[at + 1 :], printed_before)
        ):
            kind, resumed = _list_kind(following[at + 1]), True
            continue  # the slide's title again: the list goes on under it
        if items and _list_kind(block) != kind:
            break  # the list has ended: what follows is of another kind
        if resumed and _opening_form(block.text) != _opening_form(items[0].text):
            break  # the next slide's title ("Health and Life Sciences in the North East")
        if items and block.text.rstrip().endswith(":"):
            break  # "Strengthen collaboration between:": another list's lead-in
        if not items and _item_kind(block) == "prose":
            if len(block.text) <= limit and _runs_as_list(block.text):
                items.append(block)  # a list written as running text
            break
        items.append(block)
        kind = kind or _list_kind(block)
        if _last_item(items):
            break
    texts = [i.text for i in items]
    if len(texts) > 1:
        texts = _cut_to_fit(texts, limit, every_item)
    kept: list[str] = []
    for text in texts:  # items cut as for `limit` may fill a list answer's `room`
        if sum(map(len, kept)) + len(text) > (room or limit):
            break
        kept.append(text)
    if not kept:
        return sentence, sentence
    shown = "; ".join(without_bullet(text).strip().rstrip(".;,") for text in kept)
    verbatim = [
        heading(text) if item.kind == "heading" else text
        for item, text in zip(items, kept, strict=False)
    ]
    joined = " " if sentence.rstrip().endswith((":", ".")) else ": "
    lead = sentence if verbatim_lead is None else verbatim_lead
    stop = "" if shown.endswith("”") else "."  # "... virtual consultation.”" ends it
    return f"{sentence}{joined}{shown}{stop}", PARAGRAPH_BREAK.join([lead, *verbatim])


def _resumes_after(block: Block, rest: list[Block], printed_before: frozenset[str]) -> bool:
    """`block` is a title printed before, over at least two more short items."""
    return (
        block.text.strip() in printed_before
        and len(rest) >= 2
        and all(_list_kind(item) in ("line", "bullet") for item in rest[:2])
        and len({_opening_form(item.text) for item in rest[:2]}) == 1
    )


def _opening_form(item: str) -> str:
    """How an item opens: with an "-ing" word ("Encouraging NHS innovation ...") or not,
    which items of one list share."""
    words = without_bullet(item).split()
    return "ing" if words and words[0].lower().endswith("ing") else "other"


def _cut_to_fit(texts: list[str], room: int, every_item: bool) -> list[str]:
    """Every item matters more than all of one: while the items run over `room`, those
    longer than their share of it are cut, to their first sentence, then (in the list
    asked for) to what comes before their examples ("Supporting sectors to adapt to an
    ageing workforce including building on ..."), then to what they are before their
    relative clause ("the Working Well employment support programme that pooled funding
    ..."). Items within their share keep what they give as examples ("... including
    through the regional digital innovation hubs")."""
    share = room / len(texts)
    for cut in (_first_sentence, *([_before_examples] if every_item else []), _before_clause):
        if sum(map(len, texts)) <= room:
            break
        texts = [cut(text) if len(text) > share else text for text in texts]
    return texts


def _first_sentence(item: str) -> str:
    return (sentences(item) or [item])[0]


# Where a list item's examples start: "..., including building on ...", "such as ...".
_EXAMPLES = re.compile(r",?\s+(?:including|such\s+as|for\s+example|e\.g\.)\s")
_ITEM_HEAD = 30  # an item cut shorter than this would no longer say what it is


def _before_examples(item: str) -> str:
    match = _EXAMPLES.search(item, _ITEM_HEAD)
    return item[: match.start()] if match else item


# Where a list item's relative clause starts: "..., which brings ...", "... that pooled".
_RELATIVE_CLAUSE = re.compile(r",?\s+(?:which|that|who|where)\s")


def _before_clause(item: str) -> str:
    match = _RELATIVE_CLAUSE.search(item, _ITEM_HEAD)
    return item[: match.start()] if match else item


def _last_item(items: list[Block]) -> bool:
    """The newest item closes its list with a full stop where the ones before end bare
    ("• pool investment" ... "• manage demand for services."): a list printed right after
    it (its label below it, as PDFs extract boxes) is another list."""
    *earlier, newest = items
    bare = [i for i in earlier if i.kind == "bullet" and not _full_stop(i)]
    return bool(bare) and len(bare) == len(earlier) and _full_stop(newest)


def _ends_list_before(item: Block, run: list[Block]) -> bool:
    """`item` closes the list printed before `run` (the bullets above a label): it ends
    with a full stop where all of `run` but its last item end bare."""
    return _full_stop(item) and not any(map(_full_stop, run[:-1]))


def _full_stop(item: Block) -> bool:
    return item.text.rstrip().endswith(".")


_LIST_ITEMS_CHARS = 500  # the items quoted with a list's lead-in or label
_SHORT_ITEM = 120  # a list item on a line of its own is short
_SLIDE_ITEM = 300  # a slide's point wrapped over lines is not much longer


def _runs_as_list(text: str) -> bool:
    """Running text that reads as a list ("Innovation: ... Skills: ...", "a; b; c"), not
    the next paragraph of a page whose list was an image."""
    return text.count(":") + text.count(";") >= 2


def _item_kind(block: Block) -> str:
    """ "bullet", "line" (a short line, heading or not, that is not a sentence), "point"
    (a slide's point wrapped over a few lines, not a sentence either), or "prose"."""
    if block.kind == "bullet":
        return "bullet"
    text = block.text.strip()
    if text.endswith((".", "!", "?", "”")) or len(text) > _SLIDE_ITEM:
        return "prose"
    # One short line, or a slide's point wrapped over a few lines ("Work with North East
    # of England Process Industry Cluster (NEPIC) across the North East to support the
    # manufacturing sector"): text that never ends a sentence.
    return "line" if len(text) <= _SHORT_ITEM and "\n" not in text else "point"


def _list_kind(block: Block) -> str:
    """Items of one list: bullets, or lines (a slide's wrapped point among short lines)."""
    kind = _item_kind(block)
    return "line" if kind == "point" else kind


_CAPTION_WORDS = 8  # a line shorter than this that ends no sentence is a caption


_TERMS_OF_REUSE = re.compile(
    r"\b(?:copy|copied|distribute[ds]?|reproduced?|reuse[ds]?)\b[^.]{0,40}\bthis\s+(?:work|publication)\b"
    r"|\ball\s+rights\s+reserved\b",
    re.IGNORECASE,
)


def _quotable(sentence: str, signposts: bool = False) -> bool:
    """A sentence worth quoting: not a caption, bare web address or signpost ("Visit
    the OxLEP website"), unless asked where to find something (`signposts`), nor the terms
    on which the publication may be reused ("You may copy or distribute this work, but you
    must give the author credit ..."), which say nothing of its subject."""
    prose = without_bullet(_URL.sub("", sentence).strip()).strip()
    if _TERMS_OF_REUSE.search(prose):
        return False
    if len(prose) < 12 or len(prose.split()) < 3 or (SIGNPOST.search(prose) and not signposts):
        return False
    if prose.endswith(("-", "–", "—")):  # torn at a line break: the rest is missing
        return False
    ended = prose.rstrip("”’\"')").endswith((".", "!", "?", ":"))
    is_caption = (
        len(prose.split()) < _CAPTION_WORDS
        and not ended
        and not is_name_line(prose)
        and not PHONE.search(prose)
        and not DATED_TITLE.search(prose)  # "... consultation (January 2019)": when it came out
    )
    return not is_caption


def is_dated_caption(text: str) -> bool:
    """A document's title with its date in brackets, standing alone as a caption."""
    prose = without_bullet(text).strip()
    return len(prose.split()) <= DATED_CAPTION_WORDS and bool(DATED_TITLE.search(prose))


def is_name_line(text: str) -> bool:
    """A signature or credit line ("Dean Fathers, Chair, Nottinghamshire Healthcare NHS
    Trust and Chair, ...", "Cllr Mark Hawthorne, Chairman of the LGA ..."): a person's
    name, a comma, and titles, not a statement."""
    text = without_bullet(text)  # a list's item may be a name line too
    name = _SIGNATURE.match(text)
    if not name or text.rstrip().endswith((".", "!", "?")):
        return False
    return text.count(",") >= 2 or bool(name.group(1))


def unique(candidates: list[Candidate]) -> list[Candidate]:
    """Overlapping chunks repeat sentences: keep each sentence once, from its best passage."""
    best: dict[str, Candidate] = {}
    for candidate in candidates:
        key = " ".join(candidate.text.split()).lower()
        if key not in best or candidate.passage.rank < best[key].passage.rank:
            best[key] = candidate
    return list(best.values())


def is_titled_list(candidate: Candidate) -> bool:
    """A list under its title or label ("Proposed approach to ...", "6 Targets"), not
    under a sentence that introduces it: one unit, however long."""
    ends = (":", ".", "”", "?", "!")
    return candidate.carries_list and not candidate.lead_in.rstrip().endswith(ends)


# "Key elements of Life Sciences Sector Deal include:": what a lead-in lists, of what
_LISTS_OF = re.compile(r"\b([a-z]{3,}s)\s+of\s+(.+)", re.IGNORECASE)


def lists_parts_of(candidate: Candidate, listed: str) -> bool:
    """The list is of parts of the thing asked for, not of such things: "Key elements of
    Life Sciences Sector Deal include: ..." does not answer "which sector deals are
    there?", though its lead-in names a sector deal."""
    # (in the sentence that introduces the list, not one before it: "Ageing fleet – ‘... the
    # needs of its older boats’. Priorities include:" lists priorities)
    lead_in = (sentences(candidate.lead_in) or [candidate.lead_in])[-1]
    lists_of = _LISTS_OF.search(lead_in) if candidate.carries_list else None
    if lists_of is None or listed in terms(lead_in[: lists_of.start()]):
        return False
    head = terms(lists_of.group(1))
    return bool(head) and head[0] != listed and listed in terms(lists_of.group(2))


def shape_factor(text: str, titled_list: bool = False) -> float:
    """Short fragments, long sentences (not a list under its title, which is one unit
    however long), questions and text about the document itself weigh less."""
    words = len(text.split())
    factor = 1.0
    if words < 6:
        factor *= 0.6
    elif words > 70 and not titled_list:
        factor *= 0.85
    if text.rstrip().endswith("?"):
        factor *= 0.5
    body = without_bullet(text)
    if body[:1].islower() and not is_bullet(text):
        factor *= 0.85
    if _ABOUT_THE_DOCUMENT.match(body):
        factor *= 0.7
    return factor


SPELT_OUT = re.compile(r"\(([A-Z][A-Za-z&]{1,9})\)")  # a name's initials after it
