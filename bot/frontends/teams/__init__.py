"""The Microsoft Teams front end, on the Microsoft 365 Agents SDK."""

from bot.frontends.teams.app import TeamsEndpoint

__all__ = ["TeamsEndpoint"]
