"""The words an answer uses for what a question asks, when they are not the question's own:
asked for "obstacles", the document lists "challenges"; asked what it would "gain",
"benefits". Retrieval and the composer look for them alongside the question's words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.engine.questions.advice import (
    asks_for_the_first_thing,
    asks_to_have_a_say,
    asks_what_it_gains,
)
from bot.engine.questions.dates import asks_how_far_it_runs, asks_when_to_act
from bot.engine.questions.lists import (
    ABSENCE_ASKED,
    ABSENCE_WORDS,
    asks_if_absent,
    asks_what_it_does_well,
    asks_where_it_features,
)
from bot.engine.text import terms

# Everyday words for the same thing: a question asks for "obstacles", the document lists
# "challenges". General English only, tight groups (never a word with other senses, such
# as "issues" or "areas"). The first word of each group is the one formal writing uses;
# the others stand for it and for each other, it stands for none of them: "challenge" is
# also part of names ("the ageing society grand challenge").
SAME_MEANING = (
    "challenges barriers obstacles problems difficulties hurdles weaknesses",
    "strengths advantages",
    "aims objectives goals ambitions",
    "stages steps phases",
    "roles positions",
    "agreed approved signed endorsed",
    "funds pot cash",
    "expenditure spend spending investment",
    "people staff employees",
    "themes topics",
    "guide steer",
    "increase grow rise",
    "assess check",
)


def other_words_for(term: str) -> tuple[str, ...]:
    """The terms of the words that mean what `term` (a stemmed term) means, or none."""
    for group in SAME_MEANING:
        formal, *everyday = terms(group)
        if term in everyday:
            return (formal, *(other for other in everyday if other != term))
    return ()


@dataclass(frozen=True)
class AnsweredAs:
    """A kind of question whose answer uses other words than the question: asked what an
    ICS could "gain", the passage lists "benefits"; asked whether a plan addressed
    something, it says what was "missing"."""

    asks: Callable[[str], bool]
    asked_as: str  # the question's words for it, which the answer's words stand for
    answered_as: str  # the words a passage that answers uses
    # the thing asked for itself ("what was missing?", "what could we gain?"), which the
    # answer must name, not a property of what is asked about ("how far does it run?")
    is_what_is_asked: bool = False
    # asked with no word for it at all ("whats in it for us?" asks what we would gain);
    # "does it cover X?" may be answered yes, so it implies no "missing"
    implied: bool = False


ANSWERED_AS = (
    AnsweredAs(asks_if_absent, ABSENCE_ASKED, ABSENCE_WORDS, is_what_is_asked=True),
    AnsweredAs(
        asks_what_it_gains,
        "gain gains get gets benefit",
        "benefits help",
        is_what_is_asked=True,
        implied=True,
    ),
    AnsweredAs(asks_to_have_a_say, "say input feed", "influence"),
    AnsweredAs(asks_for_the_first_thing, "thing things", "step", implied=True),
    AnsweredAs(asks_how_far_it_runs, "far go goes run runs last lasts", "extending until period"),
    AnsweredAs(asks_what_it_does_well, "good great best strong well excel", "strengths"),
    AnsweredAs(asks_when_to_act, "when", "stages", implied=True),
    AnsweredAs(
        asks_where_it_features,
        "where show appear feature figure come crop pop turn",
        "areas features",
    ),
)


def answer_words(question: str) -> str:
    """The words a passage answering the question would use for what it asks (see
    `AnsweredAs`), to look for alongside the question's own."""
    return " ".join(kind.answered_as for kind in ANSWERED_AS if kind.asks(question))
