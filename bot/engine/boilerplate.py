"""Boilerplate: text that many documents share says little about any one of them.

Shingling (Broder, 1997): each chunk is cut into overlapping runs of `SHINGLE` words, and
each run is looked up in how many documents hold it. A chunk's *novelty* is the share of
its runs that fewer than `REPEATED_IN` documents hold: near 1 for a passage written for
its document, low for a publisher's standard paragraph, a disclaimer, or sentences
stamped out of a template with only the names changed ("NHS organisations in <town> are
invited to help shape the <topic> priorities of the <area> strategy"). Such text matches
many questions' words while answering none of them, so retrieval and the composer
discount it (`discount`).

Runs are counted once per document, so a document that repeats itself (or overlapping
chunks of one document) is not boilerplate; it takes `REPEATED_IN` different documents.
"""

from __future__ import annotations

from array import array

import numpy as np

__all__ = ["Shingles", "discount", "SHINGLE", "REPEATED_IN", "PENALTY"]

SHINGLE = 4
REPEATED_IN = 5
PENALTY = 0.5
_MULTIPLIER = 1_000_003  # of the rolling hash; int64 arithmetic wraps, which is fine


def discount(novelty):
    """The factor a score is multiplied by: 1 for novel text, 1 - PENALTY for boilerplate."""
    return 1 - PENALTY * (1 - novelty)


class Shingles:
    """Collects the chunks' words, then tells each chunk's novelty (see the module doc)."""

    def __init__(self) -> None:
        self._vocabulary: dict[str, int] = {}
        self._codes = array("q")  # every chunk's words as numbers, one after another
        self._lengths = array("q")
        self._documents: dict[str, int] = {}
        self._document_of = array("q")

    def add(self, doc_id: str, words: list[str]) -> None:
        """Add the next chunk: its document and its words in order, stop words included."""
        code = self._vocabulary.setdefault
        self._codes.extend([code(word, len(self._vocabulary)) for word in words])
        self._lengths.append(len(words))
        self._document_of.append(self._documents.setdefault(doc_id, len(self._documents)))

    def novelty(self) -> np.ndarray:
        """Per chunk added, the share of its word runs held by fewer than REPEATED_IN
        documents; 1 for a chunk too short to have a run."""
        runs, chunk_of = self._runs()
        document_of = np.frombuffer(self._document_of, dtype=np.int64)[chunk_of]
        # Each run once per document, then how many documents hold each run.
        _, first = np.unique(runs * _MULTIPLIER + document_of, return_index=True)
        held, documents = np.unique(runs[first], return_counts=True)
        repeated = documents[np.searchsorted(held, runs)] >= REPEATED_IN
        size = len(self._lengths)
        total = np.bincount(chunk_of, minlength=size)
        boilerplate = np.bincount(chunk_of, weights=repeated, minlength=size)
        return np.where(total > 0, 1 - boilerplate / np.maximum(total, 1), 1.0)

    def _runs(self) -> tuple[np.ndarray, np.ndarray]:
        """A hash of every run of SHINGLE words within a chunk, and the chunk it is in."""
        codes = np.frombuffer(self._codes, dtype=np.int64)
        chunk = np.repeat(np.arange(len(self._lengths)), np.frombuffer(self._lengths, np.int64))
        count = max(0, len(codes) - SHINGLE + 1)
        runs = np.zeros(count, dtype=np.int64)
        for offset in range(SHINGLE):
            runs = runs * _MULTIPLIER + codes[offset : offset + count]
        within = chunk[:count] == chunk[SHINGLE - 1 : SHINGLE - 1 + count]
        return runs[within], chunk[:count][within]
