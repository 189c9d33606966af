"""The engine at 1k, 10k and 50k chunks: ingest throughput, ask latency, memory, quality.

The starter knowledge base plus a generated distractor corpus (`benchmarks.scale_corpus`)
that shares its places and topics. For each size and each store (the embedded one, and a
Chroma server started for the run): ingest time, `ask` latency p50/p95 in process, the
resident memory of a `lis serve` process over that store (and of the Chroma server), and
dev-set quality compared with the starter corpus alone (goal: hit@5 drops by less than
0.05; ask p95 under 1 s at 50k chunks).
Run: `python -m benchmarks.scale [--sizes 1000 10000 50000] [--backends embedded server]`.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

import httpx
import yaml

from benchmarks.scale_corpus import generate
from bot.evaluation.scoring import evaluate, load_cases
from bot.settings import get_settings
from bot.wiring import build_engine
from ingest.embeddings import WordLlamaEmbedder
from ingest.pipeline import ingest_sources
from ingest.store import KnowledgeStore
from testkit.chroma_server import ChromaServer, free_port

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "benchmarks" / "dev.yaml"
CHUNKS_PER_DOCUMENT = 2.2  # measured on the generated corpus


def run(sizes: list[int], backends: list[str]) -> list[dict]:
    logging.basicConfig(level=logging.WARNING, force=True)
    work = Path(tempfile.mkdtemp(prefix="lis-scale-"))
    embedder = WordLlamaEmbedder()
    corpus = work / "corpus"
    generate(corpus, int(max(sizes) / CHUNKS_PER_DOCUMENT) + 50)
    results = []
    for backend in backends:
        baseline = _measure(work / f"{backend}-starter", embedder, None, 0, backend)
        results.append(baseline)
        print(_row(baseline, baseline), flush=True)
        for size in sizes:
            results.append(_measure(work / f"{backend}-{size}", embedder, corpus, size, backend))
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


def _measure(data: Path, embedder, corpus: Path | None, size: int, backend: str) -> dict:
    with ExitStack() as stack:
        chroma = None
        if backend == "server":
            chroma = ChromaServer(data / "chroma-server").start()
            stack.callback(chroma.stop)
        result = _measure_store(data, embedder, corpus, size, chroma)
        result["backend"] = backend
        if chroma is not None:
            result["chroma_rss_mb"] = _rss_mb(chroma.process.pid)
        return result


def _measure_store(data: Path, embedder, corpus: Path | None, size: int, chroma) -> dict:
    server = {"host": "127.0.0.1", "port": chroma.port} if chroma else {}
    store = KnowledgeStore.open(data, embedder, **server)
    sources = [ROOT / "knowledge" / "documents"]
    if corpus is not None:
        sources.append(_subset(corpus, data / "distractors", int(size / CHUNKS_PER_DOCUMENT)))
    started = time.perf_counter()
    report = ingest_sources(store, sources)
    ingest_s = time.perf_counter() - started
    settings = get_settings(knowledge_dir=ROOT / "knowledge")
    engine = build_engine(settings, store=store)
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
        "serve_rss_mb": _serve_rss(data, chroma),
    }


def _serve_rss(data: Path, chroma) -> float | None:
    """Resident memory of `lis serve` once it reports healthy over this store.

    Its first start over a new store also extracts the deadlines of every document, which
    takes a while at 50k chunks; later starts skip documents already seen.
    """
    port = free_port()
    env = {**os.environ, "LIS_DATA_DIR": str(data), "KNOWLEDGE_DIR": str(ROOT / "knowledge")}
    if chroma is not None:
        env.update(CHROMA_HOST="127.0.0.1", CHROMA_PORT=str(chroma.port))
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
                    return _rss_mb(process.pid)
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


def _rss_mb(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    kb = int(next(row for row in status.splitlines() if row.startswith("VmRSS")).split()[1])
    return round(kb / 1024)


def _row(result: dict, baseline: dict) -> str:
    drop = baseline["hit@5"] - result["hit@5"]
    chroma = f" + Chroma server {result['chroma_rss_mb']} MB" if "chroma_rss_mb" in result else ""
    return (
        f"{result['backend']:>8} {result['chunks']:>6} chunks: ingest {result['ingest_s']} s "
        f"({result['chunks_per_s']} chunks/s), ask p50 {result['ask_p50_ms']} ms / "
        f"p95 {result['ask_p95_ms']} ms, lis serve {result['serve_rss_mb']} MB{chroma}, "
        f"hit@5 {result['hit@5']:.2f} (drop {drop:+.2f}), "
        f"fact recall {result['fact_recall']:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument(
        "--backends", nargs="+", choices=["embedded", "server"], default=["embedded", "server"]
    )
    args = parser.parse_args()
    results = run(args.sizes, args.backends)
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "scale.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
