"""Requests built exactly as Slack builds them: bodies, and the v0 HMAC signature headers.

Like Slack, every slash command, click and form submission gets a trigger id of its own,
so two requests are never byte for byte the same (the server refuses a replayed one).
"""

from __future__ import annotations

import itertools
import json
import time
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

SIGNING_SECRET = "test-signing-secret"
TEAM = "T0TEST"
_TRIGGERS = itertools.count(1)


def _trigger_id() -> str:
    return f"13345224609.738474920.{next(_TRIGGERS):031x}"


def signed_headers(
    body: str, *, content_type: str, secret: str = SIGNING_SECRET, timestamp: int | None = None
) -> dict[str, str]:
    timestamp = int(time.time()) if timestamp is None else timestamp
    signature = SignatureVerifier(secret).generate_signature(timestamp=str(timestamp), body=body)
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": str(timestamp),
        "X-Slack-Signature": signature,
    }


def slash_command(
    text: str, *, response_url: str, user: str = "U0ALICE", channel: str = "C0GENERAL"
) -> str:
    return urlencode(
        {
            "token": "legacy-verification-token",
            "team_id": TEAM,
            "team_domain": "nhs-test",
            "channel_id": channel,
            "channel_name": "general",
            "user_id": user,
            "user_name": "alice",
            "command": "/lis",
            "text": text,
            "api_app_id": "A0LIS",
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": _trigger_id(),
        }
    )


def event_callback(event: dict, event_id: str) -> str:
    return json.dumps(
        {
            "token": "legacy-verification-token",
            "team_id": TEAM,
            "api_app_id": "A0LIS",
            "event": event,
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(time.time()),
            "authorizations": [
                {
                    "enterprise_id": None,
                    "team_id": TEAM,
                    "user_id": "UBOTLIS01",
                    "is_bot": True,
                    "is_enterprise_install": False,
                }
            ],
        }
    )


def block_action(
    action_id: str,
    value: str,
    *,
    response_url: str,
    user: str = "U0ALICE",
    channel: str = "C0GENERAL",
) -> str:
    payload = {
        "type": "block_actions",
        "api_app_id": "A0LIS",
        "token": "legacy-verification-token",
        "user": {"id": user, "username": "alice", "team_id": TEAM},
        "team": {"id": TEAM, "domain": "nhs-test"},
        "channel": {"id": channel, "name": "general"},
        "container": {
            "type": "message",
            "message_ts": "1700000000.000001",
            "channel_id": channel,
            "is_ephemeral": True,
        },
        "trigger_id": _trigger_id(),
        "response_url": response_url,
        "actions": [
            {
                "action_id": action_id,
                "block_id": "answer_actions",
                "value": value,
                "type": "button",
                "action_ts": str(time.time()),
            }
        ],
    }
    return urlencode({"payload": json.dumps(payload)})


def view_submission(
    callback_id: str, private_metadata: str, values: dict[str, str], *, user: str = "U0ADMIN"
) -> str:
    """A modal's submission, with each input block's value under action id "value"."""
    payload = {
        "type": "view_submission",
        "api_app_id": "A0LIS",
        "token": "legacy-verification-token",
        "team": {"id": TEAM, "domain": "nhs-test"},
        "user": {"id": user, "username": "admin", "team_id": TEAM},
        "trigger_id": _trigger_id(),
        "view": {
            "id": "V0MODAL",
            "type": "modal",
            "callback_id": callback_id,
            "private_metadata": private_metadata,
            "team_id": TEAM,
            "state": {
                "values": {
                    block: {"value": {"type": "plain_text_input", "value": value}}
                    for block, value in values.items()
                }
            },
        },
    }
    return urlencode({"payload": json.dumps(payload)})
