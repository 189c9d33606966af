"""Questions that ask what something is ("what is X?", "what does X mean?", "definition of
X"), or who someone is through their roles: the answer is what defines it, not a passage
that merely mentions it."""

from __future__ import annotations

import re

from bot.engine.questions.figures import parts_referring_back
from bot.engine.questions.framing import without_presentation
from bot.engine.text import (
    GREETING,
    asker_spans,
    asker_terms,
    opening_end,
    terms,
    without_attribution,
    without_source,
)

_DEFINITION_QUESTION = re.compile(
    # "what's X say about Y": "what does"
    # (though "whats an 'anchor institution' and why does the confed reckon ..." asks that)
    r"^\s*(what|who)(?:['’]?s(?!(?:(?!\s(?:and|or|&|\+)\s+(?:why|how)\b)[^?])*"
    r"\b(?:say|think|reckon|recommend|suggest|mean|do)\b)"
    r"|\s+(?:(?:actually|really|exactly|even)\s+)?(is|are|was|were))\s+"
    # "who's in X", "what's happening with X": what is going on, not what X is
    r"(?!(?:(?:actually|really|exactly|even)\s+)?(?:in|on|at|for|with|behind|up|going|"
    r"happening|next|new)\b)"
    r"(the\s+|an?\s+)?(.+?)\??$",
    re.IGNORECASE,
)


# "what does X (actually) mean", "what do X and Y stand for", "how is X defined",
# "(a simple) definition of X", "a line defining X".
_MEANING_QUESTION = re.compile(
    r"^\s*what(?:\s+(?:does|do)|['’]?s)\s+(?:the\s+|an?\s+)?(.+?)\s+(?:mean(?!\s+(?:for|by)\b|\s+when\s+\w+\s+(?:call|describe|label))|stand\s+for)\b"
    r"|^\s*how\s+(?:is|are)\s+(?:the\s+|an?\s+)?(.+?)\s+defined\b"
    # "how do the slides define productivity?"
    r"|^\s*how\s+(?:do|does|did)\s+(?:[\w'’&-]+\s+){1,12}?define\s+(?:the\s+|an?\s+)?(.+?)(?=[,?.;]|$)"
    # "the NE slides and the confed briefing both define productivity, is it the same?"
    r"|\b(?:both|each|all)\s+define\s+(?:the\s+|an?\s+)?(.+?)(?=[,?.;]|\s[-–—]\s|$)"
    # "what do ppl mean when they call the NHS an 'anchor institution' in LIS land?"
    r"|\bwhat\s+(?:do|does|did)\s+(?:they|you|people|ppl|folk|we)\s+(?:\w+ly\s+)?mean\s+when\s+"
    r"(?:they|you|people|ppl|we)\s+(?:call|describe|label)\s+(?:[\w'’&-]+\s+){1,4}?(?:as\s+)?"
    r"(?:the\s+|an?\s+)?['‘\"“]?(.+?)['’\"”]?(?=[,?.;]|\s+(?:please|pls|in)\b|\s[-–—]\s|$)"
    r"|\bwhat\s+(?:do|does|did)\s+(?:they|you|people|ppl|folk|we|it|the\s+\w+)\s+(?:\w+ly\s+)?mean\s+by\s+"
    r"(?:the\s+|an?\s+)?(.+?)(?=[,?.;]|\s+(?:please|pls)\b|\s+(?:and|or|&|\+)\s+(?:why|how|what|who)\b"
    r"|\s+in\s+(?:all\s+)?(?:these|those|the|this|that)\b|$)"
    r"|\bwhat(?:['’]?s|\s+is)\s+meant\s+by\s+(?:the\s+|an?\s+)?(.+?)(?=[,?.;]|\s+(?:please|pls)\b|$)"
    r"|\b(?:definition|meaning)\s+of\s+(?:the\s+|an?\s+)?(.+?)(?=[,?.;]|\s+(?:please|in|for)\b|$"
    # "the definition of productivity the NE LEP uses": whose definition is no part of it
    r"|\s+(?:that\s+|which\s+)?(?:the|its|their|our|your)\s+(?:[\w'’&-]+\s+){0,3}?"
    r"(?:uses?|used|gives?|gave|adopts?|adopted|applies|applied)\b)"
    # "need a one liner defining productivity for a paper", "pls define anchor institution"
    r"|(?:\b(?:one[\s-]?liner|line|sentence|words?|something|need|want)\s+defining|^\W*(?:(?:pls|please|"
    r"can\s+you|could\s+you)\s+)?define)\s+(?:the\s+|an?\s+)?(.+?)"
    r"(?=[,?.;]|\s[-–—]\s|\s+(?:please|pls|for|in)\b|$)",
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


# "... the skills advisory panels? and what r they actually for?" (or "what do they
# actually do"): what the thing pointed back to is there to do.
_WHAT_FOR = re.compile(
    r"^\W*wh?at(?:['’]?s|\s+(?:is|are|r))\s+(?:it|they|these|those)\s+"
    r"(?:(?:actually|really|even)\s+)?for\s*(?:[?.!]|$)"
    # "... on the skills advisory panels? and what do they actually do"
    r"|^\W*wh?at\s+(?:do|does|will|would)\s+(?:it|they|these|those)\s+"
    r"(?:(?:actually|really|even)\s+)?do\s*(?:[?.!]|$)",
    re.IGNORECASE,
)
# the last thing a clause names with "the", "a", "its", "their" or "our": "... be on the
# skills advisory panels?" -> "skills advisory panels"
_LAST_NAMED = re.compile(r".*\b(?:the|an?|its|their|our)\s+([^?.!,;]+)", re.IGNORECASE)


# "What will Skills Advisory Panels do, and ...", "what are growth hubs expected to do?":
# what a thing (not the asker) is for.
_WHAT_IT_DOES = re.compile(
    # (opening the clause, or after what sets the scene: "our STP wants a seat on the
    # skills advisory panel - what do SAPs actually do")
    r"(?:^|\s[-–—:]\s|[?.!]\s)\W*wh?at\s+(?:(?:will|do|does|would)|(?:are|is|r)(?=.*?\s(?:expected|meant|supposed|"
    r"intended)\s+to\s+do\b))\s+(?!(?:we|i|you|they|us|our|my|your)\b)"
    r"(?P<thing>[^?.!,;]+?)\s+(?:(?:actually|really|even)\s+)?(?:(?:expected|meant|supposed|"
    r"intended)\s+to\s+)?do\s*(?:[?.!,;&+]|\band\b|$)",
    re.IGNORECASE,
)


# "What role will Growth Hubs play under the Industrial Strategy?", "what is the role of the
# skills advisory panels being established by ...?": what the thing does, asked as its role
# (not "what role should NHS organisations play", which asks for advice)
_ITS_ROLE = re.compile(
    r"\bwhat\s+(?:role|part)\s+(?:will|does|do|would|is|are)\s+(?!(?:we|i|you|us|our|my)\b)"
    # ("what role does the government expect Growth Hubs to play?": the hubs')
    r"(?:(?:the\s+)?[\w'’-]+\s+(?:expects?|wants?)\s+)?"
    r"(?P<thing>[^?.!,;]+?)\s+(?:expected\s+to\s+|going\s+to\s+|set\s+to\s+|to\s+)?play\b"
    r"|\bwhat(?:['’]?s|\s+is|\s+will\s+be)\s+the\s+(?:role|job|purpose)\s+of\s+"
    r"(?P<of>[^?.!,;]+?)(?=\s+(?:being|under|in|within|for|from|that|which|set\s+up)\b|\s*[?.!,;]|$)",
    re.IGNORECASE,
)


def role_subject(question: str) -> list[str] | None:
    """The terms of the thing whose role a question asks ("What role will Growth Hubs play
    ...?" -> growth hubs), or None: the sentences that answer name it first ("The
    government wants Growth Hubs to ..."), not the ones that share "play a role"."""
    role = _ITS_ROLE.search(question)
    return (terms(role.group("thing") or role.group("of")) or None) if role else None


def purpose_subject(clause: str, referent: str) -> list[str] | None:
    """The terms of what a clause asks the purpose of by pointing back ("and what r they
    actually for?" after "... on the skills advisory panels?"): the last thing the clause
    before names, which the sentences saying what it does name or point back to. Or of
    what it names itself: "What will Skills Advisory Panels do, and ...?", "What role
    will Growth Hubs play ...?"."""
    if does := _WHAT_IT_DOES.search(clause):
        return terms(does.group("thing")) or None
    if role := role_subject(clause):
        return role
    if not _WHAT_FOR.match(clause):
        return None
    return terms(last_named(referent)) or None


def last_named(text: str) -> str:
    """The last thing a text names with "the", "a", "its", "their" or "our" ("HIOW ICS
    looking at the life sciences sector deal" -> "life sciences sector deal"), or ""."""
    named = _LAST_NAMED.match(text.strip())
    return named.group(1) if named else ""


def defined_alone(question: str) -> bool:
    """The question asks only what a term means, and the term is not who asks: what it
    means is the same whoever asks ("whats a LIS exactly?? new to all this, were NHS
    Kernow CCG"), so the asker's words steer neither the search nor the answer."""
    subject = definition_subject(question)
    return (
        bool(subject)
        and len(parts_referring_back(question)) <= 1
        and not set(subject) & set(asker_terms(question))
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
    # "quick q how do these docs define productivity??", "quick q - whats an 'anchor
    # institution'": the opener asks nothing
    question = question[opening_end(question) :]
    opening = _OPENING_ASIDE.match(question)
    rest = question[opening.end() :] if opening else ""
    # "dumb q but what even is X?", "leeds teaching hosps here - whats a SAP?": after an
    # aside that apologises or only says who asks, "what is X" too
    # ("bit of a basic one sorry - what actually is a LIS?")
    apologises = bool(opening) and (
        opening.group(0).rstrip().lower().endswith("but") or bool(_HUMBLE.search(opening.group(0)))
    )
    # "quick definition please - what actually is a LIS?": an aside that asks for one
    wants_one = bool(opening) and bool(_ASKS_FOR_ONE.search(opening.group(0)))
    asks = _MEANING_QUESTION.search(rest) or (
        (apologises or wants_one) and _DEFINITION_QUESTION.match(rest)
    )
    introduced = _after_who_asks(question)
    if not asks and introduced is not None and _DEFINITION_QUESTION.match(introduced):
        asks, rest = True, introduced
    return _defined(question) or (_defined(rest) if asks else None)


def _after_who_asks(question: str) -> str | None:
    """What a question asks after an opening that only says who asks ("Leeds teaching
    hosps here - whats a SAP?" -> "whats a SAP?"), or None."""
    for start, end in asker_spans(question):
        # "quick one (acute trust, Bolton) - what are ...": the bracket is part of the opening
        opening = re.match(r"\s*\)?\s*[-–—:,]\s*(?=what|how|who)", question[end:], re.IGNORECASE)
        before = question[opening_end(question) : start].strip()
        if before in ("", "(") and opening:  # ("quick one, new NED at ...")
            return question[end + opening.end() :]
    return None


# "skills advisory panels - what are they?", "SAPs, what are those": the thing named first.
_NAMED_THEN_ASKED = re.compile(
    r"^\s*([a-z][\w'’&. -]{2,60}?)\s*(?:\s[-–—]|:|,)\s*(?:so\s+)?wh?at(?:['’]?s|\s+(?:is|are|r|was|"
    r"were))\s+(?:(?:actually|really|exactly|even)\s+)?(?:they|it|them|those|these|that|this)\b"
    # "growth hubs - what r they (actually) for?": what they are there to do
    r"(?:\s+(?:actually\s+|really\s+)?for\b)?"
    r"(?=\s*(?:[?.!,;+&]|and\b|$))",  # not "what's this working well thing?"
    re.IGNORECASE,
)

# "productivity whats the actual definition", "anchor institution - what's the meaning?"
_NAMED_THEN_DEFINITION = re.compile(
    r"^\s*([a-z][\w'’&. -]{2,60}?)\s*(?:[-–—:,]\s*)?wh?at(?:['’]?s|\s+is)\s+(?:the\s+)?"
    r"(?:(?:actual|exact|official|real|proper)\s+)?(?:definition|meaning)\b(?!\s+of\b)",
    re.IGNORECASE,
)

# "what does that actually mean?" after a term put in quotes: what the quoted term means
# (not "what does it mean for us" or "... in practice", which ask what follows from it).
_WHAT_IT_MEANS = re.compile(
    r"\bwh?at\s+(?:does|do|did)\s+(?:that|it|this|they|those|these)\s+"
    r"(?:(?:actually|really|exactly|even)\s+)?mean\b(?!\s+(?:for|to|in\s+practice)\b)",
    re.IGNORECASE,
)

# A word or two put in quotes: the term someone asks about.
_QUOTED = re.compile(r"(?:^|\s)['‘\"“]([A-Za-z][\w -]{1,40}?)['’\"”](?=\W|$)")

# "dumb q but ...", "sorry to ask - ...", "newbie here: ...": an aside before the question.
_HUMBLE = re.compile(
    r"\b(?:sorry|soz|apologies|apols|dumb|stupid|silly|basic|daft|newbie|noob|naive|obvious)\b",
    re.IGNORECASE,
)
_ASKS_FOR_ONE = re.compile(r"\b(?:definition|defn|explainer|explanation)\b", re.I)
_OPENING_ASIDE = re.compile(r"^[^?.!]{1,40}?(?:\s+but|\s[-–—:]|,)\s+(?=what|how|who)", re.I)


def _defined(question: str) -> list[str] | None:
    if not terms(without_source(question)):
        return None  # "whats the confed view?" asks whose view, not what it is
    quoted = _QUOTED.search(question)
    if quoted and _WHAT_IT_MEANS.search(question):
        # "our board paper keeps saying 'inclusive growth', what does that actually mean?"
        return terms(quoted.group(1)) or None
    meaning = _MEANING_QUESTION.search(question.strip())
    if meaning:
        phrase = next(group for group in meaning.groups() if group)
        quoted = _QUOTED.search(question)
        # "they keep saying 'anchor' - what do they mean by that?", "what do they mean by
        # nhs as an 'anchor institution'?": the words put in quotes
        if quoted and (not terms(phrase) or quoted.group(1) in phrase):
            phrase = quoted.group(1)
        # "how does the confed define productivity in the june briefing?": not the briefing
        phrase = without_source(phrase) if terms(without_source(phrase)) else phrase
        return terms(_STRESS.sub(" ", _IN_SCOPE.sub("", phrase))) or None
    match = _DEFINITION_QUESTION.match(question.strip())
    if match and _DOING.match(match.group(4)):
        return None  # "what is the NE LIS proposing on health?": what it does, not what it is
    if not match:
        greeted = GREETING.sub("", question)
        named = _NAMED_THEN_ASKED.match(greeted) or _NAMED_THEN_DEFINITION.match(greeted)
        # ("NE slides say productivity a lot - whats the actual definition?": not the slides)
        return terms(_STRESS.sub(" ", without_source(named.group(1)))) or None if named else None
    phrase = re.split(
        # "whats an anchor institution & why is the nhs one?", "... and does it apply to us"
        r",|\?|\s+(?:and|or|&|\+)\s+(?:why|how|what|which|who|when|where|does|do|is|are|should|"
        r"can|could|would)\b|\s+(?:for|in)\s+(?:the\s+)?(?:nhs|us|our)\b"
        # "what are skills advisory panels expected to do": what they are for
        r"|\s+(?:expected|meant|supposed|intended)\s+to\s+do\b",
        without_presentation(match.group(4)),
        maxsplit=1,
        flags=re.IGNORECASE,
    )[0]
    # "what is productivity according to the NE engagement pack?": not the pack
    phrase = without_attribution(phrase)
    phrase = without_source(phrase) if terms(without_source(phrase)) else phrase
    if _SAID_IN_IT.search(phrase):
        return None  # "whats the ageing stuff in there?": what it says of ageing
    # "whats a SAP (skills advisory panel)": the words the initials stand for, which the
    # documents use where they say what it does
    spelt = _SPELT_OUT_AFTER.match(phrase)
    if spelt and _initials(spelt.group(2)) == spelt.group(1).lower().removesuffix("s"):
        phrase = spelt.group(2)
    phrase = _MEANT_TO_BE.sub(" ", phrase)  # "whats the NE lis meant to be": what it is
    phrase = _IN_SCOPE.sub("", phrase)
    phrase = _ROLE_OF.sub("", phrase)  # "what is the role of X": what X is there to do
    subject = terms(_STRESS.sub(" ", phrase))
    return subject or None


# "the LEP doing with us", "greater lincs LEP putting in its LIS": a thing, then what it is
# doing (not "the funding?", "joined-up working").
_DOING = re.compile(
    r"^(?:[\w&'’.-]+\s+){1,5}?(?:doing|proposing|putting|planning|saying|offering|asking|"
    r"pushing|focusing|prioriti[sz]ing|promising|aiming|trying|hoping|bringing|delivering|"
    r"developing|seeking)\b(?=\s+(?:on|in|for|with|to|about|re|around|its|their|our|the|an?|us|we)\b"
    r"|\s*(?:[?,.;!]|$))",
    re.IGNORECASE,
)
_SPELT_OUT_AFTER = re.compile(r"^\s*([A-Za-z]{2,6})\s*\(\s*([^()]{5,60}?)\s*\)\s*$")


def _initials(words: str) -> str:
    """ "skills advisory panel" -> "sap"; small joining words ("of", "and") do not count."""
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", words) if w.lower() not in _JOINING)


_JOINING = frozenset("of and for the in on to".split())

# "... in the context of local industrial strategies", "... under the Industrial Strategy",
# "... in the LIS sense", "... in LIS terms": where the term is used, not part of it
_IN_SCOPE = re.compile(
    r"\s+(?:in\s+the\s+context\s+of|in\s+relation\s+to|under\s+the|within\s+the|"
    r"as\s+(?:used|set\s+out)\s+in|in\s+(?:the\s+|an?\s+)?(?:[\w&'’-]+\s+){1,3}(?:sense|terms)\b)"
    r"\b.*$",
    re.IGNORECASE,
)
_MEANT_TO_BE = re.compile(
    r"\b(?:actually\s+|really\s+)?(?:meant|supposed|intended)\s+to\s+be\b.*$", re.IGNORECASE
)
_ROLE_OF = re.compile(
    r"^\s*(?:role|purpose|function|job|remit|point)s?\s+of\s+(?:the\s+)?", re.IGNORECASE
)
_SAID_IN_IT = re.compile(r"\s(?:in|on)\s+(?:there|it|that|them|this)\s*$", re.IGNORECASE)
