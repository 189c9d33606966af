"""A local fake of the Slack Web API and of `response_url`, recording what the bot sends.

It answers the Web API methods the bot uses (auth.test, chat.postMessage, chat.update,
views.publish ...) the way Slack does, records every call with its decoded payload, and can
be told to fail the next calls to a method (429 with Retry-After, or 500) to exercise
retries. `response_url` posts go to /response/<id>.

Like Slack, it keeps the messages the bot posts, so a later call can read or change them:
chat.update and chat.delete, the streaming methods (chat.startStream opens a message,
chat.appendStream and chat.stopStream add to its text), and conversations.replies (a
thread's messages with their metadata, where bolt keeps an assistant thread's context).
The assistant panel's methods (assistant.threads.setStatus, setSuggestedPrompts,
setTitle) are recorded and answered ok.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from aiohttp import web

from testkit.servers import BackgroundServer

BOT_USER_ID = "UBOTLIS01"
BOT_ID = "BBOTLIS01"


@dataclass
class Call:
    method: str  # Web API method, or "response_url"
    payload: dict
    path: str = ""


@dataclass
class FakeSlack:
    calls: list[Call] = field(default_factory=list)
    _failures: dict[str, list[tuple[int, dict]]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _refused: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._ts = itertools.count(1)
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_get("/api/{method}", self._api)
        app.router.add_post("/response/{key}", self._response_url)
        app.router.add_get("/files/{file_id}/{name}", self._file)
        self._files: dict[str, tuple[bytes, str]] = {}
        self.messages: dict[tuple[str, str], dict] = {}  # (channel, ts) -> message
        self._server = BackgroundServer(app)

    # Control -----------------------------------------------------------------------

    def start(self) -> FakeSlack:
        self._server.start()
        return self

    def stop(self) -> None:
        self._server.stop()

    @property
    def api_url(self) -> str:
        return f"{self._server.url}/api/"

    def response_url(self, key: str = "r1") -> str:
        return f"{self._server.url}/response/{key}"

    def fail_next(self, method: str, status: int, times: int = 1, **headers: str) -> None:
        self._failures.setdefault(method, []).extend([(status, headers)] * times)

    def add_file(self, file_id: str, name: str, data: bytes, mimetype: str) -> dict:
        """Host a file as Slack does; returns the file object an event would carry."""
        self._files[file_id] = (data, mimetype)
        url = f"{self._server.url}/files/{file_id}/{name}"
        return {
            "id": file_id,
            "name": name,
            "title": name,
            "mimetype": mimetype,
            "filetype": name.rsplit(".", 1)[-1],
            "size": len(data),
            "url_private": url,
            "url_private_download": url,
        }

    def refuse_channel(self, channel: str, error: str = "channel_not_found") -> None:
        """Every post to `channel` gets Slack's ok=false answer with `error`."""
        self._refused[channel] = error

    def message(self, channel: str, ts: str) -> dict | None:
        """A message as Slack holds it now (after any updates), or None once deleted."""
        with self._lock:
            return self.messages.get((channel, ts))

    def of(self, method: str) -> list[dict]:
        with self._lock:
            return [call.payload for call in self.calls if call.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 15.0) -> list[dict]:
        """The payloads of `method` once at least `count` have arrived (or fail)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.of(method)
            if len(found) >= count:
                return found
            time.sleep(0.02)
        raise AssertionError(f"expected {count} {method} call(s), got {self.of(method)}")

    # Handlers ----------------------------------------------------------------------

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        # arguments come as JSON, as a form, or (slack_sdk's `params=`) in the query string
        payload = {**request.query, **await _payload(request)}
        with self._lock:
            self.calls.append(Call(method, payload, request.path))
            failures = self._failures.get(method)
            failure = failures.pop(0) if failures else None
        if payload.get("channel") in self._refused:
            return web.json_response({"ok": False, "error": self._refused[payload["channel"]]})
        if failure:
            status, headers = failure
            return web.json_response(
                {"ok": False, "error": "ratelimited" if status == 429 else "fatal_error"},
                status=status,
                headers=headers,
            )
        with self._lock:
            return web.json_response(self._reply(method, payload))

    def _reply(self, method: str, payload: dict) -> dict:
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://fake.slack.test/",
                "team": "NHS Test",
                "user": "lis",
                "team_id": "T0TEST",
                "user_id": BOT_USER_ID,
                "bot_id": BOT_ID,
                "is_enterprise_install": False,
            }
        if method in _MESSAGE_METHODS:
            return _MESSAGE_METHODS[method](self, payload)
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": self._new_ts()}
        if method == "conversations.replies":
            return {"ok": True, "messages": self._thread(payload), "has_more": False}
        return {"ok": True}  # views.*, assistant.threads.* ...

    # Messages, kept as Slack keeps them (called with the lock held) --------------

    def _new_ts(self) -> str:
        return f"1700000000.{next(self._ts):06d}"

    def _post(self, payload: dict, text: str | None = None) -> dict:
        channel, ts = payload.get("channel"), self._new_ts()
        message = {
            "type": "message",
            "user": BOT_USER_ID,
            "bot_id": BOT_ID,
            "ts": ts,
            "text": payload.get("text") if text is None else text,
            "blocks": payload.get("blocks") or [],
        }
        for key in ("thread_ts", "metadata"):
            if payload.get(key):
                message[key] = payload[key]
        self.messages[(channel, ts)] = message
        return {"ok": True, "channel": channel, "ts": ts, "message": message}

    def _update(self, payload: dict) -> dict:
        channel, ts = payload.get("channel"), payload.get("ts")
        message = self.messages.setdefault((channel, ts), {"type": "message", "ts": ts})
        for key in ("text", "blocks", "metadata"):
            if key in payload:
                message[key] = payload[key]
        return {"ok": True, "channel": channel, "ts": ts, "message": message}

    def _delete(self, payload: dict) -> dict:
        channel, ts = payload.get("channel"), payload.get("ts")
        if self.messages.pop((channel, ts), None) is None:
            return {"ok": False, "error": "message_not_found"}
        return {"ok": True, "channel": channel, "ts": ts}

    def _start_stream(self, payload: dict) -> dict:
        if not payload.get("thread_ts"):
            return {"ok": False, "error": "invalid_arguments"}  # streams reply in a thread
        reply = self._post(payload, text=_streamed_text(payload))
        return {"ok": True, "channel": reply["channel"], "ts": reply["ts"]}

    def _append_stream(self, payload: dict, stop: bool = False) -> dict:
        channel, ts = payload.get("channel"), payload.get("ts")
        message = self.messages.get((channel, ts))
        if message is None or message.get("stream_stopped"):
            return {"ok": False, "error": "message_not_in_streaming_state"}
        message["text"] += _streamed_text(payload)
        if stop:
            message["stream_stopped"] = True
            message["blocks"] = payload.get("blocks") or message["blocks"]
            return {"ok": True, "channel": channel, "ts": ts, "message": message}
        return {"ok": True, "channel": channel, "ts": ts}

    def _thread(self, payload: dict) -> list[dict]:
        channel, thread = payload.get("channel"), payload.get("ts")
        found = [
            m
            for (where, ts), m in self.messages.items()
            if where == channel and thread in (ts, m.get("thread_ts"))
        ]
        return sorted(found, key=lambda m: m["ts"])

    async def _file(self, request: web.Request) -> web.Response:
        with self._lock:
            self.calls.append(
                Call("file_download", {"auth": request.headers.get("Authorization")}, request.path)
            )
        if request.headers.get("Authorization") != "Bearer xoxb-test-token":
            return web.Response(status=403, text="not authorised")
        data, mimetype = self._files[request.match_info["file_id"]]
        return web.Response(body=data, content_type=mimetype)

    async def _response_url(self, request: web.Request) -> web.Response:
        payload = await _payload(request)
        with self._lock:
            self.calls.append(Call("response_url", payload, request.path))
        return web.Response(text="ok")


_MESSAGE_METHODS = {
    "chat.postMessage": FakeSlack._post,
    "chat.update": FakeSlack._update,
    "chat.delete": FakeSlack._delete,
    "chat.startStream": FakeSlack._start_stream,
    "chat.appendStream": FakeSlack._append_stream,
    "chat.stopStream": lambda slack, payload: slack._append_stream(payload, stop=True),
}


def _streamed_text(payload: dict) -> str:
    """The Markdown a streaming call adds: `markdown_text`, or its markdown_text chunks."""
    chunks = payload.get("chunks") or []
    return (payload.get("markdown_text") or "") + "".join(
        chunk.get("text", "") for chunk in chunks if chunk.get("type") == "markdown_text"
    )


async def _payload(request: web.Request) -> dict:
    body = await request.text()
    if request.content_type == "application/json":
        return json.loads(body or "{}")
    payload = dict(parse_qsl(body))
    for key in ("blocks", "view", "attachments", "chunks", "metadata", "prompts"):
        if isinstance(payload.get(key), str):
            payload[key] = json.loads(payload[key])
    return payload
