"""Questions that pin their answer down: a place by its nickname, an amount of money, a
count, a date, an office holder, a list too long for one chunk, a question wrapped in how
to present it. Each on
a small knowledge base made here (not on any evaluation question)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.engine.answer import Citation
from bot.engine.core import _all_older
from bot.engine.gathering import _names_besides_asker
from bot.engine.questions import event_year
from tests.conftest import engine_over


def _stage(name: str, what: str) -> str:
    return (
        f"• {name}: {what}. "
        + "Partners from the health service should take part, bringing evidence on the "
        "workforce, estates and population health, and asking early what the strategy "
        "will need from them over its lifetime, who leads each part of it, and how its "
        "progress will be reported to the boards of every partner."
    )


DOCUMENTS = {
    "bucks.md": """# Health in local strategies

## CASE STUDY Buckinghamshire Thames Valley

The Buckinghamshire Thames Valley strategy makes Aylesbury a test bed for medical
technology, with a dedicated adoption pathway for new devices.
""",
    "funds.md": """# Moorland funding

## Funds

The Coastal Renewal Fund will provide £45 million for harbour towns.

The Moorland Health Programme will help rural practices recruit staff and keep clinics
open, and funding for the programme will support practices across the moors.

## The moorland network

The moorland network links rural practices, clinics and councils so they plan services
together. There are 14 practices in the moorland network. As an employer of 900 people,
the moorland network is one of the largest on the moors.

Clinics in the moorland network have a seat on the Moorland Board alongside councils, and
over the last three years the board has met in every market town. Priorities for the
Moorland Board include housing, transport, schools and roads.
""",
    "stages.md": "# Influencing a strategy\n\n## Knowing how to influence\n\n"
    "There are three stages at which to influence a strategy:\n\n"
    + "\n\n".join(
        [
            _stage("Gathering evidence", "the strategy asks partners for data"),
            _stage("Consulting", "the draft goes out for comment"),
            _stage("Delivering", "the strategy turns into programmes"),
        ]
    ),
}
DOCUMENTS["boards.md"] = """# Health boards

## Dorset

The Dorset Health Partnership Board brings together trusts, councils and the LEP to plan
services. The board agrees the county's priorities each spring.

The Dorset clinical network links rural practices across the county, and its plan will be
launched by the board.

## Cornwall

Jane Trelawny, Chair, Cornwall Health Partnership Board, opened its first meeting in Truro.

The Cornwall clinical network was launched in March 2019 to link rural practices.
"""
DOCUMENTS["voices.md"] = """# Voices from the moors

“Our universities are working with practices across the moors to train the staff they need.”

Dr Tomas Penrose, Executive Director, Moorland Universities
"""
DOCUMENTS["south-west.md"] = """# Health in local strategies: the South West

## CASE STUDY Heart of the South West

Heart of the South West partners are proud of what Heart of the South West has achieved,
and the Heart of the South West partnership meets often.

The strategy plans a rural teaching hospital where nurses train in coastal towns.
"""
DOCUMENTS["address.md"] = """# Getting in touch

## Moorland Health Trust

## Tel 01632 960 123 Email hello@moorland-health.example
"""
DOCUMENTS["sources.yaml"] = "- file: funds.md\n  title: Moorland funding\n  published: 2019-06\n"
# Much about local strategies and health in general, so a question about one place's
# strategy finds general passages first unless the place counts.
for part in range(3):
    DOCUMENTS[f"general-{part}.md"] = f"# Local strategies {part}\n\n" + "\n\n".join(
        f"## Strategy and health {n}\n\n"
        + "Every local industrial strategy matters for health and the NHS locally. " * 10
        for n in range(3)
    )


@pytest.fixture(scope="module")
def engine(tmp_path_factory, embedder):
    return engine_over(DOCUMENTS, tmp_path_factory, embedder)


def test_a_place_typed_by_its_nickname_finds_what_its_strategy_says(engine):
    answer = engine.ask("whats in the bucks local industrial strategy for health")
    assert answer.mode == "extractive"
    assert "Aylesbury a test bed for medical" in answer.answer.splitlines()[0]


def test_advice_for_a_place_leads_with_what_its_strategy_says(engine):
    answer = engine.ask(
        "our ICS is in bucks - what should we do about our local industrial strategy for health?"
    )
    assert answer.answer.split("[1]")[0].startswith("The Buckinghamshire Thames Valley strategy")


@pytest.mark.parametrize(
    "question",
    [
        "how much funding will practices get from the moorland health programme",
        # what a body got, or its allocation, is money without saying "funding"
        "how much did the practices get from the moorland health programme?",
        "any idea what the practices' allocation from the moorland health programme is?",
    ],
)
def test_how_much_money_with_no_amount_for_that_thing_is_not_covered(engine, question):
    assert engine.ask(question).mode == "no_answer"


def test_a_deadline_for_a_name_typed_in_small_letters_needs_that_names_date(
    tmp_path_factory, embedder
):
    documents = {
        "funds.md": DOCUMENTS["funds.md"],
        "harbours.md": "# Harbour towns\n\n## Defences\n\nHarbour towns renewing their "
        "coastal defences will get funding from the councils, agreed by March 2020 for every "
        "coastal town that bids.\n",
    }
    engine = engine_over(documents, tmp_path_factory, embedder)
    # a date next to "coastal ... renewing ... funding" is not the fund's deadline
    assert engine.ask("deadline for coastal renewal fund bids?? asap pls").mode == "no_answer"
    assert engine.ask("deadline for harbour towns' defences funding?").mode == "extractive"


def test_how_much_for_a_name_typed_in_small_letters_needs_that_names_amount(
    tmp_path_factory, embedder
):
    documents = {
        "hubs.md": "# Harbour hubs\n\n## Hubs\n\nThe government has set up Harbour Hubs in "
        "every coastal town to link businesses with support.\n",
        "fund.md": "# Coastal investment\n\n## Investment\n\nThe Coastal Investment Fund "
        "will rise from £23 million to £31 million a year, supporting every hub of growth in "
        "each harbour town.\n",
    }
    engine = engine_over(documents, tmp_path_factory, embedder)
    # the fund's amount shares "hub", "harbour" and "a year", but is not the hubs'
    assert engine.ask("how much funding does each harbour hub get per yr").mode == "no_answer"
    answer = engine.ask("how much will the coastal investment fund rise to?")
    assert answer.mode == "extractive" and "£31 million" in answer.answer


def test_a_budget_asked_as_what_someone_allocated_with_no_amount_is_not_covered(engine):
    answer = engine.ask("What budget has the Moorland Health Programme allocated to practices?")
    assert answer.mode == "no_answer"


def test_an_amount_asked_before_a_second_question_is_answered(engine):
    answer = engine.ask(
        "coastal renewal fund - how much is it and whats it for? thinking about a bid w our college"
    )
    assert answer.mode == "extractive" and "£45 million" in answer.answer


def test_how_much_money_with_an_amount_for_that_thing_is_answered(engine):
    answer = engine.ask("how much is the coastal renewal fund worth?")
    assert answer.mode == "extractive" and "£45 million" in answer.answer


def test_how_many_with_no_number_next_to_the_thing_counted_is_not_covered(engine):
    answer = engine.ask("how many clinics have a seat on the moorland board")
    assert answer.mode == "no_answer"


def test_how_many_is_not_answered_by_a_list_after_a_word_that_only_names_the_counted(engine):
    """ "how many Moorland Board seats ...?" counts seats: "Priorities for the Moorland
    Board include housing, transport, ..." lists the board's priorities, not its seats."""
    answer = engine.ask("how many Moorland Board seats do clinics have?")
    assert answer.mode == "no_answer"


def test_how_many_with_a_number_next_to_the_thing_counted_is_answered(engine):
    answer = engine.ask("how many practices are in the moorland network?")
    assert answer.mode == "extractive" and "14 practices" in answer.answer


def test_how_many_counts_what_the_verb_says_whatever_adverb_follows(engine):
    """ "how many staff does it employ nationally" counts whoever is employed: "an
    employer of 900 people"."""
    answer = engine.ask("how many staff does the moorland network employ nationally?")
    assert answer.mode == "extractive" and "900 people" in answer.answer


def test_a_list_that_runs_on_into_the_next_chunk_keeps_every_item(engine):
    answer = engine.ask("what are the three stages at which to influence a strategy?")
    lead = answer.answer.splitlines()[0]
    for stage in ("Gathering evidence", "Consulting", "Delivering"):
        assert stage in lead


def test_how_to_present_the_answer_is_not_taken_for_its_topic(engine):
    answer = engine.ask("what is the moorland network, for a board paper")
    first = answer.answer.split("[1]")[0]
    assert "moorland network" in first and "Board" not in first


def test_a_question_about_now_is_told_how_old_the_answer_is(engine):
    now = engine.ask("how many practices are in the moorland network now?")
    assert "14 practices" in now.answer
    assert "when they were written (June 2019)" in now.note and "nothing newer" in now.note
    assert engine.ask("how many practices are in the moorland network?").note is None


def test_a_number_typed_as_digits_matches_the_number_written_as_a_word(engine):
    from bot.engine.text import terms

    assert terms("the 3 stages") == terms("the three stages")
    answer = engine.ask("quick one - the 3 stages?")
    assert "There are three stages at which to influence a strategy" in answer.answer


def test_who_holds_an_office_the_documents_name_is_answered_with_the_name(engine):
    answer = engine.ask("who chairs the cornwall health partnership board?")
    assert answer.mode == "extractive" and "Jane Trelawny" in answer.answer


def test_who_holds_an_office_no_sentence_names_is_not_covered(engine):
    # The Dorset board is described, and another place's board has a named chair.
    answer = engine.ask("who's the dorset health partnership board's chair? need a name")
    assert answer.mode == "no_answer"
    # an executive on it is an office someone holds by name too
    answer = engine.ask("who is the lead NHS exec on the dorset health partnership board?")
    assert answer.mode == "no_answer"


def test_when_with_a_date_for_that_event_and_place_is_answered(engine):
    answer = engine.ask("when was the cornwall clinical network launched")
    assert answer.mode == "extractive" and "March 2019" in answer.answer


def test_when_with_a_date_only_for_another_place_is_not_covered(engine):
    answer = engine.ask("when was the dorset clinical network launched?")
    assert answer.mode == "no_answer"


def test_a_date_asked_of_the_sentence_before_is_asked_of_what_it_says(engine):
    answer = engine.ask("did the cornwall clinical network ever launch? what date was that")
    assert answer.mode == "extractive" and "March 2019" in answer.answer
    answer = engine.ask("did the dorset clinical network ever launch? what date was that")
    assert answer.mode == "no_answer"


def test_where_things_stand_today_is_not_answered_from_old_sources(engine):
    answer = engine.ask("is the moorland health programme still recruiting staff?")
    assert answer.mode == "no_answer"  # counted as a gap, not as an answer
    assert "cannot say where this stands now" in answer.answer
    assert "June 2019" in answer.answer  # ... but says what the source said, and when
    assert "rural practices recruit staff" in answer.answer
    # not covered carries no citations (the JSON contract): the source is named in words
    assert answer.citations == [] and "[1]" not in answer.answer
    assert "(Moorland funding, June 2019)" in answer.answer


def test_a_question_that_also_asks_what_the_sources_answer_is_answered_with_their_age(
    tmp_path_factory, embedder
):
    documents = {
        "moor.md": "# Moorland programme\n\n## Staff\n\nThe Moorland Health Programme will "
        "help rural practices recruit staff and keep clinics open.\n",
        "sources.yaml": "- file: moor.md\n  title: Moorland programme\n  published: 2019-06\n",
    }
    engine = engine_over(documents, tmp_path_factory, embedder)
    for question in (
        "what will the moorland health programme help practices do? and is it still running",
        # a second question after a comma, opening with its verb
        "what will the moorland health programme help practices do, is it still running?",
    ):
        answer = engine.ask(question)
        assert answer.mode == "extractive" and "rural practices recruit staff" in answer.answer
        assert "June 2019" in answer.note  # ... saying how old the sources are
    # what to do about it stands, whether or not it still runs
    answer = engine.ask("is the moorland programme still a thing? should our practice join ours?")
    assert answer.mode == "extractive" and "June 2019" in answer.note
    # what practices have to do, and whose clinics ("their") it names itself, stands too
    answer = engine.ask(
        "what do practices have to do to keep their clinics open? is it still running now"
    )
    assert answer.mode == "extractive" and "June 2019" in answer.note
    # asked only where it stands, or also how it turned out: not answered from old sources
    for question in (
        "is the moorland health programme still running?",
        "is the moorland health programme still running? did it work in the end",
        "has the moorland health programme closed yet and whats its budget?",
    ):
        assert engine.ask(question).mode == "no_answer"


def test_whether_something_has_happened_yet_is_answered_by_a_source_that_says_it_did(
    tmp_path_factory, embedder
):
    """What was done by the time old sources were written is done now: "has GM published
    its LIS yet?" is answered (with the sources' age); a strategy the sources only expect
    is still not covered for today."""
    documents = {
        "strategies.md": "# Strategies\n\n## Published so far\n\nGreater Manchester "
        "published its local industrial strategy in June 2019, after a year of work with "
        "partners.\n\nDorset expects its strategy to be published by the autumn of 2019, "
        "after work with partners.\n",
        "sources.yaml": "- file: strategies.md\n  title: Strategies\n  published: 2019-07\n",
    }
    engine = engine_over(documents, tmp_path_factory, embedder)
    answer = engine.ask("has GM actually published its LIS yet?? im at a trust in salford")
    assert answer.mode == "extractive", answer.answer
    assert "June 2019" in answer.answer and "July 2019" in answer.note
    assert engine.ask("has dorset published its LIS yet?").mode == "no_answer"
    # ... asked whether it is published, and the place typed possessive without apostrophe
    answer = engine.ask("quick one - is GMs LIS actually published yet or still a draft?")
    assert answer.mode == "extractive" and "June 2019" in answer.answer
    assert engine.ask("is dorset's LIS published yet?").mode == "no_answer"
    # ... asked whether any place has: a source that names a place doing it, with a date
    answer = engine.ask("have any areas published their LIS yet?")
    assert answer.mode == "extractive" and "June 2019" in answer.answer


def test_whether_a_thing_was_agreed_is_answered_by_a_source_that_says_it_has_been(
    tmp_path_factory, embedder
):
    """ "Sector deals have been agreed in marine engineering, ..." says the Marine
    Engineering Sector Deal was agreed, though it turns the name about and gives no date:
    asked whether it was agreed, or whether it is still forthcoming, the answer quotes it.
    A deal the sources only expect is still not covered for today."""
    documents = {
        "deals.md": "# Sector deals\n\n## Agreed so far\n\nSector deals have been agreed in "
        "marine engineering, textiles and tourism, each a partnership of government and "
        "industry.\n\nThe Marine Engineering Sector Deal will fund new shipyard training "
        "places across the coast.\n\nA ceramics sector deal is expected to follow, once "
        "government and industry agree its terms.\n",
        "sources.yaml": "- file: deals.md\n  title: Sector deals\n  published: 2018-05\n",
    }
    engine = engine_over(documents, tmp_path_factory, embedder)
    answer = engine.ask("did govt actually agree a marine engineering sector deal??")
    assert answer.mode == "extractive", answer.answer
    assert "have been agreed in marine engineering" in answer.answer
    answer = engine.ask(
        "has the marine engineering sector deal actually been agreed or is it still forthcoming?"
    )
    assert answer.mode == "extractive", answer.answer
    assert "have been agreed in marine engineering" in answer.answer
    assert "May 2018" in answer.note
    question = "has the ceramics sector deal actually been agreed or is it still forthcoming?"
    assert engine.ask(question).mode == "no_answer"
    # whether there is one yet: any event that brought it about answers
    answer = engine.ask("is there a marine engineering sector deal yet? whats in it")
    assert answer.mode == "extractive", answer.answer
    assert "have been agreed in marine engineering" in answer.answer
    assert engine.ask("is there a ceramics sector deal yet?").mode == "no_answer"


def test_the_sectors_everyday_initials_are_read_as_the_words_they_stand_for(
    tmp_path_factory, embedder
):
    # "LAs": the documents write "local authorities" in small letters, so no initials are
    # derived from them; the glossary holds the sector's everyday initialisms
    documents = {
        "loans.md": "# Harbour loans\n\n## Borrowing\n\nUp to £40 million will be available "
        "to local authorities through the Harbour Loan Board.\n",
    }
    engine = engine_over(documents, tmp_path_factory, embedder)
    answer = engine.ask("how much can LAs borrow thru the harbour loan board?")
    assert answer.mode == "extractive" and "£40 million" in answer.answer


def test_sources_are_old_when_every_one_is_dated_and_old_whatever_dates_they_share():
    def cited(doc_id: str, published: str | None) -> Citation:
        return Citation(1, doc_id, doc_id, None, published, None, None, None, "q")

    same_year = [cited("a", "2019"), cited("b", "2019"), cited("c", "2019-06")]
    assert _all_older(same_year, date(2026, 1, 1))
    assert not _all_older([*same_year, cited("d", None)], date(2026, 1, 1))  # one undated
    assert not _all_older(same_year, date(2019, 9, 1))  # not a year old yet


def test_what_happened_after_the_sources_were_written_is_not_answered_from_them(
    tmp_path_factory, embedder
):
    documents = {
        "timing.md": "# Moorland timing\n\n## Timing\n\nThe Moorland Health Programme will "
        "help rural practices recruit staff, and will run until 2023.\n",
        "sources.yaml": "- file: timing.md\n  title: Moorland timing\n  published: 2019-06\n",
    }
    engine = engine_over(documents, tmp_path_factory, embedder)
    answer = engine.ask("what happened to the moorland health programme after it was cut in 2023?")
    assert answer.mode == "no_answer"
    assert "cannot say what happened in 2023" in answer.answer
    assert "June 2019" in answer.answer and "will run until 2023" in answer.answer
    assert answer.citations == [] and "(Moorland timing, June 2019)" in answer.answer
    # a year a plan aims for is no event
    assert event_year("how many staff will the programme recruit by 2023?") is None


def test_a_question_not_covered_is_told_the_years_the_knowledge_base_holds(
    tmp_path_factory, embedder
):
    documents = {
        "plan.md": "# Fen plan\n\n## Aims\n\nThe Fen plan will build two new clinics.\n",
        "sources.yaml": "- file: plan.md\n  title: Fen plan\n  published: 2024-03\n",
    }
    engine = engine_over(documents, tmp_path_factory, embedder)
    answer = engine.ask("What does the Harbour Compact say about ferries?")
    assert answer.mode == "no_answer" and "local industrial strategies (2024)" in answer.answer


def test_who_someone_is_is_answered_by_their_signature_line(engine):
    answer = engine.ask("who's dr tomas penrose?")
    assert answer.mode == "extractive"
    assert "Executive Director, Moorland Universities" in answer.answer


def test_in_a_passage_about_the_place_the_sentence_that_answers_leads(engine):
    # Every sentence of the case study is about the place: repeating its name is no merit.
    answer = engine.ask("what does the heart of the south west strategy plan for nurses?")
    assert answer.answer.startswith("The strategy plans a rural teaching hospital")


def test_a_place_whose_passages_other_words_outrank_is_still_found(engine):
    # "health and the NHS locally" finds the general passages first.
    answer = engine.ask(
        "trust in high wycombe - what does our strategy say for health and the NHS locally?"
    )
    assert answer.mode == "extractive" and "Aylesbury a test bed" in answer.answer


def test_a_phone_number_the_documents_give_is_answered(engine):
    answer = engine.ask("whats the moorland health trust phone number?")
    assert answer.mode == "extractive" and "01632 960 123" in answer.answer


def test_a_phone_number_only_another_body_has_is_not_covered(engine):
    answer = engine.ask("whats the phone number for the coastal renewal fund?")
    assert answer.mode == "no_answer"


def test_an_email_address_is_given_only_for_the_body_it_belongs_to(engine):
    """The trust's address is not the Dorset board chair's, though it is an address."""
    answer = engine.ask("what is the email address for the moorland health trust?")
    assert answer.mode == "extractive" and "hello@moorland-health.example" in answer.answer
    question = "What is the email address for the chair of the Dorset Health Partnership Board?"
    assert engine.ask(question).mode == "no_answer"


def test_the_budget_of_something_only_its_namesake_has_an_amount_for_is_not_covered(engine):
    answered = engine.ask("What is the budget of the Coastal Renewal Fund?")
    assert answered.mode == "extractive" and "£45 million" in answered.answer
    # The fund has an amount; the body named after it does not.
    assert engine.ask("What is the annual budget of the Coastal Renewal Fund Board?").mode == (
        "no_answer"
    )


def test_whose_budget_is_asked_must_be_named_with_the_amount(engine):
    """The Coastal Renewal Fund's £45 million for harbour towns is not the Moorland
    network's budget for them, though the sentence has every other word asked."""
    answered = engine.ask("whats the Coastal Renewal Fund budget for harbour towns?")
    assert answered.mode == "extractive" and "£45 million" in answered.answer
    question = "whats the Moorland network's annual budget for harbour towns?"
    assert engine.ask(question).mode == "no_answer"


def test_a_document_the_knowledge_base_does_not_hold_is_not_covered(engine):
    """ "does the NHS long term plan say ...": the documents share its words, not its name."""
    answer = engine.ask("does the moorland clinics plan say anything abt recruitment?")
    assert answer.mode == "no_answer"
    assert "“moorland clinics plan”" in answer.answer
    # ... or asked what it did, and owned by the government
    answer = engine.ask("what changes did the government's 2020 moorland clinics plan make?")
    assert answer.mode == "no_answer"
    assert "“2020 moorland clinics plan”" in answer.answer
    # a document named by its place and kind is the place's own, which passages quote
    answer = engine.ask("does the buckinghamshire strategy say anything about devices?")
    assert answer.mode == "extractive" and "Aylesbury" in answer.answer
    # ... however far along it is
    answer = engine.ask("what does buckinghamshire's evolving strategy say about devices?")
    assert answer.mode == "extractive" and "Aylesbury" in answer.answer


def test_the_question_a_dash_sets_apart_from_its_preamble_is_answered(engine):
    answer = engine.ask(
        "our exec team wants a quick brief for thursday after a long chat at the quarterly "
        "away day with estates, finance and workforce leads - how many practices are in the "
        "moorland network?"
    )
    assert answer.mode == "extractive" and "14 practices" in answer.answer


def test_a_place_named_only_as_where_the_asker_is_does_not_make_it_unknown(engine):
    answer = engine.ask("how many practices are in the moorland network? (we're in warrington)")
    assert answer.mode == "extractive" and "14 practices" in answer.answer
    assert "warrington" in (answer.note or "")  # nothing specific to their place, said so
    # ... or in a sentence after the question that only sets the scene
    answer = engine.ask(
        "bucks LIS - anything on med tech testing? just over the border in stoke obvs"
    )
    assert answer.mode == "extractive" and "Aylesbury" in answer.answer
    # ... or tagged in a closing bracket, as Slack users sign off where they write from
    answer = engine.ask("how many practices are in the moorland network (warrington)")
    assert answer.mode == "extractive" and "14 practices" in answer.answer
    # ... or said opening the message, after a greeting or "here"
    for question in (
        "NLaG here in warrington - how many practices are in the moorland network?",
        "hi all, community trust in warrington - how many practices are in the moorland network?",
        "im on the board at warrington hosps - how many practices are in the moorland network?",
        "writing from sunny warrington - how many practices are in the moorland network?",
        "WHH (warrington) - how many practices are in the moorland network?",
        "(warrington) how many practices are in the moorland network?",
        "our patch is warrington - how many practices are in the moorland network?",
    ):
        answer = engine.ask(question)
        assert answer.mode == "extractive" and "14 practices" in answer.answer, question
    # ... or in brackets after "our ICS", or as where someone whose claim it checks works
    answer = engine.ask("our ICS (Warrington) wants in - how many practices are in the network?")
    assert answer.mode == "extractive" and "14 practices" in answer.answer
    answer = engine.ask(
        "someone at warrington CCG said the moorland network has 14 practices - true?"
    )
    assert answer.mode == "extractive" and "14 practices" in answer.answer
    # a bracket that names the place's strategy still asks about it
    answer = engine.ask("how many practices are in the moorland network (warrington LIS)")
    assert answer.mode == "no_answer"
    # ... but a place given as an example of the kind asked about does not
    answer = engine.ask(
        "what do the moorland network's clinics get a seat on, and would it be the same where "
        "there is no network, eg warrington?"
    )
    assert answer.mode == "extractive" and "Moorland Board" in answer.answer


def test_a_strategy_of_a_place_no_document_covers_is_not_covered_however_its_name_is_typed(
    engine,
):
    for question in (
        "trust in chester - does the cheshire and warrington LIS say anything on the network?",
        "trust in chester - does the cheshire & warrington LIS say anything on the network?",
    ):
        assert engine.ask(question).mode == "no_answer", question


def test_an_amount_for_one_place_is_not_the_whole_funds(engine):
    assert engine.ask("how much of the coastal renewal fund did cornwall get?").mode == "no_answer"
    answer = engine.ask("coastal renewal fund - how much is it? cornwall")
    assert answer.mode == "extractive" and "£45 million" in answer.answer


def test_a_place_no_passage_covers_is_named_once_in_the_refusal(engine):
    answer = engine.ask("warrington trust here - what's the moorland network doing in warrington?")
    assert answer.mode == "no_answer"
    assert answer.answer.count("“warrington”") == 1


ADVICE_AND_A_PLACE = {
    "advice.md": "# Working with LEPs\n\n## What to do\n\nNHS leaders should seek to establish "
    "relations with their local enterprise partnership, with a view to being involved as "
    "local industrial strategies are developed and agreed. Making a success of these "
    "strategies will require NHS leaders to address the serious regional economic "
    "imbalances that exist across the country, bringing both implications and "
    "opportunities for trusts, clinical commissioning groups and the ambulance service. "
    "The opportunity for the NHS to influence what each local enterprise partnership "
    "says in its strategy is therefore timely. Every local enterprise partnership will "
    "mention the NHS as a large employer, and trusts should make sure their local "
    "enterprise partnership hears what the NHS needs from its strategy. Trusts that "
    "engage early with their local enterprise partnership find that the NHS is mentioned "
    "more often, and more usefully, in the strategy that is agreed. A local enterprise "
    "partnership that hears from trusts will mention the NHS in its plans for skills. "
    "Trusts should ask their local enterprise partnership how the NHS will be mentioned "
    "in its strategy. NHS leaders should push their local enterprise partnership to "
    "mention the NHS as an anchor employer.\n",
    "places.md": "# Case studies\n\n## Heart of the South West command paper\n\n“Growth "
    "will come from the region's strengths in defence, energy and marine science.”\n",
}


def test_advice_for_a_place_says_what_its_strategy_says(tmp_path_factory, embedder):
    engine = engine_over(ADVICE_AND_A_PLACE, tmp_path_factory, embedder)
    answer = engine.ask("trust in exeter - does our LEP even mention the NHS? what shd we push for")
    # what the place's strategy says leads, then what to do about it
    assert "strengths in defence, energy" in answer.answer.splitlines()[0], answer.answer
    assert "NHS leaders should" in answer.answer, answer.answer


def test_a_caption_naming_the_place_does_not_lead_advice_for_it(tmp_path_factory, embedder):
    captioned = {
        **ADVICE_AND_A_PLACE,
        "places.md": "# Case studies\n\n## Innovation in strategies\n\n"
        "Heart of the South West technical negotiating draft (December 2018)\n\n"
        "https://example.org/heart-of-the-south-west\n",
    }
    engine = engine_over(captioned, tmp_path_factory, embedder)
    answer = engine.ask("trust in exeter - does our LEP even mention the NHS? what shd we push for")
    # the caption names the place and says nothing of it: what to do leads
    assert "negotiating draft" not in answer.answer, answer.answer
    assert "NHS leaders should" in answer.answer.splitlines()[0], answer.answer


PARTNER_COMMENT = {
    "dorset.md": "# Health in local strategies\n\n## CASE STUDY Dorset evolving priorities\n\n"
    "“Health and care in Dorset will gain a local centre for coastal care in Weymouth so that "
    "residents live well for longer and stay in good health and care.”\n\n"
    "“Health and care are big industries and we should act like one.”\n\n"
    "Sam Example, Chair, Dorset Health Partnership Board\n",
    "general.md": "# Strategies\n\n## Strategy and health\n\n"
    + "Every local industrial strategy matters for the health service. " * 8,
}


def test_a_places_strategy_is_quoted_before_a_partners_comment_on_it(tmp_path_factory, embedder):
    engine = engine_over(PARTNER_COMMENT, tmp_path_factory, embedder)
    for question in (
        "what does the dorset LIS say about health and care?",
        # asked whether it is in there, or what was promised, in other words
        "is health and care actually in the dorset LIS or not?",
        "what has dorset promised on health and care in its LIS?",
    ):
        answer = engine.ask(question)
        assert answer.mode == "extractive"
        lines = answer.answer
        assert lines.index("coastal care") < lines.index("big industries"), (question, lines)


PARTNER_ON_THE_STRATEGY = {
    "dorset.md": "# Health in local strategies\n\n## CASE STUDY Dorset evolving priorities\n\n"
    "“Supporting people to live well for longer on the coast:\n\n"
    "“We aim to develop new ways to support the health and care of people who live in "
    "coastal towns.\n\n"
    "“Dorset has made huge developments in the field of health and care, including the "
    "Centre for Coastal Care.”\n\n"
    "## CASE STUDY Health in local strategies\n\n"
    "“It is important that NHS leaders seek to influence their partners. Health and care are "
    "significant industries and we should act like one. The local industrial strategy for "
    "Dorset is an important means of aligning health and care with the wider policy "
    "landscape.”\n\n"
    "Sam Example, Chair, Dorset Health Partnership Board\n",
    "general.md": "# Strategies\n\n## Strategy and health\n\n"
    + "Every local industrial strategy matters for the health service. " * 8,
}


def test_what_a_strategy_says_puts_its_words_before_a_partners_words_about_it(
    tmp_path_factory, embedder
):
    """Asked what the Dorset strategy says, its own words ("We aim to develop ...") come
    before a partner's remark about the strategy, even one that names it; asked what the
    partner's board said, the partner's words are what is asked."""
    engine = engine_over(PARTNER_ON_THE_STRATEGY, tmp_path_factory, embedder)
    answer = engine.ask("what does the dorset LIS say about health and care?").answer
    assert answer.index("We aim to develop") < answer.index("important means of aligning"), answer
    # asked what is in its priorities: its words before the partner's remarks
    answer = engine.ask("poole STP - what health stuff is in dorset's emerging lis priorities?")
    assert answer.answer.index("We aim to develop") < answer.answer.index("significant industries")
    answer = engine.ask("what has the dorset partnership board said about health and care?").answer
    assert answer.index("significant industries") < answer.index("We aim to develop"), answer


def test_an_aside_about_the_askers_place_searches_only_with_its_names():
    # "our STP in lincs is way behind lol" searches as Lincolnshire, not as being behind
    assert _names_besides_asker("our STP in lincs is way behind lol") == []
    assert _names_besides_asker("we're newcastle hosps and NICA is next door") == ["NICA"]


def test_initials_asked_to_be_defined_are_defined_in_the_words_they_stand_for(engine):
    # "These will map local skills needs ..." after "... establish Skills Advisory Panels."
    # says what a SAP is; it points back at the words, not at the initials
    assert engine.composer._defined("whats a SAP?? shd our trust be on one") == [
        "skill",
        "advisori",
        "panel",
    ]
    assert engine.composer._defined("whats a harbour hub?") == ["harbour", "hub"]


def test_how_to_do_something_is_answered_by_the_stages_of_doing_it(tmp_path_factory, embedder):
    documents = {
        "stages.md": DOCUMENTS["stages.md"],
        "advice.md": "# Advice\n\n## Estates and engagement\n\nICS estates plans should be "
        "aligned with the housing priorities in their local strategy, and thought should be "
        "given to how to influence new developments. ICSs and trusts should seek to engage "
        "their councils on the design and delivery of their local strategy. The "
        "Confederation is supporting members to engage with and influence their local "
        "strategies, and our ICS members should influence them early.\n",
    }
    engine = engine_over(documents, tmp_path_factory, embedder)
    answer = engine.ask("our ICS - how do we actually influence our local strategy? bullets pls")
    assert answer.mode == "extractive"
    assert all(
        stage in answer.answer for stage in ("Gathering evidence", "Consulting", "Delivering")
    )


def test_whats_in_something_is_answered_by_the_list_of_what_it_holds(tmp_path_factory, embedder):
    documents = {
        "deal.md": "# Harbour\n\n## Harbour Deal\n\nKey elements of the Harbour Deal include:\n\n"
        "• Building a new dock\n\n• Training harbour pilots\n\n• Funding ferry links\n\n"
        "## Opportunities\n\nThe Harbour Deal and the coastal challenge give trusts "
        "opportunities to take forward their priorities. Leveraging harbour data to improve "
        "health outcomes for trusts, as outlined in the Harbour Deal. The Harbour Deal was the "
        "first deal announced, and every trust should care about the Harbour Deal.\n",
    }
    engine = engine_over(documents, tmp_path_factory, embedder)
    answer = engine.ask("whats in the harbour deal? shd our trust care about it")
    assert answer.mode == "extractive" and "Training harbour pilots" in answer.answer


# The stages at which to influence any strategy, and a place's own timeline lines.
HOW_TO_INFLUENCE = {
    "stages.md": DOCUMENTS["stages.md"],
    "ne.md": """# The North East strategy

## Timeline

Secretary of State announces government will work with North East to develop the strategy

Delivery mechanism to increase productivity and living standards in the North East

Representatives from: Government; North East councils; Newcastle University.
""",
}


def test_what_to_be_doing_to_influence_a_strategy_is_answered_by_the_stages_to_influence(
    tmp_path_factory, embedder
):
    """ "what shd we be doing to influence it?" asks how to influence it, as "how do we
    influence it?" does: the stages at which to influence come before a place's lines."""
    engine = engine_over(HOW_TO_INFLUENCE, tmp_path_factory, embedder)
    answer = engine.ask(
        "our ICS covers newcastle - what shd we be doing to influence the NE strategy?"
    ).answer
    assert answer.index("three stages at which to influence") < answer.index("Delivery mechanism")


def test_who_leads_a_places_strategy_is_answered_from_the_directory_and_the_general_rule(
    engine,
):
    # no document covers Warrington, but the directory names the body that covers it,
    # and what the documents say of who leads where applies there too
    answer = engine.ask("who leads the LIS in warrington - the council or the LEP?")
    assert answer.mode == "extractive", answer.answer
    assert "Nothing in the knowledge base is specific to warrington" in answer.note
    assert any("Cheshire and Warrington" in (c.org or "") for c in answer.contacts)
    # ... not what the place's own strategy says, which no document has
    answer = engine.ask("what does the warrington LIS say about the network? who leads it there?")
    assert answer.mode == "no_answer"


def test_is_someone_still_in_a_role_the_directory_records_a_change_of_is_answered(
    tmp_path_factory, embedder
):
    # the directory (knowledge/contacts.yaml) gives Michael Wood's title as "Head of Health
    # Economic Partnerships (formerly NHS local growth advisor)"
    documents = {
        "old.md": "# Old briefing\n\n## Further information\n\nTo discuss it, please contact: "
        "Michael Wood, NHS local growth advisor, at michael.wood@nhsconfed.org.\n",
        "new.md": "# New briefing\n\n## Contact\n\nMichael Wood, Head of Health Economic "
        "Partnerships, NHS Confederation\n",
        "sources.yaml": "- file: old.md\n  title: Old briefing\n  published: 2017-12\n"
        "- file: new.md\n  title: New briefing\n  published: 2019-06\n",
    }
    engine = engine_over(documents, tmp_path_factory, embedder)
    answer = engine.ask("is michael wood still the local growth advisor? whats his title now")
    # the sources record the change: what they say, and how old they are, not a refusal
    assert answer.mode == "extractive", answer.answer
    assert "when they were written" in answer.note
    # ... and the contact it ends with gives the title the directory records now
    assert any("Head of Health Economic Partnerships" in (c.role or "") for c in answer.contacts)
