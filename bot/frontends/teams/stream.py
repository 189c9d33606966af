"""A generated answer streamed into a Teams 1:1 chat as the model writes it.

Teams streams only in personal chats, one update at a time: an informative update first
("Reading the briefings…", shown as a progress bar), then the text so far as typing
activities with an increasing `streamSequence`, then one final message carrying the
`streaminfo` entity with `streamType` "final". The Agents SDK's `StreamingResponse`
does the protocol: it numbers the updates, sends each after the one before, at most one a
second on Teams (what arrives in between is joined into the next update), and stops
quietly if the person presses Stop.

Two things are ours. The engine runs in a worker thread and calls `on_text` there, so
each piece is handed to the event loop (`call_soon_threadsafe`), never sent from the
thread. And the final message is not the streamed text but the answer the engine
returns after its grounding check, rendered as every answer is (`answer_activity`:
citations, note, contacts, feedback buttons); if the model's citations failed the check
that is the extractive answer with its note, so nobody is left reading unchecked text.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from microsoft_agents.activity import Activity
from microsoft_agents.hosting.core import StreamingResponse, TurnContext

from bot.frontends.teams.safe import streamed

__all__ = ["AnswerStream", "READING"]

READING = "Reading the briefings…"


class AnswerStream(StreamingResponse):
    """The SDK's streaming response, ending with a message we render ourselves."""

    def __init__(self, context: TurnContext) -> None:
        super().__init__(context)
        self._final: Activity | None = None

    def text_callback(self, loop: asyncio.AbstractEventLoop) -> Callable[[str], None]:
        """An `on_text` for the engine's thread: each piece, made safe, is queued on
        `loop`, where the SDK batches pieces that arrive within its interval."""

        def on_text(piece: str) -> None:
            text = streamed(piece).replace("\n", "\n\n")  # Teams joins single lines
            loop.call_soon_threadsafe(self._queue_text, text)

        return on_text

    def _queue_text(self, text: str) -> None:
        if not self._ended:  # a piece that arrives after the answer is dropped
            self.queue_text_chunk(text)

    async def finish(self, final: Activity) -> str | None:
        """End the stream with `final` as its message; the id Teams knows it by."""
        self._final = final
        await self.end_stream()
        return self._stream_id

    def _create_final_message(self, *, include_stream_info: bool) -> Activity:
        """The SDK's final message (stream entity, id) with our answer's content."""
        activity = super()._create_final_message(include_stream_info=include_stream_info)
        if self._final is None:
            return activity
        final = self._final.model_copy(deep=True)
        final.id = activity.id
        final.entities = [*(activity.entities or []), *(final.entities or [])]
        return final
