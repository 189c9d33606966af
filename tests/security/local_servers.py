"""Small hostile or plain web servers on 127.0.0.1, each in a thread, for the attack suite.

`serve(handler)` runs an http.server handler class; `DrippingServer` answers so slowly
(one byte at a time) that every single read is quick but the whole answer never ends;
`DualServer` speaks HTTPS and plain HTTP on the same port, so a redirect can drop from
https to http without changing host or port.
"""

from __future__ import annotations

import socket
import ssl
import subprocess
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

__all__ = ["serve", "DrippingServer", "DualServer", "self_signed_cert", "Recorder"]


class Recorder:
    """What a server saw: one (scheme, path, headers) per request."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, dict[str, str]]] = []

    def paths(self) -> list[str]:
        return [path for _, path, _ in self.requests]


@contextmanager
def serve(handler: type[BaseHTTPRequestHandler]):
    """Run `handler` on a free port of 127.0.0.1; yields the server (its port: .port)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    server.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


class DrippingServer:
    """Reads the request, then sends its answer one byte every `interval` seconds.

    `part="headers"` drips an endless header block; `part="body"` sends the headers at
    once and drips the body. It stops after `give_up` seconds so that a client without a
    total deadline still ends, late; `held` is how long the last client stayed connected.
    """

    def __init__(self, part: str = "headers", interval: float = 0.1, give_up: float = 15.0):
        self.part, self.interval, self.give_up = part, interval, give_up
        self.held: float | None = None
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._stop = threading.Event()

    def __enter__(self) -> DrippingServer:
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._listener.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._drip, args=(connection,), daemon=True).start()

    def _drip(self, connection: socket.socket) -> None:
        started = time.monotonic()
        with connection:
            connection.recv(65536)
            if self.part == "body":
                connection.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n"
                )
                answer = b"x" * 100000
            else:
                answer = b"HTTP/1.1 200 OK\r\nX-Drip: " + b"a" * 100000
            for byte in answer:
                if self._stop.is_set() or time.monotonic() - started > self.give_up:
                    break
                try:
                    connection.sendall(bytes([byte]))
                except OSError:
                    break
                time.sleep(self.interval)
        self.held = time.monotonic() - started


def self_signed_cert(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, made with the openssl command."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


class DualServer(ThreadingHTTPServer):
    """HTTPS and plain HTTP on one port: a TLS handshake starts with byte 0x16."""

    daemon_threads = True

    def __init__(self, handler: type[BaseHTTPRequestHandler], cert: Path, key: Path):
        super().__init__(("127.0.0.1", 0), handler)
        self.port = self.server_address[1]
        self.tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.tls.load_cert_chain(cert, key)

    def finish_request(self, request, client_address):
        if request.recv(1, socket.MSG_PEEK) == b"\x16":
            request = self.tls.wrap_socket(request, server_side=True)
        self.RequestHandlerClass(request, client_address, self)

    @contextmanager
    def running(self):
        thread = threading.Thread(target=self.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self.shutdown()
            self.server_close()
