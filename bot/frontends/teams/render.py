"""Render answers the Teams way: Markdown Teams displays, citations, feedback buttons.

Teams is stricter than its documentation reads, and the real client (checked with the
Microsoft 365 Agents Playground) rejects or mangles what a lenient fake accepts:
- The AI entity's `additionalType` must be absent or exactly `["AIGeneratedContent"]`; an
  empty list makes the client reject the whole message. Quoted answers leave it out.
- Each citation number opens one card, so every [n] in the text must stand for exactly one
  passage (the engine numbers one quote per citation), and the card holds that passage,
  its document's title, date and address.
- Single line breaks collapse, so each point is a paragraph of its own (a blank line
  between), or they run together as one paragraph with inline "•". Not a Markdown list:
  Teams makes "[n]" a citation only in paragraph text, never in a list item.
"""

from __future__ import annotations

from microsoft_agents.activity import (
    Activity,
    ActivityTypes,
    Attachment,
    CardAction,
    SuggestedActions,
)
from microsoft_agents.activity.entity.ai_entity import (
    AIEntity,
    ClientCitation,
    ClientCitationAppearance,
    ClientCitationIconName,
    ClientCitationImage,
)

from bot.engine.answer import Answer, Citation, Contact, human_date
from bot.frontends.commands import (
    AdminSources,
    ConfirmRemove,
    Deadlines,
    Help,
    Sources,
    Text,
    admin_details,
    document_summary,
)
from bot.frontends.teams.safe import plain
from bot.services.digest import Digest, digest_text

__all__ = [
    "answer_activity",
    "text_activity",
    "teams_markdown",
    "welcome_activities",
    "command_activity",
    "digest_activity",
    "ABSTRACT_LIMIT",
    "REMOVE",
    "job_activity",
]

ABSTRACT_LIMIT = 160  # Teams shows at most this much of a citation's text
_NAME_LIMIT = 80  # Teams' limits for a citation card's title and each of its keywords
_KEYWORD_LIMIT = 28
REMOVE = "lis-remove"  # the remove card's buttons send {"lis": REMOVE, "confirm": ..., ...}
_JOB_ICONS = {"running": "⏳", "done": "✅", "partial": "⚠️", "failed": "❌"}


def teams_markdown(text: str) -> str:
    """Plain answer text as Markdown that Teams renders line for line.

    Every line becomes its own paragraph, and a point keeps its "• ". Not a Markdown list:
    Teams turns "[n]" into a citation only in paragraph text, so in a list item it would
    stay a literal "[2]". Each line goes through `bot.frontends.teams.safe.plain`: this
    is document text.
    """
    return "\n\n".join(plain(line.strip()) for line in text.splitlines() if line.strip())


def _contact_line(contact: Contact) -> str:
    who = plain(", ".join(p for p in (contact.name, contact.role, contact.org) if p))
    where = f"**{plain(contact.area)}:** " if contact.area else "**Nationally:** "
    reach = [
        f"[{contact.email}](mailto:{contact.email})" if contact.email else None,
        f"[web page]({contact.url})" if contact.url else None,
    ]
    line = f"- {where}{who}" + "".join(f" · {r}" for r in reach if r)
    extras = [f"Source: {contact.source}" if contact.source else None, contact.note]
    return line + "".join(f" _({plain(e)})_" for e in extras if e)


def _shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + "…"


def _citation(citation: Citation) -> ClientCitation:
    quote = " ".join(citation.quote.removeprefix("• ").split())
    date = human_date(citation.published)
    where = ", ".join(
        p
        for p in (
            citation.publisher,
            date,
            f"p. {citation.page}" if citation.page else None,
            citation.section if citation.section and citation.section != citation.title else None,
        )
        if p
    )
    appearance = ClientCitationAppearance(
        name=_shorten(citation.title, _NAME_LIMIT),
        abstract=_shorten(quote, ABSTRACT_LIMIT),
        text=f"“{quote}”\n\n{citation.title}" + (f" ({where})" if where else ""),
        keywords=[_shorten(k, _KEYWORD_LIMIT) for k in (citation.publisher, date) if k],
        image=ClientCitationImage(name=ClientCitationIconName.PDF),
    )
    if citation.url:
        appearance.url = citation.url
    return ClientCitation(position=citation.n, appearance=appearance)


def answer_activity(answer: Answer) -> Activity:
    """The answer as a message with citations and the feedback loop switched on."""
    parts = [teams_markdown(answer.answer)]
    if answer.note:
        parts.append(f"_{plain(answer.note)}_")
    if answer.contacts:
        lines = "\n".join(_contact_line(c) for c in answer.contacts)
        parts.append(f"**Who to contact**\n\n{lines}")
    activity = Activity(
        type=ActivityTypes.message,
        text="\n\n".join(parts),
        text_format="markdown",
        channel_data={"feedbackLoopEnabled": True, "feedbackLoop": {"type": "default"}},
    )
    if answer.citations:
        entity = AIEntity(citation=[_citation(c) for c in answer.citations])
        if answer.mode == "llm":  # only a language model's words are labelled AI content
            entity.additional_type = ["AIGeneratedContent"]
        activity.entities = [entity]
    return activity


def text_activity(text: str) -> Activity:
    return Activity(type=ActivityTypes.message, text=text, text_format="markdown")


def command_activity(result) -> Activity:
    """A shared command's result (`bot.frontends.commands`) as a Teams message."""
    match result:
        case Text(text):
            return text_activity(teams_markdown(text))
        case Help(examples, commands):
            return text_activity(_help(examples, commands))
        case Sources(documents):
            return text_activity(_sources(documents))
        case Deadlines(digest, _):  # the digest's lines end with each deadline's id
            return digest_activity(digest)
        case AdminSources(documents):
            return text_activity(_admin_sources(documents))
        case ConfirmRemove(document):
            return _remove_card(document)
    raise TypeError(f"no Teams rendering for {result!r}")


def digest_activity(digest: Digest) -> Activity:
    """The deadline digest, its columns kept (Teams would run its lines together)."""
    return text_activity(f"```\n{digest_text(digest)}\n```")


def job_activity(status: str, text: str, activity_id: str | None = None) -> Activity:
    """An admin job's progress or outcome; with `activity_id`, an update of that message.
    `text` quotes addresses, file names and errors, so it is made safe here."""
    activity = text_activity(f"{_JOB_ICONS[status]} {teams_markdown(text)}")
    activity.id = activity_id
    return activity


def _admin_sources(documents) -> str:
    if not documents:
        return "**Knowledge base**\n\nEmpty."
    lines = "\n".join(
        f"- **{plain(d.title)}** (`{plain(d.doc_id)}`): {plain(admin_details(d))}"
        for d in documents
    )
    return f"**Knowledge base**\n\n{lines}"


def _remove_card(document) -> Activity:
    """Ask an admin to confirm removing a document: Remove and Cancel buttons, whose
    press comes back as a message with `value` (handled in `handlers`)."""
    data = {"lis": REMOVE, "doc_id": document.doc_id}
    card = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": "1.5",
        "body": [
            {
                "type": "TextBlock",
                "wrap": True,
                "text": f"Remove **{plain(document.title)}** ({plain(document.doc_id)}, "
                f"{document.chunks} chunks) from the knowledge base? Answers will no longer "
                "cite it.",
            }
        ],
        "actions": [
            {
                "type": "Action.Submit",
                "title": "Remove",
                "style": "destructive",
                "data": {**data, "confirm": True},
            },
            {"type": "Action.Submit", "title": "Cancel", "data": {**data, "confirm": False}},
        ],
    }
    return Activity(
        type=ActivityTypes.message,
        attachments=[
            Attachment(content_type="application/vnd.microsoft.card.adaptive", content=card)
        ],
    )


def _help(examples: list[str], commands: list[tuple[str, str, str]]) -> str:
    asks = "\n".join(f"- {q}" for q in examples)
    lines = "\n".join(
        f"- **{name}**" + (f" *{hint}*" if hint else "") + f": {what}"
        for name, hint, what in commands
    )
    return (
        "**LIS Assistant** answers questions about the UK Industrial Strategy and local "
        "industrial strategies from a curated set of briefings, with sources and who to "
        f"contact in your area.\n\n**Ask a question**, for example:\n\n{asks}\n\n"
        f"**Commands**\n\n{lines}\n\nIn a channel, @mention me; in a 1:1 chat just ask."
    )


def _sources(documents) -> str:
    if not documents:
        return "The knowledge base is empty: an admin needs to add documents."
    lines = "\n".join(f"- {plain(document_summary(d))}" for d in documents)
    return (
        f"**The knowledge base holds {len(documents)} documents**\n\n{lines}\n\n"
        "They date from before 2020: check anything time-sensitive."
    )


WELCOME = (
    "I answer questions about the UK Industrial Strategy and local industrial strategies "
    "from a curated set of NHS Confederation and LEP briefings, with the passages I quote "
    "and who to contact in your area."
)


def welcome_activities(examples: list[str], person: str | None = None) -> list[Activity]:
    """What is shown once when the app is installed or added to a chat or team: a card
    saying what it does, the example questions and how to set the area; then, for
    `person`, the examples as suggested replies to tap (a tap posts the question as their
    own message)."""
    card = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": "1.5",
        "body": [
            {
                "type": "TextBlock",
                "text": "Hello, I'm LIS Assistant",
                "weight": "Bolder",
                "size": "Medium",
                "wrap": True,
            },
            {"type": "TextBlock", "text": WELCOME, "wrap": True},
            {"type": "TextBlock", "text": "Try asking:", "wrap": True, "spacing": "Medium"},
            *({"type": "TextBlock", "text": f"- {q}", "wrap": True} for q in examples),
            {
                "type": "TextBlock",
                "wrap": True,
                "isSubtle": True,
                "spacing": "Medium",
                "text": "Type **area** and your town or county (for example **area Exeter**) "
                "so answers name your local contacts; **help** lists everything I can do. "
                "In a channel, @mention me.",
            },
        ],
    }
    welcome = Activity(
        type=ActivityTypes.message,
        attachments=[
            Attachment(content_type="application/vnd.microsoft.card.adaptive", content=card)
        ],
    )
    if not person:
        return [welcome]
    # Clients show suggested replies on a text message, not on a card.
    prompts = Activity(
        type=ActivityTypes.message,
        text="Tap a question to try it, or type your own.",
        suggested_actions=SuggestedActions(
            to=[person], actions=[CardAction(type="imBack", title=q, value=q) for q in examples]
        ),
    )
    return [welcome, prompts]
