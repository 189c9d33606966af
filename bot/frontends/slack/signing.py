"""Only requests Slack signed reach the Slack app, and each of them only once.

slack-bolt's own check answers 500 when `X-Slack-Request-Timestamp` is not a number, logs
the whole body of every refused request at INFO (up to 1 MB of anyone's text with `-v`),
and accepts the same signed request again and again for its five minutes. This gate runs
before bolt sees a request, and bolt's own check is switched off (`build_slack_app`):

- both headers must be well formed (digits; `v0=` and 64 hex digits), else 401;
- slack_sdk's `SignatureVerifier` checks the HMAC and the five-minute window;
- a signature already used is a replay, refused until its window has passed (the
  record is kept in the state database, so every process on the host shares it);
- a refusal is logged with its reason, never with the body.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping

from slack_sdk.signature import SignatureVerifier

__all__ = ["SlackGate", "WINDOW_SECONDS"]

log = logging.getLogger(__name__)
WINDOW_SECONDS = 5 * 60
_TIMESTAMP = re.compile(r"[0-9]{1,12}")
_SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")
# first_use(signature, expires_at) -> True the first time a signature is presented.
FirstUse = Callable[[str, float], bool]


class SlackGate:
    def __init__(self, signing_secret: str, first_use: FirstUse) -> None:
        self._verifier = SignatureVerifier(signing_secret)
        self._first_use = first_use

    def refusal(self, body: str, headers: Mapping[str, str]) -> str | None:
        """Why this request must be refused (401), or None when it may be handled."""
        timestamp = headers.get("X-Slack-Request-Timestamp", "")
        signature = headers.get("X-Slack-Signature", "")
        if not _TIMESTAMP.fullmatch(timestamp) or not _SIGNATURE.fullmatch(signature):
            reason = "missing or malformed signature headers"
        elif not self._verifier.is_valid(body, timestamp, signature):
            reason = "bad signature or a timestamp outside the five-minute window"
        elif not self._first_use(signature, int(timestamp) + WINDOW_SECONDS):
            reason = "replay of a request already handled"
        else:
            return None
        log.info("refused a request to /slack/events: %s", reason)
        return reason
