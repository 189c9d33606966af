"""Closing the loop from Slack: `/lis admin gaps`, `lis gaps` on the host, the weekly note
in admins' DMs and its "Ingest a document" button; signed requests to the running server,
a fake Slack Web API."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

import pytest

from bot.cli import main
from bot.engine.answer import Answer
from bot.frontends.commands import NOT_ADMIN
from bot.frontends.slack.gaps import GAPS_INGEST, GAPS_INGEST_MODAL
from bot.services.digest import LONDON
from bot.services.state import StateStore
from bot.settings import get_settings
from testkit.servers import PageServer
from tests.slack_client import (
    ack_text,
    all_text,
    button_value,
    final_update,
    post_action,
    post_command,
    post_view,
)

NOT_COVERED = "How can our trust get grants for social prescribing link workers?"
DISLIKED = "How will hospitals reach net zero emissions?"
PEOPLE = ("U0ALICE", "U0BOB")


def ask(server, fake_slack, question: str, user: str) -> dict:
    before = len(fake_slack.of("response_url"))
    post_command(server, fake_slack, question, user=user)
    return fake_slack.wait_for("response_url", before + 1)[-1]


def test_admins_see_what_was_not_answered_and_no_one_is_named(slack_server, fake_slack, capsys):
    assert "couldn't find this" in all_text(ask(slack_server, fake_slack, NOT_COVERED, "U0ALICE"))
    answer = ask(slack_server, fake_slack, DISLIKED, "U0BOB")
    post_action(
        slack_server,
        fake_slack,
        "feedback_down",
        button_value(answer, "feedback_down"),
        user="U0BOB",
    )
    calls_before = len(fake_slack.calls)

    reply = post_command(slack_server, fake_slack, "admin gaps", user="U0ADMIN", timeout=30)
    report = ack_text(reply)
    assert "What the knowledge base could not answer: the last 14 days" in report
    assert NOT_COVERED in report and DISLIKED in report
    assert "1 not covered" in report and "1 rated :-1:" in report
    assert "Cited in the :-1: answers:" in report
    assert button_value(reply.json(), GAPS_INGEST)
    sent = report + json.dumps([c.payload for c in fake_slack.calls[calls_before:]])
    assert not any(person in sent for person in PEOPLE)

    refused = post_command(slack_server, fake_slack, "admin gaps", user="U0ALICE")
    assert ack_text(refused) == NOT_ADMIN
    (entry,) = slack_server.assistant.state.audit_entries()
    assert (entry["user_id"], entry["action"], entry["result"]) == (
        "U0ALICE",
        "admin gaps",
        "refused: not an admin",
    )

    capsys.readouterr()
    assert main(["gaps", "--days", "1"]) == 0  # the same state, on the host
    printed = capsys.readouterr().out
    assert "the knowledge base could not answer well, last 1 days: 2 in 2 groups" in printed
    assert NOT_COVERED in printed and DISLIKED in printed
    assert not any(person in printed for person in PEOPLE)


def test_days_must_be_a_number_of_days(slack_server, fake_slack):
    text = ack_text(post_command(slack_server, fake_slack, "admin gaps soon", user="U0ADMIN"))
    assert "Usage: `/lis admin gaps [days]`" in text


# The weekly note -------------------------------------------------------------------

MONDAY_8AM = datetime(2026, 1, 12, 8, 0, tzinfo=LONDON)


@pytest.fixture
def slack_settings(fake_slack, monkeypatch):
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("SLACK_API_URL", fake_slack.api_url)
    monkeypatch.setenv("SLACK_ADMIN_USER_IDS", "U0ADMIN,U0ADMIN2")
    return get_settings()


def asked_on_sunday(settings, question: str) -> None:
    state = StateStore.in_data_dir(settings.lis_data_dir)
    state.save_answer(Answer(question, "Not covered.", "no_answer"), "C0GENERAL", "U0ALICE")
    with sqlite3.connect(state.path) as db:
        db.execute("UPDATE answers SET created_at = '2026-01-11T15:00:00+00:00'")


def test_the_weekly_note_reaches_each_admin_once_from_the_clock(slack_settings, fake_slack):
    from apscheduler.schedulers.background import BackgroundScheduler

    from bot.services.schedule import build_scheduler
    from bot.wiring import gaps_once, gaps_sender

    send = gaps_sender(slack_settings)
    assert gaps_once(slack_settings, send, MONDAY_8AM) == {
        "U0ADMIN": "skipped: nothing to report",
        "U0ADMIN2": "skipped: nothing to report",
    }
    asked_on_sunday(slack_settings, NOT_COVERED)
    scheduler = build_scheduler(
        "08:00",
        lambda: None,
        BackgroundScheduler,
        also={"gaps": lambda: gaps_once(slack_settings, send, MONDAY_8AM)},
    )
    assert [job.id for job in scheduler.get_jobs()] == ["digest", "gaps"]
    job = scheduler.get_job("gaps")
    assert job.func() == {"U0ADMIN": "sent", "U0ADMIN2": "sent"}
    assert set(job.func().values()) == {"skipped: already sent this week"}
    tuesday = MONDAY_8AM.replace(day=13)
    assert set(gaps_once(slack_settings, send, tuesday).values()) == {"skipped: not the gaps day"}

    posts = fake_slack.of("chat.postMessage")
    assert [p["channel"] for p in posts] == ["U0ADMIN", "U0ADMIN2"]
    assert NOT_COVERED in json.dumps(posts[0]["blocks"]) and "U0ALICE" not in json.dumps(posts)
    assert button_value(posts[0], GAPS_INGEST)


@pytest.fixture
def site():
    """A local web server publishing one document."""
    page = (
        "<html><head><title>Social prescribing</title></head><body><main><h1>Social "
        "prescribing grants</h1><p>Trusts can apply for social prescribing link worker "
        "grants from the Dorset health innovation fund.</p></main></body></html>"
    )
    server = PageServer({"/grants": (page, "text/html")})
    server.start()
    yield server
    server.stop()


def test_the_button_opens_the_ingest_form_for_admins_only(admin_server, fake_slack, site):
    post_action(admin_server, fake_slack, GAPS_INGEST, "gaps", user="U0ALICE")
    (refusal,) = fake_slack.wait_for("chat.postMessage")
    assert refusal["channel"] == "U0ALICE" and refusal["text"] == NOT_ADMIN
    assert admin_server.assistant.state.audit_entries()[0]["result"] == "refused: not an admin"
    assert fake_slack.of("views.open") == []

    post_action(admin_server, fake_slack, GAPS_INGEST, "gaps", user="U0ADMIN")
    (opened,) = fake_slack.wait_for("views.open")
    assert opened["view"]["callback_id"] == GAPS_INGEST_MODAL

    rejected = post_view(admin_server, GAPS_INGEST_MODAL, "", {"url": "/etc/passwd"})
    assert rejected.json()["response_action"] == "errors"
    forged = post_view(admin_server, GAPS_INGEST_MODAL, "", {"url": site.url}, user="U0ALICE")
    assert forged.json()["errors"]["url"] == NOT_ADMIN

    post_view(admin_server, GAPS_INGEST_MODAL, "", {"url": f"{site.url}/grants"})
    assert "1 added" in final_update(fake_slack)
    assert f"ingest {site.url}/grants: 1 added" in ack_text(
        post_command(admin_server, fake_slack, "admin log", user="U0ADMIN")
    )
