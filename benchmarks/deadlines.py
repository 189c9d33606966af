"""How well dated sentences are sorted into deadlines and not (`make bench`).

`benchmarks/labelled/deadline_sentences*.yaml` hold sentences written by helpers in the
phrasing of real consultation and strategy documents (not copied from the knowledge base),
each labelled: is it a deadline, and if so its kind, date and precision. Precision matters
most: a wrong line in a morning digest costs more than a missing one.

    python -m benchmarks.deadlines [--misses]
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import yaml

from bot.services.deadline_text import find_due

__all__ = ["score", "LABELLED", "SETS"]

LABELLED = Path(__file__).resolve().parent / "labelled" / "deadline_sentences.yaml"
# The second set was written later by another helper and scored at first sight before
# anything was tuned on it (README, "Deadlines and the morning digest").
SETS = [LABELLED, LABELLED.with_name("deadline_sentences_heldout.yaml")]


def _as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    text = str(value)
    parts = [int(p) for p in text.split("-")]
    return date(*(parts + [1] * (3 - len(parts))))


def _same_date(found, expected: dict) -> bool:
    wanted = _as_date(expected["date"])
    if expected.get("precision") == "month":
        return (found.day.year, found.day.month) == (wanted.year, wanted.month) and (
            found.precision == "month"
        )
    return found.day == wanted and found.precision == "day"


def score(path: Path = LABELLED, show_misses: bool = False) -> dict:
    """Precision and recall of "is this a deadline", and date accuracy on true positives."""
    cases = yaml.safe_load(path.read_text())
    tp = fp = fn = dated_right = 0
    for case in cases:
        found = find_due(case["sentence"], _as_date(case.get("document_date")))
        expected = bool(case["deadline"])
        if found and expected:
            tp += 1
            right = _same_date(found, case)
            dated_right += right
            if show_misses and not right:
                print(f"date {case['id']}: {found} != {case['date']} | {case['sentence']}")
        elif found:
            fp += 1
            if show_misses:
                print(f"false {case['id']}: {found} | {case['sentence']}")
        elif expected:
            fn += 1
            if show_misses:
                print(f"missed {case['id']}: {case['sentence']}")
    return {
        "sentences": len(cases),
        "deadlines": tp + fn,
        "precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
        "recall": round(tp / (tp + fn), 3) if tp + fn else 1.0,
        "date_accuracy": round(dated_right / tp, 3) if tp else 0.0,
    }


if __name__ == "__main__":
    for labelled in SETS:
        print(labelled.name, score(labelled, show_misses="--misses" in sys.argv))
