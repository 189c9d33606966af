"""Admin commands and buttons: keep the knowledge base current from Slack.

`/lis admin ingest <url> | reingest | remove <document> | sources | log`, the remove
confirmation buttons, and the file-upload flow (a file shared in a DM, an "Add to knowledge
base" button, a modal to correct title, publisher and date). Every request is checked
against SLACK_ADMIN_USER_IDS, not only when a button is shown; refusals are polite and
written to the audit log. Long work reports progress by updating one DM message.
"""

from __future__ import annotations

import asyncio
import logging
import re

from slack_bolt.async_app import AsyncApp

from bot.engine.answer import human_date
from bot.frontends.assistant import Assistant
from ingest.errors import IngestError
from ingest.pipeline import IngestReport
from ingest.store import StoreUnavailableError

__all__ = ["register", "admin_command", "NOT_ADMIN", "ADD_FILE", "UPLOAD_MODAL"]

log = logging.getLogger(__name__)
NOT_ADMIN = (
    "Sorry, only LIS Assistant admins can change the knowledge base. Ask one of "
    "them, or an admin can add you to SLACK_ADMIN_USER_IDS."
)
USAGE = (
    "Admin commands: `/lis admin ingest <url>`, `/lis admin reingest`, "
    "`/lis admin remove <document id or title>`, `/lis admin sources`, `/lis admin log`."
)
REMOVE_CONFIRM, REMOVE_CANCEL = "admin_remove_confirm", "admin_remove_cancel"
ADD_FILE, UPLOAD_MODAL = "admin_add_file", "admin_upload_modal"


def refuse(assistant: Assistant, user: str, action: str, target: str | None = None) -> str:
    log.warning("refused %s by non-admin %s", action, user)
    assistant.state.audit(user, action, target, "refused: not an admin")
    return NOT_ADMIN


async def admin_command(assistant: Assistant, client, ack, user: str, text: str) -> None:
    """`/lis admin ...`: acknowledged at once; long work reports in a DM."""
    action, _, argument = text.partition(" ")
    argument = argument.strip()
    if not assistant.is_admin(user):
        await ack(text=refuse(assistant, user, f"admin {action}".strip(), argument or None))
    elif action == "ingest" and argument:
        url = argument.strip("<>").split("|")[0]  # Slack wraps links as <url|label>
        await ack(text=f"Ingesting {url}: I'll show progress in our direct messages.")
        await run_job(
            assistant,
            client,
            user,
            f"Ingest {url}",
            lambda progress: assistant.admin.ingest_url(url, user, progress),
        )
    elif action == "reingest":
        await ack(text="Re-ingesting the knowledge base: progress in our direct messages.")
        await run_job(
            assistant,
            client,
            user,
            "Re-ingest",
            lambda progress: assistant.admin.reingest(user, progress),
        )
    elif action == "remove" and argument:
        await ack(**_remove_prompt(assistant, argument))
    elif action == "sources":
        await ack(blocks=_sources_blocks(assistant), text="Knowledge base sources")
    elif action == "log":
        await ack(text=_log_text(assistant))
    else:
        await ack(text=USAGE)


async def run_job(assistant: Assistant, client, user: str, title: str, job) -> None:
    """Run `job(progress)` in a worker thread, updating one DM message as it goes."""
    posted = await client.chat_postMessage(channel=user, text=f":hourglass: {title}: waiting…")
    channel, ts = posted["channel"], posted["ts"]
    loop = asyncio.get_running_loop()

    def progress(step: str) -> None:
        update = client.chat_update(channel=channel, ts=ts, text=f":hourglass: {title}: {step}")
        asyncio.run_coroutine_threadsafe(update, loop).result(timeout=30)

    try:
        report = await asyncio.to_thread(job, progress)
        final = _outcome(title, report)
    except (IngestError, StoreUnavailableError) as error:
        final = f":x: {title} failed: {error}."
    except Exception:
        log.exception("%s failed", title)
        final = (
            f":x: {title} failed because of an unexpected error (logged for the "
            "maintainers). The previous version of every document is still answerable."
        )
    await client.chat_update(channel=channel, ts=ts, text=final)


def _outcome(title: str, report: IngestReport) -> str:
    if report.failed and not (report.added or report.updated or report.unchanged):
        reasons = "; ".join(why for _, why in report.failed)
        return f":x: {title} failed: {reasons}."
    icon = ":warning:" if report.failed else ":white_check_mark:"
    failures = "".join(f"\n• failed: {name}: {why}" for name, why in report.failed)
    return f"{icon} {title}: done. {report.summary()}.{failures}"


def _remove_prompt(assistant: Assistant, query: str) -> dict:
    matches = assistant.admin.find(query)
    if not matches:
        return {"text": f"No document matches “{query}”. `/lis admin sources` lists them."}
    if len(matches) > 1:
        names = "\n".join(f"• `{d.doc_id}`: {d.title}" for d in matches[:10])
        return {"text": f"“{query}” matches several documents; use the id:\n{names}"}
    doc = matches[0]
    return {
        "text": f"Remove {doc.title}?",
        "blocks": [
            {
                "type": "section",
                "text": {
                    "type": "mrkdwn",
                    "text": f"Remove *{doc.title}* (`{doc.doc_id}`, {doc.chunks} chunks) "
                    "from the knowledge base? Answers will no longer cite it.",
                },
            },
            {
                "type": "actions",
                "elements": [
                    {
                        "type": "button",
                        "action_id": REMOVE_CONFIRM,
                        "value": doc.doc_id,
                        "style": "danger",
                        "text": {"type": "plain_text", "text": "Remove"},
                    },
                    {
                        "type": "button",
                        "action_id": REMOVE_CANCEL,
                        "value": doc.doc_id,
                        "text": {"type": "plain_text", "text": "Cancel"},
                    },
                ],
            },
        ],
    }


def _sources_blocks(assistant: Assistant) -> list[dict]:
    lines = [
        f"• *{d.title}* (`{d.doc_id}`): {d.chunks} chunks, "
        f"{human_date(d.published) or 'undated'}, from {d.source or 'unknown'}, "
        f"ingested {(d.ingested_at or '?')[:16].replace('T', ' ')}"
        for d in assistant.admin.sources()
    ]
    text = "*Knowledge base*\n" + ("\n".join(lines) or "Empty.")
    return [
        {"type": "section", "text": {"type": "mrkdwn", "text": text[i : i + 2900]}}
        for i in range(0, len(text), 2900)
    ][:50]


def _log_text(assistant: Assistant) -> str:
    entries = assistant.state.audit_entries(20)
    if not entries:
        return "No admin actions yet."
    return "*Last admin actions*\n" + "\n".join(
        f"• {e['at'][:16].replace('T', ' ')} <@{e['user_id']}> {e['action']} "
        f"{e['target'] or ''}: {e['result']}"
        for e in entries
    )


def register(app: AsyncApp, assistant: Assistant) -> None:
    @app.action(REMOVE_CONFIRM)
    async def confirm_remove(ack, action, body, respond) -> None:
        await ack()
        user = body["user"]["id"]
        if not assistant.is_admin(user):
            await respond(
                text=refuse(assistant, user, "remove", action["value"]),
                replace_original=False,
                response_type="ephemeral",
            )
            return
        removed = await asyncio.to_thread(assistant.admin.remove, action["value"], user)
        await respond(
            replace_original=True,
            text=f"Removed `{action['value']}` ({removed} chunks). Answers no longer cite it.",
        )

    @app.action(REMOVE_CANCEL)
    async def cancel_remove(ack, respond) -> None:
        await ack()
        await respond(replace_original=True, text="Cancelled: nothing was removed.")

    @app.action(ADD_FILE)
    async def add_file(ack, action, body, client) -> None:
        await ack()
        user = body["user"]["id"]
        if not assistant.is_admin(user):
            await client.chat_postMessage(
                channel=user, text=refuse(assistant, user, "upload", action["value"])
            )
            return
        pending = assistant.state.pending_upload(action["value"])
        if pending is None:
            await client.chat_postMessage(
                channel=user, text="That upload is no longer waiting; share the file again."
            )
            return
        await client.views_open(trigger_id=body["trigger_id"], view=_upload_modal(pending))

    @app.view(UPLOAD_MODAL)
    async def save_upload(ack, body, view, client) -> None:
        user = body["user"]["id"]
        if not assistant.is_admin(user):
            await ack(
                response_action="errors",
                errors={"title": refuse(assistant, user, "upload", view["private_metadata"])},
            )
            return
        values = {
            block: next(iter(field.values())).get("value") or ""
            for block, field in view["state"]["values"].items()
        }
        published = values.get("published", "").strip()
        if published and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", published):
            await ack(
                response_action="errors", errors={"published": "Use YYYY, YYYY-MM or YYYY-MM-DD."}
            )
            return
        await ack()
        metadata = {
            "title": values.get("title", "").strip(),
            "published": published,
            "publisher": values.get("publisher", "").strip(),
        }
        await run_job(
            assistant,
            client,
            user,
            f"Add {metadata['title'] or 'upload'}",
            lambda progress: assistant.admin.add_upload(
                view["private_metadata"], metadata, user, progress
            ),
        )


def _upload_modal(pending: dict) -> dict:
    def field(block: str, label: str, value: str | None, hint: str, optional: bool) -> dict:
        element = {"type": "plain_text_input", "action_id": "value"}
        if value:
            element["initial_value"] = value
        return {
            "type": "input",
            "block_id": block,
            "optional": optional,
            "label": {"type": "plain_text", "text": label},
            "element": element,
            "hint": {"type": "plain_text", "text": hint},
        }

    return {
        "type": "modal",
        "callback_id": UPLOAD_MODAL,
        "private_metadata": pending["file_id"],
        "title": {"type": "plain_text", "text": "Add to knowledge base"},
        "submit": {"type": "plain_text", "text": "Add"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": [
            field("title", "Title", pending["title"], "Shown in every citation.", False),
            field("publisher", "Publisher", None, "Who published it.", True),
            field("published", "Date", pending["published"], "YYYY, YYYY-MM or YYYY-MM-DD.", True),
        ],
    }
