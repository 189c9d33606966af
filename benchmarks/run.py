"""`make bench`: quality and speed of the knowledge engine and the Slack front end.

(a) retrieval quality, ours against the naive LangChain baseline, on the dev set;
(b) in-process `ask` latency; (c) ingest time, first and unchanged; (d) cold `lis ask`
process time; (e) Slack `/lis` acknowledgement time under 20 concurrent commands, and the
200-command load on one process, on a Chroma server, and on Chroma and PostgreSQL shared
by two processes with data folders of their own (the docker-compose.yml layout).
Results are printed and written to benchmarks/results/engine.json.
Run from the project root: `python -m benchmarks.run`.
"""

from __future__ import annotations

import json
import logging
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import composing, deadlines, slack_ack
from benchmarks.baseline import baseline_titles, build_baseline
from bot.engine.core import Engine
from bot.evaluation.scoring import evaluate, load_cases
from bot.settings import get_settings
from bot.wiring import build_engine
from ingest.embeddings import WordLlamaEmbedder
from ingest.pipeline import ingest_sources
from ingest.store import KnowledgeStore

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT / "benchmarks" / "dev.yaml"
DOCUMENTS = ROOT / "knowledge" / "documents"


def main() -> None:
    logging.basicConfig(level=logging.WARNING, force=True)
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    work = Path(tempfile.mkdtemp(prefix="lis-bench-"))
    embedder = WordLlamaEmbedder()
    results = {"ingest": _ingest_times(work, embedder)}
    store = KnowledgeStore.open(work / "ours", embedder)
    ingest_sources(store, [DOCUMENTS])
    engine = build_engine(get_settings(knowledge_dir=ROOT / "knowledge"), store=store)
    results["retrieval"] = _retrieval_quality(
        engine, build_baseline(DOCUMENTS, embedder, work / "baseline")
    )
    results["composing"] = [composing.compare(engine, path) for path in composing.SETS]
    results["deadlines"] = {path.stem: deadlines.score(path) for path in deadlines.SETS}
    results["ask_latency_ms"] = _ask_latency(engine)
    results["cold_ask_s"] = _cold_ask(work)
    results["slack_ack"] = slack_ack.run(commands=20, concurrency=20)
    results["slack_load"] = slack_ack.run(commands=200, concurrency=20)
    results["slack_load_server"] = slack_ack.run(
        commands=200, concurrency=20, backend="server", processes=2
    )
    results["slack_load_postgres"] = slack_ack.run(
        commands=200, concurrency=20, backend="postgres", processes=2
    )
    _print(results)
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "engine.json").write_text(json.dumps(results, indent=2))


def _ingest_times(work: Path, embedder) -> dict:
    store = KnowledgeStore.open(work / "ingest", embedder)
    started = time.perf_counter()
    first = ingest_sources(store, [DOCUMENTS])
    first_s = time.perf_counter() - started
    started = time.perf_counter()
    again = ingest_sources(store, [DOCUMENTS])
    again_s = time.perf_counter() - started
    return {
        "first_s": round(first_s, 3),
        "unchanged_s": round(again_s, 3),
        "ratio": round(again_s / first_s, 3),
        "chunks": first.chunks_embedded,
        "reembedded": again.chunks_embedded,
    }


def _retrieval_quality(engine: Engine, baseline) -> dict:
    cases = [c for c in load_cases(DEV_SET) if c.sources]
    ours_retrieved = ours_cited = base = 0
    for case in cases:
        gold = {s.lower() for s in case.sources}
        passages = engine.retriever.retrieve(engine.retriever.query(case.question), k=5)
        ours_retrieved += bool(gold & {p.chunk.metadata["title"].lower() for p in passages})
        cited = {c.title.lower() for c in engine.ask(case.question).citations[:5]}
        ours_cited += bool(gold & cited)
        base += bool(gold & {t.lower() for t in baseline_titles(baseline, case.question)})
    report = evaluate(load_cases(DEV_SET), engine.ask).figures()
    n = len(cases)
    return {
        "cases": n,
        "ours_retrieval_hit@5": round(ours_retrieved / n, 3),
        "ours_answer_hit@5": round(ours_cited / n, 3),
        "baseline_hit@5": round(base / n, 3),
        "fact_recall": round(report["fact_recall"], 3),
        "median_chars": report["median_chars"],
    }


def _ask_latency(engine: Engine, rounds: int = 5) -> dict:
    questions = [c.question for c in load_cases(DEV_SET)]
    engine.ask(questions[0])  # warm caches
    timings = []
    for _ in range(rounds):
        for question in questions:
            started = time.perf_counter()
            engine.ask(question)
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return {
        "n": len(timings),
        "p50": round(statistics.median(timings), 1),
        "p95": round(timings[int(0.95 * len(timings)) - 1], 1),
    }


def _cold_ask(work: Path, runs: int = 3) -> dict:
    env = {
        "LIS_DATA_DIR": str(work / "cold"),
        "KNOWLEDGE_DIR": str(ROOT / "knowledge"),
        "PATH": str(Path(sys.executable).parent),
    }
    subprocess.run(
        [sys.executable, "-m", "bot.cli", "ingest", "--quiet"], env=env, check=True, cwd=ROOT
    )
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "bot.cli", "ask", "What is SmartMed?"],
            env=env,
            check=True,
            cwd=ROOT,
            capture_output=True,
        )
        timings.append(time.perf_counter() - started)
    return {"runs": runs, "median_s": round(statistics.median(timings), 2)}


def _print(results: dict) -> None:
    r, lat, ing, cold = (
        results["retrieval"],
        results["ask_latency_ms"],
        results["ingest"],
        results["cold_ask_s"],
    )
    print("Composer against the top chunk cut at 1,000 characters, and the ceiling (facts in")
    print("the 8 retrieved passages), fact recall per question set:")
    print(f"  {'set':12} {'cases':>5} {'composer':>9} {'baseline':>9} {'ceiling':>8} {'median':>7}")
    for row in results["composing"]:
        print(
            f"  {row['set']:12} {row['cases']:5} {row['composer']:9.2f} {row['baseline']:9.2f} "
            f"{row['ceiling']:8.2f} {row['median_chars']:7.0f}"
        )
    print("Deadline extraction on labelled sentences (is it a deadline; its date):")
    for name, row in results["deadlines"].items():
        print(
            f"  {name:34} {row['sentences']:4} sentences: precision {row['precision']:.2f}, "
            f"recall {row['recall']:.2f}, dates right {row['date_accuracy']:.2f}"
        )
    print("Retrieval quality on the dev set (source hit@5)")
    print(f"  ours, retrieved passages   {r['ours_retrieval_hit@5']:.2f}")
    print(f"  ours, answer citations     {r['ours_answer_hit@5']:.2f}")
    print(f"  naive LangChain baseline   {r['baseline_hit@5']:.2f}")
    print(f"  fact recall {r['fact_recall']:.2f}, median answer {r['median_chars']} chars")
    print(f"ask latency (in process, {lat['n']} asks): p50 {lat['p50']} ms, p95 {lat['p95']} ms")
    print(
        f"ingest: first {ing['first_s']} s ({ing['chunks']} chunks), unchanged "
        f"{ing['unchanged_s']} s ({ing['ratio']:.0%} of first, {ing['reembedded']} re-embedded)"
    )
    print(f"cold `lis ask` process: median {cold['median_s']} s over {cold['runs']} runs")
    for load in (
        results["slack_load"],
        results["slack_load_server"],
        results["slack_load_postgres"],
    ):
        print(
            f"load, {load['backend']} store with {load['processes']} lis serve: "
            f"{load['commands']} /lis commands from {load['concurrency']} clients: ack p50 "
            f"{load['ack_ms']['p50']} ms, p99 {load['ack_ms']['p99']} ms; answer p50 "
            f"{load['answer_ms']['p50']} ms, p99 {load['answer_ms']['p99']} ms; answered "
            f"{load['answers']}, exactly once {load['answered_exactly_once']}, duplicates "
            f"{load['duplicates']}, errors {load['errors']}"
        )
    ack = results["slack_ack"]
    print(
        f"/lis ack under {ack['concurrency']} concurrent commands: p50 {ack['ack_ms']['p50']} ms, "
        f"p99 {ack['ack_ms']['p99']} ms; answer delivered p50 {ack['answer_ms']['p50']} ms, "
        f"p99 {ack['answer_ms']['p99']} ms; {ack['errors']} errors"
    )


if __name__ == "__main__":
    main()
