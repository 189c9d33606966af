"""Ingest documents into the store: load, clean, chunk, embed what changed.

`ingest_sources` takes files, folders and URLs. For each document it compares the content
hash with the stored one: unchanged documents cost nothing, changed ones are rewritten
chunk by chunk (only new text is embedded). A document that fails to load is reported and
skipped; it never stops the run and never touches what is already stored. With `prune`,
stored documents whose file is no longer in the given folders are removed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ingest.chunking import chunk_document
from ingest.documents import CATALOGUE_NAME, Document, doc_id_for, read_catalogue, source_info
from ingest.errors import IngestError
from ingest.fetch import fetch_url
from ingest.loaders import LOADERS, loader_for_name
from ingest.store import ChunkRecord, KnowledgeStore

__all__ = ["IngestReport", "ingest_sources", "load_path", "load_url", "SUPPORTED_SUFFIXES"]

log = logging.getLogger(__name__)
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
class _Pending:
    """A document to ingest: where it comes from and how to load it when its turn comes."""

    name: str
    load: Callable[[], Document]


def ingest_sources(
    store: KnowledgeStore,
    sources: Iterable[str | Path],
    *,
    prune: bool = False,
    on_progress: Callable[[str, int], None] | None = None,
) -> IngestReport:
    """Ingest files, folders and URLs; see the module docstring for the guarantees."""
    report = IngestReport()
    sources = list(sources)
    pending = list(_discover(sources, report))
    stored_documents = store.documents()
    stored = {doc.doc_id: doc.content_hash for doc in stored_documents}
    seen: set[str] = set()
    for item in pending:
        if on_progress:
            on_progress(item.name, len(pending))
        try:
            document = item.load()
            seen.add(document.info.doc_id)
            _store_document(store, document, stored, report)
        except IngestError as error:
            report.failed.append((item.name, str(error)))
            seen.add(doc_id_for(item.name))
            log.warning("skipped %s: %s", item.name, error)
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


def load_path(path: Path, catalogue: dict[str, dict] | None = None) -> Document:
    """Load one file, with its `sources.yaml` entry if its folder has one."""
    catalogue = read_catalogue(path.parent) if catalogue is None else catalogue
    loader = loader_for_name(path.name)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise IngestError(f"cannot read {path} ({error.strerror})") from error
    loaded = loader.load(data)
    entry = catalogue.get(path.name, {})
    info = source_info(doc_id_for(path.name), str(path), entry, loaded.title)
    return Document(info=info, pages=loaded.pages)


def load_url(url: str, metadata: dict | None = None) -> Document:
    """Fetch and load a web page or file by URL; `metadata` overrides what it says."""
    fetched = fetch_url(url)
    loaded = fetched.loader.load(fetched.data)
    entry = {"url": fetched.url, **(metadata or {})}
    info = source_info(doc_id_for(url), url, entry, loaded.title)
    return Document(info=info, pages=loaded.pages)


def _discover(sources: Iterable[str | Path], report: IngestReport) -> Iterator[_Pending]:
    for source in sources:
        text = str(source)
        if text.startswith(("http://", "https://")):
            yield _Pending(text, lambda url=text: load_url(url))
            continue
        path = Path(source)
        if path.is_dir():
            catalogue = _catalogue_or_report(path, report)
            for file in sorted(path.rglob("*")):
                if file.is_file() and file.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield _Pending(str(file), lambda f=file, c=catalogue: load_path(f, c))
                elif file.is_file() and file.name != CATALOGUE_NAME:
                    log.info("ignoring %s: not a supported document type", file)
        elif path.is_file():
            yield _Pending(str(path), lambda p=path: load_path(p))
        else:
            report.failed.append((text, "no such file or folder"))


def _catalogue_or_report(folder: Path, report: IngestReport) -> dict[str, dict]:
    try:
        return read_catalogue(folder)
    except IngestError as error:
        report.failed.append((str(folder / CATALOGUE_NAME), str(error)))
        return {}


def _store_document(
    store: KnowledgeStore, document: Document, stored: dict[str, str], report: IngestReport
) -> None:
    doc_id, content_hash = document.info.doc_id, document.content_hash
    if stored.get(doc_id) == content_hash:
        report.unchanged.append(doc_id)
        return
    chunks = chunk_document(document)
    if not chunks:
        raise IngestError("no text found after cleaning")
    ingested_at = datetime.now(UTC).isoformat(timespec="seconds")
    records = [
        ChunkRecord(
            id=chunk.id,
            text=chunk.text,
            metadata=chunk.metadata(document, content_hash, ingested_at),
            embed_text=f"{chunk.section}\n{chunk.text}" if chunk.section else chunk.text,
        )
        for chunk in chunks
    ]
    report.chunks_embedded += store.write_document(doc_id, records)
    (report.updated if doc_id in stored else report.added).append(doc_id)
