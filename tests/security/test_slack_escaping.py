"""Item 2: nothing from a document or a question reaches Slack as a mention or a link
with a misleading label: answers, fallback (notification) text, shared answers and the
admin log, checked in every call the bot makes to the fake Slack API."""

from __future__ import annotations

import json
import re

import pytest

from bot.frontends.slack.blocks import FEEDBACK_UP, SHARE
from tests.slack_client import (
    button_value,
    final_update,
    mention,
    post_action,
    post_command,
    post_event,
)

pytestmark = pytest.mark.security

DOCUMENT = """# Wessex quantum health portal

The Wessex quantum health portal is where NHS trusts register for the Wessex quantum \
programme, through the [official NHS portal](http://evil.example/phish) <!channel>.

The Wessex quantum health portal opens in March for every trust <!here> and <@U0EVIL>, \
see <http://evil.example/login|the NHS login page>.
"""
QUESTION = "What is the Wessex quantum health portal? <!here> <@U0EVIL2>"
# What must never reach Slack unescaped: broadcasts, mentions of others, labelled links
# to the attacker's site.
DANGEROUS = [
    re.compile(r"<!channel>"),
    re.compile(r"<!here>"),
    re.compile(r"<@U0EVIL"),
    re.compile(r"<https?://evil\.example[^>]*>"),
    re.compile(r"<https?://evil\.example[^>]*\|"),
]


def unsafe(fake_slack) -> list[str]:
    found = []
    for call in fake_slack.calls:
        text = json.dumps(call.payload, ensure_ascii=False)
        found += [f"{call.method}: {p.pattern}" for p in DANGEROUS if p.search(text)]
    return found


@pytest.fixture
def poisoned(admin_server, fake_slack, site):
    """The admin server with a hostile document ingested from a web site."""
    site.pages["/wessex.txt"] = (DOCUMENT, "text/plain")
    post_command(admin_server, fake_slack, f"admin ingest {site.url}/wessex.txt", user="U0ADMIN")
    assert "1 added" in final_update(fake_slack)
    return admin_server


def test_no_document_or_question_text_reaches_slack_unescaped(poisoned, fake_slack):
    # A private answer to a slash command, through response_url.
    post_command(poisoned, fake_slack, QUESTION, timeout=30)
    (reply,) = fake_slack.wait_for("response_url", timeout=30)
    assert "Wessex quantum" in json.dumps(reply)
    # Shared in the channel: the question is shown with it.
    post_action(poisoned, fake_slack, SHARE, button_value(reply, SHARE), timeout=30)
    fake_slack.wait_for("response_url", 3, timeout=30)
    post_action(poisoned, fake_slack, FEEDBACK_UP, button_value(reply, FEEDBACK_UP))
    # A mention, answered by chat.update with a fallback `text`.
    post_event(poisoned, mention(QUESTION, ts="1700000300.000100"), "Ev0POISON")
    updates = len(fake_slack.of("chat.update"))
    fake_slack.wait_for("chat.update", updates + 1, timeout=30)
    # A non-admin's refused admin command, then an admin reading the log.
    refused = "admin ingest <http://evil.example/x|official NHS portal> <!here> <@U0EVIL3>"
    post_command(poisoned, fake_slack, refused, user="U0ALICE")
    log = post_command(poisoned, fake_slack, "admin log", user="U0ADMIN")
    assert "U0ALICE" in log.text

    assert unsafe(fake_slack) == [], unsafe(fake_slack)
    everything = " ".join(json.dumps(c.payload, ensure_ascii=False) for c in fake_slack.calls)
    everything += log.text
    # The content is still shown, as text: the link's address is visible beside its label.
    assert "official NHS portal (http://evil.example/phish)" in everything
    assert "&lt;!channel&gt;" in everything or "&lt;!here&gt;" in everything


def test_fallback_text_of_every_answer_is_escaped(poisoned, fake_slack):
    post_event(poisoned, mention(QUESTION, ts="1700000400.000100"), "Ev0POISON2")
    before = len(fake_slack.of("chat.update"))
    (*_, update) = fake_slack.wait_for("chat.update", before + 1, timeout=30)
    assert "Wessex quantum" in update["text"]
    assert not any(p.search(update["text"]) for p in DANGEROUS), update["text"]
    assert "[official NHS portal]" not in update["text"]
