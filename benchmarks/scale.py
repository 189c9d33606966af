"""The engine at 1k, 10k and 50k chunks: ingest throughput, ask latency, memory, quality.

The starter knowledge base plus a generated distractor corpus (`benchmarks.scale_corpus`)
that shares its places and topics. For each size: ingest time, `ask` latency p50/p95 in
process, the resident memory of a `lis serve` process over that store, and dev-set quality
compared with the starter corpus alone (goal: hit@5 drops by less than 0.05; ask p95 under
1 s at 50k chunks). Run: `python -m benchmarks.scale [--sizes 1000 10000 50000]`.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import yaml

from benchmarks.scale_corpus import generate
from bot.engine import Engine
from bot.evaluation import evaluate, load_cases
from bot.settings import get_settings
from ingest.embeddings import WordLlamaEmbedder
from ingest.pipeline import ingest_sources
from ingest.store import KnowledgeStore

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "benchmarks" / "dev.yaml"
CHUNKS_PER_DOCUMENT = 2.2  # measured on the generated corpus


def run(sizes: list[int]) -> list[dict]:
    logging.basicConfig(level=logging.WARNING, force=True)
    work = Path(tempfile.mkdtemp(prefix="lis-scale-"))
    embedder = WordLlamaEmbedder()
    corpus = work / "corpus"
    generate(corpus, int(max(sizes) / CHUNKS_PER_DOCUMENT) + 50)
    baseline = _measure(work / "starter", embedder, None, 0)
    results = [baseline]
    for size in sizes:
        results.append(_measure(work / f"n{size}", embedder, corpus, size))
        print(_row(results[-1], baseline), flush=True)
    shutil.rmtree(work, ignore_errors=True)
    return results


def _subset(corpus: Path, target: Path, documents: int) -> Path:
    target.mkdir(parents=True)
    entries = yaml.safe_load((corpus / "sources.yaml").read_text())[:documents]
    for entry in entries:
        os.link(corpus / entry["file"], target / entry["file"])
    (target / "sources.yaml").write_text(yaml.safe_dump(entries, sort_keys=False))
    return target


def _measure(data: Path, embedder, corpus: Path | None, size: int) -> dict:
    store = KnowledgeStore.open(data, embedder)
    sources = [ROOT / "knowledge" / "documents"]
    if corpus is not None:
        sources.append(_subset(corpus, data / "distractors", int(size / CHUNKS_PER_DOCUMENT)))
    started = time.perf_counter()
    report = ingest_sources(store, sources)
    ingest_s = time.perf_counter() - started
    engine = Engine.from_settings(get_settings(knowledge_dir=ROOT / "knowledge"), store=store)
    engine.retriever.index  # noqa: B018 - build the keyword index outside the timings
    figures = evaluate(load_cases(DEV), engine.ask).figures()
    timings = []
    for _ in range(3):
        for case in load_cases(DEV):
            begun = time.perf_counter()
            engine.ask(case.question)
            timings.append((time.perf_counter() - begun) * 1000)
    timings.sort()
    return {
        "chunks": store.count(),
        "ingest_s": round(ingest_s, 1),
        "chunks_per_s": round(report.chunks_embedded / ingest_s),
        "ask_p50_ms": round(statistics.median(timings), 1),
        "ask_p95_ms": round(timings[int(0.95 * len(timings)) - 1], 1),
        "hit@5": figures["hit@5"],
        "fact_recall": figures["fact_recall"],
        "serve_rss_mb": _serve_rss(data),
    }


def _serve_rss(data: Path) -> float | None:
    """Resident memory of `lis serve` once it reports healthy over this store.

    Its first start over a new store also extracts the deadlines of every document, which
    takes a while at 50k chunks; later starts skip documents already seen.
    """
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "LIS_DATA_DIR": str(data), "KNOWLEDGE_DIR": str(ROOT / "knowledge")}
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 900
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                    status = Path(f"/proc/{process.pid}/status").read_text()
                    kb = int(
                        next(row for row in status.splitlines() if row.startswith("VmRSS")).split()[
                            1
                        ]
                    )
                    return round(kb / 1024)
            except httpx.TransportError:
                time.sleep(0.2)
        return None
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)


def _row(result: dict, baseline: dict) -> str:
    drop = baseline["hit@5"] - result["hit@5"]
    return (
        f"{result['chunks']:>6} chunks: ingest {result['ingest_s']} s "
        f"({result['chunks_per_s']} chunks/s), ask p50 {result['ask_p50_ms']} ms / "
        f"p95 {result['ask_p95_ms']} ms, lis serve {result['serve_rss_mb']} MB, "
        f"hit@5 {result['hit@5']:.2f} (drop {drop:+.2f}), "
        f"fact recall {result['fact_recall']:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    args = parser.parse_args()
    results = run(args.sizes)
    print("starter only: " + _row(results[0], results[0]))
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "scale.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
