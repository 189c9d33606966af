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
from multiprocessing import Pool
from pathlib import Path

from bot.evaluation.scoring import CaseResult, EvalReport, load_cases

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


def _answers(path: Path) -> tuple[str, list[dict]]:
    """The set's line of figures (`EvalReport`, formal and casual apart) and its answers."""
    global _ENGINE
    if _ENGINE is None:  # one engine a worker process
        from bot.settings import get_settings
        from bot.wiring import build_engine

        _ENGINE = build_engine(get_settings())
    kinds = case_kinds(path.read_text(encoding="utf-8"))
    results = [CaseResult(case, _ENGINE.ask(case.question)) for case in load_cases(path)]
    rows = [
        {
            "set": path.stem,
            "id": r.case.id,
            "kind": kinds.get(r.case.id, ""),
            "expect": r.case.expect,
            "recall": r.fact_recall,
            "hit": r.hit,
            "refused": r.refused,
            "chars": len(r.answer.answer),
            "mode": r.answer.mode,
            "question": r.case.question,
            "answer": r.answer.answer,
        }
        for r in results
    ]
    split = [
        EvalReport([r for r in results if kinds.get(r.case.id) == kind]).figures()["fact_recall"]
        for kind in ("formal", "casual")
    ]
    return _line(path.stem, EvalReport(results).figures(), split), rows


def _line(name: str, figures: dict, split: list[float | None]) -> str:
    return (
        f"{name:<10} hit@5 {figures['hit@5'] or 0:.2f}  recall {figures['fact_recall'] or 0:.2f}"
        + (f" ({split[0]:.2f} / {split[1]:.2f})" if None not in split else "")
        + f"  not covered {figures['no_answer_right']}/{figures['no_answer_cases']}"
        f"  refused {figures['answerable_refused']}  median {figures['median_chars'] or 0:.0f}"
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
    for line, _rows in results:
        print(line)
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as out:
            out.writelines(json.dumps(row) + "\n" for _line, rows in results for row in rows)


if __name__ == "__main__":
    main()
