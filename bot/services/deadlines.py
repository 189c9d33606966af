"""Consultation deadlines: found in the documents, curated by admins, added from Slack.

Three sources feed one table in the SQLite state:
1. *extracted*: dated statements in the stored documents about consultations, calls for
   evidence, submissions, agreements, publications and meetings ("to be agreed with the
   government by March 2020"), each citing its document, page and sentence. A missing
   year is taken from the document's own date; a month without a day means the end of
   that month. `sync_deadlines` keeps them in step with the store: a re-ingested
   document's deadlines are replaced, a removed document's deleted.
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
from ingest.datafile import DataFileError, line_of, load_data_file
from ingest.store import KnowledgeStore
from ingest.structure import paragraphs, without_bullet

__all__ = ["Deadline", "extract_deadlines", "sync_deadlines", "load_curated", "deadline_id"]

_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
_MONTH = (
    r"(January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_DATE_PATTERNS = [
    # 15 January 2020, Tuesday 19th June
    re.compile(
        rf"\b{_WEEKDAY}(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(\d{{4}}))?\b",
        re.IGNORECASE,
    ),
    # January 15, 2020
    re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", re.IGNORECASE),
    # March 2020 (a month without a day)
    re.compile(rf"\b{_MONTH}\s+(\d{{4}})\b", re.IGNORECASE),
    # 2020-03-31
    re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"),
]
_KINDS = [
    ("Consultation", r"consult\w*"),
    ("Call for evidence", r"call(?:s)? for evidence"),
    ("Submission", r"submi\w*|deadline|closes?|closing date|apply|applications?|bids?"),
    ("Agreement", r"agree\w*|sign(?:ed)?[- ]off"),
    ("Publication", r"publish\w*|publication|launch\w*"),
    ("Meeting", r"meeting|summit|event|workshop"),
]
_KIND_RES = [(kind, re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)) for kind, pattern in _KINDS]


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

    def citation(self) -> str | None:
        """'Title, p. 3' for people; None for entries that cite no document."""
        if not self.doc_title:
            return None
        return self.doc_title + (f", p. {self.page}" if self.page else "")


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
    """Dated statements about consultations, agreements, publications ... in `text`."""
    doc_date = _doc_date(published)
    found: list[Deadline] = []
    for paragraph in paragraphs(text):
        for sentence in sentences(paragraph):
            kind = next((k for k, pattern in _KIND_RES if pattern.search(sentence)), None)
            if kind is None:
                continue
            for due in _dates(sentence, doc_date):
                quote = sentence.strip()
                areas = gazetteer.find(f"{quote} {doc_title}") if gazetteer else []
                found.append(
                    Deadline(
                        id=deadline_id(doc_id, due.isoformat(), quote),
                        title=_title(quote),
                        due=due,
                        kind=kind,
                        area=areas[0].name if areas else None,
                        url=url,
                        source="extracted",
                        doc_id=doc_id,
                        doc_title=doc_title,
                        page=page,
                        quote=quote,
                    )
                )
    return found


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


def _dates(sentence: str, doc_date: date | None) -> list[date]:
    """Every resolvable date in a sentence; spans already used by a fuller form are skipped."""
    taken: list[tuple[int, int]] = []
    dates: list[date] = []
    for number, pattern in enumerate(_DATE_PATTERNS):
        for match in pattern.finditer(sentence):
            if any(match.start() < end and match.end() > start for start, end in taken):
                continue
            resolved = _resolve(number, match.groups(), doc_date, _looks_back(sentence))
            if resolved:
                taken.append(match.span())
                dates.append(resolved)
    return sorted(set(dates))


_PAST = re.compile(r"\b(was|were|had|held|took place|happened|launched|published)\b", re.IGNORECASE)


def _looks_back(sentence: str) -> bool:
    return bool(_PAST.search(sentence))


def _resolve(kind: int, groups: tuple, doc_date: date | None, looks_back: bool) -> date | None:
    """A date from a match; with no year, the document's year (or the next one, when a
    forward-looking statement would otherwise fall before the document was written)."""
    try:
        if kind == 0:
            day, month, year = int(groups[0]), _MONTHS[groups[1].lower()], groups[2]
        elif kind == 1:
            month, day, year = _MONTHS[groups[0].lower()], int(groups[1]), groups[2]
        elif kind == 2:
            month, year = _MONTHS[groups[0].lower()], int(groups[1])
            return date(year, month, calendar.monthrange(year, month)[1])
        else:
            return date(int(groups[0]), int(groups[1]), int(groups[2]))
        if year:
            return date(int(year), month, day)
        if doc_date is None:
            return None
        resolved = date(doc_date.year, month, day)
        if resolved < doc_date and not looks_back:
            resolved = date(doc_date.year + 1, month, day)
        return resolved
    except (ValueError, KeyError):
        return None


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
            due = (
                entry["date"]
                if isinstance(entry["date"], date)
                else date.fromisoformat(str(entry["date"]))
            )
        except ValueError:
            raise DataFileError(f"{path}{line_of(entry)}: date must be YYYY-MM-DD.") from None
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
        )
        curated.append((deadline, [str(i) for i in entry.get("replaces") or []]))
    return curated


def sync_deadlines(store: KnowledgeStore, state, gazetteer: Gazetteer, curated_path: Path) -> None:
    """Bring extracted and curated deadlines in the state into step with store and file."""
    documents = {doc.doc_id: doc for doc in store.documents()}
    extracted_for = state.deadline_sources()
    gone = set(extracted_for) - set(documents)
    if gone:
        state.replace_extracted_many({doc_id: (None, []) for doc_id in gone})
    changed = {d for d, doc in documents.items() if extracted_for.get(d) != doc.content_hash}
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
