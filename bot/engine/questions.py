"""What kind of question this is: the composer and the coverage check answer them
differently ("what should we do?", "who should we talk to?", "what is X?")."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from bot.engine.text import (
    GREETING,
    asks,
    question_sentences,
    terms,
    without_asker,
    without_attribution,
    without_source,
)

__all__ = [
    "figure_year",
    "is_action_question",
    "is_contact_question",
    "asks_if_absent",
    "asks_what_it_gains",
    "gainer_terms",
    "definition_subject",
    "person_asked",
    "wants_list",
    "listed_count",
    "listed_noun",
    "wants_number",
    "asks_members",
    "members_subject",
    "wants_date",
    "amount_subject",
    "counted",
    "count_subject",
    "role_asked",
    "date_subject",
    "event_words",
    "without_presentation",
    "asks_about_now",
    "asks_where_it_stands",
    "asks_where_to_find",
    "asks_who_holds",
    "topic_asked",
    "phone_subject",
    "wants_phone",
    "wants_email",
    "outcome_subject",
    "share_base",
    "other_words_for",
    "SAME_MEANING",
    "answer_words",
    "ANSWERED_AS",
]

# Who would act, in "should our trust be on it?": the asker or an NHS body.
_NHS_SUBJECT = (
    r"(?:(?:our|my|the)\s+)?(?:nhs\s+)?(?:we|i|trusts?|ics|icss|icbs?|stps?|ccgs?|organisations?|"
    r"hospitals?|providers?|systems?)"
)
# "should our trust be on the panel?", "does the confed think trusts should sit on it?":
# whether to take part, which the advice answers (not "why should NHS organisations be
# involved?", which asks the reasons)
_SHOULD_THEY = re.compile(
    r"^(?:(?!\bwhy\b)[^?.!])*?(?:(?:\b(?:should|must|ought\s+to)\s+"
    + _NHS_SUBJECT
    + r"|\b"
    + _NHS_SUBJECT
    + r"\s+(?:should|must|ought\s+to))\s+(?:be|sit|have|get|join)\b"
    # "does our trust need a seat on the panel?"
    + r"|\b"
    + _NHS_SUBJECT
    + r"\s+needs?\s+(?:to\s+(?:be|sit|have|get|join)|an?\s+(?:seat|place|say|rep))\b)",
    re.IGNORECASE,
)
_ACTION_QUESTION = re.compile(
    # (in one clause: "what does X mean, and do nhs trusts count?" asks nothing to do)
    r"\b(what|how|where|which)\b[^,?;]*\b(should|can|could|must|might|do|to)\b.*"
    r"\b(we|our|us|i|my|nhs|trusts?|ics|icss|icbs?|stps?|ccgs?|leaders|organisations?|"
    r"systems?|hospitals?|providers?)\b"
    r"|\b(should|can|could|how do|how to)\b.*\b(we|our|i|us)\b"
    # "what does the Confederation advise NHS leaders to do?"
    r"|\b(advise[sd]?|advising|recommend(?:s|ed|ing)?|suggest(?:s|ed|ing)?|urge[sd]?|urging|"
    r"encourage[sd]?|encouraging)\s+(?:[\w'’-]+\s+){0,4}?(to|do|should)\b",
    re.IGNORECASE,
)
_CONTACT_QUESTION = re.compile(
    r"\b(?:whom?|which\s+(?:organi[sz]ations?|bod(?:y|ies)|person|people|team|office)|"
    r"any\s?(?:one|body)|some\s?(?:one|body))\b[^?]*"
    r"\b(contact|talk|speak|approach|get in touch|reach out|go to|call|ring|phone|email)"
    r"(?:ing)?\b"
    r"|\b(contact details|point of contact|who to contact)\b"
    # "who leads GM's LIS?", "who runs the LIS in dorset": the body the directory names for
    # that area's strategy (not "who leads the local industrial strategy" in general)
    r"|\bwho(?:['’]?s|\s+is|\s+are)?\s+(?:leads?|leading|runs?|running|in\s+charge\s+of|"
    r"responsible\s+for|behind|writing|drawing\s+up|developing)\s+"
    r"(?:(?:the\s+)?(?!(?:the|an?|its|their|our|this|that|lis|local\s+industrial)\b)[\w&'’-]+(?:\s+[\w&'’-]+)?\s+"
    r"(?:lis|local\s+industrial\s+strategy)\b"
    r"|the\s+(?:lis|local\s+industrial\s+strategy)\s+(?:in|for|at)\s+\w"
    # "salford ccg who leads our lis": the asker's own area's
    r"|(?:our|my)\s+(?:local\s+)?(?:lis|local\s+industrial\s+strategy)\b)"
    r"|\bwho(?:['’]?s|\s+is|\s+are|\s+would\s+be)\s+(?:the|our|my|a|your)\s+(?:[\w'’&-]+\s+){0,3}?"
    r"(?:contacts?|(?:person|guy|go[\s-]to)(?=\s+(?:for|at|about)\b)"
    # "whos the confed local growth guy and whats his job title?"
    r"|(?:person|guy)(?=\s*(?:[?,.;:!+]|and\b|[-–—]|$)))\b"
    r"|\bhow\s+(?:do|can|should)\s+(?:i|we)\s+(?:contact|reach|get\s+hold\s+of|get\s+in\s+touch)"
    # "the local growth guy at the confed, whats his name and email?"
    r"|\bwhat(?:['’]?s|\s+is|\s+are)\s+(?:his|her|their)\s+(?:name|e-?mail|contact|number)\b"
    r"|\bwho\b[^?]*\b(?:do|can|should|could|would)\s+(?:i|we)\s+ask\b"
    # "the confed growth person - who was it again?"
    r"|\b(?:person|guy|contact)\s*[-–—,:]\s*who(?:['’]?s|\s+(?:is|was))\s+(?:it|they|that)\b"
    # "who at the confed helps trusts with LIS stuff?": a person at a body
    r"|\bwho\s+at\s+(?:the\s+)?[\w&'’-]+"
    # "exeter trust here - who's our LEP?", "which LEP covers us?": the area's body
    r"|\bwho(?:['’]?s|\s+is|\s+are)\s+(?:our|my)\s+(?:local\s+)?(?:lep|mca|combined\s+authority)"
    r"(?=\s*(?:[?,.;:!]|and\b|[-–—]|$))"  # not "who is our LEP chair?"
    r"|\bwhich\s+(?:lep|mca|combined\s+authority)\s+(?:covers|is\s+(?:ours|for)|are\s+we|do\s+we)\b"
    # "confed contact for local growth?", "whats the confed contact for LEP stuff?", "we're
    # a trust in bolton - GM contacts for the LIS pls", "any contacts for the dorset LIS?"
    r"|(?:(?:^|\s[-–—:;+]\s)\s*(?:the\s+|our\s+|my\s+|any\s+)?"
    r"|\bwhat(?:['’]?s|\s+is|\s+are)\s+(?:the|our|my)\s+)"
    r"(?:[\w&'’-]+\s+){0,2}?contacts?\s+"
    r"(?:for|re|about|at)\b"
    # "whos the confed's local growth person + their email?"
    r"|(?:\+|\band)\s+(?:his|her|their)\s+(?:e-?mail|contact\s+details|(?:phone\s+)?number)\b"
    # "whats the name + email of the confed person for local growth stuff?"
    r"|\b(?:name|e-?mail|number|contact\s+details)\s+(?:(?:\+|and|&|n)\s+(?:e-?mail|name|number)\s+)?"
    r"(?:of|for)\s+(?:the\s+|our\s+)?(?:[\w&'’-]+\s+){0,3}?(?:person|guy|contact|lead|advis[eo]r)\b"
    # "does the confed have a local growth person i can email?"
    r"|\b(?:person|guy|someone|somebody|anyone|anybody|contact|lead)\s+(?:(?:that|who)\s+)?"
    r"(?:i|we)\s+(?:can|could|should)\s+(?:e-?mail|contact|talk\s+to|speak\s+to|ring|call|"
    r"phone|approach)\b",
    re.IGNORECASE,
)
_DEFINITION_QUESTION = re.compile(
    # "what's X say about Y": "what does"
    r"^\s*(what|who)(?:['’]?s(?![^?]*\b(?:say|think|reckon|recommend|suggest|mean|do)\b)"
    r"|\s+(?:(?:actually|really|exactly|even)\s+)?(is|are|was|were))\s+"
    # "who's in X", "what's happening with X": what is going on, not what X is
    r"(?!(?:(?:actually|really|exactly|even)\s+)?(?:in|on|at|for|with|behind|up|going|"
    r"happening|next|new)\b)"
    r"(the\s+|an?\s+)?(.+?)\??$",
    re.IGNORECASE,
)


# "What benefits can the NHS gain?", "what would we get out of it?": asks what it brings.
_GAIN_QUESTION = re.compile(
    r"\b(gain|gets?\s+out\s+of|benefits?|expect|receive)\b(?![^?]*\b(do|doing)\b)", re.IGNORECASE
)


def is_action_question(question: str) -> bool:
    """ "What should our ICS do ...", "how can we ...": asks for something to do, not
    what it brings ("what benefits can the NHS gain?"), nor where to read something
    ("where do i read it?")."""
    question = _WHERE_TO_FIND.sub(" ", question)
    clauses = re.split(r"(?<=[?.!])\s+", question)
    asks = _ACTION_QUESTION.search(question) or any(map(_SHOULD_THEY.search, clauses))
    return bool(asks) and not (_GAIN_QUESTION.search(question) or asks_what_it_gains(question))


# "who leads our LIS?", "who chairs the board?": who holds it, not whom to call.
_WHO_HOLDS = re.compile(
    r"\bwho(?:['’]?s|\s+is|\s+are)?\s+(?:(?:actually|now|currently)\s+)?"
    r"(?:leads?|leading|chairs?|chairing|runs?|running|in\s+charge)\b",
    re.IGNORECASE,
)


def asks_who_holds(question: str) -> bool:
    """ "who leads the GM LIS?", "who chairs the board?": asks who holds a role (a
    contact question of its own kind: the answer is that body, not also whom to call)."""
    return bool(_WHO_HOLDS.search(question))


def is_contact_question(question: str) -> bool:
    """ "Who should we talk to?", "who do we contact about ...", "contact details for ...",
    "who's the confed contact for ..."."""
    return bool(_CONTACT_QUESTION.search(question))


# "what does X (actually) mean", "what do X and Y stand for", "how is X defined",
# "(a simple) definition of X".
_MEANING_QUESTION = re.compile(
    r"^\s*what(?:\s+(?:does|do)|['’]?s)\s+(?:the\s+|an?\s+)?(.+?)\s+(?:mean(?!\s+(?:for|by)\b)|stand\s+for)\b"
    r"|^\s*how\s+(?:is|are)\s+(?:the\s+|an?\s+)?(.+?)\s+defined\b"
    # "how do the slides define productivity?"
    r"|^\s*how\s+(?:do|does|did)\s+(?:[\w'’-]+\s+){1,8}?define\s+(?:the\s+|an?\s+)?(.+?)(?=[,?.;]|$)"
    r"|\bwhat\s+(?:do|does|did)\s+(?:they|you|people|we|it|the\s+\w+)\s+(?:\w+ly\s+)?mean\s+by\s+"
    r"(?:the\s+|an?\s+)?(.+?)(?=[,?.;]|\s+(?:please|pls)\b|\s+(?:and|or)\s+(?:why|how|what|who)\b"
    r"|\s+in\s+(?:all\s+)?(?:these|those|the|this|that)\b|$)"
    r"|\bwhat\s+is\s+meant\s+by\s+(?:the\s+|an?\s+)?(.+?)(?=[,?.;]|\s+(?:please|pls)\b|$)"
    r"|\b(?:definition|meaning)\s+of\s+(?:the\s+|an?\s+)?(.+?)(?=[,?.;]|\s+(?:please|in|for)\b|$)",
    re.IGNORECASE,
)
# Words that stress a question without changing what it asks about, besides those `terms`
# already leaves out as framing ("actually", "really": `text.QUESTION_WORDS`).
_STRESS = re.compile(r"\b(?:exactly|even)\b", re.IGNORECASE)


# "what positions does Dean Fathers hold?": who someone is, asked through their offices.
_PERSON_ROLE = re.compile(
    r"\b(?i:what\s+(?:positions?|roles?|jobs?|job\s+titles?|titles?|posts?)\s+(?:does|did|do))"
    r"\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)\s+(?i:hold|have|has|play)\b"
)


# "jane doe - what are her two roles?": the person named before the dash.
_NAMED_THEN_ROLES = re.compile(
    r"^\W*([A-Za-z'’-]+(?:\s+[A-Za-z'’-]+){1,2})\s*[-–—:,]\s*what(?:['’]?s|\s+is|\s+are|\s+r)\s+"
    r"(?:his|her|their)\s+(?:\w+\s+)?(?:positions?|roles?|jobs?|job\s+titles?|titles?|posts?)\b",
    re.IGNORECASE,
)


def person_asked(question: str) -> str | None:
    """The person a question asks about through their roles ("what positions does Dean
    Fathers hold?", "jane doe - what are her two roles?" -> the name), or None: it asks
    who they are."""
    match = _PERSON_ROLE.search(question) or _NAMED_THEN_ROLES.search(question)
    return match.group(1) if match else None


def definition_subject(question: str) -> list[str] | None:
    """The terms of X in "What is X?", "Who are X?", "What does X mean ...?", "what do X
    and Y stand for?", "how is X defined?", "definition of X", or None for other
    questions; also "what does X mean?" after an aside that opens the question ("dumb q
    but what does X actually mean?")."""
    question = GREETING.sub("", question)  # "hey what does X mean?"
    opening = _OPENING_ASIDE.match(question)
    rest = question[opening.end() :] if opening else ""
    # "dumb q but what even is X?": after an aside that apologises, "what is X" too
    apologises = bool(opening) and opening.group(0).rstrip().lower().endswith("but")
    asks = _MEANING_QUESTION.search(rest) or (apologises and _DEFINITION_QUESTION.match(rest))
    return _defined(question) or (_defined(rest) if asks else None)


# "skills advisory panels - what are they?", "SAPs, what are those": the thing named first.
_NAMED_THEN_ASKED = re.compile(
    r"^\s*([a-z][\w'’&. -]{2,60}?)\s*(?:\s[-–—]|:|,)\s*(?:so\s+)?wh?at(?:['’]?s|\s+(?:is|are|r|was|"
    r"were))\s+(?:(?:actually|really|exactly|even)\s+)?(?:they|it|them|those|these|that|this)\b"
    r"(?=\s*(?:[?.!,;]|and\b|$))",  # not "what's this working well thing?"
    re.IGNORECASE,
)

# "productivity whats the actual definition", "anchor institution - what's the meaning?"
_NAMED_THEN_DEFINITION = re.compile(
    r"^\s*([a-z][\w'’&. -]{2,60}?)\s*(?:[-–—:,]\s*)?wh?at(?:['’]?s|\s+is)\s+(?:the\s+)?"
    r"(?:(?:actual|exact|official|real|proper)\s+)?(?:definition|meaning)\b(?!\s+of\b)",
    re.IGNORECASE,
)

# A word or two put in quotes: the term someone asks about.
_QUOTED = re.compile(r"(?:^|\s)['‘\"“]([A-Za-z][\w -]{1,40}?)['’\"”](?=\W|$)")

# "dumb q but ...", "sorry to ask - ...", "newbie here: ...": an aside before the question.
_OPENING_ASIDE = re.compile(r"^[^?.!]{1,40}?(?:\s+but|\s[-–—:]|,)\s+(?=what|how|who)", re.I)


def _defined(question: str) -> list[str] | None:
    if not terms(without_source(question)):
        return None  # "whats the confed view?" asks whose view, not what it is
    meaning = _MEANING_QUESTION.search(question.strip())
    if meaning:
        phrase = next(group for group in meaning.groups() if group)
        quoted = _QUOTED.search(question)
        if not terms(phrase) and quoted:  # "they keep saying 'anchor' - what do they mean by that?"
            phrase = quoted.group(1)
        # "how does the confed define productivity in the june briefing?": not the briefing
        phrase = without_source(phrase) if terms(without_source(phrase)) else phrase
        return terms(_STRESS.sub(" ", phrase)) or None
    match = _DEFINITION_QUESTION.match(question.strip())
    if not match:
        greeted = GREETING.sub("", question)
        named = _NAMED_THEN_ASKED.match(greeted) or _NAMED_THEN_DEFINITION.match(greeted)
        return terms(_STRESS.sub(" ", named.group(1))) or None if named else None
    phrase = re.split(
        r",|\?|\s+(?:and|or)\s+(?:why|how|what|who|when|where)\b|\s+(?:for|in)\s+(?:the\s+)?(?:nhs|us|our)\b",
        without_presentation(match.group(4)),
        maxsplit=1,
        flags=re.IGNORECASE,
    )[0]
    if _SAID_IN_IT.search(phrase):
        return None  # "whats the ageing stuff in there?": what it says of ageing
    phrase = _MEANT_TO_BE.sub(" ", phrase)  # "whats the NE lis meant to be": what it is
    phrase = _ROLE_OF.sub("", phrase)  # "what is the role of X": what X is there to do
    subject = terms(_STRESS.sub(" ", phrase))
    return subject or None


_MEANT_TO_BE = re.compile(
    r"\b(?:actually\s+|really\s+)?(?:meant|supposed|intended)\s+to\s+be\b.*$", re.IGNORECASE
)
_ROLE_OF = re.compile(
    r"^\s*(?:role|purpose|function|job|remit|point)s?\s+of\s+(?:the\s+)?", re.IGNORECASE
)
_SAID_IN_IT = re.compile(r"\s(?:in|on)\s+(?:there|it|that|them|this)\s*$", re.IGNORECASE)


_LIST_QUESTION = re.compile(
    r"\b(what|which)\s+(are|were)\b|\b(list|name)\s+(the|all)\b|\bwhat\s+(areas|sectors|"
    r"themes|priorities|challenges|elements|stages|steps|foundations|types|kinds|ways)\b|"
    r"\b(two|three|four|five|six|seven|eight|\d)\s+(?:[a-z'’-]+\s+){0,2}[a-z]+s\b|"
    r"\bwhat\s+the\s+(?:[a-z]+\s+){0,2}[a-z]{3,}s\s+(?:are|were|r)\b|"  # "what the benefits are"
    # "what does the sector deal commit to?", "what will it include?": what it is made of
    r"\bwhat\s+(?:does|do|did|will|would)\s+(?:[\w'’&-]+\s+){1,6}?(?:include|involve|cover|"
    r"consist\s+of|contain|comprise|commit\s+to)\b"
    r"|\blist(?:ed)?\s+(?:them\s+)?as\b",  # "what do they list as strengths?"
    re.IGNORECASE,
)
# "who's actually in the partnership?", "who else sits on the board?", "which
# organisations are members of the board?": its members
_MEMBERS_QUESTION = re.compile(
    r"\bwho(?:\s+else)?(?:(?:['’]?s|\s+is|\s+are|\s+r)\s+(?:actually\s+|really\s+)?"
    r"(?:in(?!\s+(?:charge|post|touch|the\s+lead)\b)|on|part\s+of|members?\s+of)"
    r"|\s+(?:actually\s+|really\s+)?(?:sits?|serves?)\s+on|\s+makes?\s+up)\s+"
    r"|\b(?:which|what)\s+(?:organisations|orgs|bodies|members|partners|people)\s+(?:are|sit)\s+"
    r"(?:on|in|part\s+of|members\s+of)\s+",
    re.IGNORECASE,
)
# Where the body's name ends: "... board apart from the chair?", "... group and who signs ..."
_BODY_ENDS = re.compile(
    r"\s*(?:[?,;.!(]|\s[-–—]\s|$)|\s+(?:apart\s+from|besides|other\s+than|except|then|now)\b"
    r"|\s+(?:and|or)\s+(?=(?:who|what|whats|is|are|does|do|did|has|have|was|were|will|how|"
    r"which|when|can)\b)",
    re.IGNORECASE,
)


def members_subject(question: str) -> str | None:
    """The body a question asks the members of ("who else sits on the greater lincs LEP
    health and enterprise board apart from the chair?" -> "greater lincs LEP health and
    enterprise board"), or None when it does not ask who is in or on something."""
    match = _MEMBERS_QUESTION.search(question)
    if not match:
        return None
    # "who else is in on it": "in on" is "in"
    rest = re.sub(
        r"^(?:on\s+)?(?:(?:the|that|this)\s+)?", "", question[match.end() :], flags=re.IGNORECASE
    )
    end = _BODY_ENDS.search(rest)
    body = rest[: end.start()] if end else rest
    if not terms(body) and _REFERS_BACK.search(body):
        # "whats birmingham health partners, who's in it?": the body the clause before names
        before = re.split(r"[?!.]\s|\s[-–—]\s", question[: match.start()])[-1]
        named = _WHAT_IS_NAMED.match(before)
        if not named:
            return body
        return re.sub(r"(?:\s+(?:and|n|&))?[\s,;:]*$", "", before[named.end() :], flags=re.I)
    return body if terms(body) else None


# "whats X, ...", "who are X and ...": how a clause asks what it names.
_WHAT_IS_NAMED = re.compile(
    r"^\W*(?:(?:what|who)(?:['’]?s|\s+is|\s+are|\s+r)|tell\s+me\s+about)\s+", re.IGNORECASE
)


_NUMBER_QUESTION = re.compile(
    r"\bhow\s+(many|much|big|large)\b|\bwhat\s+(percentage|proportion|share|amount|target)\b"
    # "how much is it worth", not "is it worth our trust bothering with it?"
    r"|\btargets?\b|\bworth\b(?!(?:\s+[\w'’]+){0,3}?\s+\w+ing\b|\s+(?:it|while)\b)|\bbudget\b|\bstats?\b|\bstatistics?\b|\b(?:scale|size)\s+of\b"
    r"|\bwhat(?:['’]?s|\s+(?:is|are|was|were))\s+the\s+(?:\w+\s+)?(?:figures?|numbers?)\b",
    re.IGNORECASE,
)


# "what period will it cover?", "how far out does it go?": the years a plan runs to.
_PERIOD_ASKED = (
    r"\bwhat\s+(?:time\s*)?(?:period|timescale|time\s*frame|timeframe)\b"
    r"|\bhow\s+far\s+(?:out|ahead)\b"
)
_DATE_QUESTION = re.compile(
    r"^\W*when\b|(?:\band|[,;?])\s+when\s+(?:did|was|were|is|are|will|do|does)\b|\b(?:deadline|closing\s+date)\s+(?:for|of|to|on)\b"
    r"|\b(?:expected|target|original|revised|new|agreed)\s+(?:date|deadline|timetable|timescale|"
    r"time\s*frame|timeframe)s?\b"  # "how has the expected date for agreeing them changed?"
    r"|(?:\band|\bn|[,;?+&])\s+when\s*(?:[?!.]|$)"  # "which areas published first, and when?"
    r"|\bby\s+when\b|\bwhat\s+(year|date)\b|\bwhich\s+year\b|\bby what year\b|" + _PERIOD_ASKED,
    re.IGNORECASE,
)


# "what benefits ...", "which broad areas ...": a plural noun right after the question word.
_PLURAL_AFTER_WHAT = re.compile(
    r"\b(?:what|which)\s+(?:(?:key|main|other|broad|common|general|major|specific)\s+)?"
    r"([a-z]{3,}s)\b",
    re.IGNORECASE,
)
_NOT_PLURAL = frozenset("does is was has this its thus plus bus gas status focus".split())
_NOT_ENDINGS = ("ss", "us", "is")


def asks_members(question: str) -> bool:
    """ "Who's in the partnership?": the bodies or people it is made of, a list (not the
    signature line of someone who works there)."""
    return members_subject(question) is not None


def wants_list(question: str) -> bool:
    """ "What are the four grand challenges?", "which sectors ...", "what benefits ...":
    the answer is a list."""
    if (
        _LIST_QUESTION.search(question)
        or _SAID_TO_BE.search(question)
        or _set_out(question)
        or asks_what_it_gains(question)
        or asks_members(question)
    ):
        return True
    plural = _PLURAL_AFTER_WHAT.search(question)
    return (
        bool(plural)
        and plural.group(1).lower() not in _NOT_PLURAL
        and not plural.group(1).lower().endswith(_NOT_ENDINGS)
    )


_COUNTED_ITEMS = re.compile(
    r"\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?:[a-z'’-]+\s+){0,3}?[a-z]+s\b",
    re.IGNORECASE,
)


def listed_count(question: str) -> int | None:
    """How many items a list question expects ("what are the 4 grand challenges?" -> 4)."""
    match = _COUNTED_ITEMS.search(question)
    if not match or not wants_list(question):
        return None
    return int(terms(match.group(1))[0])  # "four" and "4" are one term


_LISTED_NOUN = re.compile(
    r"\b(?:what|which)\s+(?:(?:are|were|r)\s+)?(?:the\s+)?(?:[\w'’-]+\s+){0,4}?([a-z]{3,}s)\b",
    re.IGNORECASE,
)
# "what do they list as strengths?": what they list.
_LISTED_AS = re.compile(
    r"\blist(?:ed)?\s+(?:them\s+)?as\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"([a-z]{3,}s)\b",
    re.IGNORECASE,
)
# "what does the evidence say are the region's strengths?": what it names as such.
_SAID_TO_BE = re.compile(
    r"\b(?:say|says|said|think|thinks|reckon|reckons|see|sees|consider|considers)\s+(?:"
    r"(?:are|were)\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,3}?([a-z]{3,}s)\b"
    # "what did the review say the challenges are?"
    r"|(?:the|its|their)\s+(?:[\w'’-]+\s+){0,3}?([a-z]{3,}s)\s+(?:are|were)\b)",
    re.IGNORECASE,
)
# "could you give me a line setting out the benefits of ...", "outline the main risks":
# asked to set out things, the answer is their list.
_SET_OUT = re.compile(
    r"\b(?:set(?:ting)?\s+out|outlin(?:e|ing)|summari[sz](?:e|ing)|list(?:ing)?|"
    r"(?:give|tell|show)\s+(?:me|us)(?:\s+[\w'’-]+){0,3}?)\s+the\s+(?:(?:main|key)\s+)?"
    r"([a-z]{3,}s)\b",
    re.IGNORECASE,
)


# "key challenges for NE health & life sci?", "main risks for us - ...": a list asked for
# by its clipped name.
_CLIPPED_LIST = re.compile(
    r"(?:^|[-–—:?]\s+)\W*(?:the\s+)?(?:key|main|top|biggest|major|core)\s+"
    r"(?:[a-z'’-]+\s+)?([a-z]{3,}s)\b(?!\s+(?:is|are|was|were|does|do|did)\b)",
    re.IGNORECASE,
)


# "ne health n life sci challenges from the lis review": a list asked for by a phrase that
# names it, with no word that asks anything else (English nouns that name lists)
_BARE_LIST = re.compile(
    r"\b(challenges|strengths|weaknesses|priorities|targets|benefits|recommendations|risks|"
    r"steps|stages|themes|aims|objectives|goals|actions|opportunities|barriers|findings|"
    r"attributes|sectors|members|partners|examples|commitments|proposals)\b",
    re.IGNORECASE,
)
_ASKS_SOMETHING = re.compile(
    r"\b(?:what\w*|which|who\w*|how\w*|when\w*|where\w*|why|is|are|was|were|do|does|did|"
    r"can|could|should|shld|would|will|has|have|any|anything)\b",
    re.IGNORECASE,
)


def _set_out(question: str) -> re.Match[str] | None:
    bare = None if _ASKS_SOMETHING.search(question) else _BARE_LIST.search(question)
    match = _SET_OUT.search(question) or _CLIPPED_LIST.search(question) or bare
    plural = match and match.group(1).lower()
    return (
        match
        if plural and plural not in _NOT_PLURAL and not plural.endswith(_NOT_ENDINGS)
        else None
    )


# "growth hubs - key facts?": a list asked for by naming it alone.
_LIST_NAMED_ALONE = re.compile(
    r"(?:^|[-–—:,]\s+)(?:[a-z'’-]+\s+){0,2}([a-z]{3,}s)\s*\?", re.IGNORECASE
)
# "what makes ...", "what means ...": verbs, not what a list lists.
_VERBS_AFTER_WHAT = frozenset("makes means matters happens counts needs helps works".split())


def listed_noun(question: str) -> str | None:
    """What a list question lists, as a term ("what are the key attributes of ...?" ->
    "attribut"), or None."""
    members = members_subject(question)
    if members is not None:  # "who's in birmingham health partners?": lists of its partners
        named = terms(members)
        return named[-1] if named else None
    match = (
        _LISTED_AS.search(question)
        or _SAID_TO_BE.search(question)
        or _LISTED_NOUN.search(question)
        or _set_out(question)
    )
    if match and _noun(match).lower() in _VERBS_AFTER_WHAT:
        match = _LIST_NAMED_ALONE.search(question)
    if not match or not wants_list(question) or _noun(match).lower() in _NOT_PLURAL:
        return None
    found = terms(_noun(match))
    return found[0] if found else None


def _noun(match: re.Match) -> str:
    """The noun a list pattern found (the first of its groups that matched)."""
    return next(group for group in match.groups() if group)


# "wasn't X even in the white paper?", "did it cover X or not?", "what was missing from ...".
_ABSENCE_QUESTION = re.compile(
    r"\b(?:was|is|were|are|did|does|do)(?:n['’]?t|\s+not)\b(?:\s+\w+){0,3}?\s+(?:in|cover\w*|mention\w*|"
    r"include\w*|feature\w*)\b|\bor\s+not\b|^\W*(?:did|does|do)\s+(?:the\s+)?(?:[\w'’-]+\s+){1,5}?"
    r"(?:address|cover|mention|tackle|consider)\w*\b|\b(?:missing|absent|left\s+out|leave\s+out|omit\w*)\b",
    re.IGNORECASE,
)


# How documents say something is left out: words to look for when asked whether it is.
ABSENCE_WORDS = "missing absence absent omitted lacking overlooked feature"
# How a question asks what is left out ("what was missing from it?").
ABSENCE_ASKED = "absent absence missing omitted lacking"

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
)


def other_words_for(term: str) -> tuple[str, ...]:
    """The terms of the words that mean what `term` (a stemmed term) means, or none."""
    for group in SAME_MEANING:
        formal, *everyday = terms(group)
        if term in everyday:
            return (formal, *(other for other in everyday if other != term))
    return ()


# "what could an ICS gain from influencing it?", "what's in it for a trust?": its benefits.
_WHAT_IT_GAINS = re.compile(
    r"\bwhat\s+(?:[\w'’-]+\s+){0,10}?(?:could|can|would|might|will|do|does|did|should)\s+"
    r"((?:[\w'’-]+\s+){0,5}?)(?:gain|get|benefit)s?\s+(?:from|out\s+of|by)\b"
    r"|\bwhat(?:['’]?s|\s+is)\s+(?:actually\s+|really\s+)?in\s+it\s+for\s+((?:[\w'’-]+\s+){0,4}?[\w'’-]+)"
    # "... in it for us getting involved in the LIS": who gains, not what they do
    r"(?=\s+(?:to|in|if|from|\w+ing)\b|\W*$|\?)"
    # "whats the point of us bothering with it?", "what's the benefit for a trust?"
    r"|\bwhat(?:['’]?s|\s+is)\s+(?:actually\s+|really\s+|even\s+)?the\s+(?:point|benefit|upside)"
    r"\s+(?:of|for|in)\b"
    # "what could influencing it help us do?", "what can it help an ICS achieve?"
    r"|\bwhat\s+(?:[\w'’-]+\s+){0,10}?(?:could|can|would|might|will)\s+(?:[\w'’-]+\s+){0,6}?"
    r"(?:help\s+((?:[\w'’-]+\s+){0,3}?)(?:to\s+)?(?:do|achieve)|do\s+for\s+(?:us|you|me|them))\b"
    # "how does influencing the LIS actually help a trust?": what it brings them
    r"|\bhow\s+(?:does|do|can|could|would|will|might)\s+(?!(?:we|i|you)\b)(?:[\w'’-]+\s+){1,6}?"
    r"(?:actually\s+|really\s+)?"
    r"(?:help|benefit)\s+((?:us|me|them|(?:an?|the|our|my)\s+[\w'’-]+|nhs\s+[\w'’-]+|trusts|icss?))\b"
    # "what could influencing our LIS actually get us?", "what does it give the NHS?"
    r"|\bwhat\s+(?:[\w'’-]+\s+){0,10}?(?:could|can|would|might|will|does|do)\s+"
    r"(?:[\w'’-]+\s+){0,6}?(?:get|gain|give|bring|offer)\s+(?:us|you|me|them|(?:the\s+)?nhs|"
    r"(?:our|my|an?|the)\s+[\w'’-]+)(?=\W*$|\s*[?.!,;])"
    # "what does the confed reckon our trust actually gets out of it?"
    r"|\bwhat\s+(?:[\w'’-]+\s+){0,10}?((?:[\w'’-]+\s+){0,3}?)(?:gains|gets)\s+(?:from|out\s+of)\b"
    # "influencing our LIS could help us with what exactly?", "... could help us - with what?"
    r"|\b(?:could|can|would|might|will)\s+(?:actually\s+|really\s+)?help\s+(?:us|me|them|you|"
    r"(?:an?|the|our|my)\s+[\w'’-]+)\s*(?:[-–—,:]\s*|\.\.\.\s*)?with(?:\s+what\b|\s*\?|\s*$)"
    # "what r the 6 benefits of influencing ur LIS?": what doing it brings
    # "whats the actual benefit for the nhs in getting involved?"
    r"|\b(?:benefits?|advantages?|upsides?)\s+(?:(?:for|to)\s+(?:the\s+|us\s+|an?\s+)?(?:[\w'’-]+\s+)?)?"
    r"(?:of|from|in)\s+(?:[\w'’-]+\s+){0,2}?[a-z]+ing\b",
    re.IGNORECASE,
)


def asks_what_it_gains(question: str) -> bool:
    """ "What could an ICS gain from influencing its strategy?": the answer is the benefits
    the documents list, whatever they call them."""
    return bool(_WHAT_IT_GAINS.search(question))


def gainer_terms(question: str) -> list[str]:
    """Who would gain, in a question about what it gains ("an integrated care system" in
    "what could an integrated care system gain from ...?"): the passages that list the
    benefits seldom name them ("benefits for the NHS")."""
    match = _WHAT_IT_GAINS.search(question)
    return terms(next(filter(None, match.groups()), "")) if match else []


def asks_if_absent(question: str) -> bool:
    """ "Wasn't inclusive growth even in the white paper?", "did it cover X or not?",
    "what was missing from the strategy?": the answer may be what the text leaves out."""
    return bool(_ABSENCE_QUESTION.search(question))


def wants_number(question: str) -> bool:
    """ "How many ...", "how much ...", "what is the target": the answer holds a number."""
    return bool(_NUMBER_QUESTION.search(question))


# "how far out does the plan go?", "does it go beyond 2024?", "what period will it cover?":
# how long a plan runs, which documents say as "a plan extending to 2030".
_HOW_FAR_IT_RUNS = re.compile(
    _PERIOD_ASKED + r"|\bhow\s+far\s+forward\b|\b(?:go|goes|run|runs|last|extend|extends)\s+"
    r"(?:beyond|past|until|to|up\s+to)\s+(?:19|20)\d\d\b"
    r"|\bhow\s+long\s+(?:does|will|is)\s+(?:[\w'’-]+\s+){0,4}?(?:run|last|cover)",
    re.IGNORECASE,
)


def asks_how_far_it_runs(question: str) -> bool:
    """ "How far out does the plan go?": the answer is the year it extends to."""
    return bool(_HOW_FAR_IT_RUNS.search(question))


# "what is the region good at?", "what does it do particularly well?": its strengths.
_DOES_WELL = re.compile(
    r"\b(?:good|great|best|strong)\s+at\b|\b(?:does|do|did|doing)\s+(?:\w+\s+)?well\b"
    r"|\bexcels?\b",
    re.IGNORECASE,
)


def asks_what_it_does_well(question: str) -> bool:
    """ "What is the North East good at?": the answer is the strengths the documents list."""
    return bool(_DOES_WELL.search(question))


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
    AnsweredAs(asks_how_far_it_runs, "far go goes run runs last lasts", "extending until period"),
    AnsweredAs(asks_what_it_does_well, "good great best strong well excel", "strengths"),
)


def answer_words(question: str) -> str:
    """The words a passage answering the question would use for what it asks (see
    `AnsweredAs`), to look for alongside the question's own."""
    return " ".join(kind.answered_as for kind in ANSWERED_AS if kind.asks(question))


def wants_date(question: str) -> bool:
    """ "When ...", "by what year ...": the answer holds a date."""
    return bool(_DATE_QUESTION.search(question))


# "how much ...", "what's the total the projects were worth?", "what proportion of the
# Fund ...?": with a money word, an amount of money.
_HOW_MUCH = re.compile(
    r"\bhow\s+(?:much|big|large)\b"
    r"|\bhow\s+many\s+(?:£\s*(?:m|bn|k)?|(?:pounds|m|bn|millions?|billions?)\b)"  # "how many £m"
    r"|\bwhat(?:['’]?s|\s+is|\s+was|\s+are|\s+were)?\s+(?:the\s+)?"
    r"(?:exact\s+|overall\s+|combined\s+)?(?:total|proportion|share|percentage)\b",
    re.IGNORECASE,
)
_MONEY_WORD = re.compile(
    r"\b(money|cash|funds?|funding|funded|invest\w*|allocat\w*|budgets?|worth|costs?|"
    r"spend\w*|spent|grants?|pounds|pot|put(?:ting)?\s+(?:in|into)|contribut\w*)\b|£"
    # "how much did the NE get from it?": what a place or body got is money
    r"|(?<=\s)(?:get|got|receive[ds]?|won|secured?)\b(?=\s+(?:from|through|thru|out\s+of|in)\b)",
    re.IGNORECASE,
)


# "what level of funding has been committed to ...": an amount of money.
_LEVEL_OF_MONEY = re.compile(
    r"\b(?:level|amount|sum|scale)\s+of\s+(?:funding|money|investment|spending)\b",
    re.IGNORECASE,
)
# "what is the (annual) budget of ...": the amount of money something has.
_AMOUNT_NOUN = re.compile(
    r"\bwhat(?:'s|s|\s+is|\s+was|\s+are|\s+were)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:[a-z]+\s+)?(?:budget|cost|price|value)\s+(?:of|for)\b"
    # "what cumbria's allocation from the fund is": a share of money
    r"|\b(?:allocation|share|slice|cut)\s+(?=(?:of|from)\b)",
    re.IGNORECASE,
)
# "what budget has the Council allocated to ...": the money noun heads the question.
_MONEY_ASKED = re.compile(
    r"\b(?:what|which)\s+(?:[a-z]+\s+)?(?:budget|sum|amount\s+of\s+money|allocation)\s+"
    r"(?:has|have|had|did|does|do|will|would|is|was|are|were)\b",
    re.IGNORECASE,
)


# What an amount is given to: "... has X allocated to Y", "... did they give to trusts".
_GIVEN_TO = re.compile(
    r"\b(?:allocat\w*|give[ns]?|gave|award(?:ed|s)?|committ?(?:ed|s)?|provided?|grant(?:ed|s)?|"
    r"earmark(?:ed|s)?|set\s+aside)\s+(?:to|for|towards)\s+",
    re.IGNORECASE,
)
# "... as a % of turnover?", "what percentage of staff ...": a share of anything.
_SHARE_OF = re.compile(
    r"\b(?:as\s+an?|what)\s+(?:%|percent(?:age)?|per\s*cent|proportion|share)\s+of\b",
    re.IGNORECASE,
)


def share_base(question: str) -> str | None:
    """What a share is asked of ("... as a % of turnover?" -> "turnover?"), or None."""
    match = _SHARE_OF.search(question)
    return question[match.end() :] if match else None


# Where a question that asks two things starts its second: "... how much is it and
# what's it for?", "... employ, and how much does it spend?".
_NEXT_ASK = re.compile(
    r"[?;]|,?\s+and\s+(?=(?:roughly\s+)?(?:how|what|what's|whats|who|whos|who's|when|whens|"
    r"where|which|why|is|are|does|do|can|could|should|would|will|did)\b)",
    re.IGNORECASE,
)


# "who is", "what are", "whats": how a clause asks, before what it names
_ASKING = re.compile(r"^\W*(?:who|what)(?:['’]?s\b|\s+(?:is|are|was|were|r)\b)", re.IGNORECASE)
_PERSON_BACK = re.compile(r"\b(?:he|she|his|her|him)\b", re.IGNORECASE)


def asked_parts(question: str) -> list[str]:
    """The things a question asks, one per clause ("what is the Transforming Cities Fund,
    and who gets the money?" -> two); a clause that refers back ("... and why does it
    matter?") keeps the clause before it, which says what "it" is. One part when the
    question asks one thing."""
    return [f"{referent} {clause}".lstrip() for clause, referent in parts_referring_back(question)]


def parts_referring_back(question: str) -> list[tuple[str, str]]:
    """`asked_parts` as (the clause, what it refers back to): "and did they say anything
    about rural health" asks about rural health, of what the clause before names."""
    starts = [0] + [m.end() for m in _NEXT_ASK.finditer(question)]
    clauses = [question[a:b] for a, b in zip(starts, starts[1:] + [len(question)], strict=True)]
    parts: list[tuple[str, str]] = []
    for clause in clauses:
        referent = ""
        if parts and (_REFERS_BACK.search(clause) or _PERSON_BACK.search(clause)):
            # what the earlier part names, not what it asks of it: "who is jane doe and
            # what does she say ..." asks what she says, not again who she is
            earlier, earlier_referent = parts[-1]
            referent = f"{earlier_referent} {_ASKING.sub('', earlier)}".lstrip()
        if terms(f"{referent} {clause}") and asks(f"{referent} {clause}"):
            parts.append((clause, referent))
    return parts


_THEN_ASKS = re.compile(r",\s+(?=(?:how|what|what's|whats|who|who's|whos|when|where|which|why)\b)")


def _asking_clause(question: str, at: int) -> str:
    """The question up to the end of the clause that holds position `at`: what comes
    before says what "it" is ("strength in places fund - how much is it and what's it
    for?"), what comes after asks something else. Words that name the document the
    answer should come from ("according to the NHS Confederation") name no subject."""
    ends = [m.start() for m in _NEXT_ASK.finditer(question, at)]
    ends += [m.start() for m in _THEN_ASKS.finditer(question, at)]  # "..., what were they?"
    end = min(ends, default=len(question))
    start = max((m.end() for m in re.finditer(r"[?!]\s", question[:at])), default=0)
    return without_source(question[start:end])


def amount_subject(question: str) -> str | None:
    """What an amount of money is asked for ("how much is the GovTech fund worth?" ->
    "is the GovTech", "what is the budget of the Council?" -> "the Council"), or None
    when the question asks for no amount of money."""
    how_much = _HOW_MUCH.search(question)
    share = _SHARE_OF.search(question)
    if how_much and _MONEY_WORD.search(question) or share:
        how_much = how_much or share
        clause = _asking_clause(question, how_much.start())
        given_to = _GIVEN_TO.search(clause)
        if given_to and terms(clause[given_to.end() :]):
            # "how much has the Challenge Fund allocated to the Healthy Ageing programme?":
            # the programme's share, which the fund's own total does not give
            clause = clause[given_to.end() :]
        subject = _MONEY_WORD.sub(" ", _HOW_MUCH.sub(" ", clause))
        if not terms(_COUNT_ADJECTIVES.sub(" ", subject)):
            # "is the clean air fund something we could bid for? and how big is it", "...
            # the ISCF? how much extra is going in": what the sentence before names
            return _MONEY_WORD.sub(" ", _sentence_before(question, how_much.start())) + subject
        return subject
    noun = (
        _AMOUNT_NOUN.search(question)
        or _LEVEL_OF_MONEY.search(question)
        or _MONEY_ASKED.search(question)
    )
    return question[noun.end() :] if noun else None


_HOW_MANY = re.compile(
    r"\bhow\s+many\s+(?:(?:extra|more|new|additional|different|separate)\s+)*([\w'’-]+)"
    r"(?:\s+(?:do|does|did|will|would|can|could)\s+([^,;:?+]*?)(?=\s+and\b|\s*[,;:?+]|$))?",
    re.IGNORECASE,
)


def count_subject(question: str) -> str | None:
    """The "how many" clause of a question ("... - how many practices are in the network?"
    -> "how many practices are in the network"), with what comes before it in its sentence
    when the clause refers back to it ("they", "it"); or None."""
    match = _HOW_MANY.search(question)
    if not match:
        return None
    clause = re.split(r"[?;]|\s[-–—]\s", question[match.start() :], maxsplit=1)[0]
    clause = _COUNT_ADJECTIVES.sub("", clause)  # "how many extra jobs": the documents' "jobs"
    if _REFERS_BACK.search(clause):  # "the jobs target - how many are they aiming for?"
        return _said_before(question, match.start()) + clause
    return clause


def _said_before(question: str, at: int) -> str:
    """What the sentence holding position `at` says before it: what "it" or "the
    director" in the rest refers to ("the jobs target - how many are they?")."""
    start = max((m.end() for m in re.finditer(r"[?!.]\s", question[:at])), default=0)
    return question[start:at]


def _sentence_before(question: str, at: int) -> str:
    """The question sentence before the one holding position `at`."""
    ends = [m.end() for m in re.finditer(r"[?!.]\s", question[:at])]
    return question[ends[-2] if len(ends) > 1 else 0 : ends[-1]] if ends else ""


_COUNT_ADJECTIVES = re.compile(r"\b(?:extra|more|new|additional)\b\s*", re.IGNORECASE)
_REFERS_BACK = re.compile(r"\b(?:they|it|them|their|its|this|that|these|those)\b", re.IGNORECASE)


def counted(question: str) -> list[str] | None:
    """The words for what a "how many" question counts: the noun ("how many LEPs ..."),
    and the verb that ends its clause ("how many staff does the NHS employ" counts
    whoever is employed, "1.4 million people"); None for other questions."""
    match = _HOW_MANY.search(question)
    if not match or match.group(1).lower() in {"and", "of", "are", "is", "by"}:
        return None
    if match.group(1).lower() in _AUXILIARIES:
        # "by how many should the plan increase the number of jobs?": the number's noun
        number_of = _NUMBER_OF.search(question, match.end())
        return [number_of.group(1)] if number_of else None
    words = [match.group(1)]
    # "how many T level routes are there?": the noun that ends the name counts too
    compound = _COMPOUND_REST.match(question, match.end(1))
    head = compound.group(0).split()[-1] if compound else ""
    if re.fullmatch(r"[a-z][\w'’-]{2,}s", head, re.IGNORECASE):  # a plural, not a verb
        words.append(head)
    if match.group(2):  # the verb, not an adverb after it ("... employ nationally")
        said = [word for word in match.group(2).split() if not word.lower().endswith("ly")]
        words.extend(said[-1:])
    return words


_AUXILIARIES = frozenset("should will would could can does did do has have must might".split())
# The rest of a counted noun's name, up to the verb or preposition after it ("level routes"
# in "how many T level routes are there").
_COMPOUND_REST = re.compile(
    r"(?:\s+(?!(?:are|is|were|was|r|do|does|did|will|would|can|could|have|has|had|in|on|at|of|"
    r"for|from|to|with|by|there|the|a|an|and|or|that|which|who|we|they|it|you|i)\b)"
    r"[a-z][\w'’-]*){1,3}(?=\s|[?,.;:!]|$)",
    re.IGNORECASE,
)
_NUMBER_OF = re.compile(r"\bnumber\s+of\s+([\w'’-]+)", re.IGNORECASE)


# "... by 2019?", "in 2030", "as of 2020": the year a figure is asked for; not a year that
# names a thing ("the 2019 draft") or starts a span ("in 2019-20")
_FOR_A_YEAR = re.compile(
    r"\b(?:in|by|for|during|as\s+of|until|till)\s+((?:19|20)\d\d)\b(?!\s*[-–/]\s*\d)",
    re.IGNORECASE,
)
# What a figure is called: "what was the North East's GVA per hour worked in 2019?"
_MEASURE = re.compile(
    r"\b(?:rate|level|number|total|figure|target|gap|output|productivity|gva|gdp|growth|"
    r"value|size|employment|headcount)\b",
    re.IGNORECASE,
)


def figure_year(question: str) -> tuple[str, str] | None:
    """The year a figure is asked for, and the clause that asks for it without the year
    ("how many jobs had the North East created by 2019?" -> ("2019", "how many jobs had
    the North East created  ?")), or None when no figure is asked for a year."""
    match = _FOR_A_YEAR.search(question)
    if not match:
        return None
    clause = _asking_clause(question, match.start())
    if not (amount_subject(clause) or counted(clause) or _MEASURE.search(clause)):
        return None
    return match.group(1), clause.replace(match.group(0), " ")


_PRESENTATION = re.compile(
    r"\b(?:in\s+(?:plain|simple|everyday|lay(?:man'?s|person'?s)?|non[- ]technical)\s+"
    r"(?:english|terms|language|words)|in\s+(?:lis|strategy|policy|nhs)\s+(?:terms|speak)|in\s+a\s+nutshell|in\s+(?:one|a|two|a\s+few)\s+"
    r"(?:lines?|sentences?|paragraphs?|words)|for\s+(?:(?:my|our|the|a)\s+)?(?:board|boss|ceo|"
    r"chair|chief\s+exec\w*|exec(?:utive)?\s+team|execs?|team|colleagues|directors?|"
    r"governors?|slides?|deck|presentation|ppt|powerpoint)"
    r"(?:\s+(?:paper|meeting|report|briefing|update))?|"
    # "doing a board paper for CDDFT": the paper, and the organisation it is for
    r"(?:board|briefing|cabinet)\s+paper(?:\s+for\s+(?-i:[A-Z][A-Za-z&]{0,6}[A-Z]s?\b))?|"
    # what the asker is making, whatever it is about ("for our LEP pitch")
    r"for\s+(?:my|our)\s+(?:[\w'’&-]+\s+){0,3}?(?:pitch|slides?|deck|presentation|paper|"
    r"report|briefing|business\s+case|talk|newsletter|blog)|"
    r"(?:one|a|two|three|\d)[\s-]+(?:lines?|sentences?)\s+(?=for|on|about|setting|explaining|"
    r"summar|saying|that)|(?:explain\w*\s+(?:it\s+)?)?like\s+i\W?m\s+(?:5|five)|"
    r"tl;?dr|eli5|(?:in\s+|as\s+)?(?:a\s+)?(?:quick\s+|short\s+)?"
    # "3-4 bullets", "two or three bullet points": how many, which asks for no number
    r"(?:(?:\d+|two|three|four|five|six|a\s+few|few|some)(?:\s*[-–/]\s*\d+|\s+or\s+\w+)?\s+)?"
    r"(?:bullet(?:ed)?[\s-]+"
    r"(?:list|points?)|bullets|one[\s-]+liner)(?!\s+of\b)"
    # "board wants a steer by next week": who wants the answer, and by when
    r"|(?:(?:my|our|the)\s+)?(?:board|boss|ceo|chair|execs?|exec(?:utive)?\s+team|director)\s+"
    r"(?:wants?|needs?|asked\s+for|is\s+asking\s+for)\s+(?:a|an|the|some)\s+(?:steer|update|"
    r"view|answer|summary|briefing|position|line|note)"
    r"|(?:by|before)\s+(?:next\s+(?:week|month|mon\w*|tue\w*|wed\w*|thu\w*|fri\w*)|(?:mon|tues?|"
    r"wed(?:nes)?|thu(?:rs)?|fri)(?:day)?|tomorrow|the\s+(?:meeting|board\s+meeting)))\b",
    re.IGNORECASE,
)


# "trying to get our estates director interested in the ... fund - how big is ...": whom
# the asker wants to win over is the scene; what they want them interested in is the topic.
_WINNING_OVER = re.compile(
    r"\b(?:(?:i\s*(?:'|’)?m|we\s*(?:'|’)?re|i\s+am|we\s+are|i|we)\s+)?(?:trying|want(?:ing)?|"
    r"need(?:ing)?|hoping|looking)\s+to\s+(?:get|persuade|convince|encourage)\s+(?:our|my|"
    r"the)\s+(?:[\w'’&-]+\s+){0,3}?(?:interested\s+in|to\s+(?:care|think)\s+about|"
    r"on\s+board\s+with|excited\s+about|engaged\s+(?:in|with)|to\s+engage\s+with|"
    r"up\s+to\s+speed\s+(?:on|with))\b",
    re.IGNORECASE,
)


# "in the knowledge base", "across your docs": the whole collection, which names no
# document and no topic ("the NE docs" names one, and stays).
_THE_COLLECTION = re.compile(
    r"\b(?:in|from|across|within|according\s+to)\s+(?:the|your|these|this|our)\s+"
    r"(?:(?:knowledge\s*base|kb)(?:\s+(?:documents?|docs?|sources?))?|documents|docs|sources)"
    r"(?!\s+(?:on|about|from|by|of)\b)\b",
    re.IGNORECASE,
)


# "is X a real project or did my CEO make it up?": whether someone invented it is no topic
_MADE_UP = re.compile(
    r"\b(?:or\s+)?(?:did|has|have|is|was|are)\s+(?:my|our|the|someone|somebody|they|he|she|i|we)"
    r"(?:\s+[\w'’-]+){0,2}?\s+(?:make|made|making|dream|dreamt|dreamed|dreaming)\s+(?:it|this|that)"
    r"(?:\s+up)?\b",
    re.IGNORECASE,
)


# "two qs:", "a couple of questions -": how many things the message asks, which names none
# of them (and "two" is not a number the answer must hold).
_HOW_MANY_ASKED = re.compile(
    r"\b(?:two|three|2|3|a\s+couple\s+of|couple\s+of|a\s+few|few)\s+(?:quick\s+)?"
    r"(?:questions|qs|qns|things)\b(?=\s*[:\-–—,.]|\s+(?:for|here|pls|please)\b)",
    re.IGNORECASE,
)


def without_presentation(question: str) -> str:
    """The question without how to present the answer ("in plain English", "for my
    board paper", "in a nutshell"), whom the asker wants to win over ("trying to get
    my board interested in ..."), how many things it asks ("two qs:") or the collection
    as a whole ("in the knowledge base"): those words name no topic, and matched as one
    ("board") they pull in passages about something else."""
    said = _HOW_MANY_ASKED.sub(" ", question)
    said = _THE_COLLECTION.sub(" ", _MADE_UP.sub(" ", said))
    said = _WINNING_OVER.sub(" ", _PRESENTATION.sub(" ", said))
    return " ".join(said.split()) or question


_NOW = re.compile(
    r"\b(now|nowadays|latest|current|currently|still|today|this year|up to date|"
    r"most recent|so far|any news)\b",
    re.IGNORECASE,
)


def asks_about_now(question: str) -> bool:
    """ "What's the latest on ...", "who leads it now": the answer must say how old it is."""
    return bool(_NOW.search(question))


_ROLE = re.compile(
    r"^\W*who(?:'s|s|\s+is|\s+was|\s+are|\s+will\s+be|\s+has\s+been)?"
    r"(?:\s+(?:actually|currently|now|really|exactly))?\s+(?:the\s+|a\s+)?"
    r"(?:(?:current|new)\s+)?(chairs?|chaired|chairman|chairwoman|chairperson|heads?|headed|"
    r"directors?|chief\s+executive|ceo|appointed|took\s+over|replaced|succeeded)\b"
    r"(?:\s+(?:of|as|for|at|to|from))?(?:\s+the)?"
    r"\s+([^?,;+]+?)(?=\s+(?:and|n|&|plus)?\s*(?:what|how|when|who|where|why|which)\b|\s*[?,;+]|$)",
    re.IGNORECASE,
)

# "who's the Dorset LEP director?", "who is the business champion for ageing?"
# "who's the NE LEP chair?", "what's the name of the WM mayor who launched their LIS?"
_ROLE_AFTER = re.compile(
    r"\b(?:who(?:'s|s|\s+is|\s+was)|name\s+of)\s+(?:the\s+)?([^?,;+]+?)\s+(chair|chairman|"
    r"chairwoman|chairperson|head|director|chief\s+executive|ceo|champion|mayor)\b"
    r"(?:\s+(?:of|for|at|leading|running|who\s+[a-z]+)\s+(?:the\s+|their\s+|its\s+)?([^?,;+]+?))?"
    r"(?=\s+(?:and|n|&|plus)\b|\s*[?,;+]|$)",
    re.IGNORECASE,
)


def role_asked(question: str) -> tuple[str, str] | None:
    """The office and what it is of, in a question that asks who holds it ("who chairs
    the North East LEP Board?" -> ("chairs", "North East LEP Board")); None otherwise.
    Only offices people hold by name: "who leads the strategy?" is often answered by a
    body ("mayoral combined authorities"), so it is not one of them."""
    match = _ROLE.match(question.strip())
    if match:
        return match.group(1), match.group(2)
    match = _ROLE_AFTER.search(question)
    if not match:
        return None
    subject = " ".join(filter(None, [match.group(1), match.group(3)]))
    if not terms(subject):  # "dorset LEP - whos the director?": of what the sentence opened on
        subject = _said_before(question, match.start()).strip(" -–—:,")
    return match.group(2), subject


_WHEN = re.compile(
    r"^\W*(?:(?:on|by|in)\s+)?(?:when|what\s+(?:year|date|month|day)|which\s+(?:year|date))\b"
    r"(.*?)(?=\s+(?:and|n|&|plus)?\s*(?:what|how|who|where|why|which)\b|\s*,\s*(?:and|but|or)\b"
    r"|\s*[?;]|$)",
    re.IGNORECASE,
)


# "deadline for strength in places fund bids??", "what's the closing date for ...".
_DEADLINE = re.compile(
    r"^\W*(?:what(?:['’]?s|\s+is|\s+was)\s+(?:the\s+)?)?(?:deadline|closing\s+date)\s+"
    r"((?:for|of|to|on)\b.*?)(?=\s*[?;]|\s*,\s*(?:and|but|or)\b|$)",
    re.IGNORECASE,
)


# "what was the publication date of the final strategy?": the date of an event, by its noun.
_DATE_OF_EVENT = re.compile(
    r"^\W*(?:what(?:['’]?s|\s+is|\s+was)\s+(?:the\s+)?)?(?P<event>publication|launch|release|"
    r"start|opening)\s+date\s+(?:of|for)\s+(?P<of>.*?)(?=\s*[?;]|\s*,\s*(?:and|but|or)\b|$)",
    re.IGNORECASE,
)
_EVENT_VERB = {
    "publication": "published",
    "launch": "launched",
    "release": "released",
    "start": "started",
    "opening": "opened",
}


def date_subject(question: str) -> str | None:
    """What a "when" question asks the date of ("when did government publish the final
    strategy?" -> "did government publish the final strategy"; "deadline for fund bids?"
    -> "for fund bids"), or None for questions that do not lead with "when" or
    a deadline. Words that name the document the answer should come from ("according to
    the NHS Confederation's briefing") are not part of it."""
    subject = _date_asked_of(question)
    if subject is None:  # "im at lincoln county hospital - when did lincs publish ...?"
        subject = _date_asked_of(without_asker(question))
    return None if subject is None else without_attribution(subject)


def _date_asked_of(question: str) -> str | None:
    match = _WHEN.match(question.strip()) or _DEADLINE.match(question.strip())
    if match:
        return match.group(1)
    event = _DATE_OF_EVENT.match(question.strip())
    if event:  # "the publication date of X": when X was published
        return f"{event.group('of')} {_EVENT_VERB[event.group('event').lower()]}"
    before = _date_of_what_came_before(question)
    if before is not None:
        return before
    # "did the NE LIS ever get published? when was the final one published"
    said = question_sentences(question)
    for before, part in zip(said, said[1:], strict=False):
        match = _WHEN.match(re.sub(r"^\W*(?:and|also|so|plus|&|\+)\s+", "", part, flags=re.I))
        if match and match.group(1).strip():
            if _ONES_BACK.search(match.group(1)):
                # "whats the deadline for LIS to be agreed? when were the 1st ones due",
                # "what will the NE LIS propose? and what year does it run to": what the
                # sentence before names
                return f"{before} {match.group(1)}"
            return match.group(1)
    return None


_ONES_BACK = re.compile(r"\b(?:ones|it|they|them|those|these)\b", re.IGNORECASE)


# "... what date was that", "when was it?", "when?": a date asked of what the sentence
# before says.
_WHEN_WAS_THAT = re.compile(
    r"^\W*(?:and\s+|if\s+so,?\s+)?(?:when|what\s+(?:year|date|month|day)|which\s+(?:year|date))"
    r"(?:\s+(?:was|is|did|will)\s+(?:that|it|this)(?:\s+(?:happen|be))?)?"
    # "when, and what made the cut?": the date, then something else
    r"(?:\W*$|\s*[,;]\s*(?:and|&|\+|plus|also)\b)",
    re.IGNORECASE,
)


# "did it get signed off in the end, and when?": whether it happened, and the date it did.
_AND_WHEN = re.compile(
    r"^\W*((?:did|has|have|had|was|were)\s.+?)(?:\s*,\s*|\s+)(?:and|&|\+|n)\s+when\s*(?:[?.!]|$)",
    re.IGNORECASE,
)


def _date_of_what_came_before(question: str) -> str | None:
    """ "did the NE LIS ever get signed off by govt? what date was that" asks the date of
    the signing off."""
    parts = question_sentences(question)
    for part in parts:
        clause = _AND_WHEN.match(part)
        if clause:
            return clause.group(1)
    for before, part in zip(parts, parts[1:], strict=False):
        if _WHEN_WAS_THAT.match(part):
            return before.rstrip("?!. ")
    return None


# What happens on a date: a "when" question about one of these is answered by a sentence
# that names it ("published ... in May 2019"), not by any date near the subject. Words of
# one group name the same event ("signed off" / "agreed").
_EVENTS = [
    frozenset(terms(group))
    for group in (
        "publish release launch announce unveil",
        "agree approve sign endorse",
        "open start begin launch",
        "close end expire deadline",
        "meet meeting",
        "devolve transfer",
        "introduce establish create",
        "appoint",
        "submit",
        # "when's the next meeting?": not the first one's date
        "next upcoming",
    )
]


def event_words(subject: str) -> list[frozenset[str]]:
    """The events a "when" question asks the date of ("did government publish ..." ->
    the publishing group), each as the terms that name it; empty when it names none."""
    said = set(terms(_IN_THE_END.sub(" ", subject)))
    return [group for group in _EVENTS if group & said]


# "did it get signed off in the end": eventually, not an ending
_IN_THE_END = re.compile(r"\b(?:in\s+the\s+end|at\s+the\s+end\s+of\s+the\s+day)\b", re.I)


_WHERE_IT_STANDS = re.compile(
    # "is it still running?", "does it still exist", not "will the NHS still get a say"
    r"\byet\b|\b(?:is|are|isn['’]?t|aren['’]?t|does|do|doesn['’]?t|has|have|['’]s|['’]re)\s+"
    r"(?:[\w'’-]+\s+){0,4}?still\b|\bstill\s+(?:exists?|around|running|active|open|going|"
    r"in\s+place|relevant|valid|current|the\s+case|a\s+thing|on)\b|\bcurrent(?:ly)?\s+(?:status|position|state|stage|figures?|"
    r"levels?|rates?|numbers?|gva|productivity|employment|funding|plans?)\b|"
    r"\bwhat(?:'s|s|\s+is)\s+the\s+latest\b|\blatest\s+(?:on|news|version|position|"
    r"figures?|update|status)\b|\bup to date\b|\bany news\b|\bas things stand\b",
    re.IGNORECASE,
)


# "where do i find the oxfordshire LIS?", "where can we read it", "link to the consultation?"
_WHERE_TO_FIND = re.compile(
    r"\bwhere\s+(?:do|can|could|would|should|might)\s+(?:i|we|you|people|one)\s+"
    r"(?:actually\s+)?(?:find|get|read|see|download|access|look\s+at|get\s+hold\s+of)\b"
    r"|\bwhere\s+to\s+(?:find|read|get|download|see)\b|\b(?:link|url)\s+(?:to|for)\b",
    re.IGNORECASE,
)


# "NE LIS - anything on ageing?", "what does the GM LIS say about skills?": the topic asked
# about, after the thing it is asked of.
_TOPIC = re.compile(
    r"\b(?:(?:anything|something|much|stuff|info|information|owt|mention\w*)\s+(?:on|about|re|"
    r"regarding|around|for)|(?:say|says|said|mention|mentions)\s+(?:anything\s+)?(?:about|on|re))"
    r"\s+(?:the\s+|our\s+)?([\w'’&-]+(?:\s+(?:(?:and|n|&|\+)\s+)?[\w'’&-]+){0,3}?)"
    r"(?=\s*(?:[?,.;:!/]|\s[-–—]\s|\s+(?:and|or|n|&|\+)\s+(?:who|whos|what|whats|when|where|"
    r"how|which|is|are|does|do|did|can)\b|\s+(?:for|in|at|we|i|im|etc|also|pls|please)\b|$))",
    re.IGNORECASE,
)


def topic_asked(question: str) -> list[str]:
    """The terms of what a question asks about a thing ("anything on ageing?" ->
    ["age"]), or none."""
    return [term for match in _TOPIC.finditer(question) for term in terms(match.group(1))]


def asks_where_to_find(question: str) -> bool:
    """ "Where do i find the Oxfordshire LIS?": the text that says where ("Visit the OxLEP
    website", "Download the full report from ...") answers it."""
    return bool(_WHERE_TO_FIND.search(question))


def asks_where_it_stands(question: str) -> bool:
    """ "Has it been published yet?", "what's the current status of ...", "what's the
    latest on ...": asks where something stands today, which old sources cannot say."""
    return bool(_WHERE_IT_STANDS.search(question))


# "what replaced it after the government withdrew it in 2021?": a year something happened
_EVENT_YEAR = re.compile(r"\b(?:in|since|after|during)\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_PAST = re.compile(
    r"\b(?:did|was|were|has|have|had|withdrew|went|became|\w{3,}ed)\b", re.IGNORECASE
)


# "last year", "this year": a year counted from today
_RELATIVE_YEAR = re.compile(r"\b(last|this)\s+year\b", re.IGNORECASE)
# What a plan meant to do by a year, not what it did: "what did it aim for by 2024?"
_AIMING = (
    r"(?:aim|plan|want|hope|expect|intend|target|set|commit|promise|propos|pledg|need|say|said)"
    r"\w*\b"
)
# "how many jobs were actually created by 2024?": what had happened by a year
_DONE_BY_YEAR = re.compile(
    r"\b(?:was|were)\s+(?:[a-z]+\s+){1,2}by\s+((?:19|20)\d\d)\b"
    # "how many jobs did the NE actually create by 2024?", not "what did it aim for by 2024"
    r"|\b(?:did|has|have|had)\s+(?!(?:[\w'’-]+\s+){0,5}?" + _AIMING + r")"
    r"(?:[\w'’-]+\s+){1,5}?by\s+((?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def event_year(question: str) -> int | None:
    """The year a question says something happened in ("... after it was withdrawn in
    2021?", "how many jobs were created by 2024?"), or None: a plan's target year ("jobs
    by 2024") is no event."""
    match = _EVENT_YEAR.search(question)
    if match and _PAST.search(question):
        return int(match.group(1))
    relative = _RELATIVE_YEAR.search(question)
    if relative and _PAST.search(question):  # "how much did trusts receive last year?"
        return date.today().year - (relative.group(1).lower() == "last")
    done = _DONE_BY_YEAR.search(question)
    return int(done.group(1) or done.group(2)) if done else None


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


# "what did the Council conclude in its first report?", "what were the outcomes of the
# consultation on the Fund?": a result that something has already produced.
_OUTCOME = re.compile(
    r"\bwhat\s+(?:(?:progress|conclusions?|findings?|results?|outcomes?|recommendations?)\s+)?"
    r"(?:did|has|have)\s+(?P<doer>.+?)\s+(?:conclude|find|report|recommend|achieve|deliver|"
    r"decide|reach|award|allocate|announce|publish|propose)(?:ed|d|s)?\b"
    r"|\b(?:outcomes?|results?|findings?|conclusions?)\s+of\s+(?P<of>[^?,;]+)",
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
_WHICH_ONES = re.compile(r"\b(?:which|what)\s+(?:[\w'’-]+\s+){1,3}$", re.IGNORECASE)


def _happening(question: str) -> tuple[str, str] | None:
    """The event a question asks whether it happened, or takes as done, and what it
    happened to: ("come out", "the green paper"), ("publish", "lincs their final LIS"),
    ("published", "what was the final strategy's commitment"); or None."""
    match = _HAPPENED.search(question)
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
    happening = _happening(question)
    return happening[0] if happening and not _OUTCOME.search(question) else None


def outcome_subject(question: str) -> str | None:
    """What a question asks the result of ("what did the Industrial Strategy Council
    conclude ...?" -> "the Industrial Strategy Council"), or whether something planned
    happened ("did the green paper ever come out?" -> "the green paper"); None for other
    questions. "did the consultation ever happen and what did it decide?" asks of the
    consultation."""
    match = _OUTCOME.search(question)
    happening = _happening(question)
    if match and not (happening and _PRONOUN.fullmatch(match.group("doer") or "")):
        return match.group("doer") or match.group("of")
    if winners := _WINNERS.search(question):
        return winners.group("of")
    return happening[1] if happening else None
