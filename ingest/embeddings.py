"""Embedding models, chosen by name.

Chroma's own default embedding function downloads a model at first use, which fails
offline, so the store is always given embeddings computed here. The default, WordLlama,
ships its weights inside the Python package (no download, numpy only). OpenAI embeddings
are the opt-in alternative. Each embedder has a `name` that the store records: vectors from
different models must never be mixed in one collection.
"""

from __future__ import annotations

import pathlib
from abc import ABC, abstractmethod
from collections.abc import Sequence

import numpy as np

from ingest.errors import ConfigurationError, LisError

__all__ = ["Embedder", "UnknownEmbedderError", "get_embedder", "EMBEDDERS"]


class UnknownEmbedderError(LisError, KeyError):
    """Raised for an `EMBEDDINGS` value that names no embedder."""


class Embedder(ABC):
    """Turns texts into unit-length vectors; counts how many texts it has embedded."""

    name: str
    batch_size = 64

    def __init__(self) -> None:
        self.texts_embedded = 0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts in batches; returns an array of shape (len(texts), dim)."""
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        batches = [
            self._embed_batch(list(texts[i : i + self.batch_size]))
            for i in range(0, len(texts), self.batch_size)
        ]
        self.texts_embedded += len(texts)
        vectors = np.vstack(batches).astype(np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms == 0, 1, norms)

    def embed_one(self, text: str) -> np.ndarray:
        return self.embed([text])[0]

    @abstractmethod
    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        """Embed one batch of texts."""


class WordLlamaEmbedder(Embedder):
    """Static 256-d embeddings from the weights packaged with `wordllama`."""

    name = "wordllama-l2-256"

    def __init__(self, **_unused) -> None:
        super().__init__()
        import wordllama
        from wordllama import WordLlama

        # A plain WordLlama.load() tries to download its tokenizer (a path bug in the
        # package); pointing cache_dir at the package itself keeps it offline.
        self._model = WordLlama.load(
            cache_dir=pathlib.Path(wordllama.__file__).parent, disable_download=True
        )

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._model.embed(texts, norm=True))


class OpenAIEmbedder(Embedder):
    """OpenAI (or a compatible server's) embeddings through LangChain."""

    model = "text-embedding-3-small"
    batch_size = 256

    def __init__(self, api_key: str | None = None, base_url: str | None = None) -> None:
        super().__init__()
        if not api_key:
            raise ConfigurationError("EMBEDDINGS=openai needs OPENAI_API_KEY to be set.")
        from langchain_openai import OpenAIEmbeddings

        self.name = f"openai-{self.model}"
        # check_embedding_ctx_length=False: otherwise tiktoken downloads its tables.
        self._model = OpenAIEmbeddings(
            model=self.model,
            api_key=api_key,
            base_url=base_url,
            check_embedding_ctx_length=False,
            max_retries=3,
            request_timeout=30,
        )

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._model.embed_documents(texts))


EMBEDDERS: dict[str, type[Embedder]] = {
    "wordllama": WordLlamaEmbedder,
    "openai": OpenAIEmbedder,
}


def get_embedder(name: str, **options) -> Embedder:
    """The embedder called `name`; options go to its constructor (e.g. an API key)."""
    try:
        factory = EMBEDDERS[name]
    except KeyError:
        known = ", ".join(sorted(EMBEDDERS))
        raise UnknownEmbedderError(
            f"Unknown EMBEDDINGS={name!r}; choose one of: {known}."
        ) from None
    return factory(**options)
