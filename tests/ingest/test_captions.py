"""A caption printed under the box it captions belongs to that box, not to the text after
it (`ingest.captions`); on small texts made here."""

from ingest.captions import captioned_boxes

PAGE = """## Case studies

Moorland strategies speak of health in many ways.

“The Fellside will open a rural health centre in every market town.

• with nurses for the smallest villages”

“To complement this, the government will fund two community hospitals.”

Download the full report here.

## CASE STUDY Rural health

Fellside (May 2019)

“We will establish a harbour living lab linked to the quays.

“It will pioneer remote care for crews at sea.”

Visit the Harbourside website for more information.

## CASE STUDY Rural health

Harbourside technical draft (December 2018)

“We will train more nurses.”

Ann Moor, Chair, Fellside Health Board

## Getting involved

Trusts should talk to their board about the plan it calls “harbour health.”

## CASE STUDY Housing

Moorside consultation (January 2019)
"""


def boxes(text: str) -> dict[str, str]:
    return {caption: text[start:end] for start, end, caption in captioned_boxes(text)}


def test_each_box_takes_the_caption_printed_under_it():
    found = boxes(PAGE)
    fellside = found["CASE STUDY Rural health: Fellside (May 2019)"]
    harbourside = found["CASE STUDY Rural health: Harbourside technical draft (December 2018)"]
    assert "harbour living lab" in harbourside and "remote care" in harbourside
    assert "market town" in fellside and "harbour" not in fellside


def test_boxes_set_one_after_another_share_the_caption_under_them():
    fellside = boxes(PAGE)["CASE STUDY Rural health: Fellside (May 2019)"]
    assert fellside.startswith("“The Fellside will open")
    assert "two community hospitals" in fellside


def test_text_before_a_box_and_quotes_without_a_caption_under_them_take_none():
    found = boxes(PAGE)
    assert len(found) == 2  # "Trusts should talk ... “harbour health.”" is prose
    assert not any("speak of health" in box or "train more nurses" in box for box in found.values())
