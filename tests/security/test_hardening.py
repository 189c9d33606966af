"""Item 11: private state files, quiet logs for refused requests, short secrets masked,
Teams anonymous mode answering only a local emulator, and honest size limits."""

from __future__ import annotations

import logging
import stat

import httpx
import pytest

from bot.logs import MASK, SecretsFilter
from bot.services.state import StateStore
from bot.settings import get_settings
from testkit.slack_requests import slash_command
from tests.fake_teams import message_activity
from tests.slack_client import FORM, final_update, post_command

pytestmark = pytest.mark.security


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_state_files_are_readable_by_their_owner_only(tmp_path):
    data = tmp_path / "new-data"
    store = StateStore.in_data_dir(data)
    store.audit("U0ADMIN", "test", None, "ok")  # write, so the WAL files exist too
    assert mode(data) == 0o700
    files = [p for p in data.iterdir() if p.name.startswith("state.sqlite3")]
    assert files and all(mode(p) == 0o600 for p in files), {p.name: oct(mode(p)) for p in files}


def test_an_existing_state_file_is_made_private(tmp_path):
    path = tmp_path / "state.sqlite3"
    path.touch(mode=0o644)
    path.chmod(0o644)
    StateStore(path)
    assert mode(path) == 0o600


@pytest.fixture
def verbose(caplog):
    """`lis serve -v`: INFO and up, set before the server (and its loggers) is built."""
    caplog.set_level(logging.DEBUG)
    return caplog


def test_bodies_of_refused_slack_requests_are_not_logged(verbose, slack_server, fake_slack):
    caplog = verbose
    body = slash_command("SECRET-QUESTION-MARKER", response_url=fake_slack.response_url())
    response = httpx.post(
        f"{slack_server.url}/slack/events",
        content=body,
        headers={
            "Content-Type": FORM,
            "X-Slack-Signature": "v0=00",
            "X-Slack-Request-Timestamp": "1",
        },
    )
    assert response.status_code == 401
    assert "SECRET-QUESTION-MARKER" not in caplog.text
    assert "legacy-verification-token" not in caplog.text


@pytest.mark.parametrize("secret", ["abc", "pa55", "s3cr3t!"])
def test_short_secrets_are_masked_too(secret):
    record = logging.LogRecord("t", logging.WARNING, __file__, 1, "key=%s", (secret,), None)
    SecretsFilter([secret, ""]).filter(record)
    assert record.getMessage() == f"key={MASK}"


@pytest.mark.parametrize(
    "service_url",
    [
        "http://evil.example.org/",
        "https://smba.trafficmanager.net.evil.example.org/",
        "http://10.1.2.3/",
    ],
)
def test_anonymous_teams_replies_only_to_a_local_emulator(
    teams_server, fake_connector, service_url
):
    activity = message_activity(service_url, "What is SmartMed?")
    response = httpx.post(f"{teams_server.url}/api/messages", json=activity, timeout=30)
    assert response.status_code in (400, 403)
    # The local connector still works.
    ok = httpx.post(
        f"{teams_server.url}/api/messages",
        json=message_activity(fake_connector.url, "What is SmartMed?"),
        timeout=30,
    )
    assert ok.status_code in (200, 202)


@pytest.mark.parametrize("body", ["[]", "null", "[1, 2]", '"text"', "42", "{not json"])
def test_teams_bodies_that_are_not_an_activity_get_400(teams_server, body):
    response = httpx.post(
        f"{teams_server.url}/api/messages",
        content=body,
        headers={"Content-Type": "application/json"},
        timeout=30,
    )
    assert response.status_code == 400


def test_too_large_says_the_configured_limit(admin_server, fake_slack, site):
    admin = admin_server.assistant.admin
    admin.settings = admin.settings.model_copy(update={"ingest_max_mb": 25})
    assert get_settings(ingest_max_mb=25).fetch_policy.max_bytes == 25_000_000
    site.pages["/big.pdf"] = (b"%PDF-1.4\n" + b"0" * 26_500_000, "application/pdf")
    post_command(admin_server, fake_slack, f"admin ingest {site.url}/big.pdf", user="U0ADMIN")
    final = final_update(fake_slack)
    assert "the limit is 25 MB" in final or "over the 25 MB limit" in final, final
