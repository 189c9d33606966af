"""Answers shown in Slack as the language model writes them, then replaced by the checked one.

The engine runs in a worker thread and hands each new piece of a generated answer to its
`on_text` callback. The pieces cross to the event loop through an asyncio queue
(`loop.call_soon_threadsafe`), are made safe there (`bot.frontends.slack.safe.draft`, a
half-written Markdown link held back until it is whole) and appended to a Slack stream:
slack_sdk's `chat_stream` helper (chat.startStream, chat.appendStream, chat.stopStream),
which sends them in batches of STREAM_BUFFER characters, not one call per token.

When the engine returns, the stream is stopped and the message is replaced (chat.update)
by the checked answer: the generated one with its sources and contacts, or, when the
model's citations failed the check, the extractive answer with its note. Nobody is left
reading unchecked text. Without a language model nothing streams: the caller posts the
whole answer as before.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from slack_sdk.errors import SlackClientError
from slack_sdk.web.async_chat_stream import AsyncChatStream

from bot.frontends.assistant import Assistant, Reply
from bot.frontends.slack.blocks import reply_message
from bot.frontends.slack.safe import complete_part, draft

__all__ = ["STREAM_BUFFER", "ask_streaming", "replace_draft"]

log = logging.getLogger(__name__)
STREAM_BUFFER = 256  # characters gathered before each chat.appendStream (slack_sdk's default)

OpenStream = Callable[[], Awaitable[AsyncChatStream]]
Started = Callable[[], Awaitable[object]]


async def ask_streaming(
    assistant: Assistant,
    question: str,
    *,
    open_stream: OpenStream | None,
    on_start: Started | None = None,
    **where,
) -> tuple[Reply, str | None]:
    """Ask (`where`: `Assistant.ask`'s keywords), streaming a generated answer into a new
    Slack message; `on_start` runs once that message exists. Returns the reply and the
    streamed message's ts, None if nothing was streamed (no model, no `open_stream`, or
    nothing written)."""
    if not (assistant.streams and open_stream):
        return await assistant.ask(question, **where), None
    loop = asyncio.get_running_loop()
    pieces: asyncio.Queue[str | None] = asyncio.Queue()

    def on_text(piece: str) -> None:  # in the engine's worker thread
        loop.call_soon_threadsafe(pieces.put_nowait, piece)

    async def ask() -> Reply:
        try:
            return await assistant.ask(question, on_text=on_text, **where)
        finally:  # queued after every piece: the worker scheduled those before returning
            pieces.put_nowait(None)

    asking = asyncio.create_task(ask())
    message = _Draft(open_stream, on_start)
    while (piece := await pieces.get()) is not None:
        await message.add(piece)
    reply = await asking
    return reply, await message.finish()


async def replace_draft(
    client, channel: str, ts: str, reply: Reply, *, native_feedback: bool = False
) -> None:
    """Show the checked reply in place of the streamed draft."""
    await client.chat_update(
        channel=channel, ts=ts, **reply_message(reply, native_feedback=native_feedback)
    )


class _Draft:
    """The streamed message: opened with the first text, fed safe text, stopped at the end.
    A Slack error stops the streaming, never the answer (which is posted or updated)."""

    def __init__(self, open_stream: OpenStream, on_start: Started | None) -> None:
        self._open, self._on_start = open_stream, on_start
        self._stream: AsyncChatStream | None = None
        self._held = ""
        self._started = self._broken = False

    async def add(self, piece: str) -> None:
        self._held += piece
        cut = complete_part(self._held)
        ready, self._held = self._held[:cut], self._held[cut:]
        if ready and not self._broken:
            await self._safely(self._append, ready)

    async def finish(self) -> str | None:
        if self._stream is None:
            return None
        if not self._broken:
            await self._safely(self._stop)
        return self._stream.ts

    async def _append(self, text: str) -> None:
        if self._stream is None:
            self._stream = await self._open()
        await self._stream.append(markdown_text=draft(text))
        await self._announce()

    async def _stop(self) -> None:
        await self._stream.stop(markdown_text=draft(self._held) if self._held else None)
        await self._announce()

    async def _announce(self) -> None:
        """Run `on_start` once the message exists (the helper starts it with its first batch)."""
        if self._stream.ts and not self._started:
            self._started = True
            if self._on_start:
                try:
                    await self._on_start()
                except SlackClientError as error:
                    log.warning("after starting a streamed answer: %s", error)

    async def _safely(self, step, *args) -> None:
        try:
            await step(*args)
        except SlackClientError as error:
            log.warning("streaming an answer to Slack failed: %s", error)
            self._broken = True
