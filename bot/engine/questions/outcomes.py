"""Questions that ask what something produced ("what did the Council conclude?") or whether
something planned happened ("did the green paper ever come out?"): the answer is the result,
not the plan."""

from __future__ import annotations

import re

# "what did the Council conclude in its first report?", "what were the outcomes of the
# consultation on the Fund?": a result that something has already produced.
_OUTCOME = re.compile(
    r"\bwhat\s+(?:(?:progress|conclusions?|findings?|results?|outcomes?|recommendations?)\s+)?"
    r"(?:did|has|have)\s+(?P<doer>.+?)\s+"
    # "what did the review of LEP roles end up recommending?"
    r"(?:(?:actually|finally|eventually|ultimately)\s+)?(?:end(?:ed)?\s+up\s+)?"
    r"(?:conclude|find|report|recommend|achieve|deliver|"
    r"decide|reach|award|allocate|announce|publish|propose|agree)(?:ed|d|s|ing)?\b"
    # "what came out of the first meeting?", "what got decided at the first meeting?"
    r"|\b(?:(?:outcomes?|results?|findings?|conclusions?|what\s+(?:(?:has|have)\s+)?"
    r"(?:came|come)\s+out)\s+of|what\s+(?:was|were|got|has\s+been|have\s+been)\s+"
    r"(?:(?:actually|really|finally|eventually)\s+)?(?:decided|agreed|discussed)\s+at)\s+"
    r"(?P<of>[^?,;]+)",
    re.IGNORECASE,
)


# "did the grimsby town deal pilot actually deliver anything?": what a plan produced.
_DID_IT_DELIVER = re.compile(
    r"\b(?:did|has|have)\s+(?P<doer>[^?,;]+?)\s+(?:(?:ever|actually|really|finally|eventually)\s+)*"
    r"(?:deliver|achieve|produce)(?:d|ed)?\s+(?:anything|much|any\s+\w+|results?)\b",
    re.IGNORECASE,
)


# "which areas actually won strength in places fund money?", "which bids in the south west
# were successful in the fund's competition?": the result of a competition.
_WINNERS = re.compile(
    r"\b(?:which|what)\s+(?:[\w'’-]+\s+){0,2}?(?:[a-z]{2,}s|consortia|bid|area|place|region)"
    r"(?:\s+(?:in|from)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)?\s+"
    r"(?:(?:actually|have|had|has|finally|eventually)\s+)*(?:won|got|received|secured|"
    r"(?:were|was|been)\s+(?:successful|awarded|funded|chosen|selected|shortlisted))\s+"
    r"(?:(?:any\s+)?(?:money|funding|cash|awards?)\s+)?(?:(?:in|from|through|under|with|by)\s+)?"
    r"(?P<of>[^?,;]+)",
    re.IGNORECASE,
)


# "did the green paper ever actually come out?", "when was it eventually published?":
# whether, or when, something planned happened in the end.
_HAPPENED = re.compile(
    r"\b(?:did|was|were|has|have)\s+(?P<thing>[^?]+?)\s+(?:(?:ever|actually|finally|eventually)\s+)+"
    r"(?:get\s+|been\s+)?(?P<event>come\s+out|happen|published|launched|released|set\s+up|"
    r"agreed|signed\s+off|approved|adopted|finalised)\b",
    re.IGNORECASE,
)


# "did the living lab get funded?": whether it happened, asked without "ever" or "actually"
_GOT_DONE = re.compile(
    r"\b(?:did|has|have)\s+(?P<thing>[^?]+?)\s+(?:(?:ever|actually|finally|eventually)\s+)*"
    r"(?:get|got|been)\s+(?P<event>funded|published|launched|released|set\s+up|agreed|signed\s+off|"
    r"approved|adopted|finalised)\b",
    re.IGNORECASE,
)


# "did lincs ever actually publish their final LIS?": the same, with a doer and a thing done.
_DID_EVER_DO = re.compile(
    r"\bdid\s+(?P<doer>[^?]+?)\s+(?:(?:ever|actually|finally|eventually)\s+)+"
    r"(?P<event>publish|launch|release|agree|sign\s+off|approve|adopt|finalise)\s+"
    # what was done, not when ("... after the 2019 draft")
    r"(?P<thing>[^?,;]+?)(?=\s+(?:after|before|since|following|by|in|at)\b|[?,;]|$)",
    re.IGNORECASE,
)


# "what was the final strategy's commitment once it was published by government?": what
# it asks is said of it after something planned happened, which the question takes as done.
_ONCE_HAPPENED = re.compile(
    r"\b(?:once|after|since|now\s+that|when)\s+(?:it|they)\s+(?:was|were|(?:has|have|had)\s+been|got)\s+"
    r"(?:(?:finally|eventually|actually)\s+)?(?P<event>published|launched|released|agreed|"
    r"signed\s+off|approved|adopted|finalised)\b",
    re.IGNORECASE,
)


_PRONOUN = re.compile(r"(?:it|they|this|that|he|she)", re.IGNORECASE)
# (not "on what date was it eventually published?", which asks when it happened)
_WHICH_ONES = re.compile(
    r"\b(?:which|what)\s+(?!(?:date|year|month|day)\b)(?:[\w'’-]+\s+){1,3}$", re.IGNORECASE
)


def happening(question: str) -> tuple[str, str] | None:
    """The event a question asks whether it happened, or takes as done, and what it
    happened to: ("come out", "the green paper"), ("publish", "lincs their final LIS"),
    ("published", "what was the final strategy's commitment"); or None."""
    match = _HAPPENED.search(question) or _GOT_DONE.search(question)
    # "which sector deals has govt actually agreed?" asks which ones, not whether
    if match and not _WHICH_ONES.search(question[: match.start()]):
        return match.group("event"), match.group("thing")
    if match := _DID_EVER_DO.search(question):
        return match.group("event"), f"{match.group('doer')} {match.group('thing')}"
    if match := _ONCE_HAPPENED.search(question):
        return match.group("event"), question[: match.start()]
    return None


def happened_event(question: str) -> str | None:
    """What a question asks whether it happened ("did the plan ever get signed off?" ->
    "signed off"), or takes as having happened ("... once it was published?"), or None."""
    happened = happening(question)
    return happened[0] if happened and not _OUTCOME.search(question) else None


def outcome_subject(question: str) -> str | None:
    """What a question asks the result of ("what did the Industrial Strategy Council
    conclude ...?" -> "the Industrial Strategy Council"), or whether something planned
    happened ("did the green paper ever come out?" -> "the green paper"); None for other
    questions. "did the consultation ever happen and what did it decide?" asks of the
    consultation."""
    match = _OUTCOME.search(question)
    happened = happening(question)
    if match and not (happened and _PRONOUN.fullmatch(match.group("doer") or "")):
        return match.group("doer") or match.group("of")
    if winners := _WINNERS.search(question):
        return winners.group("of")
    if delivered := _DID_IT_DELIVER.search(question):
        return delivered.group("doer")
    return happened[1] if happened else None
