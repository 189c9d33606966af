"""Consultation deadlines: found in the documents, curated by admins, added from Slack.

Three sources feed one table in the SQLite state:
1. *extracted*: sentences in the stored documents that ask someone to act by a date
   (`bot.services.deadline_text`: consultations, calls for evidence, submissions,
   agreements, meetings; "to be agreed with the government by March 2020"), each citing
   its document, page and sentence, with the place it is about. A missing year is taken
   from the document's own date; a month without a day is kept as a month.
   `sync_deadlines` keeps them in step with the store: a re-ingested document's deadlines
   are replaced, a removed document's deleted.
2. *curated*: `knowledge/deadlines.yaml`. A curated entry wins over extracted ones for the
   same item: the same document and date, or the ids it lists under `replaces`.
3. *admin*: added and removed from Slack by admins.
"""

from __future__ import annotations

import calendar
import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bot.engine.places import Gazetteer
from bot.engine.text import sentences
from bot.services.deadline_text import find_due
from ingest.datafile import DataFileError, line_of, load_data_file
from ingest.store import KnowledgeStore
from ingest.structure import paragraphs, without_bullet

__all__ = [
    "Deadline",
    "DocumentChange",
    "extract_deadlines",
    "sync_deadlines",
    "load_curated",
    "deadline_id",
]


@dataclass(frozen=True)
class Deadline:
    id: str
    title: str
    due: date
    kind: str
    area: str | None
    url: str | None
    source: str  # extracted | curated | admin
    doc_id: str | None = None
    doc_title: str | None = None
    page: int | None = None
    quote: str | None = None
    added_by: str | None = None
    precision: str = "day"  # "month": the source gave only the month; `due` is its last day

    def when_due(self, short: bool = True) -> str:
        """ "Thu 28 Feb" (or "28 February 2019"), or "end of March" for a month-only date:
        never a day the source did not give."""
        if self.precision == "month":
            return f"end of {self.due:%B}" if short else f"end of {self.due:%B %Y}"
        return f"{self.due:%a %-d %b}" if short else f"{self.due:%-d %B %Y}"

    def citation(self) -> str | None:
        """'Title, p. 3' for people; None for entries that cite no document."""
        if not self.doc_title:
            return None
        return self.doc_title + (f", p. {self.page}" if self.page else "")


@dataclass(frozen=True)
class DocumentChange:
    """A document added to or updated in the knowledge base, for the digest's "new"
    section: what it is, and who added it (a chat user id; None when it was ingested on
    the host)."""

    doc_id: str
    change: str  # "added" or "updated"
    title: str
    publisher: str | None
    published: str | None
    added_by: str | None
    at: str  # when it was noticed, UTC ISO time


def deadline_id(*parts: object) -> str:
    return hashlib.sha256("\x00".join(map(str, parts)).encode()).hexdigest()[:10]


def extract_deadlines(
    text: str,
    *,
    doc_id: str,
    doc_title: str,
    published: str | None,
    url: str | None = None,
    page: int | None = None,
    gazetteer: Gazetteer | None = None,
) -> list[Deadline]:
    """The sentences of `text` that ask someone to act by a date (`find_due`)."""
    doc_date = _doc_date(published)
    found: list[Deadline] = []
    for paragraph in paragraphs(text):
        for sentence in sentences(paragraph):
            due = find_due(sentence, doc_date)
            if due is None:
                continue
            quote = sentence.strip()
            found.append(
                Deadline(
                    id=deadline_id(doc_id, due.day.isoformat(), quote),
                    title=_title(quote),
                    due=due.day,
                    kind=due.kind,
                    area=_area(quote, doc_title, gazetteer),
                    url=url,
                    source="extracted",
                    doc_id=doc_id,
                    doc_title=doc_title,
                    page=page,
                    quote=quote,
                    precision=due.precision,
                )
            )
    return found


def _area(sentence: str, doc_title: str, gazetteer: Gazetteer | None) -> str | None:
    """The place the sentence is about; else the document's own place; else none."""
    if gazetteer is None:
        return None
    areas = gazetteer.find(sentence, titled=True) or gazetteer.find(doc_title, titled=True)
    return areas[0].name if areas else None


def _doc_date(published: str | None) -> date | None:
    """The document's date: '2019-06' is 1 June 2019, '2018' is 1 January 2018."""
    match = re.match(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", published or "")
    if not match:
        return None
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, 1, 1)


def _title(quote: str, limit: int = 160) -> str:
    text = without_bullet(quote).strip()
    text = text[:1].upper() + text[1:]
    return text if len(text) <= limit else text[: text.rfind(" ", 0, limit)] + "…"


def load_curated(
    path: Path, gazetteer: Gazetteer | None = None
) -> list[tuple[Deadline, list[str]]]:
    """Curated deadlines from `deadlines.yaml`, each with the extracted ids it replaces."""
    raw = load_data_file(path, required=False) or []
    if not isinstance(raw, list):
        raise DataFileError(f"{path} must be a list of deadlines.")
    curated = []
    for entry in raw:
        if not isinstance(entry, dict) or not entry.get("title") or not entry.get("date"):
            raise DataFileError(
                f"{path}{line_of(entry)}: each deadline needs 'title' and 'date' (YYYY-MM-DD)."
            )
        try:
            due, precision = _curated_date(entry["date"])
        except ValueError:
            raise DataFileError(
                f"{path}{line_of(entry)}: date must be YYYY-MM-DD, or YYYY-MM for a month."
            ) from None
        title = str(entry["title"]).strip()
        deadline = Deadline(
            id=str(entry.get("id") or deadline_id("curated", due.isoformat(), title)),
            title=title,
            due=due,
            kind=str(entry.get("kind") or "Deadline"),
            area=entry.get("area"),
            url=entry.get("url"),
            source="curated",
            doc_id=entry.get("doc"),
            doc_title=entry.get("source"),
            quote=entry.get("note"),
            precision=precision,
        )
        curated.append((deadline, [str(i) for i in entry.get("replaces") or []]))
    return curated


def _curated_date(value) -> tuple[date, str]:
    """A curated date: a day, or "2020-03" for a month (kept as its last day)."""
    if isinstance(value, date):
        return value, "day"
    month = re.fullmatch(r"(\d{4})-(\d{1,2})", str(value).strip())
    if month:
        year, number = int(month.group(1)), int(month.group(2))
        return date(year, number, calendar.monthrange(year, number)[1]), "month"
    return date.fromisoformat(str(value)), "day"


def sync_deadlines(
    store: KnowledgeStore, state, gazetteer: Gazetteer, curated_path: Path, by: str | None = None
) -> None:
    """Bring extracted and curated deadlines in the state into step with store and file,
    and note which documents were added or updated (`by` whom) for the digest. The first
    sync notes nothing: the knowledge base as installed is not news."""
    documents = {doc.doc_id: doc for doc in store.documents()}
    extracted_for = state.deadline_sources()
    gone = set(extracted_for) - set(documents)
    if gone:
        state.replace_extracted_many({doc_id: (None, []) for doc_id in gone})
    changed = {d for d, doc in documents.items() if extracted_for.get(d) != doc.content_hash}
    if state.first_sync():
        pass
    elif changed:
        state.record_changes(
            [
                DocumentChange(
                    doc_id,
                    "updated" if doc_id in extracted_for else "added",
                    documents[doc_id].title,
                    documents[doc_id].publisher,
                    documents[doc_id].published,
                    by,
                    "",
                )
                for doc_id in sorted(changed)
            ]
        )
    if changed:
        by_doc: dict[str, list[Deadline]] = {doc_id: [] for doc_id in changed}
        for chunk in store.all_chunks():
            if chunk.doc_id in changed:
                info = chunk.info
                by_doc[chunk.doc_id] += extract_deadlines(
                    chunk.text,
                    doc_id=chunk.doc_id,
                    doc_title=info.title or chunk.doc_id,
                    published=info.published,
                    url=info.url,
                    page=info.page,
                    gazetteer=gazetteer,
                )
        state.replace_extracted_many(
            {
                doc_id: (documents[doc_id].content_hash, list({d.id: d for d in found}.values()))
                for doc_id, found in by_doc.items()
            }
        )
    state.replace_curated(load_curated(curated_path))
