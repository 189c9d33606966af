"""Embedders are chosen by name; OpenAI's is exercised against a mocked HTTP API."""

import json

import httpx
import numpy as np
import pytest
import respx

from ingest.embeddings import UnknownEmbedderError, get_embedder
from ingest.errors import ConfigurationError


def test_offline_embedder_gives_unit_vectors_that_capture_meaning(embedder):
    vectors = embedder.embed(["hospital trusts", "NHS hospitals", "offshore wind turbines"])
    assert vectors.shape == (3, 256)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_unknown_embedder_names_the_choices():
    with pytest.raises(UnknownEmbedderError, match="openai, wordllama"):
        get_embedder("magic")


def test_openai_embedder_needs_a_key():
    with pytest.raises(ConfigurationError, match="OPENAI_API_KEY"):
        get_embedder("openai")


@respx.mock
def test_openai_embedder_calls_the_configured_endpoint():
    def reply(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        data = [
            {"object": "embedding", "index": i, "embedding": [float(i + 1), 0.0, 1.0]}
            for i, _ in enumerate(body["input"])
        ]
        return httpx.Response(
            200,
            json={
                "object": "list",
                "data": data,
                "model": body["model"],
                "usage": {"prompt_tokens": 3, "total_tokens": 3},
            },
        )

    route = respx.post("https://llm.example.org/v1/embeddings").mock(side_effect=reply)
    embedder = get_embedder("openai", api_key="sk-test", base_url="https://llm.example.org/v1")
    vectors = embedder.embed(["skills", "housing"])
    assert route.called
    assert route.calls[0].request.headers["authorization"] == "Bearer sk-test"
    assert json.loads(route.calls[0].request.content)["input"] == ["skills", "housing"]
    assert vectors.shape == (2, 3)
    assert embedder.name == "openai-text-embedding-3-small"
    assert embedder.texts_embedded == 2
