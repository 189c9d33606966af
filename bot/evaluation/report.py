"""Print `lis eval` results as tables: overall, per answer mode, and the cases that missed."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from bot.evaluation.scoring import EvalReport

__all__ = ["print_eval_report"]

_COLUMNS = [
    ("cases", "cases"),
    ("hit@5", "source hit@5"),
    ("fact_recall", "fact recall"),
    ("contact", "contact"),
    ("no_answer", "no-answer right"),
    ("answerable_refused", "answerable refused"),
    ("median_chars", "median chars"),
    ("p50_ms", "p50 ms"),
    ("p95_ms", "p95 ms"),
]


def print_eval_report(console: Console, report: EvalReport) -> None:
    table = Table(title="LIS Assistant evaluation")
    table.add_column("mode")
    for _key, header in _COLUMNS:
        table.add_column(header, justify="right")
    rows = [("all", report.figures())] + [(m, report.figures(m)) for m in report.modes()]
    for name, figures in rows:
        table.add_row(name, *(_cell(key, figures) for key, _header in _COLUMNS))
    console.print(table)
    misses = [
        r
        for r in report.results
        if r.hit is False
        or (r.fact_recall or 1) < 1
        or r.contact_found is False
        or not r.correct_refusal
    ]
    for result in misses:
        console.print(
            f"  missed {result.case.id}: {result.case.question} "
            f"(hit={result.hit}, facts={result.fact_recall}, "
            f"contact={result.contact_found}, mode={result.answer.mode})"
        )


def _cell(key: str, figures: dict) -> str:
    if key == "no_answer":
        return f"{figures['no_answer_right']}/{figures['no_answer_cases']}"
    value = figures.get(key)
    if value is None:
        return "-"
    if key in ("hit@5", "fact_recall", "contact"):
        return f"{value:.2f}"
    if isinstance(value, float):
        return f"{value:.0f}"
    return str(value)
