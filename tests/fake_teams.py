"""A local fake of the Bot Framework connector (the Teams `serviceUrl`), recording replies,
and builders for the Activity JSON Teams sends to a bot."""

from __future__ import annotations

import itertools
import threading
import time

from aiohttp import web

from tests.servers import BackgroundServer

BOT = {"id": "28:lis-bot", "name": "LIS Assistant"}
USER = {"id": "29:alice", "name": "Alice", "aadObjectId": "00000000-0000-0000-0000-0000000a11ce"}


class FakeConnector:
    def __init__(self) -> None:
        self.activities: list[dict] = []
        self.paths: list[str] = []
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        app = web.Application()
        app.router.add_post("/v3/conversations/{conversation}/activities", self._post)
        app.router.add_post("/v3/conversations/{conversation}/activities/{reply_to}", self._post)
        self.server = BackgroundServer(app)

    def start(self) -> FakeConnector:
        self.server.start()
        return self

    @property
    def url(self) -> str:
        return self.server.url

    async def _post(self, request: web.Request) -> web.Response:
        body = await request.json()
        with self._lock:
            self.activities.append(body)
            self.paths.append(request.path)
            reply_id = f"bot-message-{next(self._ids)}"
        return web.json_response({"id": reply_id})

    def messages(self) -> list[dict]:
        with self._lock:
            return [a for a in self.activities if a.get("type") == "message"]

    def wait_for_messages(self, count: int = 1, timeout: float = 15.0) -> list[dict]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.messages()) >= count:
                return self.messages()
            time.sleep(0.02)
        raise AssertionError(f"expected {count} message(s), got {self.activities}")


_ids = itertools.count(1)


def message_activity(
    service_url: str,
    text: str,
    *,
    conversation_type: str = "personal",
    conversation_id: str = "a:1on1-alice",
    mention: bool = False,
) -> dict:
    """A Teams message activity as the Bot Framework service delivers it."""
    activity = {
        "type": "message",
        "id": f"user-message-{next(_ids)}",
        "channelId": "msteams",
        "serviceUrl": service_url,
        "timestamp": "2026-11-21T09:00:00.000Z",
        "from": USER,
        "recipient": BOT,
        "text": text,
        "textFormat": "plain",
        "locale": "en-GB",
        "conversation": {
            "id": conversation_id,
            "conversationType": conversation_type,
            "tenantId": "tenant-nhs",
        },
        "channelData": {"tenant": {"id": "tenant-nhs"}},
    }
    if mention:
        activity["text"] = f"<at>LIS Assistant</at> {text}"
        activity["entities"] = [
            {"type": "mention", "text": "<at>LIS Assistant</at>", "mentioned": BOT}
        ]
    return activity


def feedback_activity(
    service_url: str, reply_to: str, reaction: str, conversation_id: str = "a:1on1-alice"
) -> dict:
    return {
        "type": "invoke",
        "name": "message/submitAction",
        "id": f"invoke-{next(_ids)}",
        "channelId": "msteams",
        "serviceUrl": service_url,
        "from": USER,
        "recipient": BOT,
        "conversation": {
            "id": conversation_id,
            "conversationType": "personal",
            "tenantId": "tenant-nhs",
        },
        "replyToId": reply_to,
        "value": {
            "actionName": "feedback",
            "actionValue": {"reaction": reaction, "feedback": '{"feedbackText":""}'},
        },
    }
