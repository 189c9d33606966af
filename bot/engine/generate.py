"""Generated answers: a chat model writes from the passages, and we check its citations.

With OPENAI_API_KEY set (or OPENAI_BASE_URL pointing at any OpenAI-compatible server),
LangChain's ChatOpenAI writes the answer from the numbered passages. Nothing it writes
is trusted blindly: every [n] must name a passage it was given, a substantive answer must
cite at least one, and the citations are renumbered in order of use, each with a verbatim
quote from its passage. Anything else (an error, a time-out, a rate limit, a failed check)
raises `GenerationError`, and the engine falls back to the extractive answer.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from langchain_core.messages import HumanMessage, SystemMessage

from bot.engine.answer import Citation, Contact, human_date
from bot.engine.compose import Composition, citation_for
from bot.engine.prompts import AnswerPrompts
from bot.engine.retrieval import Passage
from bot.engine.text import sentences, terms
from bot.errors import LisError
from ingest.structure import paragraphs

__all__ = ["AnswerGenerator", "GenerationError", "NoAnswer", "build_chat_model", "DEFAULT_TIMEOUT"]

log = logging.getLogger(__name__)
DEFAULT_TIMEOUT = 30.0
NO_ANSWER = "NO_ANSWER"
_MARKER = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")


class GenerationError(LisError, RuntimeError):
    """The model's answer is unavailable or failed the grounding check; says which."""


class NoAnswer(LisError):
    """The model says the passages do not answer the question."""


def build_chat_model(
    api_key: str,
    model: str,
    base_url: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_retries: int = 2,
):
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(
        model=model, api_key=api_key, base_url=base_url, timeout=timeout, max_retries=max_retries
    )


@dataclass
class AnswerGenerator:
    chat_model: object
    prompts: AnswerPrompts
    max_passages: int = 6

    def rewrite(self, question: str, earlier: list[str]) -> str:
        """A standalone version of a follow-up, written by the model."""
        prompt = self.prompts.rewrite.render(question=question, conversation=_bullets(earlier))
        rewritten = self._call([HumanMessage(prompt)]).strip().strip('"')
        if not rewritten or len(rewritten) > 1000:
            raise GenerationError("the model's rewritten question was unusable")
        return rewritten

    def generate(
        self,
        question: str,
        passages: list[Passage],
        contacts: list[Contact],
        area: str | None = None,
        earlier: list[str] | None = None,
        on_text: Callable[[str], None] | None = None,
    ) -> Composition:
        """The model's answer, checked (`ground`). With `on_text`, the reply is streamed:
        `on_text` gets each new piece of text as the model writes it, before the check,
        so a front end can show it at once and must replace it with what this returns
        (or with the fallback, if this raises)."""
        given = passages[: self.max_passages]
        messages = [
            SystemMessage(self.prompts.system.render()),
            HumanMessage(
                self.prompts.user.render(
                    question=question,
                    passages=_numbered(given),
                    conversation=(
                        f"Conversation so far in this thread:\n{_bullets(earlier)}\n\n"
                        if earlier
                        else ""
                    ),
                    area=area or "not known",
                    contacts="; ".join(c.label() for c in contacts) or "none",
                )
            ),
        ]
        reply = (self._stream(messages, on_text) if on_text else self._call(messages)).strip()
        if reply.strip(" .") == NO_ANSWER:
            raise NoAnswer
        return ground(reply, given)

    def _call(self, messages) -> str:
        try:
            result = self.chat_model.invoke(messages)
        except Exception as error:  # any failure of the remote model means: fall back
            raise GenerationError(_reason(error)) from error
        content = result.content if isinstance(result.content, str) else str(result.content)
        return content

    def _stream(self, messages, on_text: Callable[[str], None]) -> str:
        """The reply, passing text on as it arrives; held back while it could still be
        the NO_ANSWER signal, which nobody should see."""
        reply, shown = "", 0
        try:
            for chunk in self.chat_model.stream(messages):
                reply += chunk.content if isinstance(chunk.content, str) else str(chunk.content)
                opening = reply.lstrip()
                if shown == 0 and NO_ANSWER.startswith(opening[: len(NO_ANSWER)]):
                    continue
                if len(reply) > shown:
                    on_text(reply[shown:])
                    shown = len(reply)
        except Exception as error:  # as in _call: any failure of the remote model
            raise GenerationError(_reason(error)) from error
        return reply


def ground(reply: str, given: list[Passage]) -> Composition:
    """Check the model's [n] markers against the passages; renumber in order of use."""
    reply = _MARKER.sub(lambda m: "".join(f"[{n.strip()}]" for n in m.group(1).split(",")), reply)
    used = [int(n) for n in re.findall(r"\[(\d+)\]", reply)]
    if not used:
        raise GenerationError("the generated answer cited no source")
    invalid = sorted({n for n in used if not 1 <= n <= len(given)})
    if invalid:
        raise GenerationError(f"the generated answer cited [{invalid[0]}], which was not given")
    order = list(dict.fromkeys(used))
    renumber = {old: new for new, old in enumerate(order, 1)}
    text = re.sub(r"\[(\d+)\]", lambda m: f"[{renumber[int(m.group(1))]}]", reply)
    citations: list[Citation] = []
    for old in order:
        claims = " ".join(s for s in sentences(reply.replace("\n", " ")) if f"[{old}]" in s)
        passage = given[old - 1]
        citations.append(citation_for(renumber[old], passage, _best_quote(passage, claims)))
    return Composition(text=text.strip(), citations=citations)


def _best_quote(passage: Passage, claims: str) -> str:
    """The passage sentence that shares most words with the claims citing it (verbatim)."""
    wanted = set(terms(claims))
    candidates = [s for p in paragraphs(passage.chunk.text) for s in sentences(p)]
    return max(candidates, key=lambda s: len(wanted & set(terms(s))), default=passage.chunk.text)


def _numbered(passages: list[Passage]) -> str:
    blocks = []
    for n, passage in enumerate(passages, 1):
        info = passage.chunk.info
        where = ", ".join(
            filter(
                None,
                [
                    info.title,
                    info.publisher,
                    human_date(info.published),
                    f"p. {info.page}" if info.page else None,
                    info.section,
                ],
            )
        )
        blocks.append(f"[{n}] ({where})\n<<<\n{passage.chunk.text}\n>>>")
    return "\n\n".join(blocks)


def _bullets(items: list[str] | None) -> str:
    return "\n".join(f"- {item}" for item in items or [])


def _reason(error: Exception) -> str:
    name = type(error).__name__
    if "RateLimit" in name:
        return "the language model is rate-limited"
    if "Timeout" in name:
        return "the language model did not answer in time"
    if "Connection" in name:
        return "the language model could not be reached"
    if "Authentication" in name or "PermissionDenied" in name:
        return "the language model rejected the API key"
    return f"the language model failed ({name})"
