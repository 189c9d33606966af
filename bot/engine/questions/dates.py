"""Questions that ask when ("when was it published?", "deadline for bids?"): the answer is the
date a sentence gives for the event asked about, not any date near the subject. With them,
questions about how things stand now, which old sources cannot answer."""

from __future__ import annotations

import re
from datetime import date

from bot.engine.questions.advice import is_action_question
from bot.engine.questions.figures import parts_referring_back, points_before_naming
from bot.engine.questions.outcomes import happening
from bot.engine.text import (
    checks_a_claim,
    question_sentences,
    terms,
    without_asker,
    without_attribution,
)

# "what period will it cover?", "how far out does it go?": the years a plan runs to.
_PERIOD_ASKED = (
    r"\bwhat\s+(?:time\s*)?(?:period|timescale|time\s*frame|timeframe)\b"
    r"|\bhow\s+far\s+(?:out|ahead)\b"
)
_DATE_QUESTION = re.compile(
    # "when ...", "..., when did ...", "dorset ICS again - when does ..."
    r"^\W*when\b|(?:\band|[,;?&+]|\s[-–—:])\s+when\s+(?:did|was|were|is|are|will|do|does)\b"
    r"|\b(?:deadline|closing\s+date)s?\s+(?:for|of|to|on)\b"
    # "the two briefings give diff deadlines": each document's date
    r"|\b(?:diff\w*|different|two|both|their|its)\s+(?:dates|deadlines|timetables|timescales)\b"
    r"|\b(?:expected|target|original|revised|new|agreed)\s+(?:date|deadline|timing|timetable|timescale|"
    r"time\s*frame|timeframe)s?\b"  # "how has the expected date for agreeing them changed?"
    r"|(?:\band|\bn|[,;?+&])\s+when\s*(?:[?!.]|$)"  # "which areas published first, and when?"
    # "a final version or a draft? from when", "since when?"
    r"|\b(?:by|from|since|dated)\s+when\b|\bwhat\s+(year|date)\b|\bwhich\s+year\b|\bby what year\b"
    # "the date for agreeing them", "the date given in the June 2019 briefing"
    r"|\bthe\s+(?:date|deadline|timetable|timescale|timing)\s+(?:for|of|given|set)\b|"
    + _PERIOD_ASKED,
    re.IGNORECASE,
)


# "how far out does the plan go?", "does it go beyond 2024?", "what period will it cover?":
# how long a plan runs, which documents say as "a plan extending to 2030".
_HOW_FAR_IT_RUNS = re.compile(
    _PERIOD_ASKED + r"|\bhow\s+far\s+forward\b|\b(?:go|goes|run|runs|last|extend|extends)\s+"
    r"(?:beyond|past|until|to|up\s+to)\s+(?:19|20)\d\d\b"
    r"|\bhow\s+long\s+(?:does|will|is)\s+(?:[\w'’-]+\s+){0,4}?(?:run|last|cover)"
    # "what year does it run to?", "when does the plan go up to?", "it runs up to what year?"
    r"|\b(?:(?:run|runs|last|lasts|extend|extends)\s+(?:until|till|to|up\s+to)|(?:go|goes)\s+"
    r"(?:until|till|up\s+to))(?=\s*(?:[?.!,;]|$)|\s+(?:what|which)\s+(?:year|date)\b)"
    # "the NE lis is meant to be a delivery plan up to what year?"
    r"|\b(?:plan|strategy|programme|lis)\s+(?:up\s+to|until|till|to)\s+(?:what|which)\s+year\b",
    re.IGNORECASE,
)


def asks_how_far_it_runs(question: str) -> bool:
    """ "How far out does the plan go?": the answer is the year it extends to."""
    return bool(_HOW_FAR_IT_RUNS.search(question))


def wants_date(question: str) -> bool:
    """ "When ...", "by what year ...": the answer holds a date; so does "did the LIS
    deadline change between the 2017 briefing and the 2019 one?", which names the date
    rather than asking for it, and sets it side by side."""
    return bool(_DATE_QUESTION.search(question)) or bool(
        _DATE_NAMED.search(question) and _COMPARED.search(question)
    )


_DATE_NAMED = re.compile(
    r"\b(?:deadlines?|(?<!up to )dates?|timetables?|timescales?)\b", re.IGNORECASE
)


# "how does it compare with ...", "has that changed?", "they give diff dates": the dates
# of two documents, or of then and now, set side by side
_COMPARED = re.compile(
    r"\b(?:compare[sd]?|comparison|change[sd]?|differ\w*|diff|different|same|vs|versus|"
    r"moved|slipped|revised|contradict\w*|conflict\w*|disagree\w*|inconsistent)\b"
    # "the 2017 briefing gave one deadline but the 2019 stuff says another?? which is it"
    r"|\b(?:says?|said|gives?|gave|has|had|puts?|states?)\s+(?:another|a\s+different|a\s+later|"
    r"an\s+earlier)\b|\bwhich\s+(?:one\s+)?is\s+(?:it|right|correct)\b",
    re.IGNORECASE,
)


def compares_dates(question: str) -> bool:
    """ "How does the date in the 2017 briefing compare with the June 2019 one?": a date
    question that sets dates side by side (each document's date is asked for)."""
    return wants_date(question) and bool(_COMPARED.search(question))


_NOW = re.compile(
    r"\b(now|nowadays|latest|current|currently|still|today|this year|up to date|"
    r"most recent|so far|any news)\b",
    re.IGNORECASE,
)


def asks_about_now(question: str) -> bool:
    """ "What's the latest on ...", "who leads it now": the answer must say how old it is."""
    return bool(_NOW.search(question))


# "when/how shd we try to influence it?", "when should our trust get involved?": at what
# stage the asker should act (what follows "when"), which the documents answer with
# steps, not a date.
# ("when r the key points to get involved?", "when's the best time to have our say?")
_TO_ACT = (
    r"\W*(?:(?:or|and|n)\s+)?how\b|\s+(?:should|shd|shud|ought|must)\s+(?:we|i|us|our|my)\b"
    r"|(?:\s+(?:is|are|r)|['’]s)\s+the\s+(?:key|best|right|main|ideal)\s+(?:points?|times?|moments?|"
    r"stages?|opportunit(?:y|ies))\b"
)
_WHEN_TO_ACT_ASKED = re.compile(rf"\bwhen(?:{_TO_ACT})", re.IGNORECASE)


def asks_when_to_act(question: str) -> bool:
    """ "when/how shd we try to influence it?": at what stage to act, which the documents
    answer with the stages of the work ("three important stages in which to influence")."""
    return bool(_WHEN_TO_ACT_ASKED.search(question))


_WHEN = re.compile(
    rf"^\W*(?:(?:on|by|in)\s+)?(?:when(?!{_TO_ACT})|what\s+(?:year|date|month|day)|"
    r"which\s+(?:year|date))\b"
    r"(.*?)(?=\s+(?:and|n|&|plus)?\s*(?:what|how|who|where|why|which)\b|\s*,\s*(?:and|but|or)\b"
    # "..., our chair keeps asking": who asks, not what
    r"|\s*,\s*(?:our|my)\s|\s*[?;]|$)",
    re.IGNORECASE,
)


# "deadline for strength in places fund bids??", "what's the closing date for ...".
_DEADLINE = re.compile(
    r"^\W*(?:what(?:['’]?s|\s+is|\s+was)\s+(?:the\s+)?)?(?:deadline|closing\s+date)\s+"
    r"((?:for|of|to|on)\b.*?)(?=\s*[?;]|\s*,\s*(?:and|but|or)\b|$)",
    re.IGNORECASE,
)


# "what was the publication date of the final strategy?": the date of an event, by its
# noun; "what was the date of the first meeting?": of the thing named.
_DATE_OF_EVENT = re.compile(
    r"^\W*(?:what(?:['’]?s|\s+is|\s+was)\s+(?:the\s+)?)?(?:(?P<event>publication|launch|"
    r"release|start|opening)\s+)?date\s+(?:of|for)\s+(?P<of>.*?)(?=\s*[?;]|\s*,\s*(?:and|but|or)\b"
    r"|\s+(?:and|n|&|plus)\s+(?:what|how|who|where|why|which)\b|$)",
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
    if subject is None:  # "dorset ICS again - when does the consultation close?"
        pieces = re.split(r"\s[-–—:]\s", question)[1:]
        subject = next(filter(None, map(_date_asked_of, pieces)), None)
    if subject is not None:  # "... deadline for the LIS and where can i read it?"
        subject = _NEXT_QUESTION.split(subject)[0]
    return None if subject is None else without_attribution(subject)


_NEXT_QUESTION = re.compile(
    r"\s+(?:and|&|\+|also)\s+(?=(?:where|what|who|how|which|why|can|could)\b)", re.IGNORECASE
)


def _date_asked_of(question: str) -> str | None:
    match = _WHEN.match(question.strip()) or _DEADLINE.match(question.strip())
    if match:
        return match.group(1)
    event = _DATE_OF_EVENT.match(question.strip())
    if event:  # "the publication date of X": when X was published
        verb = _EVENT_VERB[event.group("event").lower()] if event.group("event") else ""
        return f"{event.group('of')} {verb}".strip()
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
    # nor "a strategy that is still being developed" (which says what kind of strategy)
    r"\byet\b|(?<!\bthat\s)(?<!\bwhich\s)(?<!\bwho\s)"
    r"\b(?:is|are|isn['’]?t|aren['’]?t|does|do|doesn['’]?t|has|have|['’]s|['’]re)\s+"
    r"(?:[\w'’-]+\s+){0,4}?still\b|\bstill\s+(?:exists?|around|running|active|open|going|"
    r"in\s+place|relevant|valid|current|the\s+case|a\s+thing|on)\b|\bcurrent(?:ly)?\s+(?:status|position|state|stage|figures?|"
    r"levels?|rates?|numbers?|gva|productivity|employment|funding|plans?)\b|"
    r"\bwhat(?:'s|s|\s+is)\s+the\s+latest\b|\blatest\s+(?:on|news|version|position|"
    r"figures?|update|status)\b|\bup to date\b|\bany news\b|\bas things stand\b",
    re.IGNORECASE,
)


def asks_where_it_stands(question: str) -> bool:
    """ "Has it been published yet?", "what's the current status of ...", "what's the
    latest on ...": asks where something stands today, which old sources cannot say."""
    return any(
        found.group(0).lower() != "yet" or not _OWN_PROGRESS.search(_clause_at(question, found))
        for found in _WHERE_IT_STANDS.finditer(question)
    )


# "we haven't engaged w our LIS yet", "havent started yet": how far the asker has got, not
# where the thing asked about stands.
_OWN_PROGRESS = re.compile(r"\b(?:we|i)\b|^\W*(?:haven['’]?t|havent|have\s+not)\b", re.IGNORECASE)


def _clause_at(question: str, found: re.Match) -> str:
    """The clause (between commas, dashes and sentence ends) the match falls in."""
    start = max(question.rfind(mark, 0, found.start()) for mark in (",", ";", "?", ".", " - "))
    ends = [
        at for mark in (",", ";", "?", ".", " - ") if (at := question.find(mark, found.end())) >= 0
    ]
    return question[start + 1 : min(ends, default=len(question))]


# A clause that asks about what happened or how it ended, not about what the sources say:
# "if so when?", "did it work in the end?", "how much did we receive?" (not "by when do LEPs
# have to get it signed off?", which asks a deadline the sources set)
_ABOUT_SINCE = re.compile(
    r"\b(?:if\s+so|in\s+the\s+end|final|did|has|have|had)\b(?!\s+to\b)", re.IGNORECASE
)


# "has GM actually published its LIS yet?", "is GMs LIS actually published yet?": whether
# something has happened by now.
_DONE_YET = re.compile(
    r"\b(?:has|have|is|are)\s+(?P<thing>[^?.!]+?)\s+(?:(?:actually|already|finally|ever)\s+)?"
    r"(?:been\s+)?(?P<event>published|launched|released|agreed|signed|approved)\b"
    r"[^?.!]*\byet\b",
    re.IGNORECASE,
)

# "is there a life sciences sector deal yet?": whether it has come into being, which a
# source saying it was agreed, published or set up answers
_THERE_YET = re.compile(
    r"\b(?:is|are)\s+there\s+(?:an?|any)\s+(?P<thing>[^?.!]+?)\s+(?:(?:in\s+place|out)\s+)?yet\b",
    re.IGNORECASE,
)
_COME_ABOUT = frozenset(
    terms("publish release launch announce unveil agree approve sign introduce establish create")
)


def asks_if_done(question: str) -> tuple[str, frozenset[str]] | None:
    """What a "has X happened (yet)?" question asks about, and the event ("has GM actually
    published its LIS yet?" -> ("GM", the publishing terms)), or None. A source that says
    it happened answers it, however old: what is done stays done. So does "has the sector
    deal actually been agreed or is it still forthcoming?" (`happening`), and "is there a
    life sciences sector deal yet?", which any event that brings it about answers."""
    if match := _THERE_YET.search(question):
        return match.group("thing"), _COME_ABOUT
    if match := _DONE_YET.search(question):
        thing, event = match.group("thing"), match.group("event")
    elif happened := happening(question):
        event, thing = happened
    else:
        return None
    events = event_words(event)
    return (thing, events[0]) if events else None


def asks_only_where_it_stands(question: str) -> bool:
    """Asks where something stands today and nothing the sources could answer as written.
    "whos the confed person for local growth? are they still called that?" also asks who
    the person is: that is answered, with a note on how old the sources are."""
    if not asks_where_it_stands(question):
        return False
    return not any(
        # "... replaced ESIF yet and what's its budget?" asks of what may not exist; "...
        # still a thing? should our trust be on ours?" asks what to do, which stands
        (is_action_question(clause) or (not referent and not points_before_naming(clause)))
        and not asks_where_it_stands(clause)
        and not asks_about_now(clause)
        and not event_year(clause)
        and not _ABOUT_SINCE.search(clause)
        for clause, referent in parts_referring_back(question)
    )


# "what replaced it after the government withdrew it in 2021?": a year something happened
_EVENT_YEAR = re.compile(
    r"\b(?:in|since|after|during)\s+((?:19|20)\d\d)\b"
    # "since march 2020", "since the 2020 deadline", "after early 2021": a month or a
    # part of the year before it, or the thing of that year it counts from
    r"|\b(?:since|after)\s+(?:the\s+|(?:early|mid|late|spring|summer|autumn|winter|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\s+)((?:19|20)\d\d)\b"
    r"(?!\s+(?:targets?|goals?|ambitions?|visions?|aims?)\b)"  # not "the 2030 target"
    # "what did the 2020 budget say about LISs?": a thing that happened in that year (not
    # "the 2030 target", a year a plan looks to)
    r"|\b(?:the|its|their)\s+((?:19|20)\d\d)\s+(?:budget|spending\s+review|review|report|"
    r"evaluation|election|manifesto|consultation|conference|summit|announcement|statement|"
    r"refresh|update)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:did|was|were|has|have|had|withdrew|went|became|\w{3,}ed)\b", re.IGNORECASE
)


# "after covid", "since the pandemic": an event known by its name, in the year it began
_NAMED_EVENT = re.compile(
    r"\b(?:after|since|during|post)[\s-]+(?:the\s+)?(?:covid(?:-?19)?|coronavirus|"
    r"(?:covid\s+)?pandemic|lockdowns?)\b",
    re.IGNORECASE,
)
_NAMED_EVENT_YEAR = 2020

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
    2021?", "how many jobs were created by 2024?", "did it change after covid?"), or None:
    a plan's target year ("jobs by 2024") is no event, nor a year the asker puts to the
    documents to check ("is it true the budget gets devolved in 2019?")."""
    question = " ".join(s for s in question_sentences(question) if not checks_a_claim(s))
    match = _EVENT_YEAR.search(question)
    if match and _PAST.search(question):
        return int(next(year for year in match.groups() if year))
    if _NAMED_EVENT.search(question) and _PAST.search(question):  # "... refreshed after covid?"
        return _NAMED_EVENT_YEAR
    relative = _RELATIVE_YEAR.search(question)
    if relative and _PAST.search(question):  # "how much did trusts receive last year?"
        return date.today().year - (relative.group(1).lower() == "last")
    done = _DONE_BY_YEAR.search(question)
    return int(done.group(1) or done.group(2)) if done else None
