"""Does the knowledge base answer this question? Decided before any answer is written.

The honest reply to a question the documents do not cover is that they do not (with whom
to ask instead), for the extractive composer and the language model alike. See
`Assessment` for the rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from bot.engine.answer import human_date
from bot.engine.concepts import concepts_with_context, coverage, unfamiliar_names
from bot.engine.glossary import Glossary
from bot.engine.places import Gazetteer, typed_name_pattern
from bot.engine.questions import (
    asked_parts,
    asks_who_holds,
    definition_subject,
    is_action_question,
    is_contact_question,
    person_asked,
)
from bot.engine.retrieval import CONTEXT_WEIGHT, Passage, Query, holds_name
from bot.engine.text import (
    asker_spans,
    dash_pieces,
    question_sentences,
    terms,
    told_and_asked,
    without_asker,
    without_closing_tag,
    words,
)
from ingest.embeddings import Embedder
from ingest.store import StoredDocument
from ingest.structure import paragraphs

__all__ = [
    "Assessment",
    "Assessor",
    "MIN_COVERAGE",
    "MIN_EVIDENCE",
    "passage_text",
    "text_with_quotation",
]

MIN_COVERAGE = 0.5  # share of the question's weighted ideas in the best passage
MIN_EVIDENCE = 0.7  # coverage plus cosine similarity, for questions in other words
# With a language model, a question goes to the model unless retrieval found nothing
# relevant: the model's NO_ANSWER and the grounding check decide the rest.
MIN_RELEVANT_COVERAGE = 0.25
MIN_RELEVANT_EVIDENCE = 0.5


@dataclass
class Assessment:
    """Whether the passages cover a question, and why not when they do not.

    Not covered when the question names something no passage mentions (`unfamiliar`), or
    asks about a place's own affairs ("what does the Liverpool City Region strategy say
    about health?") when no passage mentions the place or its LEP or combined authority
    (`unknown_places`). A question that asks what to do, or names the place only to say
    where the asker is (`general`), is still answered for such a place, from what applies
    everywhere; whom to talk to in such a place is not (the reply names the area's contact,
    and general sentences about engaging LEPs name nobody). Otherwise covered when
    the best passage holds at least half the question's weighted ideas (`coverage`), or
    coverage and closeness in meaning (`similarity`, cosine) together reach MIN_EVIDENCE:
    a question in other words than the documents' ("who checks the strategy is working?")
    still finds the passage that answers it, while an off-topic one has neither.
    """

    coverage: float
    similarity: float
    unfamiliar: list[str]
    unknown_places: list[str] = field(default_factory=list)
    general: bool = False

    @property
    def covered(self) -> bool:
        if self.unfamiliar or (self.unknown_places and not self.general):
            return False
        return self.coverage >= MIN_COVERAGE or self.coverage + self.similarity >= MIN_EVIDENCE

    @property
    def relevant(self) -> bool:
        """Worth asking a language model about: nothing named that the passages lack, and
        at least some of the question's ideas or meaning found (see MIN_RELEVANT_*)."""
        if self.unfamiliar or (self.unknown_places and not self.general):
            return False
        return (
            self.coverage >= MIN_RELEVANT_COVERAGE
            or self.coverage + self.similarity >= MIN_RELEVANT_EVIDENCE
        )

    @property
    def missing(self) -> list[str]:
        """What the knowledge base has nothing on, for the reply to name: not a place
        named only to say where the asker is ("finance team in norwich asking"), which is
        not why a question that applies everywhere goes unanswered."""
        return self.unfamiliar + ([] if self.general else self.unknown_places)


class Assessor:
    """Judges retrieved passages against a question (see `Assessment`)."""

    def __init__(
        self,
        embedder: Embedder,
        glossary: Glossary | None = None,
        places: Gazetteer | None = None,
        documents: Callable[[], list[StoredDocument]] = list,
        uses_name: Callable[[list[str]], bool] = lambda named: False,
    ) -> None:
        self.embedder = embedder
        self.glossary = glossary or Glossary()
        self.places = places
        # the knowledge base's documents (`KnowledgeStore.documents`), read when needed
        self.documents = documents
        # whether any chunk holds a name's terms in a row, beyond the passages found
        self.uses_name = uses_name

    def assess(self, query: Query, passages: list[Passage], idf) -> Assessment:
        """How well the passages cover the question (see `Assessment`).

        A question of several sentences counts as covered if one of its sentences is:
        "Ignore your instructions. What are T levels?" still deserves an answer; so do
        the parts a dash sets apart ("we've been told to ... - what do growth hubs do?").
        """
        if not passages:
            return Assessment(0.0, 0.0, [])
        parts = [query.text] + [
            part for part in _clauses(query.text) if part != query.text and len(part) > 12
        ]
        # "(MH trust, leics) what does ...": who asks, in words no passage uses, is not
        # what the passages must hold, however rare its words
        asked = without_asker(query.text)
        if asked.strip() != query.text.strip() and len(asked.strip()) > 12:
            parts.append(asked)
        person = person_asked(query.text)
        if person:
            parts.append(f"who is {person}")  # the question's other words name the offices
        defined = definition_subject(query.text)
        if defined:  # "dumb q but what does X actually mean in all this?": what X is
            parts.append(" ".join(defined))
        texts = [passage_text(p) for p in passages]
        found = [frozenset(terms(text)) for text in texts]
        best = max(
            coverage(
                concepts_with_context(part, query.context, self.glossary, idf, CONTEXT_WEIGHT), f
            )
            for part in parts
            for f in found
        )
        similarity = float(np.max(self.embedder.embed(texts) @ np.asarray(query.vector)))
        unknown = self._unknown_places(query.text, texts)
        return Assessment(
            best,
            similarity,
            [
                name
                for name in unfamiliar_names(query.text, texts, self._known)
                if not self._a_place(name)
            ]
            + self._unknown_documents(query.text, texts),
            unknown,
            general=_asks_only_in_general(query.text, unknown),
        )

    def _unknown_places(self, question: str, texts: list[str]) -> list[str]:
        """Places the question names whose areas (LEP, combined authority) no passage
        mentions by any of their names ("Bucks" is covered by "Aylesbury")."""
        if self.places is None:
            return []
        question = _TYPED_CORRIDOR.sub(" ", question)  # "the oxford-cambridge corridor"
        asked = [  # not "the Sector Deal", nor the place of "notts healthcare"
            (name, areas)
            for name, areas in self.places.matches(question, titled=True)
            if _named_as_a_place(name, question)
        ]
        if not asked:
            return []
        passages = _NHS_BODY.sub(" ", _CORRIDOR.sub(" ", " ".join(texts)))
        mentioned = self.places.area_ids(passages)
        unknown = [name for name, areas in asked if not any(a.id in mentioned for a in areas)]
        return list(dict.fromkeys(unknown))  # "grimsby trust - anything about grimsby?": once

    def _unknown_documents(self, question: str, texts: list[str]) -> list[str]:
        """Documents the question asks what they say ("does the NHS long term plan say
        anything abt LEPs?") whose names neither the passages nor any other chunk use: the
        knowledge base does not hold them, though it shares their words ("a long-term plan
        to create an economy"). Where a document's name places it ("the Dorset plan"), the
        place is no part of it."""
        found = [terms(text) for text in texts]
        unknown = []
        for asked in _DOCUMENT_ASKED.finditer(question):
            name = asked.group("name")
            for place, _ in self.places.matches(name) if self.places else []:
                name = re.sub(typed_name_pattern(place), " ", name)
            if not self._names_another_document(name):
                continue
            named = terms(name)
            if not any(holds_name(said, named) for said in found) and not self.uses_name(named):
                unknown.append(asked.group("document").strip())
        return unknown

    def _names_another_document(self, name: str) -> bool:
        """The name has a word beyond those that describe the knowledge base's own
        documents: their titles and publishers, the glossary's names ("the confed's LIS
        paper") and how people tell one from another ("the national industrial strategy",
        "the emerging one"); places are already left out ("the berkshire LIS framework")."""
        described = set(terms(self._titles_and_publishers()))
        for entry in self.glossary.entries_in(name):
            described |= set(terms(" ".join(entry.forms())))
        return any(term not in described | _DESCRIBING for term in terms(name))

    def not_sources(self, names: list[str]) -> list[str]:
        """The names the passages lack, less those of the knowledge base's own documents
        and publishers: "the NE slides and the confed briefing both bang on about it" names
        the NHS Confederation, which published documents here, though none of the passages
        found for the question is one of them."""
        if not names:
            return names
        sources = set(words(self._titles_and_publishers()))
        return [name for name in names if not set(words(name)) <= sources]

    def _titles_and_publishers(self) -> str:
        """The knowledge base's documents' titles and publishers, as one text."""
        return " ".join(f"{doc.title} {doc.publisher or ''}" for doc in self.documents())

    def _a_place(self, name: str) -> bool:
        """A place or body the gazetteer names, with at most the glossary's initials beside
        it ("New Anglia LEP", "South Yorkshire and Bassetlaw ICS"): the asker's own area,
        whose absence from the passages the contacts handle, not a thing nothing covers."""
        if self.places is None:
            return False
        rest = name
        for place, _ in self.places.matches(name):
            rest = re.sub(typed_name_pattern(place), " ", rest)
        return rest != name and all(
            self._known(word) or word.lower() in {"and", "of", "the"} for word in rest.split()
        )

    def _known(self, word: str) -> bool:
        """Acronyms the glossary explains and place names need not be in the passages."""
        if self.glossary.entries_in(word):
            return True
        return self.places is not None and bool(self.places.matches(word))


# How a question tells documents apart, which names no other document.
_DESCRIBING = frozenset(
    terms(
        "national local regional government govt emerging new newer latest recent old older "
        "earlier original first second draft final full main own briefing briefings slides "
        # how far along it is ("Greater Lincolnshire's evolving local industrial strategy")
        "evolving developing proposed forthcoming upcoming interim current published agreed"
    )
)
# "does the NHS long term plan say anything about ...?", "what did the levelling up white
# paper say ...", "what changes did the government's 2021 X plan make ...?": a document
# asked what it says or did, by its name and its kind.
_DOCUMENT_ASKED = re.compile(
    r"\b(?:does|did|do|will|would)\s+(?:the\s+|their\s+|its\s+)?(?:(?:government|govt)(?:['’]s)?\s+)?"
    r"(?P<document>"
    r"(?P<name>(?:[\w'’&-]+\s+){1,5}?)(?:plan|white\s+paper|green\s+paper|paper|review|report|"
    r"framework|strategy|prospectus|act|bill))\s+(?:actually\s+|really\s+)?(?:say|says|said|"
    r"mention|cover|include|talk|have|refer|reference|set\s+out|make|change|propose|"
    r"recommend|announce|introduce|conclude|find|promise|commit|do)\b",
    re.IGNORECASE,
)


# Places joined into one ("the Cambridge-Milton Keynes-Oxford corridor"): a link between
# them, which says nothing of any one place's own strategy.
_CORRIDOR = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?:-[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)+\b")


# A corridor as a question types it ("the oxford-cambridge corridor"): asked about as one,
# as the documents name it, not about any one place's own strategy.
_TYPED_CORRIDOR = re.compile(
    r"(?i)\b[a-z]+(?:\s[a-z]+)?(?:\s?[-–]\s?[a-z]+(?:\s[a-z]+)?)+\s+(?:corridor|arc)\b"
)


# An NHS body or university named after its place ("Dean Fathers, Chair, Nottinghamshire
# Healthcare NHS Trust", "Bournemouth University"): where it is based, which says nothing
# of that place's strategy.
_NHS_BODY = re.compile(
    r"\b(?:[A-Z][\w'’-]+\s+){1,3}(?:(?:Healthcare\s+)?NHS\s+(?:Foundation\s+)?Trust|"
    r"Hospitals?\b(?:\s+NHS\s+(?:Foundation\s+)?Trust)?|Health\s+Partners|University)\b"
)
# the same kinds of body as a question types them after a place ("notts healthcare")
_BODY_AFTER_PLACE = r"(?i:healthcare|hospitals?|nhs|university|uni|health\s+partners)\b"


def _named_as_a_place(name: str, question: str) -> bool:
    """Somewhere the question names the place itself, not only a body named after it:
    "what does the cornwall LIS say? we're at royal cornwall hospitals" asks of Cornwall."""
    return any(
        not re.match(rf"\s+{_BODY_AFTER_PLACE}", question[found.end() :])
        for found in re.finditer(typed_name_pattern(name), question)
    )


def _asks_only_in_general(question: str, places: list[str]) -> bool:
    """Each thing the question asks is what to do, or names the places only to say where
    the asker is: "what does new anglia's LIS say about health and who do we talk to?"
    asks about New Anglia's own strategy, though "who do we talk to" does not. Beside
    something to do, whom to talk to is general too ("whats the first step and who else
    shd we be talking to?"): the contacts that end every answer name the area's body. So
    does "who leads the LIS in liverpool city region?": the directory names the body that
    covers the place, and the documents say which kind of body leads where."""
    parts = asked_parts(question) or [question]
    general = [
        is_action_question(part)
        or _only_where_they_are(part, places)
        or (is_contact_question(part) and asks_who_holds(part))
        for part in parts
    ]
    return any(general) and all(
        in_general or is_contact_question(part)
        for in_general, part in zip(general, parts, strict=True)
    )


def _only_where_they_are(question: str, places: list[str]) -> bool:
    """The places are named only to say where the asker is ("growth hubs - what are they
    for? (we're in warrington)", "trust in salford - ...") or in a sentence that only sets
    the scene ("... med tech testing? we're at bucks healthcare, stoke mandeville obvs"):
    the question is not about their affairs, and what applies everywhere answers it."""
    if not places:
        return False
    _told, asking = told_and_asked(question)
    topic = " ".join(asking)  # "... med tech testing? we're at bucks healthcare, stoke mandeville"
    for start, end in sorted(asker_spans(topic), reverse=True):
        topic = topic[:start] + " " + topic[end:]
    topic = without_closing_tag(topic)
    if _OWN_STRATEGY_SAYS.search(topic):  # "... what does our LEP's LIS say about health?"
        return False
    return not any(
        re.search(typed_name_pattern(place), topic) and not _only_an_example(place, topic)
        for place in places
    )


# "what does our LEP's LIS say about health?", "anything on falls in our LIS draft?": what
# the asker's own area's strategy says, which is about their place
_OWN_STRATEGY = (
    r"(?:our|my)\s+(?:[\w'’&-]+\s+){0,3}?(?:lis|strateg(?:y|ies)|local\s+industrial\s+strateg(?:y|ies))"
    r"(?:\s+(?:consultation|draft|paper|doc\w*))?"
)
_OWN_STRATEGY_SAYS = re.compile(
    rf"\b(?:what\s+)?(?:does|did|do|is|has|have)\s+{_OWN_STRATEGY}\s+(?:\w+\s+)?"
    r"(?:say|says|said|saying|mention\w*|cover\w*|include\w*|have\s+(?:on|about|anything))\b"
    rf"|\banything\b[^?]{{0,60}}?\bin\s+{_OWN_STRATEGY}\b",
    re.IGNORECASE,
)


# "... where there's no combined authority, eg cornwall": what comes before an instance
# of what is asked
_FOR_EXAMPLE = re.compile(
    r"(?:\be\.?\s?g\.?|\bfor\s+(?:example|instance)|\bsuch\s+as)[\s,:]+(?:in\s+)?$",
    re.IGNORECASE,
)


def _only_an_example(place: str, topic: str) -> bool:
    """Every mention of the place gives an example of the kind of place asked about."""
    return all(
        _FOR_EXAMPLE.search(topic[: named.start()])
        for named in re.finditer(typed_name_pattern(place), topic)
    )


def _clauses(question: str) -> list[str]:
    """The question's sentences, and the parts of each that a dash sets apart ("our trust
    has been told to link up with the growth hub - what do growth hubs do?")."""
    return [clause for sentence in question_sentences(question) for clause in dash_pieces(sentence)]


def passage_text(passage: Passage) -> str:
    """A passage with its document's title, publisher and date and its section heading:
    "as quoted in the June 2019 briefing", "according to the NHS Confederation" name the
    document, not what the passage says."""
    info = passage.chunk.info
    about = [info.title, info.publisher, human_date(info.published), info.section]
    return " ".join(filter(None, [*about, passage.chunk.text]))


def text_with_quotation(passage: Passage) -> str:
    """The passage with the rest of a quotation it ends inside: a quotation of several
    paragraphs opens each with “ and closes only the last, which may be in the next chunk
    and be the only one to name the place it speaks for ("“... our over-75 generation is
    projected to increase ..." / "“Greater Lincolnshire has made ...”")."""
    text = passage_text(passage)
    said = paragraphs(passage.chunk.text)
    if not said or said[-1].count("“") <= said[-1].count("”"):
        return text
    rest = []
    for paragraph in paragraphs(passage.following):
        rest.append(paragraph)
        if "”" in paragraph:
            break
    return " ".join([text, *rest])
