"""Button clicks: share a private answer in the channel, and 👍 / 👎 feedback.

A feedback click is stored at once; the thank-you offers "Add a comment", which opens a
modal, so saying why is one click away but never in the way.
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
from bot.frontends.slack.blocks import FEEDBACK_DOWN, FEEDBACK_UP, SHARE, answer_blocks
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
        await _feedback(assistant, action, body, respond, rating=1)

    @app.action(FEEDBACK_DOWN)
    async def not_helpful(ack, action, body, respond) -> None:
        await ack()
        await _feedback(assistant, action, body, respond, rating=-1)

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


async def _feedback(assistant: Assistant, action: dict, body: dict, respond, rating: int) -> None:
    answer_id = action["value"]
    if not assistant.state.record_feedback(answer_id, body["user"]["id"], rating, "slack"):
        await respond(text=_EXPIRED, response_type="ephemeral", replace_original=False)
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
    await respond(
        text=_THANKS,
        blocks=[block.to_dict() for block in blocks],
        response_type="ephemeral",
        replace_original=False,
    )


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
