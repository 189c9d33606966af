"""Counts: "how many X?" is answered by a sentence that puts a number next to X, in any
of its glossary forms, or that names the Xs one by one; not by one that only speaks of
them. `counts` and `counted_heads` also tell `details` which sentences give a count."""

from __future__ import annotations

import re

from bot.engine.answerable import passage_text
from bot.engine.concepts import coverage
from bot.engine.glossary import Glossary
from bot.engine.places import Gazetteer
from bot.engine.questions import count_subject, counted, counted_noun, other_words_for
from bot.engine.stated.subjects import (
    MIN_COUNT_COVERAGE,
    Sentences,
    _context_terms,
    _longest_name,
    _names_area,
    _places_in,
    named_either_way,
    not_the_source,
)
from bot.engine.text import terms, words

_COUNT_WORD = re.compile(
    r"^(\d[\d,.]*%?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?)$"
)
COUNT_WINDOW = 4  # words between a number and what it counts ("jobs by 100,000")


def states_count(
    question: str, about: Sentences, glossary: Glossary, places: Gazetteer | None
) -> bool:
    """False when the question asks how many of something there are and no sentence
    about it puts a number next to that thing: "how many ICSs have a seat on their LEP
    board?" is not answered by sentences about ICSs and LEP boards that count nothing,
    nor "how many people does the NHS employ in Lincolnshire?" by the national figure.
    The thing counts in any of its glossary forms ("LEPs", "local enterprise
    partnerships")."""
    asked = counted(question)
    if asked is None:
        return True
    subject = count_subject(question) or question
    _typed, areas = _places_in(subject, places)  # not "... (we're in warrington)"
    concepts, passages = about(subject)
    heads = counted_heads(asked, glossary)
    # what the count is of, besides its unit: "9,000 people" in the fells are not the
    # people "on the moors"
    of = [c for c in concepts if not heads & {term for alt in c.alternatives for term in alt}]
    # a body it spells out by name is that body, not one that shares its words: "how many
    # people sit on the Industrial Strategy Council?" is not answered by a sentence about
    # people in a document about the Industrial Strategy
    name = [term for term in _longest_name(not_the_source(subject)) if term not in heads]
    sentences = [
        s
        for said in passages
        for s in said
        if s.coverage >= MIN_COUNT_COVERAGE
        and (not of or coverage(of, _context_terms(s)) > 0)
        and _names_area(passage_text(s.passage), areas, places)  # the slide's title counts
        and named_either_way(name, terms(passage_text(s.passage)), concepts)
    ]
    forms = counted_forms([counted_noun(question) or asked[0]], glossary)
    return any(
        counts(sentence.text, heads) or _lists_them(sentence.text, forms) for sentence in sentences
    )


# What is counted, then "(have been agreed) in / include / are:" and three or more items:
# "Sector deals have been agreed in life sciences, construction, ... and the creative
# industries" answers "how many sector deals are there?" by naming them.
_NAMES_ITEMS = re.compile(
    r"^(?:\s+[\w'’-]+)?\s*(?:(?:include[sd]?|including|are|were|cover|covers)\s*:?|:|(?:have|has|had)\s+been\s+"
    r"[\w-]+\s+(?:in|for|with|across)|(?:agreed|signed|established)\s+(?:in|for|with))\s+"
    r"(?!(?:yet|but|so|which|while)\b)[^,;.]+(?:,\s+(?!(?:yet|but|so|which|while)\b)[^,;.]+){1,}"
    r",?\s+and\s+[^,;.]+",
    re.IGNORECASE,
)


def _lists_them(text: str, forms: set[tuple[str, ...]]) -> bool:
    """The text names what is counted (in one of its `forms`, word for word), then lists
    them."""
    found = list(re.finditer(r"[\w'’-]+", text))
    stems = [next(iter(terms(word.group(0))), "") for word in found]
    return any(
        tuple(stems[i : i + len(form)]) == form
        and _NAMES_ITEMS.match(text[found[i + len(form) - 1].end() :])
        for form in forms
        for i in range(len(found) - len(form) + 1)
    )


def counted_forms(asked: list[str], glossary: Glossary) -> set[tuple[str, ...]]:
    """What is counted, as terms, in any of its glossary forms ("LEPs", "local enterprise
    partnerships")."""
    forms = {tuple(terms(word)) for word in asked} | {
        tuple(terms(form))
        for word in asked
        for entry in glossary.entries_in(word)
        for form in entry.forms()
    }
    return {form for form in forms if form}


def counted_heads(asked: list[str], glossary: Glossary) -> set[str]:
    """The first terms of what is counted, in any of its glossary forms."""
    heads = {form[0] for form in counted_forms(asked, glossary)}
    return heads | {other for head in heads for other in other_words_for(head)}


_PERCENTAGE = re.compile(r"(\d[\d.,]*)\s?(?:%|per\s?cent)", re.IGNORECASE)


def counts(text: str, heads: set[str], shares: bool = True) -> bool:
    """The text puts a number next to what is counted ("jobs by 100,000"); with `shares`
    False, not a percentage ("60% of all jobs")."""
    # "25 per cent of all cars": the share is one word, as "25%" is
    text = _PERCENTAGE.sub(lambda m: m.group(1) + "%" if shares else " ", text)
    said = words(text)
    stemmed = [next(iter(terms(w)), "") for w in said]
    return any(
        _COUNT_WORD.match(word)
        and not _is_age_or_year(said, i)
        and heads & set(stemmed[max(0, i - COUNT_WINDOW) : i + COUNT_WINDOW + 1])
        for i, word in enumerate(said)
    )


_AGE_WORDS = frozenset({"aged", "age", "ages"})


def _is_age_or_year(said: list[str], i: int) -> bool:
    """A number that counts nothing: an age ("people aged 16-64", both ends of the
    range) or a year ("by 2024")."""
    previous = said[i - 1] if i else ""
    if previous.isdigit() and i >= 2:
        previous = said[i - 2]  # "aged 16 64": the range's second number
    return previous in _AGE_WORDS or bool(re.fullmatch(r"(?:19|20)\d\d", said[i]))
