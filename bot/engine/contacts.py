"""Who to talk to: the contacts for the asker's area, most specific first, national last.

The directory is `knowledge/contacts.yaml` (contacts the documents name, by area) and the
gazetteer (`knowledge/gazetteer.yaml`, places to areas). Resolution order: places named
in the question; otherwise the conversation's default area (a Slack channel's, say);
otherwise none. A known area without a named contact still gets its LEP or combined
authority by name; an unknown one gets an invitation to say where the asker is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from bot.engine.answer import Contact
from bot.engine.places import Area, Gazetteer
from bot.engine.text import terms
from ingest.datafile import DataFileError, line_of, load_data_file

__all__ = ["ContactDirectory", "MAX_AREAS"]

MAX_AREAS = 3
_FIELDS = ("org", "name", "role", "email", "url", "source", "note")


@dataclass
class ContactDirectory:
    national: Contact
    by_area: dict[str, list[Contact]]
    gazetteer: Gazetteer
    lep_note: str | None = None
    unknown_area_note: str | None = None
    no_local_contact_note: str | None = None

    @classmethod
    def load(cls, path: Path, gazetteer_path: Path) -> ContactDirectory:
        gazetteer = Gazetteer.load(gazetteer_path)
        raw = load_data_file(path)
        if not isinstance(raw, dict) or not isinstance(raw.get("national"), dict):
            raise DataFileError(f"{path}: needs a 'national' contact with at least an 'org'.")
        lep_note = _text(raw.get("lep_note"))
        by_area: dict[str, list[Contact]] = {}
        for area_id, entries in (raw.get("areas") or {}).items():
            if area_id not in gazetteer.areas:
                raise DataFileError(
                    f"{path}{line_of(raw['areas'])}: '{area_id}' is not an area "
                    f"id in {gazetteer_path.name}."
                )
            area = gazetteer.areas[area_id]
            contacts = [_contact(path, entry, area) for entry in entries or []]
            if area.kind == "lep" and lep_note:
                contacts = [replace(c, note=c.note or lep_note) for c in contacts]
            by_area[area_id] = contacts
        return cls(
            national=_contact(path, raw["national"]),
            by_area=by_area,
            gazetteer=gazetteer,
            lep_note=lep_note,
            unknown_area_note=_text(raw.get("unknown_area_note")),
            no_local_contact_note=_text(raw.get("no_local_contact_note")),
        )

    def areas_for(self, question: str, default_area: str | None = None) -> list[Area]:
        """The question's places; the default area only when the question names none."""
        areas = self.gazetteer.find(question, titled=True)  # not "the Sector Deal"
        if not areas and default_area:
            areas = self.gazetteer.find(default_area)
        return areas[:MAX_AREAS]

    def for_question(self, question: str, default_area: str | None = None) -> list[Contact]:
        areas = self.areas_for(question, default_area)
        contacts: list[Contact] = []
        for area in areas:
            contacts.extend(self.by_area.get(area.id) or [self._body_of(area)])
        national = self.national
        if not areas and self.unknown_area_note:
            national = replace(national, note=self.unknown_area_note)
        contacts.append(national)
        return _unique(contacts)

    def named_in(self, question: str) -> list[Contact]:
        """The people of the directory the question names ("jane does email?")."""
        said = f" {' '.join(terms(question))} "
        return [c for c in self._everyone() if c.name and f" {' '.join(terms(c.name))} " in said]

    def renamed_in(self, question: str) -> list[Contact]:
        """The people of the directory whose role records a change ("Head of Health Economic
        Partnerships (formerly NHS local growth advisor)") that the question names, by
        their name or their former title ("is it still the local growth advisor?"; the words
        of their organisation, "NHS", need not be said)."""
        said = set(terms(question))
        named = self.named_in(question)
        return [
            c
            for c in self._everyone()
            if (former := _FORMERLY.search(c.role or ""))
            and (c in named or set(terms(former.group(1))) - set(terms(c.org or "")) <= said)
        ]

    def _everyone(self) -> list[Contact]:
        return [self.national, *(c for contacts in self.by_area.values() for c in contacts)]

    def _body_of(self, area: Area) -> Contact:
        notes = [self.no_local_contact_note, self.lep_note if area.kind == "lep" else None]
        return Contact(
            org=area.org, area=area.name, note=" ".join(note for note in notes if note) or None
        )


# "... (formerly NHS local growth advisor)": the title a person held before.
_FORMERLY = re.compile(r"\(formerly\s+([^()]+)\)", re.IGNORECASE)


def _contact(path: Path, entry, area: Area | None = None) -> Contact:
    if not isinstance(entry, dict) or not entry.get("org"):
        raise DataFileError(f"{path}{line_of(entry)}: each contact needs an 'org'.")
    unknown = sorted(set(entry) - set(_FIELDS))
    if unknown:
        raise DataFileError(
            f"{path}{line_of(entry)}: unknown field(s) {', '.join(unknown)}; "
            f"use {', '.join(_FIELDS)}."
        )
    values = {key: _text(entry.get(key)) for key in _FIELDS}
    return Contact(area=area.name if area else None, **values)


def _text(value) -> str | None:
    return " ".join(str(value).split()) if value not in (None, "") else None


def _unique(contacts: list[Contact]) -> list[Contact]:
    seen: set[tuple] = set()
    unique = []
    for contact in contacts:
        key = (contact.org.lower(), (contact.name or "").lower())
        if key not in seen:
            seen.add(key)
            unique.append(contact)
    return unique
