"""Comparisons between places: "how does NE productivity compare with the west mids?" is
answered only when the passages say something of that thing for each place. The North
East's own figures, however well they match, compare it with nowhere."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.engine.concepts import coverage
from bot.engine.places import Gazetteer
from bot.engine.questions import compared_sides
from bot.engine.stated.subjects import MIN_SUBJECT_COVERAGE, Sentences, _context_terms, _places_in
from bot.engine.text import terms

# Words that may follow the other place and still ask for the same thing there: "that in
# the Thames Valley Berkshire framework", "the west mids one", "their LIS".
_THE_SAME_THERE = frozenset(
    terms("that those their one ones local industrial strategy strategies lis framework plan")
)
_WORD = re.compile(r"[\w&'’-]+")
# What a place may be measured by: compared, each place needs its own figure or statement
# of it ("productivity" of "productivity in health & life sciences"; a place's health and
# life sciences without its productivity is no answer).
_MEASURES = frozenset(
    terms(
        "productivity output gva growth rate funding money investment spending employment "
        "jobs wages pay earnings population share performance"
    )
)


@dataclass(frozen=True)
class Comparison:
    """One thing asked of one place (`thing`, `these` area ids) set beside the same thing
    in other places (`others`)."""

    thing: str
    these: frozenset[str]
    others: frozenset[str]


def compared_places(question: str, places: Gazetteer | None) -> Comparison | None:
    """ "how does NE productivity compare with the west mids?" -> productivity, the North
    East and the West Midlands; None for other questions, and for comparisons of two
    different things ("... compare with Lincs' rural health centre?"), which other checks
    judge."""
    sides = compared_sides(question)
    if sides is None or places is None:
        return None
    this, that = sides
    typed_this, these = _places_in(this, places)
    typed_that, those = _places_in(that, places)
    others = those - these
    if not these or not others or set(terms(that)) - typed_that - _THE_SAME_THERE:
        return None
    # the thing asked, without the place it is asked of
    thing = " ".join(w for w in _WORD.findall(this) if not terms(w) or set(terms(w)) - typed_this)
    return Comparison(thing, frozenset(these), frozenset(others))


def about_area(text: str, section: str | None, title: str | None, places: Gazetteer) -> set[str]:
    """The areas a sentence is about: named in it, its section or its document's title."""
    return places.area_ids(f"{text} {section or ''} {title or ''}")


def states_both_sides(question: str, about: Sentences, places: Gazetteer | None) -> bool:
    """False when the question compares places by a measure (`compared_places`,
    `_MEASURES`) and the passages say nothing of it for one of them: a sentence about that
    place (`about_area`) must name the measure and hold the thing. True for other
    questions: how two places approach a thing may be said in other words in each."""
    compared = compared_places(question, places)
    if compared is None or places is None:
        return True
    concepts, passages = about(compared.thing)
    measure = next((c for c in concepts if set(c.alternatives[0]) & _MEASURES), None)
    if measure is None:
        return True

    def said_of(areas: frozenset[str]) -> bool:
        for said in passages:
            for s in said:
                info = s.passage.chunk.info
                held = _context_terms(s)
                if (
                    areas & about_area(s.text, info.section, info.title, places)
                    and measure.covered_by(held)
                    and max(s.coverage, coverage(concepts, held)) >= MIN_SUBJECT_COVERAGE
                ):
                    return True
        return False

    return said_of(compared.these) and said_of(compared.others)
