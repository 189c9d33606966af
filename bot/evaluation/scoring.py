"""Score the engine on a question set (the format of `benchmarks/dev.yaml`).

For each case: did a gold source appear among the answer's first five citations (hit@5),
what share of the expected fact groups appear in the answer text (fact recall), was an
uncovered question refused and a covered one answered (no-answer accuracy), and does the
expected contact appear. Figures are reported per answer mode as well as overall.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.engine.answer import Answer

__all__ = ["EvalCase", "CaseResult", "EvalReport", "load_cases", "evaluate", "fact_recall"]


@dataclass(frozen=True)
class EvalCase:
    id: str
    question: str
    sources: tuple[str, ...] = ()
    facts: tuple[tuple[str, ...], ...] = ()
    contact: str | None = None
    expect: str = "answer"


@dataclass
class CaseResult:
    case: EvalCase
    answer: Answer

    @property
    def refused(self) -> bool:
        return self.answer.mode == "no_answer"

    @property
    def correct_refusal(self) -> bool:
        return self.refused == (self.case.expect == "no_answer")

    @property
    def hit(self) -> bool | None:
        if not self.case.sources:
            return None
        titles = {c.title.lower() for c in self.answer.citations[:5]}
        return any(source.lower() in titles for source in self.case.sources)

    @property
    def fact_recall(self) -> float | None:
        return fact_recall(self.case, self.answer.answer)

    @property
    def contact_found(self) -> bool | None:
        if not self.case.contact:
            return None
        wanted = self.case.contact.lower()
        return any(
            wanted in " ".join(filter(None, (c.name, c.org, c.area, c.role))).lower()
            for c in self.answer.contacts
        )


@dataclass
class EvalReport:
    results: list[CaseResult] = field(default_factory=list)

    def modes(self) -> list[str]:
        return sorted({r.answer.mode for r in self.results})

    def figures(self, mode: str | None = None) -> dict[str, float | int | None]:
        results = [r for r in self.results if mode is None or r.answer.mode == mode]
        answerable = [r for r in results if r.case.expect != "no_answer"]
        unanswerable = [r for r in results if r.case.expect == "no_answer"]
        latencies = sorted(r.answer.latency_ms for r in results)
        lengths = [len(r.answer.answer) for r in answerable if not r.refused]
        return {
            "cases": len(results),
            "hit@5": _mean([r.hit for r in answerable]),
            "fact_recall": _mean([r.fact_recall for r in answerable]),
            "contact": _mean([r.contact_found for r in answerable]),
            "no_answer_right": sum(r.refused for r in unanswerable),
            "no_answer_cases": len(unanswerable),
            "answerable_refused": sum(r.refused for r in answerable),
            "median_chars": statistics.median(lengths) if lengths else None,
            "p50_ms": _percentile(latencies, 50),
            "p95_ms": _percentile(latencies, 95),
        }


def fact_recall(case: EvalCase, text: str) -> float | None:
    """Share of the case's fact groups that `text` holds (any alternative of a group)."""
    if not case.facts:
        return None
    text = text.lower()
    found = sum(any(alt.lower() in text for alt in group) for group in case.facts)
    return found / len(case.facts)


def load_cases(path: Path) -> list[EvalCase]:
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []
    return [
        EvalCase(
            id=str(item.get("id", number)),
            question=str(item["question"]),
            sources=tuple(item.get("sources") or ()),
            facts=tuple(tuple(str(alt) for alt in group) for group in item.get("facts") or ()),
            contact=item.get("contact"),
            expect=item.get("expect", "answer"),
        )
        for number, item in enumerate(raw, 1)
    ]


def evaluate(cases: list[EvalCase], ask: Callable[[str], Answer]) -> EvalReport:
    return EvalReport([CaseResult(case, ask(case.question)) for case in cases])


def _mean(values: list[float | bool | None]) -> float | None:
    present = [float(v) for v in values if v is not None]
    return sum(present) / len(present) if present else None


def _percentile(values: list[float], percent: int) -> float | None:
    if not values:
        return None
    index = min(len(values) - 1, max(0, round(percent / 100 * len(values) + 0.5) - 1))
    return values[index]
