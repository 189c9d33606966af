"""The naive LangChain pipeline we measure ourselves against.

RecursiveCharacterTextSplitter (1000 characters, 200 overlap) over the raw files, a
langchain-chroma vector store with the same offline embedder, top 5 by similarity. No
cleaning, no keyword search, no glossary, no diversity: what a tutorial would build.
"""

from __future__ import annotations

from pathlib import Path

import chromadb
import yaml
from chromadb.config import Settings as ChromaSettings
from langchain_chroma import Chroma
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_text_splitters import RecursiveCharacterTextSplitter

from ingest.embeddings import Embedder


class LangChainEmbeddings(Embeddings):
    """Our embedder behind LangChain's interface, so both pipelines use the same vectors."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embedder.embed(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embedder.embed_one(text).tolist()


def build_baseline(documents_dir: Path, embedder: Embedder, path: Path) -> Chroma:
    catalogue = {e["file"]: e for e in yaml.safe_load((documents_dir / "sources.yaml").read_text())}
    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    documents = []
    for file in sorted(documents_dir.glob("*.txt")):
        title = catalogue.get(file.name, {}).get("title", file.stem)
        documents.append(Document(page_content=file.read_text(), metadata={"title": title}))
    client = chromadb.PersistentClient(str(path), ChromaSettings(anonymized_telemetry=False))
    store = Chroma(
        client=client, collection_name="baseline", embedding_function=LangChainEmbeddings(embedder)
    )
    store.add_documents(splitter.split_documents(documents))
    return store


def baseline_titles(store: Chroma, question: str, k: int = 5) -> list[str]:
    return [doc.metadata["title"] for doc in store.similarity_search(question, k=k)]
