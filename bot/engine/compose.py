"""The extractive composer: a short, cited answer built from the documents' own sentences.

With no language model configured, answers are made of sentences quoted from the
retrieved passages. Each sentence is scored on how much of the question it covers
(weighted by how rare each question word is in the knowledge base, with acronyms and
their meanings counted as one idea), how close it is in meaning (embeddings), and how
highly its passage ranked. The best sentence leads; a few more that add something follow
as points; "what should we do" questions prefer sentences that recommend an action.

Whether the passages answer the question at all is decided first, in `bot.engine.answerable`.
What can be quoted (sentences, lists with their lead-in, quotations with their speaker)
is cut in `bot.engine.units`; the kinds of detail a question asks for (a list, a number,
a date) are in `bot.engine.details`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection
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
    said_by_figures,
)
from bot.engine.details import (
    date_words,
    dated_by,
    defines,
    lists_answer,
    says_what_it_is,
    wanted_details,
)
from bot.engine.glossary import Glossary
from bot.engine.places import Gazetteer
from bot.engine.questions import (
    alternatives,
    asks_what_it_gains,
    asks_where_to_find,
    definition_subject,
    is_action_question,
    listed_count,
    listed_noun,
    parts_referring_back,
    person_asked,
    role_asked,
    topic_asked,
    wants_date,
)
from bot.engine.retrieval import CONTEXT_WEIGHT, Passage, Query
from bot.engine.stated import (
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
    states_share,
)
from bot.engine.text import source_terms, terms
from bot.engine.units import (
    LIST_CHARS,
    SIGNPOST,
    Candidate,
    Speaker,
    is_dated_caption,
    is_name_line,
    is_titled_list,
    label_after_list,
    quotable_units,
    quotation_opening,
    shape_factor,
    speakers_of,
    unique,
)
from ingest.embeddings import Embedder
from ingest.structure import (
    PARAGRAPH_BREAK,
    Block,
    blocks,
    bullet,
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
    r"\bwhat(?:['’]?s|\s+is|\s+are)\s+(?:(?:actually|really|exactly)\s+)?in\s+(?:the\s+|a\s+|an\s+)?"
    r"([^?.!,;]+?)(?=[?.!,;]|\s[-–—]\s|$)",
    re.IGNORECASE,
)
# "who chairs ...", "..., and who leads it?" (not "people who work there")
_ASKS_WHO = re.compile(r"(?:^|[^\w\s'’]\s*|\b(?:and|or)\s+)who\b|\bwho['’]?s\b", re.IGNORECASE)


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
    r"\b(?:say|says|said|saying|propos\w*|commit\w*)\b"
    r"|\bwhat(?:['’]?s|\s+is)\s+(?:(?:actually|really|exactly)\s+)?in\b",
    re.IGNORECASE,
)
# ... unless it asks who says it: "who ... is quoted and what did he say"
_WHO_IS = re.compile(r"\bwho(?:['’]?s|\s+is|\s+was)\b", re.IGNORECASE)
# "what did Cllr Mark Hawthorne say about ...?": someone's words
_ASKS_WHAT_SAID = re.compile(
    r"\bwhat\s+(?:(?:exactly|actually|else)\s+)?(?:did|does|do|has|have)\b([^?]*?)\b"
    r"(?:say|said|think|reckon|argue)\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"\b(?:he|she|they)\b", re.IGNORECASE)
_ASKS_WHO_SAYS = re.compile(
    r"\bquoted?\b|\b(?:he|she)\s+(?:say|says|said)\b|\bwho\w*\s+(?:[\w'’]+\s+){0,6}?(?:say|says|said)\b",
    re.IGNORECASE,
)


PART_CHARS = 350  # more room for each further thing a question asks


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
        """The question's ideas (`concepts_with_context`), a figure saying what only asks
        for one (`said_by_figures`); the topic it asks about a thing
        ("NE LIS - anything on ageing?") weighs double in choosing sentences, where every
        sentence of a passage about the place names the place (it is not doubled in
        finding passages: there the place's own words must count as much)."""
        concepts = concepts_with_context(question, context, self.glossary, idf, CONTEXT_WEIGHT)
        concepts = said_by_figures(question, concepts)
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
        sources = frozenset(source_terms(query.text))
        candidates = unique(
            [
                c
                for p in passages
                for c in self._candidates(p, concepts, place, listed, finding, areas, sources)
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
        chosen = self._select(candidates, concepts, lists_first=lists_answer(query.text))
        if wants_date(query.text):
            chosen = _with_another_date(
                chosen, candidates, dated_by(query.text), self.max_sentences, self.max_chars
            )
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
        elif _AND_WHY.search(query.text):  # "what should we do on skills, and why?": the lead's
            chosen = _with_reason([], chosen, candidates, self.max_sentences, room, alone=True)
        chosen = _with_the_list_it_leads_to(chosen, candidates, self.max_sentences, room)
        choices = alternatives(query.text)
        if choices:
            chosen = _with_the_other_choice(choices, chosen, candidates, self.max_sentences, room)
        chosen = _with_antecedents(
            chosen, candidates, self.max_sentences, room, self.glossary.entries_in
        )
        chosen = _quotations_in_order(chosen)
        if lead is not None:
            opening = Candidate(lead.text, lead.passage, frozenset(), 1.0, 0, quote=lead.quote)
            chosen = [opening] + [c for c in chosen if c.quote != lead.quote]
            chosen = chosen[: self.max_sentences]
        return _write(chosen)

    def _states_what_is_asked(
        self, query: Query, passages: list[Passage], idf, candidates: list[Candidate]
    ) -> bool:
        """The passages give the amount, count, date, office holder, phone number or
        result the question asks for, if it asks for one (`bot.engine.stated`)."""

        def about(subject: str):
            concepts = concepts_with_context(
                subject, query.context, self.glossary, idf, CONTEXT_WEIGHT
            )
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
            and states_share(question, about)
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

    def _quotes_the_place(self, lead_in: str, asked: Collection[str]) -> bool:
        """A list's lead-in is the asked place's strategy quoted on what the place will do
        ("“Action to exploit Buckinghamshire’s position will include:"): that list is the
        place's own answer, whole. (A briefing's own lists about a region are not.)"""
        return (
            lead_in.lstrip().startswith("“")
            and bool(self.places and asked)
            and bool(set(asked) & self.places.area_ids(lead_in))
        )

    def _hides_place(self, candidate: Candidate, asked: set[str]) -> bool:
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
        sources: frozenset[str] = frozenset(),
    ) -> list[Candidate]:
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
        parts = quotation_opening(earlier, parts) + parts

        def label_coverage(label: str) -> float:
            return coverage(concepts, frozenset(terms(label)))

        def names_asked_list(label: str) -> bool:
            """The label names most of what is asked, or the thing a list question lists
            ("Key attributes of ..." for "... key attributes? heard bottom up etc")."""
            return label_coverage(label) >= NAMING_LABEL_COVERAGE or listed in terms(label)

        def labels_asked(label: str) -> bool:
            return label_coverage(label) >= MIN_LABEL_COVERAGE

        def names_asked_place(lead_in: str) -> bool:
            return self._quotes_the_place(lead_in, areas)

        units: list[tuple[str, str, Block]] = []
        for index, block in enumerate(parts):
            following = parts[index + 1 :] + after
            before = parts[index - 1] if index else None
            # a label printed after its list says nothing without it
            offered = label_after_list(
                block, earlier + parts[:index], names_asked_list
            ) or quotable_units(
                block,
                before,
                following,
                labels_asked,
                names_asked_list,
                listed,
                finding,
                names_asked_place,
            )
            units += [(text, quote, block) for text, quote in offered]
        speakers = speakers_of([text for text, _quote, _block in units])
        placed_from = self._placed_from(
            passage, [(text, block) for text, _quote, block in units], areas
        )
        for position, (text, quote, block) in enumerate(units):
            heading = tuple(terms(block.section or ""))
            context = frozenset(terms(f"{block.section or ''} {info.title or ''}")) | passage.nearby
            speaker = speakers.get(position)
            context |= speaker.name if speaker else frozenset()
            sentence_terms = frozenset(terms(text))
            earlier_unit = units[position - 1] if position else None
            meant = (
                _referent(text, earlier_unit[0])
                if earlier_unit and earlier_unit[2] is block
                else frozenset()
            )
            here = place if position >= placed_from else frozenset()
            if not speaker:  # a partner's "our" is the partner's
                # not the source the question names ("the Confederation's 2017 briefing"):
                # its "we published a briefing" does not answer what the briefing says
                meant |= _writer(quote, info.publisher) - sources
            own = coverage(concepts, sentence_terms | here | meant)
            with_context = coverage(concepts, sentence_terms | here | meant | context)
            found.append(
                Candidate(
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
                    speaker=speaker,
                )
            )
        return found

    def _score(
        self, query: Query, candidates: list[Candidate], passages: int, asked: set[str]
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
        wanted = wanted_details(query.text, local or candidates, self.glossary)
        items = listed_count(query.text)
        listed = listed_noun(query.text)
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
        # (asked who they are too, their line answers first: "who is X and what did he say?")
        words_asked = bool(_ASKS_WHAT_SAID.search(query.text)) and not _WHO_IS.search(query.text)
        described = _speaker_described(query.text)
        for candidate, sim in zip(candidates, similarity, strict=True):
            prior = 1.0 - (candidate.passage.rank - 1) / max(1, passages)
            score = 0.5 * candidate.coverage + 0.35 * float(sim) + 0.15 * prior
            # a list under its title, or the place's own list, is one unit
            one_unit = is_titled_list(candidate) or (
                candidate.carries_list and self._quotes_the_place(candidate.lead_in, asked)
            )
            shape = shape_factor(candidate.text, one_unit)
            score *= shape * discount(candidate.passage.novelty)
            if finding and SIGNPOST.search(without_bullet(candidate.text).strip()):
                score += DETAIL_BONUS  # "where do i find it?": "Visit the OxLEP website"
            if audience and _NAMES_READERS.search(candidate.text):
                score += DETAIL_BONUS  # "This briefing will be of interest for NHS chief ..."
            if is_name_line(candidate.text) and not asks_who:
                score *= 0.6  # a signature line answers "who", and little else
            if not asks_when and is_dated_caption(candidate.text):
                score *= 0.3  # "... consultation (January 2019)" answers "when", and nothing else
            if person and is_name_line(candidate.text) and person <= candidate.terms:
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
            if (
                items
                and candidate.list_items == items
                and (not listed or listed in candidate.terms)
            ):
                score += DETAIL_BONUS  # "the 4 grand challenges": a list of four of them
            if action and _ACTION_SENTENCE.search(candidate.text):
                score += 0.3 if _NHS_ADVICE.search(candidate.text) else 0.2
            # "These will enable mayors ..." after "... to establish Skills Advisory Panels."
            # says what the panels do
            does_it = bool(subject) and candidate.points_back_at(subject)
            if subject and (defines(candidate.text, subject) or does_it):
                score += 0.1
                if does_it or says_what_it_is(candidate.text, subject):
                    score += 0.1  # "Productivity measures ...", not "... matters because"
            if words_asked and _said_by_the_one_asked(candidate.speaker, asked_terms, described):
                score += DETAIL_BONUS  # "what did Cllr Mark Hawthorne say ...": his words
            if candidate.speaker and says_a_place and not candidate.speaker.name & asked_terms:
                # "what does the lincs LIS say ...": the strategy's words before a
                # partner's comment on it ("Health and care are significant industries ...")
                score *= SPOKEN_FACTOR
            if candidate.passage.local:
                score += LOCAL_BONUS
            elif self._elsewhere(candidate.text, asked):
                score -= LOCAL_BONUS  # the North East's list does not answer for Lincolnshire
            candidate.score = score

    def _select(
        self, candidates: list[Candidate], concepts: list[Concept], lists_first: bool = False
    ) -> list[Candidate]:
        """Greedy: the best sentence, then those that add most to what is covered. For a
        question that wants a list, a list may take the answer up to LIST_CHARS: cut to
        fit, it would not answer."""
        ranked = sorted(candidates, key=lambda c: c.score, reverse=True)

        def room(candidate: Candidate) -> int:
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
                    if (
                        _overlap(candidate.terms, c.terms) > 0.6
                        and not _one_quotation(candidate, c)
                    )
                    or _shows_again(candidate, c)
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


def _clipped(candidate: Candidate, room: int) -> Candidate | None:
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
    chosen: list[Candidate], repeated: list[Candidate], candidate: Candidate, room: int
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


def _with_an_action(
    chosen: list[Candidate], candidates: list[Candidate], limit: int
) -> list[Candidate]:
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
    chosen: list[Candidate], candidates: list[Candidate], max_chars: int
) -> list[Candidate]:
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


RIVAL_DATE = 0.8  # of the lead's score: another document's date this good is given too


def _with_another_date(
    chosen: list[Candidate],
    candidates: list[Candidate],
    dated: Callable[[Candidate], float],
    max_sentences: int,
    max_chars: int,
) -> list[Candidate]:
    """Asked when (a deadline, a date), the documents may disagree: the 2017 briefing's
    "the first ... agreed by March 2019", the June 2019 briefing's "by March 2020 at the
    latest". When the chosen points date it from one document only, the best point of
    another document that gives another date follows the lead, if it scores near the
    lead: the asker sees both dates, each cited to its source."""
    given = [c for c in chosen if dated(c) == 1.0]
    if not given:
        return chosen
    sources = {c.passage.chunk.doc_id for c in given}
    said = set().union(*(date_words(c.text) for c in given))
    rivals = [
        c
        for c in candidates
        if c not in chosen
        and c.passage.chunk.doc_id not in sources
        and dated(c) == 1.0
        and not date_words(c.text) <= said
        and c.score >= RIVAL_DATE * chosen[0].score
    ]
    if not rivals:
        return chosen
    kept = [chosen[0], max(rivals, key=_by_score), *chosen[1:]]
    while len(kept) > 2 and _too_long(kept, max_sentences, max_chars):
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
    chosen: list[Candidate],
    candidates: list[Candidate],
    max_sentences: int,
    max_chars: int,
) -> list[Candidate]:
    """For one of the things a question asks (`asked_parts`): when no chosen sentence
    covers it nearly as well as the best candidate does, that candidate takes the weakest
    point's place ("how is productivity defined, and why does it matter?" gets both a
    definition and a reason). A part that asks what something is (`defined`) is covered
    by a sentence that says so ("Productivity measures ..."), one that asks who holds an
    office (`office`) by a sentence that names the office ("..., Managing Director, ...")."""

    # a word no passage has ("im at UHB in brum") cannot tell which one answers
    part = [c for c in part if any(c.covered_by(k.terms | k.context) for k in candidates)]
    # the office is named its own way ("heads" -> "..., Managing Director, ...")
    besides_office = [c for c in part if not c.alternatives[0][0].startswith(office)]

    def said(concepts: list[Concept], candidate: Candidate) -> float:
        own = coverage(concepts, candidate.terms)
        return 0.6 * own + 0.4 * coverage(concepts, candidate.terms | candidate.context)

    def covers(candidate: Candidate) -> float:
        # "These panels will produce ..." after "... to establish Skills Advisory Panels."
        # says what they are, as "Skills Advisory Panels are ..." would
        if defined and (
            says_what_it_is(candidate.text, defined) or candidate.points_back_at(defined)
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


# "We", "our", "us" outside a quotation: whoever wrote the document.
_FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]?")


# the offices a name line gives, by which a question may say whose words it wants
_OFFICES = frozenset(
    terms("chair chairman chairwoman head director chief executive lead leader mayor president")
)


def _speaker_described(question: str) -> frozenset[str]:
    """The words that describe whose words "what does ... say" asks for: its subject when
    that names an office ("what did the LEP board's chair say"), or what came before when
    the subject is "he" or "she" ("notts healthcare's chair ...? what does he say"); none
    when a document or body is the subject ("what does the lincs LIS say")."""
    asked = _ASKS_WHAT_SAID.search(question)
    if not asked:
        return frozenset()
    subject = asked.group(1)
    if _PRONOUN.search(subject):
        return frozenset(terms(question[: asked.end()]))
    named = frozenset(terms(subject))
    return named if named & _OFFICES else frozenset()


def _said_by_the_one_asked(
    speaker: Speaker | None, asked: frozenset[str], described: frozenset[str]
) -> bool:
    """The quotation's speaker is the person the question names (two of the name's
    words, or all of a shorter one), or describes (`described`) by an office and two
    words of the bodies the name line gives."""
    if not speaker or not speaker.name:
        return False
    if len(speaker.name & asked) >= min(2, len(speaker.name)):
        return True
    return (
        bool(_OFFICES & speaker.titles & described)
        and len((speaker.titles - _OFFICES) & described) >= 2
    )


def _one_quotation(candidate: Candidate, other: Candidate) -> bool:
    """Two sentences of one person's quotation: each says its own part of it, however
    many words they share ("Health leaders must speak up for the harbour." / "The harbour
    plan is how ... its say in health.")."""
    return (
        candidate.speaker is not None
        and candidate.speaker == other.speaker
        and candidate.passage.chunk.id == other.passage.chunk.id
    )


def _quotations_in_order(chosen: list[Candidate]) -> list[Candidate]:
    """Sentences of one person's quotation read in the order they said them, in the
    places the answer gives that quotation: "“It is important ...” ... “The local
    industrial strategy ... landscape.”", not its last sentence first."""
    ordered = list(chosen)
    quotations: dict[tuple[str, Speaker], list[int]] = {}
    for index, candidate in enumerate(chosen):
        if candidate.speaker:
            key = (candidate.passage.chunk.id, candidate.speaker)
            quotations.setdefault(key, []).append(index)
    for places in quotations.values():
        said = sorted((chosen[index] for index in places), key=lambda c: c.position)
        for index, candidate in zip(places, said, strict=True):
            ordered[index] = candidate
    return ordered


def _writer(text: str, publisher: str | None) -> frozenset[str]:
    """Who "we" and "our" are in a document's own words, as terms: its publisher ("Our
    Head of Health Economic Partnerships is on the expert panel ..." is the NHS
    Confederation's). Not in a quotation, where they are the speaker's."""
    if not publisher or not _FIRST_PERSON.search(_QUOTED.sub(" ", text)):
        return frozenset()
    return frozenset(terms(publisher))


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
    chosen: list[Candidate],
    candidates: list[Candidate],
    max_sentences: int,
    max_chars: int,
    explained: Callable[[str], object] = lambda initials: None,
) -> list[Candidate]:
    """A chosen sentence that points back ("This living lab will ...") comes after the
    sentence that introduces what it points at ("We will establish a health and wellbeing
    living lab ..."), when a few sentences before it in its passage do; so does one that
    uses initials the glossary does not explain ("... the replacement to ESIF") after the
    sentence that spells them out ("... European Structural and Investment Fund (ESIF)
    projects ..."). Points ranked below it make room; when none can, the introducing
    sentence takes its place. A unit that names the thing again ("These challenges ...
    The grand challenges are: ...") needs no introduction."""
    result = list(chosen)
    budget = max(max_chars, sum(len(c.text) for c in chosen))

    def fits(trial: list[Candidate]) -> bool:
        return len(trial) <= max_sentences and sum(len(c.text) for c in trial) <= budget

    for candidate in chosen:
        antecedent = _antecedent(candidate, candidates) or _spelt_out_before(
            candidate, candidates, explained
        )
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


def _antecedent(candidate: Candidate, candidates: list[Candidate]) -> Candidate | None:
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


_INITIALS = re.compile(r"\b([A-Z]{2,6})s?\b")


def _spelt_out_before(
    candidate: Candidate, candidates: list[Candidate], explained: Callable[[str], object]
) -> Candidate | None:
    """The nearest sentence before `candidate` in its passage that spells out initials it
    uses without spelling them out ("the replacement to ESIF"), when the glossary does not
    explain them: a reader knows "LEP", not "ESIF"."""
    for initials in dict.fromkeys(m.group(1) for m in _INITIALS.finditer(candidate.text)):
        if explained(initials) or f"({initials}" in candidate.text:
            continue
        earlier = [
            c
            for c in candidates
            if c.passage.chunk.id == candidate.passage.chunk.id
            and candidate.position - ANTECEDENT_REACH <= c.position < candidate.position
            and f"({initials})" in c.text
            and candidate.text not in c.text
        ]
        if earlier:
            return max(earlier, key=lambda c: c.position)
    return None


_ASKS_WHY = re.compile(r"\bwhy\b", re.IGNORECASE)
# "why" on its own after what is asked: the reason for the answer itself
_AND_WHY = re.compile(r"(?:,|\band|&|\+)\s*why\s*\W*$", re.IGNORECASE)


def _with_reason(
    part: list[Concept],
    chosen: list[Candidate],
    candidates: list[Candidate],
    max_sentences: int,
    max_chars: int,
    alone: bool = False,
) -> list[Candidate]:
    """For a question that asks why: the sentence after the point that best answers that
    part, which often gives the reason ("... it is important that NHS organisations are
    represented on the local skills advisory panels ..." / "Our workforce will be the
    largest in virtually every LEP area ..."), or, when the point ends its paragraph, the
    sentence before it there ("The NHS will be the largest employer in every MCA or LEP
    area ... STPs and ICSs ... should use ..."), when there is room for it. With no part
    of its own ("what should we do on skills, and why?"), the point is the lead. When why
    is all the question asks (`alone`), the points ranked below make room."""
    point = max(chosen, key=lambda c: coverage(part, c.terms | c.context)) if part else chosen[0]
    after = _next_sentence(point, candidates)
    at = chosen.index(point) + 1
    if after is None or after.paragraph != point.paragraph:
        before = _next_sentence(point, candidates, step=-1)
        if before is not None and before.paragraph == point.paragraph:
            after, at = before, at - 1  # the reason comes first
    if after is None or any(after.quote == c.quote for c in chosen):
        return chosen
    kept = [*chosen[:at], after, *chosen[at:]]

    def too_long() -> bool:
        return _too_long(kept, max_sentences, max_chars)

    while alone and too_long() and len(kept) > at + 1:
        kept.pop()
    # asked other things too, the weakest point besides the lead and the point makes room
    spare = sorted((c for c in kept[1:] if c is not point and c is not after), key=_by_score)
    if not alone and too_long() and spare:
        kept.remove(spare[0])
    if too_long():
        return chosen  # the other points answer other things asked
    return kept


def _with_the_list_it_leads_to(
    chosen: list[Candidate], candidates: list[Candidate], max_sentences: int, max_chars: int
) -> list[Candidate]:
    """The lead's paragraph goes on into a list ("Evidence remains largely inconclusive on
    how best to drive productivity ... Across a number of research studies, factors
    reviewed included:" and the factors): the list is what the lead says, and follows it
    (when there is room, the points ranked lowest making way)."""
    lead = chosen[0]
    after = _next_sentence(lead, candidates)
    if (
        lead.carries_list
        or ":" in lead.text  # "Key opportunities ... include: ...": a list of its own
        or after is None
        or not after.carries_list
        or after.paragraph != lead.paragraph
    ):
        return chosen
    kept = [lead, after, *(c for c in chosen[1:] if c.quote != after.quote)]
    while _too_long(kept, max_sentences, max_chars) and len(kept) > 2:
        kept.remove(min(kept[2:], key=_by_score))
    return chosen if _too_long(kept, max_sentences, max_chars) else kept


def _with_the_other_choice(
    choices: list[frozenset[str]],
    chosen: list[Candidate],
    candidates: list[Candidate],
    max_sentences: int,
    max_chars: int,
) -> list[Candidate]:
    """Asked to choose ("who leads it, the mayor or the LEP?"), a lead that opens with one
    choice is often followed by the sentence that opens with the other ("Mayors will lead
    on local industrial strategies in combined authorities ... LEPs outside CAs will lead
    ..."): that sentence follows the lead, and the weakest points make room."""
    lead = chosen[0]
    after = _next_sentence(lead, candidates)
    if after is None or any(after.quote == c.quote for c in chosen):
        return chosen

    def opens_with(candidate: Candidate) -> set[frozenset[str]]:
        opening = set(terms(" ".join(without_bullet(candidate.text).split()[:3])))
        return {choice for choice in choices if choice & opening}

    if not opens_with(lead) or not opens_with(after) - opens_with(lead):
        return chosen
    kept = [lead, after, *chosen[1:]]
    while len(kept) > 2 and _too_long(kept, max_sentences, max_chars):
        kept.remove(min(kept[2:], key=_by_score))
    return kept


def _too_long(points: list[Candidate], max_sentences: int, max_chars: int) -> bool:
    """More points, or more characters, than an answer has room for."""
    return len(points) > max_sentences or sum(len(c.text) for c in points) > max_chars


def _next_sentence(
    candidate: Candidate, candidates: list[Candidate], step: int = 1
) -> Candidate | None:
    """The candidate right after `candidate` in its passage (before it, with `step` -1)."""
    return next(
        (
            c
            for c in candidates
            if c.passage.chunk.id == candidate.passage.chunk.id
            and c.position == candidate.position + step
        ),
        None,
    )


def _by_score(candidate: Candidate) -> float:
    return candidate.score


def _follows(candidate: Candidate, chosen: list[Candidate]) -> bool:
    """The candidate is the sentence right after one already chosen, in the same passage."""
    return any(
        candidate.passage.chunk.id == c.passage.chunk.id and candidate.position == c.position + 1
        for c in chosen
    )


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


SHARED_RUN = 8  # words in a row two points share when one quotes the other


def _shows_again(candidate: Candidate, chosen: Candidate) -> bool:
    """A list would show again, cut, an item already quoted whole ("the joint development
    and delivery of the Working Well employment support programme"). The whole item after
    the list is not a repeat: it says what the cut one left out."""
    _lead, _, items = candidate.quote.partition(PARAGRAPH_BREAK)
    return not _word_runs(items).isdisjoint(_word_runs(chosen.text))


def _word_runs(text: str) -> set[tuple[str, ...]]:
    said = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(said[i : i + SHARED_RUN]) for i in range(len(said) - SHARED_RUN + 1)}


def _write(chosen: list[Candidate]) -> Composition:
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
