"""Text that many documents share is boilerplate; text of a document's own is novel."""

from bot.engine.boilerplate import REPEATED_IN, Shingles, discount
from bot.engine.text import words

TEMPLATE = (
    "NHS organisations in {town} are invited to help shape the {topic} priorities of the "
    "{area} strategy. Partners in {area} expect {topic} to create {n} jobs in {town}."
)
PLACES = ["Didcot", "Ascot", "Slough", "Witney", "Bicester", "Banbury", "Thame", "Wantage"]


def test_sentences_stamped_from_a_template_are_boilerplate():
    shingles = Shingles()
    for n, town in enumerate(PLACES):
        text = TEMPLATE.format(town=town, topic="skills", area="Oxfordshire", n=n)
        shingles.add(f"briefing-{n}", words(text))
    shingles.add("white-paper", words("The Healthy Ageing programme will invest in innovation."))
    novelty = shingles.novelty()
    assert novelty[: len(PLACES)].max() < 0.5
    assert novelty[-1] == 1.0


def test_a_document_repeating_itself_is_not_boilerplate():
    shingles = Shingles()
    text = TEMPLATE.format(town="Didcot", topic="skills", area="Oxfordshire", n=3)
    for _ in range(REPEATED_IN + 2):
        shingles.add("one-document", words(text))
    assert list(shingles.novelty()) == [1.0] * (REPEATED_IN + 2)


def test_a_chunk_too_short_for_a_run_counts_as_novel():
    shingles = Shingles()
    shingles.add("a", words("Two words"))
    shingles.add("b", [])
    assert list(shingles.novelty()) == [1.0, 1.0]


def test_boilerplate_is_discounted_not_dropped():
    assert discount(1.0) == 1.0
    assert 0 < discount(0.0) < 1
