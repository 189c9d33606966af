"""A URL ingest reaches only the address it checked, and credentials stay where they belong
(issue item 6).

DNS rebinding: a name that answers with a public address when it is checked and with
loopback when it is resolved again to connect must not get the internal page. IPv6
spellings of private IPv4 addresses are private too. And a bot token sent to an https
address is never re-sent after a redirect down to plain http, even on the same host.
"""

from __future__ import annotations

import socket
import ssl
from http.server import BaseHTTPRequestHandler

import pytest

from ingest.errors import IngestError
from ingest.fetch import fetch_url
from tests.security.local_servers import DualServer, Recorder, self_signed_cert, serve

pytestmark = pytest.mark.security

PUBLIC = "93.184.216.34"
SECRET = b"INTERNAL ADMIN PAGE: database password hunter2"


def _internal_site(recorder: Recorder) -> type[BaseHTTPRequestHandler]:
    class Internal(BaseHTTPRequestHandler):
        def do_GET(self):
            recorder.requests.append(("http", self.path, dict(self.headers)))
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(SECRET)))
            self.end_headers()
            self.wfile.write(SECRET)

        def log_message(self, *args):
            pass

    return Internal


class FlippingResolver:
    """Answers the first question with a public address and every later one with loopback."""

    def __init__(self) -> None:
        self.asked = 0

    def __call__(self, host: str, port: int) -> list[str]:
        self.asked += 1
        return [PUBLIC] if self.asked == 1 else ["127.0.0.1"]


def test_dns_rebinding_does_not_reach_the_internal_page():
    recorder = Recorder()
    resolver = FlippingResolver()
    with serve(_internal_site(recorder)) as server, pytest.raises(IngestError):
        fetch_url(f"http://rebind.test:{server.port}/admin", timeout=2, resolver=resolver)
    assert recorder.requests == [], "the internal page was fetched"
    assert resolver.asked == 1, "the name was resolved again after it was checked"


def test_dns_rebinding_through_the_system_resolver(monkeypatch):
    """The same attack with the resolver the code uses by default (socket.getaddrinfo)."""
    real = socket.getaddrinfo
    answers = iter([PUBLIC])

    def getaddrinfo(host, port, *args, **kwargs):
        if host == "rebind.test":
            address = next(answers, "127.0.0.1")
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port or 0))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    recorder = Recorder()
    with serve(_internal_site(recorder)) as server, pytest.raises(IngestError):
        fetch_url(f"http://rebind.test:{server.port}/admin", timeout=2)
    assert recorder.requests == [], "the internal page was fetched"


@pytest.mark.parametrize(
    "address",
    [
        "::127.0.0.1",  # IPv4-compatible loopback
        "::10.0.0.7",  # IPv4-compatible private
        "::ffff:127.0.0.1",  # IPv4-mapped loopback
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
        "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254 (cloud metadata)
        "64:ff9b::a00:7",  # NAT64 of 10.0.0.7
        "2002:7f00:1::",  # 6to4 of 127.0.0.1
        "2002:a9fe:a9fe::1",  # 6to4 of 169.254.169.254
        "2002:c0a8:101::",  # 6to4 of 192.168.1.1
    ],
)
def test_ipv6_spellings_of_private_addresses_are_refused(address):
    with pytest.raises(IngestError, match="private, local or reserved address"):
        fetch_url(f"http://[{address}]/latest/meta-data/")
    with pytest.raises(IngestError, match="private, local or reserved address"):
        fetch_url("http://sneaky.test/", resolver=lambda host, port: [address])


def test_public_ipv6_embeddings_are_still_allowed_by_the_check():
    """NAT64 and 6to4 of a public IPv4 address are not refused as private."""
    for address in ("64:ff9b::808:808", "2002:808:808::"):
        with pytest.raises(IngestError) as caught:
            fetch_url("http://public6.test/", timeout=1, resolver=lambda h, p, a=address: [a])
        assert "private" not in str(caught.value)


def test_credentials_are_not_resent_after_a_downgrade_to_http(tmp_path, monkeypatch):
    cert, key = self_signed_cert(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    recorder = Recorder()

    class Files(BaseHTTPRequestHandler):
        def do_GET(self):
            scheme = "https" if isinstance(self.request, ssl.SSLSocket) else "http"
            recorder.requests.append((scheme, self.path, dict(self.headers)))
            if scheme == "https":
                self.send_response(302)
                self.send_header("Location", f"http://127.0.0.1:{self.server.port}/plain")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "4")
            self.end_headers()
            self.wfile.write(b"file")

        def log_message(self, *args):
            pass

    with DualServer(Files, cert, key).running() as server:
        fetch_url(
            f"https://127.0.0.1:{server.port}/file",
            headers={"Authorization": "Bearer xoxb-secret"},
            allow_private=True,
            timeout=5,
        )
    (first_scheme, _, first), (second_scheme, _, second) = recorder.requests
    assert (first_scheme, second_scheme) == ("https", "http")
    assert first.get("Authorization") == "Bearer xoxb-secret"
    assert "Authorization" not in second, "the token went out over plain http"
