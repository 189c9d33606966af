"""Retrieval finds the passage that answers, even among many look-alike briefings."""

import pytest
import yaml

from bot.engine.concepts import coverage, question_concepts
from bot.engine.glossary import Glossary
from bot.engine.questions import answer_words
from bot.engine.retrieval import HybridRetriever, _diverse, _KeywordIndex
from bot.engine.text import terms
from ingest.pipeline import ingest_sources
from ingest.store import KnowledgeStore, StoredChunk

ANSWER = (
    "Supporting new products and services for the growing population of older people, "
    "including the new Industrial Strategy 'Healthy Ageing' programme that will invest in "
    "innovation to help older people maintain their chosen lifestyle and live independently "
    "for longer."
)
LOOK_ALIKE = (
    "Health partners in {town} see healthy ageing as a chance to improve {thing}. "
    "{town} has been chosen to pilot a {thing} programme worth £{n} million, led by the "
    "county council. NHS organisations in {town} are invited to help shape the healthy "
    "ageing priorities of the {area} strategy."
)
TOWNS = ["Didcot", "Ascot", "Slough", "Witney", "Bicester", "Banbury", "Leeds", "Hull"]
THINGS = ["care systems", "local growth", "earning power", "living standards", "data"]


@pytest.fixture
def crowded_store(tmp_path, embedder):
    """One document that answers, and forty briefings stamped from one template."""
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "white-paper.txt").write_text(f"Ageing society\n\n{ANSWER}\n")
    catalogue = [{"file": "white-paper.txt", "title": "White paper", "published": "2017"}]
    for n in range(40):
        name = f"briefing-{n}.txt"
        fields = {"town": TOWNS[n % 8], "thing": THINGS[n % 5], "n": n + 2, "area": f"Area {n}"}
        (folder / name).write_text(LOOK_ALIKE.format(**fields) + "\n")
        catalogue.append({"file": name, "title": f"Ageing briefing {n}", "published": "2019"})
    (folder / "sources.yaml").write_text(yaml.safe_dump(catalogue))
    store = KnowledgeStore.open(tmp_path / "store", embedder)
    assert not ingest_sources(store, [folder]).failed
    return store


def test_the_passage_that_answers_outranks_templated_look_alikes(crowded_store):
    retriever = HybridRetriever(crowded_store)
    passages = retriever.retrieve(retriever.query("What is the Healthy Ageing programme?"))
    assert passages[0].chunk.metadata["title"] == "White paper"
    assert passages[0].novelty > passages[1].novelty


def _chunk(n: int, text: str, doc_id: str = "doc") -> StoredChunk:
    return StoredChunk(f"{doc_id}:{n}", text, {"doc_id": doc_id, "chunk_index": n})


def test_a_word_is_as_rare_as_its_family_where_coverage_counts_it():
    chunks = [_chunk(n, f"Local priorities number {n}.", f"doc{n}") for n in range(20)]
    index = _KeywordIndex([*chunks, _chunk(0, "The framework of Berkshire.", "framework")])
    assert index.idf("prioritis") == index.idf("prioriti") < index.idf("framework")
    concepts = question_concepts("What does the framework prioritise?", Glossary(), index.idf)
    framework = frozenset(terms("The framework of Berkshire."))
    priorities = frozenset(terms("Local priorities number 1."))
    assert coverage(concepts, framework) > coverage(concepts, priorities)


def test_the_chunks_around_a_passage_are_its_context():
    index = _KeywordIndex(
        [_chunk(0, "Thames Valley Berkshire framework."), _chunk(1, "Priority five: inclusion.")]
    )
    assert {"thame", "framework"} <= index.nearby("doc:1")
    assert index.nearby("elsewhere") == frozenset()


def test_the_best_passage_comes_with_the_chunks_either_side_of_it(engine):
    passages = engine.retriever.retrieve(
        engine.retriever.query("What does the Thames Valley Berkshire framework prioritise?")
    )
    best = passages[0].chunk
    around = {(p.chunk.doc_id, p.chunk.metadata["chunk_index"]) for p in passages[1:3]}
    index = best.metadata["chunk_index"]
    assert around & {(best.doc_id, index - 1), (best.doc_id, index + 1)}
    assert [p.rank for p in passages] == list(range(1, len(passages) + 1))
    assert any("Priority 5" in p.chunk.text for p in passages)


def test_a_passage_with_a_word_no_better_one_has_passes_the_cap_per_document():
    """Six chunks of the white paper share the question's common words; only the sixth
    names the town asked about ("anything in the white paper about grimsby?"). Taking at
    most five chunks from one document must not drop it; a seventh with nothing new is."""
    ranked = [_chunk(n, f"the white paper, part {n}", "white-paper") for n in range(5)]
    ranked += [
        _chunk(5, "a pilot town deal for grimsby", "white-paper"),
        _chunk(6, "the white paper, part 6", "white-paper"),
        *(_chunk(n, "the white paper, again", "other") for n in range(3)),
    ]
    asked = set(terms("anything in the white paper about grimsby"))
    words = {chunk.id: asked & set(terms(chunk.text)) for chunk in ranked}
    passages = _diverse(ranked, dict.fromkeys(words, 1.0), 9, 5, words.__getitem__)
    chosen = [p.chunk.id for p in passages]
    assert "white-paper:5" in chosen and "white-paper:6" not in chosen


def test_what_the_askers_own_initials_stand_for_weighs_as_little_as_they_do(engine):
    """ "we're an STP in thornby": passages about sustainability and transformation
    partnerships do not answer the deadline asked about, any more than the initials do."""
    query = engine.retriever.query("when is the deadline for the plan? we're an STP in thornby")
    assert query.weights["transform"] == query.weights["stp"] < query.weights["deadlin"]
    # asked about the STP itself, its spelt-out words are the topic
    query = engine.retriever.query("what does an STP do?")
    assert query.weights["transform"] == 0.5


def test_a_list_announced_with_a_colon_is_found_though_its_items_run_on(tmp_path, embedder):
    """A lead-in that ends "These are:" announces a list, though a PDF's labelled lines run
    on in one paragraph after it ("Innovation: ... Skills: ..."): asked where health
    "shows up", the list whose lead-in says where it "features" is found by those words."""
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "themes.txt").write_text(
        "Harbour plans\n\nHealth and harbour plans\n"
        "There are several common areas where health features in the emerging harbour plans.\n"
        "These are:\n\n"
        "Innovation: particularly ferries, telecare, digital, AI and data, and clean growth\n"
        "Skills: in terms of general employability, apprenticeships and T-Levels, in-work \n"
        "progression and new business models\n"
        "Inclusive growth: including crew wellbeing, addressing low pay, youth employment and \n"
        "the links between health and productivity\n"
        "Infrastructure: including housing, transport and energy\n"
        "Economic growth: through harbour trusts as anchor institutions and social value\n\n"
        "This briefing looks at some case studies of how harbour trusts are working in these \n"
        "five areas.\n"
    )
    (folder / "other.md").write_text(
        "# Other plans\n\n## Areas\n\nThe harbour plans cover many areas of the coast.\n"
    )
    store = KnowledgeStore.open(tmp_path / "store", embedder)
    assert not ingest_sources(store, [folder]).failed
    retriever = HybridRetriever(store)
    question = "where does health usually show up in the harbour plans?"
    said = set(terms(answer_words(question)))
    _searched, weights = retriever.keywords(question)
    found = retriever.lists_announced(said, weights)
    assert found and "several common areas" in found[0].chunk.text
