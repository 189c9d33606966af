"""Admin work in Slack: keep the knowledge base current.

The commands themselves (`/lis admin ...`) are answered in `bot.frontends.commands`; here
are running an ingest with progress in a DM, the remove confirmation buttons, and the
file-upload flow (a file shared in a DM, an "Add to knowledge
base" button, a modal to correct title, publisher and date). Every request is checked
against SLACK_ADMIN_USER_IDS, not only when a button is shown; refusals are polite and
written to the audit log. Long work reports progress by updating one DM message; its
text quotes URLs, file names and errors, so it is escaped like everything else.
"""

from __future__ import annotations

import asyncio
import logging
import re

from slack_bolt.async_app import AsyncApp

from bot.frontends.assistant import Assistant
from bot.frontends.commands import AdminJob, job_outcome, refuse
from bot.frontends.slack.blocks import REMOVE_CANCEL, REMOVE_CONFIRM
from bot.frontends.slack.safe import plain
from ingest.errors import IngestError
from ingest.store import StoreUnavailableError

__all__ = ["register", "run_job", "ADD_FILE", "UPLOAD_MODAL"]

log = logging.getLogger(__name__)
ADD_FILE, UPLOAD_MODAL = "admin_add_file", "admin_upload_modal"


async def run_job(client, user: str, job: AdminJob) -> None:
    """Run an admin job in a worker thread, updating one DM message as it goes."""
    title = plain(job.title)
    posted = await client.chat_postMessage(channel=user, text=f":hourglass: {title}: waiting…")
    channel, ts = posted["channel"], posted["ts"]
    loop = asyncio.get_running_loop()

    def progress(step: str) -> None:
        update = client.chat_update(
            channel=channel, ts=ts, text=f":hourglass: {title}: {plain(step)}"
        )
        asyncio.run_coroutine_threadsafe(update, loop).result(timeout=30)

    try:
        status, text = job_outcome(title, await asyncio.to_thread(job.run, progress))
        final = f"{_ICONS[status]} {plain(text)}"
    except (IngestError, StoreUnavailableError) as error:
        final = f":x: {title} failed: {plain(str(error))}."
    except Exception:
        log.exception("%s failed", title)
        final = (
            f":x: {title} failed because of an unexpected error (logged for the "
            "maintainers). The previous version of every document is still answerable."
        )
    await client.chat_update(channel=channel, ts=ts, text=final)


_ICONS = {"done": ":white_check_mark:", "partial": ":warning:", "failed": ":x:"}


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
            text=f"Removed `{plain(action['value'])}` ({removed} chunks). "
            "Answers no longer cite it.",
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
        replace = values.get("replaces", "").strip() or None
        errors = {}
        if published and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", published):
            errors["published"] = "Use YYYY, YYYY-MM or YYYY-MM-DD."
        if replace and assistant.admin.document(replace) is None:
            errors["replaces"] = "No document has that id: `/lis admin sources` lists them."
        if errors:
            await ack(response_action="errors", errors=errors)
            return
        await ack()
        metadata = {
            "title": values.get("title", "").strip(),
            "published": published,
            "publisher": values.get("publisher", "").strip(),
        }
        title = f"Add {metadata['title'] or 'upload'}"
        job = AdminJob(
            title,
            title,
            lambda progress: assistant.admin.add_upload(
                view["private_metadata"], metadata, user, progress, replace=replace
            ),
        )
        await run_job(client, user, job)


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
            field(
                "replaces",
                "Replaces (optional)",
                None,
                "The id of a document this file takes the place of (`/lis admin sources`). "
                "Leave empty to add it as a new document.",
                True,
            ),
        ],
    }
