"""Dates and outcomes: "when did X happen?" is answered by a sentence that gives a date
and names the event and the place asked about; "what did X conclude?" by one that speaks
of what X did, not of what it will do."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.engine.concepts import coverage
from bot.engine.places import Gazetteer
from bot.engine.questions import date_subject, event_words, happened_event, outcome_subject
from bot.engine.stated.subjects import (
    MIN_HOLDER_COVERAGE,
    MIN_SUBJECT_COVERAGE,
    Sentence,
    Sentences,
    _held,
    _longest_name,
    _name_as_typed,
    _name_of,
    _names_area,
    _places_in,
    in_order,
    named_either_way,
    not_the_source,
)
from bot.engine.text import terms, without_asker

DATE = re.compile(
    r"\b(1[89]|20)\d\d\b|\b(January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b"
)


DATE_WINDOW = 3  # sentences from the one about the subject to the one with its date


def _date_window(said: Sequence[Sentence], index: int, places: Gazetteer | None) -> list[Sentence]:
    """The sentence at `index` and the next ones that may give its date ("... a 'Council
    of LEP Chairs'. This will provide ... The first meeting was held on Tuesday 19th
    June."), up to one that names another place: the Cornwall network's launch date is
    not the Dorset network's."""
    first = said[index]
    window = [first]
    areas = places.area_ids(first.text) if places else set()
    for s in said[index + 1 : index + DATE_WINDOW]:
        if places and places.area_ids(s.text) - areas:
            break
        window.append(s)
    return window


def states_date(question: str, about: Sentences, places: Gazetteer | None) -> bool:
    """False when the question asks when something happens and no sentence about it
    gives a date: "when did government publish the final North East strategy?" is not
    answered by the slide that shows "Published by government" as a step with no date,
    nor by the date the national strategy was published. The sentence (or the one after
    it: "... a Council of LEP Chairs. The first meeting was held on ...") must give a
    date, name the event the question asks about ("publish") and the place it names."""
    subject = date_subject(question)
    if subject is None:
        return True
    subject = not_the_source(subject)  # not the date of "the confed's june 2019 briefing"
    typed, asked = _places_in(subject, places)
    if not asked and _REFERS_BACK.search(subject):  # "when was the final one published"
        typed, asked = _places_in(without_asker(question), places)
    events = event_words(subject)
    if _ASKS_DEADLINE.search(question) and not any(group & _CLOSING for group in events):
        events.append(_CLOSING)  # "the closing date for responses": a date that closes it
    concepts, passages = about(subject)
    name = _longest_name(subject)
    typed_name = [] if name else _name_as_typed(subject, passages)
    # what the thing is, besides where and which event: "consultation"
    what = frozenset(terms(subject)) - typed - _STRATEGY_WORDS - frozenset().union(*events)
    # "the date of the 2nd council of LEP chairs meeting": not that of the first ("which
    # went first?" is looser: the first to publish need not be called that)
    ordinals = {term for term in terms(subject) if _ORDINAL.match(term)} - {"1st"}
    for said in passages:
        for index, about_it in enumerate(said):
            text = " ".join(s.text for s in _date_window(said, index, places))
            held = _held(about_it.terms, text, typed, asked, places)
            if (
                max(about_it.coverage, coverage(concepts, held)) >= MIN_SUBJECT_COVERAGE
                and named_either_way(name, terms(text), concepts)
                and in_order(typed_name, terms(text))
                and DATE.search(text)
                and all(names_event(group, text, what) for group in events)
                and _names_area(text, asked, places)
                and ordinals <= set(terms(text))
            ):
                return True
    return False


# "1st", "2nd", "3rd", "4th" ... as `terms` gives them ("second" -> "2nd")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")


# "(to be agreed) by March 2020", "before 2030": a deadline, though no sentence says so.
_BY_A_DATE = re.compile(
    r"\b(?:by|before|no\s+later\s+than)\s+(?:the\s+end\s+of\s+)?(?:[A-Z][a-z]+\s+)?(?:1[89]|20)\d\d\b"
)
DEADLINE_EVENT = frozenset(terms("deadline"))
# A deadline asked for, and the words that give one: "the deadline", "closes on 5 May", or
# "by March 2020" (`names_event`); not a date a document came out.
_ASKS_DEADLINE = re.compile(r"\b(?:deadlines?|closing\s+dates?)\b", re.IGNORECASE)
_CLOSING = event_words("deadline")[0]  # deadline, close, end, expire
# "Buckinghamshire Thames Valley consultation (January 2019)": a document's title with
# the date it came out.
DATED_TITLE = re.compile(r"\b[A-Z][\w'’ -]{3,80}\s\((?:[A-Z][a-z]+\s+)?(?:1[89]|20)\d\d\)")
_PUBLISHED_EVENT = frozenset(terms("published"))


_STRATEGY_WORDS = frozenset(terms("local industrial strategy LIS"))


# A subject that names the thing by pointing back to it: "it", "the final one".
_REFERS_BACK = re.compile(r"\b(?:it|they|them|that|this|one|version)\b", re.IGNORECASE)


def names_event(event: frozenset[str], text: str, what: frozenset[str]) -> bool:
    """The text names the event, or gives its date in a way that says what it is: a
    deadline asked about ("when's the deadline for ...") is met by "by March 2020", a
    publication by a title dated in brackets that names `what` was published
    ("Buckinghamshire Thames Valley consultation (January 2019)", not "Greater
    Lincolnshire evolving priorities (January 2019)" for its final strategy)."""
    if event & set(terms(text)):
        return True
    if event & DEADLINE_EVENT:
        return bool(_BY_A_DATE.search(text))
    if event & _PUBLISHED_EVENT:
        return any(what & set(terms(title.group(0))) for title in DATED_TITLE.finditer(text))
    return False


# A sentence that speaks of what something will do, or is doing, not what it did.
_FUTURE = re.compile(
    r"\b(?:will|shall|forthcoming|upcoming|(?:is|are|was|were)\s+to|to\s+be\s+(?:published|"
    r"launched|set\s+up|established|agreed|signed\s+off|approved)|in\s+the\s+process\s+of|"
    r"(?:plans?|intends?|expected|due|set|going)\s+to|"
    r"to\s+explore|exploring|under\s?way|ongoing|in\s+progress|"
    # "The government is launching a new competitive £115m Strength in Places Fund"
    r"(?:is|are)\s+(?:launching|introducing|creating|setting\s+up|establishing)|"
    r"(?:a|the)\s+new)\b"
    # "• convene partners ... to maximise opportunities though the Fund": an item of a plan
    r"|^\s*[•▪◦*-]\s*[a-z]",
    re.IGNORECASE,
)


def states_outcome(question: str, about: Sentences, places: Gazetteer | None = None) -> bool:
    """False when the question asks what something concluded, found or reported and
    every sentence that names it speaks of what it will do: "what did the Industrial
    Strategy Council conclude in its first report?" is not answered by "an independent
    Industrial Strategy Council will assess progress", which was written before it had
    reported anything. True when the question names nothing the passages spell out."""
    subject = outcome_subject(question)
    if subject is None:
        return True
    # the green paper "referred to in the Confederation's briefing" is not the briefing,
    # which was published
    subject = not_the_source(subject)
    concepts, passages = about(subject)
    # "what came out of the first council of LEP chairs mtg?": the sentences that name the
    # council ("... chairing a bi-annual Council of LEP Chairs"), which a date answers
    # elsewhere ("The first meeting was held ...") but not what came out of it
    name = _name_of(subject, passages, initials=True)
    head = _OUTCOME_HEAD.search(subject)
    kind = frozenset(terms(head.group(1))) if head else frozenset()

    typed, asked = _places_in(subject, places)

    events = event_words(happened_event(question) or "")

    def names_it(s: Sentence) -> bool:
        if name:
            # whether it happened may be said with the name turned about: "Sector deals
            # have been agreed in life sciences" says the Life Sciences Sector Deal was
            said = terms(s.text)
            return named_either_way(name, said, concepts) or (
                bool(events) and set(name) <= set(said)
            )
        # a thing without a name ("the green paper on care"): a sentence mostly about it,
        # the place in any of its names ("lincs' final LIS": "Greater Lincolnshire")
        held = _held(s.terms, s.text, typed, asked, places)
        return max(s.coverage, coverage(concepts, held)) >= MIN_HOLDER_COVERAGE

    naming = [s.text for said in passages for s in said if names_it(s)]
    # "did the Lincolnshire strategy ever get agreed?": sentences that say it was agreed
    if events and naming:
        naming = [text for text in naming if all(group & set(terms(text)) for group in events)]
        if not naming:
            return False
    # "the consultation on the UK Shared Prosperity Fund": sentences about the fund that
    # never speak of a consultation on it say nothing of what that concluded
    of_it = [text for text in naming if kind <= set(terms(text))]
    # ("what did the GM LIS evaluation find?": no sentence speaks of an evaluation at all)
    if (naming or kind) and not of_it:
        return False
    return not of_it or not all(_FUTURE.search(text) for text in of_it)


# What kind of thing had an outcome: "review" of "the 2018 review of LEP roles",
# "consultation" of "the consultation on the fund".
_OUTCOME_HEAD = re.compile(
    r"\b(review|consultation|evaluation|inquiry|audit|report|study|trial|pilot|bid|bidding\s+round|"
    r"meeting)"
    # "the consultation on the fund", or "the fund consultation"
    r"(?:\s+(?:of|on|into|about|for)\b|\W*$)",
    re.IGNORECASE,
)
