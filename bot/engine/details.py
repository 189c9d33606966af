"""The kinds of detail a question asks for, and how far a candidate holds each.

"What are the four ...?" wants a list, "how many ...?" a number next to what is counted,
"when ...?" a date of the event asked about, "what is X?" a sentence that says what X
is, "what was missing?" one that says what is left out. The composer adds a bonus for
each detail a candidate holds (`wanted_details`), so the sentence that answers leads
rather than one that merely shares the question's words.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable

from bot.engine.glossary import Glossary
from bot.engine.questions import (
    answer_words,
    asks_if_absent,
    compares_dates,
    counted,
    date_subject,
    definition_subject,
    event_words,
    listed_noun,
    other_words_for,
    wants_date,
    wants_list,
    wants_number,
    wants_phone,
)
from bot.engine.stated import (
    DATE,
    NUMBER,
    PHONE,
    counted_heads,
    counts,
    in_order,
    names_event,
)
from bot.engine.text import terms, without_source
from bot.engine.units import (
    SPELT_OUT,
    Candidate,
    is_name_line,
)
from ingest.structure import (
    PARAGRAPH_BREAK,
    without_bullet,
)


def wanted_details(
    question: str, candidates: list[Candidate], glossary: Glossary
) -> list[Callable[[Candidate], float]]:
    """Tests for the kinds of detail the question asks for (a list, a number, a date, a
    phone number), each saying how far a candidate holds it (0 to 1). When some list's
    lead-in names what the question lists, only such lists count; "how many jobs?" wants
    a number next to the jobs, and any other number half as much."""
    asked = counted(question)
    heads = counted_heads(asked, glossary) if asked else set()

    def number(c: Candidate) -> float:
        if not NUMBER.search(c.text):
            return 0.0
        return 1.0 if not heads or counts(c.text, heads, shares=False) else 0.5

    names = _names_for_listed(question)
    in_a_row = lists_answer(question)  # not "what are T levels?"
    if names and not any(_lists(c, names, in_a_row) for c in candidates):
        names = frozenset()
    # "what are growth hubs, and which areas do they cover?": a list of what they are
    # or do, not any list that shares the question's other words
    of = [] if in_a_row else definition_subject(question) or []

    def listed(c: Candidate) -> float:
        return _lists(c, names, in_a_row) if in_order(of, terms(c.text)) else 0.0

    return [
        holds
        for wanted, holds in (
            (wants_list, listed),
            (wants_number, number),
            (wants_date, dated_by(question)),
            (wants_phone, lambda c: bool(PHONE.search(c.text))),
            # "wasn't inclusive growth even in the white paper?": what the text leaves out
            (asks_if_absent, _says_absent),
        )
        if wanted(question)
    ]


# A stretch of time given without a date ("over the next 20 years", "the coming decade").
_PERIOD = re.compile(
    r"\b(?:next|past|last|coming)\s+(?:\d+|few|two|three|five|ten|fifteen|twenty|thirty)?\s*"
    r"(?:years?|months?|decades?)\b",
    re.IGNORECASE,
)


OTHER_EVENT_DATE = 0.75  # a date the sentence gives for an event other than the one asked


def dated_by(question: str) -> Callable[[Candidate], float]:
    """How far a sentence gives the date asked for: 1 for one with a date, half for one
    with a stretch of time and no date (it answers "over what period?" and places "when?"
    roughly), or whose every date the question gives itself ("how did the date change
    between the 2017 briefing and the June 2019 one?" is not answered by "we published a
    briefing in June 2019"), unless it asks whether that is the date ("is it March 2020?")."""
    given = set() if _CONFIRMS.match(question) else date_words(question)
    # "when was the first council of LEP chairs meeting?": a date of a meeting, not one
    # of "the first of these strategies will be agreed by March 2019"
    subject = date_subject(question) or ""
    events = event_words(subject)
    # "how does the date for agreeing them in the 2017 briefing compare with ...?": the
    # event whose dates are set side by side, any of those the question names
    side_by_side = not subject and compares_dates(question)
    if side_by_side:
        events = event_words(question)
    # what the date is asked of; set side by side, whatever the question says besides the
    # documents it names ("we published a briefing in June 2019 reflecting on ..." dates
    # a paper, not the deadline asked of)
    asked = set(terms(without_source(question) if side_by_side else subject))

    def of_the_event(text: str) -> bool:
        found = [names_event(group, text, frozenset(asked)) for group in events]
        return any(found) if side_by_side and found else all(found)

    def dated(candidate: Candidate) -> float:
        if DATE.search(candidate.text) and not date_words(candidate.text) <= given:
            if of_the_event(candidate.text) and not _dates_a_paper_on(candidate.text, asked):
                return 1.0
            return OTHER_EVENT_DATE
        return 0.5 if DATE.search(candidate.text) or _PERIOD.search(candidate.text) else 0.0

    return dated


# "The NHS Confederation published its briefing on the Industrial Strategy in November
# 2017": the date of a paper about the thing, not of the thing
_PAPER_ON = re.compile(
    r"\b(?:published|released|issued|launched)\s+(?:its|their|our|a|an|the)\s+"
    r"(?:[\w'’-]+\s+){0,5}?(briefing|report|response|paper|summary|guide|statement)s?\b"
    r"(?:\s+[\w'’-]+){0,6}?\s+(?:on|about|into)\s",
    re.IGNORECASE,
)


def _dates_a_paper_on(text: str, asked: set[str]) -> bool:
    """The sentence dates a paper about what is asked, when the question asks of the
    thing itself ("when was the industrial strategy published?"), not of a paper."""
    paper = _PAPER_ON.search(text) if asked else None
    return bool(paper) and not set(terms(paper.group(1))) & asked


def date_words(text: str) -> set[str]:
    return {match.group(0).lower() for match in DATE.finditer(text)}


# "is the deadline March 2020?", "was it agreed in 2019?": asks whether, naming the answer.
_CONFIRMS = re.compile(
    r"^\W*(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could)\b", re.IGNORECASE
)


# Text that says something is left out ("conspicuous by its absence", "what was missing").
_ABSENT = re.compile(
    r"\b(?:absen\w*|missing|lack(?:s|ing)?|omit\w*|omission|left\s+out|overlook\w*|"
    r"did(?:n['’]t|\s+not)\s+feature)\b",
    re.IGNORECASE,
)


def _says_absent(candidate: Candidate) -> float:
    """1 for a sentence that says something is left out, half for one under a heading that
    does ("What was missing")."""
    if _ABSENT.search(candidate.text):
        return 1.0
    return 0.5 if _ABSENT.search(candidate.passage.chunk.info.section or "") else 0.0


# Three or more names in a row: "brings together University of Birmingham, University
# Hospitals Birmingham NHS Foundation Trust ... and the West Midlands AHSN", "including
# the National Centre for ..., the Joseph Banks Laboratories ...".
_NAMED_ITEM = re.compile(r"(?:,|\band|\bincluding)\s+(?:the\s+)?[A-Z]")
# Four or more short things in a row, in small letters: "life sciences, construction,
# artificial intelligence, the automotive sector and the creative industries", after the
# word that introduces them
_SERIES = re.compile(
    r"\b(?:in|on|for|of|are|include[sd]?|including|such\s+as|across|between)\s+"
    r"(?:(?:[\w’'-]+\s+){0,2}[\w’'-]+,\s+){3,}(?:[\w’'-]+\s+){0,3}?(?:and|or)\s+"
    r"(?:[\w’'-]+\s+){0,2}[\w’'-]+\s*(?:[.;:]|$)"
)


def _names_in_a_row(text: str) -> bool:
    """The sentence names several things in a row: three or more capitalised names, short
    items between semicolons, four or more short things between commas, or three or more
    sums of money ("a further £725 million ... in ..., £300 million on ..., and £178 million
    to ...": what is invested in)."""
    return (
        len(_NAMED_ITEM.findall(text)) >= 2
        or _short_items(text)
        or bool(_SERIES.search(text))
        or len(_SUM.findall(text)) >= _SUMS_IN_A_ROW
    )


_SUM = re.compile(r"[£$€]\s?\d")
_SUMS_IN_A_ROW = 3


def _short_items(text: str) -> bool:
    """Three or more short items run together with semicolons ("These include: low pay
    sectors; in-work progression; diversity; ..."), not clauses of a long sentence."""
    items = text.split(";")
    return len(items) >= 3 and statistics.median(len(item.split()) for item in items) <= 6


def _names_for_listed(question: str) -> frozenset[str]:
    """The terms that name what a list question lists: its noun, and the other words
    for it ("benefits" are what "could help you" lists, see `answer_words`); empty when
    it names nothing."""
    noun = listed_noun(question)
    if noun is None:
        return frozenset()
    answered_as = frozenset(terms(answer_words(question)))
    return frozenset({noun, *other_words_for(noun)}) | (
        answered_as if noun in answered_as else set()
    )


def _lists(candidate: Candidate, names: frozenset[str], in_a_row: bool = False) -> float:
    """A list answers a list question when its lead-in names what is listed (`names`:
    "6 Targets" for "what are the targets ...?"), or when nothing is said of what it
    lists. So does a sentence that names three or more things in a row, or runs them
    together with semicolons (`in_a_row`: "which organisations make up Birmingham Health
    Partners?")."""
    if not candidate.carries_list or candidate.titles_prose:
        named = (
            in_a_row
            and _names_in_a_row(candidate.text)
            and not is_name_line(candidate.text)  # a person's titles are not a list
        )
        return 1.0 if named and (not names or names & candidate.terms) else 0.0
    lead = candidate.quote.split(PARAGRAPH_BREAK)[0]
    return 1.0 if not names or names & set(terms(lead)) else 0.0


_COUNTED_LIST = re.compile(r"\d|\b(two|three|four|five|six|seven|eight|nine|ten|list)\b", re.I)


def lists_answer(question: str) -> bool:
    """A list answers the question ("what are the five ...", "which sectors ..."); "what
    are growth hubs?" asks what they are."""
    if not wants_list(question):
        return False
    defined = definition_subject(question)
    return defined is None or len(defined) > 3 or bool(_COUNTED_LIST.search(question))


# After the subject, words that say what it is, what makes one, or what counts as one:
# "... important local anchor institutions given their size, workforce ..." (of "anchor
# institutions", and of "anchors": the kind of thing it names may come between)
_DEFINING = re.compile(
    r"^(?:[a-z]{3,}s\s+)?(?:which|that|is|are|means?|refers? to|given|because|such as)\b",
    re.IGNORECASE,
)


def defines(sentence: str, subject: list[str]) -> bool:
    """The sentence starts with the subject ("SmartMed - a project ...", "HEIF is ..."),
    says what it is where it names it ("... approaches to inclusive growth, which will
    specifically target ..."), or spells out the initials asked about ("the National
    Innovation Centre for Ageing (NICA)")."""
    said = without_bullet(sentence).split()
    if all(term in terms(" ".join(said[: len(subject) + 3])) for term in subject):
        return True
    spelt_out = set(terms(" ".join(SPELT_OUT.findall(sentence))))
    if spelt_out and spelt_out.issuperset(subject):
        return True  # "... National Innovation Centre for Ageing (NICA)"
    named = _where_named(said, subject)
    return bool(named and _DEFINING.match(" ".join(said[named[1] :]).lstrip(",– -")))


def _where_named(words: list[str], subject: list[str]) -> tuple[int, int] | None:
    """Where the words first name the subject (a span of them whose terms are the
    subject's, allowing two words more: "the", "local"), or None."""
    for start in range(len(words)):
        for end in range(start + len(subject), min(len(words), start + len(subject) + 2) + 1):
            if terms(" ".join(words[start:end])) == subject:
                return start, end
    return None


# After the subject at a sentence's start: "Productivity measures ...", "Productivity,
# routinely measured by ..., is ...", "SmartMed is ...", "Birmingham Health Partners -
# which brings together ...".
_WHAT_IT_IS = re.compile(
    r"^,?\s*(?:\w+\s+)?(?:is|are|means?|measures?|refers?\s+to|describes?|measured|"
    r"defined|described)\b"
    r"|^\s*[,(–—-]\s*(?:which|that)\s+(?:is|are|brings?\s+together|includes?|comprises?)\b",
    re.IGNORECASE,
)


# Before the subject, saying what counts as one: "NHS organisations are renowned as
# important local anchor institutions given their size, ...".
_COUNTS_AS = re.compile(
    r"\b(?:is|are)\s+(?:\w+ly\s+)?(?:known|renowned|seen|regarded|recognised|recognized|"
    r"described|considered|classed|counted)\s+as\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)


def says_what_it_is(sentence: str, subject: list[str]) -> bool:
    """The sentence opens with the subject and says what it is or how it is measured, or
    says what counts as one and why ("... are renowned as important local anchor
    institutions given their size, workforce, procurement budget ...")."""
    said = without_bullet(sentence)
    words = said.split()
    for end in range(len(subject), len(subject) + 3):
        if terms(" ".join(words[:end])) == subject:
            opening = re.match(r"\s*" + r"\s+".join(map(re.escape, words[:end])), said)
            rest = said[opening.end() :] if opening else ""
            return bool(_WHAT_IT_IS.match(rest))
    named = _where_named(words, subject)
    if not named:
        return False
    before = " ".join(words[: named[0]]) + " "
    return bool(_COUNTS_AS.search(before)) and defines(sentence, subject)


# A party and what it will do: "the government will work in partnership with ...", "the
# LEP has committed to ...", "Government is committed to ...", or is doing: "The NHS
# Confederation, through its Head of Health Economic Partnerships, is supporting ..."
_WILL_ACT = re.compile(
    r"((?:[\w'’-]+\s+){0,2}[\w'’-]+)(?:,[^,]{1,80},)?\s+"
    r"(?:will|would|is\s+going\s+to|(?:has|have|is|are)\s+committed\s+to|"
    r"commits?\s+to|pledges?\s+to|promises?\s+to|agrees?\s+to|"
    r"(?:is|are|has\s+been|have\s+been)\s+[a-z]+ing)\b",
    re.IGNORECASE,
)


def makes_it_act(sentence: str, doers: list[list[str]]) -> bool:
    """The sentence has one of the parties asked about as the one who will act ("the
    government will work in partnership with the West Midlands to: ..." for "what will
    govt do with the WM?"), not another party ("the West Midlands will: ...")."""
    acting = [set(terms(found.group(1))) for found in _WILL_ACT.finditer(sentence)]
    return any(doer and set(doer) <= party for doer in doers for party in acting)
