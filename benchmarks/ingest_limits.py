"""Figures for the ingest boundary (security issue items 4 and 5), on this machine.

Cleaning time for 20k and 200k short lines (linear: about 10x; quadratic was about 100x),
and how long a server that drips its headers one byte at a time holds a fetch with a
3 s limit. Run: `python -m benchmarks.ingest_limits`. The tests in tests/security check
the same properties with generous bounds; this prints the exact numbers.
"""

from __future__ import annotations

import time

from ingest.cleaning import clean_text
from ingest.errors import IngestError
from ingest.fetch import fetch_url
from tests.security.local_servers import DrippingServer

LIMIT = 3.0


def cleaning_seconds(lines: int) -> float:
    text = "\n".join(f"word{i}" for i in range(lines))
    started = time.perf_counter()
    clean_text(text)
    return time.perf_counter() - started


def dripping_fetch_seconds(limit: float = LIMIT) -> tuple[float, str]:
    with DrippingServer(part="headers", give_up=60) as server:
        started = time.monotonic()
        try:
            fetch_url(f"http://127.0.0.1:{server.port}/", timeout=limit, allow_private=True)
            outcome = "fetched"
        except IngestError as error:
            outcome = str(error)
        return time.monotonic() - started, outcome


def main() -> None:
    small, large = cleaning_seconds(20_000), cleaning_seconds(200_000)
    print(f"cleaning 20k short lines: {small:.2f} s; 200k: {large:.2f} s ({large / small:.1f}x)")
    held, outcome = dripping_fetch_seconds()
    print(f"header-dripping server held a {LIMIT:g} s fetch for {held:.1f} s: {outcome}")


if __name__ == "__main__":
    main()
