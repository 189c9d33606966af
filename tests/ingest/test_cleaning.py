"""Cleaning repairs what PDF and web extraction break."""

import pytest

from ingest.cleaning import clean_text, remove_repeated_lines, split_columns


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # A bullet torn from its text by a blank line is put back together.
        (
            "• The white paper sets\n\nout the long-term plan.",
            "• The white paper sets out the long-term plan.",
        ),
        # Lines wrapped mid-sentence become one paragraph.
        (
            "NHS leaders should seek to\nunderstand the strategy.",
            "NHS leaders should seek to understand the strategy.",
        ),
        # A word split over two lines with a hyphen is rejoined on one line.
        ("the well-\nfunded programme.", "the well-funded programme."),
        # Ligatures and non-breaking spaces are normalised.
        ("e\ufb03cient\u00a0services.", "efficient services."),
        # Soft hyphens vanish.
        ("organi\u00adsation.", "organisation."),
        # A signature's titles torn by a blank line stay one line (not a heading).
        (
            "Ann Moor, Chair, Moor Partners, and Academic\n\nDirector, Moor Health Network",
            "Ann Moor, Chair, Moor Partners, and Academic Director, Moor Health Network",
        ),
    ],
)
def test_clean_text_repairs_extraction_artefacts(raw, expected):
    assert clean_text(raw) == expected


def test_headings_are_marked_and_paragraphs_kept_apart():
    raw = (
        "Key points\n• First point.\n• Second point.\n\nWhy this matters\n"
        "The NHS employs 1.4 million people.\nIt shapes local economies."
    )
    assert clean_text(raw).split("\n\n") == [
        "## Key points",
        "• First point.",
        "• Second point.",
        "## Why this matters",
        "The NHS employs 1.4 million people. It shapes local economies.",
    ]


def test_web_boilerplate_is_dropped():
    raw = (
        "Health and the Industrial Strategy\n\nmap with pins\n\nThe strategy matters.\n\n"
        "Why Register?\n\nGreat reasons to register\n\n• Access exclusive resources\n\nLog In"
    )
    cleaned = clean_text(raw)
    assert "register" not in cleaned.lower()
    assert "map with pins" not in cleaned
    assert "Log In" not in cleaned
    assert "The strategy matters." in cleaned


def test_a_web_address_is_not_glued_to_the_next_paragraph():
    raw = (
        "Chair, Health Board\n\nhttps://example.org/lis/\n Knowing how to influence\n"
        "Most are early."
    )
    paragraphs = clean_text(raw).split("\n\n")
    assert "https://example.org/lis/" in paragraphs
    assert "## Knowing how to influence" in paragraphs


def test_running_headers_and_page_numbers_are_removed():
    topics = ["skills", "housing", "innovation", "transport"]
    pages = [
        f"NHS Confederation briefing\nThis page is about {topic}.\nPage {n} of 4"
        for n, topic in enumerate(topics, 1)
    ]
    cleaned = remove_repeated_lines(pages)
    assert [page.strip() for page in cleaned] == [f"This page is about {t}." for t in topics]


def test_two_columns_are_read_one_after_the_other():
    left = ["The left column starts", "and carries on here", "to its end.", "More left text"]
    right = ["Right column begins", "and continues", "to finish.", "More right text"]
    layout = "\n".join(f"{a:<30}     {b}" for a, b in zip(left, right, strict=True))
    text = split_columns(layout)
    assert text is not None
    assert text.index("to its end.") < text.index("Right column begins")
    assert split_columns("A single column of prose\nthat wraps normally\nacross lines\nok") is None


def test_a_word_broken_across_two_columns_is_mended():
    text = (
        "• Making the UK a global centre for AI and data-\n\nPriorities include:\n\n"
        "driven innovation including the data to early\ndiagnostics programme.\n\n• Next point."
    )
    paragraphs = clean_text(text).split("\n\n")
    assert paragraphs[0] == (
        "• Making the UK a global centre for AI and data-driven innovation including the "
        "data to early diagnostics programme."
    )
    assert "Priorities include:" in paragraphs[1]


def test_a_lists_title_printed_after_its_points_stays_with_them():
    """A PDF box's title extracted after its bullets, right before the next heading, would
    head an empty section and be lost."""
    raw = (
        "• recruit rural nurses\n• share buildings\n\nJoining the partnership could help you\n\n"
        "Who leads the partnership\nThe councils take turns to chair the board."
    )
    assert clean_text(raw).split("\n\n") == [
        "• recruit rural nurses",
        "• share buildings",
        "Joining the partnership could help you",
        "## Who leads the partnership",
        "The councils take turns to chair the board.",
    ]


def test_a_slides_list_under_its_lead_in_is_a_list_not_headings():
    """Items laid out as short capitalised lines would each read as a heading, and the
    list would be lost in empty sections; under a lead-in ending with a colon they are
    its items, a wrapped item one bullet, up to the next slide's title."""
    raw = (
        "Key elements of the moorland deal include:\n\n"
        "Establishing the Moorland Advanced\nResearch Programme\n\n"
        "Making the moors a hub for\nrural therapies\n\n"
        "Strengthening rural clinical research\n\n"
        "What does the moorland plan say about health?\n\n"
        "Rural health in the moors\n\n"
        "The moors have three hospitals and forty practices."
    )
    assert clean_text(raw).split("\n\n") == [
        "Key elements of the moorland deal include:",
        "• Establishing the Moorland Advanced Research Programme",
        "• Making the moors a hub for rural therapies",
        "• Strengthening rural clinical research",
        "What does the moorland plan say about health?",
        "## Rural health in the moors",
        "The moors have three hospitals and forty practices.",
    ]


def test_one_line_items_under_a_lead_in_are_a_list_up_to_the_blank_line():
    raw = (
        "Key activities to be delivered by 2021 include:\n"
        "Define and communicate opportunities\n"
        "Shape and coordinate delivery plans\n"
        "Identify challenges and support needs\n\n"
        "The moors have three hospitals and forty practices."
    )
    assert clean_text(raw).split("\n\n")[:4] == [
        "Key activities to be delivered by 2021 include:",
        "• Define and communicate opportunities",
        "• Shape and coordinate delivery plans",
        "• Identify challenges and support needs",
    ]
    # wrapped prose after a lead-in is not a list
    prose = (
        "Key opportunities for the region include:\n"
        "The moorland deal and the ageing challenge provide opportunities to take forward\n"
        "the region's priorities in relation to health and care in the market towns"
    )
    assert "•" not in clean_text(prose)


def test_a_slide_title_asked_as_a_question_does_not_run_into_the_slide():
    raw = (
        "What the evidence tells us about rural health on the moors?\n"
        "Key recommendations from the review:\n\n"
        "Bring the practices and the universities together"
    )
    assert clean_text(raw).split("\n\n")[:2] == [
        "What the evidence tells us about rural health on the moors?",
        "Key recommendations from the review:",
    ]
