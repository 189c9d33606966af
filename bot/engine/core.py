"""The engine: a question in, an `Answer` out. Knows nothing of Slack or Teams.

`Engine.build` puts the parts together over one store: the retriever, the composer, the
coverage assessor, the contact directory and (optionally) a chat model. Front ends call
`ask` and render what comes back. Bad questions raise `QuestionError`, whose message is
safe to show to the asker as it is.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property

from bot.engine.answer import Answer, Citation, Contact, human_date
from bot.engine.answerable import MIN_COVERAGE, Assessor, passage_text
from bot.engine.compose import ExtractiveComposer, Lead
from bot.engine.concepts import coverage, question_concepts
from bot.engine.contacts import ContactDirectory
from bot.engine.followup import follow_up_context
from bot.engine.gathering import PassageFinder
from bot.engine.generate import AnswerGenerator, GenerationError, NoAnswer
from bot.engine.glossary import Glossary
from bot.engine.places import Area, typed_name_pattern
from bot.engine.questions import (
    asks_about_now,
    asks_if_done,
    asks_only_where_it_stands,
    asks_where_it_stands,
    asks_who_holds,
    event_year,
    is_contact_question,
    role_asked,
    wants_to_reach,
    without_presentation,
)
from bot.engine.retrieval import HybridRetriever, Passage
from bot.engine.stated import DATE, gives_email_of, office_prefixes
from bot.engine.text import sentences, terms
from bot.errors import UsageError
from ingest.store import KnowledgeStore, StoredDocument
from ingest.structure import paragraphs

__all__ = ["Engine", "QuestionError", "MAX_QUESTION_CHARS"]

log = logging.getLogger(__name__)
MAX_QUESTION_CHARS = 2000
EMPTY = (
    "The knowledge base is empty, so I have nothing to answer from yet. An admin needs to "
    "add documents (`lis ingest`, or `/lis admin ingest <url>` in Slack)."
)


class QuestionError(UsageError):
    """The question cannot be answered as asked; the message tells the asker why."""


@dataclass
class Engine:
    store: KnowledgeStore
    retriever: HybridRetriever
    composer: ExtractiveComposer
    assessor: Assessor
    contacts: ContactDirectory
    generator: AnswerGenerator | None = None

    @classmethod
    def build(
        cls,
        store: KnowledgeStore,
        glossary: Glossary,
        contacts: ContactDirectory,
        generator: AnswerGenerator | None = None,
    ) -> Engine:
        """The engine's parts over one store (`bot.wiring.build_engine` reads the settings)."""
        retriever = HybridRetriever(store, glossary)
        return cls(
            store=store,
            retriever=retriever,
            composer=ExtractiveComposer(store.embedder, glossary, contacts.gazetteer),
            assessor=Assessor(
                store.embedder,
                glossary,
                contacts.gazetteer,
                store.documents,
                uses_name=lambda named: retriever.index.holds_name(named),
            ),
            contacts=contacts,
            generator=generator,
        )

    @cached_property
    def finder(self) -> PassageFinder:
        """Finds the passages that answer a question (`bot.engine.gathering`)."""
        return PassageFinder(self.retriever, self.contacts.gazetteer, self.store)

    def warm_up(self) -> None:
        """Build the keyword index and the vocabulary questions are read by now, so the
        first question is as fast as the rest."""
        self.retriever.index.vocabulary.warm_up()  # the properties build the index too

    def documents(self) -> list[StoredDocument]:
        """What the knowledge base holds."""
        return self.store.documents()

    def areas(self, place: str) -> list[Area]:
        """The areas (LEP, combined authority ...) a place name belongs to, if any."""
        return self.contacts.gazetteer.find(place)

    def areas_writing_about(self, topic: str, passages: int = 4) -> list[Area]:
        """Areas whose strategy the knowledge base mentions on `topic`: those named in a
        top passage that holds at least MIN_COVERAGE of the topic's ideas (the bar for
        "covered"). For the gaps report: a case study saying the Dorset strategy backs
        social prescribing suggests Dorset's full strategy for a question about it."""
        query = self.retriever.query(self._read(topic))
        idf = self.retriever.index.idf
        concepts = question_concepts(query.text, self.assessor.glossary, idf)
        found: list[Area] = []
        for passage in self.retriever.retrieve(query)[:passages]:
            text = passage_text(passage)
            if coverage(concepts, frozenset(terms(text))) < MIN_COVERAGE:
                continue
            found += [a for a in self.contacts.gazetteer.find(text, titled=True) if a not in found]
        return found

    def ask(
        self,
        question: str,
        *,
        area: str | None = None,
        history: list[str] | None = None,
        on_text: Callable[[str], None] | None = None,
    ) -> Answer:
        """Answer `question`.

        `area` is the conversation's default place, used when the question names none;
        `history` holds earlier questions of the same thread, oldest first, so a follow-up
        ("and what about skills?") is understood in their light. `on_text` streams a
        generated answer as it is written (see `AnswerGenerator.generate`): whoever shows
        it replaces it with the returned answer, which may be the extractive one if the
        model's citations fail the check.
        """
        started = time.perf_counter()
        question = _validated(question)
        history = history or []
        search_for, context = self._standalone(self._read(question), history)
        contacts = self.contacts.for_question(f"{search_for} {context}", area)
        query, passages = self.finder.found(search_for, context)
        idf = self.retriever.index.idf
        assessment = self.assessor.assess(query, passages, idf)
        assessment = replace(
            assessment, unfamiliar=self.assessor.not_sources(assessment.unfamiliar)
        )
        if assessment.unknown_places and assessment.general:
            # "we're in derby - what are SAPs?": the documents know nothing of the place,
            # the answer applies everywhere; the place's name only finds other places' text
            _, passages = self.finder.found(
                _without(search_for, assessment.unknown_places), context
            )
            reassessed = self.assessor.assess(query, passages, idf)
            assessment = replace(
                reassessed,
                # ("west yorks": "Yorkshire", which only the dropped passages named, is
                # the place already known to be unknown, not something else unknown)
                unfamiliar=_apart_from(
                    self.assessor.not_sources(reassessed.unfamiliar), assessment.unknown_places
                ),
                unknown_places=assessment.unknown_places,
                general=True,
            )
        extractive = None
        lead = contact_lead(search_for, contacts, self.store)
        # Whom to talk to is answered from the directory, however little the passages say.
        if (
            assessment.covered
            or (lead is not None and lead.answers_alone and not assessment.unfamiliar)
        ) and gives_email_of(search_for, self.contacts.named_in(search_for), passages):
            read_on = self.finder.read_on(search_for, passages)
            extractive = self.composer.compose(query, passages, idf, lead, read_on)
        if extractive is None:
            text = (
                _not_covered(contacts, assessment.missing, self._years_held())
                if passages or self.store.count()
                else EMPTY
            )
            answer = Answer(question, text, "no_answer", [], contacts)
            if self.generator and passages and assessment.relevant:
                # Not enough for quoting, but maybe for the model: it may say NO_ANSWER.
                answer = self._generated(answer, search_for, passages, area, history, on_text)
        else:
            answer = Answer(question, extractive.text, "extractive", extractive.citations, contacts)
            if assessment.unknown_places:
                answer.note = (
                    f"Nothing in the knowledge base is specific to "
                    f"{' or '.join(assessment.unknown_places)}: this answer applies to every "
                    "local industrial strategy."
                )
            if self.generator:
                answer = self._generated(answer, search_for, passages, area, history, on_text)
        if (
            answer.citations
            and asks_only_where_it_stands(question)
            and _all_older(answer.citations)
            and not self._says_it_was_done(question, answer)
            and not self.contacts.renamed_in(question)
        ):
            answer = _as_said_then(answer, _NOT_NOW.format(span=_span(answer.citations)))
        elif answer.citations and _all_before(answer.citations, year := event_year(question)):
            answer = _as_said_then(
                answer, _NOT_THEN.format(year=year, span=_span(answer.citations))
            )
        elif answer.citations and (asks_about_now(question) or asks_where_it_stands(question)):
            answer.note = " ".join(filter(None, [answer.note, _as_of(answer.citations)]))
        answer.latency_ms = (time.perf_counter() - started) * 1000
        return answer

    def _says_it_was_done(self, question: str, answer: Answer) -> bool:
        """ "has GM actually published its LIS yet?" answered by a point that says, with a
        date, that the place did it ("... Greater Manchester ... published their strategies
        in May and June 2019"), or "has the life sciences sector deal been agreed?" by one
        that says it has been ("Sector deals have been agreed in life sciences, ..."): done
        then is done now, whatever the sources' age."""
        asked = asks_if_done(question)
        if asked is None:
            return False
        thing, event = asked
        places = self.contacts.gazetteer
        areas = {area.id for area in places.find(thing)}
        named = set(terms(thing))
        # "have any areas published their LIS yet?": done by some place, whichever
        anywhere = not areas and bool(_ANY_PLACE.fullmatch(thing.strip()))

        def says_done(line: str) -> bool:
            held = set(terms(line))
            if not event & held or _PLANNED.search(line):
                return False
            if areas or anywhere:
                found = places.area_ids(line)
                return bool(DATE.search(line)) and bool(found) and areas <= found
            return named <= held and bool(DATE.search(line) or _HAS_BEEN.search(line))

        return any(says_done(line) for line in answer.answer.splitlines())

    def _years_held(self) -> str:
        """The years the knowledge base's dated documents were written ("2017 to 2019"),
        as admins add documents; "" when none is dated."""
        years = sorted({d.published[:4] for d in self.store.documents() if _is_dated(d.published)})
        if not years:
            return ""
        return years[0] if years[0] == years[-1] else f"{years[0]} to {years[-1]}"

    def passages(self, question: str) -> list[Passage]:
        """The passages retrieval finds for a question on its own (for benchmarks)."""
        return self.finder.search(self._read(_validated(question)))

    def _read(self, question: str) -> str:
        """The question in the knowledge base's words: typos, clipped names and
        initialisms read as meant (`bot.engine.vocabulary`); the asker still sees theirs."""
        spelt_out = self.contacts.gazetteer.with_directions_spelt_out(question)
        return self.retriever.index.vocabulary.read(
            without_presentation(spelt_out), self._understood
        )

    def _understood(self, word: str) -> bool:
        """Acronyms the glossary explains and place names the gazetteer knows."""
        return bool(self.assessor.glossary.entries_in(word) or self.contacts.gazetteer.find(word))

    def _standalone(self, question: str, history: list[str]) -> tuple[str, str]:
        """What to search for, and the earlier question a follow-up leans on (if any).

        With a language model, a question asked in a thread is rewritten by the model into
        one that stands alone; otherwise (or if that fails) the extractive rule applies.
        """
        if self.generator and history:
            try:
                return self.generator.rewrite(question, history), ""
            except GenerationError as error:
                log.warning("follow-up rewrite failed: %s", error)
        return question, follow_up_context(question, history)

    def _generated(
        self,
        fallback: Answer,
        question: str,
        passages,
        area: str | None,
        history: list[str],
        on_text: Callable[[str], None] | None = None,
    ) -> Answer:
        """The model's answer if it passes the grounding check; else `fallback`, with a note."""
        try:
            composition = self.generator.generate(
                question, passages, fallback.contacts, area, history, on_text
            )
        except NoAnswer:
            return Answer(
                fallback.question,
                _not_covered(fallback.contacts, years=self._years_held()),
                "no_answer",
                [],
                fallback.contacts,
            )
        except GenerationError as error:
            log.warning("generated answer unavailable: %s", error)
            if fallback.mode != "no_answer":
                fallback.note = f"Showing quotes from the sources: {error}."
            return fallback
        return Answer(
            fallback.question,
            composition.text,
            "llm",
            composition.citations,
            fallback.contacts,
            note=fallback.note,
        )


# where a question asks who: "who at the confed ...", "anyone at the confed who ..." (not
# "someone mentioned a warren at the partnership", which tells)
_WHO_CLAUSE = re.compile(r"\b(?:who|any\s?(?:one|body))\b[^?.!]*", re.IGNORECASE)


def contact_lead(question: str, contacts: list[Contact], store: KnowledgeStore) -> Lead | None:
    """For "who should we talk to?", an opening line naming the first contact, or the one
    whose organisation the question names ("who at the confed do i email?"), cited to the
    passage of its source document that mentions them (none if no passage does)."""
    # the directory adds to the documents' own line on them only how to reach them
    holder = _holder_of(question, contacts) if wants_to_reach(question) else None
    if not (is_contact_question(question) or holder) or not contacts:
        return None
    # the organisation named where the question asks who, not where it names a source
    asked = {t for clause in _WHO_CLAUSE.findall(question) for t in terms(clause)}
    named = [holder] if holder else [c for c in contacts if c.org and terms(c.org)[-1] in asked]
    contact = (named or contacts)[0]
    # a body no document names a person at: say so, and lead with whom a document does name
    sourced = contact if contact.source else next((c for c in contacts if c.source), None)
    if sourced is None:
        return None
    # asked who to talk to about their area's strategy, the asker also gets the national
    # contact, whose job is helping NHS organisations engage with it: a name to call
    national = next((c for c in contacts if not c.area and c.name), None)
    helper = national if contact.area and not named and national is not sourced else None
    if asks_who_holds(question):
        helper = None  # "who leads the GM LIS?" asks who holds it, not whom to call
        if not contact.area and not named:
            # "who leads our LIS?" from nowhere known: not the national contact (but "who
            # leads the confed's work on it?" is)
            return None
    title = sourced.source.rsplit(" (", 1)[0]
    for needle in filter(None, (sourced.name, sourced.org, sourced.area)):
        chunk = store.find_mention(title, needle)
        found = paragraphs(chunk.text) if chunk else []
        quote = next((s for p in found for s in sentences(p) if needle in s), None)
        if quote:
            alone = sourced is contact
            line = _contact_line(sourced) if alone else _no_person_line(contact, sourced)
            if helper is not None:
                line = f"{line}. {_contact_line(helper, 'Nationally')}"
            return Lead(
                f"{line} (more under “Who to contact”).",
                Passage(chunk, 0.0, 0),
                quote,
                answers_alone=alone,
            )
    return None


def _holder_of(question: str, contacts: list[Contact]) -> Contact | None:
    """The contact whose role is the office the question asks the holder of ("the name +
    email of the head of health economic partnerships?" -> "Head of Health Economic
    Partnerships"): every word of what the role is of must be asked, so the chair of a
    LEP's health board does not answer "who chairs the LEP?"."""
    asked = role_asked(question)
    if asked is None:
        return None
    office = office_prefixes(asked[0])
    subject = set(terms(asked[1]))
    for contact in contacts:
        role = terms((contact.role or "").partition("(")[0])
        of = {term for term in role if not term.startswith(office)}
        holds_office = any(term.startswith(office) for term in role)
        if contact.name and holds_office and of and of <= subject:
            return contact
    return None


def _no_person_line(body: Contact, national: Contact) -> str:
    """The asker's local body, which no document names a person at, then who to ask."""
    where = f" for {body.area}" if body.area else ""
    return (
        f"Local contact{where}: {body.org} (no document here names a person there). "
        f"{_contact_line(national, 'Nationally')}"
    )


def _contact_line(contact: Contact, label: str | None = None) -> str:
    if contact.name:  # a person: their title, and their organisation unless it says it
        parts = [contact.name, contact.role]
        if not contact.role or contact.org not in contact.role:
            parts.append(contact.org)
        who = ", ".join(filter(None, parts))
    elif contact.role:  # a body: what it does ("leads the ... local industrial strategy")
        who = f"{contact.org}, {contact.role[:1].lower()}{contact.role[1:]}"
    else:
        who = contact.org
    where = label or (f"Local contact for {contact.area}" if contact.area else "Contact")
    reach = f"email {contact.email}" if contact.email else contact.url  # how to reach them
    return f"{where}: {who}{f', {reach}' if reach else ''}"


# "Sector deals have been agreed in ...", "it was no surprise to see life sciences as the
# first sector deal announced": says a thing is done, without a date
_HAS_BEEN = re.compile(r"\b(?:(?:has|have|had)\s+(?:now\s+|already\s+)?been|was|were)\b", re.I)
# "have any areas published ...": whichever place did it
_ANY_PLACE = re.compile(r"(?:any|some)\s+(?:local\s+)?(?:areas|places|regions|leps)", re.I)
# A point that says something is still to happen: "(to be published by summer 2018)".
_PLANNED = re.compile(
    r"\b(?:to\s+be|will|shall|expected|due|planned|plans?\s+to|forthcoming|draft)\b", re.I
)


# A question about where something stands today, and sources all older than this:
# the knowledge base cannot answer it, though it can say what was true then.
STALE_AFTER_DAYS = 365
_NOT_NOW = (
    "The knowledge base cannot say where this stands now: its sources on it were written "
    "{span}, and it holds nothing newer. What they said then:"
)


_NOT_THEN = (
    "The knowledge base cannot say what happened in {year}: its sources on it were written "
    "{span}, before then. What they said:"
)


def _as_said_then(answer: Answer, caveat: str) -> Answer:
    """Not covered for today (or for a later year): `no_answer`, which by the JSON contract
    carries no citations. What the sources said then still follows the caveat, each point
    naming its source and date in words where its citation number was."""
    text = answer.answer
    for citation in answer.citations:
        source = ", ".join(
            filter(None, [citation.title, citation.publisher, human_date(citation.published)])
        )
        text = text.replace(f"[{citation.n}]", f"({source})")
    return Answer(answer.question, f"{caveat}\n\n{text}", "no_answer", [], answer.contacts)


def _all_before(citations: list[Citation], year: int | None) -> bool:
    """Every dated source quoted was written before `year` (and some are dated)."""
    dated = _dates(citations)
    return bool(year and dated and int(dated[-1][:4]) < year)


def _is_dated(published: str | None) -> bool:
    """A publication date that starts with its year ("2019", "2019-06")."""
    return bool(published and published[:4].isdigit())


def _dates(citations: list[Citation]) -> list[str]:
    return sorted({c.published for c in citations if _is_dated(c.published)})


def _all_older(citations: list[Citation], today: date | None = None) -> bool:
    """Every quoted source is dated, and older than STALE_AFTER_DAYS."""
    dated = _dates(citations)
    if not dated or not all(_is_dated(c.published) for c in citations):
        return False  # an undated source may be newer than it looks
    year, month, day = ([int(p) for p in dated[-1][:10].split("-")] + [12, 28])[:3]
    age = (today or date.today()) - date(year, month, day)  # "2019": as late as it may be
    return age.days > STALE_AFTER_DAYS


def _span(citations: list[Citation]) -> str:
    dated = _dates(citations)
    span = f"in {human_date(dated[0])}"
    if len(dated) > 1:
        span = f"from {human_date(dated[0])} to {human_date(dated[-1])}"
    return span


def _as_of(citations: list[Citation]) -> str:
    """For a question about now: when the quoted sources were written, since the
    knowledge base cannot say what has happened since."""
    dated = _dates(citations)
    if not dated:
        return "The sources quoted are undated: check with the contact below for anything newer."
    span = human_date(dated[0])
    if len(dated) > 1:
        span = f"from {span} to {human_date(dated[-1])}"
    return (
        f"This is what the sources said when they were written ({span}); "
        "the knowledge base holds nothing newer, so check with the contact below."
    )


def _without(question: str, places: list[str]) -> str:
    """The question without the places' names ("we're in derby (D2N2)" -> "we're in")."""
    for name in places:
        question = re.sub(typed_name_pattern(name), " ", question)  # "cheshire & merseyside"
    return re.sub(r"\(\s*\)", " ", question)


def _apart_from(names: list[str], places: list[str]) -> list[str]:
    """The names that are not one of the places, nor a word of one ("Yorkshire" of "west
    Yorkshire")."""
    return [
        name
        for name in names
        if not any(re.search(rf"\b{re.escape(name)}\b", place, re.IGNORECASE) for place in places)
    ]


def _validated(question: str) -> str:
    question = " ".join((question or "").split())
    if not question:
        raise QuestionError(
            "Please type a question, for example: "
            "“What should our ICS do about the local industrial strategy?”"
        )
    if len(question) > MAX_QUESTION_CHARS:
        raise QuestionError(
            f"That question is {len(question):,} characters long; please "
            f"keep it under {MAX_QUESTION_CHARS:,} and ask one thing at a time."
        )
    return question


def _not_covered(
    contacts: list[Contact], unfamiliar: list[str] | None = None, years: str = ""
) -> str:
    contact = contacts[0]  # the asker's local contact when there is one, else the national
    ask = contact.label() if contact.name else _org_label(contact)
    what = "this"
    if unfamiliar:
        what = "anything on " + " or ".join(f"“{name}”" for name in unfamiliar[:3])
    held = f" ({years})" if years else ""
    return (
        f"I couldn't find {what} in the knowledge base, which holds briefings on the UK "
        f"Industrial Strategy and local industrial strategies{held}, so I won't "
        f"guess. Try rephrasing, or ask {ask}."
    )


def _org_label(contact: Contact) -> str:
    """A contact with no person named, as the body to ask ("Dorset LEP (https://...)")."""
    reach = " ".join(part for part in (contact.email, contact.url) if part)
    return f"{contact.org} ({reach})" if reach else contact.org
