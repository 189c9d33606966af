"""Hybrid retrieval: vectors for meaning, BM25 for names, fused and spread across sources.

Vector search finds passages that mean what the question means; BM25 finds the proper
names (Lincolnshire, SmartMed, HEIF) that static embeddings blur. Their scores are
scaled and summed, then at most `per_document` passages are kept from any one document
so a long briefing cannot crowd out the rest. Questions are widened with the glossary
first ("ICS" also searches "integrated care system").

The BM25 index is derived from the store's chunks and rebuilt whenever the store's
version stamp changes, so it never drifts from the collection, even when another process
did the writing.
"""

from __future__ import annotations

import logging
import math
import threading
from collections import Counter
from dataclasses import dataclass

import bm25s
import numpy as np

from bot.concepts import coverage, question_concepts
from bot.glossary import Glossary
from bot.text import asker_terms, terms
from ingest.store import KnowledgeStore, StoredChunk

__all__ = ["Passage", "HybridRetriever", "Query"]

# bm25s sets its own logger to DEBUG on import; keep its chatter out of our logs.
logging.getLogger("bm25s").setLevel(logging.WARNING)

KEYWORD_WEIGHT = 0.5
CONTEXT_WEIGHT = 0.4
RERANK_POOL = 60
RERANK_WEIGHT = 3.0


@dataclass(frozen=True)
class Passage:
    chunk: StoredChunk
    score: float
    rank: int


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


class _KeywordIndex:
    """BM25 over the chunks of one store version, plus document frequencies."""

    def __init__(self, chunks: list[StoredChunk]) -> None:
        self.chunks = chunks
        tokenised = [terms(_index_text(chunk)) for chunk in chunks]
        self.document_frequency: Counter[str] = Counter()
        for tokens in tokenised:
            self.document_frequency.update(set(tokens))
        self.size = max(1, len(chunks))
        self.position = {chunk.id: i for i, chunk in enumerate(chunks)}
        self._term_sets: dict[int, frozenset[str]] = {}
        self._bm25 = bm25s.BM25()
        if chunks:
            self._bm25.index([tokens or ["\x00"] for tokens in tokenised], show_progress=False)

    def idf(self, term: str) -> float:
        """Inverse document frequency; a term found nowhere gets the highest weight."""
        frequency = self.document_frequency.get(term, 0)
        return math.log(1 + (self.size - frequency + 0.5) / (frequency + 0.5))

    def term_set(self, position: int) -> frozenset[str]:
        """A chunk's terms, tokenised once and kept (only chunks that get re-ranked)."""
        found = self._term_sets.get(position)
        if found is None:
            found = self._term_sets[position] = frozenset(terms(_index_text(self.chunks[position])))
        return found

    def scores(self, weights: dict[str, float]) -> np.ndarray:
        """Weighted BM25 score of every chunk (zeros when no term is known)."""
        total = np.zeros(len(self.chunks))
        for term, weight in weights.items():
            if term in self.document_frequency:
                total += weight * self._bm25.get_scores([term])
        return total


def _index_text(chunk: StoredChunk) -> str:
    meta = chunk.metadata
    return " ".join(filter(None, [meta.get("section"), chunk.text]))


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

    def query(self, question: str, context: str = "") -> Query:
        expansion = self.glossary.expand(question)
        expanded = " ".join(filter(None, [question, expansion, context]))
        weights = dict.fromkeys(terms(context), CONTEXT_WEIGHT)
        weights.update(dict.fromkeys(terms(expansion), 0.5))
        weights.update(dict.fromkeys(terms(question), 1.0))
        weights.update(dict.fromkeys(asker_terms(question), 1 / 3))
        vector = self.store.embedder.embed_one(expanded)
        return Query(question, expanded, weights, vector, context)

    def retrieve(
        self, query: Query, k: int = 8, per_document: int = 4, candidates: int = 30
    ) -> list[Passage]:
        """The k best passages by fused score, at most `per_document` from one document.

        Fusion is a weighted sum of both scores, each scaled to 0..1 over the candidates
        (the union of both searches' top results). Unlike rank fusion this keeps BM25's
        margin when a rare name matches only a few chunks.
        """
        index = self.index
        keyword = index.scores(query.weights)
        position = index.position
        similarity: dict[str, float] = {}
        pool: dict[str, StoredChunk] = {}
        for chunk, sim in self.store.search(query.vector, candidates):
            similarity[chunk.id], pool[chunk.id] = sim, chunk
        for i in np.argsort(-keyword)[:candidates]:
            if keyword[i] > 0:
                pool.setdefault(index.chunks[i].id, index.chunks[i])
        missing = [chunk_id for chunk_id in pool if chunk_id not in similarity]
        similarity.update(self.store.similarities(query.vector, missing))
        fused = _fuse(
            {cid: keyword[position[cid]] if cid in position else 0.0 for cid in pool}, similarity
        )
        fused = self._rerank(query, fused, pool, index)
        return _diverse(
            [pool[cid] for cid in sorted(fused, key=fused.__getitem__, reverse=True)],
            fused,
            k,
            per_document,
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
        rarest words. Coverage (see `bot.concepts`) measures that.
        """
        concepts = question_concepts(query.text, self.glossary, index.idf)
        top = sorted(fused, key=fused.__getitem__, reverse=True)[:RERANK_POOL]
        return {
            cid: fused[cid] + RERANK_WEIGHT * coverage(concepts, _terms_of(cid, pool, index))
            for cid in top
        }


def _terms_of(chunk_id: str, pool: dict[str, StoredChunk], index: _KeywordIndex) -> frozenset[str]:
    position = index.position.get(chunk_id)
    if position is None:  # stored after the index was built: tokenise it now
        return frozenset(terms(_index_text(pool[chunk_id])))
    return index.term_set(position)


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


def _diverse(
    ranked: list[StoredChunk], fused: dict[str, float], k: int, per_document: int
) -> list[Passage]:
    passages: list[Passage] = []
    per_doc: Counter[str] = Counter()
    for chunk in ranked:
        if per_doc[chunk.doc_id] >= per_document:
            continue
        per_doc[chunk.doc_id] += 1
        passages.append(Passage(chunk, fused[chunk.id], len(passages) + 1))
        if len(passages) == k:
            break
    return passages
