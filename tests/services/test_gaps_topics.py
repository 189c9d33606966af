"""A gap that names no place still gets a suggested source when the knowledge base
mentions an area's strategy on its topic (a case study saying Oxfordshire's strategy
backs social prescribing): that area's full strategy would probably say more. Made-up
documents and questions, not an evaluation set."""

from __future__ import annotations

import pytest

from bot.engine.answer import Answer
from bot.services.gaps import build_gaps_report
from bot.services.state import StateStore
from tests.conftest import engine_over

DOCUMENTS = {
    "case-studies.md": """# Health in local strategies

## CASE STUDY Oxfordshire

The Oxfordshire local industrial strategy funds social prescribing link workers in every
rural GP practice, paid through the county's health and wellbeing partnership.
""",
    "general.md": "# Local strategies\n\n## Productivity\n\n"
    + "Local industrial strategies aim to raise productivity across every region. " * 8,
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory, embedder):
    return engine_over(DOCUMENTS, tmp_path_factory, embedder)


def report_for(question: str, engine, tmp_path):
    state = StateStore(tmp_path / "state.sqlite3")
    state.save_answer(Answer(question, "Not covered.", "no_answer"), "C1", "U1")
    return build_gaps_report(
        state,
        engine.store.embedder,
        engine.contacts.gazetteer,
        areas_on=engine.areas_writing_about,
    )


def test_a_topic_an_areas_strategy_is_mentioned_on_suggests_that_strategy(engine, tmp_path):
    (group,) = report_for(
        "How do we pay for social prescribing link workers in GP practices?", engine, tmp_path
    ).groups
    assert group.places == []
    (suggestion,) = group.suggestions
    assert suggestion.area == "Oxfordshire" and suggestion.on_topic
    assert "which the knowledge base mentions on this topic" in suggestion.text()
    assert "https://www.oxfordshirelep.com/lis" in suggestion.text()


def test_a_topic_nothing_mentions_suggests_nothing(engine, tmp_path):
    (group,) = report_for("What is the tidal range of the Severn estuary?", engine, tmp_path).groups
    assert group.suggestions == []
