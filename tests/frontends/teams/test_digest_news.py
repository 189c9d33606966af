"""The digest's "new" section in Teams: a document an admin adds in Teams today is in the
chat's digest tomorrow, once."""

from __future__ import annotations

from datetime import timedelta

from aiohttp import web

from bot.services.digest import london_today
from bot.settings import get_settings
from bot.wiring import digest_once, digest_sender
from testkit.servers import BackgroundServer
from tests.frontends.teams.test_teams_admin import PAGE, say


def test_a_document_an_admin_adds_in_teams_is_in_tomorrows_teams_digest_once(
    teams_admin_server, fake_connector, tmp_path
):

    async def page(request):
        return web.Response(text=PAGE, content_type="text/html")

    app = web.Application()
    app.router.add_get("/dorset-lis", page)
    site = BackgroundServer(app)
    site.start()
    try:
        teams_admin_server.assistant.admin.sync.refresh()  # as the server does at start
        say(teams_admin_server, fake_connector, "digest on")
        say(teams_admin_server, fake_connector, f"admin ingest {site.url}/dorset-lis")
    finally:
        site.stop()
    settings = get_settings(teams_anonymous_allowed=True, lis_data_dir=tmp_path / "data")
    tomorrow = london_today() + timedelta(days=1)
    sent = len(fake_connector.messages())
    assert digest_once(settings, digest_sender(settings), day=tomorrow) == {
        "teams:a:1on1-alice": "sent"
    }
    digest = fake_connector.wait_for_messages(sent + 1)[-1]["text"]
    assert "New in the knowledge base since the last digest" in digest
    assert "Dorset local industrial strategy refresh, added by an admin" in digest
    later = tomorrow + timedelta(days=1)
    assert digest_once(settings, digest_sender(settings), day=later) == {
        "teams:a:1on1-alice": "skipped: nothing due"
    }
