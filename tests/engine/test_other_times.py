"""A figure or an event the documents give for one time is no answer for another: a
target for 2030 is not what was achieved by 2025, nor the target for 2040; a plan that
was still to come is not what it ended up proposing. And a place's own strategy the
documents never mention is not covered, though the question also asks whom to talk to.
Each on a small knowledge base made here (not on any evaluation question)."""

from __future__ import annotations

import pytest

from tests.conftest import engine_over

DOCUMENTS = {
    "targets.md": """# Moorland economic plan

## Targets

Increase the number of moorland jobs by 20,000 by 2030.

Close the gap with the rest of the region in output per hour worked by 10% by 2030.

## Plans

The Dorset LEP published its final strategy in March 2019.

The Cornwall LEP consulted on its emerging priorities in January 2019.
""",
    "care.md": """# Moorland care and funds

A green paper on moorland care will be published in summer 2018.

The harbour fund will replace the old coastal grants when they end. The harbour towns
will receive money from the harbour fund to repair their slipways.

## Timeline

The moorland plan was drafted in 2021 and looks ahead to 2040, with a review in 2025.
""",
    "advice.md": """# Working with your LEP

## What NHS leaders should do

NHS trusts should talk to their LEP about the local industrial strategy: what it says
about health and who to talk to there.

## Dorset

The Dorset strategy backs a workforce partnership between the LEP and the Dorset ICS.
""",
    "sources.yaml": "- file: targets.md\n  title: Moorland economic plan\n  published: 2019-06\n"
    "- file: advice.md\n  title: Working with your LEP\n  published: 2019-06\n"
    "- file: care.md\n  title: Moorland care and funds\n  published: 2018-03\n",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory, embedder):
    return engine_over(DOCUMENTS, tmp_path_factory, embedder)


@pytest.mark.parametrize(
    "question",
    [
        "how many moorland jobs had been created towards the 20,000 target by 2025?",
        "whats the moorland target for number of jobs by 2040? need the figure for a paper",
        "What was the moorland output per hour worked in 2019?",
    ],
)
def test_a_figure_given_for_another_year_is_not_the_one_asked_for(engine, question):
    assert engine.ask(question).mode == "no_answer"


def test_a_figure_for_the_year_it_is_given_for_is_answered(engine):
    assert "20,000" in engine.ask("how many moorland jobs will be added by 2030?").answer


def test_what_had_happened_by_a_year_after_the_sources_were_written_is_not_answered(engine):
    answer = engine.ask("how many moorland jobs were actually created by 2030?")
    assert answer.mode == "no_answer"
    assert "cannot say what happened in 2030" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "has the dorset LEP changed its final strategy since march 2021?",
        "has the dorset LEP changed its final strategy since the 2021 moorland plan?",
    ],
)
def test_what_happened_since_a_month_or_an_event_after_the_sources_is_not_answered(
    engine, question
):
    answer = engine.ask(question)
    assert answer.mode == "no_answer"
    assert "cannot say what happened in 2021" in answer.answer
    # a target year is still no event: "since the 2030 target" asks nothing of 2030
    question = "has the dorset LEP published its final strategy since the 2030 target was set?"
    assert "March 2019" in engine.ask(question).answer


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("is it right the moorland jobs target is 50,000 by 2035?", "20,000 by 2030"),
        ("the moorland care green paper, is that due in 2020?", "summer 2018"),
        ("the moorland plan was drafted back in 2016, right?", "drafted in 2021"),
        # the belief after the question, as chat types it (no capital after the "?")
        ("quick one - when was the moorland plan drafted? i thought 2016", "drafted in 2021"),
        # a month the asker states, a yes/no question stating a figure, "yeah?"
        ("is it correct the moorland plan was drafted in October 2016?", "drafted in 2021"),
        ("does the moorland plan add 50,000 jobs by 2035?", "20,000 by 2030"),
        ("moorland jobs target is 50k by 2035 yeah?", "20,000 by 2030"),
    ],
)
def test_a_year_the_asker_puts_to_the_documents_is_checked_not_refused(engine, question, said):
    """Asked whether what they believe is so, with a year no document gives, the asker
    gets what the documents do say (to correct them), not "nothing on 2035"."""
    answer = engine.ask(question)
    assert answer.mode == "extractive" and said in answer.answer


def test_a_year_asked_about_is_still_not_covered_when_nothing_is_checked(engine):
    assert engine.ask("how many moorland jobs were created in 2035?").mode == "no_answer"


def test_whether_a_plan_was_ever_published_needs_a_sentence_saying_it_was(engine):
    question = "did cornwall lep ever actually publish their final strategy after the consultation?"
    assert engine.ask(question).mode == "no_answer"
    question = "did the dorset LEP ever actually publish their final strategy?"
    assert "March 2019" in engine.ask(question).answer


def test_when_asked_after_saying_where_the_asker_is_still_needs_the_date_of_that_event(engine):
    question = (
        "im at royal cornwall hospital - when did the cornwall LEP publish their final strategy?"
    )
    assert engine.ask(question).mode == "no_answer"
    question = "im at poole hospital - when did the dorset LEP publish their final strategy?"
    assert "March 2019" in engine.ask(question).answer


def test_what_a_paper_still_to_come_proposed_in_the_end_is_not_covered(engine):
    question = "what did the green paper on moorland care actually propose in the end?"
    assert engine.ask(question).mode == "no_answer"


def test_what_an_audit_no_sentence_speaks_of_concluded_is_not_covered(engine):
    """Sentences about the harbour fund say nothing of what an audit of it concluded."""
    assert engine.ask("what did the harbour fund audit conclude?").mode == "no_answer"


def test_whether_a_plan_still_to_come_delivered_anything_is_not_covered(engine):
    """Written before the green paper came out, the documents cannot say what it did."""
    question = "did the green paper on moorland care actually deliver anything for care homes?"
    assert engine.ask(question).mode == "no_answer"
    assert (
        "summer 2018" in engine.ask("when will the green paper on moorland care come out?").answer
    )


def test_an_allocation_asked_for_is_an_amount_of_money(engine):
    question = "What allocation did the harbour towns receive from the harbour fund?"
    assert engine.ask(question).mode == "no_answer"


def test_a_place_s_own_strategy_is_not_covered_though_the_question_also_asks_whom_to_call(
    engine,
):
    question = (
        "im at a trust in norwich - what does new anglia lep's LIS say about health and "
        "who do we talk to?"
    )
    answer = engine.ask(question)
    assert answer.mode == "no_answer"
    assert "New Anglia Local Enterprise Partnership" in answer.answer
    # what to do there is the same everywhere, and still answered
    question = "what should our trust in norwich do about the LIS and who do we talk to?"
    assert "talk to their LEP" in engine.ask(question).answer


def test_a_number_in_words_is_no_figure_for_the_year_asked(tmp_path_factory, embedder):
    """ "one of four areas of the plan, which looks ahead to 2040" gives no jobs target for
    2040; the only target given is for 2030."""
    engine = engine_over(
        {
            "plan.md": """# Moorland economic plan

## Targets

Increase the number of moorland jobs by 20,000 by 2030.

## Moorland jobs

Moorland jobs in farming and tourism are one of four areas of the moorland plan, which
looks ahead to 2040.
""",
        },
        tmp_path_factory,
        embedder,
    )
    assert engine.ask("whats the moorland target for number of jobs by 2040?").mode == "no_answer"


SOURCE_NAMED = {
    "coast.md": """# Understanding the Coast Strategy

## Harbour plans

Every harbour town is developing a harbour plan, to be agreed with government by
March 2020.

## Ferries

Of greater importance could be the forthcoming paper on winter ferries (to be published by
summer 2018) as a means of helping ferry firms adapt.

The Coast Office published its briefing on the Coast Strategy in December 2017 and has been
working with harbour towns since. It published a second briefing in June 2019 on ferry
timetables.
""",
}


def test_the_document_named_as_where_to_look_is_not_what_a_date_is_asked_of(
    tmp_path_factory, embedder
):
    """ "..., as set out in the Coast Office's June 2019 briefing": the deadline asked is
    the plans', which the documents give, not the briefing's; and "the paper referred to in
    the Coast Office's briefing" is the ferry paper, whose publication no sentence reports
    (the briefing's own does not count)."""
    engine = engine_over(SOURCE_NAMED, tmp_path_factory, embedder)
    answer = engine.ask(
        "What is the deadline for harbour plans to be agreed with government, as set out "
        "in the Coast Office's June 2019 briefing?"
    )
    assert "March 2020" in answer.answer, answer.answer
    question = (
        "When was the paper on winter ferries, referred to in the Coast Office's Coast "
        "Strategy briefing, actually published?"
    )
    assert engine.ask(question).mode == "no_answer"
