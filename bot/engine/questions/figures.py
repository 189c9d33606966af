"""Questions that ask for a figure (a number, an amount of money, a count, a share, a figure
for a year): the answer must hold one, of what was asked. With them, the clauses a question
that asks several things falls into, which say what each figure is of."""

from __future__ import annotations

import re

from bot.engine.text import (
    asker_terms,
    asks,
    checks_a_claim,
    dash_pieces,
    terms,
    without_asker,
    without_source,
)

_NUMBER_QUESTION = re.compile(
    r"\bhow\s+(many|much|big|large)\b|\bwhat\s+(percentage|proportion|share|amount|target)\b"
    # "how much is it worth", not "is it worth our trust bothering with it?"
    r"|\btargets?\b|\bworth\b(?!(?:\s+[\w'’]+){0,3}?\s+\w+ing\b|\s+(?:it|while)\b)|\bbudget\b|\bstats?\b|\bstatistics?\b|\b(?:scale|size)\s+of\b"
    r"|\bwhat(?:['’]?s|\s+(?:is|are|was|were))\s+the\s+(?:\w+\s+)?(?:figures?|numbers?)\b"
    r"|\bany\s+(?:numbers?|figures?)\b",  # "what does it say on ageing? any numbers pls"
    re.IGNORECASE,
)


def wants_number(question: str) -> bool:
    """ "How many ...", "how much ...", "what is the target": the answer holds a number."""
    return bool(_NUMBER_QUESTION.search(question))


# The words that only say a figure is wanted ("what's the R&D target?", "the total"): a
# sentence that gives the figure seldom uses them ("raising ... to 2.4 per cent of GDP by
# 2027"), while sentences that do often mean something else ("programmes that target").
_FIGURE_KIND = re.compile(r"\b(?:targets?|figures?|numbers?|totals?|amounts?)\b", re.IGNORECASE)


def figure_kind_terms(question: str) -> list[str]:
    """The words of a question that asks for a figure which name only its kind."""
    if not wants_number(question):
        return []
    return [term for match in _FIGURE_KIND.finditer(question) for term in terms(match.group(0))]


# "how much ...", "what's the total the projects were worth?", "what proportion of the
# Fund ...?": with a money word, an amount of money.
_HOW_MUCH = re.compile(
    r"\bhow\s+(?:much|big|large)\b"
    r"|\bhow\s+many\s+(?:£\s*(?:m|bn|k)?|(?:pounds|m|bn|millions?|billions?)\b)"  # "how many £m"
    r"|\bwhat(?:['’]?s|\s+is|\s+was|\s+are|\s+were)?\s+(?:the\s+)?"
    r"(?:exact\s+|overall\s+|combined\s+)?(?:total|proportion|share|percentage)\b",
    re.IGNORECASE,
)
# "extra govt money", "new funding": who pays and that it is more, before the money
_MONEY_NOUN = r"(?=(?:money|cash|funds?|funding|investment|grants?)\b)"
_PAYER = re.compile(
    r"\b(?:(?:extra|additional|new|more)\s+)?(?:(?:central\s+)?government|govt|gov|hmg)\s+"
    + _MONEY_NOUN
    + r"|\b(?:extra|additional|new|more)\s+"
    + _MONEY_NOUN,
    re.IGNORECASE,
)
_MONEY_WORD = re.compile(
    r"\b(money|cash|funds?|funding|funded|invest\w*|allocat\w*|budgets?|worth|cost\w*|"
    r"spend\w*|spent|grants?|pounds|pot|put(?:ting)?\s+(?:in|into)|contribut\w*)\b|£"
    # "how much did the NE get from it?", "... how much did it get?": what a place or body
    # got is money
    r"|(?<=\s)(?:get|got|receive[ds]?|won|secured?)\b"
    r"(?=\s+(?:from|through|thru|out\s+of|in)\b|\s*(?:[?.!]|$))",
    re.IGNORECASE,
)


# "what level of funding has been committed to ...": an amount of money.
_LEVEL_OF_MONEY = re.compile(
    r"\b(?:level|amount|sum|scale)\s+of\s+(?:funding|money|investment|spending)\b",
    re.IGNORECASE,
)
# "what is the (annual) budget of ...", "what value of awards did they secure": the
# amount of money something has.
_AMOUNT_NOUN = re.compile(
    r"\bwhat(?:'s|s|\s+is|\s+was|\s+are|\s+were)?\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:[a-z]+\s+)?(?:budget|cost|price|value)\s+(?:of|for)\b"
    # "what cumbria's allocation from the fund is": a share of money
    r"|\b(?:allocation|share|slice|cut)\s+(?=(?:of|from)\b)",
    re.IGNORECASE,
)
# "whats the UKSPF allocation for our area?": the money, named before it, for what after.
_NAMED_ALLOCATION = re.compile(
    r"\bwhat(?:['’]?s|\s+is|\s+was|\s+will\s+be)\s+(?:the\s+|our\s+|their\s+|its\s+)?"
    r"((?:[\w’'&-]+\s+){1,6}?)(?:allocation|budget|funding\s+pot)\s+(?=(?:for|to)\b)",
    re.IGNORECASE,
)
# "what budget has the Council allocated to ...": the money noun heads the question.
# "what annual funding will the fund provide?": how much a year, or in all.
_MONEY_ASKED = re.compile(
    r"\b(?:what|which)\s+(?:(?:[a-z]+\s+)?(?:budget|sum|amount\s+of\s+money|allocation)|"
    r"(?:annual|yearly|total|overall)\s+(?:funding|money|investment|spending))\s+"
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
    r"\b(?:as\s+an?|what)\s+(?:%|percent(?:age)?|per\s*cent|proportion|share)\s+of\b"
    # "what rate is the levy set at? % of paybill pls": the share, asked again in a word
    r"|(?:^|[?!.,;:]\s*|\s[-–—]\s*)(?:%|percent(?:age)?|per\s*cent)\s+of\b",
    re.IGNORECASE,
)


def names_money(text: str) -> bool:
    """The text is about money ("the clean seas fund", "their budget")."""
    return bool(_MONEY_WORD.search(text))


def share_base(question: str) -> str | None:
    """What a share is asked of ("... as a % of turnover?" -> "turnover?"), or None."""
    match = _SHARE_OF.search(question)
    return question[match.end() :] if match else None


# Where a question that asks two things starts its second: "... how much is it and
# what's it for?", "... employ, and how much does it spend?".
_NEXT_ASK = re.compile(
    # "... do + who is it?", "... & who's in it?", "... march 2019. also whats the R&D
    # target": "+", "&", "also" and a new sentence join a second question as "and" does
    # ("what does the GM LIS say on skills, is working well still in it?": a comma before
    # a second question that opens with its verb)
    r"[?;]|,\s+(?=(?:is|are|was|were|does|do|did|has|have|can|will|should)\s)"
    r"|(?:,?\s+(?:and|also|plus|\+|&)|\.(?:\s+also)?)\s+"
    # "... how many jobs and by what year?": a question word after its preposition
    r"(?=(?:roughly\s+|(?:by|in|from|until|till|since|for|to|with|at)\s+(?=wh))?(?:how|what|what's|whats|who|whos|who's|when|whens|"
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
        if parts and refers_back(clause):
            # what the earlier part names, not what it asks of it: "who is jane doe and
            # what does she say ..." asks what she says, not again who she is
            earlier, earlier_referent = parts[-1]
            referent = f"{earlier_referent} {_ASKING.sub('', earlier)}".lstrip()
        if _only_who_asks(clause):
            continue  # "pls, we're a foundation trust in gateshead"
        if terms(f"{referent} {clause}") and _asks_in(f"{referent} {clause}"):
            parts.append((clause, referent))
    return parts


def _only_who_asks(clause: str) -> bool:
    """The clause names only who asks, with no question of its own ("please, we're a
    trust in thornby"); "should our trust be on ours?" asks about the asker."""
    asker = set(asker_terms(clause))
    # ("should we be on ours? we're an STP in the marches" asks, then says who asks)
    return bool(asker) and "?" not in clause and not set(terms(clause)) - asker


def _asks_in(clause: str) -> bool:
    """The clause asks something, perhaps after a dash that sets the asker apart ("were at
    RCHT in truro - does the cornwall LIS have a health section & ...")."""
    return any(asks(piece) for piece in dash_pieces(clause))


def refers_back(clause: str) -> bool:
    """The clause names what it asks about by pointing back ("it", "they", "his")."""
    return bool(_REFERS_BACK.search(clause) or _PERSON_BACK.search(clause))


def points_before_naming(clause: str) -> bool:
    """The clause points back ("it", "their") before it names anything itself: "does their
    LIS mention health?" needs what came before; "by when do LEPs have to get their LIS
    signed off?" says whose it is."""
    found = [m.start() for p in (_REFERS_BACK, _PERSON_BACK) if (m := p.search(clause))]
    return bool(found) and not terms(clause[: min(found)])


_THEN_ASKS = re.compile(r",\s+(?=(?:how|what|what's|whats|who|who's|whos|when|where|which|why)\b)")


def _asking_clause(question: str, at: int) -> str:
    """The question up to the end of the clause that holds position `at`: what comes
    before says what "it" is ("strength in places fund - how much is it and what's it
    for?"), what comes after asks something else. Words that name the document the
    answer should come from ("according to the NHS Confederation") name no subject, nor
    do those that say who asks ("acute trust in oxford thinking about a bid - how much")."""
    ends = [m.start() for m in _NEXT_ASK.finditer(question, at)]
    ends += [m.start() for m in _THEN_ASKS.finditer(question, at)]  # "..., what were they?"
    end = min(ends, default=len(question))
    start = max((m.end() for m in re.finditer(r"[?!]\s", question[:at])), default=0)
    return without_source(without_asker(question[start:end]))


# "... the same amount in the confed briefing and the LEP's page?": where it is compared
_SAME_IN = re.compile(
    r"\s+(?:the\s+)?same\s+(?:amount|figure|sum|size|number)?\s*(?:in|across|on)\s+[^?.!]*",
    re.IGNORECASE,
)


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
        # "how much extra govt money ...": who pays, and that it is more, name no subject
        clause = _PAYER.sub(" ", clause)
        subject = _MONEY_WORD.sub(" ", _HOW_MUCH.sub(" ", clause))
        if not terms(_COUNT_ADJECTIVES.sub(" ", subject)):
            # "is the clean air fund something we could bid for? and how big is it", "...
            # the ISCF? how much extra is going in": what the sentence before names (not the
            # documents it asks to compare: "is X the same amount in the briefing and the
            # LEP's page?")
            before = _SAME_IN.sub(" ", _sentence_before(question, how_much.start()))
            return _MONEY_WORD.sub(" ", before) + subject
        return subject
    named = _NAMED_ALLOCATION.search(question)
    if named:
        return f"{named.group(1)}{question[named.end() :]}"
    noun = (
        _AMOUNT_NOUN.search(question)
        or _LEVEL_OF_MONEY.search(question)
        or _MONEY_ASKED.search(question)
    )
    return question[noun.end() :] if noun else None


def money_owner(question: str) -> list[str]:
    """The body whose money is asked for, as a capitalised name before the money noun
    ("whats the Confederation annual budget for ..." -> ["confeder"]): a figure for the
    NHS's annual expenditure is not the Confederation's budget."""
    named = _NAMED_ALLOCATION.search(question)
    if not named:
        return []
    return terms(" ".join(re.findall(r"\b(?:[A-Z][a-z]+|[A-Z]{2,})\b", named.group(1))))


_HOW_MANY = re.compile(
    r"\bhow\s+many\s+(?:(?:extra|more|new|additional|different|separate)\s+)*"
    # "how many of England's LEPs ...": of them, the LEPs (not "how many of them")
    r"(?:of\s+(?:the|these|those|our|their|its|[\w-]+['’]s|(?-i:[A-Z][a-z]+))\s+)?([\w'’-]+)"
    r"(?:\s+(?:do|does|did|will|would|can|could)\s+([^,;:?+]*?)(?=\s+and\b|\s*[,;:?+]|$))?",
    re.IGNORECASE,
)


def count_subject(question: str) -> str | None:
    """The "how many" clause of a question ("... - how many practices are in the network?"
    -> "how many practices are in the network"), with what comes before it in its sentence
    when the clause refers back to it ("they", "it") or asks in the place of what is
    counted ("nhs employs how many people?"); or None."""
    match = _HOW_MANY.search(question)
    if not match:
        return None
    clause = re.split(r"[?;]|\s[-–—]\s", question[match.start() :], maxsplit=1)[0]
    then = _NEXT_ASK.search(clause)  # "how many jobs and by what year?": the jobs
    clause = clause[: then.start()] if then else clause
    clause = _COUNT_ADJECTIVES.sub("", clause)  # "how many extra jobs": the documents' "jobs"
    before = _said_before(question, match.start())
    if _REFERS_BACK.search(clause):  # "the jobs target - how many are they aiming for?"
        return before + clause
    # "nhs employs how many people?": the doing and its doer, asked in their place
    run_on = re.split(r"[,;:]|\s[-–—]\s", before)[-1]
    if _DOES_BEFORE.search(without_asker(run_on)):  # (not "we're in leeds how many ...")
        return run_on + clause
    return clause


# "the NHS employs how many ...", "the plan created how many ...": a verb right before
_DOES_BEFORE = re.compile(r"\b[a-z]{3,}(?:s|ed)\s+$", re.IGNORECASE)


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
# ("should we be on ours?": on our panel, of the kind just named)
_REFERS_BACK = re.compile(
    r"\b(?:they|it|them|their|its|this|that|these|those|ours|theirs)\b", re.IGNORECASE
)


def counted(question: str) -> list[str] | None:
    """The words for what a "how many" question counts: the noun ("how many LEPs ..."),
    and the verb that ends its clause ("how many staff does the NHS employ" counts
    whoever is employed, "1.4 million people"); None for other questions."""
    parts = _counted_parts(question)
    return None if parts is None else [word for word in parts if word]


def counted_noun(question: str) -> str | None:
    """The noun a "how many" question counts: the last word of its name ("how many NHS
    organisations ..." counts organisations, and "the NHS including skills, ..." names
    none of them)."""
    parts = _counted_parts(question)
    return None if parts is None else parts[1] or parts[0]


def _counted_parts(question: str) -> tuple[str, str, str] | None:
    """The first word of what is counted, the noun that ends its name when longer, and
    the verb that ends the clause ("" for those absent)."""
    match = _HOW_MANY.search(question)
    if not match or match.group(1).lower() in {"and", "of", "are", "is", "by"}:
        return None
    if match.group(1).lower() in _AUXILIARIES:
        # "by how many should the plan increase the number of jobs?": the number's noun
        number_of = _NUMBER_OF.search(question, match.end())
        return (number_of.group(1), "", "") if number_of else None
    # "how many T level routes are there?": the noun that ends the name counts too
    compound = _COMPOUND_REST.match(question, match.end(1))
    head = compound.group(0).split()[-1] if compound else ""
    if not re.fullmatch(r"[a-z][\w'’-]{2,}s", head, re.IGNORECASE):  # a plural, not a verb
        head = ""
    verb = ""
    if match.group(2):  # the verb, not an adverb after it ("... employ nationally")
        said = [word for word in match.group(2).split() if not word.lower().endswith("ly")]
        verb = said[-1] if said else ""
    return match.group(1), head, verb


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
    the North East created  ?")), or None when no figure is asked for a year. A year the
    asker puts to the documents to check ("is it right the target is 3% by 2030?") asks
    for the figure whatever its year: the answer may correct it."""
    match = _FOR_A_YEAR.search(question)
    if not match:
        return None
    clause = _asking_clause(question, match.start())
    if checks_a_claim(clause):
        return None
    if not (amount_subject(clause) or counted(clause) or _MEASURE.search(clause)):
        return None
    return match.group(1), clause.replace(match.group(0), " ")


# "any numbers from working well?", "any stats on the over 75s?": figures, of what follows
_FIGURES_ON = re.compile(
    r"\bany\s+(?:numbers?|figures?|stats?|statistics)\s+(?:on|from|for|about|re|abt|of)\s+"
    r"(?P<of>[^?.!,;]+)",
    re.IGNORECASE,
)


def figures_subject(question: str) -> str | None:
    """What a question asks any figures on ("... any numbers from working well?" ->
    "working well"), or None when it asks for none of something named."""
    match = _FIGURES_ON.search(question)
    return match.group("of") if match and terms(match.group("of")) else None
