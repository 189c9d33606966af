"""Microsoft Teams end to end: Activity JSON to /api/messages, replies to a fake connector."""

from __future__ import annotations

import re
import time

import httpx
import pytest

from bot.frontends.assistant import SORRY
from bot.frontends.commands import NOT_ADMIN
from tests.fake_teams import (
    BOT,
    USER,
    feedback_activity,
    installation_activity,
    members_added_activity,
    message_activity,
)


def send(server, activity: dict, headers: dict | None = None) -> httpx.Response:
    return httpx.post(
        f"{server.url}/api/messages", json=activity, headers=headers or {}, timeout=30
    )


def test_a_one_to_one_question_is_answered_with_citations_and_contacts(
    teams_server, fake_connector
):
    activity = message_activity(
        fake_connector.url, "What should our ICS do for the Lincolnshire strategy?"
    )
    assert send(teams_server, activity).status_code in (200, 202)
    (reply,) = fake_connector.wait_for_messages()
    assert any(a["type"] == "typing" for a in fake_connector.activities)
    assert fake_connector.paths[-1] == f"/v3/conversations/a:1on1-alice/activities/{activity['id']}"
    assert reply["replyToId"] == activity["id"]
    assert "[1]" in reply["text"] and "**Who to contact**" in reply["text"]
    assert "Dean Fathers" in reply["text"] and "michael.wood@nhsconfed.org" in reply["text"]
    (entity,) = [e for e in reply["entities"] if e.get("@type") == "Message"]
    citation = entity["citation"][0]
    assert citation["@type"] == "Claim" and citation["position"] == 1
    assert citation["appearance"]["name"] == "Health in all local industrial strategies?"
    assert len(citation["appearance"]["abstract"]) <= 160
    assert "additionalType" not in entity  # quoted, not generated: no AI label
    assert reply["channelData"]["feedbackLoopEnabled"] is True


def test_every_citation_number_opens_the_passage_it_follows(teams_server, fake_connector):
    question = "How can NHS organisations influence their local industrial strategy?"
    send(teams_server, message_activity(fake_connector.url, question))
    (reply,) = fake_connector.wait_for_messages()
    (entity,) = reply["entities"]
    cards = {c["position"]: c["appearance"] for c in entity["citation"]}
    answer = reply["text"].split("**Who to contact**")[0]
    claims = {
        int(n): claim
        for line in answer.strip().splitlines()
        for claim, n in re.findall(r"(.+?) \[(\d+)\]\s*", line.removeprefix("• "))
    }
    used = re.findall(r"\[(\d+)\]", answer)
    assert len(used) >= 2 and len(used) == len(claims) == len(cards)  # one number, one use
    for n, claim in claims.items():
        card_text = cards[n]["text"]
        # the card holds its sentence (a list's items with their bullets, as quoted)
        as_quoted = " ".join(card_text.replace("• ", "").split())
        assert claim[1:60] in as_quoted, (n, claim, card_text)
        assert cards[n]["abstract"].rstrip("…") in card_text.replace("“", "")
        assert cards[n]["name"] in card_text


def test_each_point_is_a_paragraph_of_its_own(teams_server, fake_connector):
    """Teams joins lines that a single line break separates, and turns [n] into a
    citation only in paragraph text (not in a Markdown list item)."""
    question = "What should our ICS do for the Lincolnshire strategy?"
    send(teams_server, message_activity(fake_connector.url, question))
    (reply,) = fake_connector.wait_for_messages()
    answer = reply["text"].split("**Who to contact**")[0].strip()
    paragraphs = answer.split("\n\n")
    assert "\n" not in answer.replace("\n\n", "")  # no single line breaks
    points = [p for p in paragraphs if p.startswith("• ")]
    assert len(points) >= 2 and all(p.count("•") == 1 for p in points)
    assert not any(p.startswith(("- ", "* ")) for p in paragraphs)


def test_a_short_question_with_its_own_subject_is_not_read_as_a_follow_up(
    teams_server, fake_connector
):
    ask = "What should our ICS do for the Lincolnshire strategy?"
    send(teams_server, message_activity(fake_connector.url, ask))
    send(teams_server, message_activity(fake_connector.url, "What is SmartMed?"))
    first, second = fake_connector.wait_for_messages(2)
    assert "Lincolnshire" in first["text"]
    assert "SmartMed" in second["text"]
    answer, contacts = second["text"].split("**Who to contact**")
    assert "Lincolnshire" not in answer and "Greater Lincolnshire" not in contacts
    send(teams_server, message_activity(fake_connector.url, "Who should we talk to?"))
    third = fake_connector.wait_for_messages(3)[2]
    assert "Greater Lincolnshire" not in third["text"]  # leans on the one before: SmartMed


def test_in_a_channel_only_mentions_are_answered(teams_server, fake_connector):
    send(
        teams_server,
        message_activity(
            fake_connector.url,
            "What is SmartMed?",
            conversation_type="channel",
            conversation_id="19:team-channel;messageid=1",
        ),
    )
    time.sleep(0.5)
    assert fake_connector.messages() == []
    send(
        teams_server,
        message_activity(
            fake_connector.url,
            "What is SmartMed?",
            mention=True,
            conversation_type="channel",
            conversation_id="19:team-channel;messageid=1",
        ),
    )
    (reply,) = fake_connector.wait_for_messages()
    assert "Centre for Process Innovation" in reply["text"]
    assert "<at>" not in reply["text"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("help", "**LIS Assistant** answers questions"),
        ("sources", "The knowledge base holds 5 documents"),
        ("area Exeter", "Heart of the South West Local Enterprise Partnership"),
        ("admin ingest https://example.org/x", NOT_ADMIN),
    ],
)
def test_commands(teams_server, fake_connector, text, expected):
    send(teams_server, message_activity(fake_connector.url, text))
    (reply,) = fake_connector.wait_for_messages()
    assert expected in reply["text"]


def test_the_chat_area_is_used_for_contacts(teams_server, fake_connector):
    send(teams_server, message_activity(fake_connector.url, "area Dorset"))
    send(teams_server, message_activity(fake_connector.url, "How can trusts get involved?"))
    reply = fake_connector.wait_for_messages(2)[1]
    assert "Lorna Carver" in reply["text"]


def test_feedback_is_stored_with_the_question_and_comment(teams_server, fake_connector):
    send(teams_server, message_activity(fake_connector.url, "What are T levels?"))
    fake_connector.wait_for_messages()
    like = feedback_activity(fake_connector.url, "bot-message-2", "like", comment="Clear")
    assert send(teams_server, like).status_code == 200
    (stored,) = teams_server.assistant.state.feedback()
    assert (stored["rating"], stored["source"], stored["question"], stored["comment"]) == (
        1,
        "teams",
        "What are T levels?",
        "Clear",
    )


def test_feedback_without_reply_to_id_goes_to_the_persons_latest_answer(
    teams_server, fake_connector
):
    send(teams_server, message_activity(fake_connector.url, "What are T levels?"))
    send(teams_server, message_activity(fake_connector.url, "What is SmartMed?"))
    fake_connector.wait_for_messages(2)
    dislike = feedback_activity(fake_connector.url, None, "dislike", comment="Too long")
    assert send(teams_server, dislike).status_code == 200
    (stored,) = teams_server.assistant.state.feedback()
    assert (stored["rating"], stored["question"], stored["comment"]) == (
        -1,
        "What is SmartMed?",
        "Too long",
    )


def test_installing_the_app_sends_one_welcome_card(teams_server, fake_connector):
    send(teams_server, installation_activity(fake_connector.url))
    send(teams_server, members_added_activity(fake_connector.url, BOT))
    send(teams_server, members_added_activity(fake_connector.url, USER))
    welcome, prompts = fake_connector.wait_for_messages(2)
    time.sleep(0.5)
    assert len(fake_connector.messages()) == 2  # once, however many install events arrive
    (card,) = welcome["attachments"]
    assert card["contentType"] == "application/vnd.microsoft.card.adaptive"
    body = " ".join(block["text"] for block in card["content"]["body"])
    assert "local industrial strategies" in body and "area Exeter" in body
    # The examples again as suggested replies for the person who installed the app.
    suggested = prompts["suggestedActions"]
    questions = [action["value"] for action in suggested["actions"]]
    assert len(questions) == 3 and all(q.endswith("?") and q in body for q in questions)
    assert {a["type"] for a in suggested["actions"]} == {"imBack"}
    assert suggested["to"] == [USER["id"]]


def test_an_engine_error_becomes_a_friendly_reply(teams_server, fake_connector, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("secret stack detail")

    monkeypatch.setattr(teams_server.assistant.engine, "ask", broken)
    send(teams_server, message_activity(fake_connector.url, "What is SmartMed?"))
    (reply,) = fake_connector.wait_for_messages()
    assert reply["text"] == SORRY
    assert "secret" not in reply["text"]


def test_slack_and_teams_share_the_engine_and_cite_the_same_sources(
    teams_server, fake_connector, slack_server, fake_slack
):
    from tests.slack_client import post_command

    question = "What is the National Innovation Centre for Ageing?"
    send(teams_server, message_activity(fake_connector.url, question))
    teams_reply = fake_connector.wait_for_messages()[0]
    teams_sources = [c["appearance"]["name"] for c in teams_reply["entities"][0]["citation"]]
    post_command(slack_server, fake_slack, question)
    slack_reply = fake_slack.wait_for("response_url")[0]
    sources_block = next(
        b["text"]["text"]
        for b in slack_reply["blocks"]
        if b.get("text", {}).get("text", "").startswith("*Sources*")
    )
    for name in teams_sources:
        assert name in sources_block


def test_requests_without_a_valid_token_are_rejected_when_anonymous_access_is_off(
    engine, tmp_path, fake_connector
):
    from bot.frontends.assistant import Assistant
    from bot.frontends.server import build_web_app
    from bot.services.state import StateStore
    from bot.settings import get_settings
    from testkit.servers import BackgroundServer

    settings = get_settings(
        client_id="00000000-0000-0000-0000-000000000001",
        client_secret="not-a-real-secret",
        tenant_id="tenant-nhs",
        lis_data_dir=tmp_path,
    )
    server = BackgroundServer(
        build_web_app(settings, Assistant(engine, StateStore(tmp_path / "s.sqlite3")))
    )
    server.start()
    try:
        activity = message_activity(fake_connector.url, "What is SmartMed?")
        assert send(server, activity).status_code == 401
        forged = send(server, activity, {"Authorization": "Bearer not.a.jwt"})
        assert forged.status_code == 401
        assert "Traceback" not in forged.text
    finally:
        server.stop()
    assert fake_connector.activities == []


def test_teams_is_off_without_configuration(slack_server):
    response = httpx.post(f"{slack_server.url}/api/messages", json={})
    assert response.status_code == 503 and "CLIENT_ID" in response.json()["error"]


def test_a_teams_chat_that_opted_in_gets_the_digest_proactively(
    teams_server, fake_connector, tmp_path
):
    from datetime import date

    from bot.services.deadlines import Deadline
    from bot.settings import get_settings
    from bot.wiring import digest_once, digest_sender

    send(teams_server, message_activity(fake_connector.url, "digest on"))
    assert "will get the deadline digest" in fake_connector.wait_for_messages()[0]["text"]
    stored = teams_server.assistant.state.reference("teams:a:1on1-alice")
    assert "a:1on1-alice" in stored and USER["id"] not in stored  # who asked is not kept
    teams_server.assistant.deadlines.add(
        Deadline(
            id="dl1",
            title="Somerset call for evidence closes",
            due=date(2026, 11, 25),
            kind="Call for evidence",
            area="Heart of the South West",
            url=None,
            source="admin",
        )
    )
    settings = get_settings(teams_anonymous_allowed=True, lis_data_dir=tmp_path / "data")
    outcomes = digest_once(settings, digest_sender(settings), day=date(2026, 11, 21))
    assert outcomes == {"teams:a:1on1-alice": "sent"}
    digest = fake_connector.wait_for_messages(2)[1]
    assert fake_connector.paths[-1].startswith("/v3/conversations/a:1on1-alice/activities")
    assert "Somerset call for evidence closes" in digest["text"]
    assert "Wed 25 Nov (in 4 days)" in digest["text"]
