"""How much of what retrieval finds reaches the answer, for every question set.

For each set, side by side: the composer's fact recall; a baseline that answers with the
top retrieved chunk cut at 1,000 characters; and the ceiling, the facts present anywhere
in the eight retrieved passages. A composer that does not beat the baseline loses facts
retrieval already found. The last column counts the quoted excerpts found verbatim in the
stored documents. Run with `make bench` (or `python -m benchmarks.composing`).
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from bot.engine.core import Engine
from bot.evaluation.scoring import fact_recall, load_cases

__all__ = ["compare", "SETS"]

ROOT = Path(__file__).resolve().parent.parent
SETS = sorted((ROOT / "benchmarks").glob("*.yaml"))
BASELINE_CHARS = 1000


def compare(engine: Engine, path: Path) -> dict:
    composer, baseline, ceiling, lengths = [], [], [], []
    stored = "\n".join(chunk.text for chunk in engine.store.all_chunks())
    excerpts = verbatim = 0
    for case in load_cases(path):
        if case.expect == "no_answer" or not case.facts:
            continue
        answer = engine.ask(case.question)
        for citation in answer.citations:  # each quote, excerpt by excerpt, as stored
            for excerpt in filter(None, (e.strip() for e in citation.quote.split("\n\n"))):
                excerpts += 1
                verbatim += excerpt in stored
        composer.append(fact_recall(case, answer.answer))
        lengths.append(len(answer.answer))
        passages = engine.passages(case.question)
        top = passages[0].chunk.text[:BASELINE_CHARS] if passages else ""
        baseline.append(fact_recall(case, top))
        ceiling.append(fact_recall(case, "\n".join(p.chunk.text for p in passages)))
    return {
        "set": path.stem,
        "cases": len(composer),
        "composer": round(statistics.mean(composer), 2),
        "baseline": round(statistics.mean(baseline), 2),
        "ceiling": round(statistics.mean(ceiling), 2),
        "median_chars": statistics.median(lengths),
        "verbatim": f"{verbatim}/{excerpts}",
    }


def main(paths: list[str]) -> None:
    from bot.settings import get_settings
    from bot.wiring import build_engine

    engine = build_engine(get_settings())
    print(
        f"{'set':12} {'cases':>5} {'composer':>9} {'baseline':>9} {'ceiling':>8} {'median':>7}"
        f" {'verbatim quotes':>16}"
    )
    for path in [Path(p) for p in paths] or SETS:
        row = compare(engine, path)
        print(
            f"{row['set']:12} {row['cases']:5} {row['composer']:9.2f} {row['baseline']:9.2f} "
            f"{row['ceiling']:8.2f} {row['median_chars']:7.0f} {row['verbatim']:>16}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
