"""Messages the assistant starts in Teams (the morning digest), from a stored reference.

Teams lets a bot post into a conversation it has been part of, using the conversation
reference saved when someone there said `digest on`.
"""

from __future__ import annotations

import asyncio

from microsoft_agents.activity import ConversationReference
from microsoft_agents.authentication.msal import MsalConnectionManager
from microsoft_agents.hosting.aiohttp import CloudAdapter
from microsoft_agents.hosting.core import ClaimsIdentity

from bot.frontends.teams.app import sdk_configuration
from bot.frontends.teams.render import digest_activity
from bot.services.digest import Digest
from bot.services.state import StateStore
from bot.settings import Settings

__all__ = ["teams_sender"]


def teams_sender(settings: Settings, state: StateStore):
    """Send a digest to a Teams conversation ("teams:<id>") through its stored reference."""
    adapter = CloudAdapter(connection_manager=MsalConnectionManager(**sdk_configuration(settings)))
    app_id = settings.client_id or ""

    def send(conversation: str, digest: Digest) -> None:
        stored = state.reference(conversation)
        if stored is None:
            raise LookupError(f"no Teams conversation reference for {conversation}")
        reference = ConversationReference.model_validate_json(stored)

        async def post(context) -> None:
            await context.send_activity(digest_activity(digest))

        activity = reference.get_continuation_activity()
        if settings.client_id:
            asyncio.run(adapter.continue_conversation(app_id, activity, post))
        else:  # anonymous local development: there is no token to present
            claims = ClaimsIdentity()
            asyncio.run(adapter.continue_conversation_with_claims(claims, activity, post))

    return send
