"""Which dated sentences are deadlines: precision first, since a wrong line in a morning
digest costs more than a missing one.

A sentence is a deadline only when it asks someone to act by a date ("the consultation
closes on 28 February", "responses should be submitted by ...", "to be agreed with
government by March 2020", "expressions of interest by ...") and says so in the present
or future: "the consultation closed on 5 March" and "responses were due by 1 June" are
history, and a goal ("100,000 more jobs by 2024") asks nothing of anyone. The date taken is
the one the ask is about (the nearest after its cue), kept with its precision: "by the end
of March 2019" is a month, not a made-up day. "Closes six weeks after publication" resolves
against the document's date, when it has one.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["Due", "find_due", "dates_in"]

_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = (
    r"(January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "sixteen": 16,
    "twenty": 20, "thirty": 30,
}  # fmt: skip

# Each pattern with how to read its groups into (year, month, day or None).
_DATE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # 15 January 2020, Tuesday 19th June
    (
        re.compile(
            rf"\b{_WEEKDAY}(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(\d{{4}}))?\b",
            re.IGNORECASE,
        ),
        "dmy",
    ),
    # January 15, 2020
    (
        re.compile(
            rf"\b{_WEEKDAY}{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b",
            re.IGNORECASE,
        ),
        "mdy",
    ),
    # 2020-03-31
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), "iso"),
    # 31/03/2020, 1/3/19, 14.06.2019 (British order)
    (re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})\b"), "slash"),
    # (the end of) March 2020: a month without a day
    (re.compile(rf"\b{_MONTH}\s+(\d{{4}})\b", re.IGNORECASE), "my"),
]

# The ask, in one of three shapes, both in present, future or imperative forms only:
# - someone is asked or obliged to act ("should", "must", "are invited to", "please", "we
#   welcome", "have until") by a date or within a time ("by", "until", "no later than",
#   "within six weeks of");
# - a window that closes ("the consultation closes on", "expressions of interest by",
#   "the closing date is", "to be agreed by");
# - a consultation named with its month ("Buckinghamshire Thames Valley consultation
#   (January 2019)"): open then, for those it concerns to respond to.
_OBLIGED = (
    r"\b(?:should|must|shall|are asked to|is asked to|are invited|is invited|invites?|invite|"
    r"please|let us know|need to|needs to|we need|we require|(?:are|is|we are) asking|ask|asks|"
    r"(?:are|is) expected to(?! be (?!agreed|submitted|received|returned|signed))|"
    r"(?:is|are) open for|would welcome|welcome|are encouraged to|are requested to|required to|"
    r"would be grateful|(?:may|can) be (?:made|submitted|sent|lodged|returned|emailed)|"
    r"(?:return|send|submit|complete|confirm|register|apply|respond|reply|feed back|book|"
    r"upload|lodge|nominate|email))\b"
)
_BY = (
    r"\b(?:by|until|till|before|no later than|not later than|within|closes?|close on|"
    r"deadline (?:is|of)|closing date (?:is|of)|in time for)\b"
)
_WINDOWS = (
    r"calls? for evidence\b[^.;]{0,80}?\b(?:closes?|runs?|open|until|by|deadline)"
    r"|consultations?\b[^.;]{0,80}?\b(?:closes?|runs?|(?:is|are|will be|remains?) open|ends|"
    r"will end|until|deadline)"
    r"|expressions? of interest|register (?:your )?interest|registrations? (?:close|for)"
    r"|\b(?:closing date|deadline)\b|\bha(?:ve|s) until\b|\b(?:closes|will close)\b"
    r"|\b(?:is|are|remains?|will remain|will be) open\b[^.;]{0,40}?\buntil\b"
    r"|\bha(?:ve|s) (?:\w+ ){0,2}(?:days?|weeks?|months?) (?:from|to|after)\b"
    rf"|consultation,?\s+\(?(?:in\s+|from\s+|until\s+)?{_MONTH}\s+\d{{4}}\)?"
    r"|(?:to be|must be|should be|will be|are to be|is to be|expected to be)\s+"
    r"(?:agreed|signed[- ]off|approved|submitted|received)\b[^.;]{0,60}?\b(?:by|within)"
    r"|\b(?:submissions?|applications?|bids?|entries|nominations?|responses?|comments?)\b"
    r"[^.;]{0,40}?\b(?:close|closes|are due|is due|due by|must reach)"
)
_ASK = re.compile(
    rf"{_OBLIGED}[^.;]{{0,120}}?(?:{_BY}|from today|from the date)|{_WINDOWS}", re.IGNORECASE
)
_KINDS = [
    ("Call for evidence", r"calls? for evidence|\bevidence\b"),
    ("Consultation", r"consult\w*|comments?|views|representations|objections|feedback"),
    ("Agreement", r"\bagree\w*|sign(?:ed)?[- ]off|memorandum|approv\w+|\bsign\b"),
    ("Meeting", r"meeting|attendance|attend|event|session|workshop|summit|briefing|register"),
]
_KIND_RES = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _KINDS]
# A date right after one of these is the date the ask is about; after "on" only if no
# date follows the others ("the session on 21 January: confirm by 10 January").
_BEFORE_DATE = [
    re.compile(
        r"\b(?:by|until|till|before|no later than|not later than|closes?(?: on| at)?|close on|"
        r"deadline (?:is|of)|closing date (?:is|of)|have until|has until)\b[^.;,]{0,25}$",
        re.IGNORECASE,
    ),
    re.compile(r"\bon\b[^.;,]{0,12}$", re.IGNORECASE),
]

# History: the ask told in the past ("closed on", "were due by", "had to be received").
_PAST_ASK = re.compile(
    r"\b(?:was|were|had been|has been|have been)\s+(?:\w+\s+){0,2}?(?:due|open|invited|asked|"
    r"required|expected|agreed|submitted|received|extended|postponed|moved|brought forward)\b"
    r"|\bhad (?:to|asked|invited|requested|required)\b|\b(?:closed|ended|ran|passed|expired|"
    r"lapsed)\b"
    r"|\b(?:told|said|stated|announced|confirmed|explained|reported)\b[^.;]{0,60}?\bthat\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had been|received|published|launched|announced|held|took place|agreed|"
    r"said|found|showed|responded|submitted|returned|completed)\b",
    re.IGNORECASE,
)
# Evidence of an ask in the present or future; nouns such as "deadline" have no tense.
_PRESENT_ASK = re.compile(
    rf"{_OBLIGED}|\b(?:closes|will close|are due|is due|is open|are open|remains? open|"
    r"will remain open|ha(?:ve|s) until|(?:will|must|should|is to|are to|to) be \w+)\b",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"\b(?:(\d{1,3})|(" + "|".join(_NUMBER_WORDS) + r"))[\s-]+(day|week|month)s?\b"
    r"[^.;]{0,30}?\b(?:after|from|of)\s+(?:the\s+)?(?:date\s+of\s+)?(?:publication|today|"
    r"this\s+\w+|its\s+publication|issue)"
    r"|\b(?:for|within)\s+(?:(\d{1,3})|(" + "|".join(_NUMBER_WORDS) + r"))\s+(day|week|month)s?"
    r"\s+from\s+today",
    re.IGNORECASE,
)
_NEXT_MONTH = re.compile(r"\bby the end of next month\b", re.IGNORECASE)


@dataclass(frozen=True)
class Due:
    """A deadline found in a sentence: its kind, the last day to act, and whether the
    sentence gave the day or only the month (then `day` is the month's last day)."""

    kind: str
    day: date
    precision: str  # "day" or "month"


def find_due(sentence: str, doc_date: date | None) -> Due | None:
    """The deadline `sentence` sets, or None when it sets none (see the module)."""
    ask = _ASK.search(sentence)
    if ask is None or _told_as_history(sentence):
        return None
    dated = dates_in(sentence, doc_date)
    relative = _relative(sentence, doc_date)
    if relative is not None:
        dated = sorted([relative, *dated])
    if not dated:
        return None
    _, (day, precision) = _the_date_asked(sentence, dated, ask.start())
    return Due(_kind(sentence), day, precision)


def _the_date_asked(
    sentence: str, dated: list[tuple[int, tuple[date, str]]], ask_start: int
) -> tuple[int, tuple[date, str]]:
    """The date right after "by", "until", "closes on" ...; else the first after the ask;
    else the first ("launched on 14 January, closes on 8 March" is due 8 March)."""
    for before in _BEFORE_DATE:
        for position, found in dated:
            if before.search(sentence[:position]):
                return position, found
    after = [item for item in dated if item[0] >= ask_start]
    return (after or dated)[0]


def _kind(sentence: str) -> str:
    return next((kind for kind, pattern in _KIND_RES if pattern.search(sentence)), "Submission")


def _told_as_history(sentence: str) -> bool:
    """The ask is told in the past: "responses were due by", "the consultation closed",
    "had to be received by", or the sentence is past tense with no ask in the present."""
    if _PAST_ASK.search(sentence):
        return True
    return bool(_PAST.search(sentence)) and not _PRESENT_ASK.search(sentence)


def dates_in(sentence: str, doc_date: date | None) -> list[tuple[int, tuple[date, str]]]:
    """Every resolvable date in the sentence with its position and precision, in order;
    a span already read by a fuller form ("15 January 2020") is not read again."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, tuple[date, str]]] = []
    for pattern, form in _DATE_PATTERNS:
        for match in pattern.finditer(sentence):
            if any(match.start() < end and match.end() > start for start, end in taken):
                continue
            resolved = _resolve(form, match.groups(), doc_date)
            if resolved:
                taken.append(match.span())
                found.append((match.start(), resolved))
    return sorted(found)


def _resolve(form: str, groups: tuple, doc_date: date | None) -> tuple[date, str] | None:
    """A date and its precision from a match. With no year, the document's year, or the
    next one when the date would otherwise fall before the document was written (an ask
    looks forward)."""
    try:
        if form == "my":
            month, year = _MONTHS[groups[0].lower()], int(groups[1])
            return date(year, month, calendar.monthrange(year, month)[1]), "month"
        if form == "iso":
            return date(int(groups[0]), int(groups[1]), int(groups[2])), "day"
        if form == "slash":
            year = int(groups[2]) + (2000 if len(groups[2]) == 2 else 0)
            return date(year, int(groups[1]), int(groups[0])), "day"
        if form == "dmy":
            day, month, year = int(groups[0]), _MONTHS[groups[1].lower()], groups[2]
        else:
            month, day, year = _MONTHS[groups[0].lower()], int(groups[1]), groups[2]
        if year:
            return date(int(year), month, day), "day"
        if doc_date is None:
            return None
        resolved = date(doc_date.year, month, day)
        if resolved < doc_date:
            resolved = date(doc_date.year + 1, month, day)
        return resolved, "day"
    except (ValueError, KeyError):
        return None


def _relative(sentence: str, doc_date: date | None) -> tuple[int, tuple[date, str]] | None:
    """ "Closes six weeks after publication", "within 28 days of this letter", "by the end
    of next month": the day (or month), counted from the document's date."""
    if doc_date is None:
        return None
    month_end = _NEXT_MONTH.search(sentence)
    if month_end:
        year, month = (
            (doc_date.year + 1, 1) if doc_date.month == 12 else (doc_date.year, doc_date.month + 1)
        )
        return month_end.start(), (date(year, month, calendar.monthrange(year, month)[1]), "month")
    match = _RELATIVE.search(sentence)
    if match is None:
        return None
    digits, word, unit = (
        match.group(1) or match.group(4),
        match.group(2) or match.group(5),
        (match.group(3) or match.group(6)).lower(),
    )
    count = int(digits) if digits else _NUMBER_WORDS[word.lower()]
    if unit == "month":
        month = doc_date.month - 1 + count
        year, month = doc_date.year + month // 12, month % 12 + 1
        day = min(doc_date.day, calendar.monthrange(year, month)[1])
        return match.start(), (date(year, month, day), "day")
    days = count * (7 if unit == "week" else 1)
    return match.start(), (doc_date + timedelta(days=days), "day")
