"""What kind of question this is: the composer and the coverage check answer them
differently ("what should we do?", "who should we talk to?", "what is X?")."""

from __future__ import annotations

import re

from bot.engine.text import terms

__all__ = [
    "is_action_question",
    "is_contact_question",
    "definition_subject",
    "wants_list",
    "wants_number",
    "wants_date",
    "amount_subject",
    "counted",
    "without_presentation",
    "asks_about_now",
]

_ACTION_QUESTION = re.compile(
    r"\b(what|how|where|which)\b.*\b(should|can|could|must|might|do|to)\b.*"
    r"\b(we|our|us|i|my|nhs|trusts?|ics|icss|stps?|leaders|organisations?)\b"
    r"|\b(should|can|could|how do|how to)\b.*\b(we|our|i|us)\b",
    re.IGNORECASE,
)
_CONTACT_QUESTION = re.compile(
    r"\bwho\b[^?]*\b(contact|talk|speak|approach|get in touch|reach out|go to|call|email)\b"
    r"|\b(contact details|point of contact|who to contact)\b",
    re.IGNORECASE,
)
_DEFINITION_QUESTION = re.compile(
    r"^\s*(what|who)\s+(is|are|was|were)\s+(the\s+|an?\s+)?(.+?)\??$", re.IGNORECASE
)


def is_action_question(question: str) -> bool:
    """ "What should our ICS do ...", "how can we ...": asks for something to do."""
    return bool(_ACTION_QUESTION.search(question))


def is_contact_question(question: str) -> bool:
    """ "Who should we talk to?", "who do we contact about ...", "contact details for ..."."""
    return bool(_CONTACT_QUESTION.search(question))


def definition_subject(question: str) -> list[str] | None:
    """The terms of X in "What is X?" / "Who are X?", or None for other questions."""
    match = _DEFINITION_QUESTION.match(question.strip())
    if not match:
        return None
    phrase = re.split(
        r",|\s+(?:and|or)\s+(?:why|how|what|who|when|where)\b|\s+(?:for|in)\s+(?:the\s+)?(?:nhs|us|our)\b",
        match.group(4),
        maxsplit=1,
        flags=re.IGNORECASE,
    )[0]
    subject = terms(phrase)
    return subject or None


_LIST_QUESTION = re.compile(
    r"\b(what|which)\s+(are|were)\b|\b(list|name)\s+(the|all)\b|\bwhat\s+(areas|sectors|"
    r"themes|priorities|challenges|elements|stages|steps|foundations|types|kinds|ways)\b|"
    r"\b(two|three|four|five|six|seven|eight|\d)\s+[a-z]+s\b",
    re.IGNORECASE,
)
_NUMBER_QUESTION = re.compile(
    r"\bhow\s+(many|much|big|large)\b|\bwhat\s+(percentage|proportion|share|amount|target)\b"
    r"|\btarget\b|\bworth\b|\bbudget\b",
    re.IGNORECASE,
)
_DATE_QUESTION = re.compile(
    r"^\W*when\b|\bby\s+when\b|\bwhat\s+(year|date)\b|\bwhich\s+year\b|\bby what year\b",
    re.IGNORECASE,
)


def wants_list(question: str) -> bool:
    """ "What are the four grand challenges?", "which sectors ...": the answer is a list."""
    return bool(_LIST_QUESTION.search(question))


def wants_number(question: str) -> bool:
    """ "How many ...", "how much ...", "what is the target": the answer holds a number."""
    return bool(_NUMBER_QUESTION.search(question))


def wants_date(question: str) -> bool:
    """ "When ...", "by what year ...": the answer holds a date."""
    return bool(_DATE_QUESTION.search(question))


_HOW_MUCH = re.compile(r"\bhow\s+(much|big|large)\b", re.IGNORECASE)
_MONEY_WORD = re.compile(
    r"\b(money|cash|funds?|funding|funded|invest\w*|allocat\w*|budgets?|worth|costs?|"
    r"spend\w*|grants?|pounds)\b|£",
    re.IGNORECASE,
)


def amount_subject(question: str) -> str | None:
    """What an amount of money is asked for ("how much is the GovTech fund worth?" ->
    "is the GovTech"), or None when the question asks for no amount of money."""
    if not (_HOW_MUCH.search(question) and _MONEY_WORD.search(question)):
        return None
    return _MONEY_WORD.sub(" ", _HOW_MUCH.sub(" ", question))


_HOW_MANY = re.compile(
    r"\bhow\s+many\s+(?:(?:extra|more|new|additional|different|separate)\s+)*([\w'’-]+)"
    r"(?:\s+(?:do|does|did|will|would|can|could)\s+([^,;:?+]*?)(?=\s+and\b|\s*[,;:?+]|$))?",
    re.IGNORECASE,
)


def counted(question: str) -> list[str] | None:
    """The words for what a "how many" question counts: the noun ("how many LEPs ..."),
    and the verb that ends its clause ("how many staff does the NHS employ" counts
    whoever is employed, "1.4 million people"); None for other questions."""
    match = _HOW_MANY.search(question)
    if not match or match.group(1).lower() in {"and", "of", "are", "is", "by"}:
        return None
    words = [match.group(1)]
    if match.group(2):
        words.append(match.group(2).split()[-1])
    return words


_PRESENTATION = re.compile(
    r"\b(?:in\s+(?:plain|simple|everyday|lay(?:man'?s|person'?s)?|non[- ]technical)\s+"
    r"(?:english|terms|language|words)|in\s+a\s+nutshell|in\s+(?:one|a|two|a\s+few)\s+"
    r"(?:lines?|sentences?|paragraphs?|words)|for\s+(?:my|our|the|a)\s+(?:board|boss|ceo|"
    r"chair|chief\s+exec\w*|execs?|executive\s+team|team|colleagues|directors?|governors?)"
    r"(?:\s+(?:paper|meeting|report|briefing|update))?|tl;?dr|eli5)\b",
    re.IGNORECASE,
)


def without_presentation(question: str) -> str:
    """The question without how to present the answer ("in plain English", "for my
    board paper", "in a nutshell"): those words name no topic, and matched as one
    ("board") they pull in passages about something else."""
    return " ".join(_PRESENTATION.sub(" ", question).split()) or question


_NOW = re.compile(
    r"\b(now|nowadays|latest|current|currently|still|today|this year|up to date|"
    r"most recent|so far|any news)\b",
    re.IGNORECASE,
)


def asks_about_now(question: str) -> bool:
    """ "What's the latest on ...", "who leads it now": the answer must say how old it is."""
    return bool(_NOW.search(question))
