"""Slack's assistant panel (the AI app surface), through bolt's `AsyncAssistant`.

Opening the panel (`assistant_thread_started`) gets a greeting and suggested prompts. When
the person has a channel open beside the panel, the prompts and answers use that
channel's area (`/lis area`), and follow them to another channel
(`assistant_thread_context_changed`). The thread's context is kept where bolt keeps it by
default: in the greeting's message metadata.

A question in the thread gets a status ("Reading the briefings…"), names the thread if it
is the first, and is answered in the thread, streamed while a language model writes it,
with Slack's own feedback buttons. Follow-ups are read in the light of the thread's
earlier questions, as in mention threads.

bolt runs the panel before the app's listeners and hands it every direct message in a
thread, which then goes no further: nothing is answered twice (`listeners.events` answers
top-level direct messages).
"""

from __future__ import annotations

import logging

from slack_bolt.async_app import AsyncApp, AsyncAssistant
from slack_sdk.errors import SlackClientError

from bot.frontends.assistant import Assistant
from bot.frontends.slack.blocks import (
    greeting,
    reply_message,
    suggested_prompts,
    thread_title,
)
from bot.frontends.slack.listeners.events import offer_files, post_help
from bot.frontends.slack.safe import from_slack
from bot.frontends.slack.streaming import STREAM_BUFFER, ask_streaming, replace_draft

__all__ = ["register", "STATUS", "PROMPTS_TITLE"]

log = logging.getLogger(__name__)
STATUS = "Reading the briefings…"
PROMPTS_TITLE = "Try asking"


def register(app: AsyncApp, assistant: Assistant) -> None:
    panel = AsyncAssistant()

    @panel.thread_started
    async def started(body, say, set_suggested_prompts, get_thread_context) -> None:
        if not assistant.state.first_time(body.get("event_id", "")):
            return
        context = await get_thread_context()  # this event carries it
        area = _area_name(assistant, context.channel_id if context else None)
        # bolt keeps the context in the greeting's metadata, and looks for it there later
        metadata = {"event_type": "assistant_thread_context", "event_payload": context or {}}
        await say(text=greeting(area), metadata=metadata)
        await set_suggested_prompts(prompts=suggested_prompts(area), title=PROMPTS_TITLE)

    @panel.thread_context_changed
    async def moved(body, event, save_thread_context, set_suggested_prompts) -> None:
        if not assistant.state.first_time(body.get("event_id", "")):
            return
        context = event["assistant_thread"].get("context") or {}
        await save_thread_context(context)
        area = _area_name(assistant, context.get("channel_id"))
        await set_suggested_prompts(prompts=suggested_prompts(area), title=PROMPTS_TITLE)

    @panel.user_message
    async def asked(
        body, event, client, set_status, set_title, get_thread_context, say_stream
    ) -> None:
        if not assistant.state.first_time(body.get("event_id", "")):
            return
        if event.get("files"):
            await offer_files(assistant, client, event)
            return
        channel, thread_ts = event["channel"], event["thread_ts"]
        question = from_slack(" ".join(event.get("text", "").split()))
        if not question:
            await post_help(client, channel, thread_ts)
            return
        thread = f"{channel}:{thread_ts}"
        await _quietly(set_status(STATUS))
        if not assistant.state.thread_questions(thread):
            await _quietly(set_title(thread_title(question)))
        open_channel = await _open_channel(get_thread_context)
        reply, streamed = await ask_streaming(
            assistant,
            question,
            open_stream=lambda: say_stream(buffer_size=STREAM_BUFFER),
            conversation=channel,
            thread=thread,
            user=event.get("user"),
            area_from=open_channel if assistant.state.area(open_channel or "") else None,
        )
        if streamed:
            await replace_draft(client, channel, streamed, reply, native_feedback=True)
        else:
            await client.chat_postMessage(
                channel=channel, thread_ts=thread_ts, **reply_message(reply, native_feedback=True)
            )

    app.assistant(panel)


async def _open_channel(get_thread_context) -> str | None:
    """The channel open beside the panel, if Slack said which."""
    try:
        context = await get_thread_context()
    except (SlackClientError, KeyError) as error:  # a nicety: answer without it
        log.warning("could not read the assistant thread's context: %s", error)
        return None
    return context.channel_id if context else None


def _area_name(assistant: Assistant, channel: str | None) -> str | None:
    """The name of the area set for `channel` (with `/lis area`), if any."""
    _place, areas = assistant.area(channel) if channel else (None, [])
    return areas[0].name if areas else None


async def _quietly(call) -> None:
    """A status or title: shown if Slack takes it (a plain DM thread does not)."""
    try:
        await call
    except SlackClientError as error:
        log.info("assistant thread status or title not set: %s", error)
