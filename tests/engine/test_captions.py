"""A citation of a case study names the caption printed under its box ("CASE STUDY ...:
Harbourside technical draft (December 2018)"), not the heading in force above it, which is
the caption of the case study before; on a small knowledge base made here."""

from __future__ import annotations

import pytest

from tests.conftest import engine_over

DOCUMENTS = {
    "case-studies.txt": """Case studies in moorland strategies

Moorland strategies speak of health in many ways, and some of them at length.

“The Fellside will open a rural health centre in every market town, with nurses for the
smallest villages and a bus to reach them.”

Download the full report here.

CASE STUDY Rural health in moorland strategies

Fellside draft strategy (May 2019)

“We will establish a harbour health living lab linked to the quays, with care for the
fishing fleet and their families.

• The living lab will pioneer remote care for crews at sea, with the harbour college.”

Visit the Harbourside website for more information.

CASE STUDY Rural health in moorland strategies

Harbourside technical draft (December 2018)
"""
}


# The box after a caption is the next place's case study, printed before its own caption.
TWO_PLACES = {
    "anchors.txt": """Anchors in moorland strategies

Moorland strategies speak of anchors in many ways.

“The LEP should support anchor employers in defence, energy and health across the moors.”

Download the full report from the LEP website.

CASE STUDY Anchor institutions in moorland strategies

Heart of the South West command paper (February 2019)

“Supporting people to live well for longer in the fens:

“We aim to support people in hard-to-reach villages to live independently for longer.
Significant market opportunities exist for new products to support independent living.

“Greater Lincolnshire has opened a rural health centre and a new medical school.”

Download the full report here.

CASE STUDY Health in moorland strategies

Greater Lincolnshire evolving priorities (January 2019)
"""
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory, embedder):
    return engine_over(DOCUMENTS, tmp_path_factory, embedder)


def sections_citing(answer, words: str) -> set[str | None]:
    return {c.section for c in answer.citations if words in c.quote}


def test_a_case_study_is_cited_by_the_caption_under_it(engine):
    answer = engine.ask("what does the harbourside strategy say about a living lab?")
    assert sections_citing(answer, "living lab") == {
        "CASE STUDY Rural health in moorland strategies: "
        "Harbourside technical draft (December 2018)"
    }


def test_the_case_study_before_it_keeps_its_own_caption(engine):
    answer = engine.ask("what will the fellside strategy do for rural health?")
    assert sections_citing(answer, "rural health centre") == {
        "CASE STUDY Rural health in moorland strategies: Fellside draft strategy (May 2019)"
    }


def test_advice_for_a_place_does_not_lead_with_the_next_places_case_study(
    tmp_path_factory, embedder
):
    """Greater Lincolnshire's quotes follow the Heart of the South West caption, and the
    chunk that holds them names that place first: they are still not its strategy."""
    engine = engine_over(TWO_PLACES, tmp_path_factory, embedder)
    answer = engine.ask(
        "trust in exeter - what shd we push for on independent living in the heart of the "
        "south west LIS?"
    )
    lead = answer.citations[0]
    assert "Greater Lincolnshire" not in (lead.section or ""), answer.answer


def test_a_places_quotes_are_its_own_where_only_their_caption_names_it(tmp_path_factory, embedder):
    """ "We aim to support people ... to live independently" never names Greater
    Lincolnshire, but the caption under its box does: asked about that place's strategy,
    its quotes lead, not a general page on independent living."""
    # (the box's quotes name no place; only its caption does)
    box = TWO_PLACES["anchors.txt"].replace("Greater Lincolnshire has opened", "The fens have")
    general = "Independent living\n\nIndependent living for older people in villages is a "
    documents = {"anchors.txt": box, "general.txt": general + "priority of many strategies.\n"}
    engine = engine_over(documents, tmp_path_factory, embedder)
    answer = engine.ask(
        "lincs LIS - anything on independent living for older people? hospice in boston"
    )
    assert "Greater Lincolnshire" in (answer.citations[0].section or ""), answer.answer


# The briefing's own advice to the NHS, printed in a place's case study box.
ADVICE_IN_A_BOX = {
    "skills.txt": """Skills in moorland strategies

The NHS will be the largest employer in every LEP area.

Practices and NHS organisations should use the development of local industrial strategies to
engage their LEP on local skills plans that bring local people into health and care.

“Greater Lincolnshire will build an academy with its colleges, and train local people for
the jobs of the future in care.”

Download the full report here.

CASE STUDY Skills in moorland strategies

Greater Lincolnshire evolving priorities (January 2019)
"""
}


def test_asked_what_a_places_strategy_says_its_words_lead_not_the_briefings_advice(
    tmp_path_factory, embedder
):
    """ "what does the greater lincs LIS say about health and care?": the strategy's own
    words in the box lead, not the briefing's advice to NHS organisations beside them."""
    engine = engine_over(ADVICE_IN_A_BOX, tmp_path_factory, embedder)
    answer = engine.ask("what does the greater lincolnshire LIS say about health and care?")
    assert answer.answer.startswith("“Greater Lincolnshire will build"), answer.answer


def test_whether_a_strategy_quoted_is_a_draft_and_from_when_is_answered_by_its_caption(
    tmp_path_factory, embedder
):
    """The caption under the box says which version was quoted and its date: asked "a
    final version or just a draft? from when", it leads, though it repeats few words."""
    documents = {
        "innovation.txt": """Innovation in moorland strategies

Moorland strategies will be agreed with government once each final version is ready.

“We will establish a harbour health living lab linked to the quays, with care for the
fishing fleet and their families. It will innovate in products and services for people
across Harbourside.”

Visit the Harbourside website for more information.

CASE STUDY Innovation in moorland strategies

Harbourside technical negotiating draft (December 2018)

https://www.example.org/harbourside/strategy
"""
    }
    engine = engine_over(documents, tmp_path_factory, embedder)
    answer = engine.ask(
        "harbourside trust - is the harbourside strategy quoted a final version or just a "
        "draft? from when"
    )
    assert answer.answer.startswith("Harbourside technical negotiating draft (December 2018)"), (
        answer.answer
    )


def test_when_a_draft_of_a_local_strategy_was_written_is_answered_by_its_dated_caption(
    tmp_path_factory, embedder
):
    """ "the Cumbria draft of the local industrial strategy" names no "Industrial
    Strategy" (the national one's name): the caption with the draft's date answers when
    it was written, though it does not say "industrial strategy"."""
    documents = {
        "innovation.txt": """Innovation in local industrial strategies

The Industrial Strategy, published in November 2017, asked every area for a local plan.

“We will establish a harbour health living lab linked to the quays, with care for the
fishing fleet and their families.”

CASE STUDY Innovation in local industrial strategies

Cumbria technical consultation draft (March 2019)

https://www.example.org/cumbria/strategy
"""
    }
    engine = engine_over(documents, tmp_path_factory, embedder)
    answer = engine.ask(
        "When was the Cumbria technical consultation draft of the local industrial strategy "
        "written?"
    )
    assert "March 2019" in answer.answer, answer.answer
