"""The gaps report: grouping by meaning, places and suggested strategies, the weekly note."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.engine.answer import Answer, Citation
from bot.engine.places import Gazetteer
from bot.errors import PermanentSendError
from bot.services.gaps import (
    GROUP_THRESHOLD,
    build_gaps_report,
    gaps_text,
    post_gaps_notes,
    topic_of,
    week_of,
)
from bot.services.privacy import forget_user
from bot.services.state import StateStore
from tests.conftest import KNOWLEDGE, run_sql

SOCIAL_PRESCRIBING = [
    "What funding is there for social prescribing in the industrial strategy?",
    "Is there money to support social prescribing schemes?",
    "How can our trust get grants for social prescribing link workers?",
]
NET_ZERO = "How will hospitals reach net zero emissions?"
MONDAY = date(2026, 1, 12)


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.load(KNOWLEDGE / "gazetteer.yaml")


@pytest.fixture
def state(state_backend):
    """The state on SQLite, then on PostgreSQL."""
    return StateStore(state_backend)


def _cited(title: str) -> Citation:
    return Citation(1, "doc", title, "NHS Confederation", "2019-06", None, None, None, "quote")


def not_covered(state: StateStore, question: str, user: str = "U0ALICE") -> str:
    answer = Answer(question, "The knowledge base does not cover this.", "no_answer")
    return state.save_answer(answer, "C0GENERAL", user)


def disliked(state, question: str, comment: str | None = None, user: str = "U0BOB") -> str:
    answer = Answer(question, "An answer.", "extractive", [_cited("Health in all LIS?")])
    answer_id = state.save_answer(answer, "C0GENERAL", user)
    state.record_feedback(answer_id, user, -1, "slack", comment)
    return answer_id


# Made-up questions behind GROUP_THRESHOLD (see bot/services/gaps.py): the same topic in
# other words scores above it, different topics below, once places and shared words go.
@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        (SOCIAL_PRESCRIBING[0], SOCIAL_PRESCRIBING[1], True),
        (SOCIAL_PRESCRIBING[1], SOCIAL_PRESCRIBING[2], True),
        (NET_ZERO, "What is the carbon net zero plan for hospitals?", True),
        (
            "Where can I find the deadline for the Strength in Places Fund?",
            "When does the Strength in Places Fund close for applications?",
            True,
        ),
        (
            "What does the Dorset local industrial strategy say about digital health?",
            "What does the Lincolnshire LIS say about digital health?",
            True,
        ),
        (
            SOCIAL_PRESCRIBING[0],
            "How does the industrial strategy affect NHS workforce pay?",
            False,
        ),
        ("Who chairs the Cornwall LEP board?", "What is the population of Cornwall?", False),
        (SOCIAL_PRESCRIBING[0], NET_ZERO, False),
        ("What is the recipe for a good lasagne?", NET_ZERO, False),
    ],
)
def test_the_threshold_separates_topics(embedder, gazetteer, first, second, same):
    a, b = embedder.embed([topic_of(first, gazetteer), topic_of(second, gazetteer)])
    assert (float(a @ b) >= GROUP_THRESHOLD) is same


def test_topic_leaves_out_places_and_shared_words(gazetteer):
    assert topic_of("What does the Stoke-on-Trent LIS say about dementia?", gazetteer) == (
        "What does say about dementia?"
    )
    assert topic_of("Cornwall?", gazetteer) == "Cornwall?"  # nothing left: the question


def test_differently_worded_questions_make_one_group(state, embedder, gazetteer):
    for question in SOCIAL_PRESCRIBING[:2]:
        not_covered(state, question)
    disliked(state, NET_ZERO, comment="Nothing about our estates plan")
    not_covered(state, SOCIAL_PRESCRIBING[2])
    report = build_gaps_report(state, embedder, gazetteer, days=14)
    assert [g.count for g in report.groups] == [3, 1]
    prescribing, net_zero = report.groups
    assert prescribing.questions == SOCIAL_PRESCRIBING[::-1]  # newest first
    assert prescribing.not_covered == 3 and prescribing.disliked == 0
    assert net_zero.questions == [NET_ZERO] and net_zero.disliked == 1
    assert net_zero.cited == ["Health in all LIS?"]
    assert net_zero.comments == ["Nothing about our estates plan"]


def test_places_and_the_strategy_that_would_answer(state, embedder, gazetteer):
    not_covered(state, "What does the Lincolnshire strategy say about social prescribing?")
    not_covered(state, "Does the Dorset LIS fund social prescribing?")
    (group,) = build_gaps_report(state, embedder, gazetteer).groups
    assert group.places == ["Dorset", "Lincolnshire"]
    lincolnshire, dorset = sorted(group.suggestions, key=lambda s: s.area)[::-1]
    assert lincolnshire.text() == (
        "probably answered by the Greater Lincolnshire local industrial strategy (https://www."
        "greaterlincolnshirelep.co.uk/priorities-and-plans/strategies-and-plans/"
        "local-industrial-strategy/)"
    )
    # No address in the repository for Dorset: its name and body, no invented URL.
    assert dorset.url is None
    assert dorset.text() == (
        "probably answered by the Dorset local industrial strategy "
        "(Dorset Local Enterprise Partnership; no web address in the gazetteer)"
    )


def test_the_window_and_what_is_left_out(state, embedder, gazetteer, tmp_path):
    not_covered(state, "An old question about social prescribing?")
    run_sql(state, "UPDATE answers SET created_at = '2020-01-01T00:00:00+00:00'")
    liked = state.save_answer(Answer("What is SmartMed?", "SmartMed is...", "extractive"))
    state.record_feedback(liked, "U0CAROL", 1, "slack", "Great")
    assert build_gaps_report(state, embedder, gazetteer, days=14).empty
    text = gaps_text(build_gaps_report(state, embedder, gazetteer, days=14))
    assert "none" in text


def test_the_report_names_no_one(state, embedder, gazetteer):
    not_covered(state, SOCIAL_PRESCRIBING[0], user="U0ALICE")
    disliked(state, NET_ZERO, comment="Please add more", user="U0BOB")
    report = build_gaps_report(state, embedder, gazetteer)
    assert "U0ALICE" not in repr(report) and "U0BOB" not in repr(report)
    assert "U0ALICE" not in gaps_text(report) and "U0BOB" not in gaps_text(report)


def test_forget_removes_what_the_report_reads_and_the_note_claims(state, embedder, gazetteer):
    not_covered(state, SOCIAL_PRESCRIBING[0], user="U0ALICE")
    state.claim_gaps_note("U0ADMIN", week_of(MONDAY))
    forget_user(state, "U0ALICE")
    assert build_gaps_report(state, embedder, gazetteer).empty
    assert forget_user(state, "U0ADMIN")["gaps_notes"] == 1


def test_retention_prunes_the_note_claims(state):
    state.claim_gaps_note("U0ADMIN", week_of(MONDAY))
    later = datetime.now(UTC) + timedelta(days=91)
    assert state.prune(later, retention_days=90, audit_days=730)["gaps_notes"] == 1


# The weekly note, with the day injected -------------------------------------------


class Outbox:
    def __init__(self, fail: set[str] = frozenset()):
        self.sent: list[tuple[str, object]] = []
        self.fail = fail

    def __call__(self, admin, report):
        if admin in self.fail:
            raise PermanentSendError("Slack refused: user_not_found")
        self.sent.append((admin, report))


def weekly(state, embedder, gazetteer, outbox, day, admins=("U0ADMIN", "U0ADMIN2")):
    def report():
        return build_gaps_report(state, embedder, gazetteer, days=7)

    return post_gaps_notes(state, report, outbox, list(admins), day, gaps_day=0, pause=0)


def test_the_weekly_note_goes_once_to_each_admin_on_the_day(state, embedder, gazetteer):
    not_covered(state, SOCIAL_PRESCRIBING[0])
    outbox = Outbox()
    assert weekly(state, embedder, gazetteer, outbox, MONDAY - timedelta(days=1)) == {
        "U0ADMIN": "skipped: not the gaps day",
        "U0ADMIN2": "skipped: not the gaps day",
    }
    assert weekly(state, embedder, gazetteer, outbox, MONDAY) == {
        "U0ADMIN": "sent",
        "U0ADMIN2": "sent",
    }
    assert [admin for admin, _ in outbox.sent] == ["U0ADMIN", "U0ADMIN2"]
    assert outbox.sent[0][1].groups[0].questions == [SOCIAL_PRESCRIBING[0]]
    assert weekly(state, embedder, gazetteer, outbox, MONDAY)["U0ADMIN"] == (
        "skipped: already sent this week"
    )
    for day in range(1, 7):  # the rest of the week
        outcomes = weekly(state, embedder, gazetteer, outbox, MONDAY + timedelta(days=day))
        assert set(outcomes.values()) == {"skipped: not the gaps day"}
    assert len(outbox.sent) == 2
    weekly(state, embedder, gazetteer, outbox, MONDAY + timedelta(days=7))  # next Monday
    assert len(outbox.sent) == 4


def test_no_weekly_note_when_there_is_nothing_to_report(state, embedder, gazetteer):
    outbox = Outbox()
    outcomes = weekly(state, embedder, gazetteer, outbox, MONDAY)
    assert set(outcomes.values()) == {"skipped: nothing to report"} and outbox.sent == []


def test_a_failed_note_is_released_for_a_later_run(state, embedder, gazetteer):
    not_covered(state, SOCIAL_PRESCRIBING[0])
    outbox = Outbox(fail={"U0ADMIN"})
    assert weekly(state, embedder, gazetteer, outbox, MONDAY) == {
        "U0ADMIN": "failed",
        "U0ADMIN2": "sent",
    }
    outbox.fail = set()
    assert weekly(state, embedder, gazetteer, outbox, MONDAY)["U0ADMIN"] == "sent"
