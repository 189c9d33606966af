"""Questions whose answer is a list ("what are the four grand challenges?", "who's in the
partnership?"): the composer answers with the items, as many as asked, and, asked whether a
text covers something, with what it leaves out."""

from __future__ import annotations

import re

from bot.engine.questions.advice import asks_what_it_gains
from bot.engine.questions.figures import _REFERS_BACK
from bot.engine.text import terms

_LIST_QUESTION = re.compile(
    r"\b(what|which)\s+(are|were)\b|\b(list|name)\s+(the|all)\b|\bwhat\s+(areas|sectors|"
    r"themes|priorities|challenges|elements|stages|steps|foundations|types|kinds|ways)\b|"
    r"\b(two|three|four|five|six|seven|eight|\d)\s+(?:[a-z'’-]+\s+){0,2}[a-z]+s\b|"
    r"\bwhat\s+the\s+(?:[a-z]+\s+){0,2}[a-z]{3,}s\s+(?:are|were|r)\b|"  # "what the benefits are"
    # "what does the sector deal commit to?", "what will it include?": what it is made of
    r"\bwhat\s+(?:does|do|did|will|would)\s+(?:[\w'’&-]+\s+){1,6}?(?:include|involve|cover|"
    r"consist\s+of|contain|comprise|commit\s+to|list)\b"
    r"|\blist(?:ed)?\s+(?:them\s+)?as\b"  # "what do they list as strengths?"
    # "where does health show up? quick list pls": the answer asked for as a list
    r"|\b(?:quick|short|full|in\s+a|as\s+a)\s+list\b(?!\s+of\b)|\blist\s+(?:please|pls|plz)\b"
    r"|\b(?:please|pls|plz)\s+list\b(?!\s+of\b)"
    # "the LEP page lists deals for X, Y - does the NE deck have any others?": more items
    r"|\bany\s+(?:others|other\s+(?:[a-z'’-]+\s+){0,2}[a-z]{3,}s)\b",
    re.IGNORECASE,
)
# "who's actually in the partnership?", "who else sits on the board?", "which
# organisations are members of the board?": its members
_MEMBERS_QUESTION = re.compile(
    r"\bwho(?:\s+else)?(?:(?:['’]?s|\s+is|\s+are|\s+r)\s+(?:actually\s+|really\s+)?"
    r"(?:in(?!\s+(?:charge|post|touch|the\s+lead)\b)|on|part\s+of|members?\s+of)"
    r"|\s+(?:actually\s+|really\s+)?(?:sits?|serves?)\s+on|\s+makes?\s+up)\s+"
    # "which NHS trusts sit on the LEP board?": the kind of member, however qualified
    r"|\b(?:which|what)\s+(?:(?:nhs|local|health|other)\s+){0,2}(?:organisations|orgs|bodies|"
    r"members|partners|people|trusts|hospitals|ccgs|icss|stps|universities|businesses|"
    r"companies|employers)\s+(?:are|sit|serve)\s+(?:on|in|part\s+of|members\s+of)\s+"
    # "which trusts have signed up to the partnership?", "who has joined the board?"
    r"|\b(?:which|what)\s+(?:(?:nhs|local|health|other)\s+){0,2}(?:organisations|orgs|bodies|"
    r"members|partners|trusts|hospitals|ccgs|icss|stps|universities|businesses|companies|"
    r"employers)\s+(?:have|has)\s+(?:signed\s+up\s+to|joined)\s+"
    r"|\bwho\s+(?:has|have)\s+(?:signed\s+up\s+to|joined)\s+"
    # "which LEP chairs attended the first meeting?", "who was at the meeting?"
    r"|\b(?:which|what)\s+(?:[\w'’&-]+\s+){0,2}?[a-z]{3,}s\s+(?:attended|were\s+at)\s+"
    r"|\bwho\s+(?:attended|(?:was|were)\s+at)\s+"
    # "who is the NHS rep on the Dorset LEP board?": one of its members
    r"|\bwho(?:['’]?s|\s+is|\s+are)\s+(?:the\s+|our\s+)?(?:[\w&'’-]+\s+){0,2}?"
    r"(?:reps?|representatives?)\s+(?:on|in|for)\s+",
    re.IGNORECASE,
)
# Where the body's name ends: "... board apart from the chair?", "... group and who signs ..."
_BODY_ENDS = re.compile(
    r"\s*(?:[?,;.!(]|\s[-–—]\s|$)|\s+(?:apart\s+from|besides|other\s+than|except|then|now|"
    r"currently|at\s+the\s+moment|at\s+present|these\s+days)\b"
    # ("... partners & who runs it?": "&" too, where it joins a second question)
    r"|(?:\s+(?:and|or)|\s*[&+])\s+(?=(?:who|what|whats|is|are|does|do|did|has|have|was|were|will|how|"
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
    r"^\W*(?:(?:what|who)(?:['’]?s|\s+is|\s+are|\s+r)|tell\s+me\s+about)\s+"
    # "who's leading the health partnership and who else is in it?": the partnership
    r"(?:(?:leading|running|chairing|heading(?:\s+up)?|behind|in\s+charge\s+of)\s+)?",
    re.IGNORECASE,
)


# "what benefits ...", "which broad areas ...": a plural noun right after the question word.
_PLURAL_AFTER_WHAT = re.compile(
    # ("whats challenges for ...", as "whats holding back ..." reads in the documents' words)
    r"\b(?:what|which)(?:['’]?s)?\s+(?:(?:key|main|other|broad|common|general|major|specific)\s+)?"
    r"([a-z]{3,}s)\b",
    re.IGNORECASE,
)
# "what health & life sciences challenges did the review find?": the plural before the
# verb names what is listed, however many words name its kind (not "what share of trusts
# do ...", a share)
_PLURAL_THEN_VERB = re.compile(
    # ("what sort of health themes usually come up in LISs?": of that kind, most often)
    r"\b(?:what|which)\s+(?:(?:sorts?|kinds?|types?)\s+of\s+)?"
    # (not "what do SAPs actually do?", which asks what they do)
    r"(?:(?!(?:of|for|in|to|per|the|a|an|do|does|did|are|is|were|was|will|would|can|could)\b)"
    r"[\w'’&-]+\s+){0,4}?([a-z]{3,}s)\s+(?:[a-z]{3,}ly\s+)?"
    r"(?:did|do|does|are|were|will|would|have|has|had|can|could|should|might|may|"
    # "which health areas come up in most LISs?", "which sectors feature in ..."
    r"come|crop|pop|appear|feature|show|sit|exist|stand)\b",
    re.IGNORECASE,
)
# not plurals, or plurals that name nothing ("which ones"), or verbs ("what works in
# driving productivity?" asks what the evidence found, not for a list of works)
_NOT_PLURAL = frozenset(
    "does is was has this its thus plus bus gas status focus ones".split()
    + "works matters happens helps".split()
)
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
    plural = _PLURAL_AFTER_WHAT.search(question) or _PLURAL_THEN_VERB.search(question)
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
    # (not a possessive: "the moor towns' strengths" lists strengths)
    r"\b(?:what|which)(?:\s+(?:are|were|r)|['’]?s)?\s+(?:the\s+)?(?:[\w'’&-]+\s+){0,6}?"
    r"([a-z]{3,}s)\b(?!['’])",
    re.IGNORECASE,
)
# "what do they list as strengths?": what they list.
_LISTED_AS = re.compile(
    r"\blist(?:ed)?\s+(?:them\s+)?as\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"([a-z]{3,}s)\b",
    re.IGNORECASE,
)
# "what does the evidence say are the region's strengths?", "... say r our health & life
# sci strengths?": what it names as such.
_SAID_TO_BE = re.compile(
    r"\b(?:say|says|said|think|thinks|reckon|reckons|see|sees|consider|considers)\s+(?:"
    r"(?:are|were|r)\s+(?:the\s+|its\s+|their\s+|our\s+)?(?:[\w'’&-]+\s+){0,4}?([a-z]{3,}s)\b"
    # the last noun of the phrase ("health & life sciences strengths")
    r"(?=\s*[?.!,;:]|\s*$|\s+(?:in|of|for|at|on|from|and|to|that|which|by)\b)"
    # "what did the review say the challenges are?"
    # "... say the regions health & life sciences strengths are?"
    r"|(?:the|its|their|our|your)\s+(?:[\w'’&-]+\s+){0,5}?([a-z]{3,}s)\s+(?:are|were)\b)",
    re.IGNORECASE,
)
# "could you give me a line setting out the benefits of ...", "outline the main risks":
# asked to set out things, the answer is their list.
_SET_OUT = re.compile(
    r"\b(?:set(?:ting)?\s+out|outlin(?:e|ing)|summari[sz](?:e|ing)|list(?:ing)?|"
    r"(?:give|tell|show)\s+(?:me|us)(?:\s+[\w'’-]+){0,3}?)\s+the\s+"
    # the name of what is listed, however long ("list the NE's main health & life sciences
    # strengths"), not past a preposition ("outline the role of ICSs")
    r"(?:(?!(?:of|for|in|to|on|about|with|from|by|at|under|across|within)\b)[\w'’&-]+\s+){0,6}?"
    r"([a-z]{3,}s)\b(?!['’])",
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
    named_nothing = not match or _noun(match).lower() in _NOT_PLURAL
    if named_nothing and (listed_before := _OTHERS_OF.search(question)):
        return terms(listed_before.group(1))[0]  # "... lists sector deals for X - any others?"
    if named_nothing and wants_list(question) and (called := _CALLED.search(question)):
        return terms(called.group(1))[0]  # "a box called key attributes of ..., what does it list?"
    if not match or not wants_list(question) or _noun(match).lower() in _NOT_PLURAL:
        return None
    noun = _noun(match)
    if match.re in (_LISTED_NOUN, _SET_OUT):  # "what are the key health & life sciences strengths"
        noun = _last_plural(noun, question[match.end() :])
    found = terms(noun)
    return found[0] if found else None


# "the LEP page lists sector deals for X, Y - does the NE deck have any others?": more of
# what the clause before lists or has.
_OTHERS_OF = re.compile(
    r"\b(?:lists?|has|have|gives?|names?|mentions?|includes?)\s+(?:the\s+)?"
    r"(?:[\w'’&-]+\s+){0,3}?([a-z]{3,}s)\b[^?]*?\bany\s+others\b",
    re.IGNORECASE,
)


# "a box called key attributes of a LIS", "the section headed 'key opportunities'": the
# plural that opens a box's or section's title names what it lists.
_CALLED = re.compile(
    r"\b(?:called|titled|entitled|headed|named)\s+[\"'‘“]?(?:[\w'’&-]+\s+){0,2}?([a-z]{3,}s)\b",
    re.IGNORECASE,
)


# The words after a plural that go on naming the thing ("life sciences | sector deals"),
# up to a word that starts what is said of it.
_NAME_GOES_ON = re.compile(
    r"(?:\s+(?!(?:from|of|in|for|across|on|at|to|by|with|within|that|which|who|have|has|had|"
    r"are|is|were|was|do|does|did|will|would|can|could|should|and|or|r)\b)[a-z][\w'’-]*){1,3}",
    re.IGNORECASE,
)


def _last_plural(plural: str, after: str) -> str:
    """The last plural of the name a list question's first plural begins: "the key health
    and life sciences strengths" lists strengths, "the life sciences sector deals" deals."""
    goes_on = _NAME_GOES_ON.match(after)
    later = [
        word
        for word in (goes_on.group(0).split() if goes_on else [])
        if re.fullmatch(r"[a-z]{3,}s", word, re.IGNORECASE)
        and word.lower() not in _NOT_PLURAL
        and not word.lower().endswith(_NOT_ENDINGS)
    ]
    return later[-1] if later else plural


def _noun(match: re.Match) -> str:
    """The noun a list pattern found (the first of its groups that matched)."""
    return next(group for group in match.groups() if group)


# "wasn't X even in the white paper?", "did it cover X or not?", "what was missing from ...".
_ABSENCE_QUESTION = re.compile(
    r"\b(?:was|is|were|are|did|does|do)(?:n['’]?t|\s+not)\b(?:\s+\w+){0,3}?\s+(?:in|cover\w*|mention\w*|"
    r"include\w*|feature\w*)\b|\bor\s+not\b|^\W*(?:did|does|do)\s+(?:the\s+)?(?:[\w'’-]+\s+){1,5}?"
    # "did the white paper give a central place to inclusive growth?"
    r"(?:address|cover|mention|tackle|consider|include|feature|prioriti[sz]e|give)\w*\b"
    # "does the white paper make inclusive growth a central theme?"
    r"|\bmake\s+(?:[\w'’-]+\s+){1,4}?an?\s+(?:central|key|main|core|major)\s+"
    r"(?:theme|priority|focus|part|pillar)\b"
    r"|\b(?:missing|absent|left\s+out|leave\s+out|omit\w*|omissions?)\b"
    # "did the white paper say much abt inclusive growth?": doubting it did
    r"|\b(?:say|said|says)\s+(?:very\s+)?much\s+(?:about|abt|on|re)\b"
    # "is inclusive growth actually in the industrial strategy?": whether a document has it
    r"|^\W*(?:is|are|was|were)\s+(?:[\w'’-]+\s+){1,4}?(?:(?:actually|really|even)\s+)?"
    r"(?:in|part\s+of|covered\s+(?:in|by)|mentioned\s+in)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:strategy|stratergy|strat|white\s+paper|paper|plan|briefing|(?-i:IS)|LIS)\b"
    r"(?=\s*(?:[?.!,;]|$|or\s+not\b|at\s+all\b))",  # not "is X in the LIS good ...?"
    re.IGNORECASE,
)


# How documents say something is left out: words to look for when asked whether it is.
ABSENCE_WORDS = "missing absence absent omitted lacking overlooked feature"
# How a question asks what is left out ("what was missing from it?").
ABSENCE_ASKED = "absent absence missing omitted lacking"


def asks_if_absent(question: str) -> bool:
    """ "Wasn't inclusive growth even in the white paper?", "did it cover X or not?",
    "what was missing from the strategy?": the answer may be what the text leaves out."""
    return bool(_ABSENCE_QUESTION.search(question))


# "what is the region good at?", "what does it do particularly well?": its strengths.
_DOES_WELL = re.compile(
    r"\b(?:good|great|best|strong)\s+at\b|\b(?:does|do|did|doing)\s+(?:\w+\s+)?well\b"
    r"|\bexcels?\b",
    re.IGNORECASE,
)


def asks_what_it_does_well(question: str) -> bool:
    """ "What is the North East good at?": the answer is the strengths the documents list."""
    return bool(_DOES_WELL.search(question))


# "where does health usually show up in the draft LISs?", "under which broad themes does
# health most often appear ...?": the areas where it features, which a list names
_WHERE_IT_FEATURES = re.compile(
    r"\b(?:where|(?:in|under)\s+(?:which|what)\s+(?:[\w-]+\s+)?(?:themes|areas|ways|headings))\s+"
    r"(?:does|do|did|is|are|has|have|will)\s+(?:[\w&'’-]+\s+){1,4}?"
    r"(?:(?:usually|tends?\s+to|most\s+often|often|typically|really|generally|mostly|mainly)\s+)*"
    r"(?:feature[sd]?|appear[sd]?|figure[sd]?|(?:show|come|crop|pop|turn)(?:s|ing)?\s+up)\b",
    re.IGNORECASE,
)


def asks_where_it_features(question: str) -> bool:
    """ "where does health show up in the LISs?": the areas where it features, as the
    document lists them ("several common areas where health features ...: Innovation,
    ...")."""
    return bool(_WHERE_IT_FEATURES.search(question))


# "which local industrial strategies have X on their panel?", "which LEPs have signed ...":
# strategies or the bodies behind them, each known by its place
_WHICH_PLACES = re.compile(
    r"\bwhich\s+(?:of\s+the\s+)?(?:local\s+industrial\s+strategies|strategies|lis['’]?s|"
    r"leps|lep\s+areas|(?:mayoral\s+)?combined\s+authorities|mcas|(?:metro\s+)?mayors|"
    # "which areas have published their strategies?", "which areas were ...": what places
    # did (not "in which areas does health feature?", "which areas of ...": topics)
    r"(?:local\s+)?(?:areas|places|regions)(?=\s+(?:have|has|had|were|was|won|got|"
    r"published|received|already|actually|first|did)\b))\s+"
    r"(?P<rest>[^?!.]+)",
    re.IGNORECASE,
)


def places_asked(question: str) -> str | None:
    """What the strategies or LEPs asked for have or did ("have the head of health economic
    partnerships on their expert panel"), when the question asks which ones: the answer
    names them by their places. None for other questions."""
    match = _WHICH_PLACES.search(question)
    return match.group("rest") if match and terms(match.group("rest")) else None
