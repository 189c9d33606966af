"""Admin commands in Teams, end to end: Activity JSON to /api/messages, replies to the
fake connector; admins are the Entra object ids in TEAMS_ADMIN_IDS."""

from __future__ import annotations

import pytest

from bot.frontends.commands import NOT_ADMIN
from testkit.servers import PageServer
from tests.fake_teams import USER, card_submit_activity, message_activity
from tests.frontends.teams.conftest import ADMIN
from tests.frontends.teams.test_teams import send

PAGE = (
    "<html><head><title>Dorset LIS</title></head><body><main><h1>Dorset local industrial "
    "strategy refresh</h1><p>The Dorset refresh makes the Bournemouth Quayside health "
    "innovation zone its first priority for NHS partners.</p></main></body></html>"
)


@pytest.fixture
def site():
    """A local web server publishing one document."""
    server = PageServer({"/dorset-lis": (PAGE, "text/html")})
    server.start()
    yield server
    server.stop()


def say(server, connector, text: str, sender: dict = ADMIN) -> list[dict]:
    """Send `text` in a 1:1 chat; the messages the bot sent in reply to it."""
    before = len(connector.messages())
    send(server, message_activity(connector.url, text, sender=sender))
    return connector.wait_for_messages(before + 1)[before:]


def test_an_admin_ingests_a_web_page_with_progress_in_one_updated_message(
    teams_admin_server, fake_connector, site
):
    url = f"{site.url}/dorset-lis"
    (started,) = say(teams_admin_server, fake_connector, f"admin ingest {url}")
    assert started["text"].startswith("⏳ Ingest") and "waiting" in started["text"]
    updates = fake_connector.updates
    assert updates and all(u["id"] == updates[0]["id"] for u in updates)  # one message
    assert any("Starting" in u["text"] for u in updates)
    assert updates[-1]["text"].startswith("✅") and "1 added" in updates[-1]["text"]
    answer = say(teams_admin_server, fake_connector, "What is Dorset's first priority?", USER)
    assert "Bournemouth Quayside" in answer[0]["text"]
    (entry, *_) = teams_admin_server.assistant.state.audit_entries()
    assert (entry["user_id"], entry["action"], entry["target"]) == (ADMIN["id"], "ingest", url)


@pytest.mark.parametrize(
    "text",
    [
        "admin ingest https://lep.example.org/lis",
        "admin reingest",
        "admin remove lis-dorset",
        "admin sources",
        "admin log",
        "deadline add 2026-12-15 Dorset consultation closes",
        "deadline remove dl-1",
    ],
)
def test_anyone_else_is_refused_politely_and_the_attempt_is_audited(
    teams_admin_server, fake_connector, text
):
    (reply,) = say(teams_admin_server, fake_connector, text, USER)
    assert reply["text"] == NOT_ADMIN
    (entry,) = teams_admin_server.assistant.state.audit_entries()
    assert entry["user_id"] == USER["id"] and entry["result"] == "refused: not an admin"
    assert fake_connector.updates == []


def test_a_slack_admin_id_or_a_teams_user_id_is_not_a_teams_admin(
    teams_admin_server, fake_connector
):
    impostor = {**USER, "id": ADMIN["id"], "aadObjectId": "29:anna-admin"}
    (reply,) = say(teams_admin_server, fake_connector, "admin sources", impostor)
    assert reply["text"] == NOT_ADMIN


def test_an_admin_lists_sources_reads_the_log_and_manages_deadlines(
    teams_admin_server, fake_connector
):
    (sources,) = say(teams_admin_server, fake_connector, "admin sources")
    assert "**Knowledge base**" in sources["text"] and "chunks" in sources["text"]
    (added,) = say(
        teams_admin_server, fake_connector, "deadline add 2026-12-15 Dorset consultation closes"
    )
    assert added["text"].startswith("Added `") and "Tuesday 15 December 2026" in added["text"]
    deadline_id = added["text"].split("`")[1]
    (listed,) = say(teams_admin_server, fake_connector, "deadlines 366")
    assert deadline_id in listed["text"]
    (removed,) = say(teams_admin_server, fake_connector, f"deadline remove {deadline_id}")
    assert removed["text"].startswith(f"Removed `{deadline_id}`")
    (log,) = say(teams_admin_server, fake_connector, "admin log")
    assert "deadline add" in log["text"] and "deadline remove" in log["text"]


def test_removing_a_document_asks_on_a_card_and_checks_the_admin_again(
    teams_admin_server, fake_connector
):
    documents = teams_admin_server.assistant.admin.sources()
    target = documents[0]
    (card,) = say(teams_admin_server, fake_connector, f"admin remove {target.doc_id}")
    content = card["attachments"][0]["content"]
    assert target.title in content["body"][0]["text"]
    remove, cancel = content["actions"]
    assert (remove["title"], cancel["title"]) == ("Remove", "Cancel")
    press = card_submit_activity(fake_connector.url, remove["data"], "bot-message-1", USER)
    send(teams_admin_server, press)
    assert fake_connector.wait_for_messages(2)[1]["text"] == NOT_ADMIN
    assert len(teams_admin_server.assistant.admin.sources()) == len(documents)
    send(teams_admin_server, {**press, "from": ADMIN})
    done = fake_connector.wait_for_messages(3)[2]
    assert done["text"].startswith(f"Removed `{target.doc_id}`")
    assert target.doc_id not in {d.doc_id for d in teams_admin_server.assistant.admin.sources()}
    actions = [e["action"] for e in teams_admin_server.assistant.state.audit_entries()]
    assert actions == ["remove", "remove"]  # the removal, then the refused press
