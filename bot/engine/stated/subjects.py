"""What every check reads the same way: the passages' sentences scored against the
question's subject (`Sentence`, `Sentences`), how much of the subject a sentence must hold,
and whether it names the subject's name and place. One module, so that a count, a date and
an office holder are all looked for in sentences about the same subject."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import permutations
from typing import Protocol

from bot.engine.concepts import Concept
from bot.engine.places import Gazetteer
from bot.engine.retrieval import Passage
from bot.engine.text import terms, without_closing_tag, without_source

# A sentence with an amount or a date must hold this share of what it is for.
MIN_SUBJECT_COVERAGE = 0.35
# A sentence with a count: its subject is often in the heading ("Targets", "jobs by 2024").
MIN_COUNT_COVERAGE = 0.25
# A sentence that names an office holder must hold this share of what the office is of.
MIN_HOLDER_COVERAGE = 0.6


class Sentence(Protocol):
    text: str
    terms: frozenset[str]
    coverage: float
    passage: Passage
    heading: tuple[str, ...]  # the terms of the heading it sits under, in order


# The passages' sentences scored against a subject: its ideas, and the sentences of each
# passage in order.
Sentences = Callable[[str], tuple[list[Concept], list[Sequence[Sentence]]]]


def _context_terms(s: Sentence) -> frozenset[str]:
    """The sentence's terms with its section's and its document's title's."""
    info = s.passage.chunk.info
    return s.terms | frozenset(terms(f"{info.section or ''} {info.title or ''}"))


# A name of two or more capitalised words ("Industrial Strategy Council").
_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:of|for|and|the|in)?\s*[A-Z][a-z]+)+")
# The same, initials among them ("Council of LEP Chairs").
_NAME_WITH_INITIALS = re.compile(
    r"\b[A-Z][a-z]+(?:\s+(?:of|for|and|the|in)?\s*(?:[A-Z][a-z]+|[A-Z]{2,}s?\b))+"
)


# "... the clean air fund in the Industrial Strategy": the name says where the thing sits.
_WHERE_IT_SITS = re.compile(r"\b(?:in|under|within|from)\s+the\s+$", re.IGNORECASE)
_WHERE_NAMED = re.compile(r"\b(?i:in|under|within|from)\s+the\s+(?:[A-Z][a-z]+\s*)+")


def not_the_source(subject: str) -> str:
    """The subject without the document it names as where to look ("..., as set out in
    the NHS Confederation's June 2019 briefing"): the briefing's own name and date are
    not what is asked of (unless that is all there is)."""
    rest = _POINTED_TO.sub(" ", without_source(subject))
    return rest if terms(rest) else subject


# What is left of "..., referred to in the Confederation's briefing," once the briefing goes.
_POINTED_TO = re.compile(
    r"(?:\bas\s+)?\b(?:set\s+out|referred\s+to|mentioned|described|cited|quoted|covered)"
    r"\s+in\s*(?=[,.;:?]|$)",
    re.IGNORECASE,
)


def _longest_name(subject: str) -> list[str]:
    """The longest name the subject spells out, as terms (or none): an amount for "the
    Industrial Strategy" is not one for "the Industrial Strategy Council". Only the
    longest: "the Fund ... under the Industrial Strategy" is about the fund. Not a name
    that only says where the thing sits ("the clean air fund in the Industrial Strategy").
    Of two as long, the later: "the Industrial Strategy 'Healthy Ageing' programme" is the
    programme's."""
    found = [
        terms(match.group(0))
        for match in _NAME.finditer(subject)
        if not _WHERE_IT_SITS.search(subject[: match.start()])
    ]
    return max(reversed(found), key=len) if found else []


def _name_as_typed(
    subject: str, passages: list[Sequence[Sentence]], initials: bool = False
) -> list[str]:
    """The longest name the passages spell out that the subject types in small letters
    ("deadline for strength in places fund bids" types "Places Fund"), as terms; not one
    that says where the thing sits ("... reforms described in the Industrial Strategy").
    With `initials`, a name may hold some ("Council of LEP Chairs")."""
    typed = terms(without_source(_WHERE_NAMED.sub(" ", subject)))
    pattern = _NAME_WITH_INITIALS if initials else _NAME
    found = [
        terms(match.group(0))
        for said in passages
        for s in said
        for match in pattern.finditer(s.text)
    ]
    return max((name for name in found if name and _typed_as(name, typed)), key=len, default=[])


def _typed_as(name: list[str], typed: list[str]) -> bool:
    """The name's terms, in order, among the typed ones, and not as the kind of thing a
    "local" one is: "the Oxfordshire draft of the local industrial strategy" types no
    "Industrial Strategy", the national one's name."""
    size = len(name)
    return any(
        typed[i : i + size] == name and (i == 0 or typed[i - 1] != "local")
        for i in range(len(typed) - size + 1)
    )


def _name_of(subject: str, passages: list[Sequence[Sentence]], initials: bool = False) -> list[str]:
    """The subject's name as it spells it, or else as it types one the passages spell."""
    return _longest_name(subject) or _name_as_typed(subject, passages, initials)


def in_order(name: list[str], text_terms: list[str]) -> bool:
    """The name's terms, one after another, in the text's ("Places Fund", not "place-based
    ... funding"); no name asks for nothing."""
    size = len(name)
    return any(text_terms[i : i + size] == name for i in range(len(text_terms) - size + 1))


def named_either_way(name: list[str], text_terms: list[str], concepts: list[Concept]) -> bool:
    """`in_order`, or the name with a part written the other way the glossary knows: the
    "Local Government Association's People and Places Board" is named "the LGA People and
    Places Board", and "the LGA board" is named in full."""
    return in_order(name, text_terms) or any(
        in_order(name[:i] + list(other) + name[i + len(form) :], text_terms)
        for concept in concepts
        for form, other in permutations(concept.alternatives, 2)
        for i in range(len(name) - len(form) + 1)
        if tuple(name[i : i + len(form)]) == form
    )


def _places_in(subject: str, places: Gazetteer | None) -> tuple[frozenset[str], set[str]]:
    """The terms of the place names the subject types ("lincs"), and the ids of their
    areas: a sentence that names the area in any of its names ("Greater Lincolnshire")
    covers those terms. Not a closing bracket that tags where the asker is ("(herts)")."""
    if places is None:
        return frozenset(), set()
    typed: set[str] = set()
    asked: set[str] = set()
    for name, areas in places.matches(without_closing_tag(subject)):
        typed |= set(terms(name))
        asked |= {area.id for area in areas}
    return frozenset(typed), asked


def _held(sentence_terms: frozenset[str], text: str, typed: frozenset[str], asked, places):
    """The sentence's terms, with the place as typed when the sentence names its area."""
    return sentence_terms | typed if asked and _names_area(text, asked, places) else sentence_terms


def _names_area(text: str, asked: set[str], places: Gazetteer | None) -> bool:
    if not asked or places is None:
        return True
    return bool(asked & places.area_ids(text))
