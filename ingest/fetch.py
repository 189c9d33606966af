"""Fetch a document from a URL, carefully.

Only http and https; no private, loopback or link-local addresses unless allowed; a
time-out on the whole exchange; a size cap enforced while streaming (a server's
Content-Length is not trusted); redirects followed by hand, at most five, each hop
re-checked; and a content type we have a loader for. Every failure is an
`IngestError` whose message an admin can act on.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlparse

import httpx

from ingest.errors import IngestError
from ingest.loaders import Loader, loader_for_content_type

__all__ = ["Fetched", "FetchPolicy", "fetch_url", "MAX_BYTES", "TIMEOUT_SECONDS"]

MAX_BYTES = 25 * 1024 * 1024
TIMEOUT_SECONDS = 30.0
MAX_REDIRECTS = 5
USER_AGENT = "LIS-Assistant/0.1 (knowledge base ingest)"


@dataclass(frozen=True)
class FetchPolicy:
    """What URL fetching may do: the defaults are the safe ones."""

    allow_private: bool = False
    max_bytes: int = MAX_BYTES
    timeout: float = TIMEOUT_SECONDS


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
    allow_private: bool = False,
    headers: dict[str, str] | None = None,
    client: httpx.Client | None = None,
) -> Fetched:
    """Download `url` and pick its loader; raises IngestError with a readable reason.

    `timeout` bounds the whole exchange, redirects included. `headers` (an Authorization
    header, say) are sent only to the first URL's host, never to where it redirects.
    """
    own_client = client is None
    client = client or httpx.Client(timeout=timeout, headers={"User-Agent": USER_AGENT})
    deadline = time.monotonic() + timeout
    origin = urlparse(url).netloc
    try:
        for _hop in range(MAX_REDIRECTS + 1):
            _check_scheme(url)
            _check_address(url, allow_private)
            sent = headers if urlparse(url).netloc == origin else None
            with client.stream("GET", url, timeout=timeout, headers=sent) as response:
                if response.is_redirect:
                    url = urljoin(url, response.headers.get("location", ""))
                    continue
                if response.status_code >= 400:
                    raise IngestError(f"unreachable: {url} answered HTTP {response.status_code}")
                content_type = response.headers.get("content-type", "")
                loader = loader_for_content_type(content_type, urlparse(url).path)
                data = _read_capped(response, max_bytes, deadline)
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


def _check_address(url: str, allow_private: bool) -> None:
    """Refuse hosts that resolve to private, loopback, link-local or reserved addresses.

    Fetching on an admin's behalf must not become a way into the server's own network
    (cloud metadata endpoints, internal services).
    """
    if allow_private:
        return
    host = urlparse(url).hostname or ""
    try:
        addresses = {ipaddress.ip_address(host)}
    except ValueError:
        try:
            infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
        except (socket.gaierror, UnicodeError) as error:
            raise IngestError(f"unreachable: cannot find the host {host!r}") from error
        addresses = {ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos}
    if any(not address.is_global for address in addresses):
        raise IngestError(
            f"refusing {host}: it is a private, local or reserved address "
            "(set INGEST_ALLOW_PRIVATE_URLS=true for on-premises use)"
        )


def _read_capped(response: httpx.Response, max_bytes: int, deadline: float) -> bytes:
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
        if time.monotonic() > deadline:
            raise IngestError("unreachable: the download took too long")
    return bytes(received)
