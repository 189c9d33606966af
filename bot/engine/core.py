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
from itertools import zip_longest

from bot.engine.answer import Answer, Citation, Contact, human_date
from bot.engine.answerable import MIN_COVERAGE, Assessor, passage_text, text_with_quotation
from bot.engine.compose import ExtractiveComposer, Lead, place_matters
from bot.engine.concepts import coverage, question_concepts
from bot.engine.contacts import ContactDirectory
from bot.engine.followup import follow_up_context
from bot.engine.generate import AnswerGenerator, GenerationError, NoAnswer
from bot.engine.glossary import Glossary
from bot.engine.places import Area, typed_name_pattern
from bot.engine.questions import (
    answer_words,
    asked_parts,
    asks_about_now,
    asks_if_done_yet,
    asks_only_where_it_stands,
    asks_what_it_gains,
    asks_what_to_do,
    asks_where_it_stands,
    asks_who_holds,
    definition_subject,
    event_year,
    is_action_question,
    is_contact_question,
    parts_referring_back,
    role_asked,
    wants_to_reach,
    without_presentation,
)
from bot.engine.retrieval import HybridRetriever, Passage, Query
from bot.engine.stated import DATE, gives_email_of, office_prefixes
from bot.engine.text import (
    asker_terms,
    dash_pieces,
    named_sources,
    sentences,
    terms,
    told_and_asked,
    without_source,
)
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
        return cls(
            store=store,
            retriever=HybridRetriever(store, glossary),
            composer=ExtractiveComposer(store.embedder, glossary, contacts.gazetteer),
            assessor=Assessor(store.embedder, glossary, contacts.gazetteer, store.documents),
            contacts=contacts,
            generator=generator,
        )

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
        query, passages = self._found(search_for, context)
        idf = self.retriever.index.idf
        assessment = self.assessor.assess(query, passages, idf)
        assessment = replace(
            assessment, unfamiliar=self.assessor.not_sources(assessment.unfamiliar)
        )
        if assessment.unknown_places and assessment.general:
            # "we're in derby - what are SAPs?": the documents know nothing of the place,
            # the answer applies everywhere; the place's name only finds other places' text
            _, passages = self._found(_without(search_for, assessment.unknown_places), context)
            assessment = replace(
                self.assessor.assess(query, passages, idf),
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
            read_on = self._read_on(search_for, passages)
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
        asked = asks_if_done_yet(question)
        if asked is None:
            return False
        thing, event = asked
        places = self.contacts.gazetteer
        areas = {area.id for area in places.find(thing)}
        named = set(terms(thing))

        def says_done(line: str) -> bool:
            held = set(terms(line))
            if not event & held or _PLANNED.search(line):
                return False
            if areas:
                return bool(DATE.search(line)) and areas <= places.area_ids(line)
            return named <= held and bool(DATE.search(line) or _HAS_BEEN.search(line))

        return any(says_done(line) for line in answer.answer.splitlines())

    def _found(self, question: str, context: str) -> tuple[Query, list[Passage]]:
        """The question's query, and the passages that answer it: those retrieval finds,
        with those for what a preamble asks, the general advice for a place, and the
        place's own passages (see below)."""
        placed = place_matters(question, self.contacts.gazetteer)
        query = self.retriever.query(
            question, context, self._area_names(question) if placed else ""
        )
        passages = self.retriever.retrieve(query)
        passages = self._with_what_is_asked(question, passages)
        passages = self._with_each_part(question, passages)
        passages = self._with_general_advice(question, passages)
        passages = self._with_what_it_brings(question, passages)
        passages = self._with_named_source(question, passages)
        if not placed:
            return query, passages
        return query, self._marked_local(question, self._with_place(question, passages))

    def _read_on(self, question: str, passages: list[Passage]) -> list[Passage]:
        """For "what should we do?": the later chunks of the passages' sections, which
        retrieval did not find. A briefing's "Knowing how to influence" names
        the stages in one chunk and ends "We recommend that you approach these partners
        privately" in a later one, which shares none of the question's words."""
        if not asks_what_to_do(question):
            return []
        index, found = self.retriever.index, []
        have = {p.chunk.id for p in passages}
        for best in passages[:SECTIONS_READ_ON]:
            for chunk in index.section_rest(best.chunk.id):
                if chunk.id not in have:
                    have.add(chunk.id)
                    rank = len(passages) + len(found) + 1
                    found.append(Passage(chunk, best.score, rank))
        return found

    def _with_named_source(self, question: str, passages: list[Passage]) -> list[Passage]:
        """For "according to the NHS Confederation's June 2019 briefing, how could ...?":
        the best passages of the documents it names, in turn with those found, so the
        answer can come from the document the asker has in mind (another document that
        shares its words, or its own summary elsewhere, would otherwise take the places).
        A question comparing two documents ("... the 2017 briefing and the June 2019
        one") brings both."""
        named = list(
            dict.fromkeys(filter(None, map(self._named_document, named_sources(question))))
        )
        if not named:
            return passages
        # within the document, what is asked of it (each thing, when it asks two: "how
        # does the June 2019 briefing define productivity, and why ... important?"): its
        # name is in every passage of it
        from_named: list[Passage] = []
        parts = asked_parts(question)
        for part in [*parts, question] if len(parts) > 1 else [question]:
            asked = without_source(part)
            query = self.retriever.query(asked, "", self._area_names(asked))
            found = self.retriever.retrieve(
                query, k=NAMED_SOURCE_SEARCH, per_document=NAMED_SOURCE_SEARCH
            )
            for doc_id in named:
                of_doc = [p for p in found if p.chunk.doc_id == doc_id]
                from_named = _interleaved(from_named, of_doc, len(from_named) + len(of_doc))
        return _interleaved(from_named, passages, len(passages))

    def _named_document(self, naming: list[str]) -> str | None:
        """The document whose title, publisher and date hold more of the naming terms
        than any other's ("june 2019 brief" names the one of June 2019; "confeder brief",
        of which there are two, names none)."""
        fits = sorted(
            (
                (len(set(naming) & set(terms(" ".join(filter(None, described))))), d.doc_id)
                for d in self.store.documents()
                for described in [(d.title, d.publisher, human_date(d.published))]
            ),
            reverse=True,
        )
        if not fits or not fits[0][0] or (len(fits) > 1 and fits[1][0] == fits[0][0]):
            return None
        return fits[0][1]

    def _years_held(self) -> str:
        """The years the knowledge base's dated documents were written ("2017 to 2019"),
        as admins add documents; "" when none is dated."""
        years = sorted({d.published[:4] for d in self.store.documents() if _is_dated(d.published)})
        if not years:
            return ""
        return years[0] if years[0] == years[-1] else f"{years[0]} to {years[-1]}"

    def _with_general_advice(self, question: str, passages: list[Passage]) -> list[Passage]:
        """For "what should our ICS do for the Lincolnshire strategy?": the place's own
        passages, alternating with the advice the briefings give every NHS organisation
        (found by the same question without the place), so the answer says both what the
        place's strategy holds and what to do about it."""
        places = [name for name, _ in self.contacts.gazetteer.matches(question)]
        if not places or not is_action_question(question):
            return passages
        # "our ICS covers newcastle - what should we do to influence the NE LIS?": what
        # is asked, not who asks
        asking = [part for part in dash_pieces(question) if is_action_question(part)]
        general = asking[-1] if asking else question
        for name in places:
            general = re.sub(re.escape(name), " ", general, flags=re.IGNORECASE)
        return _interleaved(passages, self.retriever.retrieve(self.retriever.query(general)))

    def _with_what_it_brings(self, question: str, passages: list[Passage]) -> list[Passage]:
        """For "whats actually in it for us?": the lists of what taking part brings ("There
        are many benefits for the NHS in engaging ..., including:", a box of points labelled
        "... could help you"), first, alternating with those found: they share few of the
        question's words, and a passage on how to "get involved" outranks them. A list
        counts when its lead-in or label says what such lists say (`answer_words`), and
        the best are those whose lead-in or label says most of the question."""
        if not asks_what_it_gains(question):
            return passages
        said = set(terms(answer_words(question)))
        _searched, weights = self.retriever.keywords(question)
        lists = self.retriever.lists_announced(said, weights)[:GAIN_LISTS]
        return _interleaved(lists, passages, len(passages))

    def _with_what_is_asked(self, question: str, passages: list[Passage]) -> list[Passage]:
        """For a question after a preamble ("sorry total newbie, our practice manager
        keeps forwarding me stuff about the strategy. what does 'productivity' mean?"):
        the passages for what it asks (and where the asker is), first, alternating with
        those for the whole: the preamble's words can fill the whole question's
        passages with practice managers."""
        told, asking = told_and_asked(question)
        if not told:
            return passages
        # where the asker is and the names they give, without what they say of it ("our
        # STP in lincs is way behind lol": STP, Lincolnshire, not being behind; "we're
        # newcastle hosps and NICA is next door": NICA too)
        where = [
            " ".join([*(name for name, _ in places), *_names_besides_asker(part)])
            for part in told
            if (places := self.contacts.gazetteer.matches(part))
        ]
        asked = " ".join(where + asking)
        return _interleaved(self._search(asked), passages)

    def _with_each_part(self, question: str, passages: list[Passage]) -> list[Passage]:
        """For two questions in one message ("whats the deadline for our LIS? also whats
        the national R&D target"): the best passages for each, in turn with those for the
        whole, whose words may all fit the passages of one of its questions. A clause that
        names no topic of its own ("... and should our trust be on ours?") searches for
        nothing, but the topic before it still searches alone: "What are skills advisory
        panels for, and why should NHS organisations be represented on them?" must not
        lose what the panels are for to passages on why the NHS should take part."""
        parts = parts_referring_back(question)
        # (a term defined is a topic of its own, one word though it is: "How is
        # productivity defined, and why is it important ...?")
        asked = [
            clause
            for clause, referent in parts
            if not referent
            and (len(set(terms(clause)) - set(asker_terms(clause))) >= 2 or _defines(clause))
        ]
        if len(parts) < 2 or not asked:
            return passages
        heads = [passage for part in asked for passage in self._search(part)[:PART_PASSAGES]]
        return _interleaved(passages, heads, len(passages) + PART_PASSAGES)

    def _area_names(self, question: str) -> str:
        """The names of the areas the question's places lie in, where it does not use them."""
        said = question.lower()
        return " ".join(
            dict.fromkeys(
                area.name
                for _name, areas in self.contacts.gazetteer.matches(question)
                for area in areas
                if area.name.lower() not in said
            )
        )

    def _with_place(self, question: str, passages: list[Passage]) -> list[Passage]:
        """When the question names a place and no passage found mentions its area, the
        best passages that do ("trust in salford - who leads our LIS?" and the Greater
        Manchester case study) take the last places: the knowledge base may know the
        place although the question's other words found general passages."""
        gazetteer = self.contacts.gazetteer
        areas = gazetteer.find(question, titled=True)
        asked = {area.id for area in areas}
        if not asked or any(asked & gazetteer.area_ids(passage_text(p)) for p in passages):
            return passages
        names = " ".join(dict.fromkeys(area.name for area in areas))
        found = self.retriever.retrieve(self.retriever.query(f"{names} {question}", "", names))
        local = [p for p in found if asked & gazetteer.area_ids(passage_text(p))]
        if not local:
            return passages
        kept = passages[: max(0, len(passages) - PLACE_PASSAGES)] + local[:PLACE_PASSAGES]
        return [replace(p, rank=n) for n, p in enumerate(kept, 1)]

    def _marked_local(self, question: str, passages: list[Passage]) -> list[Passage]:
        """Passages that name the area of a place the question names ("bucks" and a case
        study of Buckinghamshire Thames Valley), so the answer leads with them."""
        gazetteer = self.contacts.gazetteer
        asked = gazetteer.area_ids(question)
        if not asked:
            return passages
        return [
            replace(p, local=bool(asked & gazetteer.area_ids(text_with_quotation(p))))
            for p in passages
        ]

    def passages(self, question: str) -> list[Passage]:
        """The passages retrieval finds for a question on its own (for benchmarks)."""
        return self._search(self._read(_validated(question)))

    def _search(self, text: str) -> list[Passage]:
        """What retrieval finds for `text` alone, the areas its places lie in named."""
        return self.retriever.retrieve(self.retriever.query(text, "", self._area_names(text)))

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


def contact_lead(question: str, contacts: list[Contact], store: KnowledgeStore) -> Lead | None:
    """For "who should we talk to?", an opening line naming the first contact, or the one
    whose organisation the question names ("who at the confed do i email?"), cited to the
    passage of its source document that mentions them (none if no passage does)."""
    # the directory adds to the documents' own line on them only how to reach them
    holder = _holder_of(question, contacts) if wants_to_reach(question) else None
    if not (is_contact_question(question) or holder) or not contacts:
        return None
    # the organisation named where the question asks who, not where it names a source
    asked = {t for clause in re.findall(r"\bwho\b[^?.!]*", question, re.I) for t in terms(clause)}
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


# Names as typed in chat: initialisms and capitalised words ("STP", "NICA", "Hospitals").
_NAMES = re.compile(r"\b[A-Z][A-Za-z0-9&]+\b")


def _names_besides_asker(sentence: str) -> list[str]:
    """The names a sentence gives other than who asks ("our STP", "newcastle hosps")."""
    asker = set(asker_terms(sentence))
    return [name for name in _NAMES.findall(sentence) if not set(terms(name)) <= asker]


def _defines(clause: str) -> bool:
    """The clause asks what a term means ("How is productivity defined, and")."""
    return bool(definition_subject(clause.rstrip(" ,;&+").removesuffix(" and")))


def _interleaved(first: list[Passage], second: list[Passage], k: int = 8) -> list[Passage]:
    """The passages of two searches taken in turn, each once, ranked anew."""
    merged: dict[str, Passage] = {}
    for pair in zip_longest(first, second):
        for passage in filter(None, pair):
            merged.setdefault(passage.chunk.id, passage)
    return [replace(p, rank=n) for n, p in enumerate(list(merged.values())[:k], 1)]


SECTIONS_READ_ON = 8  # passages whose sections' later chunks a "what should we do" reads
PLACE_PASSAGES = 2  # passages about the place asked about, when retrieval found none
PART_PASSAGES = 2  # passages for each of two questions asked in one message
GAIN_LISTS = 2  # lists of what taking part brings, for "whats in it for us?"
NAMED_SOURCE_SEARCH = 30  # passages searched for the best of a document a question names

# A point that says something is still to happen: "(to be published by summer 2018)".
# "Sector deals have been agreed in ...": says a thing is done, without a date
_HAS_BEEN = re.compile(r"\b(?:has|have|had)\s+(?:now\s+|already\s+)?been\b", re.I)
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
