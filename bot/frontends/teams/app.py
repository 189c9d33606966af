"""POST /api/messages: an Agents SDK AgentApplication behind the shared aiohttp server.

Production validates the Bot Framework JWT on every request with CLIENT_ID, CLIENT_SECRET
and TENANT_ID (the app registration of the Azure bot). Anonymous requests are accepted
only when explicitly allowed for local development
(CONNECTIONS__SERVICE_CONNECTION__SETTINGS__ANONYMOUS_ALLOWED=true).
"""

from __future__ import annotations

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
        register_handlers(self.app, assistant)

    @property
    def auth_configuration(self):
        return self.connections.get_default_connection_configuration()

    async def handle(self, request: web.Request) -> web.Response:
        return await start_agent_process(request, self.app, self.adapter)
