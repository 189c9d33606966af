"""The gaps report: what people asked that the knowledge base could not answer.

`build_gaps_report` reads the answers of the last N days that said "not covered" and the
answers rated 👎 (`StateStore.answers_to_review`), and groups the questions that ask the
same thing in other words, by meaning: each question's *topic* (the question without the
places it names and without the words every question here shares, "local industrial
strategy", "NHS", "our trust" ...) is embedded with the engine's embedder, and a question
joins the group whose mean vector is closest, if the cosine similarity is at least
`GROUP_THRESHOLD`. Each group carries its count, the places named (the gazetteer), the
documents the 👎 answers cited, the feedback comments, and, for each area named, the
local industrial strategy that would probably answer it (its address when the gazetteer
has one). The report names no one: it is about the knowledge base, not the people.

Why the topic and why 0.45 (WordLlama, the offline default; made-up questions in
tests/services/test_gaps.py): the same topic in other words scores 0.49 to 0.71 ("Is
there money to support social prescribing schemes?" / "How can our trust get grants for
social prescribing link workers?" 0.49; two net-zero questions 0.71), while different
topics score at most 0.33. Embedding whole questions instead, a shared place or the
shared vocabulary pulls different topics together ("Who chairs the Cornwall LEP board?" /
"What is the population of Cornwall?" 0.55) above pairs that belong together (0.46).

`post_gaps_notes` sends the weekly note (the last 7 days) to each admin on GAPS_DAY, only
when there is something in it, at most once per admin and ISO week: the week is claimed
in the state before posting, as the digest claims its day.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import numpy as np

from bot.engine.places import Area, Gazetteer
from bot.services.delivery import deliver
from bot.services.state import AnswerToReview, StateStore
from ingest.embeddings import Embedder

__all__ = [
    "GapsReport",
    "GapGroup",
    "Suggestion",
    "build_gaps_report",
    "topic_of",
    "group_by_meaning",
    "gaps_text",
    "post_gaps_notes",
    "week_of",
    "GROUP_THRESHOLD",
    "DEFAULT_DAYS",
    "WEEKLY_DAYS",
]

log = logging.getLogger(__name__)
GROUP_THRESHOLD = 0.45
DEFAULT_DAYS = 14
WEEKLY_DAYS = 7
# Words nearly every question to this assistant shares: they say nothing about the topic.
_SHARED = re.compile(
    r"\b(?:local\s+industrial\s+strateg(?:y|ies)|industrial\s+strateg(?:y|ies)|LIS|LEPs?|"
    r"local\s+enterprise\s+partnerships?|combined\s+authorit(?:y|ies)|NHS|ICSs?|STPs?|"
    r"trusts?|our|the)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Suggestion:
    """A local industrial strategy that would probably answer a group's questions: the
    strategy of a place they name, or (`on_topic`) of an area the knowledge base mentions
    on their topic."""

    area: str
    org: str
    url: str | None
    on_topic: bool = False

    def text(self) -> str:
        where = self.url or f"{self.org}; no web address in the gazetteer"
        why = ", which the knowledge base mentions on this topic" if self.on_topic else ""
        return f"probably answered by the {self.area} local industrial strategy{why} ({where})"


@dataclass
class GapGroup:
    """Questions asking the same thing; newest first."""

    questions: list[str] = field(default_factory=list)  # each wording once
    count: int = 0  # how many times it was asked
    not_covered: int = 0
    disliked: int = 0  # answers rated 👎 (by one person or more)
    latest: str = ""  # UTC ISO time of the newest
    places: list[str] = field(default_factory=list)
    cited: list[str] = field(default_factory=list)  # documents the 👎 answers cited
    comments: list[str] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)


@dataclass
class GapsReport:
    days: int
    since: datetime
    groups: list[GapGroup]

    @property
    def empty(self) -> bool:
        return not self.groups

    @property
    def asked(self) -> int:
        return sum(group.count for group in self.groups)


def build_gaps_report(
    state: StateStore,
    embedder: Embedder,
    gazetteer: Gazetteer,
    days: int = DEFAULT_DAYS,
    now: datetime | None = None,
    threshold: float = GROUP_THRESHOLD,
    areas_on: Callable[[str], list[Area]] | None = None,
) -> GapsReport:
    """The questions of the last `days` days the knowledge base fell short on, grouped.

    `areas_on(topic)` (the engine's `areas_writing_about`) finds the areas whose strategy
    the knowledge base mentions on a topic, for groups that name no place."""
    since = (now or datetime.now(UTC)) - timedelta(days=days)
    answers = state.answers_to_review(since.astimezone(UTC).isoformat(timespec="seconds"))
    topics = [topic_of(a.question, gazetteer) for a in answers]
    groups = []
    for members in group_by_meaning(topics, embedder, threshold):
        group = _group([answers[i] for i in members], gazetteer)
        if not group.suggestions and areas_on is not None:
            group.suggestions = [
                Suggestion(a.name, a.org, a.strategy_url, on_topic=True)
                for a in areas_on(answers[members[0]].question)[:2]
            ]
        groups.append(group)
    return GapsReport(days, since, sorted(groups, key=lambda g: g.latest, reverse=True))


def topic_of(question: str, gazetteer: Gazetteer) -> str:
    """What a question is about: without the places it names and the shared words."""
    text = question
    for name, _areas in gazetteer.matches(question):
        pattern = r"[\W_]+".join(map(re.escape, name.split()))
        text = re.sub(rf"\b{pattern}\b", " ", text, flags=re.IGNORECASE)
    topic = " ".join(_SHARED.sub(" ", text).split())
    return topic if re.search(r"\w", topic) else question


def group_by_meaning(texts: list[str], embedder: Embedder, threshold: float) -> list[list[int]]:
    """Indexes of `texts` in groups of like meaning, each in the order given: a text joins
    the group whose mean vector is most similar (cosine) if that is at least `threshold`."""
    if not texts:
        return []
    vectors = embedder.embed(texts)
    members: list[list[int]] = []
    sums: list[np.ndarray] = []
    for index, vector in enumerate(vectors):
        best, score = -1, threshold
        for number, total in enumerate(sums):
            similarity = float(vector @ total) / (float(np.linalg.norm(total)) or 1.0)
            if similarity >= score:
                best, score = number, similarity
        if best < 0:
            members.append([index])
            sums.append(vector.copy())
        else:
            members[best].append(index)
            sums[best] += vector
    return members


def _group(answers: list[AnswerToReview], gazetteer: Gazetteer) -> GapGroup:
    group = GapGroup(count=len(answers), latest=answers[0].asked_at)
    areas: list[Area] = []
    for answer in answers:
        _add(group.questions, answer.question)
        group.not_covered += answer.mode == "no_answer"
        if answer.dislikes:
            group.disliked += 1
            for title in answer.cited:
                _add(group.cited, title)
        for comment in answer.comments:
            _add(group.comments, comment[:300])
        for name, place_areas in gazetteer.matches(answer.question):
            _add(group.places, name)
            areas.extend(a for a in place_areas if a not in areas)
    group.suggestions = [Suggestion(a.name, a.org, a.strategy_url) for a in areas]
    return group


def _add(items: list[str], item: str) -> None:
    if item.casefold() not in (i.casefold() for i in items):
        items.append(item)


def gaps_text(report: GapsReport, limit: int = 5) -> str:
    """The report for the terminal and Teams: one block per group, at most `limit`
    wordings each."""
    head = f"Questions the knowledge base could not answer well, last {report.days} days"
    if report.empty:
        return f"{head}: none. Nothing was answered “not covered” or rated 👎."
    lines = [f"{head}: {report.asked} in {len(report.groups)} groups, newest first."]
    for number, group in enumerate(report.groups, 1):
        lines += ["", f"{number}. {_tally(group)}, latest {_day(group.latest)}"]
        lines += [f"   • “{q}”" for q in group.questions[:limit]]
        if len(group.questions) > limit:
            lines.append(f"   • … and {len(group.questions) - limit} more wordings")
        lines += [f"   {line}" for line in _details(group)]
    return "\n".join(lines)


def _tally(group: GapGroup) -> str:
    what = []
    if group.not_covered:
        what.append(f"{group.not_covered} not covered")
    if group.disliked:
        what.append(f"{group.disliked} rated 👎")
    times = "once" if group.count == 1 else f"{group.count} times"
    return f"Asked {times} ({', '.join(what)})"


def _details(group: GapGroup) -> list[str]:
    lines = []
    if group.places:
        lines.append(f"Places: {', '.join(group.places)}")
    if group.cited:
        lines.append(f"Cited in the 👎 answers: {'; '.join(group.cited)}")
    lines += [f"Comment: “{comment}”" for comment in group.comments]
    lines += [f"Suggested source: {s.text()}" for s in group.suggestions]
    return lines


def _day(iso: str) -> str:
    return f"{datetime.fromisoformat(iso):%-d %b %Y}"


def week_of(day: date) -> str:
    """'2026-W02': the ISO week a day falls in (one gaps note per admin per week)."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def post_gaps_notes(
    state: StateStore,
    report: Callable[[], GapsReport],
    send: Callable[[str, GapsReport], object],
    admins: list[str],
    day: date,
    gaps_day: int,
    attempts: int = 3,
    pause: float = 1.0,
) -> dict[str, str]:
    """On `gaps_day` (Monday is 0), send each admin the `report` if it is not empty, at
    most once per ISO week; returns what happened for each admin."""
    if day.weekday() != gaps_day:
        return dict.fromkeys(admins, "skipped: not the gaps day")
    built = report() if admins else None
    if built is None or built.empty:
        return dict.fromkeys(admins, "skipped: nothing to report")
    week, outcomes = week_of(day), {}
    for admin in admins:
        if not state.claim_gaps_note(admin, week):
            outcomes[admin] = "skipped: already sent this week"
            continue
        sent = deliver(send, admin, built, "gaps note to an admin", attempts, pause)
        state.mark_gaps_note(admin, week, sent)
        outcomes[admin] = "sent" if sent else "failed"
    return outcomes
