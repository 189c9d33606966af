"""Which strategies or LEPs: "which local industrial strategies have the head of health
economic partnerships on their expert panel?" is answered by the strategies' places, not by
"is on the expert panel of some strategies", which shares every other word."""

from __future__ import annotations

import re

from bot.engine.places import Gazetteer
from bot.engine.questions import places_asked
from bot.engine.stated.subjects import MIN_SUBJECT_COVERAGE, Sentences

# "on the expert panel of some strategies", "several LEPs have ...": which, left unsaid
_UNNAMED = re.compile(
    r"\b(?:some|several|certain|various|a\s+(?:few|number\s+of)|a\s+handful\s+of)\s+"
    r"(?:(?:local\s+)?(?:industrial\s+)?strategies|leps|areas|mcas|(?:combined\s+)?authorities)\b",
    re.IGNORECASE,
)


def names_which(question: str, about: Sentences, places: Gazetteer | None) -> bool:
    """False when the question asks which strategies or LEPs have or did something, and
    the sentence that says it best says only "some strategies" ("several LEPs"): none
    that names a place says it as fully. True for other questions."""
    rest = places_asked(question)
    if rest is None or places is None:
        return True
    _, passages = about(rest)
    about_it = [s for said in passages for s in said if s.coverage >= MIN_SUBJECT_COVERAGE]
    unnamed = [s.coverage for s in about_it if _UNNAMED.search(s.text)]
    # the place may head the section instead ("CASE STUDY Greater Manchester")
    named = [
        s.coverage
        for s in about_it
        if places.area_ids(f"{s.text} {s.passage.chunk.info.section or ''}")
    ]
    return not unnamed or max(named, default=0.0) >= max(unnamed)
