"""Words and sentences: the one tokenizer that keyword search and answer scoring share.

Terms are lower-cased, stemmed with Snowball (so "strategies" meets "strategy") and
stripped of English stop words and of the words people use to frame a question ("what
should our trust do about ..."), which say nothing about the topic.
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer

__all__ = [
    "BODY_INITIALS",
    "terms",
    "dash_pieces",
    "claimed_terms",
    "MONTHS",
    "YEAR",
    "stems",
    "words",
    "sentences",
    "asker_terms",
    "without_asker",
    "without_closing_tag",
    "source_terms",
    "asker_spans",
    "STOP_WORDS",
    "GREETING",
    "opening_end",
    "QUESTION_WORDS",
]

_WORD_RE = re.compile(r"[A-Za-z0-9£$€][A-Za-z0-9£$€'’.\-]*[A-Za-z0-9]|[A-Za-z0-9]")

STOP_WORDS = frozenset(
    """
a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each few
for from further had has have having he her here hers herself him himself his how i if
in into is it its itself just me more most my myself no nor not now of off on once only
or other our ours ourselves out over own same she should so some such than that the
their theirs them themselves then there these they this those through to too under until
up very was we were what when where which while who whom why will with would you your
yours yourself yourselves don shall may might must per via etc e.g i.e around round
whats whos hows wheres whens whys thats theres im ive youre weve theyre
dont doesnt didnt cant wont isnt arent wasnt werent havent hasnt shouldnt couldnt wouldnt
yeah yep yes ok okay lol tbh especially particularly
""".split()
)

# Words that frame a question rather than name its topic, and chat asides ("tbh", "fyi").
QUESTION_WORDS = frozenset(
    """
tell explain explaining describe describing know mean means meaning say says said give list
please much many talk speak contact get us anything something thing things happen happens going
big large size sized define defined defines definition described describes explained
simple simply plain briefly brief summary summarise
summarize overview quick query asap actual actually really basically urgently question exact exactly
someone somebody reckon reckons think thinks real ok okay yes y n dumb silly stupid newbie noob even
everyone everyones everybody anyone anybody banging quote quotes quoted quoting
realistically honestly genuinely seriously practically literally definitely probably possibly
tbh imo imho btw fyi lol idk ngl iirc afaik thanks cheers
bit bits confused confusing unsure wondering curious main kind sort kinda sorta owt nowt summat like
want wants relevant relevance anyway anyways bother bothering stuff nobody noone
hi hiya hey hello talking talked speaking purposes mon tues weds thur thurs fri eod eow
today tonight tomorrow
meant supposed ahead push pushing lobby lobbying tip tips pointer pointers lot lots bang bangs
side sides sorry soz apologies apologise apols basic daft naive already yet ever still
""".split()
)

_stemmer = Stemmer.Stemmer("english")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """The Snowball stem, except that a quality noun keeps what makes it one: the
    stemmer gives "productivity" and "products" one stem ("product"), so every question
    about productivity would match "new products and services" ("productivity" ->
    "productiv", as "connectivity" -> "connectiv")."""
    quality = _QUALITY.match(word)
    if quality:
        return f"{quality.group(1)}iv"
    # American spellings and the noun of "analyse" meet the British verb: "prioritize",
    # "analyze" and "analysis" are "prioritise" and "analyse"
    word = _BRITISH_ISE.sub(r"\1s\2", word)
    return _stemmer.stemWord(word[:-2] + "e" if word.endswith("ysis") else word)


_QUALITY = re.compile(r"^([a-z]{4,})ivit(?:y|ies)$")
_BRITISH_ISE = re.compile(r"(?<=[a-z]{3})([iy])z(e|es|ed|ing|ation|ations|er|ers)$")


_CONTRACTION_RE = re.compile(r"'(s|re|ll|ve|d|m)$|n't$")
_ACRONYM_PLURAL_RE = re.compile(r"^([A-Z]{2,})s$")


def words(text: str) -> list[str]:
    """Lower-cased word tokens; possessives, contractions and acronym plurals removed."""
    found = []
    for token in _WORD_RE.findall(text.replace("’", "'")):
        word = token.strip(".-'")
        if word.endswith("s") and _ACRONYM_PLURAL_RE.match(word):
            word = word[:-1]
        word = word.lower()
        if "'" in word:  # the regular expression only when it can match: indexing is faster
            word = _CONTRACTION_RE.sub("", word)
        if word[:1].isdigit() and word.endswith("s") and word[:-1].isdigit():
            word = word[:-1]  # "the over 75s" are the over-75 population
        if "-" in word:  # "ultra-low" is also typed "ultra low"
            found.extend(part for part in word.split("-") if part)
        elif word:
            found.append(word)
    return found


def terms(text: str, *, keep_question_words: bool = False) -> list[str]:
    """Stemmed content terms of `text`, in order, for BM25 and overlap scoring."""
    return stems(words(text), keep_question_words=keep_question_words)


# "the 5 foundations" and "the five foundations" are the same words ("one" is left alone:
# "one of the ..." counts nothing), as are "the 1st meeting" and "the first meeting".
_NUMBERS = {
    word: str(number)
    for number, word in enumerate(
        "two three four five six seven eight nine ten eleven twelve".split(), start=2
    )
} | {
    word: f"{number}{suffix}"
    for number, (word, suffix) in enumerate(
        zip(
            "first second third fourth fifth sixth seventh eighth ninth tenth".split(),
            ["st", "nd", "rd"] + ["th"] * 7,
            strict=True,
        ),
        start=1,
    )
}


def stems(word_list: list[str], *, keep_question_words: bool = False) -> list[str]:
    """The stemmed content terms among `words(text)`: `terms` for words already split."""
    dropped = STOP_WORDS if keep_question_words else STOP_WORDS | QUESTION_WORDS
    return [_stem(_NUMBERS.get(word, word)) for word in word_list if word not in dropped]


_ABBREVIATIONS = (
    "e.g",
    "i.e",
    "etc",
    "vs",
    "dr",
    "mr",
    "mrs",
    "ms",
    "prof",
    "st",
    "no",
    "approx",
    "inc",
    "ltd",
    "co",
)
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])([\"'”’)]*)\s+(?=[\"'“‘(]?[A-Z0-9£•])")


def sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences; each is an exact substring of the paragraph."""
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(paragraph):
        candidate = paragraph[start : match.end(1)].rstrip()
        last_word = candidate.rsplit(" ", 1)[-1].rstrip(".").lower()
        if last_word in _ABBREVIATIONS or len(candidate) < 3:
            continue
        pieces.append(candidate)
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        pieces.append(tail)
    return pieces


# One or two words of a name ("leeds", "the QE", "Royal Derby"), or two joined by "&" or
# "and" ("Norfolk & Waveney").
_NAME_WORDS = (
    r"[A-Za-z'’&.-]+(?:\s+(?:&|and)\s+(?!(?:we|i|im|they|you|it|not)\b)[A-Za-z'’.-]+"
    r"|\s+[A-Za-z'’&.-]+)?"
)
# What a body is called, after "our STP is": up to three words of a name ("Kent & Medway"),
# none of them saying what the body is or does ("keen", "part of", "looking").
_NOT_A_NAME = (
    r"an?|not|also|very|really|keen|looking|trying|interested|part|one|still|"
    r"just|new|going|about|currently|hoping|planning|working|doing|in|on|at|to"
)
# a word of a name, then a space or where the phrase ends
_NAME_WORD = r"[A-Za-z'’&.-]+(?:\s+|(?=\s*(?:[).,;:!?]|\s[-–—]\s|$)))"
_NAMED_AS = rf"(?:(?!(?:{_NOT_A_NAME})\b){_NAME_WORD}){{1,3}}"

# "our ICS", "we're a trust", "as an STP", "I work in a CCG": who is asking, not the topic.
_ASKER_RE = re.compile(
    # ("we're NHS Kernow CCG", and "were" typed for it where a clause opens)
    r"\b(?:our|my|we\s*(?:'|’)?re\s+(?:an?|the)|we\s*(?:'|’)re|we\s+are\s+(?:an?|the)|as\s+an?|"
    r"(?:^|(?<=[.?!,;:]\s)|(?<=\s[-–—]\s))were(?:\s+(?:an?|the))?|"
    r"i\s*(?:'|’)?m\s+(?:from\s+|on\s+the\s+board\s+of\s+|with\s+)?(?:an?|the)|i\s+work\s+(?:in|at|for)\s+(?:an?|the))\s+"
    # (the body's name of up to three words, "Kent & Medway STP", not "LIS help an ICS")
    r"((?:(?!(?:a|an|the|to|for|with|is|are|do|does|did|can|could|help|helps|what|how|who|"
    r"about|on|in|at)\s)[A-Za-z&]+\s+){0,3}?(?:trusts?|ics|icss|icps?|hcps?|stps?|ccgs?|acs|icb|organisations?|"
    r"systems?|partnerships?|hospitals?|hospices?|teams?|board|foundation trust|"
    # the asker's own people ("my CEO", "our HR dir", "our DoF is asking")
    r"ceo|chief\s+exec\w*|chair|dir|directors?|dof|fd|cfo|coo|boss|execs?|colleagues?|"
    r"lot|folks|people|guys|dept|department|unit)"
    # the body's own board or team: "im on our ICS board in Notts - ..."
    r"(?:\s+(?:board|team|execs?|leadership))?"
    # where they are: "our trust in leeds, ...", "our R&D lot at the QE in brum want to ..."
    # "our STP in the black country wants ...", "our STP is Kent & Medway - ..." (a name,
    # not "our trust is keen to ...")
    rf"(?:\s+(?:(?:at|in)\s+the\s+{_NAME_WORDS}\s+in\s+{_NAME_WORDS}|"
    # ("we're an ambulance trust up in the NE - ...")
    rf"(?:(?:up|down|over|out)\s+)?(?:in|at|from|near|nr|outside)\s+(?:the\s+)?{_NAME_WORDS}|"
    # "our STP falls within the Liverpool City Region, which ..."
    rf"(?:is|falls\s+(?:with)?in|sits\s+(?:with)?in|is\s+part\s+of)\s+(?:the\s+)?{_NAMED_AS})"
    rf"(?=\s*(?:[).,;:!?]|\s[-–—]\s|$)|\s+(?:wants?|need|needs|are|is|have|has|keeps?)\b"
    # "we're a trust in leicester doing our estates strategy - ...": what they are doing
    r"|\s+(?:doing|working\s+on|writing|drafting|reviewing|updating|preparing|refreshing)\b"
    # "we're a CCG in derby and feel a bit out of the loop"
    r"|\s+and\s+(?:feel|felt|are|were|have|had|want|need|keen|would|will|we|i|im|not)\b))?)\b",
    re.IGNORECASE,
)


# "our DPH reckons ...", "my boss keeps saying ...": whose view the question checks, not
# what it is about.
_REPORTER_RE = re.compile(
    # ("our LEP in Cheshire & Warrington keeps saying ...": where they are, too)
    r"\b(?:our|my)\s+((?:[A-Za-z&]+\s+){0,2}?[A-Za-z&]+\s+"
    r"(?:(?:in|at|from)\s+(?:[A-Za-z'’&.-]+\s+){1,4}?)?(?:reckons|reckoned|thinks|"
    r"thought|keeps|kept|told|mentioned|insists|swears|asks|asked)"
    # "... keeps saying", "... keeps going on about", "our board keeps asking": how they
    # say it, not the topic
    r"(?:\s+(?:saying|going\s+on\s+about|banging\s+on\s+about|on\s+about|talking\s+about|"
    r"mentioning|asking(?:\s+about)?|pushing))?)\b",
    re.IGNORECASE,
)


# "someone at Vale of York CCG said the confed is ...": whose claim the question checks, and
# where they work, which sets the scene and is not what the question asks about.
_SOMEONE_SAID_RE = re.compile(
    r"\b((?:someone|somebody|a\s+colleague|colleagues|people|a\s+(?:friend|contact))\s+"
    r"(?:at|from)\s+(?:[A-Za-z'’&.-]+\s+){1,6}?(?:said|says|told\s+(?:me|us)|reckons|"
    r"thinks|mentioned|claims?|insists))\b",
    re.IGNORECASE,
)


# The kinds of NHS body an asker says they are ("acute trust", "hull STP", "MH trust").
_BODY_KIND = (
    r"(?:nhs\s+)?(?:ft|foundation\s+trust|trusts?|hosp(?:ital)?s?|ics|icb|icp|hcp|stp|ccg|pcn|ahsn|"
    r"csu|(?:gp\s+)?practice|hospice|ambulance\s+service|(?:gp\s+)?federation|gp\s+fed|(?:provider\s+)?collaborative|"
    # a provider named for its service: "derbyshire community health (services) - ..."
    r"community\s+health(?:care)?(?:\s+services)?)"
)
# An organisation's initials as people type them: "ULHT", "NHFT", "WY&H", "CCGs".
BODY_INITIALS = r"[A-Z][A-Za-z&]{0,6}[A-Z]s?"
_INITIALS_ONLY = re.compile(
    r"\s*[A-Z][A-Za-z&]{1,6}[A-Z]s?\s*"
)  # three letters at least: not "(GM)", a place
_BODY_KIND_RE = re.compile(rf"\b{_BODY_KIND}\b", re.IGNORECASE)
_NOT_A_QUESTION = (
    r"(?!(?:who|what|which|how|when|where|why|is|are|does|do|did|can|could|should|"
    r"would|will|has|have|any|the)\b)"
)

# "... what even is a SAP. community and MH trust in hull": a closing sentence that only
# says what kind of body asks, and where.
_CLOSING_BODY_RE = re.compile(
    rf"(?:^|[.?!]\s+){_NOT_A_QUESTION}((?:[A-Za-z'’&.+-]+\s+){{0,5}}?{_BODY_KIND}"
    r"(?:\s+(?:in|at|from)(?:\s+[A-Za-z'’&.-]+){1,3})?)\W*$",
    re.IGNORECASE,
)

# "... say about skills? - LPT", "... thx - NHFT": who asks, by initials, signing off.
_SIGNED_OFF_RE = re.compile(
    r"(?:[?!.]\s*(?:(?:thx|thanks|cheers|ta|ty)\W*)?\s[-–—]|\b(?:thx|thanks|cheers|ta|ty)\s*[-–—,])"
    rf"\s*(?-i:({BODY_INITIALS}))\W*$",
    re.IGNORECASE,
)

# "... some kind of commission? UHB asking": who asks, named at the very end.
_CLOSING_ASKER_RE = re.compile(
    r"(?:^|[.?!]\s+|\s[-–—]\s+|,\s*)((?:[A-Za-z'’&.+-]+\s+){0,4}?[A-Za-z'’&.+-]+)\s+"
    r"(?:asking|wondering|wants\s+to\s+know)\W*$",
    re.IGNORECASE,
)


# "What should an integrated care system do to ...", "how can a trust use ...": the body
# advised is whoever asks, not what the advice is about.
_ADVISED_RE = re.compile(
    r"\b(?:what|how)\s+(?:should|shall|can|could|might|must|would)\s+(?:an?\s+|the\s+)?"
    r"((?:nhs\s+)?(?:integrated\s+care\s+(?:systems?|boards?)|sustainability\s+and\s+"
    r"transformation\s+partnerships?|ics|icss|icb|icbs|stps?|ccgs?|trusts?|foundation\s+trusts?|"
    r"(?:nhs\s+)?(?:organisations?|bodies|leaders)))\s+(?=[a-z]+\b)(?!(?:and|or|of|in)\b)",
    re.IGNORECASE,
)


# "any tips for a small trust in cornwall on ...": advice asked for the asker's kind of body.
_TIPS_FOR_RE = re.compile(
    r"\b(?:tips|pointers|advice|suggestions)\s+for\s+(?:an?\s+|our\s+|my\s+)?"
    rf"((?:[A-Za-z'’&-]+\s+){{0,2}}?{_BODY_KIND}(?:\s+(?:in|at|from)\s+{_NAME_WORDS})?)"
    r"(?=\s+(?:on|about|re|with|for|to|when|who|that)\b|\W*$)",
    re.IGNORECASE,
)


# "middlesbrough FT - does ...", "hull STP here, ...": a question that opens with who asks.
_OPENING_ASKER_RE = re.compile(
    rf"^\W*((?:(?:[A-Za-z'’&.+-]+\s+){{0,5}}?{_BODY_KIND}"
    # an NHS body by its name, then where it is: "NHS Kent & Medway, based in maidstone - ..."
    r"|(?-i:NHS(?:\s+(?:[A-Z][\w'’.-]*|&|and)){1,5})(?=,?\s+based\b|\s*\(|\s+here\b))"
    # "hull STP in the east", "HCV ICS, based in hull - ..."
    r"(?:,?\s+(?:based\s+)?(?:in|at|from)"
    r"(?:\s+[A-Za-z'’&.-]+){1,3}?"
    # "ambulance trust, nottingham - ...": where it is, after a comma
    # ("acute trust, derby (UHDB) - ...")
    r"|,\s+[A-Za-z'’&.-]+(?:\s+[A-Za-z'’&.-]+)?(?=(?:\s*\([^)]{1,40}\))?\s*[-–—:]))?(?:\s+here)?"
    r"(?:\s*\([^)]{1,40}\))?"  # "STP in the north east (newcastle) - ..."
    # "acute trust in oxford thinking about a bid - ...": what they have in mind, unless
    # it is a strategy ("trust in X looking at the X LIS - what does it say")
    r"(?:\s+(?:thinking|looking|planning|considering|hoping|wanting|keen|trying)\b"
    r"(?:\s+(?!(?:lis|leps?|strateg\w*|plans?)\b)[A-Za-z'’&.-]+){0,5}?)?)"
    # ("BSol ICS here (west mids). whats ...": a sentence of its own)
    r"(?:\s*[-–—:,]|\.(?=\s)|(?=\s+(?:wondering|asking)\b))"
    # "UHB here (brum) - ...", "stoke mandeville / bucks healthcare here, ...": whoever
    # says they are here
    # ("stoke mandeville (bucks) here - ...")
    r"|^\W*((?:[A-Za-z'’&.+/-]+\s+){1,6}?(?:\([^()]{1,40}\)\s+)?here"
    r"(?:\s+(?:in|at)\s+[A-Za-z'’&.-]+(?:\s+[A-Za-z'’&.-]+){0,2}?)?)"  # "NLaG here in grimsby"
    r"\b\s*(?:\([^)]{1,40}\)\s*)?(?:[-–—:,]|\.(?=\s))"
    # "NE ics programme manager - ...", "workforce lead at an STP - ...", "im in the older
    # peoples team at a community trust in plymouth, ...": a role, and where it is
    rf"|^\W*{_NOT_A_QUESTION}((?:[A-Za-z'’&.+/-]+\s+){{0,6}}?(?:lead|manager|mgr|person|"
    r"officer|director|head|nurse|gp|clinician|analyst|commissioner|planner|pharmacist|"
    r"consultant|advis[eo]r|co-?ordinator|team|office|(?:non[\s-]?)?exec(?:utive)?|ned|governor)s?"
    r"(?:\s+(?:at|in|from|for|with|of)"
    r"(?:\s+[A-Za-z'’&.-]+){1,7}?"
    # "ICB comms lead, notts: ...", "strategy manager, leeds CCG: ...": where, after a comma
    r"|,\s+[A-Za-z'’&.-]+(?:\s+[A-Za-z'’&.-]+)?(?=(?:\s*\([^)]{1,40}\))?\s*[-–—:]))?"
    r"(?:\s*\([^)]{1,40}\))?(?:\s+here)?)\s*[-–—:,]"
    # "(hello) from Nottingham (NUH), ...": where they write from
    # ... and "from SWB in west brom - ...": their body, then where it is
    r"|^\W*(from\s+(?!the\b)[A-Za-z'’&.-]+(?:\s+[A-Za-z'’&.-]+)?"
    r"(?:\s+(?:in|at)\s+[A-Za-z'’&.-]+(?:\s+[A-Za-z'’&.-]+){0,2})?"
    r"(?:\s*\([^)]{1,40}\))?)\s*[-–—:,]",
    re.IGNORECASE,
)


# "(STP in Sunderland) can someone ...": a bracket opening the message that names the
# asker's body, as a tag of where they write from.
_OPENING_TAG_RE = re.compile(
    rf"^[^\w(]*\(((?:[A-Za-z'’&.+/-]+\s+){{0,5}}?{_BODY_KIND}\b[^()]{{0,40}}"
    # ... or only where they are: "(Leeds) what does ...", "(county durham) is the ...",
    # "(Derriford, plymouth) ..."
    r"|[A-Za-z'’&.-]+(?:,?\s+[A-Za-z'’&.-]+){0,2})\)",
    re.IGNORECASE,
)


# "hi, ...", "morning all -": a greeting opening a message, which asks and names nothing.
GREETING = re.compile(
    r"^\W*(?:hey|hi|hiya|hello|morning|ok|okay|right|so)(?:\s+(?:all|there|team|everyone|folks))?"
    r"\b[\s,!.:-]*",
    re.IGNORECASE,
)
# "quick one, new NED at a trust in norwich - ...": an opener before who asks (not before
# "we're ..." or "i'm ...", which `_ASKER_RE` reads wherever they are)
_QUICK_ONE = re.compile(
    r"^\W*quick\s+(?:one|q|qn|question)\b(?![\s,!.:-]*(?:we|i|im|i['’]m)\b)[\s,!.:-]*",
    re.IGNORECASE,
)

# The NHS side, where a role that opens a question works ("NE ics programme manager - ").
_NHS_SIDE = re.compile(
    r"\b(?:ics|icb|icp|stp|ccg|pcn|trusts?|ft|hospitals?|nhs|practice|gp|ambulance|"
    r"community|acute|mental\s+health|primary\s+care|public\s+health|dph)\b",
    re.IGNORECASE,
)

# "im the strategy lead at UHDB (derby) - ...": a role the asker says is theirs.
_SAYS_I_AM = re.compile(r"(?:i\s*(?:'|’)?m|i\s+am)\s", re.IGNORECASE)

# A sentence of a few words that asks nothing, ended by a full stop.
_SHORT_STATEMENT = re.compile(r"^([^.?!]{1,80}?)\.(?:\s|$)")

# Where a phrase about the asker ends: punctuation, a dash, or the end of the question.
_PHRASE_END = r"(?=\s*(?:[).,;:!?]|\s[-–—]\s|$))"

# "(we're in warrington)", "I'm based in Leeds": where the asker is, not what they ask about.
_LOCATED_RE = re.compile(
    # ("im on the board at Leeds Teaching Hosps - ...")
    r"\b(?:(?:we\s*(?:'|’)?re|we\s+are|i\s*(?:'|’)?m|i\s+am|(?:i|we)\s+(?:work|sit))\s+"
    r"(?:based\s+|on\s+the\s+board\s+)?(?:in|at|from|for|near|nr|outside)\s+"
    # "our patch is leeds - ..."
    r"|our\s+(?:patch|area|footprint)\s+(?:is|covers)\s+)"
    # with what they add in brackets: "we're in salford (GM) - ...", "im at pilgrim in
    # boston (ULHT) and our exec wants ..."
    # or after a comma, the body they are part of: "we're in leeds, WY&H ICS"
    r"([A-Za-z'’ &.-]{2,40}?(?:,\s*[A-Za-z'’&.-]+(?:\s+[A-Za-z'’&.-]+)?\s+"
    r"(?:ics|icb|icp|stp|ccg|trust|ft|pcn)(?=\W*$)"
    # or its initials: "im at lincoln county hospital, ULHT"
    rf"|,\s*(?-i:{BODY_INITIALS})(?=\W*$)"
    r"|\s*\([^()]{1,30}\)(?=\s+(?:and|but|so)\b)"
    rf"|(?:\s*\([^()]{{1,30}}\))?{_PHRASE_END}))",
    re.IGNORECASE,
)


# "(we're Royal Devon & Exeter)", "we're leeds community - ...": who asks, by name (not
# "we're behind on this -", "we're keen to ...", "we're a trust ...", which `_ASKER_RE` reads)
_WE_ARE_NAMED_RE = re.compile(
    r"\b(?:we\s*(?:'|’)?re|we\s+are)\s+"
    # (nor how they are: "we're stuck", "we're behind on this")
    rf"((?:(?!(?:{_NOT_A_NAME}|the|for|with|of|by|so|too|all|being|getting|unsure|confused|"
    r"stuck|behind|late|struggling|lost|due|meant|supposed|expected|asked|told)\b)"
    rf"{_NAME_WORD}){{1,4}}"
    rf"(?:(?:in|at|near|nr)\s+{_NAME_WORDS})?){_PHRASE_END}",
    re.IGNORECASE,
)

# "At Leeds CCG we want to know ...": where the asker works, then what they ask.
_AT_OUR_BODY_RE = re.compile(
    rf"\b(?:here\s+)?at\s+((?:[A-Za-z'’&.-]+\s+){{0,4}}?{_BODY_KIND}),?\s+(?=(?:we|i)\b)",
    re.IGNORECASE,
)


# "the point of us (acute trust in reading) getting involved", "our ICS (Surrey
# Heartlands) wants a seat ...", "our STP estates lead (herts & west essex) is asking": who
# "us" or "our ICS" are, in brackets.
_BRACKETED_ASKER_RE = re.compile(
    rf"\b(?:us|we|me|i|(?:our|my)\s+(?:[A-Za-z&]+\s+){{0,2}}?{_BODY_KIND}(?:['’]s)?"
    r"(?:\s+[A-Za-z&]+){0,2}?)\s*\(([^()]{2,50})\)",
    re.IGNORECASE,
)


# "asking for ULHT", "on behalf of our CEO": whom the asker asks for.
_ACTING_FOR_RE = re.compile(
    r"\b(?:(?:asking|writing|enquiring)\s+(?:for|on\s+behalf\s+of)|on\s+behalf\s+of)\s+"
    rf"((?:[A-Za-z'’&.-]+\s+){{0,3}}?[A-Za-z'’&.-]+){_PHRASE_END}",
    re.IGNORECASE,
)


# "writing from leeds - ...", "LTHT (Leeds) - ...", "based in leeds - ...": an
# opening before a dash or colon that says where the asker is or works (a word of place,
# an NHS body, or a closing bracket), names no topic, and says nothing happens
_OPENING_SEGMENT = re.compile(
    # (not "in GM - who leads?", which asks of GM; nor "our ICS is in bucks - ...", whose
    # place `_ASKER_RE` leaves to say whose strategy "our LIS" is)
    rf"^{_NOT_A_QUESTION}(?!(?:in|for|on|at|our|my|we|i)\b)((?:[A-Za-z'’&.+/-]+,?\s+){{0,7}}?[A-Za-z'’&.+/-]+"
    r"(?:\s*\([A-Za-z'’&. -]{2,30}\))?)\s*(?:\s[-–—]|:)\s+\S"  # "LTHT (Leeds) - ..."
)
_WHERE_WORD = re.compile(
    # (a role at a body, "skills lead at the harbour board: who?", asks who holds it)
    rf"\b(?:from|based|here|patch|covers?|working|writing)\b|\b{_BODY_KIND}\b|\)$",
    re.IGNORECASE,
)
_TOPIC_OR_EVENT = re.compile(
    r"\b(?:lis|liss|lis's|strateg\w*|stratergy|plans?|sep|deals?|funds?|funding|levy|panels?|"
    r"briefings?|brief|slides|deck|paper|page|report|review|targets?|challenges?|partnership|"
    r"programmes?|council|hubs?|need|needs|want|wants|has|have|had|keeps?|asks?|asked|thinks?|"
    r"doing|redoing|refreshing|meeting)\b",
    re.IGNORECASE,
)


def _opening_segment(question: str, start: int) -> tuple[int, int] | None:
    """Where an opening segment that only says where the asker is lies, if there is one."""
    found = _OPENING_SEGMENT.match(question[start:])
    if not found:
        return None
    segment = found.group(1)
    if not _WHERE_WORD.search(segment) or _TOPIC_OR_EVENT.search(segment):
        return None
    return start + found.start(1), start + found.end(1)


def opening_end(question: str) -> int:
    """Where a message starts after its greeting or opener ("hi, ...", "quick one, ..."):
    where who asks may say so ("hi, strategy lead at a trust here - ...")."""
    opened = GREETING.match(question) or _QUICK_ONE.match(question)
    return opened.end() if opened else 0


def asker_spans(question: str) -> list[tuple[int, int]]:
    """Where the question says who is asking ("our ICS", "hull STP here, ...", "asking
    for ULHT") or where they are ("we're in warrington")."""
    spans = [m.span(1) for m in _ASKER_RE.finditer(question)]
    spans += [m.span(1) for m in _LOCATED_RE.finditer(question)]
    spans += [m.span(1) for m in _WE_ARE_NAMED_RE.finditer(question)]
    spans += [m.span(1) for m in _AT_OUR_BODY_RE.finditer(question)]
    spans += [m.span(1) for m in _ACTING_FOR_RE.finditer(question)]
    spans += [  # (not "our trust's plan (the LIS)")
        m.span(1)
        for m in _BRACKETED_ASKER_RE.finditer(question)
        if not _ABOUT_A_STRATEGY.search(m.group(1))
    ]
    spans += [m.span(1) for m in _REPORTER_RE.finditer(question)]
    spans += [m.span(1) for m in _SOMEONE_SAID_RE.finditer(question)]
    spans += [m.span(1) for m in _CLOSING_ASKER_RE.finditer(question)]
    spans += [m.span(1) for m in _CLOSING_BODY_RE.finditer(question)]
    spans += [m.span(1) for m in _SIGNED_OFF_RE.finditer(question)]
    spans += [m.span(1) for m in _ADVISED_RE.finditer(question)]
    spans += [m.span(1) for m in _TIPS_FOR_RE.finditer(question)]
    # at the start of any sentence: "... get out of it?? acute trust in lincoln, board wants ..."
    opened = opening_end(question)
    for start in [opened] + [m.end() for m in re.finditer(r"[?!.]+\s+", question)]:
        tag = _OPENING_TAG_RE.match(question[start:])
        if tag and not _TOPIC_OR_EVENT.search(tag.group(1)):  # not "(the LIS) what is it"
            spans.append((start + tag.start(1), start + tag.end(1)))
        opening = _OPENING_ASKER_RE.match(question[start:])
        if opening:
            role = opening.group(3)
            if role and not _NHS_SIDE.search(role) and not _SAYS_I_AM.match(role):
                continue  # "skills lead at the LEP: who?" asks who the LEP's lead is
            begin, end = opening.span(next(g for g in (1, 2, 3, 4) if opening.group(g)))
            # "ambulance service, HQ near exeter. is ...?": a short statement that opens
            # with who asks is all about them
            statement = _SHORT_STATEMENT.match(question[start:])
            if statement:
                end = max(end, statement.end(1))
            spans.append((start + begin, start + end))
    # a closing bracket that names the asker's kind of body or gives its initials: "... from
    # when (MH trust, leics)", "... grand challenges (LPT)"
    tag = _CLOSING_TAG.search(question)
    if (
        tag
        and (_BODY_KIND_RE.search(tag.group(1)) or _INITIALS_ONLY.fullmatch(tag.group(1)))
        and not _ABOUT_A_STRATEGY.search(tag.group(1))
    ):
        spans.append(tag.span(1))
    # an opening no pattern above reads as who asks ("writing from leeds - ...")
    segment = _opening_segment(question, opened)
    if segment and not any(start <= segment[0] < end for start, end in spans):
        spans.append(segment)
    return _merged(spans)


# A message's closing bracket, as Slack users tag where they write from: "... every LEP
# area (herts)", "... help us do? (cambs)". Unless it names a strategy ("(herts LIS)").
_CLOSING_TAG = re.compile(r"\s*\(([^()]{2,40})\)\W*$")
_ABOUT_A_STRATEGY = re.compile(r"(?i)\b(?:LIS|LISs|LEP|strateg\w*|plan|SEP|deal)\b")


def without_closing_tag(question: str) -> str:
    """The question without a closing bracket that tags where the asker is: it says
    nothing of what is asked about ("is there one in every LEP area (herts)")."""
    tag = _CLOSING_TAG.search(question)
    if tag and not _ABOUT_A_STRATEGY.search(tag.group(1)):
        return question[: tag.start()]
    return question


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans that overlap, as one: two ways of saying who asks name them once."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def without_asker(question: str, spans: list[tuple[int, int]] | None = None) -> str:
    """The question without what it says of who asks ("we're at gateshead")."""
    rest = question
    for start, end in sorted(asker_spans(question) if spans is None else spans, reverse=True):
        rest = rest[:start] + " " + rest[end:]
    return rest


# "anything relevant to us?", "what does it mean for us": the asker is what is asked about
_ABOUT_US = re.compile(
    r"\b(?:relevant|relevance|apply|applies|matters?|mean|means|affects?|useful|important|"
    r"in\s+it)\s+(?:to|for)\s+us\b"
    # "nel ccg (grimsby) here - does the industrial strategy mention us at all?"
    r"|\b(?:mentions?|mentioned|mentioning|names?|named)\s+us\b"
    # "who at the LEP is leading the partnership w/ us?": what the asker's body is part of
    r"|(?<!\bhelp\s)\b(?:with|w/)\s+us\b",
    re.IGNORECASE,
)


# "what did our LEP say ...", "who at the LEP ...": the body of the asker's area is what is
# asked about (not "our LIS", often asked of every strategy: "whats the deadline for our
# LIS?")
_OUR_AREAS_BODY = re.compile(
    r"\b(?:our|my)\s+(?:local\s+)?(?:leps?|mcas?|combined\s+authority|mayor|"
    r"local\s+enterprise\s+partnership)\b"
    # "dorset ICS here - who at the LEP is driving it?": one LEP, theirs (not "the LEP's
    # web page", a document)
    r"|\b(?:at|from)\s+the\s+(?:local\s+)?(?:lep|mca|combined\s+authority)\b"
    r"(?!['’]?s?\s+(?:[\w-]+\s+){0,3}?(?:page|web\s*page|site|website|briefing|doc)\b)",
    re.IGNORECASE,
)


def asker_terms(question: str) -> list[str]:
    """Terms that describe who is asking ("our ICS", "we're a trust"), not the topic (a
    term the rest of the question uses too is the topic: "grimsby trust here - anything
    in the white paper about grimsby?"; so is the asker, asked what concerns them: "we're
    an ambulance trust - anything relevant to us?", or what their area's body says: "dorset
    ics here - what did our LEP say?")."""
    if _ABOUT_US.search(question) or _OUR_AREAS_BODY.search(question):
        return []
    spans = asker_spans(question)
    about = set(terms(without_asker(question, spans)))
    named = terms(" ".join(question[start:end] for start, end in spans))
    return [term for term in named if term not in about]


# Where the answer should come from, not what it is about: "according to the NHS
# Confederation", "the NHS Confederation's 2017 briefing", "as quoted in the June 2019
# briefing". The passage that answers rarely repeats these words; the ones that do (the
# briefing's own introduction) rarely answer.
_ACCORDING_TO = r"\baccording\s+to\s+(?:the\s+)?[^,?;]+"
_SOURCE_RE = re.compile(
    _ACCORDING_TO
    + r"|\bin\s+(?:the\s+)?(?:[\w&-]+\s+){0,3}?[\w&-]+(?:['’]s?)?\s+(?:view|opinion|words)\b"
    # "what does the confed reckon ...", "why does the confed think ...": whose view is
    # asked, not what about
    r"|\b(?:what|why)\s+(?:does|do|did)\s+(?:the\s+)?(?:[\w&'’-]+\s+){1,3}?(?:reckon|think|believe|"
    r"recommend|suggest|advise)\b"
    # "how does the confed define productivity?": whose definition, not what is defined
    r"|\bhow\s+(?:does|do|did)\s+(?:the\s+)?(?:[\w&'’-]+\s+){1,3}?(?=(?:define|describe|see|view|"
    r"measure|characteri[sz]e)\b)"
    r"|\bwhat(?:['’]?s|\s+is)\s+(?:the\s+)?(?:[\w&'’-]+\s+){1,3}?(?:view|take|position|stance|"
    r"opinion)\b(?!\s+of\b)"  # "whats the confed view"; "the view of X" is asked of X
    r"|\b(?:the|its|their)\s+(?:[\w'’&-]+\s+){0,4}?(?:briefing|report|slides|slide\s+deck|deck|docs?|"
    r"documents?|web\s*page|white\s+paper|presentation|materials?|(?:slide\s+)?pack)s?\b"
    # "the confeds 2017 paper", "the confed's paper" (not "the green paper on care", "the
    # grand challenges paper")
    r"|\b(?:the|its|their)\s+(?:[\w'’&-]+\s+){0,3}?(?:(?:19|20)\d\d|[\w&-]+['’]s)\s+paper\b"
    # slides are named by what they are of ("the North East Local Industrial Strategy
    # engagement slides"); a report may be what is asked about ("the council's latest
    # progress report")
    r"|\b(?:the|its|their)\s+(?:[\w'’&-]+\s+){5,6}?(?:slides|slide\s+deck|deck|web\s*page|"
    r"presentation|materials?|pack)\b"  # ("... engagement pack")
    # "confed briefing - whats the benefit ...": the document, named before the question
    r"|^\W*(?:[\w&'’-]+\s+){0,3}?(?:briefing|report|slides|deck|docs?|paper)\s*[-–—:]"
    # "NE slides say productivity a lot - ...": the document, saying what is asked about
    r"|^\W*(?:[\w&'’-]+\s+){0,3}?(?:briefing|report|slides|deck|docs?|paper)\s+(?:says?|said|"
    r"mentions?|uses?|keeps?\s+saying)\b"
    # "... sector deal?? NE LEP slides pls": the document, asked for after the question
    r"|\b(?:[\w&'’-]+\s+){1,3}?(?:briefing|slides|deck)\s+(?:pls|please|plz)\b",
    re.IGNORECASE,
)


def without_source(question: str) -> str:
    """The question without the words that name the document it should come from."""
    return _SOURCE_RE.sub(" ", question)


def without_attribution(text: str) -> str:
    """The text without whose word it asks for (", according to the NHS Confederation's
    December 2017 briefing"), keeping any document it asks about ("the white paper")."""
    return re.sub(r",?\s*" + _ACCORDING_TO, " ", text, flags=re.IGNORECASE)


def named_sources(question: str) -> list[list[str]]:
    """The terms of each phrase that names a document the answer should come from ("the
    NHS Confederation's 2017 briefing", "its June 2019 briefing"), less those the rest of
    the question uses (see `source_terms`)."""
    rest = set(terms(without_source(question)))
    named = [terms(match.group(0)) for match in _SOURCE_RE.finditer(question)]
    return [kept for phrase in named if (kept := [term for term in phrase if term not in rest])]


def source_terms(question: str) -> list[str]:
    """Terms that say which document should answer, not what the answer is about (a term
    the rest of the question uses too is about it: "according to the NHS Confederation,
    how many people does the NHS employ?")."""
    return [term for phrase in named_sources(question) for term in phrase]


# A sentence that asks: it ends with a question mark or opens with a question word or a
# request ("list ...", "pls explain ...").
_ASKS_RE = re.compile(
    r"\?\W*$|^\W*(?:(?:and|also|but|or|so|then)\s+)?(?:what\w*|which|who\w*|when\w*|where\w*|why|how\w*|is|are|does|do|did|"
    r"can|could|would|will|should|pls|please|list|give|tell|explain|summar\w*|name)\b",
    re.IGNORECASE,
)


# A question inside a sentence that tells: "the board keeps asking what our LEP's
# strategy says about health".
_ASKS_WITHIN_RE = re.compile(
    r"\b(?:what|who|whom|which|how|when|where)(?:['’]?s)?\b",
    re.IGNORECASE,  # "- whos the ..."
)


# What the asker believed, as a sentence of its own: "i thought the first ones were due in
# 2019??" says what they had in mind, which the answer may well contradict.
_BELIEVED_RE = re.compile(
    r"^\W*(?:i|we)\s+(?:thought|assumed|heard|read|believed|was\s+told|were\s+told)\b",
    re.IGNORECASE,
)


# A sentence that puts what the asker believes to the documents: "is it right the target
# is 3% by 2030?", "... is that by 2025?", "john bell back in 2016, right?". A year in it
# is the asker's claim, which the answer may correct, not a name the documents must know.
_CHECKS_A_CLAIM = re.compile(
    r"^\W*(?:(?:and|also|so)\s+)?(?:is|was|are|were)\s+(?:it|this|that)\s+(?:right|true|correct)\b"
    r"|\b(?:right|correct|true|yeah|yes|yep|isn['’]?t\s+it|aren['’]?t\s+they)\W*$"
    r"|\b(?:is|was)\s+(?:that|it)\s+(?:by|in|from|for|due)\s+(?:\w+\s+)?(?:19|20)\d\d\W*$"
    r"|^\W*(?:i|we)\s+(?:thought|heard|assumed|was\s+told|were\s+told)\b",
    re.IGNORECASE,
)


# A question to be answered yes or no ("does the strategy commit to 2.4 per cent by 2030?")
_YES_OR_NO = re.compile(r"^\W*(?:does|do|did|is|are|was|were|will|has|have|had)\b", re.IGNORECASE)


def checks_a_claim(sentence: str) -> bool:
    """The sentence asks whether what the asker believes is so (see `_CHECKS_A_CLAIM`), or
    asks yes or no of a figure it states ("does it commit to 2.4 per cent of GDP by 2030?",
    "is the target 100k jobs?")."""
    sentence = sentence.strip()
    if _CHECKS_A_CLAIM.search(sentence):
        return True
    figures = (f.group(0) for f in _CLAIMED_FIGURE.finditer(sentence))
    return bool(_YES_OR_NO.match(sentence)) and any(not YEAR.fullmatch(f) for f in figures)


# A figure or a year as a claim states it: "3%", "£1bn", "50,000", "2.4 per cent", "2035";
# not a number that names a group ("over 75s").
_CLAIMED_FIGURE = re.compile(
    r"£\s?\d[\d,.]*(?:\s?(?:m|bn|k|million|billion)\b)?"
    r"|\d[\d,.]*\s?(?:%|per\s?cent\b|k\b|m\b|bn\b|million\b|billion\b)"
    r"|\b\d{1,3}(?:,\d{3})+\b|\b(?:19|20)\d\d\b",
    re.IGNORECASE,
)


# A year as documents and questions write it ("2030"), and the months that date it.
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
MONTHS = (
    "January February March April May June July August September October November December"
).split()


def claimed_terms(question: str) -> list[str]:
    """The figures and years a question puts to the documents to check ("is it right the
    target is 50,000 by 2035?"): the asker's belief, which the answer corrects, not what
    it must hold."""
    return [
        term
        for sentence in question_sentences(question)
        if checks_a_claim(sentence)
        for figure in _CLAIMED_FIGURE.finditer(sentence)
        for term in terms(figure.group(0))
    ]


# "... anything relevant to us? esp vehicles/fleet": what the asker most wants covered.
_EMPHASISED = re.compile(
    r"\b(?:especially|particularly|in\s+particular|notably)\s+"
    r"((?:[\w'’-]+(?:\s*[/&+]\s*|\s+(?:and|or)\s+|\s+)?){1,3})",
    re.IGNORECASE,
)


def emphasised_terms(question: str) -> list[str]:
    """The terms the asker singles out ("esp vehicles/fleet", "particularly housing")."""
    return [term for match in _EMPHASISED.finditer(question) for term in terms(match.group(1))]


def asks(sentence: str) -> bool:
    """The sentence asks something (rather than setting the scene)."""
    if _BELIEVED_RE.search(sentence):
        return bool(_ASKS_WITHIN_RE.search(sentence))
    return bool(_ASKS_RE.search(sentence) or _ASKS_WITHIN_RE.search(sentence))


def question_sentences(question: str) -> list[str]:
    """The sentences of a question as typed: chat often starts them in lower case ("...
    forwarding me stuff about it. what does 'productivity' mean?"), which `sentences`,
    made for documents, does not split."""
    return [part for part in re.split(r"(?<=[.!?])\s+", question.strip()) if part]


def dash_pieces(text: str) -> list[str]:
    """The text's parts a spaced dash sets apart ("our trust in truro - what does ...")."""
    return re.split(r"\s[-–—]\s", text)


def _purpose_apart(sentence: str) -> list[str]:
    """A sentence that asks, then after a dash says what the answer is for ("which ones
    are most relevant to the NHS - need a quick line for our STP board"), as two: the
    second sets the scene, and its words (a board, a line) are not what is asked."""
    dashes = list(re.finditer(r"\s[-–—]\s", sentence))
    dash = dashes[-1] if dashes else None
    if dash and asks(sentence[: dash.start()]) and not asks(sentence[dash.end() :]):
        return [sentence[: dash.start()], sentence[dash.end() :]]
    return [sentence]


def told_and_asked(question: str) -> tuple[list[str], list[str]]:
    """The question's sentences that set the scene and those that ask: "Our trust board
    has asked why we should spend time on it when we have a deficit to manage. Could you
    give me one line on the benefits of engaging?" is about the benefits of engaging. All
    of them ask when none sets a scene, or when the asking ones say too little to be about
    anything ("... what our LEP's strategy says. any pointers?")."""
    parts = [piece for part in question_sentences(question) for piece in _purpose_apart(part)]
    asking = [part for part in parts if asks(part)]
    if not asking or len(asking) == len(parts) or not terms(" ".join(asking)):
        return [], parts  # "... march 2019 but I've seen march 2020. which is it??"
    return [part for part in parts if part not in asking], asking


def background_terms(question: str) -> list[str]:
    """Terms only the sentences that set the scene use (see `told_and_asked`)."""
    told, asking = told_and_asked(question)
    asked = set(terms(" ".join(asking)))
    return [term for term in terms(" ".join(told)) if term not in asked]
