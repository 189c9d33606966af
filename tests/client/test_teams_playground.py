"""The Teams bot in a real client: the Microsoft 365 Agents Playground in headless Chromium.

Run: `make test-teams-client` (installs the playground, Chromium and playwright as needed).
One playground session serves the whole module; the conversation is asked once, in order.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

pytest.importorskip("playwright")
from tests.client.playground import CHROMIUM, PLAYGROUND_BIN, Playground, Reply  # noqa: E402

pytestmark = pytest.mark.client

QUESTIONS = [
    "What is SmartMed?",
    "What should our ICS do for the Lincolnshire strategy?",
    "What is SmartMed?",
    "help",
]
ENTITY = re.compile(r"&(?:lt|gt|amp|quot|apos|nbsp|#\d+|#x[0-9a-f]+);", re.I)
LITERAL_MARKER = re.compile(r"\[\d+\]")


@pytest.fixture(scope="module")
def pg():
    for tool in (PLAYGROUND_BIN, CHROMIUM):
        if not Path(tool).exists():
            pytest.skip(f"{tool} is not installed")
    with Playground() as playground:
        yield playground


@pytest.fixture(scope="module")
def conversation(pg) -> list[tuple[str, Reply]]:
    return [(q, pg.ask(q)) for q in QUESTIONS]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


# Installing first: suggested replies disappear once the person types.
def test_a_suggested_question_is_answered(pg):
    answer = pg.click_button(None, pg.opening_suggestions[0])
    assert answer.citations and "something went wrong" not in answer.text.lower()
    assert pg.rejections == []


def test_welcome_card_once_on_install(pg):
    """Opening the page makes the playground install the app and add it to the chat."""
    cards = [r for r in pg.opening if r.is_card]
    assert len(cards) == 1, [r.text for r in pg.opening]
    welcome = cards[0]
    assert "help" in welcome.text.lower() and "area" in welcome.text.lower(), welcome.text
    assert not ENTITY.search(welcome.text)
    suggested = pg.opening_suggestions
    assert len(suggested) == 3 and all(question in welcome.text for question in suggested)
    again = pg.mock("Install application")  # "Mock an Activity" > "Install application"
    assert again == []  # welcomed once per conversation
    assert pg.rejections == []


def test_every_question_is_answered_and_accepted(pg, conversation):
    for question, reply in conversation:
        assert reply.text.strip(), question
        assert "something went wrong" not in reply.text.lower(), (question, reply.text)
    assert pg.rejections == []
    assert not [line for line in pg.bot_errors if "turn failed" in line or "rror" in line]


def test_points_are_paragraphs_of_their_own(conversation):
    """Each point on its own line, as a paragraph (Teams makes [n] a citation only in
    paragraph text), never several bullets run together in one paragraph."""
    for question, reply in conversation:
        assert all(p.count("•") <= 1 for p in reply.paragraphs), (question, reply.html)
        assert all(p.startswith("•") for p in reply.paragraphs if "•" in p), question
    lincolnshire = conversation[1][1]
    assert len([p for p in lincolnshire.paragraphs if p.startswith("•")]) >= 2, lincolnshire.html


def test_no_escaped_entities_show_as_text(conversation):
    for question, reply in conversation:
        assert not ENTITY.search(reply.text), (question, ENTITY.findall(reply.text))


def test_every_citation_marker_renders_as_a_citation(conversation):
    """The client turns [n] into a citation only in paragraph text; anywhere else (list
    items, bold) it stays a literal "[n]"."""
    for question, reply in conversation[:3]:
        assert reply.citations, (question, reply.text)
        assert not LITERAL_MARKER.findall(reply.text), (question, reply.text)


def test_each_citation_card_shows_its_own_passage_matching_its_sentence(conversation):
    for question, reply in conversation[:3]:
        cards: dict[str, str] = {}
        for c in reply.citations:
            assert cards.setdefault(c.number, c.passage) == c.passage, (question, c)
            assert c.passage and c.title, (question, c)
            # the passage (cut at 160 characters with "…") must be the sentence it follows
            passage = _words(c.passage.rstrip("…"))[:-1] or _words(c.passage)
            follows = set(_words(c.follows))
            shared = sum(w in follows for w in passage) / len(passage)
            assert shared >= 0.6, (question, c.number, c.passage, c.follows)
        assert len(set(cards.values())) == len(cards), (question, cards)


def test_second_smartmed_answer_mentions_nothing_from_lincolnshire(conversation):
    reply = conversation[2][1]
    # the generic "tell me your area (for example ... our ICS in Lincolnshire)" hint is fine
    text = re.sub(r"\(for example[^)]*\)", "", reply.text)
    assert "lincolnshire" not in text.lower(), reply.text
    for c in reply.citations:
        assert "lincolnshire" not in (c.title + c.passage).lower(), c


def test_answers_offer_feedback_buttons(conversation):
    for question, reply in conversation[:3]:
        assert reply.feedback_buttons == ["Like", "Dislike"], question


def test_dislike_with_comment_is_stored(pg, conversation):
    comment = "Playground check: the second point misses the date."
    result = pg.feedback(conversation[0][1], like=False, comment=comment)
    assert "Thank you!" in result.dialog_text, result
    assert result.invoke_status == 200, result
    with sqlite3.connect(pg.data_dir / "state.sqlite3") as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        stored = [
            row for t in tables for row in db.execute(f'SELECT * FROM "{t}"') if comment in row
        ]
    assert stored, "the comment was not stored in any table"
    assert pg.rejections == []


def test_no_client_or_bot_errors(pg, conversation):
    assert pg.console_errors == []
    assert pg.playground_errors == []
    assert pg.bot_errors == []
