"""Render answers the Teams way: Markdown text, Teams citations, feedback buttons.

The answer's [n] markers become Teams citations (numbered source cards that open on
hover), "Who to contact" follows as Markdown, and Teams' own 👍 / 👎 feedback buttons are
switched on for the message.
"""

from __future__ import annotations

from microsoft_agents.activity import Activity, ActivityTypes
from microsoft_agents.activity.entity.ai_entity import (
    AIEntity,
    ClientCitation,
    ClientCitationAppearance,
    ClientCitationIconName,
    ClientCitationImage,
)

from bot.answer import Answer, Citation, Contact, human_date

__all__ = ["answer_activity", "text_activity", "ABSTRACT_LIMIT"]

ABSTRACT_LIMIT = 160  # Teams shows at most this much of a citation's text


def _contact_line(contact: Contact) -> str:
    who = ", ".join(p for p in (contact.name, contact.role, contact.org) if p)
    where = f"**{contact.area}:** " if contact.area else "**Nationally:** "
    reach = [
        f"[{contact.email}](mailto:{contact.email})" if contact.email else None,
        f"[web page]({contact.url})" if contact.url else None,
    ]
    line = f"- {where}{who}" + "".join(f" · {r}" for r in reach if r)
    extras = [f"Source: {contact.source}" if contact.source else None, contact.note]
    return line + "".join(f"  \n  _{e}_" for e in extras if e)


def _citation(citation: Citation) -> ClientCitation:
    details = ", ".join(
        p
        for p in (
            citation.publisher,
            human_date(citation.published),
            f"p. {citation.page}" if citation.page else None,
        )
        if p
    )
    quote = citation.quote.removeprefix("• ")
    abstract = quote if len(quote) <= ABSTRACT_LIMIT else quote[: ABSTRACT_LIMIT - 1] + "…"
    return ClientCitation(
        position=citation.n,
        appearance=ClientCitationAppearance(
            name=citation.title[:80],
            abstract=abstract,
            url=citation.url,
            text=f"{quote}\n\n{citation.title} ({details})" if details else quote,
            keywords=[k for k in (citation.publisher, human_date(citation.published)) if k][:3],
            image=ClientCitationImage(name=ClientCitationIconName.PDF),
        ),
    )


def answer_activity(answer: Answer) -> Activity:
    """The answer as a message with citations and the feedback loop switched on."""
    parts = [answer.answer]
    if answer.note:
        parts.append(f"_{answer.note}_")
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
        # Marked as AI-generated only when a language model wrote it.
        generated = ["AIGeneratedContent"] if answer.mode == "llm" else []
        activity.entities = [
            AIEntity(additional_type=generated, citation=[_citation(c) for c in answer.citations])
        ]
    return activity


def text_activity(text: str) -> Activity:
    return Activity(type=ActivityTypes.message, text=text, text_format="markdown")
