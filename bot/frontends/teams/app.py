"""POST /api/messages: an Agents SDK AgentApplication behind the shared aiohttp server.

Production validates the Bot Framework JWT on every request with CLIENT_ID, CLIENT_SECRET
and TENANT_ID (the app registration of the Azure bot). Anonymous requests are accepted
only when explicitly allowed for local development
(CONNECTIONS__SERVICE_CONNECTION__SETTINGS__ANONYMOUS_ALLOWED=true), and then only from
a client on this machine: the bot posts its replies to the activity's `serviceUrl`, so
without a token to vouch for it, that address must be loopback (the Agents Playground,
the tests' fake connector), or anyone could make the bot post to any address. A body
that is not a JSON object is a 400, not a server error.
"""

from __future__ import annotations

import ipaddress
import json
import logging
from urllib.parse import urlparse

from aiohttp import web
from microsoft_agents.authentication.msal import MsalConnectionManager
from microsoft_agents.hosting.aiohttp import CloudAdapter, start_agent_process
from microsoft_agents.hosting.core import (
    AgentApplication,
    Authorization,
    MemoryStorage,
    TurnState,
)

from bot.frontends.assistant import Assistant
from bot.frontends.teams.handlers import register_handlers
from bot.settings import Settings

__all__ = ["TeamsEndpoint", "sdk_configuration"]

log = logging.getLogger(__name__)


def sdk_configuration(settings: Settings) -> dict:
    """The Agents SDK's configuration, built from our settings."""
    connection = {
        "CLIENTID": settings.client_id,
        "CLIENTSECRET": settings.client_secret.get_secret_value()
        if settings.client_secret
        else None,
        "TENANTID": settings.tenant_id,
        "ANONYMOUS_ALLOWED": settings.teams_anonymous_allowed,
    }
    settings_block = {key: value for key, value in connection.items() if value}
    return {
        "AGENTAPPLICATION": {},
        "CONNECTIONSMAP": [],
        "CONNECTIONS": {"SERVICE_CONNECTION": {"SETTINGS": settings_block}},
    }


class TeamsEndpoint:
    """The AgentApplication, its adapter and the JWT configuration for /api/messages."""

    def __init__(self, settings: Settings, assistant: Assistant) -> None:
        config = sdk_configuration(settings)
        storage = MemoryStorage()
        self.connections = MsalConnectionManager(**config)
        self.adapter = CloudAdapter(connection_manager=self.connections)
        self.app = AgentApplication[TurnState](
            storage=storage,
            adapter=self.adapter,
            authorization=Authorization(storage, self.connections, **config),
            **config,
        )
        register_handlers(self.app, assistant, settings.teams_admin_object_ids)
        self.anonymous = settings.teams_anonymous_allowed and not settings.client_id

    @property
    def auth_configuration(self):
        return self.connections.get_default_connection_configuration()

    async def handle(self, request: web.Request) -> web.Response:
        try:
            activity = json.loads(await request.text())
        except ValueError:
            activity = None
        if not isinstance(activity, dict):
            return web.json_response({"error": "expected an activity (a JSON object)"}, status=400)
        if self.anonymous and not _loopback(activity.get("serviceUrl")):
            log.warning("refused an anonymous Teams request: serviceUrl is not on this machine")
            return web.json_response(
                {"error": "without a token, only a client on this machine is answered"},
                status=403,
            )
        return await start_agent_process(request, self.app, self.adapter)


def _loopback(url) -> bool:
    """True for an http(s) address on this machine (localhost, 127.0.0.0/8, ::1)."""
    try:
        parsed = urlparse(url) if isinstance(url, str) else None
        host = parsed.hostname if parsed and parsed.scheme in ("http", "https") else None
        return bool(host) and (host == "localhost" or ipaddress.ip_address(host).is_loopback)
    except ValueError:
        return False
