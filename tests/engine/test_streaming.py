"""A generated answer streams as the model writes it, and is still checked afterwards."""

from __future__ import annotations

import json

import httpx
import respx

from tests.engine.test_generate import API, with_model


def streamed(*pieces: str) -> httpx.Response:
    """A chat completion as OpenAI streams it: server-sent events, one piece each."""
    events = [
        {
            "id": "chatcmpl-test",
            "object": "chat.completion.chunk",
            "created": 1700000000,
            "model": "gpt-5-mini",
            "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}],
        }
        for piece in pieces
    ]
    body = "".join(f"data: {json.dumps(event)}\n\n" for event in events) + "data: [DONE]\n\n"
    return httpx.Response(200, text=body, headers={"content-type": "text/event-stream"})


@respx.mock
def test_a_generated_answer_streams_piece_by_piece_then_is_checked(engine):
    respx.post(f"{API}/chat/completions").mock(
        return_value=streamed("SmartMed is a North East ", "LEP project ", "on medicines [2].")
    )
    pieces: list[str] = []
    answer = with_model(engine).ask("What is SmartMed?", on_text=pieces.append)
    assert pieces == ["SmartMed is a North East ", "LEP project ", "on medicines [2]."]
    assert (
        answer.mode == "llm"
        and answer.answer == "SmartMed is a North East LEP project on medicines [1]."
    )


@respx.mock
def test_a_streamed_answer_that_fails_the_check_ends_as_the_extractive_answer(engine):
    respx.post(f"{API}/chat/completions").mock(
        return_value=streamed("SmartMed is ", "made up [9].")
    )
    pieces: list[str] = []
    answer = with_model(engine).ask("What is SmartMed?", on_text=pieces.append)
    assert "".join(pieces) == "SmartMed is made up [9]."
    assert answer.mode == "extractive" and "[9]" not in answer.answer
    assert "Showing quotes from the sources" in answer.note


@respx.mock
def test_the_no_answer_signal_is_never_streamed(engine):
    respx.post(f"{API}/chat/completions").mock(return_value=streamed("NO_", "ANS", "WER"))
    pieces: list[str] = []
    answer = with_model(engine).ask("What is SmartMed?", on_text=pieces.append)
    assert pieces == [] and answer.mode == "no_answer"
