"""The gazetteer: which LEP or combined authority covers the place a question names.

`knowledge/gazetteer.yaml` lists the 38 local enterprise partnerships of 2019 and the
mayoral combined authorities with the places they cover, plus ICS/STP footprint names.
Matching is word-aware and forgiving about case and punctuation ("stoke on trent",
"Stoke-on-Trent"), prefers the longest name ("North East Lincolnshire" before "North
East"), and matches names that are also ordinary words ("Reading", "Bath") only when they
are capitalised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bot.engine.text import STOP_WORDS
from ingest.datafile import DataFileError, line_of, load_data_file

__all__ = ["Area", "Gazetteer", "typed_name_pattern"]


@dataclass(frozen=True)
class Area:
    id: str
    name: str
    kind: str  # "lep" or "mca"
    org: str
    strategy_url: str | None = None  # where its local industrial strategy can be read


def _normalise(text: str) -> str:
    text = text.replace("&", " and ")
    text = re.sub(r"[^\w]+", " ", text)
    return f" {' '.join(text.split())} "


def _is_strict_alias(name: str) -> bool:
    """Short capitalised abbreviations (GM, BOB, LCR) only match in capitals."""
    compact = name.replace(" ", "")
    return len(compact) <= 4 and compact.upper() == compact


def _in_a_name(text: str, name: str) -> bool:
    """Every time `text` uses the word, it follows a capitalised word of a name with only
    a space between: "the Sector Deal", not "in Deal" or "Pilgrim Hospital, Boston"."""
    uses = list(re.finditer(rf"(?<![\w'’-])({re.escape(name)})(?![\w'’-])", text))
    named = [
        use
        for use in uses
        if (before := re.search(r"([A-Z][\w'’-]*) $", text[: use.start()]))
        and before.group(1).lower() not in STOP_WORDS
    ]
    return bool(uses) and len(named) == len(uses)


_COMPASS = {"n": "North", "s": "South", "e": "East", "w": "West"}
_CLIPPED_COMPASS = re.compile(r"\b([nsewNSEW])\s+([A-Za-z][\w-]+)")


class Gazetteer:
    """Finds the areas for the places named in a text."""

    def __init__(self, areas: dict[str, Area], names: dict[tuple[str, bool], list[str]]):
        self.areas = areas
        self._names = names
        self._patterns = [self._compile(strict) for strict in (False, True)]

    @classmethod
    def load(cls, path: Path) -> Gazetteer:
        raw = load_data_file(path) or {}
        areas: dict[str, Area] = {}
        names: dict[tuple[str, bool], list[str]] = {}

        def add(name, area_id: str, strict: bool) -> None:
            strict = strict or _is_strict_alias(str(name))
            normalised = _normalise(str(name)).strip()
            ids = names.setdefault((normalised if strict else normalised.lower(), strict), [])
            if area_id not in ids:
                ids.append(area_id)

        for entry in raw.get("areas") or []:
            missing = [k for k in ("id", "name", "kind", "org") if not entry.get(k)]
            if missing:
                raise DataFileError(f"{path}{line_of(entry)}: area needs {', '.join(missing)}.")
            area = Area(
                str(entry["id"]),
                str(entry["name"]),
                str(entry["kind"]),
                str(entry["org"]),
                str(entry["strategy_url"]) if entry.get("strategy_url") else None,
            )
            areas[area.id] = area
            for name in [
                area.name,
                area.org,
                *(entry.get("aliases") or []),
                *(entry.get("places") or []),
            ]:
                add(name, area.id, strict=False)
            for name in entry.get("strict_places") or []:
                add(name, area.id, strict=True)
        for entry in raw.get("footprints") or []:
            unknown = [a for a in entry.get("areas") or [] if a not in areas]
            if unknown or not entry.get("name") or not entry.get("areas"):
                raise DataFileError(
                    f"{path}{line_of(entry)}: footprint needs a name and "
                    f"known areas (unknown: {', '.join(unknown) or 'none'})."
                )
            for name in [entry["name"], *(entry.get("aliases") or [])]:
                for area_id in entry["areas"]:
                    add(name, area_id, strict=False)
        return cls(areas, names)

    def _compile(self, strict: bool) -> re.Pattern[str] | None:
        names = sorted(
            (name for name, is_strict in self._names if is_strict == strict), key=len, reverse=True
        )
        if not names:
            return None
        alternation = "|".join(re.escape(name) for name in names)
        if strict:  # "GMs LIS": capitals typed possessive without the apostrophe
            return re.compile(rf"(?<= )({alternation})s?(?= )")
        return re.compile(rf"(?<= )({alternation})(?= )", re.IGNORECASE)

    def matches(self, text: str, titled: bool = False) -> list[tuple[str, list[Area]]]:
        """The place names found in `text`, in order, each with the areas it lies in.

        Longest names win and matches never overlap, so "North East Lincolnshire" is one
        place, not "North East" plus "Lincolnshire". In `titled` text (documents, which
        capitalise the names of things), a place that is also an English word and follows
        a capitalised word is part of another name ("the Life Sciences Sector Deal").
        """
        normalised = _normalise(text)
        candidates: list[tuple[int, int, str, list[str]]] = []
        in_a_name: dict[str, bool] = {}  # each word looked up once, however often it occurs
        for strict, pattern in zip((False, True), self._patterns, strict=True):
            if pattern is None:
                continue
            for match in pattern.finditer(normalised):
                name = match.group(1)
                if strict and titled:
                    if name not in in_a_name:
                        in_a_name[name] = _in_a_name(text, name)
                    if in_a_name[name]:
                        continue
                key = (match.group(1) if strict else match.group(1).lower(), strict)
                candidates.append((match.start(), match.end(), match.group(1), self._names[key]))
        found: list[tuple[str, list[Area]]] = []
        taken: list[tuple[int, int]] = []
        for start, end, name, ids in sorted(candidates, key=lambda m: (m[0], m[0] - m[1])):
            if any(start < t_end and end > t_start for t_start, t_end in taken):
                continue
            taken.append((start, end))
            # A combined authority first: where there is a mayor, the mayor leads the LIS.
            found.append(
                (name, sorted((self.areas[i] for i in ids), key=lambda a: a.kind != "mca"))
            )
        return found

    def with_directions_spelt_out(self, text: str) -> str:
        """ "n tyneside", "s yorks", "e riding": a compass point clipped to its letter, where
        the spelt-out name is a place ("North Tyneside"). Elsewhere "n" is chat for "and"."""

        def spelt(match: re.Match[str]) -> str:
            named = f"{_COMPASS[match.group(1).lower()]} {match.group(2)}"
            found = self.matches(named)
            return named if found and found[0][0].lower() == named.lower() else match.group(0)

        return _CLIPPED_COMPASS.sub(spelt, text)

    def find(self, text: str, titled: bool = False) -> list[Area]:
        """Areas of the places named in `text`, in order of mention, each once."""
        areas: list[Area] = []
        for _name, place_areas in self.matches(text, titled):
            areas.extend(area for area in place_areas if area not in areas)
        return areas

    def area_ids(self, text: str) -> set[str]:
        """The ids of the areas a document's (or a question's) text names (`titled`)."""
        return {area.id for area in self.find(text, titled=True)}


def typed_name_pattern(place: str) -> str:
    """A place's name as typed: "Cheshire and Warrington" or "cheshire & warrington"."""
    name = r"\s*(?:and|&)\s*".join(re.escape(part) for part in re.split(r"\s+and\s+", place))
    return rf"(?i)\b{name}\b"
