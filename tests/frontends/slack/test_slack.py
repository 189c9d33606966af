"""The Slack app end to end: signed requests to the running server, a fake Slack Web API."""

from __future__ import annotations

import re
import sqlite3
import time

import httpx
import pytest

from bot.frontends.assistant import SORRY
from bot.frontends.slack.listeners.commands import LOOKING
from testkit.fake_slack import BOT_ID, BOT_USER_ID
from testkit.slack_requests import signed_headers, slash_command
from tests.slack_client import (
    FORM,
    ack_text,
    all_text,
    button_value,
    mention,
    post_action,
    post_command,
    post_event,
    post_view,
)


@pytest.mark.parametrize("tamper", ["wrong secret", "no signature", "stale timestamp"])
def test_requests_not_signed_by_slack_get_401(slack_server, fake_slack, tamper):
    body = slash_command("What is SmartMed?", response_url=fake_slack.response_url())
    headers = {
        "wrong secret": signed_headers(body, content_type=FORM, secret="not-the-secret"),
        "no signature": {"Content-Type": FORM},
        "stale timestamp": signed_headers(
            body, content_type=FORM, timestamp=int(time.time()) - 3600
        ),
    }[tamper]
    response = httpx.post(f"{slack_server.url}/slack/events", content=body, headers=headers)
    assert response.status_code == 401
    time.sleep(0.2)
    assert fake_slack.of("response_url") == []


def test_slash_command_is_acknowledged_then_answered_privately(slack_server, fake_slack):
    response = post_command(slack_server, fake_slack, "What is SmartMed?")
    assert ack_text(response) == LOOKING
    (reply,) = fake_slack.wait_for("response_url")
    assert reply["response_type"] == "ephemeral"
    assert reply["replace_original"] is True
    text = all_text(reply)
    assert "Centre for Process Innovation" in text
    assert "*Sources*" in text and "North East Local Industrial Strategy" in text
    assert "*Who to contact*" in text and "michael.wood@nhsconfed.org" in text
    assert button_value(reply, "share_answer") == button_value(reply, "feedback_up")
    assert all(len(b.get("text", {}).get("text", "")) <= 3000 for b in reply["blocks"])


@pytest.mark.parametrize("text", ["", "help"])
def test_help_lists_example_questions(slack_server, fake_slack, text):
    response = post_command(slack_server, fake_slack, text)
    body = ack_text(response)
    assert "/lis What should our ICS do for the Lincolnshire strategy?" in body
    assert "/lis area" in body


def test_sources_lists_documents_with_dates(slack_server, fake_slack):
    body = ack_text(post_command(slack_server, fake_slack, "sources"))
    assert "5 documents" in body
    assert "Understanding the Industrial Strategy white paper" in body and "December 2017" in body


def test_channel_area_routes_contacts_when_the_question_names_no_place(slack_server, fake_slack):
    assert "no area yet" in ack_text(post_command(slack_server, fake_slack, "area"))
    reply = ack_text(post_command(slack_server, fake_slack, "area Exeter"))
    assert "Heart of the South West" in reply
    assert "area is Exeter" in ack_text(post_command(slack_server, fake_slack, "area"))
    post_command(slack_server, fake_slack, "How can trusts get involved in the strategy?")
    (answer,) = fake_slack.wait_for("response_url")
    assert "Heart of the South West" in all_text(answer)
    other_channel = post_command(slack_server, fake_slack, "area", channel="C0OTHER")
    assert "no area yet" in ack_text(other_channel)


def test_unknown_area_is_explained(slack_server, fake_slack):
    reply = ack_text(post_command(slack_server, fake_slack, "area Narnia"))
    assert "don't recognise “Narnia”" in reply


def test_overlong_question_is_refused_politely(slack_server, fake_slack):
    reply = ack_text(post_command(slack_server, fake_slack, "why " * 600))
    assert "keep it under 2,000" in reply
    time.sleep(0.3)
    assert fake_slack.of("response_url") == []


def test_mention_is_answered_in_a_thread(slack_server, fake_slack):
    event = mention("What are T levels?", ts="1700000100.000100")
    assert post_event(slack_server, event, "Ev0MENTION").status_code == 200
    (placeholder,) = fake_slack.wait_for("chat.postMessage")
    assert placeholder["thread_ts"] == "1700000100.000100"
    (update,) = fake_slack.wait_for("chat.update")
    assert update["ts"] == "1700000000.000001"
    assert "technical education" in all_text(update)


def test_direct_message_is_answered_in_the_dm(slack_server, fake_slack):
    event = {
        "type": "message",
        "channel_type": "im",
        "user": "U0ALICE",
        "channel": "D0ALICE",
        "ts": "1700000200.000100",
        "text": "What is HEIF?",
    }
    post_event(slack_server, event, "Ev0DM")
    (placeholder,) = fake_slack.wait_for("chat.postMessage")
    assert placeholder["channel"] == "D0ALICE" and "thread_ts" not in placeholder
    (update,) = fake_slack.wait_for("chat.update")
    assert "Higher Education Innovation Funding" in all_text(update)


def test_thread_follow_up_keeps_the_earlier_question_in_mind(slack_server, fake_slack):
    thread = "1700000300.000100"
    first = mention("What should our ICS do for the Lincolnshire strategy?", ts=thread)
    post_event(slack_server, first, "Ev0FIRST")
    fake_slack.wait_for("chat.update")
    follow_up = {
        "type": "message",
        "channel_type": "channel",
        "user": "U0ALICE",
        "channel": "C0GENERAL",
        "ts": "1700000301.000100",
        "thread_ts": thread,
        "text": "and what about skills?",
    }
    post_event(slack_server, follow_up, "Ev0FOLLOW")
    updates = fake_slack.wait_for("chat.update", count=2)
    assert fake_slack.of("chat.postMessage")[1]["thread_ts"] == thread
    second = all_text(updates[1])
    assert "Greater Lincolnshire" in second  # the place came from the first question
    assert "skill" in second.lower()


def test_messages_in_threads_the_bot_never_joined_are_ignored(slack_server, fake_slack):
    event = {
        "type": "message",
        "channel_type": "channel",
        "user": "U0BOB",
        "channel": "C0GENERAL",
        "ts": "1700000401.000100",
        "thread_ts": "1700000400.000100",
        "text": "lunch?",
    }
    post_event(slack_server, event, "Ev0CHAT")
    time.sleep(0.3)
    assert fake_slack.of("chat.postMessage") == []


def test_a_retried_event_is_answered_once(slack_server, fake_slack):
    event = mention("What is SmartMed?", ts="1700000500.000100")
    post_event(slack_server, event, "Ev0RETRY")
    post_event(
        slack_server,
        event,
        "Ev0RETRY",
        **{"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"},
    )
    fake_slack.wait_for("chat.update")
    time.sleep(0.5)
    assert len(fake_slack.of("chat.postMessage")) == 1


def test_bot_messages_are_ignored(slack_server, fake_slack):
    for n, event in enumerate(
        [
            {
                "type": "message",
                "channel_type": "im",
                "channel": "D0ALICE",
                "ts": "1.1",
                "bot_id": "B0OTHER",
                "text": "I am another bot",
            },
            {
                "type": "message",
                "channel_type": "im",
                "channel": "D0ALICE",
                "ts": "1.2",
                "bot_id": BOT_ID,
                "user": BOT_USER_ID,
                "text": "my own answer",
            },
        ]
    ):
        post_event(slack_server, event, f"Ev0BOT{n}")
    time.sleep(0.3)
    assert fake_slack.of("chat.postMessage") == []


def test_feedback_click_is_stored_with_question_and_answer(slack_server, fake_slack, tmp_path):
    post_command(slack_server, fake_slack, "What is SmartMed?")
    (answer,) = fake_slack.wait_for("response_url")
    assert (
        post_action(
            slack_server, fake_slack, "feedback_down", button_value(answer, "feedback_down")
        ).status_code
        == 200
    )
    thanks = fake_slack.wait_for("response_url", count=2)[1]
    assert thanks["response_type"] == "ephemeral" and "Thanks" in thanks["text"]
    with sqlite3.connect(tmp_path / "data" / "state.sqlite3") as db:
        rows = db.execute(
            "SELECT user_id, rating, question, answer, source FROM feedback"
        ).fetchall()
    assert len(rows) == 1
    user, rating, question, text, source = rows[0]
    assert (user, rating, question, source) == ("U0ALICE", -1, "What is SmartMed?", "slack")
    assert "SmartMed" in text


def test_a_feedback_comment_is_added_through_a_modal(slack_server, fake_slack, tmp_path):
    post_command(slack_server, fake_slack, "What is SmartMed?")
    (answer,) = fake_slack.wait_for("response_url")
    post_action(slack_server, fake_slack, "feedback_up", button_value(answer, "feedback_up"))
    thanks = fake_slack.wait_for("response_url", count=2)[1]
    post_action(
        slack_server, fake_slack, "feedback_comment", button_value(thanks, "feedback_comment")
    )
    (opened,) = fake_slack.wait_for("views.open")
    view = opened["view"]
    assert view["blocks"][0]["element"]["multiline"] is True
    response = post_view(
        slack_server,
        view["callback_id"],
        view["private_metadata"],
        {"comment": "Spot on"},
        user="U0ALICE",
    )
    assert response.status_code == 200
    with sqlite3.connect(tmp_path / "data" / "state.sqlite3") as db:
        stored = db.execute("SELECT rating, comment, question FROM feedback").fetchall()
    assert stored == [(1, "Spot on", "What is SmartMed?")]


def test_share_posts_the_answer_visibly_and_removes_the_private_copy(slack_server, fake_slack):
    post_command(slack_server, fake_slack, "What is SmartMed?")
    (answer,) = fake_slack.wait_for("response_url")
    post_action(slack_server, fake_slack, "share_answer", button_value(answer, "share_answer"))
    shared, deleted = fake_slack.wait_for("response_url", count=3)[1:]
    assert shared["response_type"] == "in_channel"
    assert "<@U0ALICE> shared an answer" in all_text(shared)
    assert "Centre for Process Innovation" in all_text(shared)
    assert "share_answer" not in all_text(shared)
    assert deleted["delete_original"] is True


def test_engine_failure_becomes_a_friendly_message(slack_server, fake_slack, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("database at /secret/path exploded, token xoxb-123")

    monkeypatch.setattr(slack_server.assistant.engine, "ask", broken)
    post_command(slack_server, fake_slack, "What is SmartMed?")
    (reply,) = fake_slack.wait_for("response_url")
    assert reply["text"] == SORRY
    assert "xoxb" not in all_text(reply) and "Traceback" not in all_text(reply)
    monkeypatch.undo()
    post_command(slack_server, fake_slack, "What is SmartMed?")
    assert "Centre for Process Innovation" in all_text(fake_slack.wait_for("response_url", 2)[1])


def test_rate_limited_posts_are_retried(slack_server, fake_slack):
    fake_slack.fail_next("chat.postMessage", 429, times=1, **{"Retry-After": "0"})
    event = mention("What is SmartMed?", ts="1700000600.000100")
    post_event(slack_server, event, "Ev0RATE")
    fake_slack.wait_for("chat.update")
    assert len(fake_slack.of("chat.postMessage")) == 2  # the 429, then the retry


def test_app_home_shows_purpose_examples_and_sources(slack_server, fake_slack):
    post_event(
        slack_server,
        {"type": "app_home_opened", "user": "U0ALICE", "tab": "home", "channel": "D0ALICE"},
        "Ev0HOME",
    )
    (published,) = fake_slack.wait_for("views.publish")
    assert published["user_id"] == "U0ALICE"
    view = all_text(published["view"])
    assert "LIS Assistant" in view and "/lis What should our ICS" in view
    assert "Health in all local industrial strategies?" in view


def test_healthz_reports_the_loaded_knowledge_base(slack_server):
    response = httpx.get(f"{slack_server.url}/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok" and response.json()["documents"] == 5


def test_admins_add_and_remove_deadlines_and_others_may_not(slack_server, fake_slack):
    refused = ack_text(
        post_command(slack_server, fake_slack, "deadline add 2099-01-15 Consultation closes")
    )
    assert "only LIS Assistant admins" in refused
    added = ack_text(
        post_command(
            slack_server,
            fake_slack,
            "deadline add 2099-01-15 Dorset call for evidence closes https://lep.example.org/cfe",
            user="U0ADMIN",
        )
    )
    deadline = re.search(r"`(\w+)`", added).group(1)
    assert "Thursday 15 January 2099" in added
    listing = ack_text(post_command(slack_server, fake_slack, "deadlines 366000"))
    assert "Usage" in listing
    stored = slack_server.assistant.deadlines.get(deadline)
    assert stored.area == "Dorset" and stored.url == "https://lep.example.org/cfe"
    assert "only LIS Assistant admins" in ack_text(
        post_command(slack_server, fake_slack, f"deadline remove {deadline}")
    )
    removed = ack_text(
        post_command(slack_server, fake_slack, f"deadline remove {deadline}", user="U0ADMIN")
    )
    assert removed.startswith(f"Removed `{deadline}`")
    assert slack_server.assistant.deadlines.get(deadline) is None
    bad = ack_text(
        post_command(slack_server, fake_slack, "deadline add 2099-02-30 Nope", user="U0ADMIN")
    )
    assert "not a real date" in bad


def test_deadlines_lists_what_is_due_soonest_first(slack_server, fake_slack):
    from datetime import timedelta

    from bot.services.digest import london_today

    for offset in (20, 5, 45):
        due = london_today() + timedelta(days=offset)
        post_command(
            slack_server, fake_slack, f"deadline add {due} Item in {offset} days", user="U0ADMIN"
        )
    listing = ack_text(post_command(slack_server, fake_slack, "deadlines"))
    assert listing.index("Item in 5 days") < listing.index("Item in 20 days")
    assert "Item in 45 days" not in listing
    assert "Item in 45 days" in ack_text(post_command(slack_server, fake_slack, "deadlines 60"))


def test_only_admins_see_the_deadline_ids_they_need_to_remove_one(slack_server, fake_slack):
    from datetime import timedelta

    from bot.services.digest import london_today

    due = london_today() + timedelta(days=10)
    added = ack_text(
        post_command(slack_server, fake_slack, f"deadline add {due} Closing soon", user="U0ADMIN")
    )
    deadline = re.search(r"`(\w+)`", added).group(1)
    for_admin = ack_text(post_command(slack_server, fake_slack, "deadlines", user="U0ADMIN"))
    for_others = ack_text(post_command(slack_server, fake_slack, "deadlines"))
    assert "Closing soon" in for_admin and "Closing soon" in for_others
    assert deadline in for_admin and deadline not in for_others


def test_channels_subscribe_to_the_digest(slack_server, fake_slack):
    assert "each morning when something is due" in ack_text(
        post_command(slack_server, fake_slack, "digest on")
    )
    assert "even when nothing is due" in ack_text(
        post_command(slack_server, fake_slack, "digest on --always", channel="C0OTHER")
    )
    assert slack_server.assistant.deadlines.subscriptions() == {"C0GENERAL": False, "C0OTHER": True}
    assert "no longer" in ack_text(post_command(slack_server, fake_slack, "digest off"))
    assert "Usage" in ack_text(post_command(slack_server, fake_slack, "digest sometimes"))


@pytest.mark.faults
def test_slack_server_errors_are_retried_without_duplicates(slack_server, fake_slack):
    fake_slack.fail_next("chat.update", 500, times=1)
    fake_slack.fail_next("chat.postMessage", 429, times=2, **{"Retry-After": "0"})
    event = mention("What is SmartMed?", ts="1700000700.000100")
    post_event(slack_server, event, "Ev0FAULTS")
    updates = fake_slack.wait_for("chat.update", count=2)
    time.sleep(0.5)
    assert len(fake_slack.of("chat.postMessage")) == 3  # two 429s, then the placeholder
    assert len(fake_slack.of("chat.update")) == 2  # one 500, then the answer, once
    assert "Centre for Process Innovation" in all_text(updates[1])
