"""Download a file an admin shared with the bot in Slack, for "Add to knowledge base".

Slack serves shared files only with the bot token (and the `files:read` scope), and only
from its own file hosts: the token is never sent anywhere else.
"""

from __future__ import annotations

from urllib.parse import urlparse

from ingest.errors import IngestError
from ingest.fetch import fetch_url

__all__ = ["download_shared_file"]


def download_shared_file(file: dict, token: str, api_url: str, max_bytes: int) -> bytes:
    """The file's bytes, fetched from Slack with the bot token."""
    url = file.get("url_private_download") or file.get("url_private") or ""
    hosts = {"files.slack.com", urlparse(api_url).hostname or ""}
    if urlparse(url).hostname not in hosts:
        raise IngestError("that file is not stored by Slack")
    fetched = fetch_url(
        url, headers={"Authorization": f"Bearer {token}"}, allow_private=True, max_bytes=max_bytes
    )
    return fetched.data
