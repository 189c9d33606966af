"""A question that names the document it wants ("according to the harbour board's March
2019 briefing") is answered from that document, though others share more of its words;
on a small knowledge base made here (not on any evaluation question)."""

from __future__ import annotations

import pytest

from bot.engine.text import terms, without_source
from tests.conftest import engine_over

# Many pages that talk about how the fund could help trusts, and one briefing that says
# what it pays for in other words.
DOCUMENTS = {
    f"news-{n}.md": f"""# Harbour news {n}

## The fund

The harbour fund could help trusts in many ways, as our March 2019 briefing explains;
trusts could ask the harbour board how the fund could help them (note {n}).
"""
    for n in range(12)
}
DOCUMENTS["briefing.md"] = """# Harbour fund briefing

## Taking part

Taking part pays for new slipways, crew training and a shared boatyard.
"""
DOCUMENTS["later.md"] = """# Harbour fund update

## Second round

The second round pays for lighthouse repairs.
"""
DOCUMENTS["sources.yaml"] = (
    "- file: briefing.md\n  title: Harbour fund briefing\n  publisher: Harbour Board\n"
    "  published: 2019-03\n"
    "- file: later.md\n  title: Harbour fund update\n  publisher: Harbour Board\n"
    "  published: 2020-01\n"
    + "".join(
        f"- file: news-{n}.md\n  title: Harbour news {n}\n  publisher: Harbour Board\n"
        "  published: 2019-06\n"
        for n in range(12)
    )
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory, embedder):
    return engine_over(DOCUMENTS, tmp_path_factory, embedder)


def test_the_document_a_question_names_answers_it(engine):
    question = (
        "According to the harbour board's March 2019 briefing, how could the harbour fund "
        "help trusts?"
    )
    answer = engine.ask(question)
    assert "new slipways, crew training" in answer.answer
    assert "Harbour fund briefing" in {c.title for c in answer.citations}


def test_two_documents_named_are_both_searched(engine):
    question = (
        "how could the harbour fund help trusts - did the harbour board's March 2019 "
        "briefing and its January 2020 update differ?"
    )
    titles = {c.title for c in engine.ask(question).citations}
    assert {"Harbour fund briefing", "Harbour fund update"} <= titles


@pytest.mark.parametrize(
    "question",
    [
        "How could the harbour fund help trusts, in the Harbour Board North Coast engagement "
        "material?",
        "how could the harbour fund help trusts, says the harbour board presentation?",
    ],
)
def test_material_and_presentations_name_the_document_not_the_subject(question):
    """The document's long name would otherwise outweigh what is asked of it."""
    asked = terms(without_source(question))
    assert "fund" in asked and "board" not in asked, asked


# A briefing that says when it was published, in the words a question uses to name it.
SELF_DESCRIBED = {
    "moor.md": """# Moorland briefing

## About us

The Moor Trust published its briefing in June 2019 on clinics.

## Boats

Ferries cross the estuary twice a day. The harbour dredging ends in spring.

## Seasons

Rural clinics close early in winter.
""",
    "sources.yaml": "- file: moor.md\n  title: Moorland briefing\n  publisher: Moor Trust\n"
    "  published: 2019-06\n",
}


def test_the_words_naming_a_document_do_not_choose_its_sentence(tmp_path_factory, embedder):
    engine = engine_over(SELF_DESCRIBED, tmp_path_factory, embedder)
    answer = engine.ask(
        "What does the Moor Trust's June 2019 briefing say about rural clinics in winter?"
    )
    # what the briefing says of them, not the sentence that says when it was published
    assert answer.answer.startswith("Rural clinics close early in winter"), answer.answer


# The named briefing defines a term in one passage and says why it matters in many.
DEFINED_IN_ONE_PASSAGE = {
    "briefing.md": "# Moorland briefing\n\n"
    + "\n\n".join(
        f"## Why it matters {n}\n\nFootfall is important for every moorland plan, and the "
        f"moorland plans describe why footfall is important to towns (part {n})."
        for n in range(12)
    )
    + "\n\n## Measures\n\nFootfall, routinely counted as the visitors passing a shop in a "
    "day, is the main driver of town income.\n",
    **{
        f"news-{n}.md": f"# Town news {n}\n\n## The briefing\n\nThe Moor Trust's June 2019 "
        f"briefing on footfall was read by every town council in June 2019 (note {n}).\n"
        for n in range(10)
    },
    "other.md": "# Town guide\n\n## Footfall\n\nFootfall measures how many people walk "
    "down a street.\n",
    "sources.yaml": "- file: briefing.md\n  title: Moorland briefing\n  publisher: Moor Trust\n"
    "  published: 2019-06\n- file: other.md\n  title: Town guide\n  publisher: Town Board\n"
    "  published: 2018-01\n",
}


def test_each_thing_asked_of_a_named_document_is_looked_for_in_it(tmp_path_factory, embedder):
    engine = engine_over(DEFINED_IN_ONE_PASSAGE, tmp_path_factory, embedder)
    answer = engine.ask(
        "How does the Moor Trust's June 2019 briefing define footfall, and why does it "
        "describe footfall as important?"
    )
    assert "routinely counted as the visitors passing a shop" in answer.answer, answer.answer
