"""A fetch ends when its time is up, however slowly the server answers (issue item 5).

httpx's timeouts bound each read, not the exchange: a server that sends one byte every
0.1 s never trips a 2 s read timeout. These servers drip the headers, or the body, and
the fetch must give up within the limit plus a second, with a message an admin can read.
"""

from __future__ import annotations

import time

import pytest

from ingest.errors import IngestError
from ingest.fetch import fetch_url
from tests.security.local_servers import DrippingServer

pytestmark = pytest.mark.security

LIMIT = 2.0


@pytest.mark.parametrize("part", ["headers", "body"])
def test_a_dripping_server_is_cut_off_at_the_fetch_limit(part):
    with DrippingServer(part=part) as server:
        started = time.monotonic()
        with pytest.raises(IngestError) as caught:
            fetch_url(f"http://127.0.0.1:{server.port}/slow", timeout=LIMIT, allow_private=True)
        elapsed = time.monotonic() - started
    assert elapsed < LIMIT + 1.0, f"the fetch ran {elapsed:.1f} s with a {LIMIT:g} s limit"
    message = str(caught.value)
    assert "did not answer within 2 s" in message or "took too long" in message
    assert "Traceback" not in message
