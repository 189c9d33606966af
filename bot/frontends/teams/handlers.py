"""Teams messages: questions, the chat commands, feedback, and failures.

In a 1:1 chat every message is a question; in a channel or group chat only messages that
@mention the bot (the mention is stripped). `help`, `sources`, `area <place>`,
`deadlines [days]`, `digest on|off` and `forget me` are the shared commands
(`bot.frontends.commands`), rendered for Teams, and so are the admin commands
(`admin ingest|reingest|remove|sources|log`, `deadline add|remove`) for the people whose
Microsoft Entra object id (`from.aadObjectId`) is in TEAMS_ADMIN_IDS; anyone else is
refused politely and the attempt is audited, as in Slack. An ingest shows its progress
by updating one message; removing a document asks for confirmation on a card.

With a language model, a question in a 1:1 chat gets an informative update and the
answer streamed as it is written, ending with the checked answer (`stream`); elsewhere,
and without a model, a typing indicator shows while the engine works and the answer is
sent whole (Teams streams only in personal chats). Any failure becomes a short apology,
never a stack trace.
"""

from __future__ import annotations

import asyncio
import json
import logging

from microsoft_agents.activity import Activity, ActivityTypes
from microsoft_agents.hosting.core import AgentApplication, TurnContext, TurnState

from bot.frontends.assistant import SORRY, Assistant
from bot.frontends.commands import (
    EXAMPLES,
    AdminJob,
    Where,
    answer_command,
    job_outcome,
    parse,
    refuse,
)
from bot.frontends.teams.render import (
    REMOVE,
    answer_activity,
    command_activity,
    job_activity,
    text_activity,
    welcome_activities,
)
from bot.frontends.teams.safe import plain
from bot.frontends.teams.stream import READING, AnswerStream
from ingest.errors import IngestError
from ingest.store import StoreUnavailableError

__all__ = ["register_handlers"]

log = logging.getLogger(__name__)


def conversation_key(activity) -> str:
    return f"teams:{activity.conversation.id}"


def is_admin(activity, admins: frozenset[str]) -> bool:
    """Whether the sender's Entra object id is one of `admins` (lower-cased GUIDs)."""
    sender = activity.from_property
    object_id = (sender.aad_object_id or "").lower() if sender else ""
    return bool(object_id) and object_id in admins


def register_handlers(
    app: AgentApplication, assistant: Assistant, admins: frozenset[str] = frozenset()
) -> None:
    @app.activity(ActivityTypes.message)
    async def on_message(context: TurnContext, _state: TurnState) -> None:
        activity = context.activity
        if isinstance(activity.value, dict) and activity.value.get("lis") == REMOVE:
            await _confirm_remove(assistant, context, is_admin(activity, admins))
            return
        if activity.conversation.conversation_type in ("channel", "groupChat"):
            if not activity.is_recipient_mentioned():
                return
            text = activity.remove_recipient_mention()
        else:
            text = activity.text
        text = " ".join((text or "").split())
        user = activity.from_property.id if activity.from_property else None
        command = parse(text)
        if command is not None:
            where = Where(
                conversation_key(activity),
                user,
                prefix="",
                admin=is_admin(activity, admins),
                on_subscribe=lambda: _remember_conversation(assistant, context),
            )
            result = await answer_command(assistant, command, where)
            if isinstance(result, AdminJob):
                await _run_job(context, result)
            else:
                await context.send_activity(command_activity(result))
            return
        key = conversation_key(activity)
        if activity.conversation.conversation_type == "personal" and assistant.engine.generator:
            await _stream_answer(assistant, context, text, key, user)
            return
        await context.send_activity(Activity(type=ActivityTypes.typing))
        answered = await assistant.ask(text, conversation=key, thread=key, user=user)
        if answered.answer is None:
            await context.send_activity(text_activity(plain(answered.error)))
            return
        sent = await context.send_activity(answer_activity(answered.answer))
        if sent is not None and sent.id and answered.answer_id:
            assistant.state.link_message(key, sent.id, answered.answer_id)

    @app.activity(ActivityTypes.invoke)
    async def on_invoke(context: TurnContext, _state: TurnState) -> None:
        activity = context.activity
        value = activity.value if isinstance(activity.value, dict) else {}
        if activity.name == "message/submitAction" and value.get("actionName") == "feedback":
            _store_feedback(assistant, activity, value.get("actionValue") or {})
        await context.send_activity(
            Activity(type=ActivityTypes.invoke_response, value={"status": 200, "body": {}})
        )

    @app.activity(ActivityTypes.conversation_update)
    async def on_conversation_update(context: TurnContext, _state: TurnState) -> None:
        activity = context.activity
        added = {member.id for member in activity.members_added or []}
        if activity.recipient and activity.recipient.id in added:
            await _welcome(assistant, context)

    @app.activity(ActivityTypes.installation_update)
    async def on_installation_update(context: TurnContext, _state: TurnState) -> None:
        if (context.activity.action or "").startswith("add"):
            await _welcome(assistant, context)

    @app.error
    async def on_error(context: TurnContext, error: Exception) -> None:
        log.exception("Teams turn failed", exc_info=error)
        await context.send_activity(text_activity(SORRY))


async def _stream_answer(
    assistant: Assistant, context: TurnContext, text: str, key: str, user: str | None
) -> None:
    """Informative update, the model's text as it is written, then the checked answer."""
    stream = AnswerStream(context)
    stream.queue_informative_update(READING)
    on_text = stream.text_callback(asyncio.get_running_loop())
    answered = await assistant.ask(text, conversation=key, thread=key, user=user, on_text=on_text)
    if answered.answer is None:
        await stream.finish(text_activity(plain(answered.error)))
        return
    message_id = await stream.finish(answer_activity(answered.answer))
    if message_id and answered.answer_id:
        assistant.state.link_message(key, message_id, answered.answer_id)


async def _run_job(context: TurnContext, job: AdminJob) -> None:
    """Run an admin job in a worker thread, updating one message with its progress."""
    sent = await context.send_activity(job_activity("running", f"{job.title}: waiting…"))
    message_id = sent.id if sent else None
    loop = asyncio.get_running_loop()

    async def show(status: str, text: str) -> None:
        activity = job_activity(status, text, message_id)
        if message_id:
            await context.update_activity(activity)
        else:  # a client that gave no id for the first message: say it anew
            await context.send_activity(activity)

    def progress(step: str) -> None:
        shown = asyncio.run_coroutine_threadsafe(show("running", f"{job.title}: {step}"), loop)
        shown.result(timeout=30)

    try:
        status, text = job_outcome(job.title, await asyncio.to_thread(job.run, progress))
    except (IngestError, StoreUnavailableError) as error:
        status, text = "failed", f"{job.title} failed: {error}."
    except Exception:
        log.exception("%s failed", job.title)
        status, text = (
            "failed",
            f"{job.title} failed because of an unexpected error (logged for the "
            "maintainers). The previous version of every document is still answerable.",
        )
    await show(status, text)


async def _confirm_remove(assistant: Assistant, context: TurnContext, admin: bool) -> None:
    """The Remove or Cancel button of the remove card; admins are checked again here."""
    activity = context.activity
    value, user = activity.value, activity.from_property.id if activity.from_property else None
    doc_id = str(value.get("doc_id") or "")
    if not admin or assistant.admin is None:
        await context.send_activity(text_activity(refuse(assistant, user, "remove", doc_id)))
        return
    if value.get("confirm") is not True:
        await context.send_activity(text_activity("Cancelled: nothing was removed."))
        return
    removed = await asyncio.to_thread(assistant.admin.remove, doc_id, user)
    await context.send_activity(
        text_activity(f"Removed `{plain(doc_id)}` ({removed} chunks). Answers no longer cite it.")
    )


def _store_feedback(assistant: Assistant, activity, action: dict) -> None:
    """Store a 👍 / 👎 and its comment against the answer it was given on.

    Teams names that answer's message in `replyToId`, but not every client sends it; then
    the feedback is for the latest answer that person was given in the conversation.
    """
    reaction = action.get("reaction")
    user = activity.from_property.id if activity.from_property else None
    if reaction not in ("like", "dislike") or not user:
        return
    key = conversation_key(activity)
    answer_id = assistant.state.answer_for_message(key, activity.reply_to_id or "")
    answer_id = answer_id or assistant.state.last_answer(key, user)
    if answer_id is None:
        log.warning("Teams feedback for no known answer in %s", key)
        return
    assistant.state.record_feedback(
        answer_id, user, 1 if reaction == "like" else -1, "teams", _feedback_text(action)
    )


def _feedback_text(action: dict) -> str | None:
    """The comment typed into Teams' feedback form: Teams sends a JSON string
    {"feedbackText": ...}; some clients send the comment as it was typed."""
    raw = action.get("feedback")
    if not isinstance(raw, str):
        return None
    try:
        parsed = json.loads(raw)
    except ValueError:
        return raw
    if isinstance(parsed, dict):
        return parsed.get("feedbackText") or None
    return raw


async def _welcome(assistant: Assistant, context: TurnContext) -> None:
    """Say hello once per conversation, when the app is installed or added to it."""
    key = conversation_key(context.activity)
    if assistant.state.first_time(f"teams-welcome:{key}"):
        person = context.activity.from_property.id if context.activity.from_property else None
        await context.send_activities(welcome_activities(EXAMPLES[:3], person))


def _remember_conversation(assistant: Assistant, context: TurnContext) -> None:
    """Keep this conversation's reference, so the digest can be posted here later. Only
    the conversation is needed, not who asked for it."""
    reference = context.activity.get_conversation_reference()
    stored = reference.model_dump_json(by_alias=True, exclude={"user"})
    assistant.state.remember_reference(conversation_key(context.activity), stored)
