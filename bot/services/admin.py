"""Keeping the knowledge base current: what admins can do, whatever front end they use.

Ingest a web page or PDF by URL, add an uploaded file, re-ingest everything, remove a
document, list the sources, read the audit log. From chat, documents come only from the
web or from uploads, never from the server's own disk, and they are stored under ids of
their own (`bot.services.admin_ingest`) unless an admin names one to replace. Only one
ingest runs at a time (a lock file in LIS_DATA_DIR, or an advisory lock in PostgreSQL when
the state is there, so other processes, on this machine or others, queue too); a second
one is told it is queued and waits. Every action, and every refused attempt, is written to
the audit log. Ingests never half-replace a document (see
`ingest.store`), and the keyword index and deadlines follow the store as soon as an
ingest finishes.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.services.admin_ingest import (
    UPLOAD,
    Item,
    ingest_items,
    merge,
    upload_id,
    web_address,
    web_id,
)
from bot.services.database import AdvisoryLock
from bot.services.ingest_lock import IngestLock, ingest_lock
from bot.services.jobs import DeadlineSync
from bot.services.state import StateStore
from bot.settings import Settings
from ingest.documents import read_catalogue
from ingest.errors import IngestError
from ingest.loaders import loader_for_name
from ingest.pipeline import (
    SUPPORTED_SUFFIXES,
    IngestReport,
    Raw,
    ingest_sources,
    read_path,
    read_url,
)
from ingest.store import KnowledgeStore, StoredDocument

__all__ = ["AdminService", "IngestLock", "UPLOADS", "NOT_A_WEB_ADDRESS", "web_address"]

log = logging.getLogger(__name__)
UPLOADS = "uploads"
Progress = Callable[[str], None]
NOT_A_WEB_ADDRESS = (
    "admin ingest takes a web address (http or https), or a file shared with the bot; "
    "files and folders on the server are added with `lis ingest` on the host"
)


@dataclass
class AdminService:
    settings: Settings
    knowledge: KnowledgeStore
    state: StateStore
    sync: DeadlineSync
    lock: IngestLock | AdvisoryLock

    @classmethod
    def create(
        cls, settings: Settings, knowledge: KnowledgeStore, state: StateStore, sync: DeadlineSync
    ) -> AdminService:
        return cls(
            settings,
            knowledge,
            state,
            sync,
            ingest_lock(settings.lis_data_dir, state.database),
        )

    @property
    def max_upload_bytes(self) -> int:
        return self.settings.fetch_policy.max_bytes

    @property
    def uploads_dir(self) -> Path:
        return Path(self.settings.lis_data_dir) / UPLOADS

    # Ingest --------------------------------------------------------------------------

    def _locked(
        self,
        work: Callable[[Progress], IngestReport],
        *,
        user: str,
        action: str,
        target: str,
        progress: Progress,
    ) -> IngestReport:
        """Run one ingest under the lock, reporting progress; audit the outcome."""
        if not self.lock.acquire(blocking=False):
            progress("Queued: another ingest is running. I'll start as soon as it finishes.")
            self.lock.acquire()
        try:
            progress("Starting…")
            report = work(progress)
            self.sync.refresh(by=user)
        except Exception as error:
            log.exception("%s of %s failed", action, target)
            self.state.audit(user, action, target, f"failed: {type(error).__name__}")
            raise
        finally:
            self.lock.release()
        result = report.summary() + "".join(f"; {name}: {why}" for name, why in report.failed)
        self.state.audit(user, action, target, result)
        return report

    def ingest_url(
        self, url: str, user: str, progress: Progress, replace: str | None = None
    ) -> IngestReport:
        """Fetch a web page or file into the knowledge base, as `web:...` (or under the id
        of the document it `replace`s). Anything but an http(s) address is refused."""
        if web_address(url) is None:
            raise IngestError(NOT_A_WEB_ADDRESS)
        doc_id = replace or self._stored_id(url) or web_id(url)
        item = Item(url, doc_id, lambda: read_url(url, policy=self.settings.fetch_policy))
        target = f"{url} replace {replace}" if replace else url
        return self._locked(
            lambda stage: ingest_items(self.knowledge, [item], stage),
            user=user,
            action="ingest",
            target=target,
            progress=progress,
        )

    def reingest(self, user: str, progress: Progress) -> IngestReport:
        """Re-read the knowledge folder and uploads; re-fetch documents that came from URLs.
        What admins added keeps the id it was stored under."""
        added = self._added_items()  # before the curated files are read again

        def work(stage: Progress) -> IngestReport:
            curated = ingest_sources(
                self.knowledge,
                [self.settings.documents_dir],
                on_stage=stage,
                policy=self.settings.fetch_policy,
            )
            return merge(curated, ingest_items(self.knowledge, added, stage))

        return self._locked(work, user=user, action="reingest", target="all", progress=progress)

    def _added_items(self) -> list[Item]:
        stored = self.knowledge.documents()
        policy = self.settings.fetch_policy
        items = [
            Item(d.source, d.doc_id, lambda url=d.source: read_url(url, policy=policy))
            for d in stored
            if d.source and web_address(d.source)
        ]
        items += [
            Item(
                u["name"],
                u["doc_id"],
                lambda u=u: _uploaded(u["doc_id"], u["name"], u["data"], u["metadata"]),
            )
            for u in self.state.uploads()
        ]
        if not self.uploads_dir.is_dir():  # where releases before 2026-12 kept uploads
            return items
        by_source = {d.source: d.doc_id for d in stored if d.source}
        catalogue = _catalogue(self.uploads_dir)
        for file in sorted(self.uploads_dir.iterdir()):
            if file.is_file() and file.suffix.lower() in SUPPORTED_SUFFIXES:
                entry = catalogue.get(file.name, {})
                doc_id = by_source.get(str(file)) or entry.get("replaces") or upload_id(file.name)
                items.append(Item(file.name, doc_id, lambda f=file: read_path(f, catalogue)))
        return items

    def _stored_id(self, source: str) -> str | None:
        """The id a source is already stored under, so ingesting it again updates it."""
        return next((d.doc_id for d in self.knowledge.documents() if d.source == source), None)

    def document(self, doc_id: str) -> StoredDocument | None:
        return next((d for d in self.knowledge.documents() if d.doc_id == doc_id), None)

    def add_upload(
        self,
        file_id: str,
        metadata: dict,
        user: str,
        progress: Progress,
        replace: str | None = None,
    ) -> IngestReport:
        """Move a pending upload into the uploads folder with its metadata, then ingest it
        as `upload:...` (or under the id of the document it `replace`s)."""
        pending = self.state.pending_upload(file_id)
        if pending is None:
            raise IngestError("that upload is no longer waiting; share the file again")
        name = _safe_name(pending["name"])
        data = (
            pending["data"] if pending["data"] is not None else Path(pending["path"]).read_bytes()
        )
        entry = {k: v for k, v in metadata.items() if v}
        doc_id = replace or self._stored_id(_upload_source(name)) or upload_id(name)
        self.state.keep_upload(doc_id, name, data, entry, user)
        self.state.drop_pending_upload(file_id)
        item = Item(name, doc_id, lambda: _uploaded(doc_id, name, data, entry))
        return self._locked(
            lambda stage: ingest_items(self.knowledge, [item], stage),
            user=user,
            action="upload",
            target=f"{name} replace {replace}" if replace else name,
            progress=progress,
        )

    def stage_upload(self, file_id: str, name: str, data: bytes, user: str) -> dict:
        """Keep a file someone shared, read its title and date, and hold it for the form
        that confirms them (`add_upload`). The file must be a supported type with text in
        it: a scanned PDF is refused here, before anyone fills in a form."""
        loaded = loader_for_name(name).load(data)
        self.state.add_pending_upload(
            file_id, name or "upload", data, loaded.title, loaded.published, user
        )
        return self.state.pending_upload(file_id)

    # Documents -----------------------------------------------------------------------

    def sources(self) -> list[StoredDocument]:
        return self.knowledge.documents()

    def find(self, query: str) -> list[StoredDocument]:
        """Documents matching an id or title: exact matches first, else title substrings."""
        query = query.strip().lower()
        documents = self.sources()
        exact = [d for d in documents if query in (d.doc_id.lower(), d.title.lower())]
        return exact or [d for d in documents if query and query in d.title.lower()]

    def remove(self, doc_id: str, user: str) -> int:
        with_lock = self.lock.acquire(blocking=True)
        try:
            removed = self.knowledge.remove_document(doc_id)
            self.state.drop_upload(doc_id)  # or the next reingest would bring it back
            self.sync.refresh()
        finally:
            if with_lock:
                self.lock.release()
        self.state.audit(user, "remove", doc_id, f"removed {removed} chunks")
        return removed


def _upload_source(name: str) -> str:
    """Where an uploaded document came from, as its citations and `admin sources` say."""
    return f"{UPLOAD}{name}"


def _uploaded(doc_id: str, name: str, data: bytes, metadata: dict, **_kept) -> Raw:
    """An uploaded file as the pipeline reads a document, from the bytes kept for it."""
    return Raw(doc_id, _upload_source(name), data, loader_for_name(name), metadata)


def _safe_name(name: str) -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(name).name).strip("-.")
    return stem or "upload"


def _catalogue(folder: Path) -> dict[str, dict]:
    try:
        return read_catalogue(folder)
    except IngestError as error:
        log.warning("ignoring %s: %s", folder / "sources.yaml", error)
        return {}
