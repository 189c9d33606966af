"""Split documents into chunks that keep their headings, paragraphs and provenance.

LangChain's RecursiveCharacterTextSplitter does the splitting, told to break at section
headings first, then paragraphs, then lines, then sentences. Chunks never cross a page,
so each has an exact page number; each also carries the section heading it sits under,
the captions printed under the boxes it quotes from (`ingest.captions`), and the
document's title, publisher, date and URL. A chunk's id is a hash of its
document, place and text: unchanged text keeps its id, which is what lets a re-ingest
skip the embedding work.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

from langchain_text_splitters import RecursiveCharacterTextSplitter

from ingest.captions import captioned_boxes
from ingest.documents import Document

__all__ = ["Chunk", "chunk_document", "CHUNK_SIZE", "CHUNK_OVERLAP"]

CHUNK_SIZE = 900
CHUNK_OVERLAP = 150
_HEADING_RE = re.compile(r"^## (.+)$", re.MULTILINE)

_splitter = RecursiveCharacterTextSplitter(
    chunk_size=CHUNK_SIZE,
    chunk_overlap=CHUNK_OVERLAP,
    separators=["\n\n## ", "\n\n", "\n", r"(?<=[.!?])\s+", " ", ""],
    is_separator_regex=True,
    keep_separator="start",
    add_start_index=True,
)


@dataclass(frozen=True)
class Chunk:
    id: str
    doc_id: str
    text: str
    index: int
    page: int | None
    section: str | None
    # (start, end, caption): a box in the chunk's text whose caption is printed under it
    captions: tuple[tuple[int, int, str], ...] = ()

    def metadata(self, document: Document, content_hash: str, ingested_at: str) -> dict:
        """Chroma metadata: provenance for citations; None values are left out."""
        info = document.info
        values = {
            "doc_id": self.doc_id,
            "chunk_index": self.index,
            "page": self.page,
            "section": self.section,
            "captions": json.dumps(self.captions) if self.captions else None,
            "title": info.title,
            "publisher": info.publisher,
            "published": info.published,
            "url": info.url,
            "source": info.source,
            "content_hash": content_hash,
            "ingested_at": ingested_at,
        }
        return {key: value for key, value in values.items() if value is not None}


def chunk_document(document: Document) -> list[Chunk]:
    chunks: list[Chunk] = []
    section: str | None = None
    seen: set[str] = set()
    for page in document.pages:
        headings = [(m.start(), m.group(1).strip()) for m in _HEADING_RE.finditer(page.text)]
        boxes = captioned_boxes(page.text)
        for piece in _splitter.create_documents([page.text]):
            text = piece.page_content.strip()
            start = piece.metadata["start_index"]
            at = start + len(piece.page_content) - len(piece.page_content.lstrip())
            # The section is the last heading at or before the chunk's first line.
            section = next((h for pos, h in reversed(headings) if pos <= start), section)
            if not _has_content(text):
                continue
            captions = _captions_within(boxes, at, len(text))
            chunk = _make_chunk(
                document.info.doc_id, text, len(chunks), page.number, section, captions
            )
            if chunk.id not in seen:
                seen.add(chunk.id)
                chunks.append(chunk)
    return chunks


def _captions_within(
    boxes: list[tuple[int, int, str]], at: int, length: int
) -> tuple[tuple[int, int, str], ...]:
    """The captioned boxes that overlap the chunk at `at` in its page, in its offsets."""
    return tuple(
        (max(start - at, 0), min(end - at, length), caption)
        for start, end, caption in boxes
        if start < at + length and end > at
    )


def _has_content(text: str) -> bool:
    """Skip chunks that are only headings: they answer nothing on their own."""
    body = _HEADING_RE.sub("", text)
    return len(re.findall(r"[A-Za-z]{2,}", body)) >= 4


def _make_chunk(
    doc_id: str,
    text: str,
    index: int,
    page: int | None,
    section: str | None,
    captions: tuple[tuple[int, int, str], ...] = (),
) -> Chunk:
    # The index is not hashed, so inserting a paragraph does not change later chunks' ids;
    # nor are the captions, which change no text to embed.
    digest = hashlib.sha256(f"{doc_id}\x00{page}\x00{section}\x00{text}".encode()).hexdigest()
    return Chunk(
        id=f"{doc_id}:{digest[:16]}",
        doc_id=doc_id,
        text=text,
        index=index,
        page=page,
        section=section,
        captions=captions,
    )
