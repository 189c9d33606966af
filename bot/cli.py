"""`lis`: the command line. Reads settings once, builds the engine, dispatches.

Commands: ingest, ask, sources, eval, digest, gaps, forget, serve, run. Every expected
failure (a bad setting, a malformed data file, a store built with another embedder) ends
with a one-line message that says how to fix it and exit status 2 (any `LisError`, see
`bot/errors.py`); anything else is a bug, and its traceback shows.

The embedded knowledge store (no CHROMA_HOST) belongs to one process at a time, because
Chroma keeps its vector index in memory: `serve` owns it for as long as it runs (a second
server is refused), a `run` console shares it with other consoles, and `ingest` refuses
while either runs and says to add documents through the server's admin commands or to
run Chroma as a server (see `bot.services.ingest_lock`). Reading commands (`ask`,
`sources`, `eval`, `digest`) only read and take no lock.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import httpx
from chromadb.errors import ChromaError
from dotenv import load_dotenv
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from bot.engine.answer import Answer
from bot.engine.core import QuestionError
from bot.errors import LisError, UsageError
from bot.evaluation.report import print_eval_report
from bot.evaluation.scoring import evaluate, load_cases
from bot.frontends.console import print_answer, print_sources, run_console
from bot.logs import configure_logging
from bot.services.digest import build_digest, digest_text, london_today
from bot.services.gaps import DEFAULT_DAYS, gaps_text
from bot.services.ingest_lock import (
    STORE_LOCK,
    StoreInUseError,
    StoreLock,
    ingest_lock,
)
from bot.services.privacy import forget_user, prune_expired
from bot.services.state import StateStore
from bot.settings import Settings, get_settings
from bot.wiring import (
    build_assistant,
    build_engine,
    deadline_sync,
    digest_once,
    digest_sender,
    gaps_once,
    gaps_report,
    gaps_sender,
    open_store,
)
from ingest.pipeline import ingest_sources
from ingest.store import KnowledgeStore, StoreUnavailableError, store_problem

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    load_dotenv(Path.cwd() / ".env")
    args = _parser().parse_args(argv)
    configure_logging(args.verbose)
    out = Console(highlight=False, soft_wrap=True)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        settings = get_settings()
        configure_logging(args.verbose, settings)
        return args.handler(args, settings, out, err)
    except ValidationError as error:
        err.print(f"lis: a setting is invalid: {_first_problem(error)}")
    except LisError as error:  # anything else is a bug: let its traceback show
        err.print(f"lis: {error}")
    except (ChromaError, httpx.TransportError) as error:
        err.print(
            f"lis: the knowledge store failed ({store_problem(error)}). Check that the disk "
            "has space and that the Chroma server, if you use one, is running."
        )
    except KeyboardInterrupt:
        err.print("lis: interrupted")
        return 130
    return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lis",
        description="LIS Assistant: answers about "
        "the Industrial Strategy and local industrial strategies.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ingest = commands.add_parser("ingest", help="add or refresh documents (files, folders, URLs)")
    ingest.add_argument("sources", nargs="*", help="default: the knowledge documents folder")
    ingest.add_argument(
        "--prune",
        action="store_true",
        help="remove stored documents whose file is gone from these folders",
    )
    ingest.add_argument(
        "--reindex",
        action="store_true",
        help="drop the index and rebuild it (after changing EMBEDDINGS)",
    )
    ingest.add_argument("--quiet", action="store_true", help="print only failures")
    ingest.set_defaults(handler=_ingest)

    ask = commands.add_parser("ask", help="answer a question")
    ask.add_argument("question", nargs="?", help="the question (or use --file)")
    ask.add_argument("--json", action="store_true", help="print JSON (JSON Lines with --file)")
    ask.add_argument("--file", type=Path, help="read one question per line from this file")
    ask.add_argument("--area", help="the asker's area, used when the question names none")
    ask.set_defaults(handler=_ask)

    sources = commands.add_parser("sources", help="list the knowledge base's documents")
    sources.set_defaults(handler=_sources)

    evaluation = commands.add_parser("eval", help="score a question set (YAML)")
    evaluation.add_argument("file", type=Path)
    evaluation.add_argument("--json", action="store_true", help="print figures as JSON")
    evaluation.set_defaults(handler=_eval)

    digest = commands.add_parser("digest", help="the consultation-deadline digest")
    digest.add_argument("--date", type=_day, help="as of this day, YYYY-MM-DD (default: today)")
    digest.add_argument("--days", type=int, default=30, help="how far ahead (default 30)")
    action = digest.add_mutually_exclusive_group()
    action.add_argument(
        "--post", action="store_true", help="send it to DIGEST_CHANNELS and subscribed channels"
    )
    action.add_argument(
        "--schedule",
        action="store_true",
        help="post it every day at DIGEST_TIME, Europe/London (runs until stopped)",
    )
    digest.set_defaults(handler=_digest)

    gaps = commands.add_parser(
        "gaps", help="what people asked that the knowledge base could not answer (admins)"
    )
    gaps.add_argument(
        "--days", type=int, default=DEFAULT_DAYS, help=f"how far back (default {DEFAULT_DAYS})"
    )
    gaps.set_defaults(handler=_gaps)

    forget = commands.add_parser(
        "forget", help="delete what is stored about a person, or everything past retention"
    )
    target = forget.add_mutually_exclusive_group(required=True)
    target.add_argument("--user", help="a Slack or Teams user id (e.g. U0123ABCD)")
    target.add_argument(
        "--expired", action="store_true", help="delete what is older than RETENTION_DAYS now"
    )
    forget.set_defaults(handler=_forget)

    serve = commands.add_parser("serve", help="run the web server for Slack (and Teams)")
    serve.add_argument(
        "--port",
        type=int,
        default=int(os.environ.get("PORT", 3000)),
        help="port to listen on (default: $PORT or 3000)",
    )
    serve.add_argument(
        "--socket",
        action="store_true",
        help="use Slack Socket Mode instead (development; needs SLACK_APP_TOKEN)",
    )
    serve.set_defaults(handler=_serve)

    run = commands.add_parser(
        "run",
        help="start the assistant: the server when Slack is "
        "configured, otherwise the local console",
    )
    run.set_defaults(handler=_run)
    return parser


def _ingest(args, settings: Settings, out: Console, err: Console) -> int:
    with _owning_store(settings, err, "ingest"):
        store = open_store(settings)
        return _run_ingest(args, settings, store, out, err)


_WAITING = {
    "ingest": "Another ingest is running (an admin's, perhaps); waiting for it to finish…",
    "serve": "An ingest is running; the server starts when it finishes…",
    "console": "An ingest is running; the assistant starts when it finishes…",
}


def _in_use(role: str, data_dir: Path) -> str:
    where = f"The knowledge store in {data_dir}"
    if role == "ingest":
        return (
            f"{where} is in use by a running `lis serve` (or `lis run`), and another process "
            "writing it would leave the server failing to answer. Add documents through the "
            "server instead: `/lis admin ingest URL`, share a file with the bot, or put files "
            "in the documents folder and use `/lis admin reingest`. Or stop the server, "
            "ingest, and start it again. To ingest from another process while serving, run "
            "Chroma as a server and set CHROMA_HOST."
        )
    if role == "serve":
        return (
            f"{where} is in use by another `lis serve` (or a `lis run` console); the embedded "
            "store serves one process. Stop the other one, or run Chroma as a server and set "
            "CHROMA_HOST to serve from several processes."
        )
    return (
        f"{where} is in use by a running `lis serve`. Ask through Slack or Teams (or with "
        "`lis ask`), or stop the server first."
    )


@contextmanager
def _owning_store(settings: Settings, err: Console, role: str) -> Iterator[None]:
    """Hold what `role` needs of the store while the block runs.

    Every ingest takes the ingest lock (ingests queue; across machines when DATABASE_URL
    puts the state in PostgreSQL). On the embedded store, `ingest`
    also takes the store lock, exclusively, while it writes; `serve` takes it exclusively
    and `console` shared, both for as long as they run, after waiting for any ingest to
    finish. Whoever cannot have it is refused with a `StoreInUseError` saying what to do.
    """
    data_dir = Path(settings.lis_data_dir)
    embedded = not settings.chroma_host
    if role != "ingest" and not embedded:
        yield
        return
    shared = StateStore.for_settings(settings).database if settings.database_url else None
    ingest = ingest_lock(data_dir, shared)
    owner = StoreLock(data_dir / STORE_LOCK)
    try:
        if not ingest.acquire(blocking=False):
            err.print(_WAITING[role])
            ingest.acquire()
        owned = False
        try:
            # An ingest holds the store lock only while holding the ingest lock, so with
            # the ingest lock held, a store lock taken is a server's or a console's.
            if embedded and not owner.try_acquire(shared=role == "console"):
                raise StoreInUseError(_in_use(role, data_dir))
            owned = True
        finally:
            if role != "ingest" or not owned:
                ingest.release()
    except OSError as error:
        raise StoreUnavailableError(
            f"cannot use the data directory {data_dir} ({error.strerror}). Check that "
            "LIS_DATA_DIR points to a writable folder and that the disk is not full."
        ) from None
    try:
        yield
    finally:
        owner.release()
        if role == "ingest":
            ingest.release()


def _run_ingest(args, settings: Settings, store: KnowledgeStore, out: Console, err: Console) -> int:
    if args.reindex:
        store.drop()
    sources = args.sources or [settings.documents_dir]
    show_bar = err.is_terminal and not args.quiet
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[name]}"),
        console=err,
        disable=not show_bar,
        transient=True,
    ) as progress:
        task = progress.add_task("Ingesting", total=None, name="")

        def advance(name: str, total: int) -> None:
            progress.update(task, total=total, advance=1, name=Path(name).name)

        report = ingest_sources(
            store,
            sources,
            prune=args.prune,
            on_progress=advance,
            policy=settings.fetch_policy,
        )
    deadline_sync(settings, store).refresh()
    for name, reason in report.failed:
        err.print(f"failed: {name}: {reason}")
    if not args.quiet:
        out.print(report.summary())
    return 1 if report.failed else 0


def _ask(args, settings: Settings, out: Console, err: Console) -> int:
    if bool(args.question) == bool(args.file):
        err.print("lis ask: give a question or --file QUESTIONS.txt (not both)")
        return 2
    engine = build_engine(settings)
    if args.file:
        questions = [line.strip() for line in _read_lines(args.file) if line.strip()]
    else:
        questions = [args.question]
    for question in questions:
        try:
            answer = engine.ask(question, area=args.area)
        except QuestionError as error:
            if not args.json:
                err.print(str(error))
                return 2
            answer = Answer(question, str(error), "no_answer")
        if args.json:
            print(json.dumps(answer.to_dict(), ensure_ascii=False), flush=True)
        else:
            print_answer(out, answer)
    return 0


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror}") from error


def _sources(args, settings: Settings, out: Console, err: Console) -> int:
    print_sources(out, open_store(settings).documents())
    return 0


def _eval(args, settings: Settings, out: Console, err: Console) -> int:
    engine = build_engine(settings)
    report = evaluate(load_cases(args.file), engine.ask)
    if args.json:
        print(
            json.dumps(
                {
                    "overall": report.figures(),
                    **{mode: report.figures(mode) for mode in report.modes()},
                }
            )
        )
    else:
        print_eval_report(out if out.is_terminal else Console(width=120), report)
    return 0


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _digest(args, settings: Settings, out: Console, err: Console) -> int:
    if not 1 <= args.days <= 366:
        raise UsageError("--days must be between 1 and 366.")
    if args.schedule:
        from bot.services.schedule import digest_trigger, run_schedule

        digest_trigger(settings.digest_time)  # a bad DIGEST_TIME fails now, not at 08:00
        send = digest_sender(settings)
        run_schedule(
            settings.digest_time,
            lambda: digest_once(settings, send, days=args.days),
            also=_gaps_job(settings, err),
        )
        return 0
    if args.post:
        outcomes = digest_once(settings, digest_sender(settings), args.date, args.days)
        for channel, outcome in outcomes.items():
            out.print(f"{channel}: {outcome}")
        if not outcomes:
            out.print("No channel wants the digest: set DIGEST_CHANNELS or use /lis digest on.")
        return 1 if "failed" in outcomes.values() else 0
    sync = deadline_sync(settings)
    sync.refresh()
    digest = build_digest(sync.deadlines, args.date or london_today(), args.days)
    out.print(escape(digest_text(digest)))
    return 0


def _gaps_job(settings: Settings, err: Console) -> dict:
    """The weekly gaps note, for the scheduler, when Slack and its admins are configured."""
    if not (settings.slack_bot_token and settings.admin_user_ids):
        err.print("The weekly gaps note is off: it needs SLACK_BOT_TOKEN and SLACK_ADMIN_USER_IDS.")
        return {}
    send = gaps_sender(settings)
    err.print(f"The weekly gaps note goes to the admins on {settings.gaps_day.title()}s.")
    return {"gaps": lambda: gaps_once(settings, send)}


def _gaps(args, settings: Settings, out: Console, err: Console) -> int:
    if not 1 <= args.days <= 366:
        raise UsageError("--days must be between 1 and 366.")
    out.print(escape(gaps_text(gaps_report(settings, args.days))))
    return 0


def _forget(args, settings: Settings, out: Console, err: Console) -> int:
    if args.user is not None:
        if not args.user.strip():
            raise UsageError("--user needs a Slack or Teams user id")
        changed = forget_user(StateStore.for_settings(settings), args.user.strip())
        what = f"Forgot {args.user.strip()}"
    else:
        changed = prune_expired(settings)
        what = f"Deleted what was older than {settings.retention_days} days"
    details = ", ".join(f"{table.replace('_', ' ')} {count}" for table, count in changed.items())
    out.print(f"{what}: {details}.")
    return 0


def _serve(args, settings: Settings, out: Console, err: Console) -> int:
    from bot.frontends.server import serve

    with _owning_store(settings, err, "serve"):
        serve(settings, build_assistant(settings), port=args.port, socket_mode=args.socket)
    return 0


def _run(args, settings: Settings, out: Console, err: Console) -> int:
    if settings.slack_enabled or settings.teams_enabled:
        err.print(f"Slack or Teams is configured: serving on port {os.environ.get('PORT', 3000)}.")
        args.port, args.socket = int(os.environ.get("PORT", 3000)), False
        return _serve(args, settings, out, err)
    with _owning_store(settings, err, "console"):
        run_console(build_engine(settings), sys.stdin, out)
    return 0


def _first_problem(error: ValidationError) -> str:
    problem = error.errors()[0]
    name = str(problem["loc"][0]).upper() if problem["loc"] else "?"
    return f"{name}: {problem['msg']}"


if __name__ == "__main__":
    sys.exit(main())
