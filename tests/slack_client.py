"""Sending signed Slack requests to the running server, and reading what it answered."""

from __future__ import annotations

import json
import time

import httpx

from testkit.fake_slack import BOT_USER_ID
from testkit.slack_requests import (
    block_action,
    event_callback,
    signed_headers,
    slash_command,
    view_submission,
)

FORM = "application/x-www-form-urlencoded"


def post_command(server, fake_slack, text: str, timeout: float = 10, **kwargs) -> httpx.Response:
    """`/lis <text>` as Slack sends it (kwargs: user, channel)."""
    body = slash_command(text, response_url=fake_slack.response_url(), **kwargs)
    return _post(server, body, FORM, timeout)


def mention(question: str, ts: str, user: str = "U0ALICE", channel: str = "C0GENERAL") -> dict:
    """An app_mention event: someone @mentions the bot with a question in a channel."""
    return {
        "type": "app_mention",
        "user": user,
        "channel": channel,
        "ts": ts,
        "text": f"<@{BOT_USER_ID}> {question}",
    }


def file_share(file: dict, ts: str, user: str = "U0ADMIN", channel: str = "D0ADMIN") -> dict:
    """A message event: someone shares a file with the bot in a direct message."""
    return {
        "type": "message",
        "subtype": "file_share",
        "channel_type": "im",
        "user": user,
        "channel": channel,
        "ts": ts,
        "text": "",
        "files": [file],
    }


def ask_via_slack(url: str, fake_slack, question: str, key: str, seconds: float = 60) -> str:
    """`/lis <question>` to the server at `url`; what it sent to the response URL `key`."""
    body = slash_command(question, response_url=fake_slack.response_url(key))
    headers = signed_headers(body, content_type=FORM)
    assert httpx.post(f"{url}/slack/events", content=body, headers=headers).status_code == 200
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for call in fake_slack.calls:
            if call.path.endswith(f"/{key}"):
                return str(call.payload)
        time.sleep(0.05)
    raise AssertionError("no answer")


def post_event(server, event: dict, event_id: str, **headers) -> httpx.Response:
    body = event_callback(event, event_id)
    response = httpx.post(
        f"{server.url}/slack/events",
        content=body,
        timeout=10,
        headers={**signed_headers(body, content_type="application/json"), **headers},
    )
    return response


def post_action(
    server, fake_slack, action_id: str, value: str, timeout: float = 10, **kwargs
) -> httpx.Response:
    """A button click (kwargs: user, channel)."""
    body = block_action(action_id, value, response_url=fake_slack.response_url("click"), **kwargs)
    return _post(server, body, FORM, timeout)


def post_view(
    server, callback_id: str, private_metadata: str, values: dict[str, str], **kwargs
) -> httpx.Response:
    """A modal's submission (kwargs: user)."""
    body = view_submission(callback_id, private_metadata, values, **kwargs)
    return _post(server, body, FORM, 10)


def _post(server, body: str, content_type: str, timeout: float) -> httpx.Response:
    return httpx.post(
        f"{server.url}/slack/events",
        content=body,
        headers=signed_headers(body, content_type=content_type),
        timeout=timeout,
    )


def ack_text(response: httpx.Response) -> str:
    """What Slack shows for an acknowledgement: plain text, or the JSON message's text."""
    assert response.status_code == 200
    if response.headers["content-type"].startswith("application/json"):
        return all_text(response.json())
    return response.text


def all_text(payload: dict) -> str:
    return json.dumps(payload, ensure_ascii=False)


def button_value(payload: dict, action_id: str) -> str:
    for block in payload["blocks"]:
        for element in block.get("elements", []):
            if element.get("action_id") == action_id:
                return element["value"]
    raise AssertionError(f"no {action_id} button")


def final_update(fake_slack, count: int = 1, timeout: float = 60) -> str:
    """The text of the `count`-th admin progress message once it shows a final state."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        finals = [
            u["text"]
            for u in fake_slack.of("chat.update")
            if u["text"].startswith((":white_check_mark:", ":x:", ":warning:"))
        ]
        if len(finals) >= count:
            return finals[count - 1]
        time.sleep(0.05)
    raise AssertionError(f"no final progress message: {fake_slack.of('chat.update')}")
