"""A question that asks two things gets an answer to each: the clause that asks less (in
words) is not crowded out by sentences about the clause that asks more. On a small
knowledge base made here."""

from __future__ import annotations

import pytest

from tests.conftest import engine_over

DOCUMENTS = {
    "bus.md": """# The moorland bus

## Routes

The moorland bus serves the villages of the high moor on weekdays.
The moorland bus serves the villages of the river valley on Saturdays.
The moorland bus serves the market town villages on market days.
Villages on the moorland bus routes have a stop within a mile of every house.
The moorland bus timetable lists the villages it serves and the times it calls there.
New villages join the moorland bus routes when their parish council asks.
""",
    "winter.md": """# Winter on the moors

## Roads

The county council pays for the winter gritting of the moorland roads, from its highways
budget.
""",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory, embedder):
    return engine_over(DOCUMENTS, tmp_path_factory, embedder)


def test_each_part_of_a_two_part_question_is_answered(engine):
    answer = engine.ask(
        "Which villages does the moorland bus serve on weekdays and Saturdays, and who "
        "pays for gritting?"
    )
    assert answer.mode == "extractive"
    assert "villages of the high moor" in answer.answer
    assert "county council pays for the winter gritting" in answer.answer
