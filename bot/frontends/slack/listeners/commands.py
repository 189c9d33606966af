"""`/lis`: questions, help, sources and the channel's area.

Slack allows three seconds for the acknowledgement, so questions are acknowledged at once
with a short private note and answered afterwards through `response_url`, privately, with
a button to share the answer in the channel.
"""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.engine.core import MAX_QUESTION_CHARS
from bot.frontends.assistant import Assistant
from bot.frontends.replies import area_reply, digest_reply, forget_reply
from bot.frontends.slack.blocks import answer_blocks, help_blocks, sources_blocks
from bot.frontends.slack.listeners.admin import admin_command
from bot.frontends.slack.listeners.deadlines import deadline_admin_reply, deadlines_reply

__all__ = ["register", "LOOKING"]

LOOKING = ":mag: Looking into it…"


def register(app: AsyncApp, assistant: Assistant) -> None:
    @app.command("/lis")
    async def lis(ack, command, respond, client) -> None:
        text = " ".join((command.get("text") or "").split())
        verb, _, rest = text.partition(" ")
        channel, user = command["channel_id"], command["user_id"]
        if verb.lower() in ("", "help"):
            await ack(blocks=help_blocks(), text="How to use LIS Assistant")
        elif verb.lower() == "sources" and not rest:
            documents = await assistant.sources()
            await ack(blocks=sources_blocks(documents), text="What the knowledge base holds")
        elif verb.lower() == "area":
            await ack(text=await area_reply(assistant, channel, rest, user))
        elif verb.lower() == "admin":
            await admin_command(assistant, client, ack, user, rest)
        elif verb.lower() == "deadlines":
            await ack(**deadlines_reply(assistant, rest, user))
        elif verb.lower() == "deadline":
            await ack(text=deadline_admin_reply(assistant, user, rest))
        elif verb.lower() == "digest":
            await ack(text=digest_reply(assistant, channel, user, rest))
        elif verb.lower() == "forget" and rest.lower() in ("", "me"):
            await ack(text=await forget_reply(assistant, user, rest))
        elif len(text) > MAX_QUESTION_CHARS:
            await ack(
                text=f"That question is {len(text):,} characters long; please keep it "
                f"under {MAX_QUESTION_CHARS:,} and ask one thing at a time."
            )
        else:
            await ack(text=LOOKING)
            reply = await assistant.ask(text, conversation=channel, user=user)
            if reply.answer is None:
                await respond(text=reply.error, response_type="ephemeral", replace_original=True)
            else:
                await respond(
                    blocks=answer_blocks(reply.answer, reply.answer_id, shareable=True),
                    text=reply.answer.answer[:3000],
                    response_type="ephemeral",
                    replace_original=True,
                )
