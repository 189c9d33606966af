"""`lis serve`: one aiohttp server, one port, for every front end.

POST /slack/events   Slack slash commands, events and interactivity (slack-bolt)
POST /api/messages   Microsoft Teams (Microsoft 365 Agents SDK)
GET  /healthz        200 with a small JSON status while the knowledge store answers;
                     503 with the reason when it does not

The knowledge base is loaded (and its keyword index built) before the port opens, so the
first question is as fast as the rest and /healthz never reports ready too early. The
health check runs a real nearest-neighbour query (`KnowledgeStore.check`), so a store
that cannot answer questions is reported as such; a healthy result is kept for
HEALTH_CACHE_SECONDS so frequent probes cost little, a failure is checked again each time.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import time
import warnings

from aiohttp import web
from microsoft_agents.hosting.aiohttp import jwt_authorization_decorator
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp

from bot.errors import ConfigurationError, LisError
from bot.frontends.assistant import Assistant
from bot.frontends.slack.app import build_slack_app
from bot.frontends.slack.signing import SlackGate
from bot.frontends.teams import TeamsEndpoint
from bot.services.privacy import prune_expired
from bot.settings import Settings

__all__ = ["build_web_app", "serve"]

log = logging.getLogger(__name__)
MAX_BODY_BYTES = 1024 * 1024
PRUNE_EVERY_SECONDS = 24 * 60 * 60
SWITCH_INTERVAL_SECONDS = 0.001
HEALTH_CACHE_SECONDS = 5.0
ASSISTANT = web.AppKey("assistant", Assistant)
SLACK = web.AppKey("slack", AsyncApp)
SLACK_GATE = web.AppKey("slack_gate", SlackGate)


def build_web_app(settings: Settings, assistant: Assistant) -> web.Application:
    app = web.Application(client_max_size=MAX_BODY_BYTES)
    app[ASSISTANT] = assistant
    app[HEALTH] = _Health(assistant)
    app.router.add_get("/healthz", _healthz)
    if settings.teams_enabled:
        teams = TeamsEndpoint(settings, assistant)
        with warnings.catch_warnings():  # the Agents SDK looks this up by its string key
            warnings.simplefilter("ignore")
            app["agent_configuration"] = teams.auth_configuration
        app.router.add_post("/api/messages", jwt_authorization_decorator(teams.handle))
    else:
        app.router.add_post("/api/messages", _teams_not_configured)
    if settings.slack_enabled:
        app[SLACK] = build_slack_app(settings, assistant)
        app[SLACK_GATE] = SlackGate(
            settings.slack_signing_secret.get_secret_value(), assistant.state.first_use
        )
        app.router.add_post("/slack/events", _slack_events)
    else:
        app.router.add_post("/slack/events", _not_configured)
    app.on_cleanup.append(_close)
    app.cleanup_ctx.append(lambda app: _prune_daily(settings))
    return app


async def _prune_daily(settings: Settings):
    """Delete data past its retention before serving, then every day while serving."""

    async def prune() -> None:
        try:
            deleted = await asyncio.to_thread(prune_expired, settings)
            log.info("pruned expired data: %s", deleted)
        except Exception:
            log.exception("pruning expired data failed; trying again tomorrow")

    async def prune_daily() -> None:
        while True:
            await asyncio.sleep(PRUNE_EVERY_SECONDS)
            await prune()

    await prune()
    task = asyncio.create_task(prune_daily())
    yield
    task.cancel()


async def _slack_events(request: web.Request) -> web.Response:
    """Signed, first-time requests go to slack-bolt; anything else is a 401."""
    if request.app[SLACK_GATE].refusal(await request.text(), request.headers):
        return web.json_response({"error": "invalid request"}, status=401)
    bolt_response = await request.app[SLACK].async_dispatch(await to_bolt_request(request))
    return await to_aiohttp_response(bolt_response)


async def _not_configured(request: web.Request) -> web.Response:
    return web.json_response(
        {
            "error": "Slack is not configured on this server "
            "(SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET)."
        },
        status=503,
    )


async def _teams_not_configured(request: web.Request) -> web.Response:
    return web.json_response(
        {"error": "Teams is not configured on this server (CLIENT_ID, CLIENT_SECRET, TENANT_ID)."},
        status=503,
    )


class _Health:
    """The store's health: checked off the event loop, one check at a time, and a healthy
    answer reused for HEALTH_CACHE_SECONDS."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        self._lock = asyncio.Lock()
        self._healthy: tuple[float, dict] | None = None

    async def status(self) -> tuple[int, dict]:
        async with self._lock:
            if self._healthy and time.monotonic() - self._healthy[0] < HEALTH_CACHE_SECONDS:
                return 200, self._healthy[1]
            self._healthy = None
            try:
                body = await asyncio.to_thread(self._check)
            except Exception as error:  # a load balancer should route around this process
                reason = str(error) if isinstance(error, LisError) else type(error).__name__
                log.warning("health check: the knowledge store is unavailable: %s", reason)
                return 503, {"status": "knowledge store unavailable", "reason": reason}
            self._healthy = (time.monotonic(), body)
            return 200, body

    def _check(self) -> dict:
        engine = self.assistant.engine
        engine.store.check()
        documents = engine.documents()
        return {
            "status": "ok",
            "documents": len(documents),
            "chunks": sum(d.chunks for d in documents),
        }


HEALTH = web.AppKey("health", _Health)


async def _healthz(request: web.Request) -> web.Response:
    status, body = await request.app[HEALTH].status()
    return web.json_response(body, status=status)


async def _close(app: web.Application) -> None:
    app[ASSISTANT].close()


def serve(settings: Settings, assistant: Assistant, port: int, socket_mode: bool = False) -> None:
    """Run the server until interrupted (Socket Mode: connect out to Slack instead)."""
    # Answers are computed in worker threads that hold the GIL for long stretches; a
    # shorter switch interval lets the event loop acknowledge Slack (3 s limit) promptly.
    sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)
    if socket_mode:
        from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

        if not settings.slack_app_token:
            raise ConfigurationError(
                "Socket Mode needs SLACK_APP_TOKEN (an xapp- app-level token)."
            )
        slack = build_slack_app(settings, assistant)
        handler = AsyncSocketModeHandler(slack, settings.slack_app_token.get_secret_value())
        prune_expired(settings)
        asyncio.run(handler.start_async())
        return
    if not settings.slack_enabled:
        log.warning("Slack is not configured: /slack/events will answer 503.")
    web.run_app(
        build_web_app(settings, assistant),
        host="0.0.0.0",
        port=port,
        print=lambda message: log.warning("%s", message),
    )
