"""Button clicks: share a private answer in the channel, and 👍 / 👎 feedback.

A feedback click is stored at once; the thank-you offers "Add a comment", which opens a
modal, so saying why is one click away but never in the way. Slack's own feedback buttons
(under answers in the assistant panel) are stored and thanked the same way; the thank-you
goes to the clicker alone, in the answer's thread.
"""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp
from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    InputBlock,
    PlainTextInputElement,
    SectionBlock,
)
from slack_sdk.models.views import View

from bot.engine.answer import Answer
from bot.frontends.assistant import Assistant
from bot.frontends.slack.blocks import (
    FEEDBACK,
    FEEDBACK_DOWN,
    FEEDBACK_UP,
    SHARE,
    answer_blocks,
)
from bot.frontends.slack.safe import fallback, plain

__all__ = ["register"]

_EXPIRED = "Sorry, I can no longer find that answer. Please ask again."
_THANKS = "Thanks: your feedback helps us improve the answers."
FEEDBACK_COMMENT, FEEDBACK_MODAL = "feedback_comment", "feedback_comment_modal"


def register(app: AsyncApp, assistant: Assistant) -> None:
    @app.action(SHARE)
    async def share(ack, action, body, respond) -> None:
        await ack()
        stored = assistant.state.answer(action["value"])
        if stored is None:
            await respond(text=_EXPIRED, response_type="ephemeral", replace_original=False)
            return
        answer = Answer.from_dict(stored)
        user = body["user"]["id"]
        blocks = [
            {
                "type": "context",
                "elements": [
                    {
                        "type": "mrkdwn",
                        "text": f"<@{user}> shared an answer to: _{plain(answer.question[:300])}_",
                    }
                ],
            },
            *answer_blocks(answer, action["value"]),
        ]
        await respond(
            blocks=blocks[:50],
            text=fallback(answer.answer),
            response_type="in_channel",
            replace_original=False,
        )
        await respond(delete_original=True)

    @app.action(FEEDBACK_UP)
    async def helpful(ack, action, body, respond) -> None:
        await ack()
        await _feedback(assistant, action["value"], body, _privately(respond), rating=1)

    @app.action(FEEDBACK_DOWN)
    async def not_helpful(ack, action, body, respond) -> None:
        await ack()
        await _feedback(assistant, action["value"], body, _privately(respond), rating=-1)

    @app.action(FEEDBACK)
    async def slack_feedback(ack, action, body, client) -> None:
        await ack()
        answer_id, _, rating = action["value"].rpartition(":")
        message = body.get("message") or {}

        async def tell(**message_kwargs) -> None:
            await client.chat_postEphemeral(
                channel=body["channel"]["id"],
                user=body["user"]["id"],
                thread_ts=message.get("thread_ts") or message.get("ts"),
                **message_kwargs,
            )

        await _feedback(assistant, answer_id, body, tell, rating=1 if rating == "1" else -1)

    @app.action(FEEDBACK_COMMENT)
    async def open_comment(ack, action, body, client) -> None:
        await ack()
        await client.views_open(trigger_id=body["trigger_id"], view=_comment_modal(action["value"]))

    @app.view(FEEDBACK_MODAL)
    async def save_comment(ack, body, view) -> None:
        answer_id, _, rating = view["private_metadata"].partition(":")
        comment = view["state"]["values"]["comment"]["value"].get("value")
        assistant.state.record_feedback(
            answer_id, body["user"]["id"], int(rating), "slack", comment
        )
        await ack()  # after storing, so the modal closes only once the comment is kept


def _privately(respond):
    """Reply to a click through its response_url, seen by the clicker alone."""

    async def tell(**message_kwargs) -> None:
        await respond(**message_kwargs, response_type="ephemeral", replace_original=False)

    return tell


async def _feedback(assistant: Assistant, answer_id: str, body: dict, tell, rating: int) -> None:
    """Store a rating, then thank the clicker (`tell`) with an "Add a comment" button."""
    if not assistant.state.record_feedback(answer_id, body["user"]["id"], rating, "slack"):
        await tell(text=_EXPIRED)
        return
    blocks = [
        SectionBlock(text=_THANKS),
        ActionsBlock(
            elements=[
                ButtonElement(
                    text="Add a comment",
                    action_id=FEEDBACK_COMMENT,
                    value=f"{answer_id}:{rating}",
                )
            ]
        ),
    ]
    await tell(text=_THANKS, blocks=[block.to_dict() for block in blocks])


def _comment_modal(value: str) -> dict:
    """A modal asking what was good or missing; the rating travels in private_metadata."""
    return View(
        type="modal",
        callback_id=FEEDBACK_MODAL,
        private_metadata=value,
        title="Your feedback",
        submit="Send",
        close="Cancel",
        blocks=[
            InputBlock(
                block_id="comment",
                label="What was helpful, wrong or missing?",
                element=PlainTextInputElement(action_id="value", multiline=True, max_length=2000),
            )
        ],
    ).to_dict()
