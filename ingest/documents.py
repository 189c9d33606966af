"""What a document is, where its metadata comes from, and how it is named.

A `Document` is a loaded, cleaned source plus the metadata every citation shows (title,
publisher, date, URL). Metadata comes from `sources.yaml` beside the files when there is an
entry, otherwise from the document itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ingest.datafile import DataFileError, line_of, load_data_file
from ingest.errors import IngestError
from ingest.loaders import Page

__all__ = ["Document", "SourceInfo", "doc_id_for", "read_catalogue", "CATALOGUE_NAME"]

CATALOGUE_NAME = "sources.yaml"


@dataclass(frozen=True)
class SourceInfo:
    """The metadata a citation shows."""

    doc_id: str
    title: str
    source: str
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    kind: str | None = None


@dataclass
class Document:
    """A parsed document; `content_hash` fingerprints the source it was parsed from."""

    info: SourceInfo
    pages: list[Page]
    content_hash: str


def doc_id_for(name: str) -> str:
    """A stable id from a file name or URL: lower case, hyphens, no extension."""
    stem = re.sub(r"^https?://", "", name.strip().lower())
    stem = re.sub(r"\.(pdf|html?|md|markdown|txt|text)$", "", stem.rstrip("/"))
    stem = Path(stem).name if "://" not in name else stem
    slug = re.sub(r"[^a-z0-9]+", "-", stem).strip("-")
    return slug[:120] or "document"


def read_catalogue(directory: Path) -> dict[str, dict]:
    """The `sources.yaml` entries of a folder, keyed by file name ({} if there is none)."""
    path = directory / CATALOGUE_NAME
    try:
        entries = load_data_file(path, required=False) or []
    except DataFileError as error:
        raise IngestError(f"{error} Fix it and run again.") from None
    if not isinstance(entries, list):
        raise IngestError(f"{path} must be a list of entries, each with 'file' and 'title'.")
    catalogue = {}
    for entry in entries:
        if not isinstance(entry, dict) or not entry.get("file"):
            raise IngestError(f"{path}{line_of(entry)}: each entry needs a 'file' name.")
        catalogue[str(entry["file"])] = dict(entry)
    return catalogue


def source_info(
    doc_id: str,
    source: str,
    entry: dict,
    found_title: str | None,
    found_published: str | None = None,
    found_publisher: str | None = None,
) -> SourceInfo:
    """Merge a catalogue entry (which wins) with what the document says about itself:
    its title, date and publisher (HTML meta and Open Graph tags, PDF metadata). A
    document fetched from the web keeps its address."""

    def text(key: str) -> str | None:
        value = entry.get(key)
        return str(value).strip() if value not in (None, "") else None

    return SourceInfo(
        doc_id=doc_id,
        title=text("title") or (found_title or "").strip() or doc_id.replace("-", " ").capitalize(),
        source=source,
        publisher=text("publisher") or found_publisher,
        published=text("published") or found_published,
        url=text("url") or (source if source.startswith(("http://", "https://")) else None),
        kind=text("kind"),
    )
