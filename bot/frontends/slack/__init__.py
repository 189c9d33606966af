"""The Slack front end: a slack-bolt AsyncApp that translates Slack to the engine and back."""

from bot.frontends.slack.app import build_slack_app

__all__ = ["build_slack_app"]
