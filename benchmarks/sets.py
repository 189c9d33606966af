"""Every question set's figures, formal and casual apart, and each answer for comparing runs.

`python -m benchmarks.sets [SET ...] [--dump FILE]`: for each set (a name in this folder or
a path; all sets when none is given) one line: source hit@5, fact recall (over the
questions marked `# formal` and `# casual` apart, where the set marks them), not-covered
questions declined, answerable ones refused, and the median answer length; the goals of
issue 14 are read off these lines. `--dump FILE` also writes one JSON line per question
(its recall, mode and answer), so two engines' runs can be compared question by question.
Two worker processes share the sets.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
from multiprocessing import Pool
from pathlib import Path

from bot.evaluation.scoring import CaseResult, load_cases

__all__ = ["case_kinds", "main"]

ROOT = Path(__file__).resolve().parent
_KIND = re.compile(r"^\s*#\s*(formal|casual)\b", re.IGNORECASE)
_ID = re.compile(r"^\s*-\s*id:\s*[\"']?([\w-]+)")


def case_kinds(text: str) -> dict[str, str]:
    """Each case id -> "formal" or "casual", from the comment line last seen above it."""
    kind, kinds = "", {}
    for line in text.splitlines():
        if marked := _KIND.match(line):
            kind = marked.group(1).lower()
        elif found := _ID.match(line):
            kinds[found.group(1)] = kind
    return kinds


_ENGINE = None


def _answers(path: Path) -> list[dict]:
    global _ENGINE
    if _ENGINE is None:  # one engine a worker process
        from bot.settings import get_settings
        from bot.wiring import build_engine

        _ENGINE = build_engine(get_settings())
    kinds = case_kinds(path.read_text(encoding="utf-8"))
    rows = []
    for case in load_cases(path):
        result = CaseResult(case, _ENGINE.ask(case.question))
        rows.append(
            {
                "set": path.stem,
                "id": case.id,
                "kind": kinds.get(case.id, ""),
                "expect": case.expect,
                "recall": result.fact_recall,
                "hit": result.hit,
                "refused": result.refused,
                "chars": len(result.answer.answer),
                "mode": result.answer.mode,
                "question": case.question,
                "answer": result.answer.answer,
            }
        )
    return rows


def _mean(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return statistics.mean(known) if known else None


def _line(rows: list[dict]) -> str:
    answerable = [r for r in rows if r["expect"] != "no_answer"]
    uncovered = [r for r in rows if r["expect"] == "no_answer"]
    hits = [r["hit"] for r in answerable if r["hit"] is not None]
    lengths = [r["chars"] for r in answerable if not r["refused"]]
    recall = _mean([r["recall"] for r in answerable])
    split = [
        _mean([r["recall"] for r in answerable if r["kind"] == k]) for k in ("formal", "casual")
    ]
    return (
        f"{rows[0]['set']:<10} hit@5 {sum(hits) / max(1, len(hits)):.2f}  recall "
        f"{recall or 0:.2f}"
        + (f" ({split[0]:.2f} / {split[1]:.2f})" if None not in split else "")
        + f"  not covered {sum(r['refused'] for r in uncovered)}/{len(uncovered)}"
        f"  refused {sum(r['refused'] for r in answerable)}"
        f"  median {statistics.median(lengths) if lengths else 0:.0f}"
    )


def _path(name: str) -> Path:
    path = Path(name)
    return path if path.suffix == ".yaml" else ROOT / f"{name}.yaml"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", help="set names in benchmarks/ or YAML paths")
    parser.add_argument("--dump", type=Path, help="write one JSON line per question here")
    args = parser.parse_args(argv)
    paths = [_path(name) for name in args.sets] or sorted(ROOT.glob("*.yaml"))
    with Pool(2) as pool:
        results = pool.map(_answers, paths, chunksize=1)
    for rows in results:
        print(_line(rows))
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as out:
            out.writelines(json.dumps(row) + "\n" for rows in results for row in rows)


if __name__ == "__main__":
    main()
