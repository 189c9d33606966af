"""Slack's assistant panel end to end: signed events to the running server, a fake Slack.

Greeting and suggested prompts for the channel open beside the panel, a status and a title
before the answer, follow-ups, Slack's own feedback buttons, and no double answers."""

from __future__ import annotations

import json
import sqlite3
import time
from urllib.parse import urlencode

import httpx

from bot.frontends.slack.blocks import FEEDBACK
from bot.frontends.slack.listeners.panel import STATUS
from testkit.slack_requests import TEAM, signed_headers
from tests.slack_client import FORM, all_text, post_command, post_event

DM, THREAD = "D0ALICE", "1700001000.000100"


def thread_started(channel: str | None = "C0GENERAL", thread: str = THREAD) -> dict:
    """What Slack sends when someone opens the assistant panel (beside `channel`)."""
    return {
        "type": "assistant_thread_started",
        "assistant_thread": {
            "user_id": "U0ALICE",
            "context": {"channel_id": channel, "team_id": TEAM} if channel else {},
            "channel_id": DM,
            "thread_ts": thread,
        },
        "event_ts": "1700001000.000200",
    }


def context_changed(channel: str) -> dict:
    event = thread_started(channel)
    event["type"] = "assistant_thread_context_changed"
    return event


def in_thread(text: str, ts: str, thread: str = THREAD) -> dict:
    """A message typed in the panel's thread."""
    return {
        "type": "message",
        "channel_type": "im",
        "user": "U0ALICE",
        "channel": DM,
        "ts": ts,
        "thread_ts": thread,
        "text": text,
    }


def methods(fake_slack) -> list[str]:
    return [call.method for call in fake_slack.calls]


def feedback_click(value: str, *, message_ts: str, user: str = "U0ALICE") -> str:
    """A click on Slack's feedback buttons under a message in the panel's thread."""
    payload = {
        "type": "block_actions",
        "api_app_id": "A0LIS",
        "token": "legacy-verification-token",
        "user": {"id": user, "username": "alice", "team_id": TEAM},
        "team": {"id": TEAM, "domain": "nhs-test"},
        "channel": {"id": DM, "name": "directmessage"},
        "container": {
            "type": "message",
            "message_ts": message_ts,
            "channel_id": DM,
            "is_ephemeral": False,
            "thread_ts": THREAD,
        },
        "message": {"type": "message", "ts": message_ts, "thread_ts": THREAD, "text": "answer"},
        "trigger_id": f"13345224609.738474920.{message_ts.replace('.', '')}",
        "response_url": "https://hooks.slack.test/actions/T0TEST/1/abc",
        "actions": [
            {
                "type": "feedback_buttons",
                "action_id": FEEDBACK,
                "block_id": "answer_feedback",
                "value": value,
                "action_ts": str(time.time()),
            }
        ],
    }
    return urlencode({"payload": json.dumps(payload)})


def post_click(server, body: str) -> httpx.Response:
    return httpx.post(
        f"{server.url}/slack/events",
        content=body,
        headers=signed_headers(body, content_type=FORM),
        timeout=10,
    )


def feedback_values(payload: dict) -> list[str]:
    (block,) = [b for b in payload["blocks"] if b["type"] == "context_actions"]
    (buttons,) = block["elements"]
    assert buttons["type"] == "feedback_buttons" and buttons["action_id"] == FEEDBACK
    return [buttons["positive_button"]["value"], buttons["negative_button"]["value"]]


def test_opening_the_panel_offers_prompts_for_the_open_channels_area(slack_server, fake_slack):
    post_command(slack_server, fake_slack, "area Exeter", channel="C0GENERAL")
    post_event(slack_server, thread_started("C0GENERAL"), "Ev0OPEN")
    (prompts,) = fake_slack.wait_for("assistant.threads.setSuggestedPrompts")
    assert (prompts["channel_id"], prompts["thread_ts"]) == (DM, THREAD)
    offered = [p["message"] for p in prompts["prompts"]]
    assert 3 <= len(offered) <= 4
    assert sum("Heart of the South West" in question for question in offered) >= 2
    (hello,) = fake_slack.of("chat.postMessage")
    assert hello["thread_ts"] == THREAD and "Heart of the South West" in hello["text"]
    assert hello["metadata"]["event_payload"]["channel_id"] == "C0GENERAL"


def test_without_a_channel_open_the_general_examples_are_offered(slack_server, fake_slack):
    post_event(slack_server, thread_started(None), "Ev0OPENDM")
    (prompts,) = fake_slack.wait_for("assistant.threads.setSuggestedPrompts")
    offered = [p["message"] for p in prompts["prompts"]]
    assert "What should our ICS do for the Lincolnshire strategy?" in offered


def test_a_question_gets_a_status_a_title_and_an_answer_in_the_thread_for_that_area(
    slack_server, fake_slack
):
    post_command(slack_server, fake_slack, "area Exeter", channel="C0GENERAL")
    post_event(slack_server, thread_started("C0GENERAL"), "Ev0OPEN")
    fake_slack.wait_for("assistant.threads.setSuggestedPrompts")
    question = "How can trusts get involved in the strategy?"
    post_event(slack_server, in_thread(question, "1700001001.000100"), "Ev0ASK")
    hello, answer = fake_slack.wait_for("chat.postMessage", count=2)
    (status,) = fake_slack.of("assistant.threads.setStatus")
    assert (status["channel_id"], status["thread_ts"], status["status"]) == (DM, THREAD, STATUS)
    (title,) = fake_slack.of("assistant.threads.setTitle")
    assert title["title"] == question and title["thread_ts"] == THREAD
    calls = methods(fake_slack)
    assert calls.index("assistant.threads.setStatus") < calls.index("chat.postMessage", 2)
    assert answer["channel"] == DM and answer["thread_ts"] == THREAD
    assert "Heart of the South West" in all_text(answer)  # the open channel's area
    assert "*Sources*" in all_text(answer)
    assert "feedback_up" not in all_text(answer)  # Slack's own buttons instead
    assert len(feedback_values(answer)) == 2


def test_the_panel_follows_the_person_to_another_channel(slack_server, fake_slack):
    post_command(slack_server, fake_slack, "area Exeter", channel="C0GENERAL")
    post_command(slack_server, fake_slack, "area Lincolnshire", channel="C0LINCS")
    post_event(slack_server, thread_started("C0GENERAL"), "Ev0OPEN")
    fake_slack.wait_for("assistant.threads.setSuggestedPrompts")
    post_event(slack_server, context_changed("C0LINCS"), "Ev0MOVED")
    prompts = fake_slack.wait_for("assistant.threads.setSuggestedPrompts", count=2)[1]
    assert "Greater Lincolnshire" in all_text(prompts)
    question = "How can trusts get involved in the strategy?"
    post_event(slack_server, in_thread(question, "1700001001.000100"), "Ev0ASK")
    answer = fake_slack.wait_for("chat.postMessage", count=2)[1]
    assert "Greater Lincolnshire" in all_text(answer)


def test_a_follow_up_in_the_panel_keeps_the_earlier_question_in_mind(slack_server, fake_slack):
    post_event(slack_server, thread_started(None), "Ev0OPEN")
    first = "What should our ICS do for the Lincolnshire strategy?"
    post_event(slack_server, in_thread(first, "1700001001.000100"), "Ev0FIRST")
    fake_slack.wait_for("chat.postMessage", count=2)
    post_event(slack_server, in_thread("and what about skills?", "1700001002.000100"), "Ev0NEXT")
    second = fake_slack.wait_for("chat.postMessage", count=3)[2]
    assert second["thread_ts"] == THREAD
    assert "Greater Lincolnshire" in all_text(second) and "skill" in all_text(second).lower()
    assert len(fake_slack.of("assistant.threads.setStatus")) == 2
    assert len(fake_slack.of("assistant.threads.setTitle")) == 1  # named by the first


def test_a_message_in_the_panel_is_answered_once(slack_server, fake_slack):
    post_event(slack_server, in_thread("What is SmartMed?", "1700001001.000100"), "Ev0ONCE")
    (answer,) = fake_slack.wait_for("chat.postMessage")
    time.sleep(0.5)
    assert len(fake_slack.of("chat.postMessage")) == 1  # not the DM handler's as well
    assert fake_slack.of("chat.update") == []  # no "Looking into it" placeholder either
    assert "Centre for Process Innovation" in all_text(answer)


def test_slack_feedback_buttons_store_feedback_and_thank_privately(
    slack_server, fake_slack, tmp_path
):
    post_event(slack_server, in_thread("What is SmartMed?", "1700001001.000100"), "Ev0ASK")
    (answer,) = fake_slack.wait_for("chat.postMessage")
    helpful, not_helpful = feedback_values(answer)
    response = post_click(slack_server, feedback_click(not_helpful, message_ts="1700000000.000001"))
    assert response.status_code == 200
    (thanks,) = fake_slack.wait_for("chat.postEphemeral")
    assert (thanks["channel"], thanks["user"], thanks["thread_ts"]) == (DM, "U0ALICE", THREAD)
    assert "Thanks" in thanks["text"] and "feedback_comment" in all_text(thanks)
    with sqlite3.connect(tmp_path / "data" / "state.sqlite3") as db:
        rows = db.execute("SELECT user_id, rating, question, source FROM feedback").fetchall()
    assert rows == [("U0ALICE", -1, "What is SmartMed?", "slack")]
    post_click(slack_server, feedback_click(helpful, message_ts="1700000000.000001"))
    fake_slack.wait_for("chat.postEphemeral", count=2)
    with sqlite3.connect(tmp_path / "data" / "state.sqlite3") as db:
        ratings = db.execute("SELECT rating FROM feedback").fetchall()
    assert ratings == [(1,)]  # a second click changes the rating, as the 👍 / 👎 buttons do


def test_feedback_on_a_forgotten_answer_says_so(slack_server, fake_slack):
    post_click(slack_server, feedback_click("no-such-answer:1", message_ts="1700000000.000009"))
    (reply,) = fake_slack.wait_for("chat.postEphemeral")
    assert "can no longer find that answer" in reply["text"]


def test_a_retried_panel_event_is_handled_once(slack_server, fake_slack):
    for _ in range(2):
        post_event(slack_server, thread_started(None), "Ev0TWICE")
    fake_slack.wait_for("assistant.threads.setSuggestedPrompts")
    time.sleep(0.5)
    assert len(fake_slack.of("assistant.threads.setSuggestedPrompts")) == 1
    assert len(fake_slack.of("chat.postMessage")) == 1
