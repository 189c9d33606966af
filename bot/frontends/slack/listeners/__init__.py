"""All Slack listeners, registered in one place."""

from slack_bolt.async_app import AsyncApp

from bot.frontends.assistant import Assistant
from bot.frontends.slack.listeners import actions, admin, commands, events, gaps, panel

__all__ = ["register_listeners"]


def register_listeners(app: AsyncApp, assistant: Assistant) -> None:
    panel.register(app, assistant)  # first: it takes the assistant panel's messages
    commands.register(app, assistant)
    events.register(app, assistant)
    actions.register(app, assistant)
    admin.register(app, assistant)
    gaps.register(app, assistant)
