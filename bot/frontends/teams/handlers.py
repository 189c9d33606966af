"""Teams messages: questions, the chat commands, feedback, and failures.

In a 1:1 chat every message is a question; in a channel or group chat only messages that
@mention the bot (the mention is stripped). `help`, `sources`, `area <place>`,
`deadlines [days]`, `digest on|off` and `forget me` are the shared commands
(`bot.frontends.commands`), rendered for Teams; admin commands are Slack-only for now and
say so. A typing indicator shows while the engine works, and any failure becomes a
short apology, never a stack trace.
"""

from __future__ import annotations

import json
import logging

from microsoft_agents.activity import Activity, ActivityTypes
from microsoft_agents.hosting.core import AgentApplication, TurnContext, TurnState

from bot.frontends.assistant import SORRY, Assistant
from bot.frontends.commands import EXAMPLES, Where, answer_command, parse
from bot.frontends.teams.render import (
    answer_activity,
    command_activity,
    text_activity,
    welcome_activities,
)
from bot.frontends.teams.safe import plain

__all__ = ["register_handlers"]

log = logging.getLogger(__name__)


def conversation_key(activity) -> str:
    return f"teams:{activity.conversation.id}"


def register_handlers(app: AgentApplication, assistant: Assistant) -> None:
    @app.activity(ActivityTypes.message)
    async def on_message(context: TurnContext, _state: TurnState) -> None:
        activity = context.activity
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
                admin_commands=False,
                on_subscribe=lambda: _remember_conversation(assistant, context),
            )
            result = await answer_command(assistant, command, where)
            await context.send_activity(command_activity(result))
            return
        await context.send_activity(Activity(type=ActivityTypes.typing))
        key = conversation_key(activity)
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
