"""Amounts, shares and rates, and figures for a year: a question that asks how much
money something gets, what share of a whole it is, or its figure for a year, is answered
only by a sentence that gives that figure for that thing (and place, and year)."""

from __future__ import annotations

import re

from bot.engine.answerable import passage_text
from bot.engine.places import Gazetteer
from bot.engine.questions import (
    amount_subject,
    figure_year,
    figures_subject,
    money_owner,
    names_money,
    share_base,
)
from bot.engine.stated.subjects import (
    _NAME,
    MIN_COUNT_COVERAGE,
    MIN_SUBJECT_COVERAGE,
    Sentence,
    Sentences,
    _longest_name,
    _name_as_typed,
    _name_of,
    _names_area,
    _places_in,
    in_order,
    named_either_way,
)
from bot.engine.text import YEAR, terms, without_asker

NUMBER = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand|"
    r"million|billion|half|third|quarter)\b",
    re.IGNORECASE,
)
AMOUNT = re.compile(r"[£$€]\s?\d|\d\s?(m|bn)\b|\b(million|billion)\b", re.IGNORECASE)
# A share of an amount, for "how much of their levy can they transfer?" ("10 per cent").
SHARE = re.compile(r"\d\s?(%|per\s?cent)", re.IGNORECASE)
SHARE_BASE_WINDOW = 3  # terms between a share and what it is of ("10 per cent of their funds")
_ASKS_SHARE = re.compile(
    r"\bhow\s+much\s+of\b|\b(share|proportion|percentage)\b"
    r"|\b(?:some|part|a\s+portion)\s+of\b"  # "... can transfer some of their funds - how much?"
    # "can we transfer levy funds to other employers, how much ...?": what part of their own
    r"|\b(?:transfer\w*|pass(?:ed|ing)?\s+(?:[\w'’-]+\s+){0,4}?on)\b",
    re.IGNORECASE,
)


def states_amount(question: str, about: Sentences, places: Gazetteer | None = None) -> bool:
    """False when the question asks how much money something gets and no sentence
    gives an amount for that thing: "how much will trusts receive from the Healthy
    Ageing programme?" is not answered by the sentence that describes the programme
    without a figure, nor by a figure for another fund or another place.

    (The same test for a year the question names refused more answerable questions
    than it caught: "jobs by 2024" sits under a heading the sentence does not repeat.)
    """
    subject = amount_subject(question)
    if subject is None:
        return True
    concepts, passages = about(subject)
    shares = bool(_ASKS_SHARE.search(question) or share_base(question))
    base = _base_terms(share_base(question))
    name = _longest_name(subject) or money_owner(question)
    # and a name it types in small letters besides: "the ISCF healthy ageing programme" is
    # the Healthy Ageing programme, which a figure for the whole fund does not give
    typed_name = _name_as_typed(_NAME.sub(" ", subject), passages)
    # the place asked about, in the sentence that asks how much ("... did the west mids
    # get?"), not one named after it ("... who's it for? salford") nor where the asker is
    # ("acute trust in oxford - how much is in the pot?")
    parts = re.split(r"(?<=[?.!])\s+", question)
    asking = next((part for part in parts if amount_subject(part)), question)
    _typed, asked = _places_in(without_asker(asking), places)

    def gives_it(before: Sentence | None, s: Sentence) -> bool:
        # the name, in this sentence or the line before ("... National Productivity
        # Investment / Fund (NPIF) from £23 billion ..."); a sentence that holds the name
        # needs no more of the question's words; a name typed in small letters ("how much
        # does each growth hub get") in order, not "growth ... regions"
        text = f"{before.text if before else ''} {s.text}"
        # a share on a slide ("70% of all jobs created") is of the slide's plan and place
        where = passage_text(s.passage) if shares else text
        return bool(
            (AMOUNT.search(s.text) or (shares and _share_of(s.text, base)))
            and named_either_way(name, terms(where), concepts)
            and in_order(typed_name, terms(where))
            and (
                s.coverage >= MIN_SUBJECT_COVERAGE
                or (name and named_either_way(name, terms(s.text), concepts))
            )
            # and the place asked about: the national fund's total is not one area's share
            and _names_area(where, asked, places)
        )

    return any(
        gives_it(before, s)
        for said in passages
        for before, s in zip([None, *said], said, strict=False)
    )


# "the apprenticeship levy rate (%) that trusts pay on their pay bill", "the interest rate on
# the loans": a rate, and what it is charged on
_RATE_ON = re.compile(
    r"\brates?\b(?:\s*\(%\))?[^?.;]*?\b(?:on|of|for)\s+(?:the\s+|their\s+|its\s+)?([^?.;]+)",
    re.IGNORECASE,
)
# "what % apprenticeship levy does our trust pay on its pay bill?": a share of what it is
# charged on (not "what % can we transfer?", a share of the levy itself)
_PERCENT_ON = re.compile(
    r"\bwhat\s+(?:%|percent(?:age)?|per\s*cent)(?!\s+of\b)[^?.;]*?\b(?:pay|paid|charged|levied)\s+"
    r"on\s+(?:the\s+|their\s+|its\s+|our\s+)?([^?.;]+)",
    re.IGNORECASE,
)
_ASKS_RATE = re.compile(
    r"\bwhat(?:['’]?s|\s+(?:is|was|are|were))?\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?rates?\b"
    r"|\brates?\s*\(%\)",
    re.IGNORECASE,
)


def states_share(question: str, about: Sentences) -> bool:
    """False when the question asks for a share or a rate of something ("what share of
    the UK's total workforce ...?", "the levy rate (%) ... on their pay bill?") and no
    sentence about it gives a percentage of that: the NHS's 1.4 million staff are not its
    share of the workforce, nor "10 per cent of their funds" the levy's rate on pay. (A
    share of a fund may be an amount: "£20 million of it goes to harbour towns".)"""
    rate = _ASKS_RATE.search(question)
    base_text = share_base(question)
    if base_text is None and rate:
        on = _RATE_ON.search(question, rate.start())
        base_text = on.group(1) if on else ""
    elif base_text is None and (on := _PERCENT_ON.search(question)):
        base_text = on.group(1)  # "what % levy does our trust pay on its pay bill?"
    if base_text is None or (not rate and names_money(base_text)):
        return True  # a share of money may be an amount: `states_amount` judges it
    base = _base_terms(base_text)
    _concepts, passages = about(question)

    def gives_it(text: str) -> bool:
        if rate and not base:
            # a rate, of whatever it is charged on; not the part of their funds someone may
            # pass on ("... transfer 10 per cent of their funds" is no levy rate)
            return any(
                not _MONEY_OF_IT & set(terms(text[share.end() :])[:1])
                for share in SHARE.finditer(text)
            )
        return _share_of(text, base)

    return any(
        s.coverage >= MIN_COUNT_COVERAGE and gives_it(s.text) for said in passages for s in said
    )


def _base_terms(text: str | None) -> frozenset[str]:
    """The first terms of what a share is asked of ("new jobs", "pay bill")."""
    return frozenset(terms(text)[:2]) if text else frozenset()


def _share_of(text: str, base: frozenset[str]) -> bool:
    """A share in the text, of the base the question asks about when it names one ("10
    per cent of their funds" is not a share "of pay bill"). A share of "their funds" is of
    the money the sentence has named: "levy-paying organisations will be able to transfer
    10 per cent of their funds" is a share of the levy."""

    def of_base(after: list[str]) -> bool:
        if base & set(after):
            return True
        return bool(_MONEY_OF_IT & set(after[:1])) and base <= set(terms(text))

    return any(
        not base or of_base(terms(text[share.end() :])[:SHARE_BASE_WINDOW])
        for share in SHARE.finditer(text)
    )


# What a share may be "of their ..." besides a name: the money the sentence has named.
_MONEY_OF_IT = frozenset(terms("funds money budget budgets funding income"))


def states_for_the_year(question: str, about: Sentences) -> bool:
    """False when the question asks a figure for a year ("how many jobs had the North
    East created by 2019?") and every sentence that gives a figure for it gives it for
    another year ("Increase the number of jobs by 100,000 by 2024"): a target for 2024
    is neither what was achieved by 2019 nor the target for 2030. A figure without a year
    (often under a dated heading) may be the one asked for."""
    asked = figure_year(question)
    if asked is None:
        return True
    year, subject = asked
    _concepts, passages = about(subject)
    figures = [
        s
        for said in passages
        for s in said
        # a figure in digits: "one of four areas" counts nothing for a year
        if s.coverage >= MIN_SUBJECT_COVERAGE and re.search(r"\d", YEAR.sub(" ", s.text))
    ]
    return not figures or any(
        year in s.text or year in s.heading or not YEAR.search(s.text) for s in figures
    )


def states_figures_on(question: str, about: Sentences) -> bool:
    """False when the question asks for any figures on something the documents name
    ("did it get more people into work? any numbers from working well?") and no passage
    that names it holds a figure in digits other than a year: the passages that describe
    the Working Well programme, with "ten local authorities" pooling funds, give no figure
    of what it did. What the question describes in its own words ("any numbers on older
    ppl?") may be given in others ("our over-75 generation is projected to ..."): True."""
    subject = figures_subject(question)
    if subject is None:
        return True
    concepts, passages = about(subject)
    name = _name_of(subject, passages)
    if not name:
        return True
    # a passage that names it: "Increase the number of jobs by 100,000" sits on the slide
    # "How does the Local Industrial Strategy fit with the North East Strategic Economic
    # Plan?", whose title the slide's text splits over its lines
    return any(
        named_either_way(name, terms(passage_text(s.passage)), concepts)
        and re.search(r"\d", YEAR.sub(" ", s.text))
        for said in passages
        for s in said
    )
