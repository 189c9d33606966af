"""Do the passages state the kind of detail the question asks for?

A question that asks how much, how many, when, or who holds an office is not answered by
sentences that share its words but hold no amount, count, date or office holder for its
subject: "who chairs the North East LEP Board?" is not answered by the slide that says the
board agrees the strategy. The composer then says the documents do not cover it.

Each check looks at the retrieved passages' sentences scored against the question's
subject (`Sentences`), and says True for questions of other kinds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol

from bot.engine.answer import Contact
from bot.engine.answerable import passage_text
from bot.engine.concepts import Concept, coverage
from bot.engine.glossary import Glossary
from bot.engine.places import Gazetteer
from bot.engine.questions import (
    amount_subject,
    count_subject,
    counted,
    date_subject,
    event_words,
    figure_year,
    happened_event,
    members_subject,
    names_money,
    other_words_for,
    outcome_subject,
    phone_subject,
    role_asked,
    share_base,
    wants_email,
)
from bot.engine.retrieval import Passage
from bot.engine.text import (
    YEAR,
    sentences,
    terms,
    without_asker,
    without_closing_tag,
    without_source,
    words,
)

__all__ = [
    "in_order",
    "AMOUNT",
    "DATE",
    "NUMBER",
    "Sentences",
    "states_amount",
    "states_count",
    "states_date",
    "DATED_TITLE",
    "names_holder",
    "names_members",
    "gives_phone",
    "states_outcome",
    "states_for_the_year",
    "states_share",
    "counted_heads",
    "gives_email_of",
    "counts",
]

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
    r"\bhow\s+much\s+of\b|\b(share|proportion|percentage|total)\b"
    r"|\b(?:some|part|a\s+portion)\s+of\b",  # "... can transfer some of their funds - how much?"
    re.IGNORECASE,
)
DATE = re.compile(
    r"\b(1[89]|20)\d\d\b|\b(January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b"
)
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
    _concepts, passages = about(subject)
    shares = bool(_ASKS_SHARE.search(question) or share_base(question))
    base = _base_terms(share_base(question))
    name = _longest_name(subject)
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
            and in_order(name, terms(where))
            and in_order(typed_name, terms(where))
            and (s.coverage >= MIN_SUBJECT_COVERAGE or (name and in_order(name, terms(s.text))))
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
    if base_text is None or (not rate and names_money(base_text)):
        return True  # a share of money may be an amount: `states_amount` judges it
    base = _base_terms(base_text)
    _concepts, passages = about(question)
    return any(
        s.coverage >= MIN_COUNT_COVERAGE and _share_of(s.text, base)
        for said in passages
        for s in said
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
    typed, asked = _places_in(subject, places)
    if not asked and _REFERS_BACK.search(subject):  # "when was the final one published"
        typed, asked = _places_in(without_asker(question), places)
    events = event_words(subject)
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
                and in_order(name, terms(text))
                and in_order(typed_name, terms(text))
                and DATE.search(text)
                and all(_names_event(group, text, what) for group in events)
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
_DEADLINE_EVENT = frozenset(terms("deadline"))
# "Buckinghamshire Thames Valley consultation (January 2019)": a document's title with
# the date it came out.
DATED_TITLE = re.compile(r"\b[A-Z][\w'’ -]{3,80}\s\((?:[A-Z][a-z]+\s+)?(?:1[89]|20)\d\d\)")
_PUBLISHED_EVENT = frozenset(terms("published"))


_STRATEGY_WORDS = frozenset(terms("local industrial strategy LIS"))


# A subject that names the thing by pointing back to it: "it", "the final one".
_REFERS_BACK = re.compile(r"\b(?:it|they|them|that|this|one|version)\b", re.IGNORECASE)


def _names_event(event: frozenset[str], text: str, what: frozenset[str]) -> bool:
    """The text names the event, or gives its date in a way that says what it is: a
    deadline asked about ("when's the deadline for ...") is met by "by March 2020", a
    publication by a title dated in brackets that names `what` was published
    ("Buckinghamshire Thames Valley consultation (January 2019)", not "Greater
    Lincolnshire evolving priorities (January 2019)" for its final strategy)."""
    if event & set(terms(text)):
        return True
    if event & _DEADLINE_EVENT:
        return bool(_BY_A_DATE.search(text))
    if event & _PUBLISHED_EVENT:
        return any(what & set(terms(title.group(0))) for title in DATED_TITLE.finditer(text))
    return False


_TOP_OFFICES = ("head", "chair", "direct", "chief", "lead", "manag")


def office_prefixes(office: str) -> tuple[str, ...]:
    """How sentences name an office: "chairs", "chaired", "chairman" are one office, and
    whoever heads a body holds its top office, whatever it is called."""
    prefix = terms(office)[0][:5]
    return _TOP_OFFICES if prefix == "head" else (prefix,)


def names_holder(question: str, about: Sentences, places: Gazetteer | None) -> bool:
    """False when the question asks who holds an office ("who chairs the North East LEP
    Board?") and no sentence names the office for that body and place: sentences about
    the board that say nothing of its chair do not answer, nor does the chair of another
    area's board."""
    asked_role = role_asked(question)
    if asked_role is None:
        return True
    office, subject = asked_role
    prefixes = office_prefixes(office)
    subject = re.sub(r"^\s*up\b", "", subject)  # "who heads up ..."

    def mentions(text: str) -> int:
        return sum(term.startswith(prefixes) for term in terms(text))

    typed, asked = _places_in(subject, places)
    concepts, passages = about(subject)
    # the body's name, in full: the chair of the "Council of LEP Chairs" does not chair the
    # "Industrial Strategy Council"
    name = _name_of(subject, passages)
    # what kind of body it is, besides where: "LEP" of "D2N2 LEP" (an alias of the area)
    where = typed - _BODY_KINDS
    body = [c for c in concepts if not any(set(alt) <= where for alt in c.alternatives)]
    return any(
        mentions(s.text) > mentions(subject)
        and coverage(concepts, _held(s.terms, s.text, typed, asked, places)) >= MIN_HOLDER_COVERAGE
        and in_order(name, terms(s.text))
        and _names_area(s.text, asked, places)
        and _names_body_of(s.text, asked, places, body)
        for said in passages
        for s in said
    )


# How a sentence says who a body is made of: "Birmingham Health Partners - which brings
# together ...", "Representatives from: ...", "a partnership with Dorset ICS, ...".
_MEMBERSHIP = re.compile(
    r"\b(?:between|brings?\s+together|bringing\s+together|made\s+up\s+of|members?|membership|"
    r"compris\w*|consists?\s+of|includ\w*|alliance|representatives?|represented|"
    r"partnership\s+with|sits?\s+on|seats?\s+on)\b",
    re.IGNORECASE,
)
_POINTED_AT = re.compile(r"^\W*(?:it|them|they|that|this|those|these)\W*$", re.IGNORECASE)


def names_members(question: str, about: Sentences, places: Gazetteer | None) -> bool:
    """False when the question asks who is in or sits on a body ("who else sits on the
    ... Health and Enterprise Board?") and no sentence about that body says whom it brings
    together: the signature line that names the body says who chairs it, not who is on it."""
    subject = members_subject(question)
    if subject is None or _POINTED_AT.match(subject):
        return True  # "... and who's in it?": the body is named elsewhere in the question
    typed, asked = _places_in(subject, places)
    concepts, passages = about(subject)
    name = _name_of(subject, passages)  # "Health and Enterprise Board", not "health"
    kind = _kind_of_body(subject)
    for said in passages:
        for index, s in enumerate(said):
            if not _MEMBERSHIP.search(s.text):
                continue
            # the body is named in the sentence, the line before, or the heading over them
            # ("## Strategy Steering Group" / "Representatives from: ..."), the kind of
            # body in so many words ("Steering Group", not "the group")
            text = " ".join(t.text for t in said[max(0, index - 1) : index + 1])
            named = frozenset(terms(text)) | frozenset(s.heading) | _context_terms(s)
            held = _held(named, text, typed, asked, places)
            if (
                set(name) <= named
                and (in_order(kind, terms(text)) or in_order(kind, list(s.heading)))
                and coverage(concepts, held) >= MIN_HOLDER_COVERAGE
            ):
                return True
    return False


# What follows a body's name and says which one it is: "the steering group overseeing ..."
_AFTER_BODY = re.compile(
    r"\s+(?:for|of|overseeing|leading|running|behind|that|which|who|in|on|at)\s", re.IGNORECASE
)


def _kind_of_body(subject: str) -> list[str]:
    """What the question calls the body, as a sentence about it would ("steering group"
    of "the steering group overseeing the NE LIS"); only its last word when the question
    describes it rather than names it ("their health partnership": a partnership)."""
    head = terms(_AFTER_BODY.split(subject, maxsplit=1)[0])
    described = re.match(r"^\W*(?:their|its|our|his|her|your)\b", subject, re.IGNORECASE)
    return head[-1:] if described else head[-2:]


# Words of a place's alias that say what kind of body it is ("D2N2 LEP").
_BODY_KINDS = frozenset(terms("LEP local enterprise partnership combined authority MCA board"))
BODY_WINDOW = 60  # characters after a place name in which the body's name ends (or a comma)


def _names_body_of(
    text: str, asked: set[str], places: Gazetteer | None, body: list[Concept]
) -> bool:
    """The area is named as part of the asked body's name ("Greater Lincolnshire Local
    Enterprise Partnership"), not of another body's ("Chair, Nottinghamshire Healthcare
    NHS Trust" does not chair the D2N2 LEP)."""
    if not asked or not body or places is None:
        return True
    for name, areas in places.matches(text, titled=True):
        if asked & {area.id for area in areas}:
            for mention in re.finditer(re.escape(name), text, re.IGNORECASE):
                after = re.split(r"[,;:()]", text[mention.start() : mention.end() + BODY_WINDOW])[0]
                if coverage(body, frozenset(terms(after))) > 0:
                    return True
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
    concepts, passages = about(subject)
    name = _name_of(subject, passages)
    head = _OUTCOME_HEAD.search(subject)
    kind = frozenset(terms(head.group(1))) if head else frozenset()

    typed, asked = _places_in(subject, places)

    def names_it(s: Sentence) -> bool:
        if name:
            return in_order(name, terms(s.text))
        # a thing without a name ("the green paper on care"): a sentence mostly about it,
        # the place in any of its names ("lincs' final LIS": "Greater Lincolnshire")
        held = _held(s.terms, s.text, typed, asked, places)
        return max(s.coverage, coverage(concepts, held)) >= MIN_HOLDER_COVERAGE

    naming = [s.text for said in passages for s in said if names_it(s)]
    # "did the Lincolnshire strategy ever get agreed?": sentences that say it was agreed
    events = event_words(happened_event(question) or "")
    if events and naming:
        naming = [text for text in naming if all(group & set(terms(text)) for group in events)]
        if not naming:
            return False
    # "the consultation on the UK Shared Prosperity Fund": sentences about the fund that
    # never speak of a consultation on it say nothing of what that concluded
    of_it = [text for text in naming if kind <= set(terms(text))]
    if naming and not of_it:
        return False
    return not of_it or not all(_FUTURE.search(text) for text in of_it)


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


# What kind of thing had an outcome: "review" of "the 2018 review of LEP roles",
# "consultation" of "the consultation on the fund".
_OUTCOME_HEAD = re.compile(
    r"\b(review|consultation|evaluation|inquiry|audit|report|study|trial|pilot|bid|bidding\s+round)"
    # "the consultation on the fund", or "the fund consultation"
    r"(?:\s+(?:of|on|into|about|for)\b|\W*$)",
    re.IGNORECASE,
)


PHONE = re.compile(r"(?:\+44\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b")


def gives_phone(question: str, about: Sentences, places: Gazetteer | None) -> bool:
    """False when the question asks for a phone number and no sentence gives one for
    that body and place: the NHS Confederation's switchboard is not the Dorset LEP's."""
    subject = phone_subject(question)
    if subject is None:
        return True
    typed, asked = _places_in(subject, places)
    concepts, passages = about(subject)
    return any(
        PHONE.search(s.text)
        # the number is often a line of its own under the body's name
        and max(s.coverage, coverage(concepts, _held(s.terms, s.text, typed, asked, places)))
        >= MIN_SUBJECT_COVERAGE
        and _names_area(s.text, asked, places)
        for said in passages
        for s in said
    )


EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")


def gives_email_of(question: str, named: list[Contact], passages: list[Passage]) -> bool:
    """False when the question asks for the email address of people the contacts
    directory names (`named`) without one, and no sentence gives one beside their name:
    "whats jane doe's email?" is not answered by her name and her LEP's web page.
    True for other questions, and for addresses asked of a body or a role ("the confed's
    local growth person + their email"), which the directory answers."""
    if not wants_email(question) or not named or any(c.email for c in named):
        return True
    return any(
        EMAIL.search(sentence) and any(c.name.lower() in sentence.lower() for c in named)
        for passage in passages
        for sentence in sentences(passage_text(passage))
    )


_COUNT_WORD = re.compile(
    r"^(\d[\d,.]*%?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?)$"
)
COUNT_WINDOW = 4  # words between a number and what it counts ("jobs by 100,000")


def states_count(
    question: str, about: Sentences, glossary: Glossary, places: Gazetteer | None
) -> bool:
    """False when the question asks how many of something there are and no sentence
    about it puts a number next to that thing: "how many ICSs have a seat on their LEP
    board?" is not answered by sentences about ICSs and LEP boards that count nothing,
    nor "how many people does the NHS employ in Lincolnshire?" by the national figure.
    The thing counts in any of its glossary forms ("LEPs", "local enterprise
    partnerships")."""
    asked = counted(question)
    if asked is None:
        return True
    subject = count_subject(question) or question
    _typed, areas = _places_in(subject, places)  # not "... (we're in warrington)"
    concepts, passages = about(subject)
    heads = counted_heads(asked, glossary)
    # what the count is of, besides its unit: "9,000 people" in the fells are not the
    # people "on the moors"
    of = [c for c in concepts if not heads & {term for alt in c.alternatives for term in alt}]
    sentences = [
        s
        for said in passages
        for s in said
        if s.coverage >= MIN_COUNT_COVERAGE
        and (not of or coverage(of, _context_terms(s)) > 0)
        and _names_area(passage_text(s.passage), areas, places)  # the slide's title counts
    ]
    forms = counted_forms(asked, glossary)
    return any(
        counts(sentence.text, heads) or _lists_them(sentence.text, forms) for sentence in sentences
    )


# What is counted, then "(have been agreed) in / include / are:" and three or more items:
# "Sector deals have been agreed in life sciences, construction, ... and the creative
# industries" answers "how many sector deals are there?" by naming them.
_NAMES_ITEMS = re.compile(
    r"^(?:\s+[\w'’-]+)?\s*(?:(?:include[sd]?|including|are|were|cover|covers)\s*:?|:|(?:have|has|had)\s+been\s+"
    r"[\w-]+\s+(?:in|for|with|across)|(?:agreed|signed|established)\s+(?:in|for|with))\s+"
    r"(?!(?:yet|but|so|which|while)\b)[^,;.]+(?:,\s+(?!(?:yet|but|so|which|while)\b)[^,;.]+){1,}"
    r",?\s+and\s+[^,;.]+",
    re.IGNORECASE,
)


def _lists_them(text: str, forms: set[tuple[str, ...]]) -> bool:
    """The text names what is counted (in one of its `forms`, word for word), then lists
    them."""
    found = list(re.finditer(r"[\w'’-]+", text))
    stems = [next(iter(terms(word.group(0))), "") for word in found]
    return any(
        tuple(stems[i : i + len(form)]) == form
        and _NAMES_ITEMS.match(text[found[i + len(form) - 1].end() :])
        for form in forms
        for i in range(len(found) - len(form) + 1)
    )


def _context_terms(s: Sentence) -> frozenset[str]:
    """The sentence's terms with its section's and its document's title's."""
    info = s.passage.chunk.info
    return s.terms | frozenset(terms(f"{info.section or ''} {info.title or ''}"))


def counted_forms(asked: list[str], glossary: Glossary) -> set[tuple[str, ...]]:
    """What is counted, as terms, in any of its glossary forms ("LEPs", "local enterprise
    partnerships")."""
    forms = {tuple(terms(word)) for word in asked} | {
        tuple(terms(form))
        for word in asked
        for entry in glossary.entries_in(word)
        for form in entry.forms()
    }
    return {form for form in forms if form}


def counted_heads(asked: list[str], glossary: Glossary) -> set[str]:
    """The first terms of what is counted, in any of its glossary forms."""
    heads = {form[0] for form in counted_forms(asked, glossary)}
    return heads | {other for head in heads for other in other_words_for(head)}


_PERCENTAGE = re.compile(r"(\d[\d.,]*)\s?(?:%|per\s?cent)", re.IGNORECASE)


def counts(text: str, heads: set[str], shares: bool = True) -> bool:
    """The text puts a number next to what is counted ("jobs by 100,000"); with `shares`
    False, not a percentage ("60% of all jobs")."""
    # "25 per cent of all cars": the share is one word, as "25%" is
    text = _PERCENTAGE.sub(lambda m: m.group(1) + "%" if shares else " ", text)
    said = words(text)
    stemmed = [next(iter(terms(w)), "") for w in said]
    return any(
        _COUNT_WORD.match(word)
        and not _is_age_or_year(said, i)
        and heads & set(stemmed[max(0, i - COUNT_WINDOW) : i + COUNT_WINDOW + 1])
        for i, word in enumerate(said)
    )


_AGE_WORDS = frozenset({"aged", "age", "ages"})


def _is_age_or_year(said: list[str], i: int) -> bool:
    """A number that counts nothing: an age ("people aged 16-64", both ends of the
    range) or a year ("by 2024")."""
    previous = said[i - 1] if i else ""
    if previous.isdigit() and i >= 2:
        previous = said[i - 2]  # "aged 16 64": the range's second number
    return previous in _AGE_WORDS or bool(re.fullmatch(r"(?:19|20)\d\d", said[i]))


# A name of two or more capitalised words ("Industrial Strategy Council").
_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:of|for|and|the)?\s*[A-Z][a-z]+)+")


# "... the clean air fund in the Industrial Strategy": the name says where the thing sits.
_WHERE_IT_SITS = re.compile(r"\b(?:in|under|within|from)\s+the\s+$", re.IGNORECASE)
_WHERE_NAMED = re.compile(r"\b(?i:in|under|within|from)\s+the\s+(?:[A-Z][a-z]+\s*)+")


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


def _name_as_typed(subject: str, passages: list[Sequence[Sentence]]) -> list[str]:
    """The longest name the passages spell out that the subject types in small letters
    ("deadline for strength in places fund bids" types "Places Fund"), as terms; not one
    that says where the thing sits ("... reforms described in the Industrial Strategy")."""
    typed = terms(without_source(_WHERE_NAMED.sub(" ", subject)))
    found = [
        terms(match.group(0)) for said in passages for s in said for match in _NAME.finditer(s.text)
    ]
    return max((name for name in found if name and in_order(name, typed)), key=len, default=[])


def _name_of(subject: str, passages: list[Sequence[Sentence]]) -> list[str]:
    """The subject's name as it spells it, or else as it types one the passages spell."""
    return _longest_name(subject) or _name_as_typed(subject, passages)


def in_order(name: list[str], text_terms: list[str]) -> bool:
    """The name's terms, one after another, in the text's ("Places Fund", not "place-based
    ... funding"); no name asks for nothing."""
    size = len(name)
    return any(text_terms[i : i + size] == name for i in range(len(text_terms) - size + 1))


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
