"""Run aiohttp applications on loopback in a background thread, for end-to-end tests."""

from __future__ import annotations

import asyncio
import threading
import time

import httpx
from aiohttp import web


class BackgroundServer:
    """Serves an aiohttp app on 127.0.0.1 (a free port) from its own event loop thread."""

    def __init__(self, app: web.Application) -> None:
        self.app = app
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._runner: web.AppRunner | None = None
        self.url = ""

    def start(self) -> str:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self.loop).result(timeout=30)
        return self.url

    async def _start(self) -> None:
        self._runner = web.AppRunner(self.app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"

    def stop(self) -> None:
        if self._runner:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self.loop).result(timeout=30)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=10)


class PageServer(BackgroundServer):
    """A local web site standing in for where documents are published: tests put pages
    in `pages[path] = (body, content type)` and may change them between requests."""

    def __init__(self, pages: dict[str, tuple[str | bytes, str]] | None = None) -> None:
        self.pages: dict[str, tuple[str | bytes, str]] = dict(pages or {})
        app = web.Application()
        app.router.add_get("/{name}", self._page)
        super().__init__(app)

    async def _page(self, request: web.Request) -> web.Response:
        body, content_type = self.pages[request.path]
        if isinstance(body, bytes):
            return web.Response(body=body, content_type=content_type)
        return web.Response(text=body, content_type=content_type)


def wait_healthy(url: str, seconds: float = 90, process=None) -> None:
    """Wait until the server at `url` answers `/healthz` with 200 (a `lis serve` process
    loads its model and store first); fail early if `process` has exited."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and (process is None or process.poll() is None):
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"{url} did not become healthy")
