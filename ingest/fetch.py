"""Fetch a document from a URL, carefully.

Only http and https; no private, loopback or link-local addresses unless allowed, checked
for the address actually connected to (`ingest.transport`), so a name that changes its
answer cannot slip through; one wall-clock deadline for the whole exchange, headers and
redirects included; a size cap enforced while streaming (a server's Content-Length is not
trusted); redirects followed by hand, at most five, each hop re-checked; credentials sent
only to the first URL's origin and never over plain http after https; and a content type
we have a loader for. Every failure is an `IngestError` whose message an admin can act on.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin, urlparse

import httpx

from ingest.addresses import Resolver, system_resolver
from ingest.errors import IngestError, too_large
from ingest.loaders import Loader, loader_for_content_type
from ingest.transport import Deadline, GuardedBackend, guarded_transport

__all__ = ["Fetched", "FetchPolicy", "fetch_url", "MAX_BYTES", "TIMEOUT_SECONDS"]

MAX_BYTES = 25 * 1000 * 1000  # INGEST_MAX_MB's default, in megabytes of 10^6 bytes
TIMEOUT_SECONDS = 30.0
MAX_REDIRECTS = 5
USER_AGENT = "LIS-Assistant/0.1 (knowledge base ingest)"


@dataclass(frozen=True)
class FetchPolicy:
    """What ingesting may do: the defaults are the safe ones. `max_bytes` caps local
    files as well as downloads."""

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
    resolver: Resolver = system_resolver,
) -> Fetched:
    """Download `url` and pick its loader; raises IngestError with a readable reason.

    `timeout` bounds the whole exchange, redirects included. `headers` (an Authorization
    header, say) go only to the first URL's scheme, host and port, and stop at the first
    redirect that leaves them. `resolver` turns host names into addresses (tests inject
    one); each name is resolved once per fetch, and the checked address is the one used.
    """
    deadline = Deadline(timeout)
    backend = GuardedBackend(deadline, resolver, allow_private)
    client = httpx.Client(
        transport=guarded_transport(backend), timeout=timeout, headers={"User-Agent": USER_AGENT}
    )
    sent = headers
    try:
        with client:
            for _hop in range(MAX_REDIRECTS + 1):
                _check_scheme(url)
                _check_host(url, backend)
                with client.stream("GET", url, headers=sent) as response:
                    if response.is_redirect:
                        target = urljoin(url, response.headers.get("location", ""))
                        sent = sent if _same_origin(url, target) else None
                        url = target
                        continue
                    return _fetched(url, response, max_bytes, deadline)
            raise IngestError(f"too many redirects (more than {MAX_REDIRECTS})")
    except httpx.TimeoutException as error:
        raise IngestError(f"unreachable: {url} did not answer within {timeout:g} s") from error
    except httpx.HTTPError as error:
        raise IngestError(f"unreachable: {url} ({type(error).__name__})") from error


def _fetched(url: str, response: httpx.Response, max_bytes: int, deadline: Deadline) -> Fetched:
    if response.status_code >= 400:
        raise IngestError(f"unreachable: {url} answered HTTP {response.status_code}")
    content_type = response.headers.get("content-type", "")
    loader = loader_for_content_type(content_type, urlparse(url).path)
    data = _read_capped(response, max_bytes, deadline)
    return Fetched(url=url, data=data, content_type=content_type, loader=loader)


def _same_origin(url: str, target: str) -> bool:
    """Credentials may follow a redirect only to the same scheme, host and port: never to
    another host, and never from https down to http, where anyone on the path reads them."""
    a, b = urlparse(url), urlparse(target)
    return (a.scheme, a.hostname, a.port) == (b.scheme, b.hostname, b.port)


def _check_scheme(url: str) -> None:
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise IngestError(f"only http and https web addresses can be ingested, not {url!r}")


def _check_host(url: str, backend: GuardedBackend) -> None:
    """Resolve and check the host before sending anything; the transport then connects to
    these same addresses (it raises the same refusal if a connection asks for others)."""
    parsed = urlparse(url)
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    backend.addresses(parsed.hostname or "", port)


def _read_capped(response: httpx.Response, max_bytes: int, deadline: Deadline) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise too_large(max_bytes, int(declared))
    received = bytearray()
    for piece in response.iter_bytes():
        received += piece
        if len(received) > max_bytes:
            raise too_large(max_bytes)
        deadline.cap(None, httpx.ReadTimeout)
    return bytes(received)
