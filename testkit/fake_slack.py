"""A local fake of the Slack Web API and of `response_url`, recording what the bot sends.

It answers the Web API methods the bot uses (auth.test, chat.postMessage, chat.update,
views.publish ...) the way Slack does, records every call with its decoded payload, and can
be told to fail the next calls to a method (429 with Retry-After, or 500) to exercise
retries. `response_url` posts go to /response/<id>.
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
        app.router.add_post("/response/{key}", self._response_url)
        app.router.add_get("/files/{file_id}/{name}", self._file)
        self._files: dict[str, tuple[bytes, str]] = {}
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
        payload = await _payload(request)
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
        if method in ("chat.postMessage", "chat.update"):
            ts = payload.get("ts") or f"1700000000.{next(self._ts):06d}"
            return {
                "ok": True,
                "channel": payload.get("channel"),
                "ts": ts,
                "message": {"text": payload.get("text"), "ts": ts},
            }
        return {"ok": True}

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


async def _payload(request: web.Request) -> dict:
    body = await request.text()
    if request.content_type == "application/json":
        return json.loads(body or "{}")
    payload = dict(parse_qsl(body))
    for key in ("blocks", "view", "attachments"):
        if isinstance(payload.get(key), str):
            payload[key] = json.loads(payload[key])
    return payload
