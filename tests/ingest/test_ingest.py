"""Ingestion is idempotent, replaces what changed, prunes what is gone, survives bad files."""

import shutil

import httpx
import pytest
import respx

from ingest.embeddings import Embedder
from ingest.pipeline import ingest_sources
from ingest.store import EmbedderMismatchError, KnowledgeStore
from tests.pdfs import make_pdf

DOCS = "knowledge/documents"


def test_starter_corpus_chunks_carry_their_provenance(starter_store):
    chunks = starter_store.all_chunks()
    titles = {chunk.metadata["title"] for chunk in chunks}
    assert "Health in all local industrial strategies?" in titles
    white_paper = [c for c in chunks if c.doc_id.startswith("understanding-the-industrial")]
    meta = white_paper[0].metadata
    assert meta["publisher"] == "NHS Confederation"
    assert meta["published"] == "2017-12"
    assert meta["url"].startswith("https://www.nhsconfed.org/")
    assert any(c.metadata.get("section") == "Why this matters for the NHS" for c in white_paper)
    assert all(len(c.text) <= 1000 for c in chunks)


def test_second_ingest_embeds_nothing(store, knowledge_copy):
    first = ingest_sources(store, [knowledge_copy / "documents"])
    assert len(first.added) == 5 and first.chunks_embedded > 0
    second = ingest_sources(store, [knowledge_copy / "documents"])
    assert second.chunks_embedded == 0
    assert len(second.unchanged) == 5
    assert second.summary().startswith("0 added, 0 updated, 5 unchanged, 0 removed, 0 failed")


def test_changed_document_replaces_its_chunks_and_embeds_only_new_text(store, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    paragraphs = [
        f"Paragraph {n} explains how trusts engage with the LEP on topic {n}. " * 8
        for n in range(6)
    ]
    doc = folder / "brief.txt"
    doc.write_text("\n\n".join(paragraphs))
    ingest_sources(store, [folder])
    before = {c.id: c.text for c in store.all_chunks()}

    doc.write_text("\n\n".join(paragraphs[:-1] + ["A new closing paragraph about Dorset."]))
    report = ingest_sources(store, [folder])

    after = {c.id: c.text for c in store.all_chunks()}
    assert report.updated == ["brief"]
    assert any("Dorset" in text for text in after.values())
    assert not any("topic 5" in text for text in after.values())
    assert 0 < report.chunks_embedded < len(after)
    assert set(before) & set(after)  # untouched chunks kept their vectors


def test_corrected_title_updates_citations_without_re_embedding(store, knowledge_copy):
    folder = knowledge_copy / "documents"
    ingest_sources(store, [folder])
    catalogue = folder / "sources.yaml"
    catalogue.write_text(
        catalogue.read_text().replace(
            "title: The Industrial Strategy\n", "title: The Industrial Strategy (LEP summary)\n"
        )
    )
    report = ingest_sources(store, [folder])
    assert report.updated == ["lep-the-industrial-strategy"]
    assert report.chunks_embedded == 0
    titles = {d.doc_id: d.title for d in store.documents()}
    assert titles["lep-the-industrial-strategy"] == "The Industrial Strategy (LEP summary)"


def test_prune_removes_documents_whose_file_is_gone(store, knowledge_copy):
    folder = knowledge_copy / "documents"
    ingest_sources(store, [folder])
    (folder / "lep-the-industrial-strategy.txt").unlink()
    kept = ingest_sources(store, [folder])
    assert "lep-the-industrial-strategy" in {d.doc_id for d in store.documents()}
    assert kept.removed == []
    pruned = ingest_sources(store, [folder], prune=True)
    assert pruned.removed == ["lep-the-industrial-strategy"]
    assert len(store.documents()) == 4


def test_broken_file_is_reported_and_does_not_touch_stored_version(store, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    pdf = folder / "strategy.pdf"
    pdf.write_bytes(make_pdf(["The Dorset strategy prioritises healthy ageing."]))
    shutil.copy(f"{DOCS}/lep-the-industrial-strategy.txt", folder)
    ingest_sources(store, [folder])
    stored = {c.id for c in store.all_chunks() if c.doc_id == "strategy"}

    pdf.write_bytes(b"%PDF-1.4 truncated garbage")
    report = ingest_sources(store, [folder], prune=True)

    assert [name for name, _ in report.failed] == [str(pdf)]
    assert "not a readable PDF" in report.failed[0][1]
    assert report.unchanged == ["lep-the-industrial-strategy"]
    assert report.removed == []
    assert {c.id for c in store.all_chunks() if c.doc_id == "strategy"} == stored


def test_missing_path_is_reported(store, tmp_path):
    report = ingest_sources(store, [tmp_path / "nowhere.pdf"])
    assert report.failed == [(str(tmp_path / "nowhere.pdf"), "no such file or folder")]


@respx.mock
def test_urls_are_ingested_and_unreachable_ones_reported(store):
    respx.route(host="127.0.0.1").pass_through()  # the Chroma server, when the store uses one
    respx.get("https://lep.example.org/lis").respond(
        200,
        headers={"content-type": "text/html"},
        content=b"<main><h1>Dorset LIS</h1><p>Dorset prioritises healthy ageing and "
        b"clean growth across the county.</p></main>",
    )
    respx.get("https://down.example.org/lis").mock(side_effect=httpx.ConnectError("refused"))
    report = ingest_sources(store, ["https://lep.example.org/lis", "https://down.example.org/lis"])
    assert report.added == ["lep-example-org-lis"]
    assert report.failed[0][0] == "https://down.example.org/lis"
    assert "unreachable" in report.failed[0][1]
    (doc,) = store.documents()
    assert doc.title == "Dorset LIS" and doc.url == "https://lep.example.org/lis"


class _OtherEmbedder(Embedder):
    name = "other-embedder"

    def _embed_batch(self, texts):
        import numpy as np

        return np.ones((len(texts), 256))


def test_a_store_built_with_another_embedder_is_refused(store, tmp_path):
    ingest_sources(store, [f"{DOCS}/lep-the-industrial-strategy.txt"])
    with pytest.raises(EmbedderMismatchError, match="lis ingest --reindex"):
        KnowledgeStore(store.client, _OtherEmbedder(), store.name)


def test_large_collections_are_read_a_page_at_a_time(store, knowledge_copy, monkeypatch):
    import ingest.store

    ingest_sources(store, [knowledge_copy / "documents"])
    everything = {c.id for c in store.all_chunks()}
    monkeypatch.setattr(ingest.store, "PAGE_SIZE", 7)
    assert {c.id for c in store.all_chunks()} == everything
    assert sum(d.chunks for d in store.documents()) == len(everything) == store.count()


def test_a_document_mentioning_a_name_is_found_by_title(store, knowledge_copy):
    ingest_sources(store, [knowledge_copy / "documents"])
    title = "Health in all local industrial strategies?"
    found = store.find_mention(title, "Lorna Carver")
    assert found is not None and "Lorna Carver" in found.text
    assert found.metadata["title"] == title
    assert store.find_mention(title, "Nobody Ofthatname") is None
