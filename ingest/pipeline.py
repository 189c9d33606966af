"""Ingest documents into the store: load, clean, chunk, embed what changed.

`ingest_sources` takes files, folders and URLs. For each document it compares a
fingerprint of its bytes and metadata with the stored one before parsing anything:
unchanged documents cost a file read, changed ones are rewritten chunk by chunk (only new
text is embedded). A document that fails to load is reported and
skipped; it never stops the run and never touches what is already stored. With `prune`,
stored documents whose file is no longer in the given folders are removed.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ingest.chunking import chunk_document
from ingest.documents import CATALOGUE_NAME, Document, doc_id_for, read_catalogue, source_info
from ingest.errors import IngestError, too_large
from ingest.fetch import MAX_BYTES, FetchPolicy, fetch_url
from ingest.loaders import LOADERS, Loader, loader_for_name
from ingest.store import ChunkRecord, KnowledgeStore

__all__ = [
    "IngestReport",
    "Raw",
    "chunk_records",
    "ingest_sources",
    "read_path",
    "read_url",
    "SUPPORTED_SUFFIXES",
    "PIPELINE_VERSION",
]

log = logging.getLogger(__name__)
SAFE_FETCH = FetchPolicy()
BATCH_CHUNKS = 400
# Bump when cleaning or chunking changes, so every document is re-indexed with the new code.
PIPELINE_VERSION = "8"
SUPPORTED_SUFFIXES = frozenset(suffix for loader in LOADERS for suffix in loader.suffixes)


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    chunks_embedded: int = 0

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.removed)} removed, "
            f"{len(self.failed)} failed ({self.chunks_embedded} chunks embedded)"
        )


@dataclass
class Raw:
    """A document's bytes and metadata, before parsing: enough to tell if it changed."""

    doc_id: str
    source: str
    data: bytes
    loader: Loader
    entry: dict

    @property
    def fingerprint(self) -> str:
        """Changes when the bytes, the metadata entry or the processing pipeline change."""
        payload = json.dumps(
            [PIPELINE_VERSION, self.source, self.entry, hashlib.sha256(self.data).hexdigest()],
            sort_keys=True,
            default=str,
        )
        return hashlib.sha256(payload.encode()).hexdigest()[:16]

    def document(self) -> Document:
        loaded = self.loader.load(self.data)
        info = source_info(
            self.doc_id,
            self.source,
            self.entry,
            loaded.title,
            loaded.published,
            loaded.publisher,
        )
        return Document(info=info, pages=loaded.pages, content_hash=self.fingerprint)


@dataclass
class _Pending:
    """A document to ingest: its name, and how to read its bytes when its turn comes."""

    name: str
    read: Callable[[], Raw]


def ingest_sources(
    store: KnowledgeStore,
    sources: Iterable[str | Path],
    *,
    prune: bool = False,
    on_progress: Callable[[str, int], None] | None = None,
    on_stage: Callable[[str], None] | None = None,
    policy: FetchPolicy = SAFE_FETCH,
) -> IngestReport:
    """Ingest files, folders and URLs; see the module docstring for the guarantees.

    `on_progress(name, total)` is called as each document starts; `on_stage(text)` with
    finer steps (fetching, parsing, embedding) for people watching one document.
    """
    report = IngestReport()
    sources = list(sources)
    stage = on_stage or (lambda text: None)
    pending = list(_discover(sources, report, policy))
    stored_documents = store.documents()
    stored = {doc.doc_id: doc.content_hash for doc in stored_documents}
    seen: set[str] = set()
    writer = _BatchWriter(store, report, stage, stored)
    for item in pending:
        if on_progress:
            on_progress(item.name, len(pending))
        try:
            stage(f"reading {item.name}")
            raw = item.read()
            seen.add(raw.doc_id)
            if stored.get(raw.doc_id) == raw.fingerprint:
                report.unchanged.append(raw.doc_id)
                continue
            stage(f"parsing {item.name}")
            writer.add(raw.document())
        except IngestError as error:
            report.failed.append((item.name, str(error)))
            seen.add(doc_id_for(item.name))
            log.warning("skipped %s: %s", item.name, error)
    writer.flush()
    if prune:
        folders = [Path(s).resolve() for s in sources if Path(s).is_dir()]
        for doc in stored_documents:
            if doc.doc_id not in seen and _is_under(doc.source, folders):
                store.remove_document(doc.doc_id)
                report.removed.append(doc.doc_id)
    return report


def _is_under(source: str | None, folders: list[Path]) -> bool:
    """True for a document that came from a file in one of `folders` (not from a URL)."""
    if not source or source.startswith(("http://", "https://")):
        return False
    path = Path(source).resolve()
    return any(path.is_relative_to(folder) for folder in folders)


def read_path(
    path: Path, catalogue: dict[str, dict] | None = None, max_bytes: int = MAX_BYTES
) -> Raw:
    """Read one file, with its `sources.yaml` entry if its folder has one.

    Files over `max_bytes` (the cap downloads have) are refused before parsing: one huge
    file would otherwise hold the whole ingest. At most `max_bytes + 1` bytes are read, so
    a file that grows while it is read is refused too.
    """
    catalogue = read_catalogue(path.parent) if catalogue is None else catalogue
    loader = loader_for_name(path.name)
    try:
        with path.open("rb") as file:
            data = file.read(max_bytes + 1)
    except OSError as error:
        raise IngestError(f"cannot read {path} ({error.strerror})") from error
    if len(data) > max_bytes:
        raise too_large(max_bytes)
    return Raw(doc_id_for(path.name), str(path), data, loader, catalogue.get(path.name, {}))


def read_url(url: str, metadata: dict | None = None, policy: FetchPolicy = SAFE_FETCH) -> Raw:
    """Fetch a web page or file by URL; `metadata` (title, publisher ...) overrides."""
    fetched = fetch_url(
        url, allow_private=policy.allow_private, max_bytes=policy.max_bytes, timeout=policy.timeout
    )
    entry = {"url": fetched.url, **(metadata or {})}
    return Raw(doc_id_for(url), url, fetched.data, fetched.loader, entry)


def _discover(
    sources: Iterable[str | Path], report: IngestReport, policy: FetchPolicy
) -> Iterator[_Pending]:
    cap = policy.max_bytes
    for source in sources:
        text = str(source)
        if text.startswith(("http://", "https://")):
            yield _Pending(text, lambda url=text: read_url(url, policy=policy))
            continue
        path = Path(source)
        if path.is_dir():
            catalogue = _catalogue_or_report(path, report)
            for file in sorted(path.rglob("*")):
                if file.is_file() and file.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield _Pending(str(file), lambda f=file, c=catalogue: read_path(f, c, cap))
                elif file.is_file() and file.name != CATALOGUE_NAME:
                    log.info("ignoring %s: not a supported document type", file)
        elif path.is_file():
            yield _Pending(str(path), lambda p=path: read_path(p, max_bytes=cap))
        else:
            report.failed.append((text, "no such file or folder"))


def _catalogue_or_report(folder: Path, report: IngestReport) -> dict[str, dict]:
    try:
        return read_catalogue(folder)
    except IngestError as error:
        report.failed.append((str(folder / CATALOGUE_NAME), str(error)))
        return {}


def chunk_records(document: Document) -> list[ChunkRecord]:
    """A document's chunks as the store keeps them (IngestError if cleaning left no text).
    Each is embedded with its section heading, which often says what it is about."""
    chunks = chunk_document(document)
    if not chunks:
        raise IngestError("no text found after cleaning")
    ingested_at = datetime.now(UTC).isoformat(timespec="seconds")
    return [
        ChunkRecord(
            id=chunk.id,
            text=chunk.text,
            metadata=chunk.metadata(document, document.content_hash, ingested_at),
            embed_text=f"{chunk.section}\n{chunk.text}" if chunk.section else chunk.text,
        )
        for chunk in chunks
    ]


class _BatchWriter:
    """Collects documents' chunks and writes them to the store a batch at a time.

    Each Chroma write has a fixed cost, so documents are written together, up to
    BATCH_CHUNKS chunks per write; the report counts a document only once it is written.
    """

    def __init__(
        self,
        store: KnowledgeStore,
        report: IngestReport,
        stage: Callable[[str], None],
        stored: dict[str, str],
    ) -> None:
        self.store, self.report, self.stage, self.stored = store, report, stage, stored
        self.pending: dict[str, list[ChunkRecord]] = {}

    def add(self, document: Document) -> None:
        self.pending[document.info.doc_id] = chunk_records(document)
        if sum(len(records) for records in self.pending.values()) >= BATCH_CHUNKS:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        chunks = sum(len(records) for records in self.pending.values())
        self.stage(f"storing {chunks} chunks (embedding only new text)")
        self.report.chunks_embedded += self.store.write_documents(self.pending)
        for doc_id in self.pending:
            (self.report.updated if doc_id in self.stored else self.report.added).append(doc_id)
        self.pending = {}
