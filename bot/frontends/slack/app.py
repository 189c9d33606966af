"""Build the Slack app: a Web API client that honours SLACK_API_URL and retries, then listeners.

Every Web API call goes through the one `AsyncWebClient` built here, so GovSlack users and
the tests' fake Slack only need `SLACK_API_URL`. Rate limits (429) and Slack's own server
errors are retried by slack_sdk's retry handlers. Request signatures are checked before
the app sees a request, by `bot.frontends.slack.signing.SlackGate` (see there why bolt's
own check is off).
"""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import ConfigurationError
from bot.frontends.assistant import Assistant
from bot.frontends.slack.listeners import register_listeners
from bot.settings import Settings

__all__ = ["build_slack_app", "build_web_client"]

# Retries per failure kind: connection errors, rate limits (429, honouring Retry-After),
# Slack's server errors (5xx). The same for the server's client and the digest's.
RETRIES = {"connection": 2, "rate_limit": 3, "server_error": 2}
TIMEOUT_SECONDS = 15


def _client_options(settings: Settings) -> dict:
    return {
        "token": settings.slack_bot_token.get_secret_value(),
        "base_url": settings.slack_api_url,
        "timeout": TIMEOUT_SECONDS,
    }


def _retries(connection, rate_limit, server_error) -> list:
    """The retry handlers, from the sync or the async family of slack_sdk's classes."""
    return [
        connection(max_retry_count=RETRIES["connection"]),
        rate_limit(max_retry_count=RETRIES["rate_limit"]),
        server_error(max_retry_count=RETRIES["server_error"]),
    ]


def build_web_client(settings: Settings) -> WebClient:
    """A synchronous client for jobs outside the server (the digest), with the same retries."""
    if not settings.slack_bot_token:
        raise ConfigurationError("Posting to Slack needs SLACK_BOT_TOKEN.")
    return WebClient(
        **_client_options(settings),
        retry_handlers=_retries(
            ConnectionErrorRetryHandler, RateLimitErrorRetryHandler, ServerErrorRetryHandler
        ),
    )


def build_slack_app(settings: Settings, assistant: Assistant) -> AsyncApp:
    if not settings.slack_enabled:
        raise ConfigurationError(
            "Slack needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (see README, "
            "'Connect a Slack workspace')."
        )
    client = AsyncWebClient(
        **_client_options(settings),
        retry_handlers=_retries(
            AsyncConnectionErrorRetryHandler,
            AsyncRateLimitErrorRetryHandler,
            AsyncServerErrorRetryHandler,
        ),
    )
    app = AsyncApp(
        client=client,
        signing_secret=settings.slack_signing_secret.get_secret_value(),
        request_verification_enabled=False,  # SlackGate, in front of the app, does it
        name="LIS Assistant",
    )
    register_listeners(app, assistant)
    return app
