"""Each loader turns its format into cleaned pages with a title where the document has one."""

import pytest

from ingest.errors import IngestError
from ingest.loaders import loader_for_content_type, loader_for_name
from tests.pdfs import make_blank_pdf, make_pdf, make_two_column_pdf


def test_text_loader_cleans_and_finds_a_title():
    loaded = loader_for_name("note.txt").load(
        b"Skills and the NHS\nTrusts are large\nemployers in every area.\n"
    )
    assert loaded.title == "Skills and the NHS"
    assert "Trusts are large employers in every area." in loaded.text
    assert loaded.pages[0].number is None


def test_markdown_loader_keeps_headings_and_drops_syntax():
    loaded = loader_for_name("brief.md").load(
        b"# Dorset LIS\n\nThe **Dorset** strategy [online](https://x.org) focuses on:\n\n"
        b"- clean growth\n- healthy ageing\n\n## Contacts\n\nAsk the LEP.\n"
    )
    assert loaded.title == "Dorset LIS"
    text = loaded.text
    assert "## Contacts" in text
    assert "The Dorset strategy online focuses on:" in text
    assert "• healthy ageing" in text
    assert "**" not in text and "](" not in text


def test_pdf_loader_keeps_page_numbers_and_drops_running_headers():
    data = make_pdf(
        [
            "Skills advisory panels will be rolled out.",
            "The Strength in Places Fund supports areas.",
            "Growth Hubs help businesses scale up.",
        ],
        title="A briefing",
        header="NHS Confederation briefing",
    )
    loaded = loader_for_name("briefing.pdf").load(data)
    assert loaded.title == "A briefing"
    assert [page.number for page in loaded.pages] == [1, 2, 3]
    assert "Strength in Places Fund" in loaded.pages[1].text
    assert all("NHS Confederation briefing" not in page.text for page in loaded.pages)


def test_pdf_two_columns_are_not_interleaved():
    left = ["Left column opens here", "and keeps going on", "to its own end."]
    right = ["Right column opens", "with other words", "to finish last."]
    loaded = loader_for_name("cols.pdf").load(make_two_column_pdf(left, right))
    text = loaded.text
    assert "Left column opens here and keeps going on to its own end." in text
    assert text.index("to its own end.") < text.index("Right column opens")


def test_broken_pdf_is_a_clear_error():
    with pytest.raises(IngestError, match="not a readable PDF"):
        loader_for_name("broken.pdf").load(b"%PDF-1.4\nthis is not really a pdf")


def test_pdf_without_text_says_so():
    with pytest.raises(IngestError, match="no text found"):
        loader_for_name("scan.pdf").load(make_blank_pdf())


HTML = b"""<html><head><title>Local growth | NHS Confederation</title></head><body>
<header><a href="/">Home</a> <a href="/login">Log in</a></header>
<nav><ul><li>Members</li><li>Events</li></ul></nav>
<main><h1>Health and the Industrial Strategy</h1>
<p>Every local economic area is developing a
local industrial strategy.</p>
<h2>How we are helping</h2><ul><li>Advising LEPs</li><li>Facilitating partnerships</li></ul>
<h2>Why Register?</h2><p>Great reasons to register with us.</p></main>
<aside>Related reading</aside><footer>Copyright 2019</footer><script>track()</script>
</body></html>"""


def test_html_loader_keeps_main_content_only():
    loaded = loader_for_name("page.html").load(HTML)
    text = loaded.text
    assert loaded.title == "Health and the Industrial Strategy"
    assert "Every local economic area is developing a local industrial strategy." in text
    assert "## How we are helping" in text
    assert "• Advising LEPs" in text
    for boilerplate in ("Log in", "Members", "Related reading", "Copyright", "track()", "register"):
        assert boilerplate not in text


def test_unsupported_types_are_refused_by_name_and_content_type():
    with pytest.raises(IngestError, match="not a supported type"):
        loader_for_name("slides.pptx")
    with pytest.raises(IngestError, match="not a supported type"):
        loader_for_content_type("image/png")
    assert loader_for_content_type("text/html; charset=utf-8").suffixes == (".html", ".htm")
