"""Fetching documents by URL: only what is safe and readable gets through (HTTP mocked)."""

import httpx
import pytest
import respx

from ingest.errors import IngestError
from ingest.fetch import fetch_url
from tests.pdfs import make_pdf

PAGE = b"<html><body><main><h1>Dorset LIS</h1><p>Text.</p></main></body></html>"


@respx.mock
def test_fetches_html_and_picks_its_loader():
    respx.get("https://lep.example.org/lis").respond(
        200, content=PAGE, headers={"content-type": "text/html"}
    )
    fetched = fetch_url("https://lep.example.org/lis")
    assert fetched.loader.load(fetched.data).title == "Dorset LIS"


@respx.mock
def test_follows_redirects_and_reports_the_final_address():
    respx.get("https://lep.example.org/old").respond(301, headers={"location": "/new.pdf"})
    respx.get("https://lep.example.org/new.pdf").respond(
        200, content=make_pdf(["Page one text."]), headers={"content-type": "application/pdf"}
    )
    fetched = fetch_url("https://lep.example.org/old")
    assert fetched.url == "https://lep.example.org/new.pdf"
    assert fetched.loader.suffixes == (".pdf",)


@respx.mock
def test_redirect_loops_stop():
    respx.get("https://lep.example.org/a").respond(302, headers={"location": "/a"})
    with pytest.raises(IngestError, match="too many redirects"):
        fetch_url("https://lep.example.org/a")


@respx.mock
@pytest.mark.parametrize(
    ("response", "message"),
    [
        (httpx.ConnectError("no route"), "unreachable"),
        (httpx.ReadTimeout("slow"), "did not answer"),
        (httpx.Response(404), "HTTP 404"),
        (
            httpx.Response(200, content=b"\x89PNG", headers={"content-type": "image/png"}),
            "not a supported type",
        ),
    ],
)
def test_failures_are_explained(response, message):
    route = respx.get("https://lep.example.org/doc")
    if isinstance(response, Exception):
        route.mock(side_effect=response)
    else:
        route.mock(return_value=response)
    with pytest.raises(IngestError, match=message):
        fetch_url("https://lep.example.org/doc")


@respx.mock
def test_size_cap_applies_even_without_content_length():
    def stream(request):
        return httpx.Response(
            200, headers={"content-type": "text/plain"}, stream=httpx.ByteStream(b"x" * 5000)
        )

    respx.get("https://lep.example.org/big.txt").mock(side_effect=stream)
    with pytest.raises(IngestError, match="too large"):
        fetch_url("https://lep.example.org/big.txt", max_bytes=1000)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a.pdf", "lep.pdf"])
def test_only_web_addresses_are_fetched(url):
    with pytest.raises(IngestError, match="only http and https"):
        fetch_url(url)
