"""The extractive composer: a short, cited answer built from the documents' own sentences.

With no language model configured, answers are made of sentences quoted from the
retrieved passages. Each sentence is scored on how much of the question it covers
(weighted by how rare each question word is in the knowledge base, with acronyms and
their meanings counted as one idea), how close it is in meaning (embeddings), and how
highly its passage ranked. The best sentence leads; a few more that add something follow
as points; "what should we do" questions prefer sentences that recommend an action.

Whether the passages answer the question at all is decided first, in `bot.engine.answerable`.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from bot.engine.answer import Citation
from bot.engine.boilerplate import discount
from bot.engine.concepts import (
    ASKED_WEIGHT,
    Concept,
    concepts_with_context,
    coverage,
    question_concepts,
)
from bot.engine.glossary import Glossary
from bot.engine.places import Gazetteer
from bot.engine.questions import (
    answer_words,
    asks_if_absent,
    asks_what_it_gains,
    asks_where_to_find,
    counted,
    date_subject,
    definition_subject,
    event_words,
    is_action_question,
    listed_count,
    listed_noun,
    other_words_for,
    parts_referring_back,
    person_asked,
    role_asked,
    topic_asked,
    wants_date,
    wants_list,
    wants_number,
    wants_phone,
)
from bot.engine.retrieval import CONTEXT_WEIGHT, Passage, Query
from bot.engine.stated import (
    DATE,
    DATED_TITLE,
    NUMBER,
    PHONE,
    counted_heads,
    counts,
    gives_phone,
    in_order,
    names_holder,
    names_members,
    office_prefixes,
    states_amount,
    states_count,
    states_date,
    states_for_the_year,
    states_outcome,
)
from bot.engine.text import sentences, terms
from ingest.embeddings import Embedder
from ingest.structure import (
    HEADING,
    PARAGRAPH_BREAK,
    Block,
    blocks,
    bullet,
    heading,
    is_bullet,
    without_bullet,
)

__all__ = [
    "ExtractiveComposer",
    "Lead",
    "Composition",
    "Concept",
    "question_concepts",
    "citation_for",
]

_ACTION_SENTENCE = re.compile(
    r"\b(should|need to|needs to|must|important (that|to|for)|seek to|engage|influence|"
    r"recommend|encourage|opportunit\w*|get involved|contact|work with)\b",
    re.IGNORECASE,
)
# Advice addressed to the NHS: "STPs, ICSs and NHS organisations should seek to engage ...".
_NHS_ADVICE = re.compile(
    r"\b(NHS|STPs?|ICSs?|ICBs?|CCGs?|trusts?|leaders|organisations|systems)\b[^.]{0,120}?"
    r"\b(should|need to|must|can|could)\b",
)
# Sentences that point elsewhere instead of saying anything.
_SIGNPOST = re.compile(
    r"^[\W]*(find out more|visit|download|read more|read the|click|see more|"
    r"for more information|more information can be found)\b",
    re.IGNORECASE,
)
# Sentences about the document rather than its subject ("This briefing explores ...").
_ABOUT_THE_DOCUMENT = re.compile(
    r"^(this|the)\s+(briefing|report|paper|document|section|"
    r"page|slide|publication)\b",
    re.IGNORECASE,
)
_URL = re.compile(r"https?://\S+|www\.\S+")
# "who was it aimed at?", "who is the briefing for?": the readers a document names
_ASKS_AUDIENCE = re.compile(
    r"\b(?:aimed\s+at|intended\s+for|written\s+for|audience|who\s+should\s+read|"
    r"who(?:['’]?s|\s+is|\s+was)\s+(?:it|the\s+[\w-]+)\s+for)\b",
    re.IGNORECASE,
)
_NAMES_READERS = re.compile(
    r"\b(?:of\s+interest\s+(?:for|to)|aimed\s+at|intended\s+for|written\s+for)\b", re.I
)


# "how do we actually influence our LIS?": the way to do it, which a list of stages or
# steps that names the doing answers ("There are three important stages in which to
# influence: ...")
_HOW_TO = re.compile(
    r"\bhow\s+(?:do|can|could|should|would|might|to)\s+"
    r"(?:(?:we|i|you|they|our\s+\w+|trusts?|icss?|stps?|ccgs?|nhs\s+\w+)\s+)?"
    r"(?:(?:actually|best|really|even|go\s+about)\s+)?([a-z]+)",
    re.IGNORECASE,
)
# "whats in the life sci sector deal?": what it holds, which a list whose lead-in names it
# gives ("Key elements of Life Sciences Sector Deal include: ...")
_WHATS_IN = re.compile(
    r"\bwhat(?:['’]?s|\s+is|\s+are)\s+in\s+(?:the\s+|a\s+|an\s+)?([^?.!,;]+?)(?=[?.!,;]|\s[-–—]\s|$)",
    re.IGNORECASE,
)
# "who chairs ...", "..., and who leads it?" (not "people who work there")
_ASKS_WHO = re.compile(r"(?:^|[^\w\s'’]\s*|\b(?:and|or)\s+)who\b|\bwho['’]?s\b", re.IGNORECASE)


@dataclass
class _Candidate:
    text: str
    passage: Passage
    terms: frozenset[str]
    coverage: float
    position: int
    context: frozenset[str] = frozenset()  # its heading's, title's and neighbours' terms
    score: float = 0.0
    quote: str = ""  # the verbatim sentence to cite, when `text` adds the list it introduces
    details: int = 0  # how many of the kinds of detail asked for it holds (`_wanted_details`)
    heading: tuple[str, ...] = ()  # the terms of the heading it sits under, in order
    paragraph: str = ""  # the paragraph or line it comes from
    refers_to: frozenset[str] = frozenset()  # what "These ..." opening it points back at
    speaker: frozenset[str] = frozenset()  # who says it, when a name line follows its quotation

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
    def list_items(self) -> int:
        """Items after the lead-in: one per paragraph, or one per label when the items
        are lines run together ("Innovation: ... Skills: ... Inclusive growth: ...")."""
        _lead, _, items = self.quote.partition(PARAGRAPH_BREAK)
        labels = len(_ITEM_LABEL.findall(items))
        return max(self.quote.count(PARAGRAPH_BREAK), labels if labels > 1 else 0)


# "Inclusive growth: including ...": a list item's label, a word or two then a colon.
_ITEM_LABEL = re.compile(r"(?:^|(?<=\s))[A-Z][a-z]+(?:\s[a-z]+)?:(?=\s)")


@dataclass(frozen=True)
class Lead:
    """A sentence the engine writes itself to lead the answer (whom to contact), with the
    passage and verbatim quote it rests on, so it is cited like every other line."""

    text: str
    passage: Passage
    quote: str
    # False when it names the asker's body only to say no document names a person there:
    # then the question must be covered by the passages to be answered at all
    answers_alone: bool = True


@dataclass
class Composition:
    text: str
    citations: list[Citation]


SAME_SOURCE_PENALTY = 0.03
DETAIL_BONUS = 0.2
LOCAL_BONUS = 0.15  # from a passage about the place the question names
MIN_LABEL_COVERAGE = 0.15  # a label's list is a unit when the label names what is asked
NAMING_LABEL_COVERAGE = 0.5  # a heading after a list labels it when it names most of this
SPOKEN_FACTOR = 0.9  # a named partner's comment, when a place's strategy is asked about
# "what does the greater lincs LIS say about ...", "whats in the bucks LIS re health"
_ASKS_WHAT_IT_SAYS = re.compile(
    r"\b(?:say|says|said|saying|propos\w*|commit\w*)\b|\bwhat(?:['’]?s|\s+is)\s+in\b",
    re.IGNORECASE,
)
# ... unless it asks who says it: "who ... is quoted and what did he say"
_ASKS_WHO_SAYS = re.compile(
    r"\bquoted?\b|\b(?:he|she)\s+(?:say|says|said)\b|\bwho\w*\s+(?:[\w'’]+\s+){0,6}?(?:say|says|said)\b",
    re.IGNORECASE,
)
LIST_CHARS = 1000  # room for a list that answers a list question
PART_CHARS = 350  # more room for each further thing a question asks
# A person's name, with any title before it, then a comma: "Dr Peter O'Brien, Executive
# Director, ...", "Cllr Mark Hawthorne, Chairman of ...".
_TITLE = r"(?:(?:Dr|Prof|Professor|Sir|Dame|Cllr|Councillor|Lord|Baroness|Mr|Mrs|Ms)\.? )"
# Letters after the name: "John Smith PhD FRCPE Hon.FRCPCH, Managing Director, ...".
_POSTNOMINALS = r"(?: (?:PhD|MD|OBE|MBE|CBE|DBE|KBE|FRS|(?:Hon\.)?F[A-Z]{2,7}|M[A-Z]{2,5}))*"
_SIGNATURE = re.compile(
    rf"({_TITLE}*)[A-Z][a-z]+(?: [A-Z]\.?)? [A-Z][A-Za-z’'-]+{_POSTNOMINALS}, [A-Z]"
)


def _wanted_details(
    question: str, candidates: list[_Candidate], glossary: Glossary
) -> list[Callable[[_Candidate], float]]:
    """Tests for the kinds of detail the question asks for (a list, a number, a date, a
    phone number), each saying how far a candidate holds it (0 to 1). When some list's
    lead-in names what the question lists, only such lists count; "how many jobs?" wants
    a number next to the jobs, and any other number half as much."""
    asked = counted(question)
    heads = counted_heads(asked, glossary) if asked else set()

    def number(c: _Candidate) -> float:
        if not NUMBER.search(c.text):
            return 0.0
        return 1.0 if not heads or counts(c.text, heads, shares=False) else 0.5

    names = _names_for_listed(question)
    in_a_row = _lists_answer(question)  # not "what are T levels?"
    if names and not any(_lists(c, names, in_a_row) for c in candidates):
        names = frozenset()
    # "what are growth hubs, and which areas do they cover?": a list of what they are
    # or do, not any list that shares the question's other words
    of = [] if in_a_row else definition_subject(question) or []

    def listed(c: _Candidate) -> float:
        return _lists(c, names, in_a_row) if in_order(of, terms(c.text)) else 0.0

    return [
        holds
        for wanted, holds in (
            (wants_list, listed),
            (wants_number, number),
            (wants_date, _dated_by(question)),
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


def _dated_by(question: str) -> Callable[[_Candidate], float]:
    """How far a sentence gives the date asked for: 1 for one with a date, half for one
    with a stretch of time and no date (it answers "over what period?" and places "when?"
    roughly), or whose every date the question gives itself ("how did the date change
    between the 2017 briefing and the June 2019 one?" is not answered by "we published a
    briefing in June 2019"), unless it asks whether that is the date ("is it March 2020?")."""
    given = set() if _CONFIRMS.match(question) else _date_words(question)
    # "when was the first council of LEP chairs meeting?": a date of a meeting, not one
    # of "the first of these strategies will be agreed by March 2019"
    events = event_words(date_subject(question) or "")

    def dated(candidate: _Candidate) -> float:
        if DATE.search(candidate.text) and not _date_words(candidate.text) <= given:
            said = set(terms(candidate.text))
            return 1.0 if all(group & said for group in events) else OTHER_EVENT_DATE
        return 0.5 if DATE.search(candidate.text) or _PERIOD.search(candidate.text) else 0.0

    return dated


def _date_words(text: str) -> set[str]:
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


def _says_absent(candidate: _Candidate) -> float:
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
    items between semicolons, or four or more short things between commas."""
    return len(_NAMED_ITEM.findall(text)) >= 2 or _short_items(text) or bool(_SERIES.search(text))


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


def _lists(candidate: _Candidate, names: frozenset[str], in_a_row: bool = False) -> float:
    """A list answers a list question when its lead-in names what is listed (`names`:
    "6 Targets" for "what are the targets ...?"), or when nothing is said of what it
    lists. So does a sentence that names three or more things in a row, or runs them
    together with semicolons (`in_a_row`: "which organisations make up Birmingham Health
    Partners?")."""
    if not candidate.carries_list:
        named = (
            in_a_row
            and _names_in_a_row(candidate.text)
            and not _is_name_line(candidate.text)  # a person's titles are not a list
        )
        return 1.0 if named and (not names or names & candidate.terms) else 0.0
    lead = candidate.quote.split(PARAGRAPH_BREAK)[0]
    return 1.0 if not names or names & set(terms(lead)) else 0.0


QUOTATION_REACH = 4  # paragraphs back to where a quotation a chunk starts inside opens


def _quotation_opening(earlier: list[Block], parts: list[Block]) -> list[Block]:
    """The paragraphs, from the chunk before, of a quotation `parts` starts inside: its
    first quotation mark closes one ("... across Oxfordshire.”"), and one of the last
    paragraphs before opens it. None when the chunk starts outside a quotation."""
    marks = (re.search("[“”]", block.text) for block in parts)
    first = next(filter(None, marks), None)
    if first is None or first.group(0) != "”":
        return []
    reach = earlier[-QUOTATION_REACH:]
    for back, block in enumerate(reversed(reach)):
        if block.text.count("“") > block.text.count("”"):
            return reach[len(reach) - 1 - back :]
        if "”" in block.text:
            return []  # another quotation closes first
    return []


QUOTATION_SENTENCES = 8  # sentences back to where a quotation a name line signs opens


def _speakers(texts: list[str]) -> dict[int, frozenset[str]]:
    """Who says each quotation: a name line right after a quotation ("“GM has long
    recognised ...” / Warren Heppolette, Executive Lead, ...") gives the speaker's name to
    every sentence of it (by index in `texts`), so "what does Warren Heppolette say ..."
    finds his words."""
    said: dict[int, frozenset[str]] = {}
    for index in range(1, len(texts)):
        if not _is_name_line(texts[index]) or not texts[index - 1].rstrip().endswith("”"):
            continue
        name = frozenset(terms(without_bullet(texts[index]).split(",")[0]))
        for back in range(index - 1, max(-1, index - 1 - QUOTATION_SENTENCES), -1):
            said[back] = name
            if "“" in texts[back]:
                break
    return said


class ExtractiveComposer:
    """Picks and arranges quoted sentences; see the module docstring."""

    def __init__(
        self,
        embedder: Embedder,
        glossary: Glossary | None = None,
        places: Gazetteer | None = None,
        max_sentences: int = 5,
        max_chars: int = 850,
    ) -> None:
        self.embedder = embedder
        self.glossary = glossary or Glossary()
        self.places = places
        self.max_sentences = max_sentences
        self.max_chars = max_chars

    def _concepts(self, question: str, context: str, idf) -> list[Concept]:
        """The question's ideas (`concepts_with_context`); the topic it asks about a thing
        ("NE LIS - anything on ageing?") weighs double in choosing sentences, where every
        sentence of a passage about the place names the place (it is not doubled in
        finding passages: there the place's own words must count as much)."""
        concepts = concepts_with_context(question, context, self.glossary, idf, CONTEXT_WEIGHT)
        topic = set(topic_asked(question))
        return [
            Concept(c.alternatives, c.weight * ASKED_WEIGHT)
            if topic & {term for alt in c.alternatives for term in alt}
            else c
            for c in concepts
        ]

    def compose(
        self, query: Query, passages: list[Passage], idf, lead: Lead | None = None
    ) -> Composition | None:
        """A cited answer from passages that cover the question (see `assess`), opening
        with `lead` when the engine has one."""
        concepts = self._concepts(query.text, query.context, idf)
        # Advice for a place leads with what names the place's strategy: keep the name's worth.
        place = frozenset() if is_action_question(query.text) else self._place_terms(query.text)
        listed = listed_noun(query.text)
        finding = asks_where_to_find(query.text)  # "where do i read it?": signposts answer
        areas = frozenset(self.places.area_ids(query.text)) if self.places else frozenset()
        candidates = _unique(
            [
                c
                for p in passages
                for c in self._candidates(p, concepts, place, listed, finding, areas)
            ]
        )
        if not candidates or not self._states_what_is_asked(query, passages, idf, candidates):
            return None
        if lead is not None:  # what the lead quotes, it says: no second point of it
            candidates = [c for c in candidates if c.quote != lead.quote] or candidates
        # "The local industrial strategy is a key tool ..." in Dorset's quotation names no
        # place: quoted for Buckinghamshire, it would pass for Buckinghamshire's
        asked = self.places.area_ids(query.text) if self.places else set()
        candidates = [c for c in candidates if not self._hides_place(c, asked)] or candidates
        self._score(query, candidates, len(passages), asked)
        chosen = self._select(candidates, concepts, lists_first=_lists_answer(query.text))
        if is_action_question(query.text):
            chosen = _with_an_action(
                _with_the_place(chosen, candidates, self.max_chars), candidates, self.max_sentences
            )
        parts = parts_referring_back(query.text)
        # each further thing asked has room for its own point
        room = self.max_chars + PART_CHARS * (len(parts) - 1) if parts else self.max_chars
        if len(parts) > 1:
            for clause, referent in parts:
                part = f"{referent} {clause}".lstrip()
                # what the clause asks, of what it refers back to: "... the lincs LEP? and
                # did they say anything about rural health" asks for rural health
                part_concepts = self._concepts(clause, f"{referent} {query.context}", idf)
                defined = self._defined(part)
                chosen = _answering(
                    part_concepts,
                    defined,
                    _office_in(part),
                    chosen,
                    candidates,
                    self.max_sentences,
                    # what something is leads when too long to follow (see `_answering`)
                    self.max_chars if defined else room,
                )
        why = next((p for p in parts if _ASKS_WHY.search(p[0])), None)
        if why is not None and not asks_what_it_gains(query.text):  # "why bother? what's in it"
            clause, referent = why
            why_concepts = self._concepts(clause, f"{referent} {query.context}", idf)
            chosen = _with_reason(
                why_concepts, chosen, candidates, self.max_sentences, room, alone=len(parts) < 2
            )
        chosen = _with_antecedents(chosen, candidates, self.max_sentences, room)
        if lead is not None:
            opening = _Candidate(lead.text, lead.passage, frozenset(), 1.0, 0, quote=lead.quote)
            chosen = [opening] + [c for c in chosen if c.quote != lead.quote]
            chosen = chosen[: self.max_sentences]
        return _write(chosen)

    def _states_what_is_asked(
        self, query: Query, passages: list[Passage], idf, candidates: list[_Candidate]
    ) -> bool:
        """The passages give the amount, count, date, office holder, phone number or
        result the question asks for, if it asks for one (`bot.engine.stated`)."""

        def about(subject: str):
            concepts = self._concepts(subject, query.context, idf)
            return concepts, [self._candidates(p, concepts) for p in passages]

        question = query.text
        return (
            states_amount(question, about, self.places)
            and states_count(question, about, self.glossary, self.places)
            and states_date(question, about, self.places)
            and names_holder(question, about, self.places)
            and names_members(question, about, self.places)
            and gives_phone(question, about, self.places)
            and states_outcome(question, about, self.places)
            and states_for_the_year(question, about)
        )

    def _defined(self, question: str) -> list[str] | None:
        """What the question asks to be defined, spelt out when typed as initials the
        glossary knows ("whats a SAP?" -> skills advisory panel): the sentences that
        say what it is ("These panels will produce ...") use the words."""
        subject = definition_subject(question)
        if subject and len(subject) == 1:
            for entry in self.glossary.entries_in(question):
                if terms(entry.acronym) == subject:
                    return terms(entry.meaning)
        return subject

    def _elsewhere(self, sentence: str, asked: set[str]) -> bool:
        """The sentence is about other areas than the one the question names."""
        if not asked:
            return False
        named = self.places.area_ids(sentence) if self.places else set()
        return bool(named) and not named & asked

    def _hides_place(self, candidate: _Candidate, asked: set[str]) -> bool:
        """The sentence names no place, but its paragraph names only other places than
        the ones asked about: it is about them, and would not say so."""
        return (
            bool(self.places and asked)
            and self._elsewhere(candidate.paragraph, asked)
            and not self.places.area_ids(candidate.text)
        )

    def _placed_from(
        self, passage: Passage, units: list[tuple[str, Block]], areas: frozenset[str]
    ) -> int:
        """From which unit on a passage about the asked areas is about them: all of it when
        its title, section or the text before it names them, else from the first unit
        that does (a case study's caption before its quotes), not before ("Local areas are
        at differing stages ..." before "The West Midlands ... were announced ..."). A
        quotation of several paragraphs that names the place in a later one speaks for it
        from its opening."""
        if not (passage.local and areas and self.places):
            return 0
        info = passage.chunk.info
        around = " ".join(filter(None, [info.title, info.section, passage.preceding]))
        if areas & self.places.area_ids(around):
            return 0
        named = [n for n, (text, _block) in enumerate(units) if areas & self.places.area_ids(text)]
        start = named[0] if named else 0
        while start > 0:
            block, then = units[start - 1][1], units[start][1]
            quoted = block.text.lstrip().startswith("“")
            if not (quoted and (block is then or not block.text.rstrip().endswith("”"))):
                break
            start -= 1
        return start

    def _place_terms(self, question: str) -> frozenset[str]:
        """The terms of the places the question names ("Greater Lincolnshire"), but not of
        a place inside an organisation's name ("Birmingham Health Partners")."""
        if self.places is None:
            return frozenset()
        named = [
            name
            for name, _ in self.places.matches(question, titled=True)
            if not re.search(rf"(?i:\b{re.escape(name)})\s+[A-Z][a-z]", question)
        ]
        return frozenset(terms(" ".join(named)))

    def _candidates(
        self,
        passage: Passage,
        concepts: list[Concept],
        place: frozenset[str] = frozenset(),
        listed: str | None = None,
        finding: bool = False,
        areas: frozenset[str] = frozenset(),
    ) -> list[_Candidate]:
        """The passage's quotable units, each with its coverage of the question. In a
        passage about the place asked about (`areas`, whose names' terms are `place`),
        every sentence from where it names the place (`_placed_from`) counts as naming it:
        sentences then compete on what else they say ("over-75 ... projected to double"),
        not on repeating the place's name."""
        info = passage.chunk.info
        place = place if passage.local else frozenset()
        found = []
        parts = blocks(passage.chunk.text, info.section)
        # A list whose lead-in ends this chunk goes on in the next (overlap left out).
        after = [b for b in blocks(passage.following, None) if b.text not in passage.chunk.text]
        earlier = [b for b in blocks(passage.preceding, None) if b.text not in passage.chunk.text]
        # a quotation this chunk starts inside opens in the chunk before ("“We will establish
        # a living lab ...” / "• This living lab will ...”"): its opening comes first
        parts = _quotation_opening(earlier, parts) + parts

        def label_coverage(label: str) -> float:
            return coverage(concepts, frozenset(terms(label)))

        def names_asked_list(label: str) -> bool:
            """The label names most of what is asked, or the thing a list question lists
            ("Key attributes of ..." for "... key attributes? heard bottom up etc")."""
            return label_coverage(label) >= NAMING_LABEL_COVERAGE or listed in terms(label)

        def labels_asked(label: str) -> bool:
            return label_coverage(label) >= MIN_LABEL_COVERAGE

        units: list[tuple[str, str, Block]] = []
        for index, block in enumerate(parts):
            following = parts[index + 1 :] + after
            before = parts[index - 1] if index else None
            # a label printed after its list says nothing without it
            offered = _label_after_list(block, earlier + parts[:index], names_asked_list) or _units(
                block, before, following, labels_asked, names_asked_list, listed, finding
            )
            units += [(text, quote, block) for text, quote in offered]
        speakers = _speakers([text for text, _quote, _block in units])
        placed_from = self._placed_from(
            passage, [(text, block) for text, _quote, block in units], areas
        )
        for position, (text, quote, block) in enumerate(units):
            heading = tuple(terms(block.section or ""))
            context = frozenset(terms(f"{block.section or ''} {info.title or ''}")) | passage.nearby
            context |= speakers.get(position, frozenset())
            sentence_terms = frozenset(terms(text))
            earlier_unit = units[position - 1] if position else None
            meant = (
                _referent(text, earlier_unit[0])
                if earlier_unit and earlier_unit[2] is block
                else frozenset()
            )
            here = place if position >= placed_from else frozenset()
            own = coverage(concepts, sentence_terms | here | meant)
            with_context = coverage(concepts, sentence_terms | here | meant | context)
            found.append(
                _Candidate(
                    text,
                    passage,
                    sentence_terms,
                    0.6 * own + 0.4 * with_context,
                    position,
                    context,
                    quote=quote,
                    heading=heading,
                    paragraph=block.text,
                    refers_to=meant,
                    speaker=speakers.get(position, frozenset()),
                )
            )
        return found

    def _score(
        self, query: Query, candidates: list[_Candidate], passages: int, asked: set[str]
    ) -> None:
        """Each candidate's score: how well it covers the question, how like it it reads,
        and bonuses for the kind of answer asked for; `asked` are the areas the question
        names, whose passages count for it and other places' against it."""
        vectors = self.embedder.embed([c.text for c in candidates])
        similarity = vectors @ np.asarray(query.vector)
        action = bool(is_action_question(query.text))
        subject = self._defined(query.text)
        # the kind of list asked for, as the passages about the place asked about give it
        local = [c for c in candidates if c.passage.local]
        wanted = _wanted_details(query.text, local or candidates, self.glossary)
        items = listed_count(query.text)
        holds = _WHATS_IN.search(query.text)
        contents = terms(holds.group(1)) if holds else []
        how = _HOW_TO.search(query.text)
        method = set(terms(how.group(1))) if how else set()
        person = frozenset(terms(person_asked(query.text) or ""))
        # "who chairs ...", "salford royal here, whos the contact ...?", "the name of the
        # head of ..."
        asks_who = bool(_ASKS_WHO.search(query.text) or person or role_asked(query.text))
        asks_when = wants_date(query.text)
        audience = bool(_ASKS_AUDIENCE.search(query.text))
        finding = asks_where_to_find(query.text)
        says_a_place = (
            bool(asked)
            and bool(_ASKS_WHAT_IT_SAYS.search(query.text))
            and not _ASKS_WHO_SAYS.search(query.text)
        )
        asked_terms = frozenset(terms(query.text))
        for candidate, sim in zip(candidates, similarity, strict=True):
            prior = 1.0 - (candidate.passage.rank - 1) / max(1, passages)
            score = 0.5 * candidate.coverage + 0.35 * float(sim) + 0.15 * prior
            shape = _shape_factor(candidate.text, _titled_list(candidate))
            score *= shape * discount(candidate.passage.novelty)
            if finding and _SIGNPOST.search(without_bullet(candidate.text).strip()):
                score += DETAIL_BONUS  # "where do i find it?": "Visit the OxLEP website"
            if audience and _NAMES_READERS.search(candidate.text):
                score += DETAIL_BONUS  # "This briefing will be of interest for NHS chief ..."
            if _is_name_line(candidate.text) and not asks_who:
                score *= 0.6  # a signature line answers "who", and little else
            if not asks_when and _is_dated_caption(candidate.text):
                score *= 0.3  # "... consultation (January 2019)" answers "when", and nothing else
            if person and _is_name_line(candidate.text) and person <= candidate.terms:
                score += DETAIL_BONUS  # "what positions does Dean Fathers hold?": his line
            # The kind of answer asked for: a list, a number, a date.
            if wanted:
                held = sum(holds(candidate) for holds in wanted)
                candidate.details = math.ceil(held)
                score += DETAIL_BONUS * held
            if (method or contents) and candidate.carries_list:
                lead_in = terms(candidate.lead_in)
                if method & set(lead_in):
                    score += DETAIL_BONUS  # "how do we influence it?": the stages to influence
                if contents and in_order(contents, lead_in):
                    score += DETAIL_BONUS  # "whats in the sector deal?": "Key elements of ..."
            if items and candidate.list_items == items:
                score += DETAIL_BONUS  # "the 4 grand challenges": a list of four
            if action and _ACTION_SENTENCE.search(candidate.text):
                score += 0.3 if _NHS_ADVICE.search(candidate.text) else 0.2
            # "These will enable mayors ..." after "... to establish Skills Advisory Panels."
            # says what the panels do
            does_it = bool(subject) and candidate.points_back_at(subject)
            if subject and (_defines(candidate.text, subject) or does_it):
                score += 0.1
                if does_it or _says_what_it_is(candidate.text, subject):
                    score += 0.1  # "Productivity measures ...", not "... matters because"
            if candidate.speaker and says_a_place and not candidate.speaker & asked_terms:
                # "what does the lincs LIS say ...": the strategy's words before a
                # partner's comment on it ("Health and care are significant industries ...")
                score *= SPOKEN_FACTOR
            if candidate.passage.local:
                score += LOCAL_BONUS
            elif self._elsewhere(candidate.text, asked):
                score -= LOCAL_BONUS  # the North East's list does not answer for Lincolnshire
            candidate.score = score

    def _select(
        self, candidates: list[_Candidate], concepts: list[Concept], lists_first: bool = False
    ) -> list[_Candidate]:
        """Greedy: the best sentence, then those that add most to what is covered. For a
        question that wants a list, a list may take the answer up to LIST_CHARS: cut to
        fit, it would not answer."""
        ranked = sorted(candidates, key=lambda c: c.score, reverse=True)

        def room(candidate: _Candidate) -> int:
            return LIST_CHARS if lists_first and candidate.carries_list else self.max_chars

        chosen = [ranked[0]]
        covered = ranked[0].terms
        length = len(ranked[0].text)
        while len(chosen) < self.max_sentences:
            base = coverage(concepts, covered)
            best, best_value = None, 0.5 * chosen[0].score
            for candidate in ranked[1:]:
                if length + len(candidate.text) > room(candidate):
                    candidate = _clipped(candidate, room(candidate) - length)
                if candidate is None or candidate in chosen:
                    continue
                repeated = [
                    c
                    for c in chosen
                    if _overlap(candidate.terms, c.terms) > 0.6 or _shows_again(candidate, c)
                ]
                if repeated:
                    if _put_fuller(chosen, repeated, candidate, room(candidate) - length):
                        covered = frozenset().union(*(c.terms for c in chosen))
                        length = sum(len(c.text) for c in chosen)
                    continue
                gain = coverage(concepts, covered | candidate.terms) - base
                value = candidate.score + 0.3 * gain + (0.1 if _follows(candidate, chosen) else 0)
                # A second source is worth more than another point from the same one.
                same = sum(c.passage.chunk.doc_id == candidate.passage.chunk.doc_id for c in chosen)
                value -= SAME_SOURCE_PENALTY * same
                if value > best_value:
                    best, best_value = candidate, value
            if best is None:
                break
            chosen.append(best)
            covered |= best.terms
            length += len(best.text)
        return chosen


# "We want to grow our own fit-for-purpose workforce ...; provide an environment ...;
# deliver ...; and provide ...": a sentence that runs on as clauses between semicolons.
_CLAUSE_BREAK = "; "
_MIN_CLIPPED = 60  # shorter, a sentence's first clause no longer says what it is about


def _clipped(candidate: _Candidate, room: int) -> _Candidate | None:
    """A sentence too long for the room left, cut after as many of its clauses as fit:
    its first clauses still say what the rest goes on to list. None when it cannot be."""
    if candidate.carries_list:
        return None
    clauses = candidate.text.split(_CLAUSE_BREAK)
    while len(clauses) > 1:
        clauses.pop()
        kept = _CLAUSE_BREAK.join(clauses)
        shown = f"{kept}; …"  # marked as cut
        if len(shown) <= room:
            if len(kept) < _MIN_CLIPPED:
                return None
            return replace(candidate, text=shown, quote=kept, terms=frozenset(terms(kept)))
    return None


def _put_fuller(
    chosen: list[_Candidate], repeated: list[_Candidate], candidate: _Candidate, room: int
) -> bool:
    """A candidate that repeats one chosen sentence and adds the detail asked for takes
    its place ("There are significant benefits for the NHS ..." gives way to "There are
    many benefits ..., including: ..." and its list). True when it did."""
    if len(repeated) != 1:
        return False
    (same,) = repeated
    if candidate.details <= same.details or len(candidate.text) - len(same.text) > room:
        return False
    chosen[chosen.index(same)] = candidate
    return True


_COUNTED_LIST = re.compile(r"\d|\b(two|three|four|five|six|seven|eight|nine|ten|list)\b", re.I)


def _lists_answer(question: str) -> bool:
    """A list answers the question ("what are the five ...", "which sectors ..."); "what
    are growth hubs?" asks what they are."""
    if not wants_list(question):
        return False
    defined = definition_subject(question)
    return defined is None or len(defined) > 3 or bool(_COUNTED_LIST.search(question))


def _with_an_action(
    chosen: list[_Candidate], candidates: list[_Candidate], limit: int
) -> list[_Candidate]:
    """A "what should we do" answer includes the best recommendation the passages make,
    preferably one addressed to the NHS ("ICSs ... should seek to engage ...").

    When none of the chosen sentences recommends anything, the best-scoring sentence that
    does, from the top passages, becomes the second point (the weakest point makes room):
    what the place's strategy says first, then what to do about it.
    """
    for advice in (_NHS_ADVICE, _ACTION_SENTENCE):
        if any(advice.search(c.text) for c in chosen):
            return chosen
        actions = [
            c
            for c in candidates
            if advice.search(c.text)
            and c.passage.rank <= 4
            and c.coverage >= 0.15
            and c not in chosen
        ]
        if actions:
            best = max(actions, key=lambda c: c.score)
            return [chosen[0], best, *chosen[1 : limit - 1]]
    return chosen


def _with_the_place(
    chosen: list[_Candidate], candidates: list[_Candidate], max_chars: int
) -> list[_Candidate]:
    """Advice for a place says what the place's strategy or case study says before what
    to do about it: when no chosen point comes from a passage about the place asked about,
    the best that does leads, and the weakest points make room ("trust in exeter - what
    shd we push for?" and the Heart of the South West command paper's anchors)."""
    local = [c for c in candidates if c.passage.local]
    if not local or any(c.passage.local for c in chosen):
        return chosen
    kept = [max(local, key=_by_score), *chosen]
    while len(kept) > 2 and sum(len(c.text) for c in kept) > max_chars:
        kept.pop()
    return kept


PART_COVERED = 0.75  # a candidate this close to a question's part answers it
PART_ANSWERED = 0.9  # of the best coverage of a question's part any candidate has
LEAD_RIVAL = 0.85  # of the lead's score: a part's answer this good may lead instead


def _office_in(part: str) -> tuple[str, ...]:
    """How sentences name the office a part asks the holder of ("who heads up X"), if any."""
    asked = role_asked(part)
    return office_prefixes(asked[0]) if asked else ()


def _answering(
    part: list[Concept],
    defined: list[str] | None,
    office: tuple[str, ...],
    chosen: list[_Candidate],
    candidates: list[_Candidate],
    max_sentences: int,
    max_chars: int,
) -> list[_Candidate]:
    """For one of the things a question asks (`asked_parts`): when no chosen sentence
    covers it nearly as well as the best candidate does, that candidate takes the weakest
    point's place ("how is productivity defined, and why does it matter?" gets both a
    definition and a reason). A part that asks what something is (`defined`) is covered
    by a sentence that says so ("Productivity measures ..."), one that asks who holds an
    office (`office`) by a sentence that names the office ("..., Managing Director, ...")."""

    # the office is named its own way ("heads" -> "..., Managing Director, ...")
    besides_office = [c for c in part if not c.alternatives[0][0].startswith(office)]

    def said(concepts: list[Concept], candidate: _Candidate) -> float:
        own = coverage(concepts, candidate.terms)
        return 0.6 * own + 0.4 * coverage(concepts, candidate.terms | candidate.context)

    def covers(candidate: _Candidate) -> float:
        # "These panels will produce ..." after "... to establish Skills Advisory Panels."
        # says what they are, as "Skills Advisory Panels are ..." would
        if defined and (
            _says_what_it_is(candidate.text, defined) or candidate.points_back_at(defined)
        ):
            return 1.0
        if office and not any(t.startswith(office) for t in candidate.terms):
            return said(part, candidate) / 2  # naming the body is not naming its office holder
        found = said(besides_office, candidate)
        return found / 2 if defined else found  # naming the thing is not saying what it is

    best = max(candidates, key=lambda c: (covers(c), c.score))
    if (
        covers(best) < PART_COVERED
        or any(best.text in c.text for c in chosen)
        or max(map(covers, chosen)) >= PART_ANSWERED * covers(best)
    ):
        return chosen
    # The weakest points make room: for the count, and one more for the length if that is
    # enough; not the one `best` points back at ("These panels will produce ..." needs
    # "... to establish Skills Advisory Panels." before it).
    needed = _antecedent(best, candidates)
    weakest = [c for c in reversed(chosen[1:]) if c is not needed]
    kept = list(chosen)
    while len(kept) > max_sentences - 1 and weakest:
        kept.remove(weakest.pop(0))
    if sum(len(c.text) for c in kept) + len(best.text) > max_chars and weakest:
        kept.remove(weakest.pop(0))
    if kept and sum(len(c.text) for c in kept) + len(best.text) <= max_chars:
        return [*kept, best]
    if not defined or best.score < LEAD_RIVAL * chosen[0].score:
        return chosen
    # Too long to follow the lead, a sentence that says what was asked about and nearly
    # as good by every other measure: it leads instead ("whats birmingham health
    # partners? who's in it": "Birmingham Health Partners - which brings together ...").
    kept, length = [best], len(best.text)
    for candidate in chosen[: max_sentences - 1]:
        if length + len(candidate.text) <= max_chars:
            kept.append(candidate)
            length += len(candidate.text)
    return kept


# "This living lab will ...", "These hubs ...": a sentence that names its subject by
# pointing back to where an earlier sentence introduced it.
_POINTS_BACK = re.compile(
    r"^\W*(?:this|these|that|those|such)\s+((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)\s+"
    r"(?:will|would|is|are|was|were|has|have|had|can|could|should|may|might|must)\b"
)
ANTECEDENT_REACH = 4  # sentences back to where the thing pointed at is introduced


# "These will enable ...", "These panels will produce ...": a sentence that names its
# subject only by pointing back to the sentence before.
_OPENS_POINTING = re.compile(
    r"^\W*(?:these|they|this|it|such)(?:\s+([a-z][\w-]*))?\s+"
    r"(?:will|would|are|is|were|was|can|could|should|may|might|must|have|has|help|provide)\b",
    re.IGNORECASE,
)
# A capitalised name of two words or more: "Skills Advisory Panels".
_CAPITALISED_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:and\s+|of\s+)?[A-Z][a-z]+)+")


def _referent(sentence: str, before: str) -> frozenset[str]:
    """What a sentence that points back names, as terms: the phrase of the sentence before
    that ends in the noun it repeats ("These panels" -> "skills advisory panels"), or the
    last name the sentence before gives ("These will enable ..." after "... to establish
    Skills Advisory Panels.")."""
    opening = _OPENS_POINTING.match(sentence)
    if not opening:
        return frozenset()
    noun = opening.group(1)
    if noun and noun.lower() not in {"will", "would", "are", "is", "were", "was", "have", "has"}:
        found = re.search(rf"((?:[\w-]+\s+){{0,3}}){re.escape(noun)}\b", before, re.IGNORECASE)
        return frozenset(terms(found.group(0))) if found else frozenset()
    names = _CAPITALISED_NAME.findall(before)
    return frozenset(terms(names[-1])) if names else frozenset()


def _with_antecedents(
    chosen: list[_Candidate], candidates: list[_Candidate], max_sentences: int, max_chars: int
) -> list[_Candidate]:
    """A chosen sentence that points back ("This living lab will ...") comes after the
    sentence that introduces what it points at ("We will establish a health and wellbeing
    living lab ..."), when a few sentences before it in its passage do. Points ranked
    below it make room; when none can, the introducing sentence takes its place. A unit
    that names the thing again ("These challenges ... The grand challenges are: ...")
    needs no introduction."""
    result = list(chosen)
    budget = max(max_chars, sum(len(c.text) for c in chosen))

    def fits(trial: list[_Candidate]) -> bool:
        return len(trial) <= max_sentences and sum(len(c.text) for c in trial) <= budget

    for candidate in chosen:
        antecedent = _antecedent(candidate, candidates)
        if antecedent is None or antecedent in result or candidate not in result:
            continue  # (or it made room for an earlier point's antecedent)
        at = result.index(candidate)
        trial = [*result[:at], antecedent, *result[at:]]
        while not fits(trial) and len(trial) > at + 2:
            trial.pop()  # the weakest point ranked below the sentence that points back
        if not fits(trial):
            trial = [*result[:at], antecedent, *result[at + 1 :]]
        if fits(trial):
            result = trial
    return result


def _antecedent(candidate: _Candidate, candidates: list[_Candidate]) -> _Candidate | None:
    """The nearest sentence before `candidate` in its passage that names what it points
    back at, when it points back and does not name the thing again (see above)."""
    pointed = _POINTS_BACK.match(without_bullet(candidate.text).lower())
    named = terms(pointed.group(1)) if pointed else []
    said = terms(candidate.text)
    if not named or any(said.count(term) > 1 for term in named):
        return None
    earlier = [
        c
        for c in candidates
        if c.passage.chunk.id == candidate.passage.chunk.id
        and candidate.position - ANTECEDENT_REACH <= c.position < candidate.position
        and set(named) <= c.terms
        and c.text not in candidate.text
        and candidate.text not in c.text
    ]
    return max(earlier, key=lambda c: c.position, default=None)


_ASKS_WHY = re.compile(r"\bwhy\b", re.IGNORECASE)


def _with_reason(
    part: list[Concept],
    chosen: list[_Candidate],
    candidates: list[_Candidate],
    max_sentences: int,
    max_chars: int,
    alone: bool = False,
) -> list[_Candidate]:
    """For a question that asks why: the sentence after the point that best answers that
    part, which often gives the reason ("... it is important that NHS organisations are
    represented on the local skills advisory panels ..." / "Our workforce will be the
    largest in virtually every LEP area ..."), when there is room for it. When why is
    all the question asks (`alone`), the points ranked below make room."""
    point = max(chosen, key=lambda c: coverage(part, c.terms | c.context))
    after = next(
        (
            c
            for c in candidates
            if c.passage.chunk.id == point.passage.chunk.id and c.position == point.position + 1
        ),
        None,
    )
    if after is None or any(after.quote == c.quote for c in chosen):
        return chosen
    at = chosen.index(point) + 1
    kept = [*chosen[:at], after, *chosen[at:]]

    def too_long() -> bool:
        return len(kept) > max_sentences or sum(len(c.text) for c in kept) > max_chars

    while alone and too_long() and len(kept) > at + 1:
        kept.pop()
    # asked other things too, the weakest point besides the lead and the point makes room
    spare = sorted((c for c in kept[1:] if c is not point and c is not after), key=_by_score)
    if not alone and too_long() and spare:
        kept.remove(spare[0])
    if too_long():
        return chosen  # the other points answer other things asked
    return kept


def _by_score(candidate: _Candidate) -> float:
    return candidate.score


def _follows(candidate: _Candidate, chosen: list[_Candidate]) -> bool:
    """The candidate is the sentence right after one already chosen, in the same passage."""
    return any(
        candidate.passage.chunk.id == c.passage.chunk.id and candidate.position == c.position + 1
        for c in chosen
    )


def _units(
    block: Block,
    before: Block | None,
    following: list[Block],
    labels_asked: Callable[[str], bool],
    names_asked_list: Callable[[str], bool],
    listed: str | None = None,
    finding: bool = False,
) -> list[tuple[str, str]]:
    """What a block offers to quote, as (text shown, verbatim quote) pairs: its sentences,
    a sentence that introduces a list together with the list, and a label ("6 Targets",
    or a heading) together with the short lines under it, when the label names something
    asked about (not "Key points"). The list a list question asks for (`listed`, what it
    lists, named in the introduction) shows every item it can."""
    labelled = (_labels_list(block, before, following) and labels_asked(block.text)) or (
        names_asked_list(block.text) and _labels_list(block, before, following, titled=True)
    )
    if labelled or _names_listed_lines(block, following, listed):
        label = heading(block.text) if block.kind == "heading" else block.text
        # a line that names the list asked for shows every item it can
        text, quote = _with_list(
            block.text, following, verbatim_lead=label, every_item=not labelled
        )
        return [(text, quote)] if text != block.text else []
    if block.kind == "heading":
        # Cleaning takes a short signature or contact line for a heading, or a slide's line
        # that spells out initials: it still says who someone is, how to reach them, or
        # what the initials stand for ("Centre for Data (NICD) provides ...").
        says = (
            _is_name_line(block.text)
            or PHONE.search(block.text)
            or _SPELT_OUT.search(block.text)
            or _STATES.search(block.text)
        )
        return [(block.text, heading(block.text))] if says else []
    paragraph = block.text
    said = sentences(paragraph)
    units = []
    for number, sentence in enumerate(said):
        text, quote = sentence, sentence
        if number and _LISTS_IT.match(sentence):
            continue  # quoted with the sentence before it, which says what it lists
        if _announces_list(said[number:]) and paragraph.endswith(said[-1]):
            # "There are several common areas ... These are:" and the list after
            lead = paragraph[paragraph.index(sentence) :]
            # the list the question asks for, named by its lead-in ("... key strengths ...
            # as being:", "Ageing society - ... . Priorities include:"), may fill an
            # answer's room for a list (LIST_CHARS)
            every_item = listed is not None and listed in terms(lead)
            whole = every_item and re.search(rf"(?i)\b{re.escape(listed)}\w*s\b", lead)
            room = max(_LIST_ITEMS_CHARS, LIST_CHARS - len(lead)) if whole else None
            text, quote = _with_list(lead, following, every_item=every_item, room=room)
        elif number + 1 < len(said) and _LISTS_IT.match(said[number + 1]):
            # "... priority issues ... These include: low pay sectors; ...": the list is
            # what the sentence is about
            start = paragraph.index(sentence)
            end = paragraph.index(said[number + 1], start) + len(said[number + 1])
            text = quote = paragraph[start:end]
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

_LABEL_WORDS = 6
_TITLED_ITEM_WORDS = 5  # a slide title's first points are this long at least
_TITLED_POINTS = 3
_HEADING_WORDS = 12  # a heading that titles a list is no longer than this


def _label_after_list(
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
) -> tuple[str, str]:
    """A sentence that introduces a list ("The grand challenges are:") with the items that
    follow it: as one sentence to show, and as the verbatim text to cite. Alone, such a
    sentence says nothing.

    The items are the bullet points after it; or short lines, which cleaning may have
    taken for headings ("## Making the UK a global hub for advanced therapies"); or, when
    the list is written as running text ("Innovation: ... Skills: ..."), the paragraph
    right after it. Items longer than `limit` in all are cut to their first sentence (and,
    in the list asked for, to what comes before their examples); as many as fit in `room`
    (by default `limit`) are quoted.
    """
    limit = limit or _LIST_ITEMS_CHARS
    items: list[Block] = []
    for block in following:
        if items and _list_kind(block) != _list_kind(items[0]):
            break  # the list has ended: what follows is of another kind
        if items and block.text.rstrip().endswith(":"):
            break  # "Strengthen collaboration between:": another list's lead-in
        if not items and _item_kind(block) == "prose":
            if len(block.text) <= limit and _runs_as_list(block.text):
                items.append(block)  # a list written as running text
            break
        items.append(block)
        if _last_item(items):
            break
    texts = [i.text for i in items]
    if sum(map(len, texts)) > limit and len(texts) > 1:
        # Every item matters more than all of one: long points keep their first sentence,
        # and, in the list asked for, what comes before their examples ("Supporting
        # sectors to adapt to an ageing workforce including building on ...").
        texts = [(sentences(text) or [text])[0] for text in texts]
        if every_item and sum(map(len, texts)) > limit:
            texts = [_before_examples(text) for text in texts]
    if sum(map(len, texts)) > (room or limit) and len(texts) > 1:
        # still too long for every item: each item says what it is before its relative
        # clause ("the Working Well employment support programme that pooled funding ...")
        texts = [_before_clause(text) for text in texts]
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
    return f"{sentence}{joined}{shown}.", PARAGRAPH_BREAK.join([lead, *verbatim])


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
_DATED_CAPTION_WORDS = 12  # "Heart of the South West command paper (February 2019)"


def _quotable(sentence: str, signposts: bool = False) -> bool:
    """A sentence worth quoting: not a caption, bare web address or signpost ("Visit
    the OxLEP website"), unless asked where to find something (`signposts`)."""
    prose = without_bullet(_URL.sub("", sentence).strip()).strip()
    if len(prose) < 12 or len(prose.split()) < 3 or (_SIGNPOST.search(prose) and not signposts):
        return False
    if prose.endswith(("-", "–", "—")):  # torn at a line break: the rest is missing
        return False
    ended = prose.rstrip("”’\"')").endswith((".", "!", "?", ":"))
    is_caption = (
        len(prose.split()) < _CAPTION_WORDS
        and not ended
        and not _is_name_line(prose)
        and not PHONE.search(prose)
        and not DATED_TITLE.search(prose)  # "... consultation (January 2019)": when it came out
    )
    return not is_caption


def _is_dated_caption(text: str) -> bool:
    """A document's title with its date in brackets, standing alone as a caption."""
    prose = without_bullet(text).strip()
    return len(prose.split()) <= _DATED_CAPTION_WORDS and bool(DATED_TITLE.search(prose))


def _is_name_line(text: str) -> bool:
    """A signature or credit line ("Dean Fathers, Chair, Nottinghamshire Healthcare NHS
    Trust and Chair, ...", "Cllr Mark Hawthorne, Chairman of the LGA ..."): a person's
    name, a comma, and titles, not a statement."""
    text = without_bullet(text)  # a list's item may be a name line too
    name = _SIGNATURE.match(text)
    if not name or text.rstrip().endswith((".", "!", "?")):
        return False
    return text.count(",") >= 2 or bool(name.group(1))


def _unique(candidates: list[_Candidate]) -> list[_Candidate]:
    """Overlapping chunks repeat sentences: keep each sentence once, from its best passage."""
    best: dict[str, _Candidate] = {}
    for candidate in candidates:
        key = " ".join(candidate.text.split()).lower()
        if key not in best or candidate.passage.rank < best[key].passage.rank:
            best[key] = candidate
    return list(best.values())


def _titled_list(candidate: _Candidate) -> bool:
    """A list under its title or label ("Proposed approach to ...", "6 Targets"), not
    under a sentence that introduces it: one unit, however long."""
    ends = (":", ".", "”", "?", "!")
    return candidate.carries_list and not candidate.lead_in.rstrip().endswith(ends)


def _shape_factor(text: str, titled_list: bool = False) -> float:
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


_SPELT_OUT = re.compile(r"\(([A-Z][A-Za-z&]{1,9})\)")  # a name's initials after it
# After the subject, words that say what it is, what makes one, or what counts as one:
# "... important local anchor institutions given their size, workforce ...".
_DEFINING = re.compile(
    r"^(?:which|that|is|are|means?|refers? to|given|because|such as)\b",
    re.IGNORECASE,
)


def _defines(sentence: str, subject: list[str]) -> bool:
    """The sentence starts with the subject ("SmartMed - a project ...", "HEIF is ..."),
    says what it is where it names it ("... approaches to inclusive growth, which will
    specifically target ..."), or spells out the initials asked about ("the National
    Innovation Centre for Ageing (NICA)")."""
    said = without_bullet(sentence).split()
    if all(term in terms(" ".join(said[: len(subject) + 3])) for term in subject):
        return True
    spelt_out = set(terms(" ".join(_SPELT_OUT.findall(sentence))))
    if spelt_out and spelt_out.issuperset(subject):
        return True  # "... National Innovation Centre for Ageing (NICA)"
    for start in range(len(said)):
        for end in range(start + len(subject), min(len(said), start + len(subject) + 2) + 1):
            if terms(" ".join(said[start:end])) == subject:
                return bool(_DEFINING.match(" ".join(said[end:]).lstrip(",– -")))
    return False


# After the subject at a sentence's start: "Productivity measures ...", "Productivity,
# routinely measured by ..., is ...", "SmartMed is ...", "Birmingham Health Partners -
# which brings together ...".
_WHAT_IT_IS = re.compile(
    r"^,?\s*(?:\w+\s+)?(?:is|are|means?|measures?|refers?\s+to|describes?|measured|"
    r"defined|described)\b"
    r"|^\s*[,(–—-]\s*(?:which|that)\s+(?:is|are|brings?\s+together|includes?|comprises?)\b",
    re.IGNORECASE,
)


def _says_what_it_is(sentence: str, subject: list[str]) -> bool:
    """The sentence opens with the subject and says what it is or how it is measured."""
    said = without_bullet(sentence)
    words = said.split()
    for end in range(len(subject), len(subject) + 3):
        if terms(" ".join(words[:end])) == subject:
            opening = re.match(r"\s*" + r"\s+".join(map(re.escape, words[:end])), said)
            rest = said[opening.end() :] if opening else ""
            return bool(_WHAT_IT_IS.match(rest))
    return False


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


SHARED_RUN = 8  # words in a row two points share when one quotes the other


def _shows_again(candidate: _Candidate, chosen: _Candidate) -> bool:
    """A list would show again, cut, an item already quoted whole ("the joint development
    and delivery of the Working Well employment support programme"). The whole item after
    the list is not a repeat: it says what the cut one left out."""
    _lead, _, items = candidate.quote.partition(PARAGRAPH_BREAK)
    return not _word_runs(items).isdisjoint(_word_runs(chosen.text))


def _word_runs(text: str) -> set[tuple[str, ...]]:
    said = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(said[i : i + SHARED_RUN]) for i in range(len(said) - SHARED_RUN + 1)}


def _write(chosen: list[_Candidate]) -> Composition:
    """Lead sentence, then points; one citation per quoted sentence, in order of use.

    Each number stands for exactly one quote, so a client that shows the quote when a
    number is hovered (Teams) shows the sentence it follows; a front end that lists only
    titles merges the numbers of one source for the reader (see `Citation.label`).
    """
    citations = [
        citation_for(n, candidate.passage, candidate.quote)
        for n, candidate in enumerate(chosen, start=1)
    ]
    lines = [f"{_readable(candidate.text)} [{n}]" for n, candidate in enumerate(chosen, start=1)]
    if len(lines) <= 2:
        text = " ".join(lines)
    else:
        text = lines[0] + "\n" + "\n".join(bullet(line) for line in lines[1:])
    return Composition(text=text, citations=citations)


def _readable(sentence: str) -> str:
    """The sentence as shown: capitalised, and a quotation cut from a longer one closed
    on both sides, so no quote mark opens in one point and closes in another."""
    body = without_bullet(sentence).strip()
    body = body[:1].upper() + body[1:]
    opened, closed = body.count("“"), body.count("”")
    if closed > opened:
        body = "“" + body
    elif opened > closed:
        body = body + "”"
    return body


def citation_for(n: int, passage: Passage, quote: str) -> Citation:
    """Citation number `n` for a passage, with `quote` taken verbatim from it."""
    info = passage.chunk.info
    return Citation(
        n=n,
        doc_id=info.doc_id,
        title=info.title or info.doc_id,
        publisher=info.publisher,
        published=info.published,
        url=info.url,
        page=info.page,
        section=info.section,
        quote=quote,
    )
