"""Questions that ask for advice: what to do or whether to take part ("what should we do?",
"should our trust be on it?"), whom to talk to or who holds a role, and what it would bring:
the answer leads with something to do, or with the contact to call, not with a fact."""

from __future__ import annotations

import re

from bot.engine.questions.framing import _WHERE_TO_FIND
from bot.engine.text import terms, without_source

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
    # (not "anything in the LIS we shd be plugging into?": what it has, which we would use)
    + r"\s+(?:should|must|ought\s+to))\s+"
    + r"(?:be(?!\s+(?!sitting|joining|getting|having|taking)\w+ing\b)|sit|have|get|join)\b"
    # "does our trust need a seat on the panel?", "does our trust actually need to be on it?"
    + r"|\b"
    + _NHS_SUBJECT
    + r"\s+(?:(?:actually|really|even|still)\s+)?needs?\s+"
    + r"(?:to\s+(?:be|sit|have|get|join)|an?\s+(?:seat|place|say|rep))\b)",
    re.IGNORECASE,
)
# "whats the first step", "practical steps pls", "where do we even start"
_FIRST_STEP = (
    r"\b(?:first|next|practical)\s+steps?\b"
    # "whats the first thing to do?"
    r"|\b(?:first|next)\s+things?\s+(?:(?:we|i)\s+(?:should|need\s+to|must|can)\s+|to\s+)do\b"
    r"|\bwhere\s+(?:(?:do|should|shall|can)\s+(?:we|i)\s+(?:even\s+)?start|to\s+start)\b"
)
_ACTION_QUESTION = re.compile(
    # (in one clause: "what does X mean, and do nhs trusts count?" asks nothing to do)
    # (and who does it in the same question: "how much is it & does it go to the mayoral
    # CAs? we're in an STP" asks nothing to do; "what does the confed think we should do?")
    # ("how fast is it meant to grow according to the LEP?" asks what is planned, not what
    # to do)
    r"\b(what|how|where|which)\b(?=[^,?;]*\b(should|can|could|must|might|do|(?<!meant\s)"
    r"(?<!supposed\s)(?<!expected\s)(?<!projected\s)(?<!going\s)(?<!due\s)(?<!according\s)to)\b)"
    # ("the Cheshire and Merseyside Health and Care Partnership": an ICS by its own name)
    r"(?=[^?!]*\b(we|our|us|i|my|nhs(?!\s+confed)|trusts?|ics|icss|icbs?|stps?|ccgs?|leaders|organisations?|"
    r"systems?|hospitals?|providers?|(?:care|transformation)\s+partnerships?)\b)"
    r"|\b(should|can|could|how do|how to)\b[^?!]*\b(we|our|i|us)\b"
    # "what does the Confederation advise NHS leaders to do?"
    r"|\b(advise[sd]?|advising|recommend(?:s|ed|ing)?|suggest(?:s|ed|ing)?|urge[sd]?|urging|"
    r"encourage[sd]?|encouraging)\s+(?:[\w'’-]+\s+){0,4}?"
    # ("... advise an ICS in an area of major housing growth, such as Aylesbury, to do")
    r"(?:(?:in|with|at|on)\s+[^?.;]{0,100}?,\s+)?(to|do|should)\b"
    # "what does the confed suggest?", "any tips for a small trust on ...?" (not "what did
    # the review recommend?", which reports what a document found)
    r"|\bwhat\s+(?:does|do|would)\s+(?:[\w'’-]+\s+){1,4}?(?:suggest|recommend|advise)\s*(?=[?.!]|$)"
    r"|\b(?:any|some|quick|top)\s+(?:tips|pointers|advice|suggestions)\b"
    r"|" + _FIRST_STEP,
    re.IGNORECASE,
)
_CONTACT_QUESTION = re.compile(
    r"\b(?:who(?:m|['’]?s)?|which\s+(?:organi[sz]ations?|bod(?:y|ies)|person|people|team|office)|"
    r"any\s?(?:one|body)|some\s?(?:one|body))\b[^?]*"
    r"\b(contact|talk|speak|approach|get in touch|reach out|go to|call(?!\s+for\b)|ring|phone|"
    r"email)"
    r"(?:ing)?\b"
    r"|\b(contact details|point of contact|who to contact)\b"
    # "is there anyone at the confed who can help us get in with our lep? contact pls"
    r"|\b(?:any|some)\s?(?:one|body)\b[^?]*\bhelp\b|\bcontacts?\s*(?:pls|plz|please|info)?\W*$"
    # "who leads GM's LIS?", "who runs the LIS in dorset": the body the directory names for
    # that area's strategy (not "who leads the local industrial strategy" in general)
    r"|\bwho(?:['’]?s|\s+is|\s+are)?\s+(?:(?:actually|really|now|currently)\s+)?"
    r"(?:leads?|leading|runs?|running|in\s+charge\s+of|"
    r"responsible\s+for|behind|writing|drawing\s+up|developing)\s+"
    r"(?:(?:the\s+)?(?!(?:the|an?|its|their|our|this|that|lis|local\s+industrial)\b)[\w&'’-]+(?:\s+[\w&'’-]+)?\s+"
    r"(?:lis|local\s+industrial\s+strategy)\b"
    # (a place, not "in a mayoral area" or "in general")
    r"|the\s+(?:lis|local\s+industrial\s+strategy)\s+(?:in|for|at)\s+"
    r"(?!(?:an?|general|each|every|all|any|most|some)\b)\w"
    # "salford ccg who leads our lis": the asker's own area's
    r"|(?:our|my)\s+(?:local\s+)?(?:lis|local\s+industrial\s+strategy)\b)"
    r"|\bwho(?:['’]?s|\s+is|\s+are|\s+would\s+be)\s+(?:the|our|my|a|your)\s+(?:[\w'’&-]+\s+){0,3}?"
    r"(?:contacts?|(?:person|guy|go[\s-]to)(?=\s+(?:for|at|about)\b)"
    # "who's the confed's go-to person on local growth?" (not "the person on the board")
    r"|go[\s-]to\s+(?:person|guy)(?=\s+on\b)"
    # "whos the confed local growth guy and whats his job title?"
    r"|(?:person|guy)(?=\s*(?:[?,.;:!+]|and\b|[-–—]|$)))\b"
    r"|\bhow\s+(?:do|can|should)\s+(?:i|we)\s+(?:contact|reach|get\s+hold\s+of|get\s+in\s+touch)"
    # "who leads the confed's work on it, and how can they be contacted?"
    r"|\bhow\s+(?:do|can|should|could)\s+(?:they|he|she)\s+be\s+(?:contacted|reached)\b"
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


# "What benefits can the NHS gain?", "what would we get out of it?": asks what it brings.
_GAIN_QUESTION = re.compile(
    r"\b(gain|gets?\s+out\s+of|benefits?|expect|receive)\b(?![^?]*\b(do|doing)\b)", re.IGNORECASE
)


# "what does the LIS say government will do with us?", "what has govt committed to do w/
# us?": what others will do, not us
_OTHERS_WILL_DO = re.compile(
    r"\b(?:government|govt|gov|the\s+(?:lep|mca|mayor|combined\s+authority|council)|they|it)\s+"
    r"(?:(?:has|have|had|actually|already)\s+)*"
    # ("... has govt committed to do w/ us?", "... govt said it'll do")
    r"(?:will|would|is\s+going\s+to|are\s+going\s+to|plans?\s+to|intends?\s+to|"
    r"(?:committed|promised|pledged|agreed)\s+to|said\s+(?:it|they)\s*(?:['’]ll|will|would))\s+do\b",
    re.IGNORECASE,
)


# "what should our ICS actually do", "how shd we influence it", "where to start", "practical
# steps pls": asks what the asker or an NHS body should do, in so many words (not "what is
# his message to NHS leaders about working with the LEP?")
_WHAT_TO_DO = re.compile(
    r"\b(?:should|must|ought\s+to|need\s+to|can|could)\s+(?:[\w'’-]+\s+){0,8}?"
    r"(?:do|doing|influenc(?:e|ing)|engag(?:e|ing)|start|approach(?:ing)?|push)\b"
    r"|\bwhat\s+to\s+do\b|" + _FIRST_STEP,
    re.IGNORECASE,
)


def asks_what_to_do(question: str) -> bool:
    """An action question (`is_action_question`) that asks in so many words what to do,
    so that the steps a briefing recommends answer it, whatever their words."""
    return is_action_question(question) and bool(_WHAT_TO_DO.search(question))


def is_action_question(question: str) -> bool:
    """ "What should our ICS do ...", "how can we ...": asks for something to do, not
    what it brings ("what benefits can the NHS gain?"), nor where to read something
    ("where do i read it?"), nor whom to call ("who should we talk to?")."""
    question = _WHERE_TO_FIND.sub(" ", question)
    question = _CONTACT_QUESTION.sub(" ", question)  # "who should we talk to?": whom to call
    question = _OTHERS_WILL_DO.sub(" ", question)  # "... say govt will do with us?": theirs
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


# "what could an ICS gain from influencing it?", "what's in it for a trust?": its benefits.
_WHAT_IT_GAINS = re.compile(
    r"\bwhat\s+(?:[\w'’-]+\s+){0,10}?(?:could|can|would|might|will|do|does|did|should)\s+"
    r"((?:[\w'’-]+\s+){0,5}?)(?:gain|get|benefit)s?\s+(?:from|out\s+of|by)\b"
    # (not "whats in it for health?", which asks what it holds on a topic)
    r"|\bwhat(?:['’]?s|\s+is)\s+(?:actually\s+|really\s+)?in\s+it\s+for\s+"
    r"(?!(?:health|healthcare|care|ageing|skills|innovation|housing|estates|workforce|life)\b)"
    r"((?:[\w'’-]+\s+){0,4}?[\w'’-]+)"
    # "... in it for us (nhs) getting involved in the LIS": who gains, not what they do
    r"(?:\s*\([^()]{1,20}\))?(?=\s+(?:to|in|if|from|\w+ing)\b|\W*$|\?)"
    # "whats the point of us bothering with it?", "what's the benefit for a trust?"
    r"|\bwhat(?:['’]?s|\s+is)\s+(?:actually\s+|really\s+|even\s+)?the\s+(?:point|benefit|upside)"
    r"\s+(?:of|for|in)\b"
    # "what could influencing it help us do?", "what can it help an ICS achieve?",
    # "what could influencing our LIS help us with?"
    r"|\bwhat\s+(?:[\w'’-]+\s+){0,10}?(?:could|can|would|might|will)\s+(?:[\w'’-]+\s+){0,6}?"
    r"(?:help\s+((?:[\w'’-]+\s+){0,3}?)(?:to\s+)?(?:do|achieve|with(?=\W*$|\s*[?.!,;-]))"
    r"|do\s+for\s+(?:us|you|me|them))\b"
    # "how does influencing the LIS actually help a trust?": what doing it brings them (not
    # "how does the confed help trusts?", what a body does for them)
    r"|\bhow\s+(?:does|do|can|could|would|will|might)\s+[a-z]+ing\s+(?:[\w'’-]+\s+){0,5}?"
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
    r"(?:of|from|in)\s+(?:[\w'’-]+\s+){0,2}?[a-z]+ing\b"
    # "why would the nhs even bother with LIS stuff?", "why bother engaging?"
    r"|\bwhy\s+(?:(?:would|should|do|does|did|shd|shld)\s+(?:[\w'’-]+\s+){0,3}?)?"
    r"(?:even\s+|actually\s+|really\s+)?bother\b",
    re.IGNORECASE,
)


# "what shd we do to get a say in our LIS?", "how can we have our say / input into it?":
# influencing it, in everyday words
_A_SAY = re.compile(
    r"\b(?:get|have|having|getting)\s+(?:a|our|any|more\s+of\s+a|some)\s+(?:say|input)\b"
    r"|\b(?:input|feed)\s+into\b",
    re.IGNORECASE,
)


def asks_to_have_a_say(question: str) -> bool:
    """ "How do we get a say in our LIS?": asks how to influence it."""
    return bool(_A_SAY.search(question))


def asks_what_it_gains(question: str) -> bool:
    """ "What could an ICS gain from influencing its strategy?": the answer is the benefits
    the documents list, whatever they call them; so is "what does the confed's briefing
    say that influencing a LIS could help NHS organisations to do?" (the words naming
    the document ask nothing)."""
    return bool(_gains(question))


def gainer_terms(question: str) -> list[str]:
    """Who would gain, in a question about what it gains ("an integrated care system" in
    "what could an integrated care system gain from ...?"): the passages that list the
    benefits seldom name them ("benefits for the NHS")."""
    match = _gains(question)
    return terms(next(filter(None, match.groups()), "")) if match else []


def _gains(question: str) -> re.Match[str] | None:
    return _WHAT_IT_GAINS.search(question) or _WHAT_IT_GAINS.search(without_source(question))


# "whats the first thing we shd do?": the first step, as a document says it
# ("what should we do first?" too)
_FIRST_THING = re.compile(
    r"\b(?:first|next)\s+things?\b|\b(?:do|tackle|prioriti[sz]e)\s+first\b", re.IGNORECASE
)


def asks_for_the_first_thing(question: str) -> bool:
    """ "whats the first thing we shd do?" asks for the first step, which a briefing
    says in those words ("... is the necessary and important first step")."""
    return bool(_FIRST_THING.search(question))
