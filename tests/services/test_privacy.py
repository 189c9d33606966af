"""What the assistant keeps about people: `lis forget --user` and retention, end to end."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

from bot.cli import main
from bot.services.state import FORGOTTEN, StateStore
from tests.conftest import run_sql
from tests.slack_client import ack_text, button_value, post_action, post_command

ALICE_ASKS = "What is SmartMed in the North East?"
BOB_ASKS = "What does the Lincolnshire strategy say about rural health?"


def _ask_and_rate(server, fake_slack, question: str, user: str, answers: int) -> None:
    post_command(server, fake_slack, question, user=user)
    answer = fake_slack.wait_for("response_url", count=answers)[-1]
    post_action(server, fake_slack, "feedback_up", button_value(answer, "feedback_up"), user=user)
    fake_slack.wait_for("response_url", count=answers + 1)


def _database_bytes(data) -> bytes:
    return b"".join(path.read_bytes() for path in sorted(data.glob("state.sqlite3*")))


def test_forget_deletes_a_persons_questions_everywhere_and_keeps_others(
    slack_server, fake_slack, tmp_path, monkeypatch, capsys
):
    data = tmp_path / "data"
    _ask_and_rate(slack_server, fake_slack, ALICE_ASKS, "U0ALICE", answers=1)
    _ask_and_rate(slack_server, fake_slack, BOB_ASKS, "U0BOB", answers=3)
    post_command(slack_server, fake_slack, "area Dorset", user="U0ALICE")
    slack_server.assistant.state.audit("U0ALICE", "remove", "doc-1", "removed 3 chunks")
    assert ALICE_ASKS.encode() in _database_bytes(data)

    monkeypatch.setenv("LIS_DATA_DIR", str(data))
    assert main(["forget", "--user", "U0ALICE"]) == 0
    assert "Forgot U0ALICE: feedback 1, answers 1" in capsys.readouterr().out

    assert ALICE_ASKS.encode() not in _database_bytes(data)  # not even in free pages or WAL
    assert b"U0ALICE" not in _database_bytes(data)
    with sqlite3.connect(data / "state.sqlite3") as db:
        assert db.execute("SELECT question FROM answers").fetchall() == [(BOB_ASKS,)]
        assert db.execute("SELECT user_id FROM feedback").fetchall() == [("U0BOB",)]
        assert db.execute("SELECT user_id, action FROM audit_log").fetchall() == [
            (FORGOTTEN, "remove")
        ]
    # The channel keeps its area; only who set it is gone.
    assert slack_server.assistant.state.area("C0GENERAL") == "Dorset"


def test_forget_needs_a_user_id(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("LIS_DATA_DIR", str(tmp_path / "data"))
    assert main(["forget", "--user", "  "]) == 2
    assert "needs a Slack or Teams user id" in capsys.readouterr().err


def test_retention_deletes_old_questions_and_keeps_recent_ones(state_backend, engine):
    state = StateStore(state_backend)
    old = state.save_answer(engine.ask("What is SmartMed?"), "C1", "U0ALICE")
    state.add_turn("C1:1", "What is SmartMed?", "U0ALICE")
    state.record_feedback(old, "U0ALICE", 1, "slack")
    state.first_time("Ev0OLD")
    state.audit("U0ADMIN", "ingest", "https://example.org/a", "1 added")
    later = datetime.now(UTC) + timedelta(days=91)
    recent = state.save_answer(engine.ask("What is an LIS?"), "C1", "U0BOB")
    run_sql(  # as if it were asked 90 days from now
        state, "UPDATE answers SET created_at = :at WHERE id = :id", at=later.isoformat(), id=recent
    )

    deleted = state.prune(later, retention_days=90, audit_days=730)

    assert deleted["answers"] == 1 and deleted["feedback"] == 1 and deleted["thread_turns"] == 1
    assert state.answer(old) is None and state.answer(recent) is not None
    assert state.first_time("Ev0OLD")  # forgotten, so it counts as new again
    assert deleted["audit_log"] == 0 and state.audit_entries()


def test_serving_prunes_expired_data_at_start(engine, fake_slack, tmp_path):
    from tests.conftest import _serve_slack

    data = tmp_path / "data"
    state = StateStore(data / "state.sqlite3")
    answer_id = state.save_answer(engine.ask("What is SmartMed?"), "C1", "U0ALICE")
    with sqlite3.connect(state.path) as db:
        db.execute("UPDATE answers SET created_at = '2020-01-01T00:00:00+00:00'")
    server = _serve_slack(engine, fake_slack, data)
    try:
        assert state.answer(answer_id) is None
    finally:
        server.stop()


def test_people_can_ask_to_be_forgotten_from_slack(slack_server, fake_slack):
    _ask_and_rate(slack_server, fake_slack, ALICE_ASKS, "U0ALICE", answers=1)
    _ask_and_rate(slack_server, fake_slack, BOB_ASKS, "U0BOB", answers=3)
    explained = ack_text(post_command(slack_server, fake_slack, "forget", user="U0ALICE"))
    assert "`/lis forget me` deletes the questions you have asked me" in explained
    done = ack_text(post_command(slack_server, fake_slack, "forget me", user="U0ALICE"))
    assert "I deleted 1 of your questions with their answers and 1 feedback ratings" in done
    state = slack_server.assistant.state
    with sqlite3.connect(state.path) as db:
        assert db.execute("SELECT question FROM answers").fetchall() == [(BOB_ASKS,)]


def test_people_can_ask_to_be_forgotten_from_teams(teams_server, fake_connector):
    from tests.fake_teams import message_activity
    from tests.frontends.teams.test_teams import send

    send(teams_server, message_activity(fake_connector.url, "What is SmartMed?"))
    fake_connector.wait_for_messages(1)
    send(teams_server, message_activity(fake_connector.url, "forget me"))
    reply = fake_connector.wait_for_messages(2)[-1]
    assert "I deleted 1 of your questions" in reply["text"]
    with sqlite3.connect(teams_server.assistant.state.path) as db:
        assert db.execute("SELECT COUNT(*) FROM answers").fetchone() == (0,)
