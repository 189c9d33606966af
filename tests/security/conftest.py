"""Fixtures for the attack suite: a local web site that publishes what a test wants, and
helpers that wait for what the bot sends to the fake Slack."""

from __future__ import annotations

import pytest
from aiohttp import web

from testkit.servers import BackgroundServer


@pytest.fixture
def site():
    """A local web server; tests put pages in `site.pages[path] = (body, content type)`."""
    pages: dict[str, tuple[str | bytes, str]] = {}

    async def page(request):
        body, content_type = pages[request.path]
        if isinstance(body, bytes):
            return web.Response(body=body, content_type=content_type)
        return web.Response(text=body, content_type=content_type)

    app = web.Application()
    app.router.add_get("/{name}", page)
    server = BackgroundServer(app)
    server.start()
    server.pages = pages
    yield server
    server.stop()
