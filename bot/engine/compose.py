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
a date) are in `bot.engine.details`; what the answer adds to the chosen points (a
reason, another document's date, the sentence a point refers back to) is in
`bot.engine.additions`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np

from bot.engine.additions import (
    BODY_WORDS,
    NHS_ADVICE,
    advice_bonus,
    answering,
    clipped,
    follows,
    office_in,
    one_quotation,
    other_case,
    overlap,
    put_fuller,
    quotations_in_order,
    referent,
    said_by_the_one_asked,
    shows_again,
    speaker_described,
    with_an_action,
    with_another_date,
    with_antecedents,
    with_each_named_document,
    with_each_place,
    with_reason,
    with_the_list_it_leads_to,
    with_the_other_choice,
    with_the_others,
    with_the_place,
    with_the_recommendation,
    with_the_speaker,
    with_what_it_goes_on_to_say,
    with_what_they_go_on_to_do,
    writer,
)
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
    dated_by,
    defines,
    lists_answer,
    makes_it_act,
    says_what_it_is,
    wanted_details,
)
from bot.engine.glossary import Glossary
from bot.engine.places import Gazetteer
from bot.engine.questions import (
    ASKS_WHAT_SAID,
    alternatives,
    answer_words,
    asks_a_persons_view,
    asks_an_officers_words,
    asks_for_the_first_thing,
    asks_office_holders_words,
    asks_what_it_gains,
    asks_what_they_do,
    asks_what_to_do,
    asks_where_to_find,
    asks_who_else,
    asks_why_of_the_answer,
    compares_dates,
    definition_subject,
    doers_asked,
    is_action_question,
    last_named,
    listed_count,
    listed_noun,
    parts_referring_back,
    person_asked,
    places_asked,
    purpose_subject,
    role_asked,
    role_subject,
    topic_asked,
    wants_date,
)
from bot.engine.retrieval import CONTEXT_WEIGHT, Passage, Query
from bot.engine.stated import (
    about_area,
    compared_places,
    gives_email,
    gives_phone,
    in_order,
    names_holder,
    names_members,
    names_minister,
    names_which,
    states_amount,
    states_both_sides,
    states_count,
    states_date,
    states_figures_on,
    states_for_the_year,
    states_outcome,
    states_share,
)
from bot.engine.text import question_sentences, source_terms, terms, without_asker, without_source
from bot.engine.units import (
    LIST_CHARS,
    SIGNPOST,
    Candidate,
    is_dated_caption,
    is_name_line,
    is_titled_list,
    label_after_list,
    lists_parts_of,
    quotable_units,
    quotation_opening,
    shape_factor,
    speaker_of_line,
    speakers_of,
    unique,
)
from ingest.embeddings import Embedder
from ingest.structure import (
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


# "who was it aimed at?", "who is the briefing for?": the readers a document names
_ASKS_AUDIENCE = re.compile(
    r"\b(?:aimed\s+at|intended\s+for|written\s+for|audience|who\s+should\s+read|"
    r"who(?:['’]?s|\s+is|\s+was)\s+(?:it|the\s+[\w-]+)\s+for"
    # "For whom is the briefing ... intended?"
    r"|for\s+whom\b[^?]*\b(?:intended|aimed|written|meant))\b",
    re.IGNORECASE,
)
_NAMES_READERS = re.compile(
    r"\b(?:of\s+interest\s+(?:for|to)|aimed\s+at|intended\s+for|written\s+for)\b", re.I
)


# Who would do it: "we", "our ICS", "trusts".
_WHO_DOES = r"(?:(?:we|i|you|they|our\s+\w+|trusts?|icss?|stps?|ccgs?|nhs\s+\w+)\s+)?"
# "how do we actually influence our LIS?", "what shd we be doing to influence it?": the
# way to do it, which a list of stages or steps that names the doing answers ("There are
# three important stages in which to influence: ...")
_HOW_TO = re.compile(
    rf"\bhow\s+(?:do|can|could|should|would|might|to)\s+{_WHO_DOES}"
    # ("how do we get started influencing our LEP's lis?": how to influence it)
    r"(?:(?:actually|best|really|even|go\s+about|get\s+started(?:\s+(?:with|on))?|start|begin)\s+)?"
    r"([a-z]+)"
    rf"|\bwhat\s+(?:do|can|could|should|must)\s+{_WHO_DOES}(?:be\s+)?(?:do|doing)\s+to\s+([a-z]+)",
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
NAMES_PLACES_BONUS = 0.1  # a sentence naming places, when the question asks which ones
MIN_LABEL_COVERAGE = 0.15  # a label's list is a unit when the label names what is asked
NAMING_LABEL_COVERAGE = 0.5  # a heading after a list labels it when it names most of this
SPOKEN_FACTOR = 0.8  # a named partner's comment, when a place's strategy is asked about
DOER_BONUS = 0.1  # the party asked about as the one who will act ("what will govt do?")
REASON_BONUS = 0.1  # a sentence that gives a reason, for a clause that opens with "why"
FIRST_STEP_BONUS = 0.1  # a sentence that says what the first step is, for "what do we do first?"
# "no combined authority", "outside CAs", "non-mayoral areas": a case without something
_LACKING = re.compile(
    # ("we dont have a metro mayor", read as "do not have")
    r"\b(?:no|without|outside(?:\s+of)?|non[- ]?|not\s+in|(?:do|does|did)\s+not\s+have|"
    r"(?:don|doesn|didn)['’]?t\s+have|(?:have|has)\s+not\s+got|(?:haven|hasn)['’]?t\s+got)\s+"
    r"(?:an?\s+|the\s+|any\s+)?"
    r"((?:[\w'’-]+\s+){0,1}[\w'’-]+)",
    re.IGNORECASE,
)
# "no one", "no longer", "no doubt", "no need": no case left out
_LACKED_IN_GENERAL = frozenset(terms("one thing things longer more doubt way need"))
# "what does the greater lincs LIS say about ...", "whats in the bucks LIS re health"
_ASKS_WHAT_IT_SAYS = re.compile(
    r"\b(?:say|says|said|saying|propos\w*|commit\w*|promis\w*|pledg\w*|mention\w*|includ\w*|"
    r"putting|sign(?:ing|ed)?\s+up)\b"
    r"|\bwhat(?:['’]?s|\s+is)\s+(?:(?:actually|really|exactly)\s+)?in\b"
    # "is health actually in the lincs LIS or not?"
    r"|\b(?:is|are)\s+(?:[\w&'’-]+\s+){1,4}?in\s+(?:the|our|their|its)\b"
    # "what health stuff is in greater lincolnshire's lis priorities?"
    r"|\bwhat\s+(?:[\w&'’-]+\s+){0,3}?(?:is|are|r)\s+(?:(?:actually|really)\s+)?in\b",
    re.IGNORECASE,
)
# ... unless it asks who says it: "who ... is quoted and what did he say"
_WHO_IS = re.compile(r"\bwho(?:['’]?s|\s+is|\s+was)\b", re.IGNORECASE)
# "... michael wood's job title", "the description of his role": the offices someone holds
_ASKS_ROLE = re.compile(
    r"\b(?:roles?|job\s+titles?|titles?|positions?|posts?|job)\b", re.IGNORECASE
)


def _named_by(line: str, asked: frozenset[str]) -> bool:
    """The question names the person a name line names (two words of the name at least)."""
    name = speaker_of_line(line).name
    return len(name) >= 2 and name <= asked


# "what has our LEP said ...", "who's in it and what did they say ...": a body's or a
# person's words asked, which its people's comments give (not "what does the LIS say")
_BODY_SAYS = re.compile(
    r"\b(?:leps?|mcas?|partners?|partnership|they|mayor|authority|board|he|she)\s+"
    r"(?:(?:has|have|had|did|does|do|actually|really|ever|already|just|also)\s+){0,2}"
    r"(?:say|says|said|saying)\b",
    re.IGNORECASE,
)
_ASKS_WHO_SAYS = re.compile(
    r"\bquoted?\b|\b(?:he|she)\s+(?:say|says|said)\b|\bwho\w*\s+(?:[\w'’]+\s+){0,6}?(?:say|says|said)\b",
    re.IGNORECASE,
)


PART_CHARS = 350  # more room for each further thing a question asks
_QUOTE_WORDS_TO_PLACE = 6  # enough of a quote's opening words to find where it sits


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
        self,
        query: Query,
        passages: list[Passage],
        idf,
        lead: Lead | None = None,
        read_on: Sequence[Passage] = (),
    ) -> Composition | None:
        """A cited answer from passages that cover the question (see `assess`), opening
        with `lead` when the engine has one. `read_on` are the later chunks of the
        passages' sections, which retrieval did not find: only what they recommend is
        quoted from them, for "what should we do"."""
        concepts = self._concepts(query.text, query.context, idf)
        # Advice for a place leads with what names the place's strategy: keep the name's worth.
        placed = place_matters(query.text, self.places)
        place = (
            frozenset()
            if is_action_question(query.text) or not placed
            else self._place_terms(query.text)
        )
        listed = listed_noun(query.text)
        finding = asks_where_to_find(query.text)  # "where do i read it?": signposts answer
        areas = frozenset(self.places.area_ids(query.text)) if placed else frozenset()
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
        asked = self.places.area_ids(query.text) if placed else set()
        candidates = [c for c in candidates if not self._hides_place(c, asked)] or candidates
        self._score(query, candidates, len(passages), asked)
        chosen = self._select(
            candidates,
            concepts,
            lists_first=lists_answer(query.text),
            defined=_named_thing(self._defined(query.text)),
            # what a place's strategy says runs across its paragraphs: the next sentence of
            # one chosen comes with it only when it points back at it ("This living lab
            # will ...", "It will ..."), not for being next ("Since demand will increase")
            broad=_asks_what_a_place_says(query.text, asked) and not is_action_question(query.text),
        )
        if wants_date(query.text):
            chosen = with_another_date(
                chosen,
                candidates,
                dated_by(query.text),
                self.max_sentences,
                self.max_chars,
                compared=compares_dates(query.text),
            )
        # "how does X in the 2017 briefing differ from that in the June 2019 one?", "what do
        # the NE slides and the white paper briefing say ...?": each document has its say
        named = {p.chunk.doc_id for p in passages if p.named}
        chosen = with_each_named_document(
            chosen, candidates, named, self.max_sentences, self.max_chars
        )
        if is_action_question(query.text):
            chosen = with_an_action(
                with_the_place(chosen, candidates, self.max_chars), candidates, self.max_sentences
            )
        if asks_what_to_do(query.text) and not asks_a_persons_view(query.text):
            further = [
                c
                for p in read_on
                for c in self._candidates(p, concepts, place, listed, finding, areas, sources)
            ]
            if further:
                self._score(query, further, len(passages), asked)
            # a further step has the room of a further thing asked
            chosen = with_the_recommendation(
                chosen, candidates + further, self.max_sentences, self.max_chars + PART_CHARS
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
                # ("what do SAPs actually do": "These will enable ..." after "... to
                # establish Skills Advisory Panels.")
                defined = self._defined(part) or self._spelt_out(
                    purpose_subject(clause, referent), part
                )
                chosen = answering(
                    part_concepts,
                    defined,
                    office_in(part),
                    chosen,
                    candidates,
                    self.max_sentences,
                    # what something is leads when too long to follow (see `answering`)
                    self.max_chars if defined else room,
                    # "when was it published, and what are its 5 foundations?": its date
                    dated=dated_by(part) if wants_date(clause) else None,
                )
        why = next((p for p in parts if _ASKS_WHY.search(p[0])), None)
        if asks_why_of_the_answer(query.text):  # "what should we do on skills, and why?"
            chosen = with_reason([], chosen, candidates, self.max_sentences, room, alone=True)
        elif why is not None and not asks_what_it_gains(query.text):  # "why bother? what's in it"
            clause, referent = why
            why_concepts = self._concepts(clause, f"{referent} {query.context}", idf)
            chosen = with_reason(
                why_concepts, chosen, candidates, self.max_sentences, room, alone=len(parts) < 2
            )
        chosen = with_the_list_it_leads_to(chosen, candidates, self.max_sentences, room)
        asked_to_define = definition_subject(query.text) if len(parts) < 2 else None
        if asked_to_define:  # by any of its names: "LIS", "local industrial strategy"
            names = [asked_to_define] + [
                terms(form)
                for entry in self.glossary.entries_in(" ".join(asked_to_define))
                for form in entry.forms()
            ]
            chosen = with_what_it_goes_on_to_say(
                chosen, candidates, names, self.max_sentences, room
            )
        if asks_who_else(query.text):
            chosen = with_the_others(chosen, candidates, self.max_sentences, room)
        if asks_what_they_do(query.text):
            chosen = with_what_they_go_on_to_do(chosen, candidates, self.max_sentences, room)
        choices = alternatives(query.text)
        if choices:
            chosen = with_the_other_choice(choices, chosen, candidates, self.max_sentences, room)
        compared = compared_places(query.text, self.places)
        if compared and self.places:
            places = self.places

            def areas_of(c: Candidate) -> set[str]:
                info = c.passage.chunk.info
                return about_area(c.text, info.section, info.title, places)

            sides = [compared.these, compared.others]
            chosen = with_each_place(sides, areas_of, chosen, candidates, self.max_sentences, room)
        chosen = with_antecedents(
            chosen, candidates, self.max_sentences, room, self.glossary.entries_in
        )
        # "who is quoted on ...?", "any advice from the board chair?", "what did our LEP
        # director say ...?": who says it, too
        if (
            (_ASKS_WHO.search(query.text) and _ASKS_WHO_SAYS.search(query.text))
            or asks_office_holders_words(query.text)
            or asks_an_officers_words(query.text)
        ):
            chosen = with_the_speaker(chosen, candidates, self.max_sentences, room)
        chosen = quotations_in_order(chosen)
        if lead is not None:
            opening = Candidate(lead.text, lead.passage, frozenset(), 1.0, 0, quote=lead.quote)
            chosen = [opening] + [c for c in chosen if c.quote != lead.quote]
            chosen = chosen[: self.max_sentences]
        return _write(chosen)

    def _states_what_is_asked(
        self, query: Query, passages: list[Passage], idf, candidates: list[Candidate]
    ) -> bool:
        """The passages give the amount, count, date, office holder, members, places
        ("which strategies ...?"), phone number, email address or result the question asks
        for, if it asks for one (`bot.engine.stated`)."""

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
            and names_which(question, about, self.places)
            and gives_phone(question, about, self.places)
            and gives_email(question, about, self.places)
            and states_outcome(question, about, self.places)
            and states_for_the_year(question, about)
            and states_figures_on(question, about)
            and states_share(question, about)
            and states_both_sides(question, about, self.places)
        )

    def _defined(self, question: str) -> list[str] | None:
        """What the question asks to be defined, spelt out when typed as initials the
        glossary knows ("whats a SAP?" -> skills advisory panel): the sentences that
        say what it is ("These panels will produce ...") use the words."""
        return self._spelt_out(definition_subject(question), question)

    def _spelt_out(self, subject: list[str] | None, question: str) -> list[str] | None:
        """The subject, spelt out when it is initials the glossary knows."""
        if subject and len(subject) == 1:
            for entry in self.glossary.entries_in(question):
                if terms(entry.acronym) == subject:
                    return terms(entry.meaning)
        return subject

    def _captioned_for(self, passage: Passage, quote: str, asked: Collection[str]) -> bool | None:
        """Whether the quote's box is captioned as the place asked about: a case study
        printed after another place's caption ("Heart of the South West command paper" over
        Greater Lincolnshire's quotes) is not that place's (False), and Greater
        Lincolnshire's quotes are Greater Lincolnshire's though their own words never name
        it (True). None when the caption names no area, or there is no caption."""
        caption = box_caption(passage, quote) if asked and self.places else None
        named = self.places.area_ids(caption) if caption and self.places else set()
        return bool(set(named) & set(asked)) if named else None

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

    def _lacked(self, text: str) -> set[str]:
        """The terms of what the text says is absent, in any of its glossary forms: "if
        theres no combined authority" and "LEPs outside CAs" speak of the same case."""
        lacked: set[str] = set()
        for match in _LACKING.finditer(text):
            named = match.group(1)
            lacked |= set(terms(named)) | set(terms(self.glossary.expand(named)))
        return lacked - _LACKED_IN_GENERAL

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
        beyond_source = any(
            term not in sources for c in concepts for alt in c.alternatives for term in alt
        )
        found = []
        parts = blocks(passage.chunk.text, info.section)
        # A list whose lead-in ends this chunk goes on in the next (overlap left out).
        after = [b for b in blocks(passage.following, None) if b.text not in passage.chunk.text]
        earlier = [b for b in blocks(passage.preceding, None) if b.text not in passage.chunk.text]
        # a quotation this chunk starts inside opens in the chunk before ("“We will establish
        # a living lab ...” / "• This living lab will ...”"): its opening comes first
        parts = quotation_opening(earlier, parts) + parts
        # what the document printed before this chunk's text, its slides' titles among it
        printed = [b.text.strip() for b in blocks(passage.preceding, None)]

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
            # a slide's label reads under the headings over it: "6 Targets" under "... the
            # North East Strategic Economic Plan?" names the plan's targets
            above = " ".join(b.text for b in _headings_before(parts, index))
            # a label printed after its list says nothing without it
            offered = label_after_list(
                block, earlier + parts[:index], names_asked_list
            ) or quotable_units(
                block,
                before,
                following,
                lambda label, above=above: labels_asked(f"{above} {label}"),
                names_asked_list,
                listed,
                finding,
                names_asked_place,
                frozenset(printed + [b.text.strip() for b in parts[:index]]),
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
            meant = referent(
                text, [earlier for earlier, _q, unit in units[:position] if unit is block]
            )
            captioned = self._captioned_for(passage, quote, areas)
            elsewhere = captioned is False
            here = (
                place if (position >= placed_from or captioned) and not elsewhere else frozenset()
            )
            if not speaker:  # a partner's "our" is the partner's
                # not the source the question names ("the Confederation's 2017 briefing"):
                # its "we published a briefing" does not answer what the briefing says
                meant |= writer(quote, info.publisher) - sources
            # the words that name the document asked of choose the document, not its
            # sentence: "We published a briefing in June 2019 ..." does not say what the
            # "June 2019 briefing" says of productivity
            stated = sentence_terms - sources if beyond_source else sentence_terms
            own = coverage(concepts, stated | here | meant)
            with_context = coverage(concepts, stated | here | meant | context)
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
                    local=(passage.local or bool(captioned)) and not elsewhere,
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
        # what is asked to be defined, or the thing whose role is asked ("what role will
        # Growth Hubs play?"): the sentences that say so name it first or point back at it
        subject = self._defined(query.text) or self._spelt_out(role_subject(query.text), query.text)
        # the kind of list asked for, as the passages about the place asked about give it
        local = [c for c in candidates if c.local]
        wanted = wanted_details(query.text, local or candidates, self.glossary)
        items = listed_count(query.text)
        listed = listed_noun(query.text)
        holds = _WHATS_IN.search(query.text)
        contents = terms(holds.group(1)) if holds else []
        if holds and not contents:  # "... the life sciences sector deal - whats in it?"
            contents = terms(last_named(query.text[: holds.start()]))
        # "whats in it for us?": a list whose lead-in names it as answers do ("benefits")
        answered = set(terms(answer_words(query.text)))
        how = _HOW_TO.search(query.text)
        method = set(terms(how.group(1) or how.group(2))) if how else set()
        person = frozenset(terms(person_asked(query.text) or ""))
        role_of_named = bool(_ASKS_ROLE.search(query.text))
        # "who chairs ...", "salford royal here, whos the contact ...?", "the name of the
        # head of ..."
        office = role_asked(query.text)
        asks_who = bool(_ASKS_WHO.search(query.text) or person or office)
        asks_when = wants_date(query.text)
        audience = bool(_ASKS_AUDIENCE.search(query.text))
        finding = asks_where_to_find(query.text)
        says_a_place = _asks_what_a_place_says(query.text, asked)
        # "which areas have published their strategies?": the answer names them
        which_places = bool(places_asked(query.text)) and self.places is not None
        asked_terms = frozenset(terms(query.text))
        words_asked = bool(ASKS_WHAT_SAID.search(query.text))
        # (asked who they are too, "who is X and what did he say?", their line and their
        # words share the bonus)
        who_too = asks_who or bool(_WHO_IS.search(query.text))
        words_bonus = DETAIL_BONUS / 2 if who_too else DETAIL_BONUS
        described = speaker_described(query.text)
        lacked = self._lacked(query.text)
        # "why are NHS bodies seen as anchors?" (not "why bother? whats in it for us")
        asks_why = bool(_OPENS_WITH_WHY.search(query.text)) and not asks_what_it_gains(query.text)
        doers = doers_asked(query.text)
        first_step = asks_for_the_first_thing(query.text)
        # a document the question names ("we're up in the NE - does the white paper say
        # ...?"): the text of the place where the asker is, elsewhere, does not answer (of a
        # place asked about, "the NE slides", it may)
        named_document = any(c.passage.named for c in candidates) and not (
            self.places and self.places.area_ids(without_asker(query.text)) & set(asked)
        )
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
                # "This briefing will be of interest for NHS chief ...": the answer itself,
                # however few of the question's words (the document's title) it repeats
                score += 2 * DETAIL_BONUS
            # "what positions does Dean Fathers hold?", "what's michael wood's job title?":
            # the line that names them with their offices
            their_line = is_name_line(candidate.text) and (
                (person and person <= candidate.terms)
                or (role_of_named and _named_by(candidate.text, asked_terms))
            )
            if is_name_line(candidate.text) and not asks_who and not their_line:
                score *= 0.6  # a signature line answers "who", and little else
            if not asks_when and is_dated_caption(candidate.text):
                score *= 0.3  # "... consultation (January 2019)" answers "when", and nothing else
            if their_line or (office and names_minister(office[0], candidate.text)):
                score += DETAIL_BONUS  # (a minister asked for: the sentence naming them)
            # The kind of answer asked for: a list, a number, a date.
            if wanted:
                held = sum(holds(candidate) for holds in wanted)
                candidate.details = math.ceil(held)
                score += DETAIL_BONUS * held
            if (method or contents or answered) and candidate.carries_list:
                lead_in = terms(candidate.lead_in)
                if method & set(lead_in):
                    score += DETAIL_BONUS  # "how do we influence it?": the stages to influence
                if answered & set(lead_in):
                    score += DETAIL_BONUS  # "There are many benefits ... including:"
                if contents and in_order(contents, lead_in):
                    score += DETAIL_BONUS  # "whats in the sector deal?": "Key elements of ..."
            if (
                items
                and candidate.list_items == items
                and (not listed or listed in candidate.terms)
            ):
                score += DETAIL_BONUS  # "the 4 grand challenges": a list of four of them
            if listed and lists_parts_of(candidate, listed):
                score -= DETAIL_BONUS  # "which sector deals?": not "Key elements of X Deal"
            if lacked and lacked & self._lacked(candidate.text):
                score += DETAIL_BONUS  # "... if theres no combined authority?": "outside CAs"
            if action:
                score += advice_bonus(candidate.text)
            # "These will enable mayors ..." after "... to establish Skills Advisory Panels."
            # says what the panels do
            does_it = bool(subject) and candidate.points_back_at(subject)
            if subject and (defines(candidate.text, subject) or does_it):
                score += 0.1
                if does_it or says_what_it_is(candidate.text, subject):
                    score += 0.1  # "Productivity measures ...", not "... matters because"
            if words_asked and said_by_the_one_asked(candidate.speaker, asked_terms, described):
                score += words_bonus  # "what did Cllr Mark Hawthorne say ...": his words
            elif (
                words_asked
                and who_too
                and is_name_line(candidate.text)
                # the bodies the line gives, not the name the question may type
                and len(candidate.terms & described - speaker_of_line(candidate.text).name)
                >= BODY_WORDS
            ):
                score += words_bonus  # "who runs X & what did they say?": the line of X's
            if candidate.speaker and says_a_place and not candidate.speaker.name & asked_terms:
                # "what does the lincs LIS say ...": the strategy's words before a
                # partner's comment on it ("Health and care are significant industries ...")
                score *= SPOKEN_FACTOR
            if which_places and self.places and self.places.area_ids(candidate.text):
                score += NAMES_PLACES_BONUS
            if asks_why and _GIVES_REASON.search(candidate.text):
                score += REASON_BONUS  # "why are NHS bodies anchors?": "... given their size"
            if first_step and _SAYS_FIRST_STEP.search(candidate.text):
                score += FIRST_STEP_BONUS  # "... is the necessary and important first step"
            if doers and makes_it_act(candidate.text, doers):
                score += DOER_BONUS  # "what will govt do?": "the government will work ..."
            if named_document and not candidate.passage.named:
                pass  # "NE ambulance trust - does the white paper say ...?": not the NE's slides
            elif candidate.local and not (says_a_place and not action and _advises_nhs(candidate)):
                score += LOCAL_BONUS
            # (from a passage about the place, but a box captioned as another place's)
            elif self._elsewhere(candidate.text, asked) or candidate.passage.local:
                score -= LOCAL_BONUS  # the North East's list does not answer for Lincolnshire
            candidate.score = score

    def _select(
        self,
        candidates: list[Candidate],
        concepts: list[Concept],
        lists_first: bool = False,
        defined: frozenset[str] = frozenset(),
        broad: bool = False,
    ) -> list[Candidate]:
        """Greedy: the best sentence, then those that add most to what is covered. For a
        question that wants a list, a list may take the answer up to LIST_CHARS: cut to
        fit, it would not answer. The sentence right after one chosen counts a little
        more; asked what a place's strategy says (`broad`), only if it points back at it."""
        ranked = sorted(candidates, key=lambda c: c.score, reverse=True)

        def room(candidate: Candidate) -> int:
            return LIST_CHARS if lists_first and candidate.carries_list else self.max_chars

        chosen = [ranked[0]]
        covered = ranked[0].terms
        length = len(ranked[0].text)
        # asked what a thing is, two points repeat each other when they say the same
        # besides its name: every point on growth hubs names them ("The government will
        # ensure all businesses have access to a local Growth Hub." is no repeat of "The
        # government wants Growth Hubs to carry on building their reach ...")
        while len(chosen) < self.max_sentences:
            base = coverage(concepts, covered)
            best, best_value = None, 0.5 * chosen[0].score
            for candidate in ranked[1:]:
                if length + len(candidate.text) > room(candidate):
                    candidate = clipped(candidate, room(candidate) - length)
                if candidate is None or candidate in chosen:
                    continue
                repeated = [
                    c
                    for c in chosen
                    if (
                        overlap(candidate.terms - defined, c.terms - defined) > 0.6
                        and not one_quotation(candidate, c)
                        and not other_case(candidate, c)
                        # "Michael Wood, Head of ...": who holds the office the point names
                        and not (is_name_line(candidate.text) and not is_name_line(c.text))
                    )
                    or shows_again(candidate, c)
                ]
                if repeated:
                    if put_fuller(chosen, repeated, candidate, room(candidate) - length):
                        covered = frozenset().union(*(c.terms for c in chosen))
                        length = sum(len(c.text) for c in chosen)
                    continue
                gain = coverage(concepts, covered | candidate.terms) - base
                goes_on = follows(candidate, chosen) and (
                    not broad or bool(_GOES_ON_ABOUT.match(candidate.text))
                )
                value = candidate.score + 0.3 * gain + (0.1 if goes_on else 0)
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


_NAME_TERMS = 3  # more, what a question asks to be defined is no name ("the deadline for ...")


# "Engaging with your local economic leaders ... is the necessary and important first step."
_SAYS_FIRST_STEP = re.compile(r"\bfirst\s+steps?\b", re.IGNORECASE)


def _named_thing(defined: list[str] | None) -> frozenset[str]:
    """The terms of the thing a question asks what it is, when they make a name ("growth
    hub"), which every point about it repeats."""
    return frozenset(defined) if defined and len(defined) <= _NAME_TERMS else frozenset()


def place_matters(question: str, places: Gazetteer | None) -> bool:
    """What a term means is the same wherever the asker is ("whats 'productivity' mean?
    need a 1 liner in gateshead"): a place steers a definition only when the term names
    it ("what is the North East LIS?")."""
    if places is None:
        return False
    if not definition_subject(question) or len(parts_referring_back(question)) > 1:
        return True  # "whos the lead on the lincs LEP and whats their day job?"
    defining = next((s for s in question_sentences(question) if definition_subject(s)), question)
    # where the asker is says nothing of what a term means ("(STP in Sunderland) a plain
    # english definition of productivity?"), but says whose office-holder is asked for
    # ("im at lincoln county hospital, who's the LEP health lead?")
    # ("... in the NE slides?": nor the place that names the document asked of)
    where = defining if _ASKS_WHO.search(defining) else without_source(without_asker(defining))
    return bool(places.area_ids(where)) or not places.area_ids(question)


def _asks_what_a_place_says(question: str, asked: set[str]) -> bool:
    """The question asks what a place's strategy says ("what does the Lincs LIS say on
    health?"), of the areas it names (`asked`), not who says it."""
    return (
        bool(asked)
        # ("they got mentioned in some LIS thing": where the asker heard of them)
        and bool(_ASKS_WHAT_IT_SAYS.search(re.sub(r"\bmentioned\b", " ", question)))
        and not _ASKS_WHO_SAYS.search(question)
        and not _BODY_SAYS.search(question)
    )


# A sentence that goes on about the one before: "This living lab will ...", "It will ..."
_GOES_ON_ABOUT = re.compile(r"^\W*(?:this|these|it|they|its|their|such)\b", re.IGNORECASE)


def _headings_before(parts: list[Block], index: int) -> list[Block]:
    """The run of heading blocks right before `parts[index]`."""
    start = index
    while start and parts[start - 1].kind == "heading":
        start -= 1
    return parts[start:index]


def _advises_nhs(candidate: Candidate) -> bool:
    """The briefing's own advice to the NHS ("STPs and ICSs, and NHS organisations, should
    use ..."), printed beside a place's case study: not what the place's strategy says."""
    return not candidate.text.lstrip().startswith("“") and bool(NHS_ADVICE.search(candidate.text))


_ASKS_WHY = re.compile(r"\bwhy\b", re.IGNORECASE)
# A clause that opens with "why" (not "... and why?" after what is asked).
_OPENS_WITH_WHY = re.compile(r"(?:^|[-–—:,.?!]\s*)why\b", re.IGNORECASE)
# A sentence that gives a reason for what it says.
_GIVES_REASON = re.compile(
    r"\b(?:because|given\s+(?:their|its|the|that|our)|due\s+to|owing\s+to|as\s+a\s+result\s+of|"
    r"which\s+means|meaning\s+that|since\s+(?:it|they|the|we|our))\b",
    re.IGNORECASE,
)


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
        section=_section_shown(passage, quote),
        quote=quote,
    )


def _section_shown(passage: Passage, quote: str) -> str | None:
    """The section a citation names: the caption printed under the box the quote comes
    from (`Passage.captioned`), which says whose case study it is, else the heading above
    the passage."""
    return box_caption(passage, quote) or passage.chunk.info.section


def box_caption(passage: Passage, quote: str) -> str | None:
    """The caption printed under the box the quote comes from, if it comes from one."""
    words = without_bullet(quote).strip("“”‘’\"' ").split()[:_QUOTE_WORDS_TO_PLACE]
    opening = re.compile(r"\s+".join(map(re.escape, words)), re.IGNORECASE)
    captions = (caption for box, caption in passage.captioned if words and opening.search(box))
    return next(captions, None)
