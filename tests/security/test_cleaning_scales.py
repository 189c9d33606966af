"""Cleaning time grows in step with the text, whatever its shape (issue item 4).

Quadratic cleaning lets one long document (100k short lines: 11 s; 200k: 56 s) hold the
ingest for minutes. Each shape below is cleaned at n and 10n lines; the time may grow by
at most a generous 25x (quadratic growth would be 100x). The exact figures are in
`benchmarks/cleaning.py`.
"""

from __future__ import annotations

import time

import pytest

from ingest.cleaning import clean_text

pytestmark = pytest.mark.security

SMALL = 4_000
RATIO = 25

SHAPES = {
    # The case: many short lines, no blank lines.
    "short lines": lambda n: "\n".join(f"word{i}" for i in range(n)),
    # Paragraphs of wrapped prose.
    "prose": lambda n: "\n".join(
        "" if i % 7 == 6 else f"the plan funds skills and ports in area {i} and" for i in range(n)
    ),
    # One long chain of hyphen-broken words joined into a single line.
    "hyphen chain": lambda n: "\n".join(f"ab{i % 10}-" for i in range(n)),
    # Two-column fragments: the rest of each word sits past a blank line, over and over.
    "column jumps": lambda n: "\n".join(("data-", "", "driven-") * (n // 3)),
    # ... and past a short line, inside one block with no blank line at all.
    "column jumps without blanks": lambda n: "\n".join(("data-", "• 1", "driven") * (n // 3)),
}


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        clean_text(text)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize("shape", SHAPES)
def test_cleaning_time_is_linear_in_the_number_of_lines(shape):
    make = SHAPES[shape]
    small, large = _seconds(make(SMALL)), _seconds(make(SMALL * 10))
    ratio = large / max(small, 1e-4)
    assert ratio < RATIO, f"{shape}: 10x the lines took {ratio:.0f}x the time"
