"""Turn a follow-up in a thread into a question that stands on its own.

"And what about skills?" means nothing to retrieval without the question before it. In
extractive mode a simple rule does: a message that reads as a follow-up (it opens with
"and", "what about", "also" ..., or leans on "it"/"they"/"there", or is very short) takes
the previous question in the thread as its context. The engine searches with both but
lets the follow-up's own words count most, so "skills" leads and "Lincolnshire" from the
first question still narrows the search and picks the contacts.
"""

from __future__ import annotations

import re

__all__ = ["follow_up_context", "looks_like_follow_up"]

_OPENERS = re.compile(
    r"^\s*(and|but|also|so|then|what about|how about|what else|same for|and what|and how|"
    r"ok|okay|thanks)\b",
    re.IGNORECASE,
)
_LEANING = re.compile(r"\b(it|its|they|them|their|this|that|those|these|there)\b", re.IGNORECASE)


def looks_like_follow_up(question: str) -> bool:
    words = question.split()
    return (
        bool(_OPENERS.match(question))
        or len(words) <= 4
        or (len(words) <= 10 and bool(_LEANING.search(question)))
    )


def follow_up_context(question: str, earlier: list[str]) -> str:
    """The earlier question that `question` follows on from, or "" if it stands alone."""
    if not earlier or not looks_like_follow_up(question):
        return ""
    return earlier[-1].strip()
