"""Mentions, direct messages, thread follow-ups and the App Home tab.

A mention is answered in a thread under it; a direct message in the DM. A later message in
a thread the assistant has answered in is a follow-up, read in the light of the earlier
questions. With a language model, an answer in a thread streams as it is written,
replacing the "Looking into it" note, and is then replaced by the checked answer
(`bot.frontends.slack.streaming`); Slack streams only into threads, so a top-level direct
message gets its answer whole. Direct messages in threads, Slack's assistant panel
included, are answered by `listeners.panel`. Slack re-sends events it thinks timed out,
so each event id is handled once; messages from bots (this one included) are ignored.
"""

from __future__ import annotations

import asyncio
import logging
import re

from slack_bolt.async_app import AsyncApp

from bot.frontends.assistant import Assistant
from bot.frontends.slack.blocks import answer_blocks, help_blocks, home_view
from bot.frontends.slack.listeners.admin import ADD_FILE, refuse
from bot.frontends.slack.listeners.commands import LOOKING
from bot.frontends.slack.safe import fallback, from_slack, plain
from bot.frontends.slack.streaming import STREAM_BUFFER, ask_streaming, replace_draft
from bot.frontends.slack.uploads import download_shared_file
from ingest.errors import IngestError

__all__ = ["register", "offer_files", "post_help"]

log = logging.getLogger(__name__)
_MENTION = re.compile(r"<@[A-Z0-9]+(\|[^>]*)?>")
_IGNORED_SUBTYPES = {
    "message_changed",
    "message_deleted",
    "bot_message",
    "channel_join",
    "channel_leave",
    "thread_broadcast",
    "message_replied",
}


def register(app: AsyncApp, assistant: Assistant) -> None:
    @app.event("app_mention")
    async def on_mention(event, body, client, say_stream) -> None:
        if event.get("bot_id") or not assistant.state.first_time(body.get("event_id", "")):
            return
        thread_ts = event.get("thread_ts") or event["ts"]
        await _answer(assistant, client, event, thread_ts, say_stream)

    @app.event("message")
    async def on_message(event, body, client, context, say_stream) -> None:
        if event.get("bot_id") or event.get("subtype") in _IGNORED_SUBTYPES:
            return
        if event.get("files"):
            if event.get("channel_type") == "im" and assistant.state.first_time(
                body.get("event_id", "")
            ):
                await offer_files(assistant, client, event)
            return
        if context.bot_user_id and f"<@{context.bot_user_id}" in event.get("text", ""):
            return  # a mention: on_mention answers it
        channel, thread_ts = event["channel"], event.get("thread_ts")
        is_dm = event.get("channel_type") == "im"
        known_thread = thread_ts and assistant.state.thread_questions(f"{channel}:{thread_ts}")
        if not (is_dm or known_thread):
            return
        if not assistant.state.first_time(body.get("event_id", "")):
            return
        await _answer(assistant, client, event, thread_ts, say_stream)

    @app.event("app_home_opened")
    async def on_home(event, client) -> None:
        if event.get("tab", "home") != "home":
            return
        documents = await assistant.sources()
        await client.views_publish(user_id=event["user"], view=home_view(documents))


def _stage(assistant: Assistant, client, file: dict, user: str) -> dict:
    """Download a shared file and hold it for the admin's confirmation."""
    data = download_shared_file(
        file, client.token, client.base_url, assistant.admin.max_upload_bytes
    )
    return assistant.admin.stage_upload(file["id"], file.get("name", ""), data, user)


async def offer_files(assistant: Assistant, client, event: dict) -> None:
    """A file shared in a DM: admins get an "Add to knowledge base" button for it."""
    user, channel = event.get("user"), event["channel"]
    if not assistant.is_admin(user):
        text = refuse(
            assistant, user, "upload", ", ".join(f.get("name", "?") for f in event["files"])
        )
        await client.chat_postMessage(channel=channel, text=text)
        return
    for file in event["files"]:
        name = file.get("name", "file")
        try:
            pending = await asyncio.to_thread(_stage, assistant, client, file, user)
        except IngestError as error:
            await client.chat_postMessage(
                channel=channel, text=plain(f"I can't add {name}: {error}.")
            )
            continue
        suggestion = plain(pending["title"] or name)
        await client.chat_postMessage(
            channel=channel,
            text=fallback(f"Add {name}?"),
            blocks=[
                {
                    "type": "section",
                    "text": {
                        "type": "mrkdwn",
                        "text": f"*{plain(name)}*: add it to the knowledge base? Suggested title: "
                        f"_{suggestion}_. You can correct the title, publisher and date "
                        "before it is saved.",
                    },
                },
                {
                    "type": "actions",
                    "elements": [
                        {
                            "type": "button",
                            "action_id": ADD_FILE,
                            "value": file["id"],
                            "style": "primary",
                            "text": {"type": "plain_text", "text": "Add to knowledge base"},
                        }
                    ],
                },
            ],
        )


async def _answer(
    assistant: Assistant, client, event: dict, thread_ts: str | None, say_stream
) -> None:
    """Post a placeholder, then replace it with the answer (or a friendly error); a
    streamed answer takes the placeholder's place as soon as it starts."""
    channel = event["channel"]
    question = from_slack(" ".join(_MENTION.sub(" ", event.get("text", "")).split()))
    if not question:
        await post_help(client, channel, thread_ts)
        return
    thread = f"{channel}:{thread_ts or 'dm'}"
    placeholder = await client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=LOOKING)
    reply, streamed = await ask_streaming(
        assistant,
        question,
        # Slack streams only into threads: a top-level direct message gets the whole answer
        open_stream=(lambda: say_stream(buffer_size=STREAM_BUFFER)) if thread_ts else None,
        on_start=lambda: client.chat_delete(channel=channel, ts=placeholder["ts"]),
        conversation=channel,
        thread=thread,
        user=event.get("user"),
    )
    if streamed:
        await replace_draft(client, channel, streamed, reply)
    elif reply.answer is None:
        await client.chat_update(channel=channel, ts=placeholder["ts"], text=plain(reply.error))
    else:
        await client.chat_update(
            channel=channel,
            ts=placeholder["ts"],
            blocks=answer_blocks(reply.answer, reply.answer_id),
            text=fallback(reply.answer.answer),
        )


async def post_help(client, channel: str, thread_ts: str | None) -> None:
    """An empty message gets the help, where it was asked."""
    await client.chat_postMessage(
        channel=channel, thread_ts=thread_ts, blocks=help_blocks(), text="How to use LIS Assistant"
    )
