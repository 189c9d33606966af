"""People and how to reach them: who holds an office, who sits on a body, a phone number
or an email address. Each must be given for the body and place asked about: the chair of
another area's board, or another body's switchboard, does not answer."""

from __future__ import annotations

import re

from bot.engine.answer import Contact
from bot.engine.answerable import passage_text
from bot.engine.concepts import Concept, coverage
from bot.engine.places import Gazetteer
from bot.engine.questions import (
    email_subject,
    members_subject,
    phone_subject,
    role_asked,
    wants_email,
)
from bot.engine.retrieval import Passage
from bot.engine.stated.subjects import (
    MIN_HOLDER_COVERAGE,
    MIN_SUBJECT_COVERAGE,
    Sentences,
    _context_terms,
    _held,
    _name_of,
    _names_area,
    _places_in,
    in_order,
    named_either_way,
)
from bot.engine.text import sentences, terms

_TOP_OFFICES = ("head", "chair", "direct", "chief", "lead", "manag")


def office_prefixes(office: str) -> tuple[str, ...]:
    """How sentences name an office: "chairs", "chaired", "chairman" are one office, and
    whoever heads a body holds its top office, whatever it is called."""
    prefix = terms(office)[0][:5]
    return _TOP_OFFICES if prefix == "head" else (prefix,)


# A minister is asked for by name: "Agreed by North East LEP Board and Secretary of State
# for Business ..." says the office agreed it, not who held it, as "Greg Clark, Secretary
# of State for ..." would.
_MINISTERIAL = re.compile(r"secretary\s+of\s+state|minister", re.IGNORECASE)
_NAME_WITH_OFFICE = re.compile(
    r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z'’-]+)+(?:\s+MP)?,\s+(?:the\s+)?(?:Secretary\s+of\s+State|Minister)"
    r"|\b(?:Secretary\s+of\s+State|Minister)\b[^.;]{0,80}?,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z'’-]+)+"
    r"(?:\s+MP)?\s*[,.;)]"
)


def is_ministers(office: str) -> bool:
    """The office is a minister's ("Secretary of State"), asked for by name."""
    return bool(_MINISTERIAL.fullmatch(office.strip()))


def names_minister(office: str, text: str) -> bool:
    """`office` is a minister's and `text` names its holder by name."""
    return is_ministers(office) and bool(_NAME_WITH_OFFICE.search(text))


def names_holder(question: str, about: Sentences, places: Gazetteer | None) -> bool:
    """False when the question asks who holds an office ("who chairs the North East LEP
    Board?") and no sentence names the office for that body and place: sentences about
    the board that say nothing of its chair do not answer, nor does the chair of another
    area's board. A minister must be named by name."""
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
    by_name = is_ministers(office)
    return any(
        mentions(s.text) > mentions(subject)
        and (not by_name or names_minister(office, s.text))
        and coverage(concepts, _held(s.terms, s.text, typed, asked, places)) >= MIN_HOLDER_COVERAGE
        and named_either_way(name, terms(s.text), concepts)
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
    # (its place is no part of its kind: "the Dorset partnership" is "a partnership with ...")
    kind = _kind_of_body(subject)
    kind = [term for term in kind if term not in typed] or kind
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
    # ("the health partnership at our LEP" too: a body known by whose it is)
    described = re.match(r"^\W*(?:their|its|our|his|her|your)\b", subject, re.IGNORECASE) or (
        re.search(r"\b(?:at|in|of|with|for)\s+(?:their|its|our|my|your)\b", subject, re.I)
    )
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


PHONE = re.compile(r"(?:\+44\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b")


def gives_phone(question: str, about: Sentences, places: Gazetteer | None) -> bool:
    """False when the question asks for a phone number and no sentence gives one for
    that body and place: the NHS Confederation's switchboard is not the Dorset LEP's."""
    return _gives(PHONE, phone_subject(question), about, places)


def gives_email(question: str, about: Sentences, places: Gazetteer | None) -> bool:
    """False when the question asks for the email address of a body or an office and no
    sentence gives one for it: the NHS Confederation's enquiries address is not the
    Dorset LEP director's."""
    return _gives(EMAIL, email_subject(question), about, places)


def _gives(
    detail: re.Pattern, subject: str | None, about: Sentences, places: Gazetteer | None
) -> bool:
    """Some sentence gives the detail (a number, an address) for the subject's body and
    place, or no detail is asked for (no subject)."""
    if subject is None:
        return True
    typed, asked = _places_in(subject, places)
    concepts, passages = about(subject)
    return any(
        detail.search(s.text)
        # the detail is often a line of its own under the body's name
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
