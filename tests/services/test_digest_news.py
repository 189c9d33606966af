"""The digest's second section: documents added or updated since the channel's last
digest, so an admin's ingest reaches people the next morning, once."""

from __future__ import annotations

from datetime import timedelta

from bot.frontends.slack.app import build_web_client
from bot.frontends.slack.digest import slack_sender
from bot.services.digest import london_today, post_digests
from bot.settings import get_settings

DOCUMENT = b"# Zephyrton Health Growth Plan\n\nZephyrton will open a medtech incubator in 2027.\n"


def test_a_document_an_admin_adds_today_is_in_tomorrows_digest_once(admin_server, fake_slack):
    assistant = admin_server.assistant
    assistant.admin.sync.refresh()  # as the server does when it starts
    assistant.deadlines.subscribe("C0NEWS", always=False, by="U0ALICE")
    assistant.admin.stage_upload("F0ZEPH", "zephyrton.md", DOCUMENT, "U0ADMIN")
    meta = {"title": "Zephyrton Health Growth Plan", "publisher": "Zephyrton LEP"}
    assert not assistant.admin.add_upload("F0ZEPH", meta, "U0ADMIN", progress=print).failed

    settings = get_settings(slack_bot_token="xoxb-t", slack_api_url=fake_slack.api_url)
    send = slack_sender(build_web_client(settings))
    tomorrow = london_today() + timedelta(days=1)
    assert post_digests(assistant.deadlines, send, tomorrow, []) == {"C0NEWS": "sent"}
    (post,) = fake_slack.of("chat.postMessage")
    blocks = str(post["blocks"])
    assert "New in the knowledge base" in blocks
    assert "Zephyrton Health Growth Plan (Zephyrton LEP), added by <@U0ADMIN>" in blocks

    # The next morning it is no longer news: nothing else is due, so nothing is posted.
    later = tomorrow + timedelta(days=1)
    assert post_digests(assistant.deadlines, send, later, []) == {"C0NEWS": "skipped: nothing due"}


def test_the_knowledge_base_as_installed_is_not_news(admin_server, fake_slack):
    deadlines = admin_server.assistant.deadlines
    admin_server.assistant.admin.sync.refresh()
    assert deadlines.changes_since("2000-01-01T00:00:00") == []
