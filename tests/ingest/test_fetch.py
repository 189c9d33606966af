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


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/admin",
        "http://localhost/secret",
        "http://10.0.0.7/intranet.pdf",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/x",
        "https://internal.example.org/report.pdf",
        "https://metadata.example.org/",
    ],
)
def test_private_and_local_addresses_are_refused_by_default(url):
    with pytest.raises(IngestError, match="private, local or reserved address"):
        fetch_url(url)


@respx.mock
def test_a_redirect_to_a_private_address_is_refused():
    respx.get("https://lep.example.org/doc").respond(302, headers={"location": "http://10.0.0.7/"})
    internal = respx.get("http://10.0.0.7/")
    with pytest.raises(IngestError, match="refusing 10.0.0.7"):
        fetch_url("https://lep.example.org/doc")
    assert not internal.called


@respx.mock
def test_private_addresses_are_allowed_when_configured():
    respx.get("http://10.0.0.7/doc.txt").respond(
        200, content=b"Internal briefing text.", headers={"content-type": "text/plain"}
    )
    assert fetch_url("http://10.0.0.7/doc.txt", allow_private=True).data


@respx.mock
def test_credentials_go_only_to_the_original_host():
    first = respx.get("https://files.example.org/f1").respond(
        302, headers={"location": "https://cdn.example.org/f1"}
    )
    second = respx.get("https://cdn.example.org/f1").respond(
        200, content=b"text", headers={"content-type": "text/plain"}
    )
    fetch_url("https://files.example.org/f1", headers={"Authorization": "Bearer xoxb-secret"})
    assert first.calls[0].request.headers["authorization"] == "Bearer xoxb-secret"
    assert "authorization" not in second.calls[0].request.headers
