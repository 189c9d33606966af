"""The `Answer` every front end renders, and its JSON form (a fixed contract).

The JSON shape is relied on by other tools and by the evaluation, so `Answer.to_dict`
emits exactly the documented keys; anything extra for our own front ends (a fallback
note) lives on the object but stays out of the contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from bot.engine.text import MONTHS

__all__ = ["Answer", "Citation", "Contact", "Mode", "human_date", "sources_of"]

Mode = Literal["extractive", "llm", "no_answer"]


def human_date(published: str | None) -> str | None:
    """'2019-06' -> 'June 2019', '2017-12-05' -> '5 December 2017'; other text unchanged."""
    if not published:
        return None
    parts = published.split("-")
    if not all(part.isdigit() for part in parts) or not 1 <= len(parts) <= 3:
        return published
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1] if 1 <= int(parts[1]) <= 12 else parts[1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


@dataclass(frozen=True)
class Citation:
    """A numbered source of an answer. `quote` is what the answer rests on, verbatim: one
    excerpt, or several separated by a blank line (a list's lead-in and the first
    sentence of each of its items, which may run on into the document's next chunk)."""

    n: int
    doc_id: str
    title: str
    publisher: str | None
    published: str | None
    url: str | None
    page: int | None
    section: str | None
    quote: str

    def to_dict(self) -> dict:
        return {
            "n": self.n,
            "doc_id": self.doc_id,
            "title": self.title,
            "publisher": self.publisher,
            "published": self.published,
            "url": self.url,
            "page": self.page,
            "section": self.section,
            "quote": self.quote,
        }

    def label(self) -> str:
        """'Title, Publisher, June 2019, p. 4, "Section"' for people."""
        parts = [
            self.title,
            self.publisher,
            human_date(self.published),
            f"p. {self.page}" if self.page else None,
            f"“{self.section}”" if self.section and self.section != self.title else None,
        ]
        return ", ".join(part for part in parts if part)


def sources_of(citations: list[Citation]) -> list[tuple[list[int], Citation]]:
    """The citations grouped by where they come from (document, page, section), in order.

    Every citation number stands for one quote; a list of sources shows each place once,
    with all its numbers ("[1] [3] Title, p. 4").
    """
    groups: dict[tuple, tuple[list[int], Citation]] = {}
    for citation in citations:
        place = (citation.doc_id, citation.page, citation.section)
        groups.setdefault(place, ([], citation))[0].append(citation.n)
    return list(groups.values())


@dataclass(frozen=True)
class Contact:
    org: str
    name: str | None = None
    role: str | None = None
    email: str | None = None
    url: str | None = None
    area: str | None = None
    source: str | None = None
    note: str | None = None

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "role": self.role,
            "org": self.org,
            "email": self.email,
            "url": self.url,
            "area": self.area,
        }

    def label(self) -> str:
        """'Michael Wood, Head of ..., NHS Confederation <email>' for people."""
        who = ", ".join(part for part in (self.name, self.role, self.org) if part)
        reach = " ".join(part for part in (self.email, self.url) if part)
        return f"{who} ({reach})" if reach else who


@dataclass
class Answer:
    question: str
    answer: str
    mode: Mode
    citations: list[Citation] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    latency_ms: float = 0.0
    note: str | None = None

    @classmethod
    def from_dict(cls, data: dict) -> Answer:
        """Rebuild an answer from its JSON form (as stored for later button clicks)."""
        return cls(
            question=data["question"],
            answer=data["answer"],
            mode=data["mode"],
            citations=[Citation(**c) for c in data.get("citations", [])],
            contacts=[Contact(**c) for c in data.get("contacts", [])],
            latency_ms=data.get("latency_ms", 0.0),
        )

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "answer": self.answer,
            "mode": self.mode,
            "citations": [citation.to_dict() for citation in self.citations],
            "contacts": [contact.to_dict() for contact in self.contacts],
            "latency_ms": round(self.latency_ms, 1),
        }
