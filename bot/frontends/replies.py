"""Short text replies to chat commands, shared by the Slack and Teams front ends.

Each takes the command prefix people type on that front end ("/lis " in Slack, "" in a
Teams chat) so the usage hints read right in both.
"""

from __future__ import annotations

from bot.engine.places import Area
from bot.frontends.assistant import Assistant

__all__ = ["EXAMPLES", "area_reply", "digest_reply", "forget_reply"]

# Questions offered to newcomers (help, the welcome card), in every front end.
EXAMPLES = [
    "What should our ICS do for the Lincolnshire strategy?",
    "Who should our trust talk to about the West Midlands local industrial strategy?",
    "What does the ageing society grand challenge mean for the NHS?",
    "How can NHS organisations influence their local industrial strategy?",
]


async def area_reply(
    assistant: Assistant, conversation: str, place: str, user: str | None, prefix: str = "/lis "
) -> str:
    """Show (no place) or set the conversation's default area."""
    if not place:
        current, areas = assistant.area(conversation)
        if not current:
            return (
                f"This conversation has no area yet. Set one with `{prefix}area` and a place, "
                f"e.g. `{prefix}area Exeter`; answers then point to that area's contacts "
                "when a question names no place."
            )
        return f"This conversation's area is {current} ({_names(areas)})."
    areas = await assistant.set_area(conversation, place, user)
    if not areas:
        return (
            f"I don't recognise “{place}”. Try a county, city, large town, LEP or "
            f"combined authority, e.g. `{prefix}area Lincolnshire` or "
            f"`{prefix}area Greater Manchester`."
        )
    return (
        f"This conversation's area is now {place} ({_names(areas)}). Questions that name "
        "no place will point to its contacts."
    )


def _names(areas: list[Area]) -> str:
    return "; ".join(area.org for area in areas) or "no matching area"


def digest_reply(
    assistant: Assistant, conversation: str, user: str | None, argument: str, prefix: str = "/lis "
) -> str:
    """`digest on [--always]` / `digest off` for this conversation."""
    words = argument.split()
    if words[:1] == ["on"] and set(words[1:]) <= {"--always"}:
        always = "--always" in words
        assistant.deadlines.subscribe(conversation, always, user)
        when = (
            "every morning, even when nothing is due"
            if always
            else "each morning when something is due"
        )
        return (
            f"This conversation will get the deadline digest {when}. `{prefix}digest off` to stop."
        )
    if words == ["off"]:
        if assistant.deadlines.unsubscribe(conversation):
            return "This conversation will no longer get the deadline digest."
        return "This conversation was not getting the deadline digest."
    return (
        f"Usage: `{prefix}digest on` (add `--always` to get it even when nothing is due) "
        f"or `{prefix}digest off`."
    )


async def forget_reply(
    assistant: Assistant, user: str | None, rest: str, prefix: str = "/lis "
) -> str:
    """`forget me`: delete the asker's questions, answers and feedback at once."""
    if rest.strip().lower() != "me" or not user:  # "forget" alone: say what it does
        return (
            f"`{prefix}forget me` deletes the questions you have asked me, my answers to "
            "them and your feedback. (They are also deleted automatically after the "
            "retention period your administrators set.)"
        )
    changed = await assistant.forget(user)
    return (
        f"Done: I deleted {changed['answers']} of your questions with their answers and "
        f"{changed['feedback']} feedback ratings. Admin actions you took stay in the audit "
        "log without your name."
    )
