"""Questions about a person: who holds an office ("who chairs the board?"), or their phone
number or email address, which the answer must hold."""

from __future__ import annotations

import re

from bot.engine.questions.definitions import person_asked
from bot.engine.questions.figures import _said_before
from bot.engine.text import opening_end, terms

# "what did Cllr Mark Hawthorne say about ...?": someone's words
ASKS_WHAT_SAID = re.compile(
    r"\bwhat\s+(?:(?:exactly|actually|else)\s+)?(?:did|does|do|has|have)\b([^?]*?)\b"
    # ("what does he advise NHS leaders to do?": his advice, in his words)
    r"(?:say|said|think|reckon|argue|state|stated|advise|recommend|suggest|urge)\b"
    # "... and whats their point?", "what's his main message": their words, asked otherwise
    r"|\bwhat(?:['’]?s|\s+is|\s+was|\s+are)\s+(?:(?:actually|exactly)\s+)?(his|her|their)\s+"
    r"(?:(?:main|key|actual|big)\s+)?(?:point|points|view|views|message|argument|take|position)\b"
    # "any advice from the lincs health & enterprise board chair?": an office holder's words
    r"|\b(?:advice|tips|views?|words|thoughts|take)\s+(?:from|of)\s+(?:the\s+|their\s+|our\s+)?"
    r"(?P<office_holder>[^?.!]{0,60}?\b(?:chair|chairman|chairwoman|head|director|mayor|"
    r"chief\s+executive|ceo))\b",
    re.IGNORECASE,
)


# "who else shd we be working with apart from the lep?", "anyone else we shd bring in?",
# "besides MCAs and LEPs, which partners ...": parties beyond the ones the question names
_WHO_ELSE = re.compile(
    r"\b(?:who|anyone|anybody|any\s+one|someone)\s+else\b"
    r"|\b(?:which|what|any)\s+other\s+(?:partners?|organi[sz]ations?|orgs|bodies|groups|players)\b",
    re.IGNORECASE,
)
_BEYOND = re.compile(r"\b(?:apart\s+from|aside\s+from|besides|other\s+than)\b", re.IGNORECASE)
_PARTIES = re.compile(r"\b(?:who|partners?|organi[sz]ations?|orgs|bodies)\b", re.IGNORECASE)


def asks_who_else(question: str) -> bool:
    """The question asks who else takes part, beyond the parties it names ("who else shd
    we be working with apart from the lep?"): a sentence saying others "will also play
    an important role" answers it, not only the one naming the LEP."""
    return bool(
        _WHO_ELSE.search(question) or (_BEYOND.search(question) and _PARTIES.search(question))
    )


def said_subject(asked: re.Match) -> str:
    """Whose words an `ASKS_WHAT_SAID` match asks for, as the question puts it ("he",
    "their", "the LEP board's chair")."""
    return asked.group(1) or asked.group(2) or asked.group("office_holder") or ""


def asks_office_holders_words(question: str) -> bool:
    """ "any advice from the lincs health & enterprise board chair?": the words of whoever
    holds the office, not who holds it."""
    said = ASKS_WHAT_SAID.search(question)
    return bool(said and said.group("office_holder"))


_HE_OR_SHE = re.compile(r"\b(?:he|she|him|her)\b", re.IGNORECASE)


def asks_a_persons_view(question: str) -> bool:
    """ "who is dean fathers and what does he reckon NHS leaders shd do?", "any advice from
    the board chair?": a person's own words answer, not the steps a briefing recommends."""
    said = ASKS_WHAT_SAID.search(question)
    return bool(
        person_asked(question)
        or asks_office_holders_words(question)
        or bool(said and _HE_OR_SHE.search(said_subject(said)))
    )


def asks_an_officers_words(question: str) -> bool:
    """ "what did our LEP director say the partnership wants to do?", "what did the chair
    of the board say ...?": the words of whoever holds the office named."""
    said = ASKS_WHAT_SAID.search(question)
    return bool(said and OFFICES & set(terms(said_subject(said))))


# the offices a name line gives, by which a question may say whose words it wants
OFFICES = frozenset(
    terms("chair chairman chairwoman head director chief executive lead leader mayor president")
)


_ROLE = re.compile(
    r"^\W*who(?:'s|s|\s+is|\s+was|\s+are|\s+will\s+be|\s+has\s+been)?"
    r"(?:\s+(?:actually|currently|now|really|exactly))?\s+(?:the\s+|a\s+)?"
    r"(?:(?:current|new)\s+)?(chairs?|chaired|chairman|chairwoman|chairperson|heads?|headed|"
    r"directors?|chief\s+executive|ceo|appointed|took\s+over|replaced|succeeded|"
    # "who was the Secretary of State for Business that agreed it?"
    r"secretary\s+of\s+state|minister)\b"
    r"(?:\s+(?:of|as|for|at|to|from))?(?:\s+the)?"
    r"\s+([^?,;+]+?)(?=\s+(?:and|n|&|plus)?\s*(?:what|how|when|who|where|why|which)(?:['’]?s)?\b"
    r"|\s*[?,;+]|$)",
    re.IGNORECASE,
)

# "who's the Dorset LEP director?", "who is the business champion for ageing?"
# "who's the NE LEP chair?", "what's the name of the WM mayor who launched their LIS?",
# "the name + email of the head of X"
_ROLE_AFTER = re.compile(
    r"\b(?:who(?:'s|s|\s+is|\s+was)|name(?:\s*(?:\+|&|and|n|,)\s*(?:e-?mail|phone|number|"
    r"contact)\w*(?:\s+(?:address|details|no))?)?\s+(?:of|for))\s+(?:the\s+)?([^?,;+]+?)\s+(chair|chairman|"
    # ("who is the lead NHS exec on their steering group?")
    r"chairwoman|chairperson|head|director|chief\s+executive|ceo|champion|mayor|exec|executive)\b"
    # "... mayor who launched their LIS", "... mayor thats leading the WMCA strategy"
    # "... champion appointed to lead the ageing society challenge"
    r"(?:\s+(?:of|for|at|on|leading|running|(?:who|that)(?:['’]?s)?\s+[a-z]+|"
    r"(?:appointed|chosen|named)\s+to\s+[a-z]+)\s+"
    r"(?:the\s+|their\s+|its\s+)?([^?,;+]+?))?"
    r"(?=\s+(?:and|n|&|plus)\b|\s*[?,;+]|$)",
    re.IGNORECASE,
)


# "lincs health and enterprise board chair?", "chair of the harbour board?": the office
# and what it is of, and nothing else
_OFFICE_ALONE = r"chair|chairman|chairwoman|chairperson|chief\s+executive|ceo"
_ROLE_ALONE = re.compile(
    r"^\W*(?!(?:what|who|how|when|where|why|which|is|are|does|do|did|can|could|should|will)\b)"
    rf"(?:(?:the\s+)?(?P<of>(?:(?!\s[-–—:]\s)[^?,;+]){{3,60}}?)\s+(?P<office>{_OFFICE_ALONE})"
    rf"|(?P<office2>{_OFFICE_ALONE})\s+of\s+(?:the\s+)?(?P<of2>[^?,;+]{{3,60}}?))\s*\?+\s*$",
    re.IGNORECASE,
)
_CLAUSE_START = re.compile(r"\s[-–—:]\s|[?.!]\s+")
# "is it right that Jane Doe chairs the harbour board?": who holds the office, checked
_ROLE_CLAIMED = re.compile(
    r"\b(?:that|if)\s+(?:[A-Z][\w'’-]+\s+){1,3}(chairs|heads|directs)\s+(?:the\s+)?([^?,;+]+?)"
    r"(?=\s*[?,;+]|$)"
)


def role_asked(question: str) -> tuple[str, str] | None:
    """The office and what it is of, in a question that asks who holds it ("who chairs
    the North East LEP Board?" -> ("chairs", "North East LEP Board")); None otherwise.
    Only offices people hold by name: "who leads the strategy?" is often answered by a
    body ("mayoral combined authorities"), so it is not one of them."""
    # at the start, after a greeting ("hey who chairs ..."), or of a clause after the
    # asker's opening ("im at UHB - who runs ...")
    starts = [0, opening_end(question), *(m.end() for m in _CLAUSE_START.finditer(question))]
    for start in starts:
        match = _ROLE.match(question[start:].strip())
        if match and terms(match.group(2)):  # not "whos the director and ..."
            return match.group(1), match.group(2)
        alone = _ROLE_ALONE.match(question[start:].strip())
        if asks_office_holders_words(question[start:]):
            continue  # "any advice from the harbour board chair?": their words, not who
        if alone and terms(of := alone.group("of") or alone.group("of2")):
            return alone.group("office") or alone.group("office2"), of
    claimed = _ROLE_CLAIMED.search(question)
    if claimed:
        return claimed.group(1), claimed.group(2)
    match = _ROLE_AFTER.search(question)
    if not match:
        return None
    # "the NHS Confederation head of Health Economic Partnerships": two names, not one
    subject = ", ".join(part for part in (match.group(1), match.group(3)) if part and terms(part))
    if not terms(subject):  # "dorset LEP - whos the director?": of what the sentence opened on
        subject = _said_before(question, match.start()).strip(" -–—:,")
    return match.group(2), subject


_PHONE_QUESTION = re.compile(
    r"\b(?:(?:tele)?phone|tel|mobile|contact)\s*(?:number|no\.?|#)|\bnumber\s+to\s+(?:call|ring)\b|"
    r"\b(?:tele)?phone\b",
    re.IGNORECASE,
)


def phone_subject(question: str) -> str | None:
    """Whose phone number the question asks for ("whats the phone number for the Dorset
    LEP" -> "whats the for the Dorset LEP"), or None when it asks for none."""
    if not _PHONE_QUESTION.search(question):
        return None
    return _PHONE_QUESTION.sub(" ", question)


def wants_phone(question: str) -> bool:
    """ "What's their phone number?": the answer holds one."""
    return phone_subject(question) is not None


_EMAIL_QUESTION = re.compile(r"\be-?mail\s*(?:address|addr|add)?\b", re.IGNORECASE)


def wants_email(question: str) -> bool:
    """ "whats jane doe's email addr?": the answer holds an email address."""
    return bool(_EMAIL_QUESTION.search(question))


# "what is the email address for the director of Dorset LEP?", "need the email for whoever
# does health at the cornwall LEP": an address asked of a body, an office or a person
_EMAIL_OF = re.compile(
    r"\be-?mail\s*(?:address|addr|add)?\s+(?:for|of)\s+(?P<of>[^?!.]+)", re.IGNORECASE
)


def email_subject(question: str) -> str | None:
    """Whose email address the question asks for ("the director of Dorset LEP"), or None
    when it asks for none, or asks only in passing ("who's the chair? need to email them")."""
    match = _EMAIL_OF.search(question)
    return match.group("of") if match and terms(match.group("of")) else None


# "how can they be contacted?", "how do i reach her?", "their contact details"
_REACH_QUESTION = re.compile(
    r"\bhow\s+(?:can|could|do|does|should|would)\s+(?:i|we|you|they|he|she|one|people)\s+"
    r"(?:be\s+)?(?:contact|reach|get\s+(?:hold\s+of|in\s+touch))\w*|\bcontact\s+details\b",
    re.IGNORECASE,
)


def wants_to_reach(question: str) -> bool:
    """The question asks how to reach someone: by email, or however they can be contacted."""
    return wants_email(question) or bool(_REACH_QUESTION.search(question))


# "what will govt do w/ the WM?", "what has the government said it'll do", "what has govt
# committed to do", "what is the LEP doing", "what does the LIS say govt will do w/ us?":
# what one named party will do (not "we", "you", "they": the asker or someone unnamed)
_DOER = (
    r"(?P<doer>(?:the\s+)?(?!(?:we|i|you|they|it|us|our|their|he|she)\b)"
    r"[\w'’-]+(?:\s+[\w'’-]+){0,2}?)"
)
_DOER_ASKED = re.compile(
    r"\bwhat(?:['’]?s|\s+(?:will|would|has|have|did|does|do|is|are))\s+"
    + _DOER
    + r"\s+(?:(?:actually|already|said|say|says|promised|committed|agreed|pledged|signed\s+up|"
    r"planning|going|offering)\s+)*(?:(?:it|they)\s*(?:['’]ll|will|would)\s+|to\s+)?"
    r"(?:do|doing|commit(?:ting)?|promis(?:e|ing)|pledg(?:e|ing)|sign(?:ing)?\s+up)\b"
    # "what govt will do", "... say govt will do w/ us?"
    r"|\b(?:what|say|says|said)\s+"
    + _DOER.replace("doer", "doer_will")
    + r"\s+(?:will|would|is\s+going\s+to)\s+do\b"
    # "how is the confed actually helping trusts?": what it is doing
    r"|\bhow\s+(?:is|are|has|have)\s+"
    + _DOER.replace("doer", "doer_helps")
    + r"\s+(?:(?:actually|really)\s+)?(?:been\s+)?(?:help|support|assist)ing\b",
    re.IGNORECASE,
)


def doers_asked(question: str) -> list[list[str]]:
    """The terms of each party whose own actions the question asks for ("what will govt do
    with the West Midlands?" -> government): the sentences that make it the one who will
    act ("the government will work in partnership with ...") answer, not those that share
    the question's words with another party acting ("the West Midlands will: ..."). Empty
    when the question names no one."""
    return [
        terms(asked.group("doer") or asked.group("doer_will") or asked.group("doer_helps"))
        for asked in _DOER_ASKED.finditer(question)
    ]


# "how is the confed actually helping trusts?", "what does the confed do to help?", "is the
# confed doing anything to help us?": what a party does (not "what should we do")
_WHAT_THEY_DO = re.compile(
    r"\bhow\s+(?:is|are|does|do|has|have|can|could|will)\s+"
    r"(?!(?:we|i|you|us)\b)(?:[\w&'’-]+\s+){1,6}?(?:(?:actually|really)\s+)?"
    r"(?:help(?:s|ing)?|support(?:s|ing)?|assist(?:s|ing)?)\b"
    r"|\bwhat\s+(?:does|do|did|has|have|is|are|can)\s+(?!(?:we|i|you|us)\b)(?:[\w&'’-]+\s+){1,5}?"
    r"(?:(?:actually|really)\s+)?(?:do|doing|done|offer|offering)\b(?!\s+(?:with|about)\b)"
    r"|\b(?:is|are|does|do|has|have)\s+(?!(?:we|i|you|us)\b)(?:[\w&'’-]+\s+){1,5}?"
    r"(?:(?:actually|really)\s+)?(?:doing\s+anything|do\s+anything)\b",
    re.IGNORECASE,
)


def asks_what_they_do(question: str) -> bool:
    """ "how is the confed actually helping trusts with LIS stuff?": what a party does,
    which the sentences that go on about the one doing it say ("... is supporting several
    members ... Our Head of Health Economic Partnerships is on the expert panel ...")."""
    return bool(_WHAT_THEY_DO.search(question))
