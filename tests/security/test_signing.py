"""Item 10: a signed Slack request is acted on once; a malformed signature header is a 401,
never a server error."""

from __future__ import annotations

import time

import httpx
import pytest

from testkit.slack_requests import signed_headers, slash_command
from tests.slack_client import FORM

pytestmark = pytest.mark.security


def test_a_replayed_request_is_refused(slack_server, fake_slack):
    body = slash_command("sources", response_url=fake_slack.response_url())
    headers = signed_headers(body, content_type=FORM)
    url = f"{slack_server.url}/slack/events"
    first = httpx.post(url, content=body, headers=headers, timeout=10)
    assert first.status_code == 200 and "documents" in first.text
    again = httpx.post(url, content=body, headers=headers, timeout=10)
    assert again.status_code == 401
    assert "documents" not in again.text


def test_a_replayed_question_is_answered_once(slack_server, fake_slack):
    body = slash_command("What is SmartMed?", response_url=fake_slack.response_url())
    headers = signed_headers(body, content_type=FORM)
    url = f"{slack_server.url}/slack/events"
    assert httpx.post(url, content=body, headers=headers, timeout=10).status_code == 200
    fake_slack.wait_for("response_url", timeout=30)
    assert httpx.post(url, content=body, headers=headers, timeout=10).status_code == 401
    time.sleep(1)
    assert len(fake_slack.of("response_url")) == 1


@pytest.mark.parametrize(
    "timestamp",
    ["not-a-number", "", "1e9", "123abc", "0x10", "-1", "12345678901234567890123"],
)
def test_malformed_timestamps_get_401(slack_server, fake_slack, timestamp):
    body = slash_command("sources", response_url=fake_slack.response_url())
    headers = {**signed_headers(body, content_type=FORM), "X-Slack-Request-Timestamp": timestamp}
    response = httpx.post(f"{slack_server.url}/slack/events", content=body, headers=headers)
    assert response.status_code == 401


@pytest.mark.parametrize("signature", ["", "v0=", "v0=zz", "v1=abc", "garbage"])
def test_malformed_signatures_get_401(slack_server, fake_slack, signature):
    body = slash_command("sources", response_url=fake_slack.response_url())
    headers = {**signed_headers(body, content_type=FORM), "X-Slack-Signature": signature}
    response = httpx.post(f"{slack_server.url}/slack/events", content=body, headers=headers)
    assert response.status_code == 401
