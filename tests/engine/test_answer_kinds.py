"""The extractive composer answers what was asked: the list with its lead-in, the
sentence with the number, advice for a place, not a signature line. Each on a small
knowledge base made here (not on any evaluation question)."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import pytest

from bot.engine.additions import (
    advice_bonus,
    answering,
    one_quotation,
    referent,
    with_another_date,
    with_each_named_document,
)
from bot.engine.concepts import question_concepts
from bot.engine.details import dated_by
from bot.engine.glossary import Glossary
from bot.engine.retrieval import Passage
from bot.engine.text import terms
from bot.engine.units import (
    Candidate,
    is_name_line,
    quotation_opening,
    speaker_of_line,
    speakers_of,
)
from ingest.store import StoredChunk
from ingest.structure import Block, blocks
from tests.conftest import engine_over

DOCUMENTS = {
    "wessex-plan.md": """# Wessex Growth Plan

## Our approach

The Wessex Growth Plan sets out how the region will grow its economy over the next ten
years, working with businesses, universities and the NHS across Wessex.

## Priorities

The plan has several priorities for the region. These are:

## Marine engineering and offshore wind

## Digital health and telecare

## Tourism and the visitor economy

## Targets

The Wessex plan wants more apprenticeships.

Increase the number of apprenticeships in Wessex by 12,500 by 2030.

## Population

Wessex has many older residents, and the Wessex plan wants better care for older
residents in every town.

Over the next 20 years the number of older residents aged over 80 is projected to rise.

## What is the Wessex plan?

The Wessex plan will be an evidence based delivery plan extending to 2035, aligned to the
national strategy.

## Harbour

Wessex will establish a harbour clinic beside Poole Quay, run with the Wessex hospitals.

The quay handles ferries and fishing boats every day of the year.

This harbour clinic will put Wessex at the forefront of maritime care for older sailors.

## Voices

Jane Doe, Chair, Wessex Health and Care Partnership and Chair, Wessex Health Board

“Wessex has strong health and care industries.” The plan was welcomed by partners.
""",
    "nhs-advice.md": """# The NHS and local economies

## What NHS organisations should do

Integrated care systems and NHS trusts should seek to engage their local enterprise
partnership early, offering evidence on workforce and health needs.

Local economies matter to NHS leaders because they shape skills and investment.
""",
}
# Much more about Wessex than about what the NHS should do: a question naming Wessex
# finds Wessex passages first.
TOPICS = "ports farming housing transport energy schools broadband rivers museums".split()
for part in range(3):
    DOCUMENTS[f"wessex-places-{part}.md"] = f"# Wessex places {part}\n\n" + "\n\n".join(
        f"## Wessex {topic}\n\n"
        + f"The Wessex growth plan covers {topic} in every Wessex town. " * 12
        for topic in TOPICS[part * 3 : part * 3 + 3]
    )


def _paragraphs(sentence: str, *fills: str) -> str:
    """One paragraph for each fill of `sentence`: many passages that say much the same
    thing, sharing more of a question's words than the one that answers it."""
    return "\n\n".join(sentence.format(fill) for fill in fills)


@pytest.fixture(scope="module")
def engine(tmp_path_factory, embedder):
    return engine_over(DOCUMENTS, tmp_path_factory, embedder)


def test_a_list_whose_items_stand_on_lines_of_their_own_is_quoted_with_its_items(engine):
    answer = engine.ask("what are the wessex growth plan priorities?")
    lead = answer.answer.splitlines()[0]
    for item in ("Marine engineering", "Digital health", "Tourism"):
        assert item in lead
    assert "These are:" in answer.citations[0].quote  # cited verbatim, items included


def test_a_how_many_question_gets_the_sentence_with_the_number(engine):
    answer = engine.ask("how many more apprenticeships does the wessex plan want?")
    assert "12,500" in answer.answer.splitlines()[0]


def test_over_what_period_is_answered_by_the_sentence_that_gives_the_stretch_of_time(engine):
    answer = engine.ask("how are older residents in wessex expected to change, over what period?")
    assert "next 20 years" in answer.answer.splitlines()[0]


def test_how_far_out_a_plan_goes_is_answered_by_the_year_it_extends_to(engine):
    answer = engine.ask("how far out does the wessex plan go, like what yr")
    assert "extending to 2035" in answer.answer.splitlines()[0], answer.answer


def test_a_sentence_that_points_back_comes_after_the_one_that_introduces_its_subject(engine):
    answer = engine.ask("what will wessex do on maritime care for older sailors?")
    lines = answer.answer.splitlines()
    introduced = next(i for i, line in enumerate(lines) if "establish a harbour clinic" in line)
    pointing = next(i for i, line in enumerate(lines) if "This harbour clinic" in line)
    assert introduced < pointing, answer.answer


def test_a_quotation_a_chunk_starts_inside_opens_with_the_chunk_before():
    earlier = blocks("Wessex (May 2019)\n\n“We will establish a living lab.\n\n• It grows.")
    inside = blocks("• This living lab will lead.”\n\nVisit the website.")
    assert [b.text for b in quotation_opening(earlier, inside)] == [
        "“We will establish a living lab.",
        "• It grows.",
    ]
    # a chunk that starts outside any quotation, or one whose quotation closed before
    assert quotation_opening(earlier, blocks("“A new quote.”")) == []
    assert quotation_opening(blocks("“Closed.”\n\nMore."), inside) == []


def test_a_chunk_that_opens_the_next_paragraph_of_a_long_quotation_starts_inside_it():
    """Each paragraph of a long quotation opens with a mark and only the last closes: a
    chunk that starts with such a paragraph, after one that ended with another, goes on
    with the quotation (whose place it names only here)."""
    earlier = blocks("Dorset plan (May 2019)\n\n“Living well in rural areas:\n\n“We aim to reach.")
    inside = blocks("“Wessex has built a rural centre.\n\n“Wessex hosts firms.”")
    assert [b.text for b in quotation_opening(earlier, inside)] == [
        "“Living well in rural areas:",
        "“We aim to reach.",
    ]
    # a quotation of its own after a closed one, or after plain text
    assert quotation_opening(blocks("“We aim to reach.”"), inside) == []
    assert quotation_opening(blocks("We aim to reach."), inside) == []


def test_a_quotation_of_several_paragraphs_opens_each_and_closes_only_the_last():
    earlier = blocks("Partners agree.\n\n“Wessex is growing.\n\n“Councils lead places.")
    inside = blocks("Backing must follow.” Jane Doe, Chair, Wessex Health Board")
    assert [b.text for b in quotation_opening(earlier, inside)] == [
        "“Wessex is growing.",
        "“Councils lead places.",
    ]
    said = speakers_of(
        ["Partners agree.", "“Wessex is growing.", "“Councils lead places.", "Backing follows.”"]
        + ["Jane Doe, Chair, Wessex Health Board"]
    )
    assert sorted(said) == [1, 2, 3]
    # an earlier quotation that closes is someone else's
    said = speakers_of(
        [
            "“Ports matter.”",
            "“Councils lead.",
            "Backing follows.”",
            "Jane Doe, Chair, Wessex Health Board",
        ]
    )
    assert sorted(said) == [1, 2]


def test_a_signature_line_does_not_answer_a_question_about_something_else(engine):
    answer = engine.ask("what does the Wessex Health and Care Partnership say?")
    assert "Jane Doe" not in answer.answer.splitlines()[0]


def test_what_to_do_for_a_place_gives_its_plan_and_the_advice_for_every_nhs_body(engine):
    answer = engine.ask("what should our ICS do for the Wessex growth plan?")
    assert "Wessex" in answer.answer
    assert "should seek to engage" in " ".join(answer.answer.splitlines()[:2])


def test_what_a_places_strategy_says_is_quoted_across_its_paragraphs(tmp_path_factory, embedder):
    """Asked what a place's strategy says, each paragraph's opening comes before the next
    sentence of one already quoted ("Since demand will increase ..."), which does not point
    back at it: the summary covers what the strategy says, not one paragraph of it."""
    engine = engine_over(
        {
            "plans.md": """# Health in the plans

## CASE STUDY Health in the plans: Cumbria (May 2019)

“We aim to develop new ways to support the health and care of people who live in remote
villages, and to help people live well and independently for longer.

“The health and care sector in Cumbria is vast, and our over-75 population is
projected to double over the next 20 years. Significant market opportunities exist for
new products and services to support independent living.

“Cumbria has made huge developments in health and care in recent years, including the
National Centre for Coastal Health and a new medical school. Since demand will increase
across the care sector, extraordinary opportunities exist in the race to find solutions.

“Cumbria hosts a thriving market in medical devices, working in partnership to deliver
health and care. Our goal is a healthier workforce which manages itself and lives longer.”
""",
        },
        tmp_path_factory,
        embedder,
    )
    answer = engine.ask("whats the cumbria plan saying on health n care? board want a summary")
    text = answer.answer
    assert text.index("We aim to develop") < text.index("Since demand will increase"), text


def test_saying_it_is_important_that_the_nhs_acts_counts_as_advice_to_it():
    """Asked what to do, "It is important that NHS leaders seek to influence ..." is advice
    to the NHS almost as much as "NHS organisations should ...", and more than a
    recommendation to anyone ("we should act like one")."""
    told = advice_bonus("NHS organisations should engage their harbour board.")
    important = advice_bonus(
        "It is important that NHS leaders seek to influence the work of the harbour board."
    )
    anyone = advice_bonus("Health and care are major industries and we should act like one.")
    assert told > important > anyone > advice_bonus("The harbour board meets monthly.")


def test_a_quotation_cut_from_a_longer_one_is_closed_on_both_sides(engine):
    answer = engine.ask("what does the wessex growth plan say about health and care?")
    for line in answer.answer.splitlines():
        assert line.count("“") == line.count("”"), line


def test_who_asked_after_an_opening_is_answered_by_the_signature_line(engine):
    """ "poole hosp here, whos ..." asks who as much as "who ..." does."""
    answer = engine.ask(
        "poole hosp here, whos the voice of the wessex health and care partnership?"
    )
    assert "Jane Doe" in answer.answer.splitlines()[0]


def test_asked_how_big_something_is_the_figures_come_with_the_claim(tmp_path_factory, embedder):
    engine = engine_over(
        {
            "harbour.md": """# The harbour trust

## Why the harbour matters

Seen from the quay or the county hall, the economic scale of the harbour trust is
significant. As an employer of 2,300 people, spending over £40 million a year, the trust
shapes the town. The harbour trust publishes its accounts every spring.

## Boats

The harbour trust keeps a fleet of pilot boats and a lifeboat station beside the quay.
""",
            "county.md": """# The county plan

## Economy

The county plan describes the economic life of the coast, the harbour trust and its quay.
""",
        },
        tmp_path_factory,
        embedder,
    )
    answer = engine.ask("how do they describe the economic scale of the harbour trust?")
    assert "2,300 people" in answer.answer


HARBOUR_PARTNERS = {
    "partners.md": """# Harbour Partners

## Innovation

“Harbour Partners – which brings together Kingsbridge University, Kingsbridge Hospitals
NHS Foundation Trust and the Estuary Health Network – has worked closely with the county
council on its plan for the harbour.”

Jane Smith PhD FRCPE, Managing Director, Harbour Partners, and Director, Estuary Health Network

“The government will work with the harbour towns to: support a marine skills college;
continue to fund the harbour ferries; build new partnerships in the harbour towns.”

Harbour Partners runs a research programme on harbour health with the county council.
Harbour Partners wants the harbour plan to lead on marine health, and Harbour Partners
organisations share data on harbour workers. Harbour Partners organisations train nurses
for the harbour towns.
""",
    "towns.md": """# The harbour towns

## Ferries

The harbour towns run ferries across the estuary, and the county council pays for them.
""",
}
# Other topics, so that the harbour's name says which passages are about it.
for topic in "farming schools broadband rivers museums roads".split():
    HARBOUR_PARTNERS[f"{topic}.md"] = f"# The county and {topic}\n\n## {topic.title()}\n\n" + (
        f"The county plan covers {topic} in every inland organisation and village. " * 6
    )


@pytest.fixture(scope="module")
def partners(tmp_path_factory, embedder):
    return engine_over(HARBOUR_PARTNERS, tmp_path_factory, embedder)


def test_who_is_in_a_partnership_is_answered_by_its_members(partners):
    answer = partners.ask("who's actually in harbour partners? im at kingsbridge")
    assert "Kingsbridge University" in answer.answer.split("[1]")[0], answer.answer


def test_who_is_in_a_places_partnership_is_its_partnership_with_them(tmp_path_factory, embedder):
    """ "who is in the Dorset partnership?": "Dorset LEP has established a partnership with
    Dorset ICS, Bournemouth University and others" names them, though the place is not
    part of the partnership's name there."""
    engine = engine_over(
        {
            "dorset.md": "# Dorset\n\n## Partners\n\nThe Dorset LEP has established a "
            "partnership with Dorset ICS, Bournemouth University and others to plan care.\n",
        },
        tmp_path_factory,
        embedder,
    )
    answer = engine.ask("who is in the Dorset partnership?")
    assert answer.mode == "extractive" and "Bournemouth University" in answer.answer


def test_who_heads_a_body_and_who_is_in_it_gets_both(partners):
    answer = partners.ask("who heads up harbour partners and which orgs are in it?")
    assert "Kingsbridge University" in answer.answer and "Jane Smith" in answer.answer


def test_a_signature_with_letters_after_the_name_is_a_name_line_not_a_list():
    assert is_name_line(
        "Jane Smith PhD FRCPE Hon.FRCPCH, Managing Director, Harbour Partners, and Director, "
        "Estuary Health Network"
    )


def test_how_many_is_answered_by_a_sentence_that_names_each_one(tmp_path_factory, embedder):
    deals = engine_over(
        {
            "deals.md": """# Harbour deals

## Deals

Harbour deals have been agreed in fishing, ferries, shipbuilding and tourism. Other
trades are talking to the harbour board about a deal of their own.
""",
            "board.md": """# The harbour board

## Members

The harbour board meets monthly, and every harbour town sends a member to it.
""",
        },
        tmp_path_factory,
        embedder,
    )
    answer = deals.ask("how many harbour deals are there? fishing obvs but what else")
    assert answer.mode == "extractive" and "shipbuilding" in answer.answer
    # a count nothing gives or lists is still not covered
    assert deals.ask("how many members does the harbour board have?").mode == "no_answer"


def test_asked_for_a_target_the_sentence_with_the_figure_leads(tmp_path_factory, embedder):
    """ "whats the research target?": the sentence that raises research spending to a
    figure answers, though it never says "target"; the one where "target" is a verb
    ("schemes that target particular trades") does not."""
    engine = engine_over(
        {
            "plan.md": """# The harbour plan

## Research

Harbour research schemes that target particular trades do slightly worse than schemes
open to every trade, the research review found.

## Ideas

The plan commits to raising harbour research spending to 3.5 per cent of output by 2031.
""",
        },
        tmp_path_factory,
        embedder,
    )
    answer = engine.ask("whats the harbour research target?")
    assert "3.5 per cent" in answer.answer.split("[1]")[0], answer.answer


def test_we_and_our_in_a_document_are_its_publisher(tmp_path_factory, embedder):
    """ "Our adviser sits on the expert panel ..." in the network's own newsletter is the
    network's adviser: asked what that adviser does, it answers, not another document's
    sentence that names the network."""
    engine = engine_over(
        {
            "network.md": """# Network news

## Panels

Our adviser sits on the expert panel of two harbour plans and advises boards on priorities.
""",
            "history.md": """# Harbour history

## Bodies

The Harbour Trust Network was founded in 1990, and its members run the harbour ferries.
""",
            "sources.yaml": "- file: network.md\n  title: Network news\n  published: 2019-06\n"
            "  publisher: Harbour Trust Network\n- file: history.md\n  title: Harbour history\n"
            "  published: 2019-06\n  publisher: Harbour Council\n",
        },
        tmp_path_factory,
        embedder,
    )
    answer = engine.ask("what does the Harbour Trust Network's adviser do?")
    assert "expert panel" in answer.answer.split("[1]")[0], answer.answer


def test_asked_what_concerns_them_the_asker_is_the_topic(tmp_path_factory, embedder):
    """ "we're an ambulance trust - anything relevant to us?": the sentence about ambulance
    fleets answers, not the ones that say what is "relevant"."""
    engine = engine_over(
        {
            "plan.md": """# The harbour plan

## Key points

NHS leaders should seek to understand the parts of the harbour plan of most relevance
locally. Where the issues are relevant to the NHS agenda, partners from the health service
should be involved. The plan is relevant to every council in the county.

## Transport

The harbour's transport challenge could present opportunities for how ambulance services
renew their fleet of vehicles.
""",
        },
        tmp_path_factory,
        embedder,
    )
    answer = engine.ask(
        "we're an ambulance trust - is anything in the harbour plan relevant to us?"
    )
    assert "fleet of vehicles" in answer.answer.split("[1]")[0], answer.answer


def test_who_a_document_is_aimed_at_is_the_sentence_naming_its_readers(tmp_path_factory, embedder):
    """A sentence about the briefing itself is usually not worth quoting, except when the
    question asks whom the briefing is for."""
    engine = engine_over(
        {
            "guide.md": """# The harbour guide

## About

This guide will be of interest for practice managers, chairs and harbour masters.
The harbour guide was written by the county council in 2019 and sets out the harbour plan.
The harbour guide explains the harbour plan's aims and how practices can take part in it.
The harbour guide was aimed at improving the harbour towns' health over ten years.
The harbour guide lists the harbour plan's aims for the ferries, the quay and the clinics.
The harbour guide sets out what the harbour plan is aimed at: healthier harbour towns.
The harbour guide was agreed by the county council and the harbour board in 2019.
""",
        },
        tmp_path_factory,
        embedder,
    )
    for question in (
        "the harbour guide - who was it aimed at?",
        "For whom is the county council's guide to the harbour plan and its aims intended?",
    ):
        assert "practice managers, chairs" in engine.ask(question).answer, question


def test_a_slide_line_naming_the_list_asked_for_is_quoted_with_the_lines_under_it(
    tmp_path_factory, embedder
):
    """A PDF slide run together: the line that names the deals is long, and the deals
    stand one to a line under it."""
    slide = "\n\n".join(
        ["Harbour towns thriving Big Missions Harbour Deals (agreed so far - more to come)"]
        + ["Ferries", "Shipbuilding", "Fishing fleets", "Boatyard tourism"]
    )
    engine = engine_over(
        {
            "slides.md": f"# Harbour strategy slides\n\n{slide}\n",
            "notes.md": "# Harbour notes\n\nHarbour deals help the harbour towns grow.\n",
        },
        tmp_path_factory,
        embedder,
    )
    answer = engine.ask("which harbour deals do the slides list as agreed so far?")
    assert "Shipbuilding" in answer.answer and "Boatyard tourism" in answer.answer


def test_a_date_the_question_gives_itself_does_not_answer_when():
    """Asked how a date changed between the 2017 note and the June 2019 one, the sentence
    that says when the June 2019 note came out gives no date asked for; the new deadline
    does. Asked whether the deadline is March 2020, March 2020 answers."""
    changed = dated_by(
        "how did the expected date change between the 2017 note and the June 2019 one?"
    )
    came_out = SimpleNamespace(text="We wrote a note on harbour plans in June 2019.")
    deadline = SimpleNamespace(text="Every plan is to be agreed by March 2020 at the latest.")
    assert changed(deadline) > changed(came_out)
    confirmed = dated_by("is the deadline for agreeing plans March 2020?")
    assert confirmed(deadline) == confirmed(came_out)
    # set side by side, the dates are those of the event the question names
    compared = dated_by("how does the date for agreeing plans in the 2017 note compare?")
    published = SimpleNamespace(text="Two harbours published their plans in May 2019.")
    assert compared(deadline) > compared(published)


def test_the_date_of_a_paper_about_a_thing_is_not_the_date_of_the_thing():
    """ "When was the harbour strategy published?": the government's publishing it, not
    the board's publishing a briefing on it (unless the briefing is asked for)."""
    strategy = dated_by("when was the harbour strategy published?")
    briefing = SimpleNamespace(
        text="The Harbour Board published its briefing on the Harbour Strategy in May 2018."
    )
    itself = SimpleNamespace(text="The government published its Harbour Strategy in March 2018.")
    assert strategy(itself) > strategy(briefing)
    asked_of_the_briefing = dated_by("when did the board publish its briefing on the strategy?")
    assert asked_of_the_briefing(briefing) == 1.0


def test_a_part_asking_when_is_answered_only_by_a_sentence_that_dates_it():
    """ "When was the harbour strategy published, and what are its pillars?": a report on
    the strategy, dated, shares the part's words but does not date the strategy; the
    sentence that does takes the weakest point's place."""
    passage = SimpleNamespace(chunk=SimpleNamespace(id="c", doc_id="d"))

    def point(text: str, score: float, position: int) -> Candidate:
        return Candidate(text, passage, frozenset(terms(text)), 1.0, position, score=score)

    pillars = point("The pillars of the harbour strategy are boats, crews and harbours.", 1.0, 0)
    report = point("We published a report on the harbour strategy in June 2019.", 0.9, 1)
    weak = point("Harbours matter to the coast.", 0.4, 2)
    dating = point("The government published its Harbour Strategy in March 2018.", 0.5, 3)
    part = "when was the harbour strategy published"
    concepts = question_concepts(part, Glossary([]), lambda term: 1.0)
    everything = [pillars, report, weak, dating]
    chosen = answering(
        concepts, None, (), [pillars, report, weak], everything, 3, 850, dated=dated_by(part)
    )
    assert dating in chosen and pillars in chosen


def test_asked_when_an_event_was_a_date_of_that_event_answers_first():
    """ "When was the first harbour board meeting?": the sentence dating a meeting, not
    the one dating the first plans, which shares "first"."""
    when = dated_by("when was the first harbour board meeting?")
    meeting = SimpleNamespace(text="The first meeting was held on Tuesday 19th June.")
    plans = SimpleNamespace(text="The first of these plans will be agreed by March 2019.")
    assert when(meeting) > when(plans)


def test_asked_to_choose_the_sentence_for_the_other_choice_follows(tmp_path_factory, embedder):
    """ "Who leads the harbour plan, the mayor or the board?": the sentence on where the
    mayor leads comes with the next one, on where the board does."""
    engine = engine_over(
        {
            "harbour.md": """# Harbour plans

## Who leads

Mayors will lead on harbour plans in harbour authorities and will be supported by the
boards. Boards outside harbour authorities will lead on the development of harbour plans.
Harbour plans will be agreed with the harbour office.
""",
            "fleet.md": """# Harbour fleet

## Leadership

The mayor leads the harbour fleet parade every summer, and the board plans the route.
""",
        },
        tmp_path_factory,
        embedder,
    )
    answer = engine.ask("quick q - who actually leads the harbour plan, the mayor or the board??")
    assert "Boards outside harbour authorities" in answer.answer
    assert "Mayors will lead" in answer.answer


def test_documents_that_give_different_dates_are_both_quoted():
    """The older note gives one deadline, the newer another: asked the deadline, the
    newer note's date follows the lead when it scores near it, whatever else the older
    note offers; a date the points already give, or a weak one, is not added."""

    def point(text: str, doc: str, score: float) -> Candidate:
        passage = SimpleNamespace(chunk=SimpleNamespace(doc_id=doc))
        return Candidate(text, passage, frozenset(), 1.0, 0, score=score)

    lead = point("The first harbour plans will be agreed by March 2019.", "2017", 1.0)
    more = point("Harbour plans will guide spending by the board.", "2017", 0.9)
    newer = point("Every plan is to be agreed by March 2020 at the latest.", "2019", 0.85)
    dated = dated_by("whats the deadline for harbour plans to be agreed?")
    chosen = with_another_date([lead, more], [lead, more, newer], dated, 5, 850)
    assert chosen == [lead, newer, more]
    weak = replace(newer, score=0.5)
    assert with_another_date([lead, more], [lead, more, weak], dated, 5, 850) == [lead, more]
    same = point("Plans are due by March 2019.", "2019", 0.95)
    assert with_another_date([lead, more], [lead, more, same], dated, 5, 850) == [lead, more]


def test_asked_how_two_named_documents_differ_each_has_its_say():
    """ "How does the 2017 note's description of her role differ from the 2019 note's?":
    the 2019 note's best point follows the lead, though the 2017 note's points score
    higher; a weak point, or one of a document the question does not name, is not added."""

    def point(text: str, doc: str, score: float) -> Candidate:
        passage = SimpleNamespace(chunk=SimpleNamespace(doc_id=doc))
        return Candidate(text, passage, frozenset(), score, 0, score=score)

    lead = point("Jo Bloggs, harbour growth adviser, at jo@harbour.org", "2017", 1.0)
    more = point("Contact Jo Bloggs to discuss the harbour plan.", "2017", 0.9)
    newer = point("Jo Bloggs, Head of Harbour Partnerships, Harbour Board", "2019", 0.6)
    other = point("Jo Bloggs chairs the ferry forum.", "2018", 0.8)
    candidates = [lead, more, newer, other]
    chosen = with_each_named_document([lead, more], candidates, {"2017", "2019"}, 5, 850)
    assert chosen == [lead, newer, more]
    weak = replace(newer, score=0.3)
    assert with_each_named_document([lead, more], [lead, more, weak], {"2017", "2019"}, 5, 850) == [
        lead,
        more,
    ]
    assert with_each_named_document([lead, more], candidates, {"2017"}, 5, 850) == [lead, more]


def test_set_side_by_side_the_second_documents_date_of_the_thing_follows_the_first():
    """Asked how two notes' deadlines compare, both notes' dates are chosen already, the
    older one's deadline last: it moves up to follow the lead, so that no cut loses it,
    ahead of a date of the older note's own that says less of the question."""

    def point(text: str, doc: str, coverage: float) -> Candidate:
        passage = SimpleNamespace(chunk=SimpleNamespace(doc_id=doc))
        return Candidate(text, passage, frozenset(), coverage, 0, score=coverage)

    lead = point("Every plan is to be agreed with the board by March 2020.", "2019", 0.9)
    wrote = point("The board wrote its note on harbour plans in May 2018.", "2017", 0.3)
    talk = point("Harbour plans matter to every practice in the harbour.", "2019", 0.5)
    first = point("The first harbour plans will be agreed by March 2019.", "2017", 0.6)
    dated = dated_by("how does the date for agreeing harbour plans compare between the notes?")
    chosen = with_another_date(
        [lead, wrote, talk, first], [lead, wrote, talk, first], dated, 5, 850, compared=True
    )
    assert chosen[:2] == [lead, first]


def test_the_date_of_a_second_event_is_not_that_of_the_first(tmp_path_factory, embedder):
    """Only the first meeting is dated: asked the date of the second, the documents do not
    say; asked that of the first (or when it met first), they do."""
    engine = engine_over(
        {
            "council.md": """# Harbour council

## Meetings

The mayor will chair a biannual council of harbour masters. The first meeting was
held on Tuesday 19th June.
""",
            "fleet.md": "# Harbour fleet\n\n## Boats\n\nThe harbour fleet has ten boats.\n",
        },
        tmp_path_factory,
        embedder,
    )
    second = engine.ask("what was the date of the 2nd council of harbour masters mtg?")
    assert second.mode == "no_answer"
    first = engine.ask("what was the date of the first council of harbour masters meeting?")
    assert "19th June" in first.answer


@pytest.fixture(scope="module")
def harbour(tmp_path_factory, embedder):
    return engine_over(
        {
            "partnership.md": """# Harbour partnership

## Case study

The harbour board has set up a partnership with the harbour hospital, and we have set
ourselves three goals.

We want to train our own ferry crews, open a clinic on the quay and repair the slipways.

Visit the harbour board website for the full harbour plan.
""",
            "benefits.md": """# Harbour benefits

## For trusts

There are many benefits for trusts in the harbour plan, including:

• faster ferries for patients

• cheaper harbour dues for ambulance boats
""",
            "sidebar.md": """# Harbour news

## Joining in

The harbour board meets monthly.

• train more crews

• share a boatyard

• cut ferry delays.

Joining the harbour board could help you
""",
        },
        tmp_path_factory,
        embedder,
    )


def test_a_sentence_that_announces_the_things_asked_for_comes_with_the_next_paragraph(harbour):
    answer = harbour.ask("what partnership has the harbour board set up, and what are its goals?")
    assert "train our own ferry crews" in answer.answer


def test_asked_where_to_find_something_the_signpost_answers(harbour):
    answer = harbour.ask("where do i find the full harbour plan?")
    assert "Visit the harbour board website" in answer.answer
    # asked something else, a signpost says nothing
    answer = harbour.ask("what goals has the harbour board set itself?")
    assert "Visit the harbour board website" not in answer.answer


def test_a_pointer_to_a_named_document_online_is_a_signpost_too(tmp_path_factory, embedder):
    """ "Read Kingsbridge’s harbour strategy consultation on the board website." names
    everything asked about the consultation and says nothing of it."""
    engine = engine_over(
        {
            "kingsbridge.md": """# Harbour strategies

## Kingsbridge

The consultation proposes a health hub on the quay, run with the harbour hospital, and
ferry links for patients from the islands.

Read Kingsbridge’s harbour strategy consultation on the board website.
""",
        },
        tmp_path_factory,
        embedder,
    )
    answer = engine.ask("what does the kingsbridge harbour strategy consultation say about health?")
    assert "health hub on the quay" in answer.answer
    assert "Read Kingsbridge" not in answer.answer


def test_the_benefits_of_doing_something_are_the_list_of_what_it_could_help_with(harbour):
    answer = harbour.ask("what are the benefits of joining the harbour board?")
    assert answer.answer.startswith("Joining the harbour board could help you: train")


def test_a_passage_is_about_a_place_from_where_it_names_it(engine):
    """What a passage says before it names the place asked about is not about the place
    ("Local areas are at differing stages ..."); a quotation that names it in its last
    paragraph speaks for it from its opening; a section that names it, all through."""

    def placed_from(texts: list[str], section: str = "Key attributes") -> int:
        chunk = StoredChunk("c1", "\n\n".join(texts), {"doc_id": "d", "section": section})
        units = [(text, Block(text, "paragraph", section)) for text in texts]
        return engine.composer._placed_from(Passage(chunk, 1.0, 1, local=True), units, {"cumbria"})

    in_passing = [
        "Local areas are at differing stages in the design of their own local plan.",
        "Other areas are still consulting on their draft local plan.",
        "Cumbria and Lancashire were announced as early trailblazers.",
    ]
    assert placed_from(in_passing) == 2
    assert placed_from(in_passing, section="Cumbria case study") == 0
    quotation = [
        "Rural care plans (March 2019)",
        "“Supporting people in rural areas:",
        "“We aim to support the health and care of people in remote fell villages.",
        "“Cumbria hosts a thriving market in medical technology.”",
    ]
    assert placed_from(quotation) == 1


def test_initials_are_spelt_out_by_the_sentence_before_that_introduces_them(
    tmp_path_factory, embedder
):
    """ "... the replacement to CRG" says nothing to a reader who does not know CRG: the
    sentence before, which spells it out, comes first."""
    engine = engine_over(
        {
            "fund.md": """# Harbour funds

## Funds

Harbour clinics have taken part in many projects over the years. Lastly, the harbour
clinics, largely through their networks, have successfully taken part in Coastal Renewal
Grant (CRG) projects worth many millions of pounds. The value of the clinics must be
considered by those designing the Harbour Prosperity Fund, the replacement to CRG, to
ensure continued participation.
""",
        },
        tmp_path_factory,
        embedder,
    )
    answer = engine.ask("what is the Harbour Prosperity Fund meant to replace?").answer
    assert "Coastal Renewal Grant (CRG)" in answer
    assert answer.index("Coastal Renewal Grant (CRG)") < answer.index("the replacement to CRG")


def test_a_sentence_that_points_back_inside_itself_comes_after_what_it_points_at(
    tmp_path_factory, embedder
):
    """ "... a key tool in developing this partnership ..." says nothing of which
    partnership: the sentence before, which names it and its partners, comes first."""
    engine = engine_over(
        {
            "moor.md": """# Moorland health

## The partnership

Harbour clinics have served the moor for many years. Moorland LEP has established a
partnership with Moor ICS, Fellside University and others to secure a healthy future for
the moor. The local plan is a key tool in developing this partnership and we have set
ourselves ambitious goals.
""",
        },
        tmp_path_factory,
        embedder,
    )
    answer = engine.ask("what is the local plan a key tool for?").answer
    assert "Fellside University" in answer
    assert answer.index("Fellside University") < answer.index("this partnership")


def test_asked_why_the_reason_before_the_advice_comes_with_it(tmp_path_factory, embedder):
    """ "..., and why?": when the advice ends its paragraph, the sentence before it there
    gives the reason ("... the largest employer in every harbour town ...")."""
    engine = engine_over(
        {
            "skills.md": """# Harbour skills

## Skills

The harbour plan expects every town to look at its skills. Skills panels will be set up
in every harbour town.

The harbour clinics will be the largest employer in every harbour town and can offer
careers at every level. Harbour boards should use the plan to engage the clinics in
local skills plans for the harbour towns.

## Ferries

Harbour boards should also talk to the ferry operators about timetables.
""",
        },
        tmp_path_factory,
        embedder,
    )
    answer = engine.ask("what should harbour boards do on skills, and why?").answer
    assert "largest employer" in answer and "engage the clinics" in answer


def test_a_title_line_ending_in_a_colon_leads_the_paragraph_under_it(tmp_path_factory, embedder):
    """ "Helping people stay well in coastal villages:" says what the quotation under it is
    about: asked in the title's words, the two answer together, not a sentence elsewhere
    that shares the words ("stay well away from the cliffs")."""
    engine = engine_over(
        {
            "coast.md": """# The coast plan

## Priorities

“Helping people stay well in coastal villages:

“We aim to bring community nurses and pharmacies within reach of every village.

“The plan also backs new ferry routes between the bays.”

## Visitors

Visitors to the coast should stay well away from the cliffs in winter, the plan says.
""",
        },
        tmp_path_factory,
        embedder,
    )
    answer = engine.ask(
        "what does the coast plan say about helping people stay well in the villages?"
    )
    lead = answer.answer.split("[1]")[0]
    assert "Helping people stay well in coastal villages:" in lead and "community nurses" in lead


def test_asked_what_a_named_person_said_their_words_lead(tmp_path_factory, embedder):
    """ "What did Cllr Jo Bloggs ... say ...?": the quotation his name line signs leads,
    not a sentence that shares the words of his office ("the board's chair")."""
    engine = engine_over(
        {
            "voices.md": """# Voices on the harbour plan

## Partners

The harbour board and the county council will both be heavily involved in the harbour plan,
and the board's chair will report to the council.

“As leaders of the harbour, we know the clinics and the ferries depend on each other.

This must now be backed by ministers giving towns the powers and funding they need.”

Cllr Jo Bloggs, Chairman of the Harbour Towns Board
""",
        },
        tmp_path_factory,
        embedder,
    )
    question = (
        "What did Cllr Jo Bloggs, Chairman of the Harbour Towns Board, say about the harbour plan?"
    )
    lead = engine.ask(question).answer.split("[1]")[0]
    assert "As leaders of the harbour" in lead
    # what he states is what he says
    for verb in ("state that the harbour plan needs", "say the harbour plan needs"):
        question = f"What does Cllr Jo Bloggs {verb} from the county council?"
        lead = engine.ask(question).answer.split("[1]")[0]
        assert "“" in lead, (question, lead)
    # and so is what he advises or recommends
    for verb in ("advise", "recommend"):
        question = f"What does Cllr Jo Bloggs {verb} the county council should do?"
        lead = engine.ask(question).answer.split("[1]")[0]
        assert "“" in lead, (question, lead)
    # asked who he is as well, his line still answers
    answer = engine.ask("who is Cllr Jo Bloggs and what did he say about the harbour plan?")
    assert "Chairman of the Harbour Towns Board" in answer.answer


def test_a_speaker_described_by_office_gets_their_quotation_in_the_order_said(
    tmp_path_factory, embedder
):
    """ "the ferry trust's chair - what exactly does he say?": the quotation the name line
    with that office signs, read in the order it was said, not another partner's words
    about the same harbour."""
    engine = engine_over(
        {
            "voices.md": """# Voices on the harbour plan

## Partners

“The harbour plan gives the ferry towns a health board of their own. We will open two
clinics on the quay by 2021.”

Mary Major, Director, Harbour Towns Council

## The ferry trust

“Health leaders must speak up for the harbour. We should not be shy about the jobs
the ferries give. The harbour plan is how the ferry trust gets its say in health.”

Sam Smith, Chair, Bayside Ferry Trust and Chair, Harbour Towns Health Board
""",
        },
        tmp_path_factory,
        embedder,
    )
    answer = engine.ask(
        "the bayside ferry trust's chair sits on the harbour health board? what exactly does he "
        "say about the harbour plan"
    ).answer
    said = [answer.find(words) for words in ("speak up", "not be shy", "gets its say")]
    assert -1 not in said and said == sorted(said)
    assert "two clinics" not in answer.split("[1]")[0]
    # what a plan says is the plan's words, though the question names the chair's office
    lead = engine.ask(
        "what does the harbour plan say about health, and who chairs the harbour towns health "
        "board?"
    ).answer.split("[1]")[0]
    assert "gives the ferry towns a health board" in lead
    # ... nor do the chair's words lead when the plan is what "says": who chairs is asked
    lead = engine.ask(
        "what does the harbour plan say about the ferry trust, and who chairs the harbour "
        "towns health board?"
    ).answer.split("[1]")[0]
    assert "Sam Smith, Chair" in lead


def test_a_share_or_rate_is_answered_only_by_a_percentage_of_what_it_is_asked_of(
    tmp_path_factory, embedder
):
    """ "What share of the county's workforce ...?" is not answered by a headcount, nor
    "the levy rate (%) on their pay bill" by a share of something else; a percentage of
    what is asked about answers."""
    engine = engine_over(
        {
            "levy.md": """# Skills and the levy

## The apprenticeship levy

From April all levy-paying organisations will be able to transfer 10 per cent of their
funds to another employer, including within their supply chain.

## The harbour trust

As an employer of 1,400 people, the harbour trust is one of the largest employers in the
county workforce.
""",
        },
        tmp_path_factory,
        embedder,
    )
    for question in (
        "how much of their funds can levy payers transfer to another employer?",
        # how much they may pass on is a part of their own: a share answers
        "can we transfer levy funds to other employers, how much and from when?",
    ):
        answer = engine.ask(question)
        assert answer.mode == "extractive" and "10 per cent" in answer.answer, question
    assert (
        engine.ask("what share of the county's workforce does the harbour trust employ?").mode
        == "no_answer"
    )
    declined = engine.ask(
        "whats the apprenticeship levy rate (%) trusts pay on their pay bill? finance team in "
        "warrington asking"
    )
    assert declined.mode == "no_answer"
    assert "“warrington”" not in declined.answer  # not why it is not answered
    # ... asked as a percentage paid on it, without the word "rate"
    question = "hi what % apprenticeship levy does our trust actually pay on its pay bill?"
    assert engine.ask(question).mode == "no_answer"
    # a total in pounds is an amount, not a share
    total = "whats the total apprenticeship levy pot for levy-paying organisations? need a £ figure"
    assert engine.ask(total).mode == "no_answer"
    # a rate with nothing said of what it is charged on: still not the part they may pass on
    assert engine.ask("whats the apprenticeship levy rate levy-paying organisations pay?").mode == (
        "no_answer"
    )


def test_a_publisher_of_the_knowledge_base_is_never_an_unknown_name(tmp_path_factory, embedder):
    """ "... the harbour slides and the confed briefing both bang on about it": the Harbour
    Confederation publishes documents here, though none of the passages found for
    productivity is one of them; naming it is no reason to refuse."""
    documents = {
        f"confed-{n}.md": f"# Ferry briefing {n}\n\n## Timetables {n}\n\n"
        f"The Harbour Confederation plans winter ferry timetable {n} with the operators.\n"
        for n in range(12)
    }
    documents["sources.yaml"] = "".join(
        f"- file: confed-{n}.md\n  title: Ferry briefing {n}\n  publisher: Harbour Confederation\n"
        for n in range(12)
    )
    for n in range(10):
        documents[f"slides-{n}.md"] = (
            f"# Harbour slides {n}\n\n## Productivity on the harbour {n}\n\n"
            f"Productivity measures how much output is produced per worker on harbour {n}. "
            "Harbour productivity matters for wages and for the health of harbour towns.\n"
        )
    engine = engine_over(documents, tmp_path_factory, embedder)
    answer = engine.ask(
        "what does productivity actually mean in harbour-speak? the harbour slides and the "
        "confed briefing both bang on about it"
    )
    assert answer.mode == "extractive" and "how much output" in answer.answer
    # a name nothing here has is still one
    assert engine.ask("what does the Levelling Up Fund say productivity means?").mode == (
        "no_answer"
    )


def test_what_to_do_gives_what_the_briefing_recommends_later_in_its_section(
    tmp_path_factory, embedder
):
    """The section that says how to influence the plan ends, past a chunk break, with the
    step it recommends its reader take, in words the question does not use."""
    stages = " ".join(
        f"Stage {n}: harbour boards will hold open meetings on the harbour plan in town {n}, "
        "where clinics can bring evidence of what the harbour towns need."
        for n in range(1, 9)
    )
    engine = engine_over(
        {
            "influence.md": f"""# Harbour plans and the clinics

## Knowing how to influence the harbour plan

Trusts and clinics should seek to engage their harbour boards on the harbour plan. {stages}

Many of our usual partners, such as councils and colleges, will shape the plan with the
boards. We recommend that you approach these partners privately to learn about openings.

## Ferries

The ferry timetable changes every spring, and the ferry company publishes it in March.
""",
        },
        tmp_path_factory,
        embedder,
    )
    answer = engine.ask("what should our trust actually do about the harbour plan?").answer
    assert "approach these partners privately" in answer
    assert "councils and colleges" in answer  # who "these partners" are
    assert "should seek to engage" in answer


def test_a_slides_label_reads_under_the_headings_over_it(engine):
    """ "4 Targets" names little of a question about the plan's targets on its own; under
    the slide's headings ("... the Moorland Harbour Economic Plan?") it names the plan's
    targets, and its lines are quoted together as the list they are."""
    slide = [
        "## How does the strategy fit with the",
        "## Moorland Harbour Economic Plan?",
        "## Grow the moorland economy",
        "4 Targets",
        "Increase the number of berths by 300 by 2030",
        "60% of all berths built between 2020 and 2030 will be deep water berths",
        "Halve the gap with the coast in boat repairs by 2030",
    ]
    chunk = StoredChunk("c1", "\n\n".join(slide), {"doc_id": "d", "section": "Strategy fit"})
    question = (
        "moorland HEP targets - how many extra berths r we meant to build & by when? "
        "trust in poole asking"
    )
    concepts = engine.composer._concepts(question, "", engine.retriever.index.idf)
    quoted = [c.text for c in engine.composer._candidates(Passage(chunk, 1.0, 1), concepts)]
    assert any(text.startswith("4 Targets: Increase the number of berths") for text in quoted)


def test_how_to_do_what_a_sentence_says_is_quoted_with_it(tmp_path_factory, embedder):
    """ "To do this ..." cannot stand alone, and says how to do what the sentence before
    it says: the two are one point."""
    engine = engine_over(
        {
            "advice.md": """# Harbour advice

## Influence

It is important that trust leaders seek to influence the work of the harbour board. To do
this we should not be shy about our value to the towns. The harbour board meets monthly.

## Ferries

The ferry timetable for the harbour towns changes each spring and each autumn.
""",
        },
        tmp_path_factory,
        embedder,
    )
    answer = engine.ask("what should trust leaders do to influence the harbour board?")
    lead = answer.answer.split("[1]")[0]
    assert "seek to influence" in lead and "not be shy" in lead, answer.answer


def test_what_a_sentence_means_by_these_things_is_named_in_a_sentence_before_it():
    before = [
        "Many of our traditional partners, such as councils and colleges, will be involved.",
        "The issues raised are relevant for these organisations.",
    ]
    # "these partners" are the traditional partners two sentences back, examples and all
    named = referent("We recommend that you approach these partners privately.", before)
    assert {"tradit", "partner", "council", "colleg"} <= named
    # ... as "These panels will ..." are the ones the sentence just before names
    assert "skill" in referent("These panels will meet.", ["It sets up skills panels."])
    assert not referent("We recommend that you approach them privately.", before)


def test_which_strategies_answered_only_by_some_strategies_is_not_covered(
    tmp_path_factory, embedder
):
    """ "Which strategies have her on their panel?" is not answered by "she is on the
    expert panel of some strategies": the documents do not say which."""
    engine = engine_over(
        {
            "adviser.md": """# Our harbour adviser

## What the adviser does

Our harbour adviser is on the expert panel of some strategies, has advised councils on
their harbour priorities, and worked with government on harbour funding.

## Dorset

The Dorset strategy has the harbour adviser on its skills board, which meets in Poole.
""",
        },
        tmp_path_factory,
        embedder,
    )
    question = "which local industrial strategies have the harbour adviser on their expert panel?"
    assert engine.ask(question).mode == "no_answer"
    answer = engine.ask("which strategies have the harbour adviser on their skills board?")
    assert answer.mode == "extractive" and "Dorset strategy" in answer.answer


def test_a_slides_labels_counted_by_the_sentence_before_them_are_its_list(
    tmp_path_factory, embedder
):
    """ "Health is one of three themes ..." over the slide's three boxes, which cleaning
    reads as headings: the boxes are the themes. A run of another length is sections."""
    slide = (
        "Harbour plan slides\n\nHealth in the harbour plan\n\n"
        "Health is one of three themes of strategic importance\nset out in the Harbour Plan\n\n"
        "Jobs\n\nHomes\n\nHealth\n\n{}The harbour board reviews the plan every year.\n"
    )
    for text, listed in ((slide.format(""), True), (slide.format("Next steps\n\n"), False)):
        engine = engine_over({"slides.txt": text}, tmp_path_factory, embedder)
        answer = engine.ask(
            "What are the three themes of strategic importance in the Harbour Plan?"
        )
        assert ("Jobs; Homes; Health" in answer.answer) is listed, answer.answer


def test_asked_who_from_a_body_is_quoted_and_their_point_their_words_follow(
    tmp_path_factory, embedder
):
    """ "who from the harbour towns partnership is quoted and whats their point?": the
    name line answers who, first, and the quotation it signs is their point, though
    sentences about the partnership's work share more of the question's words."""
    work = _paragraphs(
        "The Harbour Towns Health and Care Partnership {}, a point the partnership makes in "
        "every briefing it publishes.",
        "pools funding from ten councils",
        "runs the ferry clinics",
        "trains harbour nurses",
        "funds the quayside gym",
        "leads the harbour health board",
        "speaks for the harbour's employers",
        "sets the ferry timetable for patients",
    )
    engine = engine_over(
        {
            "voices.md": f"""# Voices on the harbour plan

## The partnership

{work}

“The harbour has long known that poor health keeps its people out of work, and we can now
change that.”

Jo Bloggs, Executive Lead, Harbour Towns Health and Care Partnership
""",
        },
        tmp_path_factory,
        embedder,
    )
    question = (
        "who from the harbour towns health & care partnership is quoted and whats their point?"
    )
    answer = engine.ask(question).answer
    assert answer.startswith("Jo Bloggs") and "poor health keeps" in answer, answer


def test_asked_who_is_quoted_saying_something_the_line_that_signs_it_follows(
    tmp_path_factory, embedder
):
    """ "who is quoted on the harbour's recognition that poor health keeps people out of
    work?": the quotation has all the question's words and leads; the name line that signs
    it answers who, though it shares none of them and sentences on the harbour's work do."""
    work = _paragraphs(
        "The harbour's plan for health and work {}, as poor health holds back the harbour's "
        "economic potential.",
        "pools funding from ten councils",
        "runs the ferry clinics",
        "trains harbour nurses",
        "funds the quayside gym",
    )
    engine = engine_over(
        {
            "voices.md": f"""# Voices on the harbour plan

## The plan

{work}

“The harbour has long recognised that the poor health of many of its people was one of the
main barriers to its economic potential.”

Jo Bloggs, Executive Lead, Harbour Towns Health and Care Partnership
""",
        },
        tmp_path_factory,
        embedder,
    )
    question = (
        "Who is quoted on the harbour's recognition that poor health has been a barrier to "
        "its economic potential, and what is their role?"
    )
    answer = engine.ask(question).answer
    quotation, signed = answer.splitlines()[:2]
    assert "long recognised" in quotation and signed.startswith("• Jo Bloggs, Executive Lead")


def test_asked_for_an_office_holders_advice_their_words_and_name_line_answer(
    tmp_path_factory, embedder
):
    """ "how shd we influence the harbour board - any advice from the harbour board chair?":
    the chair's own words, signed, not the steps the briefing recommends to everyone."""
    steps = _paragraphs(
        "NHS organisations should influence the harbour board {}, on the design and delivery "
        "of its plan.",
        "early",
        "before the plan is drafted",
        "through their ICS",
        "in writing",
    )
    view = (  # one paragraph, as the documents print a quotation
        "“It is important that health leaders influence the harbour board: it is the gateway "
        "to resources. We should not be shy about our value.”"
    )
    engine = engine_over(
        {
            "harbour.md": f"""# Working with the harbour board

## How to approach the board

{steps}

## A view from the board

{view}

Jo Bloggs, Chair, Harbour Board, and Chief Executive, Harbour Towns Health Trust
""",
        },
        tmp_path_factory,
        embedder,
    )
    question = "how shd we influence the harbour board - any advice from the harbour board chair?"
    answer = engine.ask(question).answer
    assert answer.startswith("“It is important") and "Jo Bloggs, Chair" in answer, answer


def test_asked_what_their_own_bodys_officer_said_the_signed_quotation_answers(
    tmp_path_factory, embedder
):
    """ "moorland ICS - what did our HTP director say the partnership wants to do on
    workforce?": the director of Moorland's Harbour Town Partnership (its initials as
    typed, the asker's place for "our"), in her words and signed, not the briefing's own
    prose on the partnerships' workforce plans."""
    steps = _paragraphs(
        "Harbour partnerships set out their workforce plans {}, with the local workforce and "
        "the partnership's skills plans.",
        "early",
        "with each ICS",
        "through training providers",
        "in writing",
    )
    engine = engine_over(
        {
            "harbour.md": f"""# Working with harbour partnerships

## Workforce plans

{steps}

## Moorland

“We want to grow our own workforce for the harbour's clinics and train the next generation
of ferry nurses in Moorland.”

Jo Bloggs, Director, Moorland Harbour Town Partnership

## Fellside

“Fellside wants its partnership to build new clinics on the quay.”

Sam Smith, Director, Fellside Harbour Town Partnership
""",
        },
        tmp_path_factory,
        embedder,
    )
    question = (
        "moorland ICS - what did our HTP director say the partnership wants to do on workforce? "
        "need a quote for board"
    )
    answer = engine.ask(question).answer
    assert answer.startswith("“We want to grow") and "Jo Bloggs, Director" in answer, answer


def test_asked_a_named_persons_title_the_line_that_names_them_with_it_answers(
    tmp_path_factory, embedder
):
    """ "what's jo bloggs's job title at the harbour board?": her signature line gives
    her offices; the sentences that ask readers to contact her do not."""
    contact = _paragraphs(
        "Contact Jo Bloggs at the harbour board {}, and Jo Bloggs will reply.",
        "about ferries",
        "about the plan",
        "to get involved",
        "for the slides",
    )
    engine = engine_over(
        {
            "harbour.md": f"""# The harbour board

## Getting in touch

{contact}

## Who we are

The board meets monthly.

Jo Bloggs, Head of Harbour Partnerships, Harbour Towns Board
""",
        },
        tmp_path_factory,
        embedder,
    )
    answer = engine.ask("what's jo bloggs's job title at the harbour board?").answer
    assert answer.startswith("Jo Bloggs, Head of Harbour Partnerships"), answer


def test_asked_who_leads_with_a_mayor_and_without_both_cases_are_quoted(tmp_path_factory, embedder):
    """ "who leads the harbour plan where theres a mayor vs where there isnt?": the
    sentence on where boards lead shares most of its words with the one on mayors, but
    says the other case ("outside"); it is no repeat."""
    engine = engine_over(
        {
            "harbour.md": """# Harbour plans

## Who leads

Mayors will lead on harbour plans in harbour authorities and will be supported by boards.

Boards outside harbour authorities will lead on the development of harbour plans.

## Skills

Mayors and boards will set up harbour skills panels with the harbour office.
""",
        },
        tmp_path_factory,
        embedder,
    )
    answer = engine.ask("who leads the harbour plan where theres a mayor vs where there isnt?")
    assert "Mayors will lead" in answer.answer and "Boards outside" in answer.answer


def test_two_documents_a_question_names_are_both_quoted(tmp_path_factory, embedder):
    """ "How does the 2017 briefing's description of the harbour adviser's role differ from
    the June 2019 briefing's?": the 2017 briefing has five sentences on the role, each
    saying more of the question's words than the June 2019 briefing's one, which still has
    its say."""
    older = " ".join(
        (
            "The harbour adviser, Jo Bloggs, is the board's harbour growth adviser.",
            "The harbour adviser's role is to help practices engage the harbour board.",
            "The harbour adviser's role includes advice on ferries and the harbour plan.",
            "The harbour adviser describes the role as a link between practices and the board.",
            "The harbour adviser's role was created to support the harbour plan.",
        )
    )
    newer = "The harbour adviser role is now Head of Harbour Partnerships, held by Jo Bloggs."
    sources = (
        "- file: older.md\n  title: Harbour briefing\n  published: 2017-12\n"
        "- file: newer.md\n  title: Harbour update briefing\n  published: 2019-06\n"
    )
    engine = engine_over(
        {
            "older.md": f"# Harbour briefing\n\n## The harbour adviser\n\n{older}\n",
            "newer.md": f"# Harbour update briefing\n\n## Who we are\n\n{newer}\n",
            "sources.yaml": sources,
        },
        tmp_path_factory,
        embedder,
    )
    answer = engine.ask(
        "How does the description of the harbour adviser's role in the 2017 briefing differ "
        "from that in the June 2019 briefing?"
    ).answer
    assert "harbour growth adviser" in answer and "Head of Harbour Partnerships" in answer, answer


def test_asked_whether_anyone_from_a_place_is_quoted_their_quotation_answers(
    tmp_path_factory, embedder
):
    """ "is anyone from moorland quoted on the harbour plans? who n what did they say": the
    quotation about the place and its name line, though no passage says "anyone" or
    "quoted" (they frame the question)."""
    engine = engine_over(
        {
            "briefing.md": """# Harbour plans and the NHS

## Knowing how to influence

Many partners, such as councils and colleges, will be heavily involved in the harbour plan.
We recommend that you approach these partners early.

“Our universities in Moorland are working to create more resilient communities in the
region. Moorland’s universities are also major anchor institutions in their own right.”

Dr Jo Bloggs, Executive Director, Moorland Universities

## Ferries

The ferry fund will support new crossings for every harbour town by 2025.
""",
        },
        tmp_path_factory,
        embedder,
    )
    question = "is anyone from moorland quoted on the harbour plans? who n what did they say"
    answer = engine.ask(question)
    assert answer.mode != "no_answer", answer.answer
    assert "major anchor institutions" in answer.answer and "Jo Bloggs" in answer.answer


def test_a_quotation_sentence_cut_to_fit_repeats_the_same_sentence_whole():
    """Two sentences of one quotation each say their own part; the same sentence again,
    cut after its first clauses ("...; …"), says nothing new and is a repeat."""
    passage = SimpleNamespace(chunk=SimpleNamespace(id="c", doc_id="d"))
    speaker = speaker_of_line("Jane Moor, Director, Moorland Partnership")
    whole = "We want to grow our own moorland workforce; provide an environment for research."
    first = "We want a moorland medical school for the region."

    def said(text: str, quote: str | None = None) -> Candidate:
        return Candidate(
            text, passage, frozenset(terms(text)), 1.0, 0, quote=quote or text, speaker=speaker
        )

    cut = said(
        "We want to grow our own moorland workforce; …",
        "We want to grow our own moorland workforce",
    )
    assert one_quotation(said(first), said(whole))
    assert not one_quotation(cut, said(whole))


def test_a_list_comes_after_the_claim_its_paragraph_opens_with(tmp_path_factory, embedder):
    """ "Evidence remains unclear ... Across several studies, factors reviewed included:"
    and the list: asked whether route subsidies work better, the claim the list bears out
    comes before it, not below as a point of its own."""
    slide = """Harbour evidence pack

What the evidence tells us about what works for harbours?

Evidence remains unclear on how best to keep island ferry routes running.
Across several harbour studies, factors reviewed included:
— Timetables set locally vs. timetables set nationally
— Levels of delivery - harbour board and council
— Route subsidies compared to general subsidies. However, subsidies that target
particular routes appear to do slightly worse at keeping ferries running.

Harbour priorities

Work with the island ferry operators across the coast to support the ferry routes.

Raise awareness of the coast's ferry routes and harbour studies with visitors.
"""
    engine = engine_over({"harbour.txt": slide}, tmp_path_factory, embedder)
    answer = engine.ask(
        "does the harbour evidence show route subsidies do better than general subsidies "
        "at keeping island ferries running?"
    )
    claim = answer.answer.find("Evidence remains unclear")
    assert 0 <= claim < answer.answer.find("Across several harbour studies"), answer.answer


def test_a_sentence_naming_several_sums_in_a_row_lists_what_is_invested(tmp_path_factory, embedder):
    """ "what additional investments does it list?": the sentence that gives three sums and
    what each goes to is the list, not one that shares the word "additional"."""
    briefing = """# Harbour briefing

## Ideas

Harbour clusters will grow around the colleges with an additional £2 million invested over
what was planned. In addition, a further £7 million is being invested in new ferries,
£3 million on training skilled crews, and £1 million to enable the boatyards to continue
their work.

Our harbour trusts will follow the changes to harbour research closely, with increased
investment in the ideas foundation.
"""
    engine = engine_over({"harbour.md": briefing}, tmp_path_factory, embedder)
    answer = engine.ask("What additional investments does the harbour briefing list under ideas?")
    assert answer.answer.startswith("In addition, a further £7 million"), answer.answer


def test_who_else_brings_the_sentence_naming_others_that_also_take_part(tmp_path_factory, embedder):
    """ "who else shd we be working with apart from the harbour board?": the sentence after
    the one naming the harbour board, saying who else "will also play an important role",
    comes with it, not only the sentence naming the board."""
    briefing = """# Harbour briefing

## Working together

Ferry operators and island councils should seek to engage their harbour board on the design
and subsequent delivery of the harbour plan. Boatyards, colleges and fishing cooperatives will
also play an important role.

Harbour plans should be aligned where possible with the emerging coastal housing priorities
of each island council.

While ferry operator engagement in harbour plans has been varied, many feature shared
priorities for closer partnership working.
"""
    engine = engine_over({"harbour.md": briefing}, tmp_path_factory, embedder)
    answer = engine.ask(
        "our ferry operator wants a say in the harbour plan - who else shd we be working "
        "with apart from the harbour board?"
    )
    assert "Boatyards, colleges and fishing cooperatives" in answer.answer, answer.answer


def test_what_role_a_thing_plays_is_answered_by_what_it_is_wanted_to_do(tmp_path_factory, embedder):
    """ "What role will Harbour Hubs play under the harbour plan?": the sentence that says
    what the hubs are to do leads, not one that shares "play ... role" with the question."""
    plan = """# The harbour plan

## Harbour Hubs

The council will ensure all boat owners have access to a local Harbour Hub. Over the last
three years, the council has set up and tested Harbour Hubs in every harbour district.
The council wants Harbour Hubs to carry on building their reach, developing skipper
networks, connecting boat owners to the best support available on the coast.

## Partners

Boatyards, colleges and fishing cooperatives will also play an important role.
"""
    engine = engine_over({"plan.md": plan}, tmp_path_factory, embedder)
    answer = engine.ask("What role will Harbour Hubs play under the harbour plan?")
    assert answer.answer.startswith("The council wants Harbour Hubs"), answer.answer


def test_asked_which_areas_did_something_the_sentence_naming_them_leads(tmp_path_factory, embedder):
    """ "which areas have published their harbour strategies?": the sentence that names
    the places that did leads, not one that shares more of the question's words but names
    no place (`compose.NAMES_PLACES_BONUS`)."""
    harbours = """# Harbour strategies

## Progress

Every harbour area in England is developing a harbour strategy, to be published by March 2020.
Harbour strategies that have been published set out priorities for ferries and quays.
Cumbria and Dorset published their harbour strategies in May and June 2019 respectively.
Other areas are still gathering evidence for their harbour strategies.
"""
    engine = engine_over({"harbours.md": harbours}, tmp_path_factory, embedder)
    answer = engine.ask("which areas have published their harbour strategies?")
    assert answer.answer.startswith("Cumbria and Dorset published"), answer.answer


def test_what_a_named_party_will_do_leads_with_that_party_acting(tmp_path_factory, embedder):
    """ "what has the council said it'll do with wessex on ferries?": the list where the
    council is the one who will act leads, not the region's own list, which shares as
    many of the question's words."""
    strategy = """# Wessex harbour strategy

## Ferries

"Wessex is a growing centre for ferry innovation, working in partnership with the council,
boatyards and passengers. To continue driving progress on ferries, Wessex will:

- continue to invest in the harbour networks needed to drive ferry innovation
- improve ferry services and provide the harbour jobs of the future
- convene partners across Wessex to bid for national ferry funds."

"To complement local commitments, the council will work in partnership with Wessex to:

- support a new Ferry Innovation Commission
- continue to support the export offer with local partners
- build partnerships between boatyards and colleges on design."
"""
    engine = engine_over({"wessex.md": strategy}, tmp_path_factory, embedder)
    answer = engine.ask("what has the council said it'll do with wessex on ferries?")
    assert "the council will work in partnership" in answer.answer.split("[1]")[0], answer.answer


def test_how_a_body_helps_brings_the_sentence_that_goes_on_about_its_work(
    tmp_path_factory, embedder
):
    """ "hows the harbour trust actually helping ferry operators with the harbour plans?":
    after the sentence on how it helps, the next one, which names its head again ("Our
    Head of Coastal Partnerships is on the expert panel ..."), says the rest of what it
    does, in words the question does not use."""
    briefing = """# Harbour plans and the trust

## How we are helping

The Harbour Trust, through its Head of Coastal Partnerships, is supporting several ferry
operators to engage with and influence the development of their harbour plans. Our Head
of Coastal Partnerships is on the expert panel of some plans, has directly facilitated
local partnerships, and advised both councils and boatyards on likely priorities.

## Why it matters

The Harbour Trust is the only national body helping ferry operators to understand,
engage with and benefit from the harbour plans.

Harbour plans will be agreed with the council by March 2021, helping ferry operators and
boatyards plan ahead.
"""
    engine = engine_over({"trust.md": briefing}, tmp_path_factory, embedder)
    answer = engine.ask(
        "hows the harbour trust actually helping ferry operators with the harbour plans?"
    )
    assert "on the expert panel of some plans" in answer.answer, answer.answer


def test_a_sentence_saying_what_it_will_do_comes_after_the_one_naming_it(
    tmp_path_factory, embedder
):
    """ "It will ensure that care activities ... can be improved": quoted alone, "it" is
    nothing; the sentence before, which names the Harbour Care Record, comes first."""
    documents = {
        "engaging.md": """# Engaging with the LEP

## The first step

NHS organisations should seek to engage their local enterprise partnership on the design
and delivery of its local industrial strategy.

## Partners

Universities and colleges will be heavily involved in the development of the strategy.
""",
        "dorset.md": """# Dorset projects

## Projects in the pipeline

- Harbour Care Record - an initiative to share records across Poole and North Dorset
  amongst authorised health and social care practitioners. It will ensure that care
  activities such as admissions and treatments can be improved for both patients and
  the health system.
- SmartPack - a project where the LEP is working with partners on smart packaging.
""",
    }
    engine = engine_over(documents, tmp_path_factory, embedder)
    answer = engine.ask(
        "we're an ICS in dorset and have done nothing on our lis yet - what shld we be doing "
        "to get involved? pls"
    ).answer
    assert "It will ensure" in answer, answer
    assert answer.index("Harbour Care Record") < answer.index("It will ensure"), answer


def test_any_figures_on_a_named_programme_need_a_figure_about_it(tmp_path_factory, embedder):
    """ "did it get more people into work? any numbers from harbour works?" is not answered
    by the sentences that describe the Harbour Works programme, which give no figure of
    what it did ("ten councils" pooled funds); figures set out under a plan's name answer
    "any numbers on the plan's targets?"."""
    engine = engine_over(
        {
            "works.md": """# Wessex harbour strategy

## Harbour Works

The joint delivery of the Harbour Works employment programme pooled funding from ten
councils and the port authority to help people with long-term conditions into work.
Harbour Works continues to reduce worklessness by supporting people back into jobs.
""",
            "plan.md": """# Wessex Harbour Plan

## Wessex Harbour Plan targets

The Wessex Harbour Plan sets out its ambitions for the coast.

- Increase the number of harbour jobs by 4,000 by 2030
- 60% of all jobs created will be skilled jobs
""",
        },
        tmp_path_factory,
        embedder,
    )
    question = (
        "did the wessex strategy actually get more people with long term conditions into work?"
        " any numbers from harbour works?"
    )
    assert engine.ask(question).mode == "no_answer"
    answer = engine.ask(
        "what does wessex say on jobs? any numbers on the Wessex Harbour Plan targets?"
    )
    assert answer.mode == "extractive" and "4,000" in answer.answer, answer.answer


def test_how_a_named_party_is_helping_leads_with_that_party_doing_it(tmp_path_factory, embedder):
    """ "how is the harbour trust actually helping operators ...?": the sentence in which
    the trust is the one doing something ("The Harbour Trust, ..., is supporting ...")
    leads, not one that shares as many of the question's words with no one helping."""
    harbour = """# Harbour plans

## Operators

Making a success of the harbour plans, and the local harbour plans after them, will require
harbour operators and trusts to address the serious gaps in ferry services across the coast,
bringing implications and opportunities for operators.

## How we help

The Harbour Trust, through its head of coastal partnerships, is supporting several operators
to engage with and influence their local plans.
"""
    engine = engine_over({"harbour.md": harbour}, tmp_path_factory, embedder)
    answer = engine.ask(
        "how is the harbour trust actually helping operators with their local harbour plans?"
    )
    assert answer.answer.startswith("The Harbour Trust, through its head"), answer.answer


def test_what_to_do_first_is_answered_by_the_sentence_naming_the_first_step(
    tmp_path_factory, embedder
):
    """ "what should we do first?": the sentence that says what the first step is ("...
    is the necessary and important first step") is among the points, though it says
    "should" nowhere and other recommendations share more of the question's words."""
    moor = """# Moor plans

## Influencing the moor plan

Moor leaders should seek to understand the areas of the moor plan of most relevance
locally, with a view to being involved as moor plans are developed.

Where the issues are relevant to the moor agenda it is important that there are partners
from the moor service involved.

Moor trusts should work with their councils on the moor plan's skills priorities.

Moor organisations should share their estates plans with the moor plan's board.

Moor systems should use the moor plan to bid for funding for clinics.

## Getting in touch

Engaging with your local moor leaders, whether council or board, is the necessary and
important first step.
"""
    engine = engine_over({"moor.md": moor}, tmp_path_factory, embedder)
    answer = engine.ask("moor STP here - what should we do first to get involved in our moor plan?")
    assert "necessary and important first step" in answer.answer, answer.answer
