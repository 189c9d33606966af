"""`/lis`: questions and the shared chat commands (`bot.frontends.commands`), rendered
for Slack.

Slack allows three seconds for the acknowledgement, so questions are acknowledged at once
with a short private note and answered afterwards through `response_url`, privately, with
a button to share the answer in the channel. What people type arrives with Slack's
escaping undone (`from_slack`); everything sent back is escaped again
(`bot.frontends.slack.safe`), fallback `text` included.
"""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.engine.core import MAX_QUESTION_CHARS
from bot.frontends.assistant import Assistant
from bot.frontends.commands import (
    AdminJob,
    AdminSources,
    ConfirmRemove,
    Deadlines,
    Gaps,
    Help,
    Sources,
    Text,
    Where,
    answer_command,
    parse,
)
from bot.frontends.slack.blocks import (
    admin_sources_blocks,
    answer_blocks,
    help_blocks,
    remove_prompt_blocks,
    sources_blocks,
)
from bot.frontends.slack.digest import digest_blocks
from bot.frontends.slack.gaps import gaps_blocks, gaps_title
from bot.frontends.slack.listeners.admin import run_job
from bot.frontends.slack.safe import fallback, from_slack, plain

__all__ = ["register", "LOOKING"]

LOOKING = ":mag: Looking into it…"


def register(app: AsyncApp, assistant: Assistant) -> None:
    @app.command("/lis")
    async def lis(ack, command, respond, client) -> None:
        text = from_slack(" ".join((command.get("text") or "").split()))
        channel, user = command["channel_id"], command["user_id"]
        parsed = parse(text)
        if parsed is not None:
            result = await answer_command(assistant, parsed, Where(channel, user))
            if isinstance(result, AdminJob):
                await ack(
                    text=f"{plain(result.started)}: I'll show progress in our direct messages."
                )
                await run_job(client, user, result)
            else:
                await ack(**render(result))
        elif len(text) > MAX_QUESTION_CHARS:
            await ack(
                text=f"That question is {len(text):,} characters long; please keep it "
                f"under {MAX_QUESTION_CHARS:,} and ask one thing at a time."
            )
        else:
            await ack(text=LOOKING)
            reply = await assistant.ask(text, conversation=channel, user=user)
            if reply.answer is None:
                await respond(
                    text=plain(reply.error), response_type="ephemeral", replace_original=True
                )
            else:
                await respond(
                    blocks=answer_blocks(reply.answer, reply.answer_id, shareable=True),
                    text=fallback(reply.answer.answer),
                    response_type="ephemeral",
                    replace_original=True,
                )


def render(result) -> dict:
    """A command's result as the keyword arguments of a Slack message."""
    match result:
        case Gaps(report=report):  # before Text: a Gaps is a Text too
            return {"blocks": gaps_blocks(report), "text": plain(gaps_title(report))}
        case Text(text):
            return {"text": plain(text)}
        case Help():
            return {"blocks": help_blocks(), "text": "How to use LIS Assistant"}
        case Sources(documents):
            return {"blocks": sources_blocks(documents), "text": "What the knowledge base holds"}
        case Deadlines(digest, show_ids):
            return {
                "blocks": digest_blocks(digest, show_ids=show_ids),
                "text": f"Deadlines in the next {digest.days} days",
            }
        case AdminSources(documents):
            return {"blocks": admin_sources_blocks(documents), "text": "Knowledge base sources"}
        case ConfirmRemove(document):
            return {
                "blocks": remove_prompt_blocks(document),
                "text": fallback(f"Remove {document.title}?"),
            }
    raise TypeError(f"no Slack rendering for {result!r}")
