"""A web page an admin ingests keeps what it says about itself: its title, date and
publisher from its meta tags, and its address; and its short sections answer questions
asked in their headings' words."""

from __future__ import annotations

from bot.settings import get_settings
from bot.wiring import build_engine
from ingest.pipeline import ingest_sources
from ingest.store import KnowledgeStore
from tests.conftest import KNOWLEDGE

PAGE = """<html><head>
<title>Home | Kernow Growth</title>
<meta property="og:title" content="Kernow health innovation plan">
<meta property="og:site_name" content="Kernow Growth Partnership">
<meta name="date" content="2026-10-14">
</head><body><main>
<h2>Funding for care homes</h2>
<p>Eleven pilot sites will share £2.5 million over two years, chosen by open bids in spring.</p>
<h2>Digital skills</h2>
<p>Every practice nurse will be offered a week of training with the county college.</p>
</main></body></html>"""


def test_a_web_page_keeps_its_title_date_publisher_and_address(tmp_path, embedder, respx_mock):
    import httpx

    respx_mock.get("https://kernow.example.org/plan").mock(
        return_value=httpx.Response(200, text=PAGE, headers={"content-type": "text/html"})
    )
    store = KnowledgeStore.open(tmp_path / "store", embedder)
    assert not ingest_sources(store, ["https://kernow.example.org/plan"]).failed
    (document,) = store.documents()
    assert document.title == "Kernow health innovation plan"
    assert document.publisher == "Kernow Growth Partnership"
    assert document.published == "2026-10-14"
    assert document.url == "https://kernow.example.org/plan"

    engine = build_engine(get_settings(knowledge_dir=KNOWLEDGE), store=store)
    answer = engine.ask("what is the funding for care homes in Kernow?")
    assert "£2.5 million" in answer.answer
    (citation, *_) = answer.citations
    assert citation.published == "2026-10-14" and citation.url == document.url
