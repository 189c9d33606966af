"""Button clicks: share a private answer in the channel, and 👍 / 👎 feedback."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.answer import Answer
from bot.assistant import Assistant
from bot.slack.blocks import FEEDBACK_DOWN, FEEDBACK_UP, SHARE, answer_blocks

__all__ = ["register"]

_EXPIRED = "Sorry, I can no longer find that answer. Please ask again."


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
                        "text": f"<@{user}> shared an answer to: _{answer.question[:300]}_",
                    }
                ],
            },
            *answer_blocks(answer, action["value"]),
        ]
        await respond(
            blocks=blocks[:50],
            text=answer.answer[:3000],
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


async def _feedback(assistant: Assistant, action: dict, body: dict, respond, rating: int) -> None:
    stored = assistant.state.record_feedback(action["value"], body["user"]["id"], rating, "slack")
    text = "Thanks: your feedback helps us improve the answers." if stored else _EXPIRED
    await respond(text=text, response_type="ephemeral", replace_original=False)
