"""The httpx transport URL ingests use: it connects only to checked addresses, and never
past the fetch's deadline.

httpx resolves a host name itself when it connects, after our check of the name: a DNS
server that answers "public" to the check and "loopback" to the connection (rebinding)
would get us the internal page. And httpx's timeouts bound each read, so a server that
sends its headers a byte at a time holds a fetch for as long as it likes.

Both are fixed below httpx, in httpcore's network backend (its documented seam for
custom networking): `GuardedBackend` resolves the name once, checks the addresses
(`ingest.addresses`) and connects to one of those very addresses; TLS is still started
for the name, so certificate checks and SNI are unchanged, and the Host header is the
URL's. Every socket operation's time-out is cut to what is left of one wall-clock
deadline for the whole fetch, redirects included.
"""

from __future__ import annotations

import time
from typing import Any

import httpcore
import httpx

from ingest.addresses import Resolver, checked_addresses

__all__ = ["Deadline", "GuardedBackend", "guarded_transport"]


class Deadline:
    """A point in time (time.monotonic) after which no socket operation may wait."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds

    def cap(self, timeout: float | None, expired: type[Exception]) -> float:
        """`timeout`, shortened to the time left; raises `expired` when none is left."""
        left = self.at - time.monotonic()
        if left <= 0:
            raise expired(f"the {self.seconds:g} s limit for this fetch was reached")
        return left if timeout is None else min(timeout, left)


class GuardedBackend(httpcore.NetworkBackend):
    """Connects to addresses that passed the check, resolving each name only once."""

    def __init__(self, deadline: Deadline, resolver: Resolver, allow_private: bool) -> None:
        self.deadline, self.resolver, self.allow_private = deadline, resolver, allow_private
        self._inner = httpcore.SyncBackend()
        self._checked: dict[tuple[str, int], list[str]] = {}

    def addresses(self, host: str, port: int) -> list[str]:
        """The checked addresses for `host`, resolved on first use and then kept for the
        rest of the fetch, so the name is never asked again once it has passed."""
        key = (host, port)
        if key not in self._checked:
            self._checked[key] = checked_addresses(host, port, self.resolver, self.allow_private)
        return self._checked[key]

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        addresses = self.addresses(host, port)
        failure: Exception | None = None
        for address in addresses:  # an IP address: the system resolver is not asked again
            try:
                stream = self._inner.connect_tcp(
                    address,
                    port,
                    self.deadline.cap(timeout, httpcore.ConnectTimeout),
                    local_address,
                    socket_options,
                )
            except httpcore.ConnectError as error:
                failure = error
                continue
            return DeadlineStream(stream, self.deadline)
        raise failure or httpcore.ConnectError(f"cannot connect to {host}")

    def connect_unix_socket(self, path: str, timeout=None, socket_options=None):
        raise httpcore.ConnectError("URL ingests do not use local sockets")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write waits at most until the deadline."""

    def __init__(self, stream: httpcore.NetworkStream, deadline: Deadline) -> None:
        self._stream, self._deadline = stream, deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._deadline.cap(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._deadline.cap(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None):
        timeout = self._deadline.cap(timeout, httpcore.ConnectTimeout)
        tls = self._stream.start_tls(ssl_context, server_hostname, timeout)
        return DeadlineStream(tls, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


def guarded_transport(backend: GuardedBackend) -> httpx.HTTPTransport:
    """httpx's standard transport (same TLS settings, same error mapping) over a
    connection pool that uses `backend`.

    httpx 0.28 has no parameter for the network backend, so the pool it built is
    replaced; `httpx<1` is pinned in pyproject.toml, and the rebinding and deadline tests
    in tests/security fail if this stops taking effect.
    """
    transport = httpx.HTTPTransport()
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(), network_backend=backend, max_connections=4
    )
    return transport
