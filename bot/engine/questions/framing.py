"""Words around a question that name no topic ("in plain English", "for my board paper", "in
the knowledge base"): matched as topics they pull in passages about something else. With
them, the topic asked of a thing ("anything on ageing?"), asking where to find a text, and
the things a question asks to choose between ("the mayor or the LEP?")."""

from __future__ import annotations

import re

from bot.engine.text import BODY_INITIALS, terms

_PRESENTATION = re.compile(
    r"\b(?:in\s+(?:plain|simple|everyday|lay(?:man'?s|person'?s)?|non[- ]technical)\s+"
    r"(?:english|terms|language|words)|(?:plain|simple)[\s-]english\b|"
    # "pls advise", "any advice welcome", "thanks in advance": a sign-off, asking nothing more
    r"(?:pls|please|plz|kindly)\s+advise\b|any\s+(?:advice|help|pointers|thoughts)\s+(?:much\s+)?"
    r"(?:welcome|appreciated|gratefully\s+received)|thanks\s+in\s+advance|\btia\b|"
    r"in\s+(?:lis|strategy|policy|nhs)[\s-]+(?:terms|speak|jargon|lingo|parlance)|in\s+a\s+nutshell|"
    r"(?:simple|short|plain|quick|easy|brief)\s+version|in\s+(?:one|a|two|a\s+few)\s+"
    r"(?:lines?|sentences?|paragraphs?|words)|"
    # "need it for a board slide": what the answer is for ("need" alone may be a topic)
    r"(?:(?:need|want)(?:ed|s)?\s+(?:it|this|that|them)\s+)?for\s+(?:(?:my|our|the|a)\s+)?"
    r"(?:(?:trust|ics|stp|ccg|icb|icp|pcn|nhs)\s+)?(?:board|boss|ceo|"
    r"chair|chief\s+exec\w*|exec(?:utive)?\s+team|execs?|team|colleagues|directors?|"
    r"governors?|slides?|deck|presentation|ppt|powerpoint)"
    r"(?:\s+(?:paper|meeting|report|briefing|update|slides?|deck|presentation|pack|"
    r"(?:cover\s+)?notes?|memo|email))?|"
    # "doing a board paper for CDDFT", "... for Herts LEP health group - ...": the paper, and
    # the organisation or group it is for
    rf"(?:board|briefing|cabinet)\s+paper(?:\s+for\s+(?:(?-i:{BODY_INITIALS}\b)|"
    r"(?:the\s+|our\s+)?(?:[A-Za-z&'’-]+\s+){0,3}?(?:group|board|committee|forum|team)"
    r"(?=\s*(?:[-–—,:;.?!]|$))))?|"
    # what the asker is making, whatever it is about ("for our LEP pitch")
    r"for\s+(?:my|our)\s+(?:[\w'’&-]+\s+){0,3}?(?:pitch|slides?|deck|presentation|paper|"
    r"report|briefing|business\s+case|talk|newsletter|blog|(?:cover\s+)?notes?|memo|email)|"
    # "for an STP paper", "for a board deck"
    r"for\s+an?\s+(?:[\w'’&-]+\s+){0,2}?(?:pitch|slides?|deck|presentation|paper|briefing|"
    r"talk|newsletter|blog|(?:cover\s+)?notes?|memo|email)\b|"
    # "need a stat for a board paper - how many ...": the kind of answer wanted, whose
    # topic the question after the dash names ("need" and "stat" are no topic of it)
    r"(?:(?:i|we)\s+)?(?:need|want|after|looking\s+for)(?:ing)?\s+(?:a|an|the|some)\s+"
    r"(?:quick\s+|good\s+|headline\s+)?(?:stats?|statistics?|figures?|numbers?|"
    r"lines?|one[\s-]*liner)(?=\s*(?:for\b|[-–—:]))|"
    # "pls keep it short": how long the answer should be
    r"(?:keep\s+it|make\s+it|nice\s+and)\s+(?:short|brief|simple|snappy|high[\s-]level)\b|"
    r"(?:one|a|two|three|\d)[\s-]+(?:lines?|sentences?)\s+(?=for|on|about|setting|explaining|"
    r"summar|saying|that)|(?:explain\w*\s+(?:it\s+)?)?like\s+i\W?m\s+(?:5|five)|"
    r"tl;?dr|eli5|(?:in\s+|as\s+)?(?:a\s+)?(?:quick\s+|short\s+)?"
    # "3-4 bullets", "two or three bullet points": how many, which asks for no number
    r"(?:(?:\d+|two|three|four|five|six|a\s+few|few|some)(?:\s*[-–/]\s*\d+|\s+or\s+\w+)?\s+)?"
    r"(?:bullet(?:ed)?[\s-]+"
    r"(?:list|points?|pts)|bullets|(?:one|1)[\s-]*liner)(?!\s+of\b)"
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


# "new to all this", "i'm new here": how long the asker has known it, which names no
# topic ("new" matched as one finds "new partners" and "new developments").
_NEW_TO_IT = re.compile(
    r"\b(?:(?:i\s*(?:'|’)?m|we\s*(?:'|’)?re|i\s+am|we\s+are)\s+)?(?:(?:quite|very|pretty|fairly|"
    r"totally|completely|brand|v)\s+)?new\s+(?:to\s+(?:all\s+(?:of\s+)?)?(?:this|it|that)"
    r"(?:\s+(?:stuff|world))?|here)\b",
    re.IGNORECASE,
)


# "bit of a basic one sorry - ...", "dumb question but ...": what the asker thinks of their
# question, which names no topic ("one" matched as one finds "one of four areas").
_OWN_QUESTION = re.compile(
    r"\b(?:(?:sorry|soz|apologies)[,\s]+)?"
    r"(?:(?:a\s+)?bit\s+of\s+an?\s+|an?\s+|this\s+(?:is\s+)?(?:an?\s+)?|my\s+)?"
    r"(?:basic|easy|simple|silly|dumb|daft|stupid|obvious|random|odd|naive|newbie)\s+"
    r"(?:one|q|qn|question)\b(?:,?\s+but\b)?",
    re.IGNORECASE,
)


# "why is it considered important?": how a thing is regarded frames the question ("consider"
# in a document is seldom that: "Engagement event to consider implications ..."); not "why
# are practices regarded as anchor institutions?", which asks what makes them one.
_REGARDED = re.compile(r"\b(?:considered|regarded|deemed)\b(?!\s+(?:as|to)\b)", re.IGNORECASE)


# "in what ways could it help us?": how it could.
_IN_WHAT_WAYS = re.compile(r"\bin\s+(?:what|which)\s+ways?\b", re.IGNORECASE)


# "where health keeps showing up", "keeps coming up": that it features often, which a
# document seldom says with "keep" (not "keeps saying ...", which tells what someone claims)
_KEEPS_DOING = re.compile(
    r"\b(?:keeps|keep|kept)\s+(?=(?:showing|popping|cropping|coming|turning)\s+up\b)",
    re.IGNORECASE,
)


def without_presentation(question: str) -> str:
    """The question without how to present the answer ("in plain English", "for my
    board paper", "in a nutshell"), whom the asker wants to win over ("trying to get
    my board interested in ..."), how new the asker is to it ("new to all this") or what
    they think of their question ("bit of a basic one"), how
    many things it asks ("two qs:") or the collection as a whole ("in the knowledge
    base"): those words name no topic, and matched as one
    ("board") they pull in passages about something else. "In what ways" is read as
    "how" ("ways" names no topic either), "considered important" as "important", and
    "keeps showing up" as "showing up"."""
    said = _HOW_MANY_ASKED.sub(" ", question)
    said = _THE_COLLECTION.sub(" ", _MADE_UP.sub(" ", said))
    said = _WINNING_OVER.sub(" ", _PRESENTATION.sub(" ", _NEW_TO_IT.sub(" ", said)))
    said = _OWN_QUESTION.sub(" ", said)
    said = _IN_WHAT_WAYS.sub("how", _REGARDED.sub(" ", _KEEPS_DOING.sub(" ", said)))
    return " ".join(said.split()) or question


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


# "who leads it, the mayor or the LEP?", "the council, the LEP or a mayor?": the things a
# question asks the asker to choose between, each a word or two before "?" or a break.
_ALTERNATIVES = re.compile(
    r"(?:^|[,\s-])\s*(?:the\s+|a\s+|an\s+)?([\w'’&-]+(?:\s+[\w'’&-]+)?)\s+(?:or|vs\.?|versus)\s+"
    # "a final version or just a draft?"
    r"(?:just\s+|only\s+|still\s+)?(?:the\s+|a\s+|an\s+)?([\w'’&-]+(?:\s+[\w'’&-]+)?)\s*(?=[?!.,;]|\s[-–—]\s|\s+(?:that|which|who)\b|$)",
    re.IGNORECASE,
)


def alternatives(question: str) -> list[frozenset[str]]:
    """The terms of each thing a question asks to choose between ("is it the mayor or the
    LEP that leads?" -> {"mayor"}, {"lep"}), or none."""
    match = _ALTERNATIVES.search(question)
    if not match:
        return []
    chosen = [frozenset(terms(match.group(1))), frozenset(terms(match.group(2)))]
    return chosen if all(chosen) and chosen[0] != chosen[1] else []


# "how does NE productivity compare with the west mids?", "how do we stack up against
# Lincs?": one thing asked of one place, set beside another.
_COMPARED_WITH = re.compile(
    r"\bhow\s+(?:does|do|did|is|are|was|were)\s+(?P<this>[^?]+?)\s+(?:compare[sd]?|stack\s+up|"
    r"measure\s+up)\s+(?:with|to|against)\s+(?P<that>[^?.;!]+)",
    re.IGNORECASE,
)


def compared_sides(question: str) -> tuple[str, str] | None:
    """What a question sets beside what ("how does NE productivity compare with the west
    mids?" -> ("NE productivity", "the west mids")), or None."""
    match = _COMPARED_WITH.search(question)
    return (match.group("this"), match.group("that")) if match else None


# "why" on its own after what is asked, or why that matters
_AND_WHY = re.compile(
    r"(?:,|\band|&|\+)\s*why(?:\s+(?:does|do|is|are|would|should)\s+(?:it|this|that|they|these)"
    r"\s+(?:matter|count|important|relevant))?\s*\W*$",
    re.IGNORECASE,
)


def asks_why_of_the_answer(question: str) -> bool:
    """The question ends asking the reason for what it asks first ("what should we do on
    skills, and why?", "... on skills advisory panels, and why does it matter?"): the
    answer's lead, with the sentence that gives its reason, not a sentence that says why
    something else "matters"."""
    return bool(_AND_WHY.search(question))
