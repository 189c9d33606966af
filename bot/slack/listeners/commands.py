"""`/lis`: questions, help, sources and the channel's area.

Slack allows three seconds for the acknowledgement, so questions are acknowledged at once
with a short private note and answered afterwards through `response_url`, privately, with
a button to share the answer in the channel.
"""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.assistant import Assistant
from bot.engine import MAX_QUESTION_CHARS
from bot.slack.blocks import answer_blocks, help_blocks, sources_blocks
from bot.slack.listeners.admin import admin_command
from bot.slack.listeners.deadlines import deadline_admin_reply, deadlines_reply, digest_reply

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
            await ack(text=await _area(assistant, channel, rest, user))
        elif verb.lower() == "admin":
            await admin_command(assistant, client, ack, user, rest)
        elif verb.lower() == "deadlines":
            await ack(**deadlines_reply(assistant, rest))
        elif verb.lower() == "deadline":
            await ack(text=deadline_admin_reply(assistant, user, rest))
        elif verb.lower() == "digest":
            await ack(text=digest_reply(assistant, channel, user, rest))
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


async def _area(assistant: Assistant, channel: str, place: str, user: str) -> str:
    if not place:
        current, areas = assistant.area(channel)
        if not current:
            return (
                "This channel has no area yet. Set one with `/lis area <place>`, e.g. "
                "`/lis area Exeter`; answers then point to that area's contacts when a "
                "question names no place."
            )
        return f"This channel's area is *{current}* ({_names(areas)})."
    areas = await assistant.set_area(channel, place, user)
    if not areas:
        return (
            f"I don't recognise “{place}”. Try a county, city, large town, LEP or combined "
            "authority, e.g. `/lis area Lincolnshire` or `/lis area Greater Manchester`."
        )
    return (
        f"This channel's area is now *{place}* ({_names(areas)}). Questions that name no "
        "place will point to its contacts."
    )


def _names(areas) -> str:
    return "; ".join(f"{area.org}" for area in areas) or "no matching area"
