"""A local fake of the Bot Framework connector (the Teams `serviceUrl`), recording replies,
and builders for the Activity JSON Teams sends to a bot."""

from __future__ import annotations

import itertools
import json
import threading
import time

from aiohttp import web

from testkit.servers import BackgroundServer

BOT = {"id": "28:lis-bot", "name": "LIS Assistant"}
USER = {"id": "29:alice", "name": "Alice", "aadObjectId": "00000000-0000-0000-0000-0000000a11ce"}


class FakeConnector:
    def __init__(self) -> None:
        self.activities: list[dict] = []
        self.paths: list[str] = []
        self.rejected: list[tuple[str, dict]] = []  # (why, activity) the client would refuse
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
        problem = client_rejects(body)
        if problem:  # answered as the Teams client answers an activity it cannot show
            self.rejected.append((problem, body))
            return web.json_response(
                {"error": {"code": "BadArgument", "message": problem}}, status=400
            )
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
        raise AssertionError(
            f"expected {count} message(s), got {self.activities}, rejected {self.rejected}"
        )


def client_rejects(activity: dict) -> str | None:
    """Why the Teams client would reject `activity`, or None.

    The rules the real client enforces, read from the Microsoft 365 Agents Playground's
    schema (0.2.28) and Teams' limits for AI messages: a message has text or an
    attachment; suggested actions name who they are for; one AI message entity, its
    additionalType absent or exactly ["AIGeneratedContent"]; at most 10 citations, each
    with a unique positive position, a name of at most 80 characters, an abstract of at
    most 160 and at most 3 keywords of at most 28 characters.
    """
    if activity.get("type") == "message":
        if not activity.get("text") and not activity.get("attachments"):
            return "Activity must include non empty 'text' field or at least 1 attachment"
        if "suggestedActions" in activity and not activity["suggestedActions"].get("to"):
            return "suggestedActions.to: Required"
    messages = [e for e in activity.get("entities") or [] if e.get("@type") == "Message"]
    if len(messages) > 1:
        return "more than one root message entity"
    for entity in messages:
        if "additionalType" in entity and entity["additionalType"] != ["AIGeneratedContent"]:
            return "additionalType: Array must contain exactly 1 element(s)"
        citations = entity.get("citation") or []
        positions = [c.get("position") for c in citations]
        if len(citations) > 10 or len(positions) != len(set(positions)):
            return "at most 10 citations, each with its own position"
        for citation in citations:
            appearance = citation.get("appearance") or {}
            keywords = appearance.get("keywords") or []
            if (
                not isinstance(citation.get("position"), int)
                or citation["position"] < 1
                or not isinstance(appearance.get("name"), str)
                or not isinstance(appearance.get("abstract"), str)
                or len(appearance["name"]) > 80
                or len(appearance["abstract"]) > 160
                or len(keywords) > 3
                or any(len(k) > 28 for k in keywords)
            ):
                return f"citation {citation.get('position')} breaks the card's schema"
    return None


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


def _activity(service_url: str, kind: str, conversation_id: str = "a:1on1-alice", **fields):
    """An activity of `kind` from Alice to the bot in a 1:1 chat, with `fields` added."""
    return {
        "type": kind,
        "id": f"{kind}-{next(_ids)}",
        "channelId": "msteams",
        "serviceUrl": service_url,
        "from": USER,
        "recipient": BOT,
        "conversation": {
            "id": conversation_id,
            "conversationType": "personal",
            "tenantId": "tenant-nhs",
        },
        **fields,
    }


def feedback_activity(
    service_url: str,
    reply_to: str | None,
    reaction: str,
    conversation_id: str = "a:1on1-alice",
    comment: str = "",
) -> dict:
    """A 👍 / 👎 from Teams' feedback form (some clients send no replyToId)."""
    fields = {} if reply_to is None else {"replyToId": reply_to}
    return _activity(
        service_url,
        "invoke",
        conversation_id,
        name="message/submitAction",
        value={
            "actionName": "feedback",
            "actionValue": {
                "reaction": reaction,
                "feedback": json.dumps({"feedbackText": comment}),
            },
        },
        **fields,
    )


def installation_activity(service_url: str) -> dict:
    return _activity(service_url, "installationUpdate", action="add")


def members_added_activity(service_url: str, member: dict) -> dict:
    return _activity(service_url, "conversationUpdate", membersAdded=[member])
