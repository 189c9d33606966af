"""A local OpenAI-compatible chat endpoint (/v1/chat/completions), as vLLM or Ollama are:
the language model for tests that need one without leaving the machine.

It answers `reply` whole, or with `"stream": true` as server-sent events: a list of pieces
one event each, or a string cut into `piece_chars` characters per event, `pause` seconds
apart. It records every request body.
"""

from __future__ import annotations

import asyncio
import json

from aiohttp import web

from testkit.servers import BackgroundServer

__all__ = ["FakeOpenAI"]


class FakeOpenAI:
    def __init__(self, piece_chars: int = 5) -> None:
        self.reply: str | list[str] = "NO_ANSWER"
        self.pause = 0.0
        self.piece_chars = piece_chars
        self.requests: list[dict] = []
        self.pieces_sent = 0
        app = web.Application()
        app.router.add_post("/v1/chat/completions", self._complete)
        self.server = BackgroundServer(app)

    @property
    def base_url(self) -> str:
        return f"{self.server.url}/v1"

    def _pieces(self) -> list[str]:
        if isinstance(self.reply, list):
            return self.reply
        step = self.piece_chars
        return [self.reply[start : start + step] for start in range(0, len(self.reply), step)]

    async def _complete(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()
        self.requests.append(body)
        if not body.get("stream"):
            return web.json_response(_completion("".join(self._pieces())))
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        for piece in self._pieces():
            await response.write(_event({"content": piece}))
            self.pieces_sent += 1
            await asyncio.sleep(self.pause)
        await response.write(_event({}, finish="stop"))
        await response.write(b"data: [DONE]\n\n")
        await response.write_eof()
        return response


def _event(delta: dict, finish: str | None = None) -> bytes:
    chunk = {
        "id": "chatcmpl-test",
        "object": "chat.completion.chunk",
        "created": 1700000000,
        "model": "local-model",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }
    return f"data: {json.dumps(chunk)}\n\n".encode()


def _completion(content: str) -> dict:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 1700000000,
        "model": "local-model",
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "message": {"role": "assistant", "content": content},
            }
        ],
        "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
    }
