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
    "reach.md": """# Rural reach

## Why it matters

Rural reach matters because practices that reach more villages keep patients out of
hospital. Rural reach matters to the councils, who plan roads and buses around it. Rural
reach matters to patients, who would rather be seen near home. Rural reach matters to
nurses, who spend their days on the road. Rural reach has fallen on the high moor as
surgeries closed. Improving rural reach is the partnership's first aim, and why it matters
is set out in the partnership's plan.

## Measuring it

Rural reach, usually measured by the villages within an hour's drive of a surgery, is
reported each spring.
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


def test_a_part_asking_what_something_is_gets_the_sentence_that_says_it(engine):
    answer = engine.ask("How is rural reach defined, and why does it matter?")
    assert "usually measured by the villages within an hour" in answer.answer
    assert "Rural reach matters because" in answer.answer
