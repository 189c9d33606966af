"""Ingest what admins add from chat (web addresses, uploads) under ids of its own.

`ingest.pipeline` names a document after its file name or URL, so an upload called
`lep-the-industrial-strategy.txt`, or a URL that slugs the same way, would take a curated
document's id and silently replace it. What admins add from Slack or Teams is named in a
namespace of its own instead: `web:` and the URL's slug, `upload:` and the file's slug.
The pipeline's ids never contain ":", so these cannot collide with curated documents.
Replacing a document is explicit (`replace DOC-ID`), and a source already stored keeps
its id, so re-ingesting updates it in place.

Admin ingest takes web addresses only: `web_address` looks at the string and nothing
else, so no path on the server is ever opened, listed or tested for existence from chat.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlparse

from ingest.documents import doc_id_for
from ingest.errors import IngestError
from ingest.pipeline import IngestReport, Raw, chunk_records
from ingest.store import KnowledgeStore

__all__ = [
    "Item",
    "ingest_items",
    "merge",
    "web_address",
    "web_id",
    "upload_id",
    "WEB",
    "UPLOAD",
]

WEB, UPLOAD = "web:", "upload:"
Stage = Callable[[str], None]


@dataclass(frozen=True)
class Item:
    """One document to ingest: what to call it in progress messages, the id to store it
    under, and how to read its bytes when its turn comes."""

    name: str
    doc_id: str
    read: Callable[[], Raw]


def web_address(text: str) -> str | None:
    """`text` if it is an http(s) address with a host, else None (only the string is
    examined)."""
    try:
        parsed = urlparse(text.strip())
    except ValueError:
        return None
    ok = parsed.scheme.lower() in ("http", "https") and bool(parsed.hostname)
    return text.strip() if ok else None


def web_id(url: str) -> str:
    return WEB + doc_id_for(url)


def upload_id(file_name: str) -> str:
    return UPLOAD + doc_id_for(file_name)


def ingest_items(store: KnowledgeStore, items: Iterable[Item], stage: Stage) -> IngestReport:
    """Ingest each item under its own id; unchanged ones are skipped, failures reported."""
    report = IngestReport()
    stored = {doc.doc_id: doc.content_hash for doc in store.documents()}
    for item in items:
        try:
            stage(f"reading {item.name}")
            raw = dataclasses.replace(item.read(), doc_id=item.doc_id)
            if stored.get(item.doc_id) == raw.fingerprint:
                report.unchanged.append(item.doc_id)
                continue
            stage(f"parsing {item.name}")
            records = chunk_records(raw.document())
            stage(f"storing {len(records)} chunks (embedding only new text)")
            report.chunks_embedded += store.write_documents({item.doc_id: records})
            (report.updated if item.doc_id in stored else report.added).append(item.doc_id)
        except IngestError as error:
            report.failed.append((item.name, str(error)))
    return report


def merge(first: IngestReport, second: IngestReport) -> IngestReport:
    """One report for two ingests run one after the other."""
    return IngestReport(
        **{
            f.name: getattr(first, f.name) + getattr(second, f.name)
            for f in dataclasses.fields(IngestReport)
        }
    )
