"""Fetch a document from a URL, carefully.

Only http and https; a time-out on the whole exchange; a size cap enforced while
streaming (a server's Content-Length is not trusted); redirects followed by hand, at most
five, each hop re-checked; and a content type we have a loader for. Every failure is an
`IngestError` whose message an admin can act on.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin, urlparse

import httpx

from ingest.errors import IngestError
from ingest.loaders import Loader, loader_for_content_type

__all__ = ["Fetched", "fetch_url", "MAX_BYTES", "TIMEOUT_SECONDS"]

MAX_BYTES = 25 * 1024 * 1024
TIMEOUT_SECONDS = 30.0
MAX_REDIRECTS = 5
USER_AGENT = "LIS-Assistant/0.1 (knowledge base ingest)"


@dataclass
class Fetched:
    url: str
    data: bytes
    content_type: str
    loader: Loader


def fetch_url(
    url: str,
    *,
    timeout: float = TIMEOUT_SECONDS,
    max_bytes: int = MAX_BYTES,
    client: httpx.Client | None = None,
) -> Fetched:
    """Download `url` and pick its loader; raises IngestError with a readable reason."""
    own_client = client is None
    client = client or httpx.Client(timeout=timeout, headers={"User-Agent": USER_AGENT})
    try:
        for _hop in range(MAX_REDIRECTS + 1):
            _check_scheme(url)
            with client.stream("GET", url, timeout=timeout) as response:
                if response.is_redirect:
                    url = urljoin(url, response.headers.get("location", ""))
                    continue
                if response.status_code >= 400:
                    raise IngestError(f"unreachable: {url} answered HTTP {response.status_code}")
                content_type = response.headers.get("content-type", "")
                loader = loader_for_content_type(content_type, urlparse(url).path)
                data = _read_capped(response, max_bytes)
                return Fetched(url=url, data=data, content_type=content_type, loader=loader)
        raise IngestError(f"too many redirects (more than {MAX_REDIRECTS})")
    except httpx.TimeoutException as error:
        raise IngestError(f"unreachable: {url} did not answer within {timeout:g} s") from error
    except httpx.HTTPError as error:
        raise IngestError(f"unreachable: {url} ({type(error).__name__})") from error
    finally:
        if own_client:
            client.close()


def _check_scheme(url: str) -> None:
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise IngestError(f"only http and https web addresses can be ingested, not {url!r}")


def _read_capped(response: httpx.Response, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise IngestError(
            f"too large ({int(declared) // 1_000_000} MB; the limit is {max_bytes // 1_000_000} MB)"
        )
    received = bytearray()
    for piece in response.iter_bytes():
        received += piece
        if len(received) > max_bytes:
            raise IngestError(f"too large (over the {max_bytes // 1_000_000} MB limit)")
    return bytes(received)
