"""Fixtures for the Slack tests: a local OpenAI-compatible model that streams, and the
server wired to it and to the fake Slack."""

from __future__ import annotations

import dataclasses

import pytest

from bot.engine.generate import AnswerGenerator, build_chat_model
from bot.engine.prompts import AnswerPrompts
from testkit.fake_openai import FakeOpenAI
from tests.conftest import ROOT, _serve_slack


@pytest.fixture
def model():
    model = FakeOpenAI(piece_chars=5)  # the model "writes" five characters per event
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
