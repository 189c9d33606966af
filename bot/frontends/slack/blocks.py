"""Render answers and help as Slack Block Kit.

An `Answer` becomes: the answer text (Slack mrkdwn, not Markdown), a *Sources* section, a
*Who to contact* section and buttons (share, 👍, 👎), or, in Slack's assistant panel,
Slack's own feedback buttons (a `context_actions` block). The panel's greeting and
suggested prompts are here too. Slack rejects a section over 3,000
characters and a message over 50 blocks, so long text is split at line breaks and the
block list is capped. Every string from outside this code goes through
`bot.frontends.slack.safe` first.
"""

from __future__ import annotations

from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    ContextActionsBlock,
    FeedbackButtonObject,
    FeedbackButtonsElement,
    MarkdownTextObject,
    SectionBlock,
)

from bot.engine.answer import Answer, Citation, Contact, human_date, sources_of
from bot.frontends.assistant import Reply
from bot.frontends.commands import (
    EXAMPLES,
    HELP_COMMANDS,
    admin_details,
    document_summary,
    examples_for,
)
from bot.frontends.slack.safe import escape, fallback, link, mrkdwn, plain
from ingest.store import StoredDocument

__all__ = [
    "escape",
    "answer_blocks",
    "reply_message",
    "greeting",
    "suggested_prompts",
    "thread_title",
    "help_blocks",
    "sources_blocks",
    "home_view",
    "to_mrkdwn",
    "text_sections",
    "SECTION_LIMIT",
    "MAX_BLOCKS",
    "SHARE",
    "FEEDBACK_UP",
    "FEEDBACK_DOWN",
    "FEEDBACK",
]

SECTION_LIMIT = 3000
MAX_BLOCKS = 50
SHARE, FEEDBACK_UP, FEEDBACK_DOWN = "share_answer", "feedback_up", "feedback_down"
FEEDBACK = "answer_feedback"  # Slack's feedback buttons; the value is "<answer id>:<rating>"
TITLE_LIMIT = 100
REMOVE_CONFIRM, REMOVE_CANCEL = "admin_remove_confirm", "admin_remove_cancel"


to_mrkdwn = mrkdwn  # the name the rest of the front end has always used


def text_sections(text: str, limit: int = SECTION_LIMIT) -> list[dict]:
    """Section blocks for `text`, split at line breaks (or spaces) to stay under `limit`."""
    pieces: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            cut = line.rfind(" ", 0, limit) if " " in line[:limit] else limit
            pieces.extend([p for p in (current, line[:cut]) if p])
            current, line = "", line[cut:].lstrip()
        if current and len(current) + 1 + len(line) > limit:
            pieces.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current:
        pieces.append(current)
    return [{"type": "section", "text": {"type": "mrkdwn", "text": piece}} for piece in pieces]


def _citation_line(numbers: list[int], citation: Citation) -> str:
    details = [
        citation.publisher,
        human_date(citation.published),
        f"p. {citation.page}" if citation.page else None,
        f"“{citation.section}”" if citation.section else None,
    ]
    rest = ", ".join(plain(part) for part in details if part)
    marks = " ".join(f"[{n}]" for n in numbers)
    return f"{marks} {link(citation.url, citation.title)}" + (f", {rest}" if rest else "")


def _contact_line(contact: Contact) -> str:
    who = ", ".join(plain(p) for p in (contact.name, contact.role, contact.org) if p)
    where = f"*{plain(contact.area)}:* " if contact.area else "*Nationally:* "
    reach = [
        link(f"mailto:{contact.email}", contact.email) if contact.email else None,
        link(contact.url, "web page") if contact.url else None,
    ]
    line = where + who + "".join(f" · {r}" for r in reach if r)
    extras = [f"Source: {contact.source}" if contact.source else None, contact.note]
    return line + "".join(f"\n      _{plain(e)}_" for e in extras if e)


def answer_blocks(
    answer: Answer,
    answer_id: str | None = None,
    *,
    shareable: bool = False,
    native_feedback: bool = False,
) -> list[dict]:
    """The whole answer as blocks; `shareable` adds the "Share in channel" button,
    `native_feedback` puts Slack's feedback buttons where the 👍 / 👎 buttons would be."""
    blocks = text_sections(to_mrkdwn(answer.answer))
    if answer.note:
        blocks.append(
            {"type": "context", "elements": [{"type": "mrkdwn", "text": plain(answer.note)}]}
        )
    if answer.citations:
        lines = "\n".join(_citation_line(*source) for source in sources_of(answer.citations))
        blocks += [{"type": "divider"}, *text_sections(f"*Sources*\n{lines}")]
    if answer.contacts:
        lines = "\n".join(_contact_line(c) for c in answer.contacts)
        blocks += text_sections(f"*Who to contact*\n{lines}")
    if answer_id:
        blocks.append(
            _feedback_buttons(answer_id) if native_feedback else _buttons(answer_id, shareable)
        )
    if len(blocks) > MAX_BLOCKS:
        tail = blocks[-1:] if answer_id else []
        body = blocks[: MAX_BLOCKS - 1 - len(tail)]
        blocks = [*body, _context("(Shortened to fit in one Slack message.)"), *tail]
    return blocks


def _buttons(answer_id: str, shareable: bool) -> dict:
    elements = []
    if shareable:
        elements.append(
            {
                "type": "button",
                "action_id": SHARE,
                "value": answer_id,
                "style": "primary",
                "text": {"type": "plain_text", "text": "Share in channel"},
            }
        )
    elements += [
        {
            "type": "button",
            "action_id": FEEDBACK_UP,
            "value": answer_id,
            "text": {"type": "plain_text", "text": "👍 Helpful", "emoji": True},
        },
        {
            "type": "button",
            "action_id": FEEDBACK_DOWN,
            "value": answer_id,
            "text": {"type": "plain_text", "text": "👎 Not helpful", "emoji": True},
        },
    ]
    return {"type": "actions", "block_id": "answer_actions", "elements": elements}


def _feedback_buttons(answer_id: str) -> dict:
    """Slack's own thumbs up / down, as its assistant panel shows them under an answer."""
    buttons = FeedbackButtonsElement(
        action_id=FEEDBACK,
        positive_button=FeedbackButtonObject(
            text="Helpful", accessibility_label="This answer was helpful", value=f"{answer_id}:1"
        ),
        negative_button=FeedbackButtonObject(
            text="Not helpful",
            accessibility_label="This answer was not helpful",
            value=f"{answer_id}:-1",
        ),
    )
    return ContextActionsBlock(block_id="answer_feedback", elements=[buttons]).to_dict()


def reply_message(reply: Reply, *, native_feedback: bool = False) -> dict:
    """A reply (an answer, or the message saying why there is none) as the keyword
    arguments of `chat.postMessage` / `chat.update`; blocks always, so an update replaces
    whatever the message showed before (a streamed draft)."""
    if reply.answer is None:
        text = plain(reply.error or "")
        return {"text": text, "blocks": text_sections(text)}
    return {
        "text": fallback(reply.answer.answer),
        "blocks": answer_blocks(reply.answer, reply.answer_id, native_feedback=native_feedback),
    }


def greeting(area: str | None) -> str:
    """The assistant panel's first message; `area` is the open channel's area, if any."""
    where = (
        f" Answers here use the area of the channel you have open: *{plain(area)}*."
        if area
        else " Set a channel's area with `/lis area` and a place to get its local contacts."
    )
    return (
        "Hello! I answer questions about the UK Industrial Strategy and local industrial "
        "strategies from a curated set of briefings, with sources and who to contact." + where
    )


def suggested_prompts(area: str | None) -> list[str]:
    """Three or four questions to offer in the assistant panel, local when `area` is set."""
    return [plain(question) for question in examples_for(area)]


def thread_title(question: str) -> str:
    """An assistant thread's title: the first question, shortened."""
    if len(question) > TITLE_LIMIT:
        question = question[: TITLE_LIMIT - 1].rsplit(" ", 1)[0] + "…"
    return plain(question)


def _context(text: str) -> dict:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}


def help_blocks() -> list[dict]:
    examples = "\n".join(f"• `/lis {q}`" for q in EXAMPLES)
    commands = "\n".join(
        f"• `/lis {name}`" + (f" _{hint}_" if hint else "") + f": {what}"
        for name, hint, what in HELP_COMMANDS
    )
    text = (
        "*LIS Assistant* answers questions about the UK Industrial Strategy and local "
        "industrial strategies from a curated set of briefings, with sources and who to "
        "contact in your area.\n\n"
        f"*Ask a question*\n{examples}\n\n"
        f"*Commands*\n{commands}\n"
        "• `/lis deadline add` _YYYY-MM-DD title [url]_, `/lis deadline remove` _id_: admins\n"
        "• `/lis admin` _ingest URL [replace ID], reingest, remove, sources, log_: admins\n\n"
        "You can also mention me in a channel (I answer in a thread; follow-ups in the "
        "thread are understood) or send me a direct message."
    )
    return text_sections(text)


def sources_blocks(documents: list[StoredDocument]) -> list[dict]:
    if not documents:
        return text_sections("The knowledge base is empty: an admin needs to add documents.")
    lines = [
        f"• {link(d.url, d.title)}{plain(document_summary(d).removeprefix(d.title))}"
        for d in documents
    ]
    return text_sections(
        f"*The knowledge base holds {len(documents)} documents*\n"
        + "\n".join(lines)
        + "\n\nThey date from before 2020: check anything time-sensitive."
    )


def home_view(documents: list[StoredDocument]) -> dict:
    """The App Home tab: what the assistant is for, examples, and the sources."""
    blocks = [
        {"type": "header", "text": {"type": "plain_text", "text": "LIS Assistant"}},
        *help_blocks(),
        {"type": "divider"},
        *sources_blocks(documents),
    ]
    return {"type": "home", "blocks": blocks[:MAX_BLOCKS]}


def admin_sources_blocks(documents: list[StoredDocument]) -> list[dict]:
    lines = [
        f"• *{plain(d.title)}* (`{plain(d.doc_id)}`): {plain(admin_details(d))}" for d in documents
    ]
    return text_sections("*Knowledge base*\n" + ("\n".join(lines) or "Empty."))


def remove_prompt_blocks(document: StoredDocument) -> list[dict]:
    """Ask an admin to confirm removing a document, with Remove and Cancel buttons."""
    question = SectionBlock(
        text=MarkdownTextObject(
            text=f"Remove *{plain(document.title)}* (`{plain(document.doc_id)}`, {document.chunks} "
            "chunks) from the knowledge base? Answers will no longer cite it."
        )
    )
    buttons = ActionsBlock(
        elements=[
            ButtonElement(
                text="Remove", action_id=REMOVE_CONFIRM, value=document.doc_id, style="danger"
            ),
            ButtonElement(text="Cancel", action_id=REMOVE_CANCEL, value=document.doc_id),
        ]
    )
    return [question.to_dict(), buttons.to_dict()]
