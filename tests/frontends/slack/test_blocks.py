"""Block Kit rendering stays within Slack's limits and speaks mrkdwn, not Markdown."""

from bot.engine.answer import Answer, Citation, Contact
from bot.frontends.slack.blocks import (
    MAX_BLOCKS,
    SECTION_LIMIT,
    answer_blocks,
    text_sections,
    to_mrkdwn,
)


def _citation(n: int) -> Citation:
    return Citation(
        n=n,
        doc_id="d",
        title=f"Briefing {n} " + "x" * 150,
        publisher="NHS Confederation",
        published="2019-06",
        url="https://example.org/b",
        page=n,
        section="Skills",
        quote="q",
    )


def test_long_text_is_split_into_sections_under_the_limit():
    text = "\n".join(f"• point {n} " + "word " * 120 for n in range(40))
    sections = text_sections(text)
    assert len(sections) > 1
    assert all(len(s["text"]["text"]) <= SECTION_LIMIT for s in sections)
    assert "".join(s["text"]["text"] for s in sections).replace("\n", "") == text.replace("\n", "")


def test_a_single_huge_line_is_split_too():
    sections = text_sections("word " * 2000)
    assert all(len(s["text"]["text"]) <= SECTION_LIMIT for s in sections)


def test_huge_answers_fit_in_one_message_and_keep_their_buttons():
    answer = Answer(
        "q",
        "\n".join("line " * 500 for _ in range(120)),
        "extractive",
        [_citation(n) for n in range(1, 60)],
        [Contact(org="NHS Confederation")],
    )
    blocks = answer_blocks(answer, "abc123", shareable=True)
    assert len(blocks) <= MAX_BLOCKS
    assert blocks[-1]["type"] == "actions"
    assert "Shortened" in str(blocks[-2])


def test_markdown_becomes_mrkdwn_and_special_characters_are_escaped():
    """A Markdown link in answer text shows its address: a label never hides where it goes."""
    text = "**Key** point: see [the LIS](https://example.org/lis) & <stuff>\n- one\n## Heading"
    assert to_mrkdwn(text) == (
        "*Key* point: see the LIS (https://example.org/lis) &amp; &lt;stuff&gt;\n• one\n*Heading*"
    )


def test_sources_and_contacts_are_rendered_with_links_and_dates():
    answer = Answer(
        "q",
        "An answer [1]",
        "extractive",
        [_citation(1)],
        [
            Contact(
                org="Dorset LEP",
                name="Lorna Carver",
                area="Dorset",
                email="l@example.org",
                source="Briefing (2019)",
                note="Check.",
            )
        ],
    )
    text = str(answer_blocks(answer, "id1"))
    assert "<https://example.org/b|Briefing 1" in text and "June 2019" in text and "p. 1" in text
    assert "*Dorset:* Lorna Carver, Dorset LEP" in text and "<mailto:l@example.org|" in text
    assert "_Source: Briefing (2019)_" in text and "_Check._" in text


def test_quotes_from_one_place_are_listed_as_one_source_with_all_their_numbers():
    one, two = _citation(1), _citation(1)
    two = Citation(**{**two.to_dict(), "n": 2, "quote": "another sentence"})
    answer = Answer("q", "A [1]\n• B [2]\n• C [3]", "extractive", [one, two, _citation(3)])
    sources = next(
        b["text"]["text"] for b in answer_blocks(answer) if "*Sources*" in str(b.get("text"))
    )
    lines = sources.splitlines()[1:]
    assert len(lines) == 2
    assert lines[0].startswith("[1] [2] <https://example.org/b|Briefing 1")
    assert lines[1].startswith("[3] <https://example.org/b|Briefing 3")
