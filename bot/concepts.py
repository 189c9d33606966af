"""The ideas of a question, and how much of them a text covers.

A question's distinctive words are weighted by how rare they are in the knowledge base;
an acronym and its meaning count as one idea ("ICS" or "integrated care system"); words
that only say who is asking ("our ICS") count a third. `coverage` is the share of that
weight a text contains. Retrieval uses it to re-rank passages, the composer to pick
sentences and to decide whether the knowledge base covers a question at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.glossary import Glossary
from bot.text import asker_terms, terms

__all__ = ["Concept", "question_concepts", "coverage", "stem_family"]

SAME_STEM = 7


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


def _has(found: frozenset[str], term: str) -> bool:
    """Exact, or the same long word stem spelt on ("prioritise" / "priorities")."""
    if term in found:
        return True
    family = stem_family(term)
    return family is not None and any(f.startswith(family) for f in found)


def stem_family(term: str) -> str | None:
    """What long terms that count as the same word share ("prioritis", "prioriti")."""
    return term[:SAME_STEM] if len(term) >= SAME_STEM else None


def question_concepts(question: str, glossary: Glossary, idf) -> list[Concept]:
    """The question's ideas with weights: single terms, and glossary terms as one idea.

    Words that only say who is asking ("our ICS", "we're a trust") weigh a third as
    much: they rarely appear in the passage that answers.
    """
    asker = set(asker_terms(question))
    return [
        Concept(c.alternatives, c.weight / 3 if _about_asker(c, asker) else c.weight)
        for c in _concepts(question, glossary, idf)
    ]


def _about_asker(concept: Concept, asker: set[str]) -> bool:
    return any(term in asker for alt in concept.alternatives for term in alt)


def _concepts(question: str, glossary: Glossary, idf) -> list[Concept]:
    remaining = list(dict.fromkeys(terms(question)))
    concepts = []
    for entry in glossary.entries_in(question):
        forms = tuple(dict.fromkeys(tuple(terms(form)) for form in entry.forms() if terms(form)))
        used = [t for t in remaining if any(t in form for form in forms)]
        if not used:
            continue
        remaining = [t for t in remaining if t not in used]
        concepts.append(Concept(forms, max(idf(t) for t in used)))
    concepts.extend(Concept(((term,),), idf(term)) for term in remaining)
    return concepts


def coverage(concepts: list[Concept], found: frozenset[str]) -> float:
    """Share of the question's weighted ideas that `found` terms cover (0 to 1)."""
    total = sum(c.weight for c in concepts)
    return sum(c.weight * c.covered_by(found) for c in concepts) / total if total else 0.0
