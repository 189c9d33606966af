"""Hybrid retrieval: vectors for meaning, BM25 for names, fused and spread across sources.

Vector search finds passages that mean what the question means; BM25 finds the proper
names (Lincolnshire, SmartMed, HEIF) that static embeddings blur. Their scores are
scaled and summed; the chunks around the best are added (what a passage is about may sit
across a chunk break); then all are re-ranked by how much of the question's distinctive
ideas they hold, and hold together, discounted when their text is boilerplate that many
documents share (`bot.engine.boilerplate`). At most `per_document` passages are kept from any
one document so a long briefing cannot crowd out the rest. Questions are widened with the
glossary first ("ICS" also searches "integrated care system").

The BM25 index is derived from the store's chunks and rebuilt whenever the store's
version stamp changes, so it never drifts from the collection, even when another process
did the writing.
"""

from __future__ import annotations

import itertools
import logging
import math
import threading
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property

import bm25s
import numpy as np

from bot.engine.boilerplate import Shingles, discount
from bot.engine.concepts import coverage, question_concepts, said_by_figures, stem_family
from bot.engine.glossary import Glossary
from bot.engine.questions import answer_words, defined_alone, other_words_for
from bot.engine.text import (
    asker_spans,
    asker_terms,
    source_terms,
    stems,
    terms,
    without_asker,
    without_source,
    words,
)
from bot.engine.vocabulary import Vocabulary
from ingest.store import KnowledgeStore, StoredChunk
from ingest.structure import blocks, is_bullet, is_heading, paragraphs

__all__ = ["Passage", "HybridRetriever", "Query"]

# bm25s sets its own logger to DEBUG on import; keep its chatter out of our logs.
logging.getLogger("bm25s").setLevel(logging.WARNING)

KEYWORD_WEIGHT = 0.5
CONTEXT_WEIGHT = 0.4
NEIGHBOUR_WEIGHT = 0.4
WIDENED = 10
RERANK_WEIGHT = 3.0
PHRASE_WEIGHT = 1.0
PHRASE_WINDOW = 2


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk.

    `novelty` is the share of it not repeated across documents (`bot.engine.boilerplate`);
    `nearby` holds the terms of the chunks just before and after it in its document, which
    say what it is about when a heading or caption fell on the other side of a chunk break.
    `local` is set when it names the area of a place the question names (`Engine`);
    `named` when it is from a document the question names ("the June 2019 briefing").
    `following` is the text of the next chunk of its document, where a list that starts
    at the end of this one goes on; `preceding` the text of the chunk before, where the
    list a heading labels may stand (a PDF's box puts its title after its bullets).
    """

    chunk: StoredChunk
    score: float
    rank: int
    novelty: float = 1.0
    nearby: frozenset[str] = frozenset()
    local: bool = False
    named: bool = False
    following: str = ""
    preceding: str = ""
    # (a box's text, its caption) in this chunk and the two beside it: the caption printed
    # under a box names whose case study a quote from it is (`ingest.captions`)
    captioned: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Query:
    """A question as the retriever sees it.

    `weights` gives each keyword term its say: the question's own words count fully,
    words about who is asking ("our ICS") a third, glossary expansions half, and the
    earlier question a follow-up leans on (`context`) 0.4.
    """

    text: str
    expanded: str
    weights: dict[str, float]
    vector: np.ndarray
    context: str = ""


NAME_GAP = 2  # other terms a name may have between its own as written out in full


def holds_name(said: list[str], named: list[str]) -> bool:
    """`said` holds the terms of `named` in order, each within NAME_GAP terms of the one
    before: a name, as a question may clip it ("the heart of the fellside command paper"
    for "Heart of the Fellside market towns command paper"), or give some of its words as
    initials ("heart of SW" for "Heart of the South West"), not its words scattered."""
    if not named:
        return True
    return any(_name_from(said, start, named) for start in range(len(said)))


def _name_from(said: list[str], at: int, named: list[str]) -> bool:
    """`said` holds the name from position `at` (see `holds_name`)."""
    for index, term in enumerate(named):
        window = range(at, min(len(said), at + (1 if index == 0 else 1 + NAME_GAP)))
        found = next(((p, w) for p in window if (w := _spells(said, p, term))), None)
        if found is None:
            return False
        at = found[0] + found[1]
    return True


def _spells(said: list[str], at: int, term: str) -> int:
    """How many of `said`'s terms from `at` the term stands for: 1 when it is the next
    term, more when it is their initials ("sw": "south", "west"), else 0."""
    if said[at] == term:
        return 1
    width = len(term)
    initials = "".join(word[0] for word in said[at : at + width])
    return width if 2 <= width <= 4 and term.isalpha() and initials == term else 0


class _KeywordIndex:
    """BM25 over the chunks of one store version, plus document frequencies, and the
    vocabulary questions are read by (`bot.engine.vocabulary`).

    `novelty` says how much of each chunk is its own text rather than boilerplate that
    many documents share (`bot.engine.boilerplate`); `weight` is the discount that earns.
    """

    def __init__(self, chunks: list[StoredChunk]) -> None:
        self.chunks = chunks
        shingles = Shingles()
        tokenised = []
        for chunk in chunks:
            found = words(_index_text(chunk))
            shingles.add(chunk.doc_id, found)
            tokenised.append(stems(found))
        self.document_frequency: Counter[str] = Counter()
        self.family_frequency: Counter[str] = Counter()
        for tokens in tokenised:
            unique = set(tokens)
            self.document_frequency.update(unique)
            self.family_frequency.update(filter(None, map(stem_family, unique)))
        self.novelty = shingles.novelty()
        self.weight = discount(self.novelty)
        self.size = max(1, len(chunks))
        self.position = {chunk.id: i for i, chunk in enumerate(chunks)}
        self._place = {(chunk.doc_id, chunk.info.index): i for i, chunk in enumerate(chunks)}
        self._term_lists: dict[int, list[str]] = dict(enumerate(tokenised))
        self._bm25 = bm25s.BM25()
        if chunks:
            self._bm25.index([tokens or ["\x00"] for tokens in tokenised], show_progress=False)

    def idf(self, term: str) -> float:
        """Inverse document frequency; a term found nowhere gets the highest weight.

        A long term counts as found wherever a term of its family is (see
        `bot.engine.concepts.stem_family`), as coverage counts it: "prioritise" is as common as
        "priorities" is.
        """
        frequency = max(
            self.document_frequency.get(term, 0), self.family_frequency.get(stem_family(term), 0)
        )
        return math.log(1 + (self.size - frequency + 0.5) / (frequency + 0.5))

    def novelty_of(self, chunk_id: str) -> float:
        position = self.position.get(chunk_id)
        return float(self.novelty[position]) if position is not None else 1.0

    @cached_property
    def vocabulary(self) -> Vocabulary:
        """The words, names and initialisms of these chunks (built on first use)."""
        return Vocabulary(f"{chunk.info.title or ''}\n{chunk.text}" for chunk in self.chunks)

    def around(self, chunk_id: str) -> list[int]:
        """Positions of the chunks just before and after `chunk_id` in its document."""
        position = self.position.get(chunk_id)
        index = None if position is None else self.chunks[position].info.index
        if index is None:
            return []
        doc_id = self.chunks[position].doc_id
        found = (self._place.get((doc_id, index + step)) for step in (-1, 1))
        return [i for i in found if i is not None]

    def section_rest(self, chunk_id: str, most: int = 3) -> list[StoredChunk]:
        """The chunks after `chunk_id` under the same heading of its document, at most
        `most`: where a section's advice goes on past a chunk break."""
        position = self.position.get(chunk_id)
        info = None if position is None else self.chunks[position].info
        if info is None or info.index is None or not info.section:
            return []
        doc_id, rest = self.chunks[position].doc_id, []
        for step in range(1, most + 1):
            found = self._place.get((doc_id, info.index + step))
            if found is None or self.chunks[found].info.section != info.section:
                break
            rest.append(self.chunks[found])
        return rest

    def following(self, chunk_id: str) -> str:
        """The text of the chunk after `chunk_id` in its document ("" at its end)."""
        return self._neighbour(chunk_id, 1)

    def preceding(self, chunk_id: str) -> str:
        """The text of the chunk before `chunk_id` in its document ("" at its start)."""
        return self._neighbour(chunk_id, -1)

    def beside(self, chunk_id: str, step: int) -> StoredChunk | None:
        """The chunk `step` places after `chunk_id` in its document (before it, when
        negative), or None."""
        position = self.position.get(chunk_id)
        index = None if position is None else self.chunks[position].info.index
        found = (
            None if index is None else self._place.get((self.chunks[position].doc_id, index + step))
        )
        return None if found is None else self.chunks[found]

    def _neighbour(self, chunk_id: str, step: int) -> str:
        chunk = self.beside(chunk_id, step)
        return "" if chunk is None else chunk.text

    def captioned(self, chunk_id: str) -> tuple[tuple[str, str], ...]:
        """The captioned boxes' text in `chunk_id` and the chunks beside it, with captions."""
        position = self.position.get(chunk_id)
        if position is None:
            return ()
        chunks = [self.chunks[i] for i in sorted([position, *self.around(chunk_id)])]
        return tuple(
            (chunk.text[start:end], caption)
            for chunk in chunks
            for start, end, caption in chunk.info.captions
        )

    def nearby(self, chunk_id: str) -> frozenset[str]:
        """The terms of the chunks before and after `chunk_id` in its document."""
        return frozenset(term for i in self.around(chunk_id) for term in self.term_list(i))

    def holds_name(self, named: list[str]) -> bool:
        """Some chunk holds the name's terms in a row (`holds_name`): the documents use it."""
        return any(holds_name(self.term_list(i), named) for i in range(len(self.chunks)))

    def term_list(self, position: int) -> list[str]:
        """A chunk's terms in order, tokenised once and kept."""
        found = self._term_lists.get(position)
        if found is None:
            found = self._term_lists[position] = terms(_index_text(self.chunks[position]))
        return found

    def scores(self, weights: dict[str, float]) -> np.ndarray:
        """Weighted BM25 score of every chunk (zeros when no term is known)."""
        total = np.zeros(len(self.chunks))
        for term, weight in weights.items():
            if term in self.document_frequency:
                total += weight * self._bm25.get_scores([term])
        return total


def _index_text(chunk: StoredChunk) -> str:
    return " ".join(filter(None, [chunk.info.section, chunk.text]))


class HybridRetriever:
    """Finds the passages that best answer a question."""

    def __init__(self, store: KnowledgeStore, glossary: Glossary | None = None) -> None:
        self.store = store
        self.glossary = glossary or Glossary()
        self._index: _KeywordIndex | None = None
        self._version: str | None = None
        self._lock = threading.Lock()

    @property
    def index(self) -> _KeywordIndex:
        """The keyword index for the store's current version (rebuilt if it changed)."""
        version = self.store.version()
        with self._lock:
            if self._index is None or version != self._version:
                self._index = _KeywordIndex(self.store.all_chunks())
                self._version = version
            return self._index

    def query(self, question: str, context: str = "", places: str = "") -> Query:
        """`places`: the areas of the places the question names, by their own names
        ("Buckinghamshire Thames Valley" for "bucks"), weighted like the question's own
        words: documents name an area by its name, people by their town or a nickname."""
        expanded, weights = self.keywords(question, context, places)
        vector = self.store.embedder.embed_one(expanded)
        return Query(question, expanded, weights, vector, context)

    def keywords(
        self, question: str, context: str = "", places: str = ""
    ) -> tuple[str, dict[str, float]]:
        """The text `query` embeds and the weight of each keyword term (see `Query`), for
        a search by keywords alone (`lists_announced`) without embedding the question."""
        # "did the white paper address X?": "X ... was missing"; "what obstacles did the
        # review find?": "... identified a number of challenges"
        # what a term means is the same whoever asks (see below)
        alone = defined_alone(question)
        said = without_asker(question) if alone else question
        expansion = self.glossary.expand(without_source(said))
        others = {other for term in terms(question) for other in other_words_for(term)}
        expansion = " ".join(filter(None, [expansion, answer_words(question), *sorted(others)]))
        expanded = " ".join(filter(None, [said, expansion, places, context]))
        weights = dict.fromkeys(terms(context), CONTEXT_WEIGHT)
        weights.update(dict.fromkeys(terms(expansion), 0.5))
        weights.update(dict.fromkeys(terms(places), 1.0))
        own = set(terms(question))
        weights.update(dict.fromkeys(own, 1.0))
        aside = asker_terms(question) + source_terms(question)
        # what the asker's own initials stand for ("we're an STP": "sustainability and
        # transformation partnership") is no more the topic than the initials are, nor the
        # initials of what they spell out ("clinical commissioning group here": "CCG")
        said_aside = " ".join(
            word
            for start, end in asker_spans(question)
            for word in question[start:end].split()
            if set(terms(word)) & set(aside)  # not "NHS" asked of elsewhere too
        )
        aside += [
            t
            for t in terms(self.glossary.expand(f"{said_aside} {' '.join(aside)}"))
            if t not in own
        ]
        weights.update(dict.fromkeys(aside, 1 / 3))
        if alone:  # their words are left out
            for term in set(aside) - set(source_terms(question)):
                weights.pop(term, None)
        return expanded, weights

    def retrieve(
        self, query: Query, k: int = 8, per_document: int = 5, candidates: int = 30
    ) -> list[Passage]:
        """The k best passages by fused score, at most `per_document` from one document
        (more when one holds a word of the question the better ones lack, see `_diverse`).

        Fusion is a weighted sum of both scores, each scaled to 0..1 over the candidates
        (the union of both searches' top results). Unlike rank fusion this keeps BM25's
        margin when a rare name matches only a few chunks.
        """
        index = self.index
        keyword = index.scores(query.weights) * index.weight
        similarity: dict[str, float] = {}
        pool: dict[str, StoredChunk] = {}
        for chunk, sim in self.store.search(query.vector, candidates):
            similarity[chunk.id], pool[chunk.id] = sim, chunk
        for i in np.argsort(-keyword)[:candidates]:
            if keyword[i] > 0:
                pool.setdefault(index.chunks[i].id, index.chunks[i])
        fused = self._fused(query, keyword, pool, similarity)
        for cid in sorted(fused, key=fused.__getitem__, reverse=True)[:WIDENED]:
            for i in index.around(cid):
                pool.setdefault(index.chunks[i].id, index.chunks[i])
        fused = self._rerank(query, self._fused(query, keyword, pool, similarity), pool, index)
        asked = set(terms(query.text)) - set(asker_terms(query.text))
        passages = _diverse(
            [pool[cid] for cid in sorted(fused, key=fused.__getitem__, reverse=True)],
            fused,
            k,
            per_document,
            lambda cid: asked.intersection(_terms_of(cid, pool, index)),
        )
        return [_in_context(p, index) for p in _with_neighbours(passages, index, k)]

    def with_list_labels(self, passages: list[Passage], listed: str) -> list[Passage]:
        """A passage that opens on a list's items, short lines with nothing before them
        ("## Automotive", "## Ageing society", ...), is read with the chunk before it, where
        the list's label stands ("Sector Deals (published to date - more planned)"), when
        that chunk names what the question lists (`listed`, a term: "deal"): the label
        says what the items are, and the composer quotes them together from there. The
        chunk before joins right after the passage, one place more."""
        index, have, merged = self.index, {p.chunk.id for p in passages}, []
        for passage in passages:
            merged.append(passage)
            if not _opens_on_items(passage.chunk.text):
                continue
            before = index.beside(passage.chunk.id, -1)
            if before is not None and before.id not in have and listed in terms(before.text):
                have.add(before.id)
                merged.append(_in_context(Passage(before, passage.score, 0), index))
        return [replace(p, rank=n) for n, p in enumerate(merged, 1)]

    def lists_announced(self, said: set[str], weights: dict[str, float]) -> list[Passage]:
        """The passages holding a list of two items or more whose lead-in (the paragraph
        before it) or label (the one after it) says one of `said`, best first by the
        `weights` of the lead-in's or label's terms; none that says none of them."""
        index = self.index
        scored = []
        # only the chunks that say one of them (the keyword index finds those at any size)
        for position in np.flatnonzero(index.scores(dict.fromkeys(said, 1.0))):
            chunk = index.chunks[position]
            lead = _list_lead(chunk.text, said)
            score = sum(weights.get(term, 0.0) for term in set(terms(lead or "")))
            if score:
                scored.append((score, chunk))
        scored.sort(key=lambda pair: pair[0], reverse=True)
        return [
            _in_context(Passage(chunk, score, rank), index)
            for rank, (score, chunk) in enumerate(scored, 1)
        ]

    def _fused(
        self,
        query: Query,
        keyword: np.ndarray,
        pool: dict[str, StoredChunk],
        similarity: dict[str, float],
    ) -> dict[str, float]:
        """Fused scores of the pool, fetching the similarities not yet known."""
        missing = [chunk_id for chunk_id in pool if chunk_id not in similarity]
        similarity.update(self.store.similarities(query.vector, missing))
        position = self.index.position
        return _fuse(
            {cid: keyword[position[cid]] if cid in position else 0.0 for cid in pool}, similarity
        )

    def _rerank(
        self,
        query: Query,
        fused: dict[str, float],
        pool: dict[str, StoredChunk],
        index: _KeywordIndex,
    ) -> dict[str, float]:
        """Lift the best-fused passages that hold more of the question's distinctive ideas.

        In a large corpus many passages share a question's common words (a place, "local
        industrial strategy"); the one that answers is usually the one that also has its
        rarest words (coverage, see `bot.engine.concepts`; partly credited when the chunks around
        it have them), and has them together, as the question puts them ("Healthy Ageing
        programme", not "healthy ageing" here and "programme" there). Text that many
        documents share is discounted (`bot.engine.boilerplate`).
        """
        concepts = said_by_figures(
            query.text, question_concepts(query.text, self.glossary, index.idf)
        )
        pairs = _term_pairs(query.text, index.idf)
        reranked = {}
        for cid in fused:
            found = _terms_of(cid, pool, index)
            own = frozenset(found)
            covered = coverage(concepts, own)
            around = coverage(concepts, own | index.nearby(cid))
            reranked[cid] = discount(index.novelty_of(cid)) * (
                fused[cid]
                + RERANK_WEIGHT * ((1 - NEIGHBOUR_WEIGHT) * covered + NEIGHBOUR_WEIGHT * around)
                + PHRASE_WEIGHT * _proximity(pairs, found)
            )
        return reranked


def _terms_of(chunk_id: str, pool: dict[str, StoredChunk], index: _KeywordIndex) -> list[str]:
    position = index.position.get(chunk_id)
    if position is None:  # stored after the index was built: tokenise it now
        return terms(_index_text(pool[chunk_id]))
    return index.term_list(position)


def _term_pairs(question: str, idf) -> list[tuple[str, str, float]]:
    """Neighbouring terms of the question, each pair weighted by how rare its terms are."""
    asker = set(asker_terms(question))
    own = [term for term in terms(question) if term not in asker]
    return [(a, b, (idf(a) + idf(b)) / 2) for a, b in zip(own, own[1:], strict=False) if a != b]


def _proximity(pairs: list[tuple[str, str, float]], found: list[str]) -> float:
    """Weighted share of the question's term pairs that `found` has within PHRASE_WINDOW."""
    total = sum(weight for _a, _b, weight in pairs)
    if not total:
        return 0.0
    places: dict[str, list[int]] = defaultdict(list)
    for i, term in enumerate(found):
        places[term].append(i)
    near = sum(
        weight
        for a, b, weight in pairs
        if any(abs(i - j) <= PHRASE_WINDOW for i in places.get(a, ()) for j in places.get(b, ()))
    )
    return near / total


def _scaled(values: dict[str, float]) -> dict[str, float]:
    low, high = min(values.values()), max(values.values())
    span = high - low
    return {key: (value - low) / span if span > 0 else 0.0 for key, value in values.items()}


def _fuse(keyword: dict[str, float], similarity: dict[str, float]) -> dict[str, float]:
    if not keyword:
        return {}
    scaled_keyword, scaled_vector = _scaled(keyword), _scaled(similarity)
    return {
        cid: KEYWORD_WEIGHT * scaled_keyword[cid]
        + (1 - KEYWORD_WEIGHT) * scaled_vector.get(cid, 0.0)
        for cid in keyword
    }


def _with_neighbours(passages: list[Passage], index: _KeywordIndex, k: int) -> list[Passage]:
    """The best passage is read with the chunks just before and after it: a case study's
    text and its caption, or a list and its heading, can fall either side of a chunk break.
    They join right after it, in the passages' `k` places."""
    if not passages:
        return passages
    best, have = passages[0], {p.chunk.id for p in passages}
    around = [index.chunks[i] for i in index.around(best.chunk.id)]
    joined = [Passage(c, best.score, 0) for c in around if c.id not in have]
    merged = [best, *joined, *passages[1:]][:k]
    return [replace(p, rank=n) for n, p in enumerate(merged, 1)]


LIST_OPENING = 3  # short lines opening a chunk that are a list's items, not its headings


def _opens_on_items(text: str) -> bool:
    """The chunk opens on a run of short lines and nothing else: a list whose label is in
    the chunk before."""
    opening = list(itertools.takewhile(lambda b: b.kind == "heading", blocks(text)))
    return len(opening) >= LIST_OPENING and all(len(b.text) <= 60 for b in opening)


def _in_context(passage: Passage, index: _KeywordIndex) -> Passage:
    """The passage with what its document says around it (see `Passage`)."""
    chunk_id = passage.chunk.id
    return replace(
        passage,
        novelty=index.novelty_of(chunk_id),
        nearby=index.nearby(chunk_id),
        following=index.following(chunk_id),
        preceding=index.preceding(chunk_id),
        captioned=index.captioned(chunk_id),
    )


def _list_lead(text: str, said: set[str]) -> str | None:
    """The lead-in or label of the first list of two items or more in `text` that says one
    of `said`, or None. A lead-in that ends with a colon announces a list, though its
    items run on in one paragraph ("... where health features ... These are:" before
    "Innovation: ... Skills: ...", as a PDF's labelled lines are read)."""
    found = paragraphs(text)
    for start, paragraph in enumerate(found):
        announced = found[start + 1] if start + 1 < len(found) else ""
        if (
            paragraph.rstrip().endswith(":")
            and announced
            and not is_bullet(announced)
            and not is_heading(announced)
            and said & set(terms(paragraph))
        ):
            return paragraph
        if not is_bullet(paragraph) or (start and is_bullet(found[start - 1])):
            continue
        end = start
        while end + 1 < len(found) and is_bullet(found[end + 1]):
            end += 1
        if end == start:
            continue
        for around in found[start - 1 : start] + found[end + 1 : end + 2]:
            if said & set(terms(around)):
                return around
    return None


def _diverse(
    ranked: list[StoredChunk],
    fused: dict[str, float],
    k: int,
    per_document: int,
    asked_in: Callable[[str], set[str]],
) -> list[Passage]:
    """The k best chunks, at most `per_document` from one document unless a chunk holds a
    word of the question none before it has ("grimsby", in one line of the white paper)."""
    passages: list[Passage] = []
    per_doc: Counter[str] = Counter()
    found: set[str] = set()
    for chunk in ranked:
        asked = asked_in(chunk.id)
        if per_doc[chunk.doc_id] >= per_document and asked <= found:
            continue
        found |= asked
        per_doc[chunk.doc_id] += 1
        passages.append(Passage(chunk, fused[chunk.id], len(passages) + 1))
        if len(passages) == k:
            break
    return passages
