"""Slack acknowledgement time under concurrent `/lis` commands (goal: p99 under 300 ms).

Also the load test of the scale-out issue: `--commands 200 --concurrency 20` (goal: no
errors, every command answered exactly once), on the embedded store with one `lis serve`,
with `--backend server --processes 2` on a Chroma server shared by several `lis serve`
processes (commands are spread over them in turn, as a load balancer would), or with
`--backend postgres --processes 2`, the layout of docker-compose.yml: the Chroma server
and PostgreSQL (`DATABASE_URL`) shared, each process with a LIS_DATA_DIR of its own as if
on separate machines.

Starts real `lis serve` processes over the starter knowledge base, pointed at the local
fake Slack in this process, fires N signed slash commands from C concurrent clients, and
measures how long each acknowledgement took and how long until its answer reached
`response_url`. Run: `python -m benchmarks.slack_ack [--commands 20] [--concurrency 20]
[--backend embedded|server|postgres] [--processes 1]`.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from contextlib import ExitStack
from pathlib import Path

import httpx

from testkit.chroma_server import ChromaServer, free_port
from testkit.fake_slack import FakeSlack
from testkit.postgres_server import PostgresServer
from testkit.slack_requests import SIGNING_SECRET, signed_headers, slash_command

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = [
    "What is SmartMed?",
    "What are T levels?",
    "How much is the GovTech fund?",
    "What should our ICS do for the Lincolnshire strategy?",
    "What is the Healthy Ageing programme?",
]


def run(
    commands: int = 20, concurrency: int = 20, backend: str = "embedded", processes: int = 1
) -> dict:
    if backend == "embedded" and processes != 1:
        raise ValueError("the embedded store serves one process; use --backend server")
    logging.basicConfig(level=logging.WARNING, force=True)
    work = Path(tempfile.mkdtemp(prefix="lis-ack-"))
    with ExitStack() as stack:
        slack = FakeSlack().start()
        stack.callback(slack.stop)
        env = {
            **os.environ,
            "LIS_DATA_DIR": str(work / "data"),
            "KNOWLEDGE_DIR": str(ROOT / "knowledge"),
            "SLACK_BOT_TOKEN": "xoxb-bench",
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": slack.api_url,
        }
        if backend in ("server", "postgres"):
            chroma = ChromaServer(work / "chroma").start()
            stack.callback(chroma.stop)
            env.update(CHROMA_HOST="127.0.0.1", CHROMA_PORT=str(chroma.port))
        if backend == "postgres":
            postgres = PostgresServer().start()
            stack.callback(postgres.stop)
            env["DATABASE_URL"] = postgres.create_database()
        lis = [sys.executable, "-m", "bot.cli"]
        subprocess.run([*lis, "ingest", "--quiet"], env=env, check=True, cwd=ROOT)
        urls = [
            stack.enter_context(_serving(lis, _machine(env, work, backend, n)))
            for n in range(processes)
        ]
        acks, delivered = asyncio.run(_fire(urls, slack, commands, concurrency))
        per_command = Counter(c.path for c in slack.calls if c.method == "response_url")
    return {
        "backend": backend,
        "processes": processes,
        "commands": commands,
        "concurrency": concurrency,
        "ack_ms": _summary(acks),
        "answer_ms": _summary(delivered),
        "errors": commands - len(acks),
        "answers": len(delivered),
        "answered_exactly_once": sum(1 for n in per_command.values() if n == 1),
        "duplicates": sum(n - 1 for n in per_command.values() if n > 1),
    }


def _machine(env: dict[str, str], work: Path, backend: str, n: int) -> dict[str, str]:
    """With PostgreSQL, each process gets a data folder of its own, as on its own machine."""
    if backend != "postgres":
        return env
    return {**env, "LIS_DATA_DIR": str(work / f"machine-{n}")}


class _serving:
    """A `lis serve` process on a free port, for a `with` block; yields its URL."""

    def __init__(self, lis: list[str], env: dict[str, str]) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(
            [*lis, "serve", "--port", str(self.port)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def __enter__(self) -> str:
        url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                    return url
            except httpx.TransportError:
                time.sleep(0.1)
        self.__exit__()
        raise RuntimeError("lis serve did not become healthy")

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


async def _fire(urls: list[str], slack: FakeSlack, commands: int, concurrency: int):
    limit = asyncio.Semaphore(concurrency)
    servers = itertools.cycle(urls)
    acks: list[float] = []
    sent: dict[str, float] = {}

    async def one(client: httpx.AsyncClient, n: int) -> None:
        question, url = QUESTIONS[n % len(QUESTIONS)], next(servers)
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
    parser.add_argument("--backend", choices=["embedded", "server", "postgres"], default="embedded")
    parser.add_argument("--processes", type=int, default=1)
    args = parser.parse_args()
    result = run(args.commands, args.concurrency, args.backend, args.processes)
    print(
        f"{result['backend']} store, {result['processes']} lis serve: "
        f"/lis acknowledgement, {result['commands']} commands, {result['concurrency']} "
        f"concurrent: p50 {result['ack_ms']['p50']} ms, p99 {result['ack_ms']['p99']} ms "
        f"(goal p99 < 300 ms); answers delivered {result['answers']}/{result['commands']}, "
        f"p50 {result['answer_ms'].get('p50')} ms, p99 {result['answer_ms'].get('p99')} ms; "
        f"errors {result['errors']}; answered exactly once {result['answered_exactly_once']}, "
        f"duplicates {result['duplicates']}"
    )


if __name__ == "__main__":
    main()
