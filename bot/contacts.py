"""The contact directory: who to talk to about local growth, for the asker's area.

The directory is `knowledge/contacts.yaml`, data a curator edits without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.answer import Contact

__all__ = ["ContactDirectory", "ContactsError"]

_FIELDS = ("org", "name", "role", "email", "url", "area", "source", "note")


class ContactsError(ValueError):
    """contacts.yaml is malformed; the message names the file and the place."""


@dataclass
class ContactDirectory:
    national: Contact

    @classmethod
    def load(cls, path: Path) -> ContactDirectory:
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except FileNotFoundError as error:
            raise ContactsError(
                f"{path} is missing: it must name at least the national contact."
            ) from error
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f" at line {mark.line + 1}" if mark else ""
            raise ContactsError(f"{path} is not valid YAML{where}.") from error
        national = raw.get("national") if isinstance(raw, dict) else None
        if not isinstance(national, dict) or not national.get("org"):
            raise ContactsError(f"{path}: 'national' needs at least an 'org'.")
        return cls(national=_contact(national))

    def for_question(self, question: str, area: str | None = None) -> list[Contact]:
        return [self.national]


def _contact(entry: dict) -> Contact:
    return Contact(**{key: str(entry[key]) for key in _FIELDS if entry.get(key)})
