"""Fixtures for the attack suite: a local web site that publishes what a test wants, and
helpers that wait for what the bot sends to the fake Slack."""

from __future__ import annotations

import pytest

from testkit.servers import PageServer


@pytest.fixture
def site():
    """A local web server; tests put pages in `site.pages[path] = (body, content type)`."""
    server = PageServer()
    server.start()
    yield server
    server.stop()
