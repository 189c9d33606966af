"""The sector's acronyms, used to widen a question to both spellings of a term.

People write "ICS" and documents say "integrated care systems", or the other way round.
`Glossary.expand` returns the other forms of every term the question uses, so keyword and
vector search see both. The glossary is `knowledge/glossary.yaml`: data, editable by a
curator, read at start-up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ingest.datafile import DataFileError, line_of, load_data_file

__all__ = ["Glossary", "GlossaryEntry"]


@dataclass(frozen=True)
class GlossaryEntry:
    acronym: str
    meaning: str
    also: tuple[str, ...] = ()

    def forms(self) -> tuple[str, ...]:
        return (self.acronym, self.meaning, *self.also)


def _pattern(form: str) -> re.Pattern[str]:
    """Word-aware match; short all-capital acronyms (AI, GM) only in capitals."""
    body = re.escape(form) + r"(?:s|'s|’s)?"
    flags = 0 if (form.isupper() and len(form) <= 2) else re.IGNORECASE
    return re.compile(rf"(?<![\w&]){body}(?![\w&])", flags)


@dataclass
class Glossary:
    entries: list[GlossaryEntry] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._patterns = [
            (entry, [_pattern(form) for form in entry.forms()]) for entry in self.entries
        ]

    @classmethod
    def load(cls, path: Path) -> Glossary:
        """The glossary in `path`; an empty one if the file does not exist."""
        raw = load_data_file(path, required=False) or []
        entries = []
        for item in raw:
            if not isinstance(item, dict) or not item.get("acronym") or not item.get("meaning"):
                raise DataFileError(
                    f"{path}{line_of(item)}: each entry needs 'acronym' and 'meaning'."
                )
            entries.append(
                GlossaryEntry(
                    str(item["acronym"]),
                    str(item["meaning"]),
                    tuple(str(a) for a in item.get("also") or ()),
                )
            )
        return cls(entries)

    def entries_in(self, text: str) -> list[GlossaryEntry]:
        return [
            entry
            for entry, patterns in self._patterns
            if any(pattern.search(text) for pattern in patterns)
        ]

    def mentions(self, entry: GlossaryEntry, text: str) -> list[str]:
        """Where `text` names the entry, in any of its forms, as written there."""
        patterns = next(found for known, found in self._patterns if known is entry)
        return [match.group(0) for pattern in patterns for match in pattern.finditer(text)]

    def expand(self, text: str) -> str:
        """The other forms of each glossary term used in `text`, as extra query text."""
        extra: list[str] = []
        for entry in self.entries_in(text):
            extra.extend(
                form
                for form in entry.forms()
                if not _pattern(form).search(text) and form not in extra
            )
        return " ".join(extra)
