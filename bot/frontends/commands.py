"""The chat commands, parsed once and answered once, for Slack and Teams alike.

`parse` tells a command from a question. `answer_command` answers it with a result:
plain `Text`, whose usage hints carry the front end's prefix ("/lis " in Slack, "" in a
Teams chat), or a typed result that each front end renders its own way (`Help`,
`Sources`, `Deadlines`, `AdminSources`, `ConfirmRemove`, `AdminJob`, and `Gaps`, which
is also a `Text`, so a front end without a rendering of its own shows its text). Who may
run an
admin command is checked here, once; every admin change (documents, deadlines) and every
refusal is written to the audit log. Texts returned here are plain: each front end makes
them safe for its chat (`bot.frontends.slack.safe`, `bot.frontends.teams.safe`).
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from bot.engine.answer import human_date
from bot.engine.places import Area
from bot.frontends.assistant import Assistant
from bot.services.admin import web_address
from bot.services.deadline_store import CuratedDeadlineError
from bot.services.deadlines import Deadline, deadline_id
from bot.services.digest import Digest, build_digest, london_today
from bot.services.gaps import DEFAULT_DAYS, GapsReport, build_gaps_report, gaps_text
from ingest.pipeline import IngestReport
from ingest.store import StoredDocument

__all__ = [
    "Command",
    "Where",
    "Text",
    "Help",
    "Sources",
    "Deadlines",
    "AdminSources",
    "ConfirmRemove",
    "AdminJob",
    "Gaps",
    "EXAMPLES",
    "HELP_COMMANDS",
    "examples_for",
    "NOT_ADMIN",
    "ADMIN_ELSEWHERE",
    "LOCAL_PATHS",
    "parse",
    "answer_command",
    "refuse",
    "is_admin",
    "document_summary",
    "admin_details",
    "job_outcome",
]

log = logging.getLogger(__name__)

# Questions offered to newcomers (help, the welcome card, the App Home), everywhere.
EXAMPLES = [
    "What should our ICS do for the Lincolnshire strategy?",
    "Who should our trust talk to about the West Midlands local industrial strategy?",
    "What does the ageing society grand challenge mean for the NHS?",
    "How can NHS organisations influence their local industrial strategy?",
]


def examples_for(area: str | None) -> list[str]:
    """Questions to offer someone whose conversation is about `area` (an area's name, e.g.
    "Heart of the South West"); the general examples when there is none."""
    if not area:
        return EXAMPLES
    return [
        f"What should our ICS do for the {area} strategy?",
        f"Who should our trust talk to about the {area} local industrial strategy?",
        f"What does the {area} local industrial strategy say about health?",
        EXAMPLES[3],
    ]


# (command, argument hint or "", what it does): help lists these in every front end.
HELP_COMMANDS = [
    ("help", "", "this message"),
    ("sources", "", "the documents I answer from"),
    ("area", "place", "set this conversation's area, for local contacts (alone: show it)"),
    ("deadlines", "days", "consultations and other deadlines due soon (default 30 days)"),
    ("digest on", "", "a morning digest of deadlines here (`digest off` stops it)"),
    ("forget me", "", "delete the questions you have asked me and your feedback"),
]
NOT_ADMIN = (
    "Sorry, only LIS Assistant admins can do that. Ask one of them, or ask whoever runs "
    "LIS Assistant to add you to the admins."
)
ADMIN_ELSEWHERE = (
    "Admin commands are available in Slack only for now: ask an admin there to add, "
    "refresh or remove documents, or to change deadlines."
)
LOCAL_PATHS = (
    "`{p}admin ingest` takes a web address (http or https), e.g. "
    "`{p}admin ingest https://www.example.org/strategy.pdf`. To add a file, share it with me "
    "in a direct message. Files and folders on the server itself are added by whoever runs "
    "LIS Assistant, with `lis ingest` on that host."
)
MAX_DAYS = 366
# `admin ingest <url> [replace DOC-ID]`; Slack sends a link as <url> or <url|label>.
_INGEST = re.compile(r"(?:<([^<>|]*)(?:\|[^<>]*)?>|(\S+))\s*(.*)")
Progress = Callable[[str], None]


@dataclass(frozen=True)
class Command:
    verb: str
    argument: str = ""


@dataclass(frozen=True)
class Where:
    """Who asked, in which conversation, and how that front end writes commands."""

    conversation: str
    user: str | None
    prefix: str = "/lis "
    admin_commands: bool = True
    # Whether the asker is an admin, decided by the front end from its own list
    # (TEAMS_ADMIN_IDS); None: ask the assistant (SLACK_ADMIN_USER_IDS).
    admin: bool | None = None
    # Called when the conversation subscribes to the digest (Teams keeps the reference
    # it needs to post there later).
    on_subscribe: Callable[[], None] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Help:
    examples: list[str]
    commands: list[tuple[str, str, str]]


@dataclass(frozen=True)
class Sources:
    documents: list[StoredDocument]


@dataclass(frozen=True)
class Deadlines:
    digest: Digest
    show_ids: bool  # only admins need ids, to remove a deadline


@dataclass(frozen=True)
class AdminSources:
    documents: list[StoredDocument]


@dataclass(frozen=True)
class ConfirmRemove:
    document: StoredDocument


@dataclass(frozen=True)
class AdminJob:
    """Long admin work: the front end says `started` (and where progress will show), runs
    `run(progress)` in a worker thread while showing progress, then shows
    `job_outcome(title, report)`."""

    title: str
    started: str
    run: Callable[[Progress], IngestReport]


@dataclass(frozen=True)
class Gaps(Text):
    """`admin gaps`: the gaps report; `text` is its plain form (terminal, Teams)."""

    report: GapsReport = field(compare=False)


Result = Text | Help | Sources | Deadlines | AdminSources | ConfirmRemove | AdminJob


def parse(text: str) -> Command | None:
    """The command in `text`, or None when it is a question."""
    verb, _, rest = " ".join(text.split()).partition(" ")
    verb = verb.lower()
    if verb in ("", "help"):
        return Command("help")
    if verb == "sources" and not rest:
        return Command("sources")
    if verb == "deadlines" and (not rest or rest.isdigit()):
        return Command("deadlines", rest)
    if verb == "forget" and rest.lower() in ("", "me"):
        return Command("forget", rest.lower())
    if verb in ("area", "digest", "deadline", "admin"):
        return Command(verb, rest)
    return None


async def answer_command(assistant: Assistant, command: Command, where: Where) -> Result:
    """What to show for `command`, asked in `where`."""
    match command.verb:
        case "help":
            return Help(EXAMPLES, HELP_COMMANDS)
        case "sources":
            return Sources(await assistant.sources())
        case "area":
            return Text(await _area(assistant, where, command.argument))
        case "deadlines":
            return _deadlines(assistant, where, command.argument)
        case "digest":
            return Text(_digest(assistant, where, command.argument))
        case "forget":
            return Text(await _forget(assistant, where, command.argument))
        case "deadline" | "admin" if not where.admin_commands:
            return Text(ADMIN_ELSEWHERE)
        case "deadline":
            return Text(_deadline_admin(assistant, where, command.argument))
        case "admin":
            return await _admin(assistant, where, command.argument)
    raise ValueError(f"not a command: {command.verb}")  # parse() makes no other verb


def is_admin(assistant: Assistant, where: Where) -> bool:
    """Whether whoever asked in `where` may run admin commands."""
    return assistant.is_admin(where.user) if where.admin is None else where.admin


def refuse(assistant: Assistant, user: str | None, action: str, target: str | None = None) -> str:
    """Refuse a non-admin politely, and write the attempt to the audit log."""
    log.warning("refused %s by non-admin %s", action, user)
    assistant.state.audit(user, action, target, "refused: not an admin")
    return NOT_ADMIN


def document_summary(document: StoredDocument) -> str:
    """'Title, Publisher, June 2019': a document as every list of sources shows it."""
    return (
        f"{document.title}, {document.publisher or 'unknown publisher'}, "
        f"{human_date(document.published) or 'undated'}"
    )


def admin_details(document: StoredDocument) -> str:
    """What an admin needs after a document's title: size, date, origin, ingest time."""
    ingested = (document.ingested_at or "?")[:16].replace("T", " ")
    return (
        f"{document.chunks} chunks, {human_date(document.published) or 'undated'}, "
        f"from {document.source or 'unknown'}, ingested {ingested}"
    )


def job_outcome(title: str, report: IngestReport) -> tuple[str, str]:
    """("done" | "partial" | "failed", what to say) at the end of an admin ingest."""
    if report.failed and not (report.added or report.updated or report.unchanged):
        return "failed", f"{title} failed: {'; '.join(why for _, why in report.failed)}."
    failures = "".join(f"\n• failed: {name}: {why}" for name, why in report.failed)
    status = "partial" if report.failed else "done"
    return status, f"{title}: done. {report.summary()}.{failures}"


# The commands ----------------------------------------------------------------------


async def _area(assistant: Assistant, where: Where, place: str) -> str:
    """Show (no place) or set the conversation's default area."""
    p = where.prefix
    if not place:
        current, areas = assistant.area(where.conversation)
        if not current:
            return (
                f"This conversation has no area yet. Set one with `{p}area` and a place, "
                f"e.g. `{p}area Exeter`; answers then point to that area's contacts "
                "when a question names no place."
            )
        return f"This conversation's area is {current} ({_names(areas)})."
    areas = await assistant.set_area(where.conversation, place, where.user)
    if not areas:
        return (
            f"I don't recognise “{place}”. Try a county, city, large town, LEP or "
            f"combined authority, e.g. `{p}area Lincolnshire` or `{p}area Greater Manchester`."
        )
    return (
        f"This conversation's area is now {place} ({_names(areas)}). Questions that name "
        "no place will point to its contacts."
    )


def _names(areas: list[Area]) -> str:
    return "; ".join(area.org for area in areas) or "no matching area"


def _deadlines(assistant: Assistant, where: Where, argument: str) -> Result:
    """What is due in the next N days (default 30)."""
    days = int(argument) if argument else 30
    if not 1 <= days <= MAX_DAYS:
        return Text(
            f"Usage: `{where.prefix}deadlines [days]`, with days from 1 to {MAX_DAYS} (default 30)."
        )
    digest = build_digest(assistant.deadlines, london_today(), days)
    return Deadlines(digest, show_ids=is_admin(assistant, where))


def _digest(assistant: Assistant, where: Where, argument: str) -> str:
    """`digest on [--always]` / `digest off` for this conversation."""
    p, words = where.prefix, argument.split()
    if words[:1] == ["on"] and set(words[1:]) <= {"--always"}:
        if where.on_subscribe:
            where.on_subscribe()
        always = "--always" in words
        assistant.deadlines.subscribe(where.conversation, always, where.user)
        when = (
            "every morning, even when nothing is due"
            if always
            else "each morning when something is due"
        )
        return f"This conversation will get the deadline digest {when}. `{p}digest off` to stop."
    if words == ["off"]:
        if assistant.deadlines.unsubscribe(where.conversation):
            return "This conversation will no longer get the deadline digest."
        return "This conversation was not getting the deadline digest."
    return (
        f"Usage: `{p}digest on` (add `--always` to get it even when nothing is due) "
        f"or `{p}digest off`."
    )


async def _forget(assistant: Assistant, where: Where, argument: str) -> str:
    """`forget me`: delete the asker's questions, answers and feedback at once."""
    if argument != "me" or not where.user:  # "forget" alone: say what it does
        return (
            f"`{where.prefix}forget me` deletes the questions you have asked me, my answers "
            "to them and your feedback. (They are also deleted automatically after the "
            "retention period your administrators set.)"
        )
    changed = await assistant.forget(where.user)
    return (
        f"Done: I deleted {changed['answers']} of your questions with their answers and "
        f"{changed['feedback']} feedback ratings. Admin actions you took stay in the audit "
        "log without your name."
    )


def _deadline_admin(assistant: Assistant, where: Where, argument: str) -> str:
    """`deadline add YYYY-MM-DD <title> [url]` and `deadline remove <id>`: admins only."""
    p = where.prefix
    action, _, rest = argument.partition(" ")
    usage = (
        f"Usage: `{p}deadline add YYYY-MM-DD title [url]`, e.g. "
        f"`{p}deadline add 2026-12-15 Dorset LIS refresh consultation closes`"
    )
    if action not in ("add", "remove"):
        return f"{usage}\nor `{p}deadline remove ID` (ids are shown by `{p}deadlines`)."
    if not is_admin(assistant, where):
        return refuse(assistant, where.user, f"deadline {action}", rest or None)
    if action == "remove":
        return _remove_deadline(assistant, where, rest.strip())
    return _add_deadline(assistant, where, rest, usage)


def _add_deadline(assistant: Assistant, where: Where, rest: str, usage: str) -> str:
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})\s+(.+?)(?:\s+(https?://\S+))?", rest.strip())
    if not match:
        return usage
    try:
        due = date.fromisoformat(match.group(1))
    except ValueError:
        return f"“{match.group(1)}” is not a real date. {usage}"
    title, url = match.group(2).strip(), match.group(3)
    areas = assistant.engine.areas(title)
    deadline = Deadline(
        id=deadline_id("admin", due.isoformat(), title),
        title=title,
        due=due,
        kind="Deadline",
        area=areas[0].name if areas else None,
        url=url,
        source="admin",
        added_by=where.user,
    )
    assistant.deadlines.add(deadline)
    log.warning("deadline %s added by %s: %s %s", deadline.id, where.user, due, title)
    assistant.state.audit(where.user, "deadline add", deadline.id, f"added: {due} {title}")
    return f"Added `{deadline.id}`: {title}, due {due:%A %-d %B %Y}."


def _remove_deadline(assistant: Assistant, where: Where, identifier: str) -> str:
    if not identifier:
        return (
            f"Usage: `{where.prefix}deadline remove ID` (ids are shown by "
            f"`{where.prefix}deadlines`)."
        )
    audit = assistant.state.audit
    try:
        removed = assistant.deadlines.remove(identifier, by=where.user)
    except CuratedDeadlineError as error:
        audit(where.user, "deadline remove", identifier, "refused: curated (deadlines.yaml)")
        return str(error)
    if removed is None:
        audit(where.user, "deadline remove", identifier, "failed: no such deadline")
        return f"No deadline has the id `{identifier}`."
    log.warning("deadline %s removed by %s", identifier, where.user)
    audit(where.user, "deadline remove", identifier, f"removed: {removed.title}")
    return f"Removed `{identifier}`: {removed.title} ({removed.when_due(short=False)})."


async def _admin(assistant: Assistant, where: Where, argument: str) -> Result:
    """`admin ingest URL | reingest | remove DOCUMENT | sources | log`."""
    action, _, rest = argument.partition(" ")
    rest, user, p = rest.strip(), where.user, where.prefix
    if action == "gaps":  # reads the state only: needs no admin service
        return await _gaps(assistant, where, rest)
    if not is_admin(assistant, where) or assistant.admin is None:
        return Text(refuse(assistant, user, f"admin {action}".strip(), rest or None))
    admin = assistant.admin
    if action == "ingest" and rest:
        return _admin_ingest(assistant, where, rest)
    if action == "reingest":
        return AdminJob(
            "Re-ingest",
            "Re-ingesting the knowledge base",
            lambda progress: admin.reingest(user, progress),
        )
    if action == "remove" and rest:
        matches = admin.find(rest)
        if not matches:
            return Text(f"No document matches “{rest}”. `{p}admin sources` lists them.")
        if len(matches) > 1:
            names = "\n".join(f"• `{d.doc_id}`: {d.title}" for d in matches[:10])
            return Text(f"“{rest}” matches several documents; use the id:\n{names}")
        return ConfirmRemove(matches[0])
    if action == "sources":
        return AdminSources(admin.sources())
    if action == "log":
        return Text(_audit_log(assistant))
    return Text(_admin_usage(p))


def _admin_usage(p: str) -> str:
    return (
        f"Admin commands: `{p}admin ingest URL` (a web page or PDF, added as a new document; "
        f"`{p}admin ingest URL replace DOCUMENT-ID` puts it in place of that document), "
        f"`{p}admin reingest`, `{p}admin remove DOCUMENT` (its id or title), "
        f"`{p}admin sources`, `{p}admin log`, `{p}admin gaps [days]` (what the knowledge "
        "base could not answer). To add a file, share it with me in a direct message."
    )


async def _gaps(assistant: Assistant, where: Where, argument: str) -> Result:
    """`admin gaps [days]`: questions of the last N days (default 14) answered "not
    covered" or rated 👎, grouped by meaning. Admins only; the report names no one."""
    if not is_admin(assistant, where):
        return Text(refuse(assistant, where.user, "admin gaps", argument or None))
    if argument and not (argument.isdigit() and 1 <= int(argument) <= MAX_DAYS):
        return Text(
            f"Usage: `{where.prefix}admin gaps [days]`, with days from 1 to {MAX_DAYS} "
            f"(default {DEFAULT_DAYS})."
        )
    engine = assistant.engine
    report = await asyncio.to_thread(
        build_gaps_report,
        assistant.state,
        engine.store.embedder,
        engine.contacts.gazetteer,
        int(argument or DEFAULT_DAYS),
        areas_on=engine.areas_writing_about,
    )
    return Gaps(gaps_text(report), report)


def _admin_ingest(assistant: Assistant, where: Where, argument: str) -> Result:
    """`admin ingest URL [replace DOC-ID]`: web addresses only, checked as text, so
    nothing on the server's disk is ever looked at; anything else is pointed to
    `lis ingest` on the host, and the refusal is audited."""
    admin, user, p = assistant.admin, where.user, where.prefix
    match = _INGEST.fullmatch(argument.strip())
    target, rest = (match.group(1) or match.group(2), match.group(3)) if match else ("", "")
    url = web_address(target)
    if url is None:
        assistant.state.audit(user, "ingest", argument[:300], "refused: not a web address")
        return Text(LOCAL_PATHS.format(p=p))
    words = rest.split()
    replace = words[1] if len(words) == 2 and words[0].lower() == "replace" else None
    if words and replace is None:
        return Text(_admin_usage(p))
    if replace and admin.document(replace) is None:
        return Text(f"No document has the id `{replace}`. `{p}admin sources` lists them.")
    title = f"Ingest {url}" + (f" in place of {replace}" if replace else "")
    return AdminJob(
        title,
        title.replace("Ingest", "Ingesting", 1),
        lambda progress: admin.ingest_url(url, user, progress, replace=replace),
    )


def _audit_log(assistant: Assistant) -> str:
    entries = assistant.state.audit_entries(20)
    if not entries:
        return "No admin actions yet."
    return "Last admin actions:\n" + "\n".join(
        f"• {e['at'][:16].replace('T', ' ')} {e['user_id']} {e['action']} "
        f"{e['target'] or ''}: {e['result']}"
        for e in entries
    )
