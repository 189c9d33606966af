"""The knowledge store: chunks, their vectors and their provenance, in Chroma.

One Chroma collection holds every chunk with its metadata (document id, title, page,
section, content hash, ingest time); it is the single source of truth, so the document
list and the keyword index are derived from it rather than kept beside it. The embedder's
name is recorded on the collection: opening it with another embedder is refused with a
message that says how to re-index. Every write bumps a version stamp on the collection so
readers in other processes know to refresh what they derived.

Replacing a document adds its new chunks before deleting the old ones, so an interrupted
write leaves the previous version answerable, never a gap.

The embedded store keeps its vector index in the memory of each process that opens it, so
a write by another process leaves this one answering from a stale index (chromadb "Error
finding id"). The command line keeps that from happening (`bot.services.ingest_lock`);
`check` still notices it, by the version stamp, so a health check can say so.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import chromadb
import httpx
import numpy as np
from chromadb.config import Settings as ChromaSettings
from chromadb.errors import ChromaError

from ingest.embeddings import Embedder
from ingest.errors import LisError

log = logging.getLogger(__name__)

__all__ = [
    "KnowledgeStore",
    "StoreUnavailableError",
    "StoreWriteError",
    "store_problem",
    "StoredChunk",
    "ChunkInfo",
    "StoredDocument",
    "ChunkRecord",
    "EmbedderMismatchError",
    "COLLECTION_NAME",
]

COLLECTION_NAME = "lis_chunks"
PAGE_SIZE = 5000
_MIXED = "mixed"
# Per embedded store (path, collection): the version stamps this process opened or wrote.
# Chroma shares one in-memory index per path within a process, so only a stamp written by
# another process means the index here is out of date.
_OWN_VERSIONS: dict[tuple[str, str], set[str]] = {}


class StoreUnavailableError(LisError, RuntimeError):
    """The store cannot be opened: an unusable data directory, or no Chroma server."""


class StoreWriteError(StoreUnavailableError):
    """A write to the store failed part-way (disk full, read-only disk, server gone).

    Writes add new chunks before deleting old ones, so every document keeps at least one
    whole version; running the same ingest again completes it.
    """


class EmbedderMismatchError(LisError, RuntimeError):
    """The collection was built with a different embedding model."""


@dataclass(frozen=True)
class ChunkRecord:
    """A chunk ready to store: `embed_text` is what the vector is computed from."""

    id: str
    text: str
    metadata: dict
    embed_text: str


@dataclass(frozen=True)
class ChunkInfo:
    """A stored chunk's metadata, typed: which document, where in it, and what a citation
    shows. (Chroma stores it as a flat dict with None values left out.)"""

    doc_id: str
    index: int | None = None
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    page: int | None = None
    section: str | None = None
    source: str | None = None
    # (start, end, caption) of boxes in the chunk captioned under them (`ingest.captions`)
    captions: tuple[tuple[int, int, str], ...] = ()

    @classmethod
    def of(cls, metadata: dict) -> ChunkInfo:
        return cls(
            doc_id=metadata["doc_id"],
            index=metadata.get("chunk_index"),
            title=metadata.get("title"),
            publisher=metadata.get("publisher"),
            published=metadata.get("published"),
            url=metadata.get("url"),
            page=metadata.get("page"),
            section=metadata.get("section"),
            source=metadata.get("source"),
            captions=tuple(map(tuple, json.loads(metadata.get("captions") or "[]"))),
        )


@dataclass(frozen=True)
class StoredChunk:
    id: str
    text: str
    metadata: dict

    @property
    def doc_id(self) -> str:
        return self.metadata["doc_id"]

    @cached_property
    def info(self) -> ChunkInfo:
        return ChunkInfo.of(self.metadata)


@dataclass(frozen=True)
class StoredDocument:
    doc_id: str
    title: str
    publisher: str | None
    published: str | None
    url: str | None
    source: str | None
    chunks: int
    ingested_at: str | None
    content_hash: str


class KnowledgeStore:
    """Chroma collection of chunks; vectors come from the injected embedder."""

    def __init__(
        self, client, embedder: Embedder, name: str = COLLECTION_NAME, path: Path | None = None
    ) -> None:
        self.client = client
        self.embedder = embedder
        self.name = name
        # Embedded only: the versions this process knows its index to match.
        self._own = None
        if path is not None:
            key = (str(Path(path).resolve()), name)
            first_open = key not in _OWN_VERSIONS
            self._own = _OWN_VERSIONS.setdefault(key, set())
        self.collection = self._open_collection()
        if self._own is not None and first_open:
            self._own.add(self.version())
        self._documents: tuple[str, list[StoredDocument]] | None = None

    @classmethod
    def open(
        cls,
        data_dir: Path,
        embedder: Embedder,
        host: str | None = None,
        port: int = 8000,
        token: str | None = None,
        name: str = COLLECTION_NAME,
    ) -> KnowledgeStore:
        """The embedded store under `data_dir`, or a Chroma server when `host` is set.

        The embedded store is for one writing process; several `lis serve` processes, or
        ingesting while another process serves, need the server.
        """
        settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        if host:
            headers = {"Authorization": f"Bearer {token}"} if token else None
            try:
                client = chromadb.HttpClient(
                    host=host, port=port, headers=headers, settings=settings
                )
                return cls(client, embedder, name)
            except (ValueError, ConnectionError, OSError) as error:
                raise StoreUnavailableError(
                    f"cannot reach the Chroma server at {host}:{port} ({error}). Check "
                    "CHROMA_HOST, CHROMA_PORT and that the server is running."
                ) from None
        path = Path(data_dir) / "chroma"
        try:
            path.mkdir(parents=True, exist_ok=True)
            client = chromadb.PersistentClient(path=str(path), settings=settings)
            return cls(client, embedder, name, path=path)
        except EmbedderMismatchError:
            raise
        except (OSError, RuntimeError, ChromaError) as error:
            raise StoreUnavailableError(
                f"cannot use the data directory {data_dir} ({error}). Check that LIS_DATA_DIR "
                "points to a writable folder and that the disk is not full."
            ) from None

    def _open_collection(self):
        collection = self.client.get_or_create_collection(
            self.name,
            embedding_function=None,
            metadata={"embedder": self.embedder.name, "version": _new_version()},
            configuration={"hnsw": {"space": "cosine"}},
        )
        recorded = (collection.metadata or {}).get("embedder")
        if recorded != self.embedder.name:
            raise EmbedderMismatchError(
                f"The knowledge base was indexed with the '{recorded}' embedder, but this "
                f"run uses '{self.embedder.name}' (the EMBEDDINGS setting). Re-index with "
                "`lis ingest --reindex`, or set EMBEDDINGS back."
            )
        return collection

    # Reading -----------------------------------------------------------------------

    def version(self) -> str:
        """Changes whenever any process writes to the collection."""
        collection = self.client.get_collection(self.name, embedding_function=None)
        return str((collection.metadata or {}).get("version", ""))

    def count(self) -> int:
        return self.collection.count()

    def check(self) -> None:
        """Raise `StoreUnavailableError` unless the store answers as a question needs:
        a nearest-neighbour query, and (embedded) an index no other process changed."""
        try:
            version = self.version()
            sample = self.collection.get(limit=1, include=["embeddings"])
            if sample["ids"]:
                self.collection.query(
                    query_embeddings=[list(map(float, sample["embeddings"][0]))],
                    n_results=1,
                    include=["metadatas"],
                )
        except Exception as error:  # whatever it is, the store cannot answer questions
            raise StoreUnavailableError(
                f"the knowledge store did not answer a test query ({type(error).__name__})"
            ) from error
        if self._own is not None and version not in self._own:
            raise StoreUnavailableError(
                "another process wrote to the embedded knowledge store, so this process's "
                "index is out of date; restart it (ingest through the admin commands, or "
                "run Chroma as a server with CHROMA_HOST)"
            )

    def all_chunks(self) -> list[StoredChunk]:
        return [
            StoredChunk(id_, text, meta)
            for id_, text, meta in self._pages(["documents", "metadatas"])
        ]

    def _pages(self, include: list[str]):
        """Every record, a page at a time: one unbounded `get` fails on large collections
        (Chroma's SQLite refuses queries with too many variables)."""
        offset = 0
        while True:
            page = self.collection.get(include=include, limit=PAGE_SIZE, offset=offset)
            columns = [page[name] for name in include]
            yield from zip(page["ids"], *columns, strict=True)
            if len(page["ids"]) < PAGE_SIZE:
                return
            offset += PAGE_SIZE

    def search(self, vector: Sequence[float], k: int) -> list[tuple[StoredChunk, float]]:
        """The k nearest chunks with cosine similarity (1 is identical)."""
        if k <= 0 or self.count() == 0:
            return []
        result = self.collection.query(
            query_embeddings=[list(map(float, vector))],
            n_results=min(k, self.count()),
            include=["documents", "metadatas", "distances"],
        )
        return [
            (StoredChunk(id_, text, meta), 1.0 - distance)
            for id_, text, meta, distance in zip(
                result["ids"][0],
                result["documents"][0],
                result["metadatas"][0],
                result["distances"][0],
                strict=True,
            )
        ]

    def find_mention(self, title: str, text: str) -> StoredChunk | None:
        """A chunk of the document titled `title` whose text contains `text`, if any."""
        found = self.collection.get(
            where={"title": title},
            where_document={"$contains": text},
            limit=1,
            include=["documents", "metadatas"],
        )
        if not found["ids"]:
            return None
        return StoredChunk(found["ids"][0], found["documents"][0], found["metadatas"][0])

    def similarities(self, vector: Sequence[float], ids: Sequence[str]) -> dict[str, float]:
        """Cosine similarity of `vector` to the stored vectors of the given chunks."""
        if not ids:
            return {}
        query = np.asarray(vector, dtype=np.float32)
        similarities = {}
        for batch in _batches(list(ids), 500):
            result = self.collection.get(ids=batch, include=["embeddings"])
            for id_, embedding in zip(result["ids"], result["embeddings"], strict=True):
                similarities[id_] = float(np.dot(query, np.asarray(embedding)))
        return similarities

    def documents(self) -> list[StoredDocument]:
        """One entry per stored document, derived from its chunks' metadata.

        Reading every chunk's metadata takes seconds at 50k chunks, so the list is kept
        until the collection's version stamp changes (any process's write changes it).
        """
        version = self.version()
        if self._documents is not None and self._documents[0] == version:
            return self._documents[1]
        documents = self._read_documents()
        self._documents = (version, documents)
        return documents

    def _read_documents(self) -> list[StoredDocument]:
        grouped: dict[str, list[dict]] = {}
        for _id, meta in self._pages(["metadatas"]):
            grouped.setdefault(meta["doc_id"], []).append(meta)
        return sorted(
            (_summarise(doc_id, metas) for doc_id, metas in grouped.items()),
            key=lambda doc: (doc.published or "", doc.title),
            reverse=True,
        )

    # Writing -----------------------------------------------------------------------

    def write_document(self, doc_id: str, records: Sequence[ChunkRecord]) -> int:
        """Make the stored chunks of `doc_id` exactly `records`; returns texts embedded."""
        return self.write_documents({doc_id: records})

    def write_documents(self, documents: dict[str, Sequence[ChunkRecord]]) -> int:
        """Make each document's stored chunks exactly its records; returns texts embedded.

        Chunks whose id is already stored keep their vector (only metadata is updated);
        new ones are embedded and added; old ones no longer wanted are deleted last, so an
        interruption never leaves a document with fewer than a whole version. Several
        documents go in one call because each Chroma write has a fixed cost.
        """
        with _writing(self.name):
            return self._write_documents(documents)

    def _write_documents(self, documents: dict[str, Sequence[ChunkRecord]]) -> int:
        existing = set(self._ids_of(list(documents)))
        records = [record for batch in documents.values() for record in batch]
        new = [record for record in records if record.id not in existing]
        kept = [record for record in records if record.id in existing]
        before = self.embedder.texts_embedded
        for batch in _batches(new, self._batch_size()):
            vectors = self.embedder.embed([record.embed_text for record in batch])
            self.collection.add(
                ids=[record.id for record in batch],
                embeddings=vectors.tolist(),
                documents=[record.text for record in batch],
                metadatas=[record.metadata for record in batch],
            )
        for batch in _batches(kept, self._batch_size()):
            self.collection.update(
                ids=[record.id for record in batch], metadatas=[record.metadata for record in batch]
            )
        self._delete(existing - {record.id for record in records})
        self._bump_version()
        return self.embedder.texts_embedded - before

    def remove_document(self, doc_id: str) -> int:
        with _writing(self.name):
            ids = self._ids_of([doc_id])
            self._delete(ids)
            self._bump_version()
        return len(ids)

    def _ids_of(self, doc_ids: list[str]) -> list[str]:
        ids: list[str] = []
        for batch in _batches(doc_ids, 500):
            ids += self.collection.get(where={"doc_id": {"$in": batch}}, include=[])["ids"]
        return ids

    def _delete(self, ids: Iterable[str]) -> None:
        for batch in _batches(sorted(ids), self._batch_size()):
            self.collection.delete(ids=batch)

    def _batch_size(self) -> int:
        return min(1000, self.client.get_max_batch_size())

    def _bump_version(self) -> None:
        metadata = dict(self.collection.metadata or {})
        metadata["version"] = _new_version()
        if self._own is not None:
            self._own.add(metadata["version"])
        self.collection.modify(metadata=metadata)

    def drop(self) -> None:
        """Delete the whole collection (re-index) and start an empty one."""
        self.client.delete_collection(self.name)
        self.collection = self._open_collection()
        if self._own is not None:
            self._own.add(self.version())


@contextmanager
def _writing(collection: str) -> Iterator[None]:
    """Turn a failed Chroma write into a StoreWriteError that says what to do."""
    try:
        yield
    except (OSError, ChromaError, httpx.TransportError) as error:
        log.error("writing to the %s collection failed: %s", collection, error)
        raise StoreWriteError(
            f"the knowledge store could not be written ({store_problem(error)}). Every document "
            "is still answerable in its previous version; free disk space or bring the "
            "Chroma server back, then run the ingest again"
        ) from error


def store_problem(error: Exception) -> str:
    """A short, secret-free reason for a failed store operation."""
    text = str(error).lower()
    if "disk is full" in text or "no space" in text or getattr(error, "errno", None) == 28:
        return "the disk is full"
    if "read-only" in text or "readonly" in text:
        return "the disk is read-only"
    return "the store did not accept the write"


def _new_version() -> str:
    return uuid.uuid4().hex


def _batches(items: Sequence, size: int):
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def _summarise(doc_id: str, metas: list[dict]) -> StoredDocument:
    first = metas[0]
    hashes = {meta.get("content_hash") for meta in metas}
    return StoredDocument(
        doc_id=doc_id,
        title=first.get("title", doc_id),
        publisher=first.get("publisher"),
        published=first.get("published"),
        url=first.get("url"),
        source=first.get("source"),
        chunks=len(metas),
        ingested_at=max(meta.get("ingested_at", "") for meta in metas) or None,
        content_hash=hashes.pop() if len(hashes) == 1 else _MIXED,
    )
