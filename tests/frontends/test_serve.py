"""`lis serve` as a real process: it starts, reports health, and answers signed commands."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import httpx
import pytest

from testkit.servers import wait_healthy
from testkit.slack_requests import SIGNING_SECRET, signed_headers, slash_command


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def serve(fake_slack):
    processes = []

    def start(**env) -> str:
        environment = {**os.environ, **env}
        subprocess.run(
            [sys.executable, "-m", "bot.cli", "ingest", "--quiet"],
            env=environment,
            check=True,
            timeout=120,
        )
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "serve", "--port", str(port)],
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        processes.append(process)
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url, seconds=60)
        return url

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=10)


def test_serve_answers_a_signed_slash_command(serve, fake_slack):
    url = serve(
        SLACK_BOT_TOKEN="xoxb-test",
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=fake_slack.api_url,
    )
    health = httpx.get(f"{url}/healthz").json()
    assert health["documents"] == 5 and health["chunks"] > 100
    body = slash_command("What is SmartMed?", response_url=fake_slack.response_url())
    headers = signed_headers(body, content_type="application/x-www-form-urlencoded")
    assert httpx.post(f"{url}/slack/events", content=body, headers=headers).status_code == 200
    (reply,) = fake_slack.wait_for("response_url")
    assert "Centre for Process Innovation" in str(reply["blocks"])


def test_serve_without_slack_credentials_says_so(serve):
    url = serve()
    response = httpx.post(f"{url}/slack/events", content="{}")
    assert response.status_code == 503
    assert "SLACK_SIGNING_SECRET" in response.json()["error"]
