"""The gaps report's "Ingest a document" button: a form for a web address, then the
shared `admin ingest` (`bot.frontends.commands`), with its checks, audit and progress DM.

Both the click and the form's submission are checked against the admins: the button
sits in an admin's DM, but a request can be made by anyone who can send one.
"""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.frontends.assistant import Assistant
from bot.frontends.commands import AdminJob, Command, Where, answer_command, refuse
from bot.frontends.slack.gaps import GAPS_INGEST, GAPS_INGEST_MODAL, ingest_modal
from bot.frontends.slack.listeners.admin import run_job
from bot.frontends.slack.safe import plain
from bot.services.admin import web_address

__all__ = ["register"]

_NOT_A_WEB_ADDRESS = "Give a web address starting with http:// or https://."


def register(app: AsyncApp, assistant: Assistant) -> None:
    @app.action(GAPS_INGEST)
    async def open_form(ack, body, client) -> None:
        await ack()
        user = body["user"]["id"]
        if not assistant.is_admin(user):
            await client.chat_postMessage(channel=user, text=refuse(assistant, user, "ingest"))
            return
        await client.views_open(trigger_id=body["trigger_id"], view=ingest_modal())

    @app.view(GAPS_INGEST_MODAL)
    async def ingest(ack, body, view, client) -> None:
        user = body["user"]["id"]
        url = (view["state"]["values"]["url"]["value"].get("value") or "").strip()
        if not assistant.is_admin(user):
            await ack(response_action="errors", errors={"url": refuse(assistant, user, "ingest")})
            return
        if web_address(url) is None:
            await ack(response_action="errors", errors={"url": _NOT_A_WEB_ADDRESS})
            return
        await ack()
        command = Command("admin", f"ingest {url}")
        result = await answer_command(assistant, command, Where(user, user))
        if isinstance(result, AdminJob):
            await run_job(client, user, result)
        else:
            await client.chat_postMessage(channel=user, text=plain(result.text))
