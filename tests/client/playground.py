"""Drive the Microsoft 365 Agents Playground (the Teams client emulator) against `lis serve`.

`Playground()` starts the bot (fresh LIS_DATA_DIR, knowledge/ ingested, anonymous Teams
allowed), the playground pointed at it and headless Chromium on the playground's web UI.
It reads what the client renders (text, list items, citation markers and the card each
opens on hover, feedback buttons) and collects every error: activities the playground
rejected (from its log stream, e.g. "400 MissingProperty: Array must contain exactly 1
element(s)"), browser console errors and page crashes, and ERROR lines the bot logs.

Environment: PLAYGROUND_BIN (agentsplayground), CHROMIUM (/usr/bin/chromium), LIS_SOURCE
(the source tree to serve; default this repository).
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import sync_playwright

__all__ = ["Playground", "Reply", "Citation", "Feedback"]

REPO = Path(__file__).resolve().parents[2]
PLAYGROUND_BIN = os.environ.get(
    "PLAYGROUND_BIN", str(REPO / ".cache/playground/node_modules/.bin/agentsplayground")
)
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = "--no-sandbox --disable-gpu --disable-quic --no-first-run --disable-sync \
--disable-background-networking --disable-component-update".split()
TIMEOUT = 60  # seconds for any reply, start-up step or dialog
APP = "User Application"  # how the playground's log names the bot
BOT_ROW = 'div:has(> [aria-label="Message header"] [aria-label="Message author"])'
# The text before a citation marker, back to the previous marker: the sentence it follows.
BEFORE_JS = """a => { let s = '', n = a.previousSibling;
  while (n && !(n.classList && n.classList.contains('fai-Citation'))) {
    s = n.textContent + s; n = n.previousSibling; } return s.trim(); }"""


@dataclass
class Citation:
    number: str
    follows: str  # the text the marker follows
    passage: str  # the hover card's quoted passage (the citation's abstract)
    title: str  # the hover card's title line (the citation's name)


@dataclass
class Reply:
    text: str  # inner_text of the rendered message
    html: str
    items: list[str]  # <li> texts
    paragraphs: list[str]  # <p> texts
    citations: list[Citation]
    feedback_buttons: list[str]  # aria-labels: ["Like", "Dislike"]
    buttons: list[str]  # a card's action buttons
    is_card: bool  # an Adaptive Card rather than a text message
    row: object = field(repr=False, default=None)  # the message's playwright Locator


@dataclass
class Feedback:
    dialog_text: str  # what the client says after Submit ("Thank you!" or an error)
    invoke_status: int | None  # the bot's HTTP status for the feedback invoke


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _text(entry: dict) -> str | None:
    return ((entry.get("request") or {}).get("body") or {}).get("text")


def _status(entry: dict) -> int:
    return (entry.get("response") or {}).get("statusCode") or 0


class Playground:
    """Context manager: the bot, the playground and a browser on it; all stopped on exit."""

    def __init__(self, source: Path | None = None):
        self.source = Path(source or os.environ.get("LIS_SOURCE") or REPO)
        self.log: list[dict] = []  # every activity the playground logged, both ways
        self.rejections: list[str] = []  # bot activities the playground refused
        self.console_errors: list[str] = []  # console errors and "pageerror: " crashes
        self.opening: list[Reply] = []  # what the bot sent when the page opened (install)
        self.opening_suggestions: list[str] = []  # the suggested replies shown then
        self._procs: list[subprocess.Popen] = []
        self._pw = self.browser = None

    def __enter__(self) -> Playground:
        try:
            self._start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _spawn(self, cmd: list[str], out: Path, **kw) -> None:
        with out.open("w") as f:
            kw.update(stdout=f, stderr=subprocess.STDOUT, start_new_session=True)
            self._procs.append(subprocess.Popen(cmd, **kw))

    def _start(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="lis-playground-"))
        self.data_dir, self.bot_out = self.tmp / "data", self.tmp / "bot.log"
        self.pg_out = self.tmp / "playground.log"
        env = dict(os.environ, LIS_DATA_DIR=str(self.data_dir), PYTHONPATH=str(self.source))
        env["CONNECTIONS__SERVICE_CONNECTION__SETTINGS__ANONYMOUS_ALLOWED"] = "true"
        lis = str(Path(sys.executable).with_name("lis"))
        subprocess.run([lis, "ingest", "--quiet"], cwd=self.source, env=env, check=True)
        bot, ui = _free_port(), _free_port()
        self._spawn([lis, "serve", "--port", str(bot)], self.bot_out, cwd=self.source, env=env)
        self._wait_http(f"http://127.0.0.1:{bot}/healthz", 180)
        env = dict(os.environ, TEAMSAPPTESTER_BROWSER="none")  # don't open a browser
        env["M365_AGENTS_PLAYGROUND_LOGFILE"] = str(self.tmp / "playground-file.log")
        endpoint = f"http://127.0.0.1:{bot}/api/messages"
        cmd = [PLAYGROUND_BIN, "-e", endpoint, "-c", "msteams", "-p", str(ui), "--dt"]
        self._spawn(cmd, self.pg_out, cwd=self.tmp, env=env)
        self.ui = f"http://127.0.0.1:{ui}/"
        self._wait_http(self.ui, TIMEOUT)
        self._pw = sync_playwright().start()
        self.browser = self._pw.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        page = self.page = self.browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(TIMEOUT * 1000)
        page.route(lambda url: not url.startswith(self.ui), lambda route: route.abort())
        page.on("console", self._on_console)
        page.on("pageerror", lambda e: self.console_errors.append(f"pageerror: {e}"))
        page.on("websocket", self._on_websocket)
        self.compose = page.locator('[data-lexical-editor="true"]')
        # Opening the page makes the playground send installationUpdate and conversationUpdate.
        opening = ("installationUpdate", "conversationUpdate")
        self.opening = self._turn(
            lambda: page.goto(self.ui), lambda e: e["activityName"] in opening, expect=2
        )
        self.compose.wait_for()
        self.opening_suggestions = self.suggested_replies()

    def _wait_http(self, url: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                return urllib.request.urlopen(url, timeout=2).close()
            except OSError:
                if time.monotonic() > deadline or any(p.poll() is not None for p in self._procs):
                    raise RuntimeError(f"{url} never answered; logs in {self.tmp}") from None
                time.sleep(0.2)

    def close(self) -> None:
        for stop in (self.browser and self.browser.close, self._pw and self._pw.stop):
            with contextlib.suppress(Exception):
                stop and stop()
        for proc in reversed(self._procs):
            if proc.poll() is None:
                os.killpg(proc.pid, 15)
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, 9)
                    proc.wait()
        self._procs.clear()

    # -- errors -------------------------------------------------------------------------
    def _on_console(self, msg) -> None:
        where = (msg.location or {}).get("url") or ""
        offline = "https://" in msg.text or (where and not where.startswith(self.ui))
        if msg.type == "error" and not offline and not where.endswith("favicon.ico"):
            self.console_errors.append(msg.text)

    def _on_websocket(self, ws) -> None:
        if "/_ws/log/" in ws.url:  # the playground's Log Panel feed: every activity + status
            ws.on("framereceived", self._on_log_frame)

    def _on_log_frame(self, payload) -> None:
        try:
            entry = json.loads(payload).get("log") or {}
        except (ValueError, AttributeError):
            return
        if "activityName" not in entry:
            return
        self.log.append(entry)
        if entry.get("from") == APP and _status(entry) >= 400:
            body = entry["response"].get("body")
            if isinstance(body, str) and body.startswith("{"):
                body = json.loads(body)
            err = body.get("error", body) if isinstance(body, dict) else {"message": body}
            self.rejections.append(
                f"{_status(entry)} {err.get('code')}: {err.get('message')} "
                f"({entry['activityName']}: {(_text(entry) or '')[:60]!r})"
            )

    @property
    def bot_errors(self) -> list[str]:
        """ERROR lines the bot logged (e.g. "Teams turn failed"), and crashes."""
        lines = self.bot_out.read_text(errors="replace").splitlines()
        return [line for line in lines if line.startswith(("ERROR", "CRITICAL", "Traceback"))]

    @property
    def playground_errors(self) -> list[str]:
        """Rejected activities, and error lines in the playground's own output."""
        lines = self.pg_out.read_text(errors="replace").splitlines()
        return self.rejections + [line for line in lines if "rror" in line]

    @property
    def errors(self) -> list[str]:
        return self.playground_errors + self.console_errors + self.bot_errors

    # -- conversation -------------------------------------------------------------------
    def _until(self, done, what: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        while not done():
            if time.monotonic() > deadline:
                raise TimeoutError(f"timed out waiting for {what}; logs in {self.tmp}")
            self.page.wait_for_timeout(100)  # lets playwright deliver websocket frames

    def _turn(self, act, is_trigger, expect: int = 1) -> list[Reply]:
        """Do `act`; wait until the bot has answered the `expect` activities it triggers
        (the playground logs the app's HTTP status once the turn is over) and the client
        has rendered every message the playground accepted; return those messages."""
        mark, crashes, rows = len(self.log), len(self.console_errors), self.page.locator(BOT_ROW)
        before = rows.count() if self.page.url.startswith(self.ui) else 0
        act()

        def done() -> bool:
            crashed = [e for e in self.console_errors[crashes:] if e.startswith("pageerror")]
            if crashed:  # the client threw instead of sending anything: fail now
                raise AssertionError(f"the client crashed: {crashed}")
            mine = [e for e in self.log[mark:] if e.get("from") != APP and e.get("response")]
            return len([e for e in mine if is_trigger(e)]) >= expect

        self._until(done, "the bot's turn to end")
        sent = [e for e in self.log[mark:] if e.get("from") == APP and 200 <= _status(e) < 300]
        sent = [e for e in sent if e["activityName"] == "message"]
        self.page.wait_for_function(
            "([sel, n]) => document.querySelectorAll(sel).length >= n",
            arg=[BOT_ROW, before + len(sent)],
        )
        return [self._read(rows.nth(i)) for i in range(before, rows.count())]

    def ask(self, text: str) -> Reply:
        """Type `text` into the compose box, send it and return the bot's (last) reply."""

        def send() -> None:
            self.compose.click()
            self.page.keyboard.type(text)
            self.page.keyboard.press("Enter")

        replies = self._turn(send, lambda e: e["activityName"] == "message" and _text(e) == text)
        assert replies, f"no reply rendered for {text!r}; rejected: {self.rejections}"
        return replies[-1]

    def click_button(self, reply: Reply | None, title: str) -> Reply:
        """Click a card button, or (no reply) a suggested reply; return the answer."""
        button = (reply.row if reply else self.page).get_by_role("button", name=title)
        return self._turn(button.click, lambda e: e["activityName"] == "message")[-1]

    def suggested_replies(self) -> list[str]:
        """The suggested replies the bot last offered that the client shows as buttons."""
        offered = [
            e["request"]["body"]["suggestedActions"]["actions"]
            for e in self.log
            if e.get("from") == APP
            and ((e.get("request") or {}).get("body") or {}).get("suggestedActions")
        ]
        titles = [action["title"] for action in (offered[-1] if offered else [])]
        return [t for t in titles if self.page.get_by_role("button", name=t).is_visible()]

    def mock(self, item: str = "Install application") -> list[Reply]:
        """Send an activity from the "Mock an Activity" menu ("Install application", "Add
        application", "Add user", ...) and return what the bot sent in response."""

        def act() -> None:
            self.page.get_by_text("Mock an Activity").click()
            self.page.get_by_role("menuitem").filter(has_text=item).first.click()
            self.page.get_by_role("button", name="Send activity").click()  # the JSON dialog

        kind = "installationUpdate" if "nstall" in item else "conversationUpdate"
        return self._turn(act, lambda e: e["activityName"] == kind)

    def feedback(self, reply: Reply, like: bool, comment: str) -> Feedback:
        """Click 👍 or 👎 under `reply`, type `comment` in the dialog and submit it."""
        mark = len(self.log)
        reply.row.get_by_role("button", name="Like" if like else "Dislike").click()
        dialog = self.page.get_by_role("dialog")
        dialog.locator("textarea").fill(comment)
        dialog.get_by_role("button", name="Submit").click()
        outcome = dialog.get_by_text("Thank you!").or_(dialog.get_by_text("Unable to reach app"))
        outcome.first.wait_for()
        text = dialog.inner_text()

        def invokes() -> list[dict]:
            return [e for e in self.log[mark:] if e["activityName"] == "invoke" and _status(e)]

        self._until(invokes, "the feedback invoke's response")
        dialog.get_by_role("button", name="Close").first.click()
        dialog.wait_for(state="detached")
        return Feedback(text, _status(invokes()[-1]))

    # -- reading a rendered message -----------------------------------------------------
    def _read(self, row) -> Reply:
        body = row.locator(".fai-OutputCard > div").first
        citations = []
        for marker in body.locator("a.fai-Citation").all():
            marker.scroll_into_view_if_needed()
            marker.hover()  # the client opens a citation's card on hover
            card = self.page.locator(".fai-PreviewSurface").last
            card.wait_for()
            passage = card.locator(".fai-PreviewHeader__label").inner_text().strip()
            title = card.locator(".fai-PreviewMetadata__primaryText").inner_text().strip()
            number = marker.inner_text().strip()
            citations.append(Citation(number, marker.evaluate(BEFORE_JS), passage, title))
            self.page.mouse.move(0, 0)
            card.wait_for(state="detached")
        return Reply(
            text=body.inner_text(),
            html=body.inner_html(),
            items=[li.inner_text().strip() for li in body.locator("li").all()],
            paragraphs=[p.inner_text().strip() for p in body.locator("p").all()],
            citations=citations,
            feedback_buttons=[
                b.get_attribute("aria-label") or ""
                for b in row.locator(".fai-FeedbackButtons button").all()
            ],
            buttons=[b.inner_text().strip() for b in body.locator(".ac-actionSet button").all()],
            is_card=body.locator(".ac-adaptiveCard").count() > 0,
            row=row,
        )
