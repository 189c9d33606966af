"""Turn a follow-up in a thread into a question that stands on its own.

"And what about skills?" means nothing to retrieval without the question before it. In
extractive mode a rule by meaning, not length, does: a message is a follow-up when it
opens like one ("and", "what about", "also" ...), leans on "it"/"they"/"there", or names
no subject of its own ("who should we contact?", "any examples?"). Such a message takes
the previous question in the thread (or DM) as its context; a short question that names
its own subject ("What is SmartMed?") stands alone, whatever came before it. The engine
searches with both but lets the follow-up's own words count most, so "skills" leads and
"Lincolnshire" from the first question still narrows the search and picks the contacts.
"""

from __future__ import annotations

import re

from bot.engine.text import terms

__all__ = ["follow_up_context", "looks_like_follow_up", "names_a_subject"]

_OPENERS = re.compile(
    r"^\s*(and|but|also|so|then|what about|how about|what else|same for|and what|and how|"
    r"ok|okay|thanks)\b",
    re.IGNORECASE,
)
# "there" leans on an earlier place, but not in "is there" / "are there".
_LEANING = re.compile(
    r"\b(it|its|they|them|their|this|that|those|these|(?<!is )(?<!are )there)\b",
    re.IGNORECASE,
)
# Words that ask for more of what came before rather than name a subject.
_MORE_OF_THE_SAME = frozenset(
    terms("example examples detail details further info information instance instances")
    + ["more", "else", "other"]
)


def names_a_subject(question: str) -> bool:
    """The question names something to ask about, beyond question words and "more"."""
    return any(term not in _MORE_OF_THE_SAME for term in terms(question))


def looks_like_follow_up(question: str) -> bool:
    return (
        bool(_OPENERS.match(question))
        or (len(question.split()) <= 10 and bool(_LEANING.search(question)))
        or not names_a_subject(question)
    )


def follow_up_context(question: str, earlier: list[str]) -> str:
    """The earlier question that `question` follows on from, or "" if it stands alone."""
    if not earlier or not looks_like_follow_up(question):
        return ""
    return earlier[-1].strip()
