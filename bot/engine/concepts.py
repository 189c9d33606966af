"""The ideas of a question, and how much of them a text covers.

A question's distinctive words are weighted by how rare they are in the knowledge base;
an acronym and its meaning count as one idea ("ICS" or "integrated care system"); words
that only say who is asking ("our ICS") count a third. `coverage` is the share of that
weight a text contains. Retrieval uses it to re-rank passages, the composer to pick
sentences and to decide whether the knowledge base covers a question at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.engine.glossary import Glossary
from bot.engine.questions import (
    ANSWERED_AS,
    defined_alone,
    definition_subject,
    figure_kind_terms,
    gainer_terms,
    listed_noun,
    other_words_for,
    wants_list,
)
from bot.engine.text import (
    MONTHS,
    QUESTION_WORDS,
    STOP_WORDS,
    YEAR,
    asker_spans,
    asker_terms,
    background_terms,
    checks_a_claim,
    claimed_terms,
    emphasised_terms,
    question_sentences,
    sentences,
    source_terms,
    terms,
)

__all__ = [
    "Concept",
    "question_concepts",
    "coverage",
    "said_by_figures",
    "stem_family",
    "unfamiliar_names",
    "concepts_with_context",
]

SAME_STEM = 7
ASKED_WEIGHT = 2.0


@dataclass(frozen=True)
class Concept:
    """One idea of the question, and the term lists that express it.

    A plain word has one alternative; a glossary term has one per form ("ICS",
    "integrated care system"). How far a text covers the idea is the best share of any
    one alternative's terms that the text contains.
    """

    alternatives: tuple[tuple[str, ...], ...]
    weight: float

    def covered_by(self, found: frozenset[str]) -> float:
        return max(sum(_has(found, term) for term in alt) / len(alt) for alt in self.alternatives)


# A term that any figure stands for: "target" in "what's the R&D target?"
A_FIGURE = "<figure>"


def said_by_figures(question: str, concepts: list[Concept]) -> list[Concept]:
    """The concepts, with any figure standing for a word that only says a figure is wanted
    ("the R&D target" is said "raising ... to 2.4 per cent of GDP by 2027", while "schemes
    that target particular sectors" says no target); not in a list question ("what are
    the targets of the plan?"), where the word names the list. For choosing sentences and
    ranking passages only: whether the documents give the figure is judged by its
    subject."""
    if wants_list(question):
        return concepts
    kinds = set(figure_kind_terms(question))
    return [
        Concept((*c.alternatives, (A_FIGURE,)), c.weight) if c.alternatives[0][0] in kinds else c
        for c in concepts
    ]


def _has(found: frozenset[str], term: str) -> bool:
    """Exact, or the same long word stem spelt on ("prioritise" / "priorities")."""
    if term in found:
        return True
    if term == A_FIGURE:  # a number that is not a year
        return any(any(ch.isdigit() for ch in f) and not YEAR.fullmatch(f) for f in found)
    family = stem_family(term)
    return family is not None and any(f.startswith(family) for f in found)


def stem_family(term: str) -> str | None:
    """What long terms that count as the same word share ("prioritis", "prioriti")."""
    return term[:SAME_STEM] if len(term) >= SAME_STEM else None


def question_concepts(question: str, glossary: Glossary, idf) -> list[Concept]:
    """The question's ideas with weights: single terms, and glossary terms as one idea.

    Words that only say who is asking ("our ICS", "we're a trust") or which document
    should answer ("according to the NHS Confederation") weigh a third as much: they
    rarely appear in the passage that answers; so do the figures a question checks ("is
    it right the target is 3% by 2030?"). What a list question lists ("what challenges
    did the review identify?") and what a definition question defines ("what do NICA and
    NICD stand for? someone mentioned them in the NE slides") weigh double, and so does
    the word for what is left out ("what was missing from it?"): the answer names them
    ("identified a number of challenges including:"), while the question's other words
    often fit a neighbouring passage as well (the same review's strengths, the rest of
    the slides).
    """
    # who asks, from where, and the scene they set
    aside = {
        *asker_terms(question),
        *source_terms(question),
        *background_terms(question),
        *gainer_terms(question),
        *claimed_terms(question),
    }
    asked = {listed_noun(question), *(definition_subject(question) or [])} - {None}
    asked |= set(emphasised_terms(question))  # "... esp vehicles/fleet"
    said_as = _how_the_answer_says_it(question)
    asked |= {  # "what was missing?", "what could we gain?"
        term
        for kind in ANSWERED_AS
        if kind.is_what_is_asked and kind.asks(question)
        for term in terms(kind.asked_as)
    }
    # what a term means is the same whoever asks: their words are left out
    unasked = set(asker_terms(question)) if defined_alone(question) else set()
    concepts = []
    for c in _concepts(question, glossary, idf):
        if _about_asker(c, unasked):
            continue
        first = c.alternatives[0][0]
        said = said_as.get(first, ()) + tuple((other,) for other in other_words_for(first))
        if c.alternatives == (("get",),) and not said:
            continue  # "getting a seat on the panel": joining; only a gain is said "get"
        if said:
            # a passage's "get" is seldom a gain ("how you can get involved")
            own = () if c.alternatives == (("get",),) else c.alternatives
            c = Concept(tuple(dict.fromkeys(own + said)), c.weight)
        weight = c.weight / 3 if _about_asker(c, aside) else c.weight
        if any(term in asked for alt in c.alternatives for term in alt):
            weight *= ASKED_WEIGHT
        concepts.append(Concept(c.alternatives, weight))
    return concepts + _implied(question, concepts, idf)


def _implied(question: str, concepts: list[Concept], idf) -> list[Concept]:
    """What the question asks for though it has no word for it: "whats in it for us?"
    asks what it gains, which a passage says "benefits" (ANSWERED_AS), as a question
    that says "gain" does."""
    held = {term for c in concepts for alt in c.alternatives for term in alt}
    implied = []
    for kind in ANSWERED_AS:
        answered = terms(kind.answered_as)
        if kind.implied and kind.asks(question) and not held & set(answered):
            implied.append(Concept(tuple((t,) for t in answered), max(map(idf, answered))))
    return implied


def _how_the_answer_says_it(question: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The words a passage answering the question uses for its key word: "gain" is said
    "benefits" ("what could an ICS gain from ..."), "absent" is said "missing" or
    "conspicuous by its absence" ("what was absent from the white paper?")."""
    said: dict[str, tuple[tuple[str, ...], ...]] = {}
    for kind in ANSWERED_AS:
        if kind.asks(question):
            answered = tuple((term,) for term in terms(kind.answered_as))
            said |= dict.fromkeys(terms(kind.asked_as), answered)
    return said


def _about_asker(concept: Concept, asker: set[str]) -> bool:
    return any(term in asker for alt in concept.alternatives for term in alt)


def _concepts(question: str, glossary: Glossary, idf) -> list[Concept]:
    remaining = list(dict.fromkeys(terms(question)))
    concepts = []
    for entry in glossary.entries_in(question):
        forms = tuple(dict.fromkeys(tuple(terms(form)) for form in entry.forms() if terms(form)))
        # the words that name it here ("NICA"), not the question's other words that its
        # spelt-out form happens to hold ("... say owt about ageing? NICA is next door")
        named = set(terms(" ".join(glossary.mentions(entry, question))))
        used = [t for t in remaining if t in named]
        if not used:
            continue
        remaining = [t for t in remaining if t not in used]
        concepts.append(Concept(forms, max(idf(t) for t in used)))
    concepts.extend(Concept(((term,),), idf(term)) for term in remaining)
    return concepts


def concepts_with_context(
    question: str, context: str, glossary: Glossary, idf, context_weight: float
) -> list[Concept]:
    """The question's ideas, plus those of the question it follows on from, weighted less."""
    own = question_concepts(question, glossary, idf)
    known = {term for c in own for alt in c.alternatives for term in alt}
    earlier = [
        Concept(c.alternatives, c.weight * context_weight)
        for c in question_concepts(context, glossary, idf)
        if not any(term in known for alt in c.alternatives for term in alt)
    ]
    return own + earlier


def coverage(concepts: list[Concept], found: frozenset[str]) -> float:
    """Share of the question's weighted ideas that `found` terms cover (0 to 1)."""
    total = sum(c.weight for c in concepts)
    return sum(c.weight * c.covered_by(found) for c in concepts) / total if total else 0.0


# Sentences and phrases that say who is asking: "We're Royal Devon University Healthcare.",
# "As Northumbria Healthcare, what ...", "our trust (Royal Cornwall Hospitals) ...".
_INTRODUCTION = re.compile(
    r"^\s*(?:we\s*(?:'|’)?re|we\s+are|i\s*(?:'|’)?m|i\s+am|i\s+work|this\s+is|hi|hello)\b"
    # "our trust in notts is looking at EVs": what the asker's body is doing
    r"|^\s*(?:our|my)\s+(?:[\w&'’-]+\s+){1,4}?(?:is|are|has\s+been|have\s+been)\s+(?:looking|"
    r"thinking|planning|considering|working|exploring)\b",
    re.IGNORECASE,
)
_NAMED_ASKER = re.compile(
    r"(?:^\s*as\s+|\b(?:our|my)\s+\w+(?:\s+\w+)?\s*[,(]\s*)([^,.()?]+)", re.IGNORECASE
)
# The asker's own people and bodies by their initials ("our DPH reckons", "my GP fed",
# "we're ULHT", "new in post at ULHT"): who asks, not what the question is about, whether
# or not the documents use the initials.
_OWN_INITIALS = re.compile(
    r"\b(?i:our|my|(?:we|i)\s*(?:'|’)?(?:re|m)|we\s+are|i\s+am|(?:work\w*|based|post)\s+(?:at|for)"
    # "new in post in the strategy team at the RD&E": the team's organisation
    r"|(?:team|department|dept|office|unit|directorate)\s+(?:at|in|of)(?:\s+the)?)"
    # "for our fleet lead at SWASFT": the asker's own colleague's organisation
    r"(?:\s+(?i:at|in|from|with)|\s+\w+(?:\s+\w+)?\s+(?i:at|from))?\s+([A-Z][A-Za-z&]{0,5}[A-Z]s?)\b"
)
# A capitalised word (or an all-capitals acronym) and a four-digit year.
_NAME_WORD = re.compile(r"(?<![\w'’])([A-Z][\w'’-]+|(?:19|20)\d\d)\b")


# "I'm", "I'd", "I've": the asker, capitalised as a pronoun is, and no name
_I_SAY = re.compile(r"I(?:['’](?:m|d|ve|ll))?")


def unfamiliar_names(
    question: str, texts: list[str], skip: Callable[[str], bool] = lambda word: False
) -> list[str]:
    """Names and years in the question that none of `texts` mention, in order.

    A question about the "Levelling Up Fund" or the "2027 Budget" is not answered by
    passages that merely share its common words: if the knowledge base never names the
    thing asked about, it does not cover the question. Sentence-initial words, stop and
    question words, and words `skip` accepts (acronyms in the glossary, place names, whose
    absence the contacts handle) are ignored. Spelling variants one letter apart match
    ("Aging" / "Ageing").
    """
    known = {_normal(word) for text in texts for word in _WORDS.findall(text)}
    known |= _initials(texts)
    by_prefix: dict[str, list[str]] = {}
    for word in known:
        by_prefix.setdefault(word[:2], []).append(word)
    missing: list[str] = []
    for sentence in sentences(question) or [question]:
        if _INTRODUCTION.match(sentence):
            continue  # "We're Royal Devon ...": who is asking, not what about
        introduced = [m.span(1) for m in _NAMED_ASKER.finditer(sentence)]
        introduced += asker_spans(sentence)
        introduced += [m.span(1) for m in _OWN_INITIALS.finditer(sentence)]
        introduced += _introductions_after(sentence)
        claims = _claim_spans(sentence)
        opening = _OPENING.match(sentence)
        if opening and _says_who_asks(opening.group(1), skip):
            introduced.append(opening.span(1))  # "Royal Berks in Reading - what's ..."
        for match in _NAME_WORD.finditer(sentence):
            word = match.group(1)
            normal = _normal(word)
            if match.start() == 0 and not word.isdigit() or skip(word) or _I_SAY.fullmatch(word):
                continue
            if (word.isdigit() or normal in _MONTHS) and any(
                a <= match.start() < b for a, b in claims
            ):
                continue  # "is it right the target is 3% by 2030?": the asker's year
            if any(start <= match.start() < end for start, end in introduced):
                continue
            if word.isdigit() and _a_bound_passed(sentence[: match.start()], int(word), known):
                continue
            if normal in STOP_WORDS or normal in QUESTION_WORDS or normal in known:
                continue
            if not word.isdigit() and any(
                _one_edit(normal, other) for other in by_prefix.get(normal[:2], [])
            ):
                continue
            name = _name_around(sentence, match.start(), word)
            if _initials_known(name, word, known):
                continue  # "the Local Government Association", which passages call "the LGA"
            missing.append(name)
    return list(dict.fromkeys(missing))


def _initials_known(name: str, word: str, known: set[str]) -> bool:
    """Some run of two or more of the name's words, `word` among them, is known by its
    initials: a question may spell out a name its passages give only as initials."""
    words = [w for w in name.split() if w.lower() not in _JOINERS]
    if word not in words:
        return False
    at = words.index(word)
    return any(
        "".join(w[0] for w in words[start:end]).lower() in known
        for start in range(at + 1)
        for end in range(max(at + 1, start + 2), len(words) + 1)
    )


_MONTHS = frozenset(month.lower() for month in MONTHS)

# "will the strategy extend beyond 2025?", "anything planned before 2020?": a year the
# question measures against, not a year it asks about.
_LATER_THAN = re.compile(r"\b(?:beyond|after|past|later\s+than)\s+(?:the\s+year\s+)?$", re.I)
_EARLIER_THAN = re.compile(r"\b(?:before|earlier\s+than|prior\s+to)\s+(?:the\s+year\s+)?$", re.I)


def _a_bound_passed(before: str, year: int, known: set[str]) -> bool:
    """The year is a bound the question measures against ("beyond 2025") and the passages
    state a year on the far side of it ("extending to 2030"), which answers the question
    though they never name the asker's year."""
    years = [int(word) for word in known if len(word) == 4 and word.isdigit()]
    if _LATER_THAN.search(before):
        return any(other > year for other in years)
    if _EARLIER_THAN.search(before):
        return any(other < year for other in years)
    return False


def _introductions_after(sentence: str) -> list[tuple[int, int]]:
    """Where a later part of the sentence, as chat splits it ("... zero emission vehicles?
    our trust in notts is looking at EVs"), only says who asks or what they are doing."""
    spans, start = [], 0
    for piece in question_sentences(sentence):
        start = sentence.find(piece, start)
        if start > 0 and _INTRODUCTION.match(piece):
            spans.append((start, start + len(piece)))
        start += len(piece)
    return spans


def _claim_spans(sentence: str) -> list[tuple[int, int]]:
    """Where the sentence, as chat splits it ("whats the deadline? i thought it was march
    2021"), states what the asker believes: a year there is their claim, not a name."""
    spans, start = [], 0
    for piece in question_sentences(sentence):
        start = sentence.find(piece, start)
        if checks_a_claim(piece):
            spans.append((start, start + len(piece)))
        start += len(piece)
    return spans


# A short opening the question sets apart with a dash ("RD&E exeter - what does ...").
_OPENING = re.compile(r"^\W*([^-–—?]{1,50}?)\s+[-–—]\s")


def _says_who_asks(opening: str, known: Callable[[str], bool]) -> bool:
    """The opening names where or who the asker is: it says "here", or a place or NHS
    organisation the caller knows ("Royal Berks in Reading", "OUH here")."""
    words = opening.split()
    if len(words) > 6:
        return False
    return bool(re.search(r"\bhere\b", opening, re.IGNORECASE)) or any(
        known(word.strip(".,()")) for word in words
    )


# Capitalised words with the small words that join them ("Isles of Scilly").
_NAME_RUN = re.compile(r"[A-Z][\w'’-]*(?:(?:\s+(?:of|and|for|the|on|in))*\s+[A-Z][\w'’-]*)*")


def _name_around(sentence: str, start: int, word: str) -> str:
    """The whole name a missing word belongs to ("Levelling Up Fund"), or the word."""
    for run in _NAME_RUN.finditer(sentence):
        if run.start() <= start < run.end():
            return run.group(0)
    return word


_WORDS = re.compile(r"[\w'’-]+")
_JOINERS = {"of", "and", "for", "the", "on", "in"}


def _initials(texts: list[str]) -> set[str]:
    """The initials of every run of capitalised words in `texts` ("Prime Minister" ->
    "pm"): a question may use the initials of a name its passages spell out."""
    found = set()
    for text in texts:
        for run in _NAME_RUN.finditer(text):
            letters = [w[0] for w in run.group(0).split() if w.lower() not in _JOINERS]
            for start in range(len(letters)):
                for end in range(start + 2, min(len(letters), start + 6) + 1):
                    found.add("".join(letters[start:end]).lower())
    return found


def _normal(word: str) -> str:
    word = word.lower().removesuffix("'s").removesuffix("’s")
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by at most one inserted, deleted or changed letter."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]
