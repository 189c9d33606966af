"""Slack acknowledgement time under concurrent `/lis` commands (goal: p99 under 300 ms).

Also the load test of the scale-out issue: `--commands 200 --concurrency 20` (goal: no
errors, every command answered exactly once).

Starts the real aiohttp app on loopback with the starter knowledge base and the local fake
Slack, fires N signed slash commands from C concurrent clients, and measures how long each
acknowledgement took and how long until its answer reached `response_url`.
Run: `python -m benchmarks.slack_ack [--commands 20] [--concurrency 20]`.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx

from bot.assistant import Assistant
from bot.engine import Engine
from bot.server import build_web_app
from bot.settings import get_settings
from bot.state import StateStore
from ingest.embeddings import WordLlamaEmbedder
from ingest.pipeline import ingest_sources
from ingest.store import KnowledgeStore
from tests.fake_slack import FakeSlack
from tests.servers import BackgroundServer
from tests.slack_requests import SIGNING_SECRET, signed_headers, slash_command

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = [
    "What is SmartMed?",
    "What are T levels?",
    "How much is the GovTech fund?",
    "What should our ICS do for the Lincolnshire strategy?",
    "What is the Healthy Ageing programme?",
]


def run(commands: int = 20, concurrency: int = 20) -> dict:
    logging.basicConfig(level=logging.WARNING, force=True)
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    work = Path(tempfile.mkdtemp(prefix="lis-ack-"))
    store = KnowledgeStore.open(work, WordLlamaEmbedder())
    ingest_sources(store, [ROOT / "knowledge" / "documents"])
    slack = FakeSlack().start()
    settings = get_settings(
        slack_bot_token="xoxb-bench",
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=slack.api_url,
        knowledge_dir=ROOT / "knowledge",
    )
    engine = Engine.from_settings(settings, store=store)
    assistant = Assistant(engine, StateStore(work / "state.sqlite3"))
    server = BackgroundServer(build_web_app(settings, assistant))
    server.start()
    try:
        acks, delivered = asyncio.run(_fire(server.url, slack, commands, concurrency))
    finally:
        server.stop()
        slack.stop()
    per_command = Counter(c.path for c in slack.calls if c.method == "response_url")
    return {
        "commands": commands,
        "concurrency": concurrency,
        "ack_ms": _summary(acks),
        "answer_ms": _summary(delivered),
        "errors": commands - len(acks),
        "answers": len(delivered),
        "answered_exactly_once": sum(1 for n in per_command.values() if n == 1),
        "duplicates": sum(n - 1 for n in per_command.values() if n > 1),
    }


async def _fire(url: str, slack: FakeSlack, commands: int, concurrency: int):
    limit = asyncio.Semaphore(concurrency)
    acks: list[float] = []
    sent: dict[str, float] = {}

    async def one(client: httpx.AsyncClient, n: int) -> None:
        question = QUESTIONS[n % len(QUESTIONS)]
        body = slash_command(question, response_url=slack.response_url(f"c{n}"))
        async with limit:
            started = time.perf_counter()
            headers = signed_headers(body, content_type="application/x-www-form-urlencoded")
            response = await client.post(f"{url}/slack/events", content=body, headers=headers)
            if response.status_code == 200:
                acks.append((time.perf_counter() - started) * 1000)
                sent[f"/response/c{n}"] = started

    async with httpx.AsyncClient(timeout=30) as client:
        await asyncio.gather(*(one(client, n) for n in range(commands)))
    delivered: dict[str, float] = {}
    deadline = time.perf_counter() + 120
    while len(delivered) < len(sent) and time.perf_counter() < deadline:
        for call in list(slack.calls):
            if call.method == "response_url" and call.path in sent and call.path not in delivered:
                delivered[call.path] = (time.perf_counter() - sent[call.path]) * 1000
        await asyncio.sleep(0.005)
    await asyncio.sleep(1)  # room for any duplicate to arrive
    return acks, list(delivered.values())


def _summary(values: list[float]) -> dict:
    if not values:
        return {}
    ordered = sorted(values)
    return {
        "p50": round(statistics.median(ordered), 1),
        "p99": round(ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))], 1),
        "max": round(ordered[-1], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--commands", type=int, default=20)
    parser.add_argument("--concurrency", type=int, default=20)
    args = parser.parse_args()
    result = run(args.commands, args.concurrency)
    print(
        f"/lis acknowledgement, {result['commands']} commands, {result['concurrency']} "
        f"concurrent: p50 {result['ack_ms']['p50']} ms, p99 {result['ack_ms']['p99']} ms "
        f"(goal p99 < 300 ms); answers delivered {result['answers']}/{result['commands']}, "
        f"p50 {result['answer_ms'].get('p50')} ms, p99 {result['answer_ms'].get('p99')} ms; "
        f"errors {result['errors']}; answered exactly once {result['answered_exactly_once']}, "
        f"duplicates {result['duplicates']}"
    )


if __name__ == "__main__":
    main()
