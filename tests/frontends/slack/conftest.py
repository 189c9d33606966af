"""Fixtures for the Slack tests: a local OpenAI-compatible model that streams, and the
server wired to it and to the fake Slack."""

from __future__ import annotations

import dataclasses
import json

import pytest

from bot.engine.generate import AnswerGenerator, build_chat_model
from bot.engine.prompts import AnswerPrompts
from tests.conftest import ROOT, _serve_slack

PIECE_CHARS = 5  # the model "writes" this many characters per server-sent event


class StreamingModel:
    """A minimal OpenAI-compatible server (/v1/chat/completions), as vLLM or Ollama are:
    with `"stream": true` it sends `reply` as server-sent events, a few characters each."""

    def __init__(self) -> None:
        from aiohttp import web

        from testkit.servers import BackgroundServer

        self.reply = "NO_ANSWER"
        self.requests: list[dict] = []
        self.pieces_sent = 0
        app = web.Application()
        app.router.add_post("/v1/chat/completions", self._complete)
        self.server = BackgroundServer(app)

    @property
    def base_url(self) -> str:
        return f"{self.server.url}/v1"

    async def _complete(self, request):
        from aiohttp import web

        body = await request.json()
        self.requests.append(body)
        if not body.get("stream"):
            return web.json_response(_completion(self.reply))
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        for start in range(0, len(self.reply), PIECE_CHARS):
            await response.write(_event(self.reply[start : start + PIECE_CHARS]))
            self.pieces_sent += 1
        await response.write(_event(None, finish="stop"))
        await response.write(b"data: [DONE]\n\n")
        await response.write_eof()
        return response


def _event(content: str | None, finish: str | None = None) -> bytes:
    chunk = {
        "id": "chatcmpl-test",
        "object": "chat.completion.chunk",
        "created": 1700000000,
        "model": "local-model",
        "choices": [
            {
                "index": 0,
                "delta": {"content": content} if content is not None else {},
                "finish_reason": finish,
            }
        ],
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


@pytest.fixture
def model():
    model = StreamingModel()
    model.server.start()
    yield model
    model.server.stop()


@pytest.fixture
def llm_slack_server(engine, model, fake_slack, tmp_path):
    """The server as `slack_server`, with a language model configured (the local one)."""
    chat_model = build_chat_model("local-key", "local-model", model.base_url, 10, max_retries=0)
    generator = AnswerGenerator(chat_model, AnswerPrompts.load(ROOT / "prompts"))
    server = _serve_slack(
        dataclasses.replace(engine, generator=generator), fake_slack, tmp_path / "data"
    )
    yield server
    server.stop()
