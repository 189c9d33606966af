"""A local fake of the Bot Framework connector (the Teams `serviceUrl`), recording replies,
and builders for the Activity JSON Teams sends to a bot.

It refuses what Teams refuses, streaming included (Microsoft's "Stream bot messages"
page and the Agents Playground 0.2.28, which runs the same checks): a stream starts with
an informative or streaming typing activity with streamSequence 1 and no streamId, whose
reply id becomes the streamId; every later update names that streamId and a higher
streamSequence, and its text must extend the text streamed so far; the stream ends with
one message whose streaminfo has streamType "final" and the streamId; nothing more may
be sent on a finished stream; streaming is refused outside personal (1:1) chats, with
the BadArgument Teams sends; one stream at a time per chat; updates at most about once a
second (Teams throttles faster streams).
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field

from aiohttp import web

from testkit.servers import BackgroundServer

BOT = {"id": "28:lis-bot", "name": "LIS Assistant"}
MIN_STREAM_INTERVAL = 0.9  # seconds between two updates of one stream
NOT_PERSONAL = "Streaming API is not enabled for non personal scope or non copilot conversations."
USER = {"id": "29:alice", "name": "Alice", "aadObjectId": "00000000-0000-0000-0000-0000000a11ce"}


class FakeConnector:
    def __init__(self) -> None:
        self.activities: list[dict] = []
        self.paths: list[str] = []
        self.rejected: list[tuple[str, dict]] = []  # (why, activity) the client would refuse
        self.updates: list[dict] = []  # activities updated in place (PUT)
        self.streams: dict[str, Stream] = {}  # by streamId
        self.min_stream_interval = MIN_STREAM_INTERVAL
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        app = web.Application()
        app.router.add_post("/v3/conversations/{conversation}/activities", self._post)
        app.router.add_post("/v3/conversations/{conversation}/activities/{reply_to}", self._post)
        app.router.add_put("/v3/conversations/{conversation}/activities/{activity}", self._put)
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
            problem = client_rejects(body) or self._stream_rejects(body)
            if problem:  # answered as the Teams client answers an activity it cannot show
                return self._refuse(problem, body)
            self.activities.append(body)
            self.paths.append(request.path)
            reply_id = f"bot-message-{next(self._ids)}"
            self._record_stream(body, reply_id)
        return web.json_response({"id": reply_id})

    async def _put(self, request: web.Request) -> web.Response:
        body = await request.json()
        with self._lock:
            problem = client_rejects(body)
            if body.get("id") != request.match_info["activity"]:
                problem = problem or "the activity's id must be the one in the address"
            if problem:
                return self._refuse(problem, body)
            self.updates.append(body)
        return web.json_response({"id": request.match_info["activity"]})

    def _refuse(self, problem: str, body: dict) -> web.Response:
        self.rejected.append((problem, body))
        status = 429 if problem.startswith("Throttled") else 400
        return web.json_response(
            {"error": {"code": "BadArgument", "message": problem}}, status=status
        )

    def _stream_rejects(self, activity: dict) -> str | None:
        """Why Teams would refuse this streaming activity (None: fine, or not streaming)."""
        info = stream_info(activity)
        if info is None:
            return None
        kind, stream_id = info.get("streamType"), info.get("streamId")
        conversation = activity.get("conversation") or {}
        if conversation.get("conversationType") != "personal":
            return f"BadArgument: {NOT_PERSONAL}"
        if kind not in ("informative", "streaming", "final"):
            return f"streaminfo.streamType: invalid value {kind!r}"
        if kind == "final":
            if activity.get("type") != "message":
                return "the final stream activity must be a message"
            if not stream_id:
                return "a final stream message needs the streamId"
        else:
            if activity.get("type") != "typing":
                return f"a {kind} update must be a typing activity"
            sequence = info.get("streamSequence")
            if not isinstance(sequence, int) or sequence < 1:
                return "streaminfo.streamSequence: Required (a positive integer)"
            if not (activity.get("text") or "").strip():
                return "a streaming update needs text"
            if kind == "informative" and len(activity["text"]) > 1000:
                return "an informative update is at most 1000 characters"
            if not stream_id:
                return self._new_stream_rejects(sequence, conversation.get("id"))
        stream = self.streams.get(stream_id)
        if stream is None:
            return f"no stream {stream_id!r}"
        if stream.finished:
            return "Content stream is not allowed on an already completed streamed message"
        if time.monotonic() - stream.last_at < self.min_stream_interval:
            return "Throttled: streaming updates at most once a second"
        if kind == "final":
            return None
        if info["streamSequence"] <= stream.sequence:
            return "streamSequence must increase"
        if kind == "streaming" and not activity["text"].startswith(stream.text):
            return "Request streamed content should contain the previously streamed content"
        return None

    def _new_stream_rejects(self, sequence: int, conversation: str) -> str | None:
        if sequence != 1:
            return "a new stream starts at streamSequence 1"
        ours = [s for s in self.streams.values() if s.conversation == conversation]
        if any(not s.finished for s in ours):
            return "only one streaming response per chat at a time"
        return None

    def _record_stream(self, activity: dict, reply_id: str) -> None:
        info = stream_info(activity)
        if info is None:
            return
        stream = self.streams.get(info.get("streamId") or "")
        if stream is None:
            conversation = activity["conversation"]["id"]
            stream = self.streams[reply_id] = Stream(conversation)
        stream.activities.append(activity)
        stream.last_at = time.monotonic()
        if info["streamType"] == "final":
            stream.finished = True
            return
        stream.sequence = info["streamSequence"]
        if info["streamType"] == "streaming":
            stream.text = activity["text"]

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


@dataclass
class Stream:
    """One streamed reply as the client has it: its activities, in order."""

    conversation: str
    activities: list[dict] = field(default_factory=list)
    sequence: int = 0
    text: str = ""
    finished: bool = False
    last_at: float = 0.0

    def kinds(self) -> list[str]:
        return [stream_info(a)["streamType"] for a in self.activities]

    @property
    def final(self) -> dict | None:
        return self.activities[-1] if self.finished else None


def stream_info(activity: dict) -> dict | None:
    """The activity's streaminfo entity (or, as some SDKs send it, its channelData)."""
    entities = [e for e in activity.get("entities") or [] if e.get("type") == "streaminfo"]
    if entities:
        return entities[0]
    data = activity.get("channelData") or {}
    return data if isinstance(data, dict) and "streamType" in data else None


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
    streams = [e for e in activity.get("entities") or [] if e.get("type") == "streaminfo"]
    if len(streams) > 1:
        return "more than one streaminfo entity"
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
    sender: dict = USER,
) -> dict:
    """A Teams message activity as the Bot Framework service delivers it."""
    activity = {
        "type": "message",
        "id": f"user-message-{next(_ids)}",
        "channelId": "msteams",
        "serviceUrl": service_url,
        "timestamp": "2026-11-21T09:00:00.000Z",
        "from": sender,
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


def card_submit_activity(service_url: str, value: dict, reply_to: str, sender: dict = USER) -> dict:
    """A press of an Adaptive Card's Action.Submit button: a message with the button's
    data as `value` and no text, in reply to the card's message."""
    return {**_activity(service_url, "message", value=value, replyToId=reply_to), "from": sender}


def installation_activity(service_url: str) -> dict:
    return _activity(service_url, "installationUpdate", action="add")


def members_added_activity(service_url: str, member: dict) -> dict:
    return _activity(service_url, "conversationUpdate", membersAdded=[member])
