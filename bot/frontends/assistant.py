"""What every chat front end needs around the engine, in one place.

Slack and Teams both: remember each conversation's default area and each thread's earlier
questions, run the engine off the event loop (it is CPU-bound), store every answer so a
button click can find it later, and turn any failure into a message fit for the asker
(the details go to the log, never to the chat).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from bot.engine.answer import Answer
from bot.engine.core import Engine, QuestionError
from bot.engine.places import Area
from bot.services.admin import AdminService
from bot.services.deadline_store import DeadlineStore
from bot.services.privacy import forget_user
from bot.services.state import StateError, StateStore

__all__ = ["Assistant", "Reply", "SORRY"]

log = logging.getLogger(__name__)

SORRY = (
    "Sorry, something went wrong on my side while answering. Please try again in a "
    "minute; if it keeps happening, tell whoever looks after LIS Assistant for your team."
)


@dataclass
class Reply:
    """An answer with the id it was stored under, or a message saying why there is none."""

    answer: Answer | None = None
    answer_id: str | None = None
    error: str | None = None


class Assistant:
    def __init__(
        self,
        engine: Engine,
        state: StateStore,
        deadlines: DeadlineStore | None = None,
        admin: AdminService | None = None,
        admins: frozenset[str] = frozenset(),
        workers: int = 2,
    ) -> None:
        self.engine = engine
        self.state = state
        self.deadlines = deadlines or DeadlineStore(state.database)
        self.admin = admin  # None where admin commands are not offered (tests, console)
        self.admins = admins
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="engine")

    async def ask(
        self,
        question: str,
        *,
        conversation: str,
        thread: str | None = None,
        user: str | None = None,
        area_from: str | None = None,
        on_text: Callable[[str], None] | None = None,
    ) -> Reply:
        """Answer a question asked in `conversation` (and `thread`, if it is in one).

        The area is `area_from`'s (a channel open beside Slack's assistant panel), else the
        conversation's own. `on_text` receives a generated answer as the model writes it,
        in the engine's worker thread (see `Engine.ask`).
        """
        try:
            return await self._run(
                self._ask, question, conversation, thread, user, area_from, on_text
            )
        except QuestionError as error:
            return Reply(error=str(error))
        except Exception:
            log.exception("failed to answer %r in %s", question[:200], conversation)
            return Reply(error=SORRY)

    def _ask(
        self,
        question: str,
        conversation: str,
        thread: str | None,
        user: str | None,
        area_from: str | None = None,
        on_text: Callable[[str], None] | None = None,
    ) -> Reply:
        history = self.state.thread_questions(thread) if thread else []
        area = self.state.area(area_from or conversation)
        answer = self.engine.ask(question, area=area, history=history, on_text=on_text)
        try:
            answer_id = self.state.save_answer(answer, conversation, user)
            if thread:
                self.state.add_turn(thread, question, user)
        except StateError as error:  # a full disk should not cost the asker the answer
            log.error("could not record the answer in %s: %s", conversation, error)
            answer_id = None
        return Reply(answer=answer, answer_id=answer_id)

    async def set_area(self, conversation: str, place: str, user: str | None) -> list[Area]:
        """Set a conversation's default area; returns the areas it resolves to (or none)."""
        areas = self.engine.areas(place)
        if areas:
            await self._run(self.state.set_area, conversation, place, user)
        return areas

    def area(self, conversation: str) -> tuple[str | None, list[Area]]:
        place = self.state.area(conversation)
        return place, (self.engine.areas(place) if place else [])

    async def forget(self, user: str) -> dict[str, int]:
        """Delete what is stored about `user` (they asked to be forgotten)."""
        return await self._run(forget_user, self.state, user)

    @property
    def streams(self) -> bool:
        """Whether answers can be shown as they are written (a language model is set)."""
        return self.engine.generator is not None

    def is_admin(self, user: str | None) -> bool:
        return bool(user) and user in self.admins

    async def sources(self):
        return await self._run(self.engine.documents)

    async def _run(self, function, *args):
        return await asyncio.get_running_loop().run_in_executor(self._executor, function, *args)

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
