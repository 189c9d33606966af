"""Finding the passages that answer a question: what retrieval ranks first, with the
passages some kinds of question need and retrieval does not rank high enough (what a
question after a preamble asks, each of two questions, the advice every NHS body is given
for a place, the lists of what taking part brings, the document a question names, each
document's dated passage when dates are set side by side, the chunk with the label of a
list a passage opens on, the place's own passages), and the later chunks of a section a
"what should we do?" reads on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from itertools import zip_longest

from bot.engine.answer import human_date
from bot.engine.answerable import passage_text, text_with_quotation
from bot.engine.compose import place_matters
from bot.engine.details import date_words
from bot.engine.places import Gazetteer
from bot.engine.questions import (
    answer_words,
    asked_parts,
    asks_members,
    asks_what_it_gains,
    asks_what_to_do,
    asks_where_it_features,
    compares_dates,
    definition_subject,
    is_action_question,
    listed_noun,
    parts_referring_back,
)
from bot.engine.retrieval import HybridRetriever, Passage, Query
from bot.engine.stated import DATE, DEADLINE_EVENT, names_event
from bot.engine.text import (
    asker_terms,
    dash_pieces,
    named_sources,
    sentences,
    terms,
    told_and_asked,
    without_source,
)
from ingest.store import KnowledgeStore

__all__ = ["PassageFinder"]


class PassageFinder:
    """Finds the passages for a question over one retriever, places file and store."""

    def __init__(self, retriever: HybridRetriever, places: Gazetteer, store: KnowledgeStore):
        self.retriever = retriever
        self.places = places
        self.store = store

    def found(self, question: str, context: str) -> tuple[Query, list[Passage]]:
        """The question's query, and the passages that answer it: those retrieval finds,
        with those for what a preamble asks, the general advice for a place, and the
        place's own passages (see below)."""
        placed = place_matters(question, self.places)
        query = self.retriever.query(question, context, self.area_names(question) if placed else "")
        passages = self.retriever.retrieve(query)
        passages = self._with_what_is_asked(question, passages)
        passages = self._with_each_part(question, passages)
        passages = self._with_general_advice(question, passages)
        passages = self._with_what_it_brings(question, passages)
        passages = self._with_named_source(question, passages)
        passages = self._with_each_documents_date(question, passages)
        listed = None if asks_members(question) else listed_noun(question)
        if listed:  # ("## Automotive", "## Ageing society": a list's items)
            passages = self.retriever.with_list_labels(passages, listed)
        if not placed:
            return query, passages
        return query, self._marked_local(question, self._with_place(question, passages))

    def read_on(self, question: str, passages: list[Passage]) -> list[Passage]:
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
            # (not where the asker is, for what a term means: "... in the NE slides?
            # explaining it to our board in durham")
            places = self.area_names(asked) if place_matters(asked, self.places) else ""
            query = self.retriever.query(asked, "", places)
            found = self.retriever.retrieve(
                query, k=NAMED_SOURCE_SEARCH, per_document=NAMED_SOURCE_SEARCH
            )
            for doc_id in named:
                of_doc = [p for p in found if p.chunk.doc_id == doc_id]
                from_named = _interleaved(from_named, of_doc, len(from_named) + len(of_doc))
        merged = _interleaved(from_named, passages, len(passages))
        return [replace(p, named=p.chunk.doc_id in named) for p in merged]

    def _with_each_documents_date(self, question: str, passages: list[Passage]) -> list[Passage]:
        """For "how did the date for agreeing them change between the 2017 briefing and the
        June 2019 one?": each document's best passage that states a date, in turn with
        those found. Documents date one thing differently ("by March 2019", "by March 2020
        at the latest"), and a date shares no word with the question, so passages that
        only talk about the thing outrank the one of a document that dates it."""
        if not compares_dates(question):
            return passages
        query = self.retriever.query(without_source(question))
        found = self.retriever.retrieve(
            query, k=NAMED_SOURCE_SEARCH, per_document=NAMED_SOURCE_SEARCH
        )
        have = {p.chunk.id for p in passages}
        # (the years a question names documents by are no part of what it asks: "the 2017
        # briefing and the 2019 one")
        asked = set(terms(without_source(question))) - set(terms(" ".join(date_words(question))))
        dated: dict[str, tuple[float, Passage]] = {}
        for passage in found:
            weight = dated_sentence_weight(passage.chunk.text, asked, self.retriever.index.idf)
            best = dated.get(passage.chunk.doc_id)
            if weight is not None and (best is None or weight > best[0]):
                dated[passage.chunk.doc_id] = (weight, passage)
        fresh = [p for _, p in dated.values() if p.chunk.id not in have]
        return _interleaved(passages, fresh, len(passages) + len(fresh))

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

    def _with_general_advice(self, question: str, passages: list[Passage]) -> list[Passage]:
        """For "what should our ICS do for the Lincolnshire strategy?": the place's own
        passages, alternating with the advice the briefings give every NHS organisation
        (found by the same question without the place), so the answer says both what the
        place's strategy holds and what to do about it."""
        places = [name for name, _ in self.places.matches(question)]
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
        the best are those whose lead-in or label says most of the question. So for
        "where does health show up in the LISs?": "There are several common areas where
        health features ... These are:"."""
        if not (asks_what_it_gains(question) or asks_where_it_features(question)):
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
            if (places := self.places.matches(part))
        ]
        asked = " ".join(where + asking)
        return _interleaved(self.search(asked), passages)

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
        heads = [passage for part in asked for passage in self.search(part)[:PART_PASSAGES]]
        return _interleaved(passages, heads, len(passages) + PART_PASSAGES)

    def area_names(self, question: str) -> str:
        """The names of the areas the question's places lie in, where it does not use them."""
        said = question.lower()
        return " ".join(
            dict.fromkeys(
                area.name
                for _name, areas in self.places.matches(question)
                for area in areas
                if area.name.lower() not in said
            )
        )

    def _with_place(self, question: str, passages: list[Passage]) -> list[Passage]:
        """When the question names a place and no passage found mentions its area, the
        best passages that do ("trust in salford - who leads our LIS?" and the Greater
        Manchester case study) take the last places: the knowledge base may know the
        place although the question's other words found general passages."""
        gazetteer = self.places
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
        gazetteer = self.places
        asked = gazetteer.area_ids(question)
        if not asked:
            return passages
        return [
            replace(p, local=bool(asked & gazetteer.area_ids(text_with_quotation(p))))
            for p in passages
        ]

    def search(self, text: str) -> list[Passage]:
        """What retrieval finds for `text` alone, the areas its places lie in named."""
        return self.retriever.retrieve(self.retriever.query(text, "", self.area_names(text)))


def dated_sentence_weight(text: str, asked: set[str], idf: Callable[[str], float]) -> float | None:
    """How much of what is asked a passage's best dated sentence says (the weights of the
    question's terms it holds), or None when no sentence of it gives a date. A passage that
    dates something else ("R&D to 2.4 per cent of GDP by 2027") is not the one that dates
    what is asked ("to be agreed with the government by March 2020"); a long run of
    captions and links is no sentence."""
    weights = [
        sum(idf(term) for term in asked & (set(terms(sentence)) | _events_dated(sentence)))
        for paragraph in re.split(r"\n\s*\n", text)
        for sentence in sentences(paragraph)
        if DATE.search(sentence) and len(sentence) <= DATED_SENTENCE_CHARS
    ]
    return max(weights, default=None)


def _events_dated(sentence: str) -> frozenset[str]:
    """What a sentence's date is of, though it does not say so ("to be agreed with the
    government by March 2020" gives a deadline)."""
    dated = names_event(DEADLINE_EVENT, sentence, frozenset())
    return DEADLINE_EVENT if dated else frozenset()


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
DATED_SENTENCE_CHARS = 400  # longer "sentences" that give a date are runs of captions
