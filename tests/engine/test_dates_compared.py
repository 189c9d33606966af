"""Asked how two documents' dates for one thing compare, the answer gives each
document's date, though passages that only talk about the thing share more of the
question's words; on a small knowledge base made here (not on any evaluation question)."""

from __future__ import annotations

import pytest

from bot.engine.gathering import dated_sentence_weight
from bot.engine.questions import compares_dates, wants_date
from bot.engine.text import terms
from tests.conftest import engine_over

# A paragraph that talks about agreeing rotas without dating it, repeated so that it
# outranks the dated passages
_TALK = """Agreeing winter rotas with the board takes time ({}), and agreeing them well matters to
every practice. Practices agreeing winter rotas should talk to the board early, and the
board's guidance on agreeing winter rotas explains what agreeing a rota involves.
"""

DOCUMENTS = {
    "rotas-2017.md": """# Winter rotas briefing

## What the board announced

The board announced winter rotas for every moorland practice. The first winter rotas will
be agreed by March 2019.
""",
    "rotas-2019.md": """# Winter rotas in practice

## Funding

The board set out an ambition for winter rotas, with a commitment to raising spending on
winter rotas to 2.4 per cent of practice budgets by 2027.

## Trailblazers

Two practices were announced as early trailblazers for winter rotas and published their winter
rotas in May and June 2019 respectively.

## Key points

• Every moorland practice is in the process of writing a winter rota, to be agreed with
the board by March 2020.

## Agreeing winter rotas

"""
    + "\n".join(_TALK.format(n) for n in ("first", "second", "third", "fourth")),
    "sources.yaml": (
        "- file: rotas-2017.md\n  title: Winter rotas briefing\n  publisher: Moorland Board\n"
        "  published: 2017-12\n"
        "- file: rotas-2019.md\n  title: Winter rotas in practice\n  publisher: Moorland Board\n"
        "  published: 2019-06\n"
    ),
}
for n in range(12):
    DOCUMENTS[f"notes-{n}.md"] = f"""# Practice notes {n}

## Agreeing winter rotas

Agreeing winter rotas is on the agenda again (note {n}); practices agreeing winter rotas
compare notes on agreeing them, and the briefing on agreeing winter rotas is discussed.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory, embedder):
    return engine_over(DOCUMENTS, tmp_path_factory, embedder)


@pytest.mark.parametrize(
    "question",
    [
        "How does the date for agreeing winter rotas in the December 2017 briefing compare "
        "with the date given in the June 2019 briefing?",
        "how did the expected timing for agreeing winter rotas change between the 2017 "
        "briefing and the 2019 one?",
        "whats the deadline for winter rotas to be agreed? the 2017 briefing and the 2019 one "
        "seem to give diff dates",
        "the 2017 briefing and the newer one give diff deadlines for agreeing winter rotas?? "
        "whats each one say",
        "the 2017 briefing gave one deadline for winter rotas to be agreed but the 2019 stuff "
        "says another?? which is it",
        "did the winter rota deadline change between the 2017 briefing and the 2019 one?? whats "
        "the date now",
    ],
)
def test_dates_set_side_by_side_are_each_given(engine, question):
    """Each document's date for the thing asked, though the newer one also dates other
    things (spending by 2027, two practices' rotas agreed in June 2019)."""
    answer = engine.ask(question).answer
    assert "March 2019" in answer and "March 2020" in answer


def test_what_sets_dates_side_by_side():
    assert wants_date("what was the date for agreeing them in the 2017 briefing?")
    assert compares_dates("how does the timetable for agreeing rotas compare with 2019's?")
    assert compares_dates("has the deadline for agreeing rotas changed since 2017?")
    assert not compares_dates("how does the rota compare with last winter's?")  # no date asked
    assert not compares_dates("when will rotas be agreed?")
    assert compares_dates("the two briefings give diff deadlines for rotas?")
    assert wants_date("what are the deadlines for rotas?")
    assert compares_dates(
        "the 2017 briefing gives one deadline for rotas, the 2019 one says another"
    )
    assert compares_dates(
        "deadline for rotas - the briefings contradict each other, which is right?"
    )
    assert not compares_dates("what is another deadline for rotas?")


def test_a_documents_passage_that_dates_what_is_asked_outweighs_one_that_dates_another_thing():
    asked = set(terms("the date for agreeing local strategies"))
    idf = {term: 1.0 for term in asked}.get

    def weight(text):
        return dated_sentence_weight(text, asked, lambda term: idf(term) or 0.0)

    other = "The strategy set out an ambition to raise spending to 2.4 per cent of GDP by 2027."
    asked_date = (
        "Every area is writing a local strategy, to be agreed with the board by March 2020."
    )
    assert weight(asked_date) > weight(other)
    assert weight("Local strategies are agreed with the board.") is None  # no date
    captions = " ".join(f"Agreeing local strategies: case study {n} (June 2019)" for n in range(12))
    assert weight(captions) is None  # a run of captions, no sentence
