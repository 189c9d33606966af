"""Only sentences that ask someone to act by a date are deadlines, with the date they give.

Sentences made up here in the documents' style; the labelled sets that measure precision
and recall live in `benchmarks/labelled/` (`python -m benchmarks.deadlines`).
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.services.deadline_store import DeadlineStore
from bot.services.deadline_text import find_due
from bot.services.deadlines import extract_deadlines, sync_deadlines
from bot.services.digest import build_digest, digest_text
from tests.services.test_deadlines import GAZETTEER

DOC = date(2019, 2, 1)


@pytest.mark.parametrize(
    "sentence",
    [
        "The consultation closed on 5 March 2018 and received 300 responses.",
        "Responses were due by 1 June 2018 and have now been analysed.",
        "Bids had to be received by 12 noon on 4 April 2018.",
        "The Minister said that councils would need to respond by March 2019.",
        "The white paper was published on 27 November 2017.",
        "Increase the number of apprenticeships by 5,000 by March 2024.",
    ],
)
def test_past_events_and_goals_are_not_deadlines(sentence):
    assert find_due(sentence, DOC) is None


@pytest.mark.parametrize(
    ("sentence", "kind", "day"),
    [
        ("The consultation closes on 28 February 2019.", "Consultation", date(2019, 2, 28)),
        ("Please send expressions of interest by Friday 1 March.", "Submission", date(2019, 3, 1)),
        (
            "Partners should agree the plan with the LEP by 15/04/2019.",
            "Agreement",
            date(2019, 4, 15),
        ),
        (
            "The call for evidence, launched on 4 January 2019, is open until 29 March 2019.",
            "Call for evidence",
            date(2019, 3, 29),
        ),
    ],
)
def test_an_ask_by_a_date_is_a_deadline_on_the_date_it_asks_for(sentence, kind, day):
    due = find_due(sentence, DOC)
    assert (due.kind, due.day, due.precision) == (kind, day, "day")


def test_a_relative_date_resolves_against_the_documents_date():
    (found,) = extract_deadlines(
        "Comments are invited within six weeks of the date of this document.",
        doc_id="d",
        doc_title="Draft plan",
        published="2019-02-01",
    )
    assert found.due == date(2019, 3, 15)
    assert (
        extract_deadlines(
            "Comments are invited within six weeks of the date of this document.",
            doc_id="d",
            doc_title="Draft plan",
            published=None,
        )
        == []
    )


def test_a_month_only_date_is_shown_as_a_month(tmp_path):
    (found,) = extract_deadlines(
        "Strategies are to be agreed with government by the end of March 2020.",
        doc_id="d",
        doc_title="Plan",
        published="2019-06",
    )
    assert (found.due, found.precision) == (date(2020, 3, 31), "month")
    store = DeadlineStore.in_data_dir(tmp_path)
    store.add(found)
    text = digest_text(build_digest(store, date(2020, 3, 1), days=60))
    assert "end of March (in 30 days)" in text and "Tue 31 Mar" not in text


def test_the_starter_knowledge_base_yields_asks_only(starter_store, tmp_path):
    store = DeadlineStore.in_data_dir(tmp_path)
    sync_deadlines(starter_store, store, GAZETTEER, tmp_path / "none.yaml")
    found = store.between(date(2015, 1, 1), date(2030, 12, 31))
    assert {d.kind for d in found} == {"Agreement", "Consultation"}
    consultation = next(d for d in found if d.kind == "Consultation")
    assert consultation.area == "Buckinghamshire Thames Valley"
    assert consultation.precision == "month"
    for past in ("published its long awaited", "was launched", "We published", "was held"):
        assert not any(past in (d.quote or "") for d in found)
