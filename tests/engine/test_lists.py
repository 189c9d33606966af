"""Lists as documents write them: a slide's label over short lines, a long list after
its lead-in. On a small knowledge base made here (not on any evaluation question)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from bot.engine.details import _names_in_a_row, _short_items
from bot.engine.retrieval import Passage
from bot.engine.text import terms
from bot.engine.units import lists_parts_of
from tests.conftest import engine_over

DOCUMENTS: dict[str, str] = {}
# A slide: a label that names what it lists, over short lines without bullets.
DOCUMENTS["slides.md"] = """# Moorland economic plan

## Grow the moorland economy

4 Targets

Increase the number of moorland jobs by 5,000 by 2030

Halve the gap in moorland broadband coverage by 2028

Double visitor spending in moorland towns

Open two new moorland clinics by 2026
"""
DOCUMENTS["benefits.md"] = """# Moorland partnerships

## Why take part

GP practices gain real benefits from the moorland partnership, and the benefits
that GP practices gain from the moorland partnership grow every year as more
GP practices across the moors join the moorland partnership, take part in its
working groups and boards, and share what they learn with the councils, businesses and
community groups that make up the rest of the moorland partnership.
There are many benefits for GP practices in joining the moorland partnership,
including:

• recruiting staff who live in the moorland towns and want to work close to home

• sharing estates and buildings with councils so that clinics stay open in small towns

• bidding for moorland funding programmes that only partnership members can apply for

• testing new medical technology with moorland businesses before it is sold elsewhere

• shaping transport plans so that patients and staff can reach the clinics on time
"""

# A list whose long points each end in examples: all four points fit when the examples go.
DOCUMENTS["tides.md"] = """# Tidal challenge

## The tidal challenge

Coastal tides – we will harness the power of the sea. Tidal priorities include:

• Building new harbour walls for the growing population of coastal towns, meeting their
needs including the new 'Safe Harbours' programme that will invest in stone, timber and
steel walls for every harbour town on the coast by the end of the decade.

• Training crews for a changing and older fleet including building on the Fleet Skills
Strategy to promote the benefits of employing older crews and adapting boats to them.

• Mapping tide data to improve coastal safety including through the regional tide hubs
that share readings between ports, councils, the coastguard and the fishing fleets.

• Helping ports to adapt business models to changing demands including through the
forthcoming green paper on ports and better use of the ports' own land and buildings.
"""

# The same, where the sentence that names the challenge is not the one that says "priorities".
DOCUMENTS["fleet.md"] = """# Fleet challenges

## The challenges

Ageing fleet – ‘we will help the fishing fleet meet the needs of its older boats’. Priorities
include:

• Supporting boatyards to repair the growing number of older boats, meeting the needs of
their crews including the new 'Sound Hulls' programme that will invest in repairs to help
older boats stay at sea for longer.

• Supporting crews to adapt to a changing and ageing fleet including building on the Fleet
Working Lives Strategy to promote the benefits of employing older skippers.

• Leveraging catch data to improve safety at sea including through the regional data hubs
outlined in the fisheries sector deal.

• Supporting harbours to adapt business models to changing demands, encouraging new models
of berthing including through the forthcoming green paper on harbours.
"""

# A list asked for that does not fit whole: only the point longer than its share of the
# room loses its examples.
DOCUMENTS["valley.md"] = """# Valley challenge

## The valley challenge

Valley rivers – we will work with the rivers. River priorities include:

• Restoring the river banks of every valley town, meeting the needs of the towns and farms
downstream including the new 'Green Banks' programme that will invest in willow planting,
stone weirs, wet meadows, fish passes, new footpaths, bird hides, picnic sites, signs and
car parks along each bank of every river in the valley, from the moor springs at the top of
the valley to the estuary towns at the bottom of it, by the end of the next decade.

• Training river wardens for a wetter valley including through the Valley Wardens Strategy.

• Mapping flood data to improve valley safety including through the regional flood hubs.

• Helping farms to adapt to wetter seasons including through a green paper on farming.
"""

DOCUMENTS["goals.md"] = """# Moorland goals

## Goals and priorities

The moorland partnership has set priorities for the moors. Its priorities include:

• faster broadband in every village

• better buses between the market towns

• more homes for key workers

The goals are:

• healthy towns

• skilled people

• clean air

• safe streets

• busy high streets
"""

# A slide's points, wrapped over short lines, after their lead-in.
DOCUMENTS["review.md"] = """# Moorland review

## What the review found

Key recommendations from the moorland review:

Bring together the councils, practices and
universities of the moors to plan new services
for older people

Work with the Moorland Process Cluster across
the moors to support manufacturing

Raise awareness of skills in biologics

Assist small firms with digitalisation
"""

# A case study's list whose items are too long to quote whole, each with a relative clause.
DOCUMENTS["fells.md"] = """# Fell partnership

## Training on the fells

The fell partnership will build on the strong record of joint working on training between
the fell towns and government. This includes:

• the Fell Training Panel, which brings colleges, training providers, local and national
government, and employers together to identify and respond to the training needs of the fells

• the joint development and delivery of the Fell Rescue apprenticeship programme that pooled
funding from the fells' six district councils, six practices, the mountain rescue teams and
the fell towns' own health and social care partnership board

• the vital and unique relationship between the Fell Nursing College and the fell towns,
which underpins joint commissioning and decision making, including the allocation of college
budgets where appropriate to pilot new models of nursing for the fell villages
"""

# A list whose lead-in points back at the sentence before it.
DOCUMENTS["boats.md"] = """# Boat repair on the coast

## Boat repair

The harbour towns are a growing centre for wooden boat repair, working with the boat owners.
To continue driving progress towards this priority, the harbour towns will:

• train new shipwrights in the harbour college

• open a shared slipway for small repair yards
"""

# Two lists printed one after the other: the first ends with a full stop, the second's
# title comes after it.
DOCUMENTS["harbour.md"] = """# Harbour guide

## Harbour partnership

There are many benefits for boat owners in joining the harbour partnership, including:

• cheaper moorings

• shared repair yards

• a say in harbour plans.

• chaired by the harbour master

• open to every boat owner

• reviewed each winter.

Harbour partnership rules

The harbour master keeps a copy of the rules in the harbour office for anyone to read.
"""

# A PDF's box, extracted with its title after its bullets.
DOCUMENTS["charter.md"] = """# Moorland charter

## Background

The charter was written by the councils of the moors over two winters.

• signed by every council and practice on the moors

• reviewed each spring by the moorland board

• written in plain words anyone can read

## Key features of the moorland charter

Councils differ in how far they have gone in putting it into practice.
"""


# A list in the sentence after the one that says what it lists.
DOCUMENTS["unit.md"] = """# Moorland care

## Rural care

The moorland board has chosen the issues it will tackle first through a new Rural Care
Unit run by the councils. These include: bus routes to clinics; housing for nurses;
broadband for village surgeries.
"""


# Members named in a row in one sentence; the partnership's plans in a colon list.
DOCUMENTS["alliance.md"] = """# Fellside Health Alliance

## Partners

The Fellside Health Alliance – which brings together Upland College, Fellside Hospital NHS
Trust, Tarn Valley Hospice and the Moorland Practices Network – has worked closely with the
moorland councils on the alliance's plan.

## The alliance's plan

To make up for lost time the Fellside Health Alliance will: train more nurses; open two
clinics in the fells; work closely with the councils on transport.

## A member's view

“The alliance has made the organisations of the fells one team.”

Ann Fell, Chair, Organisations Board, Fellside Health Alliance, Upland College
"""


# Issues run together with semicolons in a quotation; another area's points under a label.
DOCUMENTS["fairness.md"] = """# Fairness in the fells

## Fellside

“Fellside has identified priority issues on which to test new approaches through a new
Fairness Unit led and funded by Fellside Council. These include: low pay; long commutes;
childcare for shift workers; youth unemployment.”

## Dalesford

Why the new unit will test new approaches in Dalesford:

• pay gaps between the valleys are widening

• young people leave the valleys to find work
"""

# One document says in a line what another lists in full.
DOCUMENTS["heath-summary.md"] = """# Heathland partnership summary

## Key points

• There are significant benefits for pharmacies in joining the heathland partnership.

• The heathland partnership meets every month in the village hall.

• Any pharmacy can get involved in the heathland partnership: it takes little time, and
the village hall has the forms.
"""
DOCUMENTS["heath-briefing.md"] = """# Heathland partnership briefing

## Why join

There are many benefits for pharmacies in joining the heathland partnership, including:

• hiring apprentices trained by the heathland college

• sharing delivery vans with the heathland surgeries

• joint purchasing of stock at partnership rates

• a seat on the working group that plans late opening hours across the market towns

• training for counter staff on minor ailments, run by the county council each autumn

• shared marketing of flu clinics with the surgeries, the library and the leisure centre
"""

# A slide: the lead-in names the pact, its items were set as headings.
DOCUMENTS["pact.md"] = """# Heathland pact

## The pact

The Heathland Pact was signed by the county council and the surgeries in 2018, after two
years of talks about how the Heathland Pact would work in practice for the surgeries.

Key elements of the Heathland Pact include:

## Opening two new surgeries on the heath

## Training local nurses at the college

## Sharing records safely between surgeries
"""
DOCUMENTS["pact-news.md"] = """# Heathland news

## The pact in the news

Key opportunities for the heath include the Heathland Pact, which commits the county to
doing more with the surgeries on the heath.
"""

# Labelled items on lines of their own, wrapped; and a list of three in a better passage.
DOCUMENTS["themes.md"] = """# Moorland themes

## Where health appears

There are several common areas where health features in the moorland plans. These are:

Rural care: particularly clinics in villages and care at home
Skills: in terms of nursing apprenticeships, in-work progression and new
business models
Transport: including buses to clinics
Housing: including homes for key
workers near clinics
Village life: through practices as anchors of their villages
"""
DOCUMENTS["areas.md"] = """# Moorland areas where health shows up

## Health areas

Health shows up strongly in moorland areas of: village clinics; home care; moorland health.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory, embedder):
    return engine_over(DOCUMENTS, tmp_path_factory, embedder)


def test_a_slide_label_and_the_lines_under_it_answer_as_one_list(engine):
    answer = engine.ask("what are the moorland targets?")
    for target in ("5,000", "broadband", "visitor spending", "two new moorland clinics"):
        assert target in answer.answer


def test_a_long_list_that_answers_a_list_question_is_quoted_whole(engine):
    answer = engine.ask("what benefits can GP practices gain from the moorland partnership?")
    for benefit in ("recruiting staff", "sharing estates", "funding programmes", "transport"):
        assert benefit in answer.answer


def test_a_list_of_as_many_items_as_the_question_counts_answers_it(engine):
    answer = engine.ask("what are the 5 goals of the moorland partnership?")
    lead = answer.answer.splitlines()[0]
    assert "healthy towns" in lead and "busy high streets" in lead


def test_a_slides_points_wrapped_over_lines_are_quoted_as_one_list(engine):
    answer = engine.ask("what did the moorland review recommend?")
    for point in ("new services", "Moorland Process Cluster", "biologics", "digitalisation"):
        assert point in answer.answer


def test_a_heading_printed_after_the_bullets_it_titles_answers_with_them(engine):
    answer = engine.ask("what are the key features of the moorland charter?")
    for feature in ("signed by every council", "reviewed each spring", "plain words"):
        assert feature in answer.answer


def test_a_list_in_the_next_sentence_is_quoted_with_what_it_lists(engine):
    answer = engine.ask("what will the rural care unit look at?")
    lead = answer.answer.split("[1]")[0]
    assert "Rural Care Unit" in lead and "housing for nurses" in lead


def test_which_organisations_make_up_a_body_is_answered_by_the_names_in_a_row(engine):
    answer = engine.ask("Which organisations make up the Fellside Health Alliance?")
    first = answer.answer.split("[1]")[0]
    assert "Upland College" in first and "Tarn Valley Hospice" in first


def test_short_items_run_together_with_semicolons_are_a_list():
    assert _short_items("These include: low pay; long commutes; childcare for shift workers.")
    # clauses of one long sentence are not
    assert not _short_items(
        "We want to grow our own workforce to support the future of care in the county; "
        "provide an environment to support innovation, research and practice; and deliver "
        "training for the current and future workforce in a variety of settings."
    )


def test_which_issues_is_answered_by_items_run_together_with_semicolons(engine):
    answer = engine.ask("which issues will the new unit test new approaches on?")
    assert "low pay; long commutes" in answer.answer.split("[1]")[0]


def test_a_list_replaces_the_line_that_only_says_it_exists(engine):
    """The summary's line and the briefing's lead-in say the same; the answer quotes the
    one that goes on to list the benefits."""
    answer = engine.ask(
        "What benefits could a pharmacy gain from joining the heathland partnership?"
    )
    for benefit in ("apprentices", "delivery vans", "joint purchasing"):
        assert benefit in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "What could a village pharmacy gain from joining the heathland partnership?",
        "whats in it for a village pharmacy to join the heathland partnership?",
        "What advantages does the guide say a village pharmacy can gain from joining the "
        "heathland partnership?",
        "what could joining the heathland partnership help a village pharmacy to do?",
        # no word for the gain at all, and the scene set after
        "whats in it for us getting involved in the heathland partnership?? village "
        "pharmacy, trying to convince the owner its worth the time",
        # who "us" are in brackets, and the bullets wanted
        "whats in it for us (pharmacy) joining the heathland partnership?",
    ],
)
def test_what_someone_gains_is_answered_by_the_benefits_listed(engine, question):
    answer = engine.ask(question)
    for benefit in ("apprentices", "delivery vans", "joint purchasing"):
        assert benefit in answer.answer, question


# Text about ways and needs, which a question about what joining brings shares words with.
WAYS_AND_NEEDS = {
    "heath-briefing.md": DOCUMENTS["heath-briefing.md"],
    "ways.md": """# Village pharmacy ways of working

## Ways and needs

There are new ways for a village pharmacy to work with the heathland partnership, and
every village pharmacy board needs to set out its needs in a paper.

## Joining

A village pharmacy joining the heathland partnership can get help with joining in several
ways: from the village hall, from the partnership's website and from its monthly meetings.
""",
}


@pytest.mark.parametrize(
    "question",
    [
        # "in what ways" asks how, and "ways" names nothing
        "in what ways could joining the heathland partnership help a village pharmacy?",
        # the bullets wanted are the answer's shape, not a topic
        "shd our village pharmacy join the heathland partnership? whats in it for us - "
        "bullet points for the board",
    ],
)
def test_how_a_gain_is_asked_for_names_no_topic(tmp_path_factory, embedder, question):
    answer = engine_over(WAYS_AND_NEEDS, tmp_path_factory, embedder).ask(question)
    for benefit in ("apprentices", "delivery vans", "joint purchasing"):
        assert benefit in answer.answer, answer.answer


def test_what_something_commits_to_is_answered_by_the_list_of_its_elements(engine):
    answer = engine.ask("What does the Heathland Pact commit to doing?")
    for element in ("two new surgeries", "local nurses", "Sharing records"):
        assert element in answer.answer


def test_a_list_of_labelled_lines_counts_its_labels_as_items(engine):
    answer = engine.ask("what are the 5 areas where health shows up in the moorland plans?")
    lead = answer.answer.splitlines()[0]
    assert "Rural care:" in lead and "Village life:" in lead


def test_a_list_that_ends_with_a_full_stop_does_not_run_into_the_next(engine):
    answer = engine.ask("What are the benefits for boat owners of joining the harbour partnership?")
    assert "cheaper moorings" in answer.answer and "a say in harbour plans" in answer.answer
    assert "chaired by the harbour master" not in answer.answer


def test_a_title_after_bullets_that_names_what_is_listed_answers_with_them(engine):
    answer = engine.ask(
        "what makes a proper harbour partnership - its rules? heard someone chairs it, "
        "our boat club secretary wants to know"
    )
    assert "chaired by the harbour master" in answer.answer
    assert "reviewed each winter" in answer.answer


STRENGTHS = {
    "cornwall.md": """# Cornwall growth notes

## Health in Cornwall

“Cornwall has made great strides in health and care in recent years, including the Tamar
Centre for Remote Care, the Kernow Sensor Laboratories at the Truro Science Park, and a
new dental school.” The health and care workforce in Cornwall keeps growing.

“Health and care are big industries in Cornwall, and we should act like one.”
""",
    "dorset.md": """# Dorset growth notes

## Strengths

The review of Dorset sectors highlighted the county's key strengths in health as being:
Strong coastal research base; Expertise in marine sensors; Growing digital care firms.
""",
}


def test_a_list_question_about_a_place_lists_what_that_places_passages_name(
    tmp_path_factory, embedder
):
    engine = engine_over(STRENGTHS, tmp_path_factory, embedder)
    answer = engine.ask("cornwall LIS - what health stuff do they list as strengths?")
    lead = answer.answer.splitlines()[0]
    assert "Tamar Centre for Remote Care" in lead, answer.answer


def test_every_point_of_the_list_asked_for_is_quoted_without_its_examples(engine):
    answer = engine.ask("tidal challenge - what r the priorities under it?").answer
    for point in ("harbour walls", "older fleet", "tide data", "business models"):
        assert point in answer, point
    # what the list was not asked for keeps its examples: "forthcoming" stays with its point
    answer = engine.ask("when did the green paper on ports come out?")
    assert answer.mode == "no_answer" or "forthcoming green paper" in answer.answer


def test_a_list_asked_for_too_long_to_quote_whole_cuts_the_points_over_their_share(engine):
    """Every point is quoted; the one much longer than the rest loses its examples, and
    the short ones keep theirs."""
    answer = engine.ask("what are the valley river priorities?").answer
    listed = answer.split("[1]")[0]
    for point in ("river banks", "river wardens", "flood data", "farms to adapt"):
        assert point in listed, answer
    assert "Green Banks" not in listed, answer
    assert "Valley Wardens Strategy" in listed and "regional flood hubs" in listed, answer


@pytest.mark.parametrize(
    "question",
    [
        "helping the fishing fleet meet the needs of its older boats - what r the priorities?",
        "what are the ageing fishing fleet challenge priorities?",
    ],
)
def test_every_point_of_a_list_is_quoted_when_its_lead_in_names_it_a_sentence_on(engine, question):
    answer = engine.ask(question).answer
    for point in ("older boats", "ageing fleet", "catch data", "business models"):
        assert point in answer, point


NETWORK = {
    "guide.md": """# The moor guide

## Background

The moor guide was published in 2019 for every practice on the moors, and the moorland
network sent it to each practice manager.

• train your own nurses

• share the cost of delivery vans

• buy supplies together.

Joining the moorland network could help you

## Meetings

The moorland network meets every month in a village hall, and its members take turns to
host the meeting. At each meeting, members joining the moorland network get to:

• read the minutes of the last meeting

• agree the agenda for the next one

• choose who hosts it.

## Getting involved

Practices and NHS organisations should contact the moorland network's coordinator to
discuss how they can get involved in joining the network.
""",
}


@pytest.mark.parametrize(
    "question",
    [
        "what could joining the moorland network actually get us?",
        "whats in it for a practice to join the moorland network?",
        # what it brings them, not what they should do
        "How could joining the moorland network help an NHS organisation?",
    ],
)
def test_what_someone_gains_is_the_list_a_could_help_you_label_names(
    tmp_path_factory, embedder, question
):
    """The benefits are a list labelled "... could help you" after it, with no word for
    "benefits" anywhere near."""
    engine = engine_over(NETWORK, tmp_path_factory, embedder)
    answer = engine.ask(question).answer
    assert "share the cost of delivery vans" in answer.split("[1]")[0], answer


MOORLAND_STRENGTHS = {
    "review.md": """# The moorland review

## Evidence

The review of moorland sectors highlighted the region's key strengths in relation to rural
care as being:

• A strong base of rural practices in every market town and in most of the larger villages

• The ability to deliver research through the moorland universities, trusts and networks

• Expertise in remote monitoring of patients at home and in the analysis of their records

• The co-location of the national centre for rural care and the national centre for data

• An opportunity to develop a living laboratory for healthy ageing in the moorland villages

• Key manufacturing strengths include sterile packaging and continuous manufacturing lines

• Capability in the development of medicines, around small molecules and their packaging
""",
}


def test_the_list_asked_for_is_quoted_whole_when_its_lead_in_names_it(tmp_path_factory, embedder):
    """Cut at the usual length, the last strengths would be lost; the lead-in names the
    list the question asks for ("key strengths"), so it may take the room of a list answer."""
    engine = engine_over(MOORLAND_STRENGTHS, tmp_path_factory, embedder)
    answer = engine.ask("what key strengths did the review of moorland sectors identify?")
    assert "sterile packaging" in answer.answer and "small molecules" in answer.answer


def test_a_list_too_long_to_quote_whole_names_every_item(engine):
    """Each item keeps what it is, before its relative clause, rather than the list
    losing its last item."""
    answer = engine.ask("what did the fell partnership do on training?").answer
    for item in ("Fell Training Panel", "Fell Rescue apprenticeship", "Fell Nursing College"):
        assert item in answer, answer
    # asked about one item, the item is quoted whole, and not again, cut, in the list
    answer = engine.ask("how is the fell rescue apprenticeship programme funded?").answer
    assert "pooled funding from the fells' six district councils" in answer, answer
    assert answer.count("Fell Rescue apprenticeship") == 1, answer


def test_a_sentence_is_quoted_with_the_list_its_next_sentence_introduces_by_pointing_back(
    engine,
):
    """ "To continue driving progress towards this priority, X will:" lists what the
    sentence before it is about: the sentence, the lead-in and the items are one point."""
    answer = engine.ask("what is the harbour towns' priority for wooden boat repair?").answer
    point = next(line for line in answer.splitlines() if "growing centre" in line)
    assert "train new shipwrights" in point and "shared slipway" in point, answer


# A partnership's goals written as one long sentence of clauses between semicolons, too
# long to follow the two sentences before it in an answer.
HEATHSIDE_GOALS = {
    "heathside.md": """# Heathside partnership

## Health and the local economy

“Heathside council has established the Heathside partnership with Heathside ICS, Heathside
College and others to achieve a more strategic approach to securing a healthy future for the
people of the heath, working across every town and village on the heath with the councils,
the colleges, the hospital, the care homes and the many voluntary groups that support them.

“We want to grow our own heathside nursing workforce to support the future provision of
health and social care services across the heath; provide an environment that supports
innovation, research and outstanding professional practice in every heathside clinic and
care home; deliver undergraduate and postgraduate training for the current and future
workforce in a wide variety of settings, from primary care and community services to the
acute hospital, underpinned by existing and developing technology; and provide a model of
education that is practice based, exploring ways of students financing their study through
relevant and experimental employment with heathside employers.”
"""
}


def test_a_long_sentence_of_clauses_is_quoted_as_far_as_its_clauses_fit(tmp_path_factory, embedder):
    """Too long to follow the points before it, the goals sentence is not dropped: its
    first clauses are quoted, verbatim, and marked as cut."""
    engine = engine_over(HEATHSIDE_GOALS, tmp_path_factory, embedder)
    answer = engine.ask("what does the heathside partnership want to achieve for the workforce?")
    assert "grow our own heathside nursing workforce" in answer.answer, answer.answer
    quote = next(c.quote for c in answer.citations if "heathside nursing" in c.quote)
    assert "; …" in answer.answer and not quote.endswith(";"), quote
    assert " ".join(quote.split()) in " ".join(HEATHSIDE_GOALS["heathside.md"].split())


HARBOUR_HUBS = {
    "harbour.md": """# Harbour plan

## Harbour Hubs

The government will ensure every harbour business has access to a local Harbour Hub. Over
the last three years, Harbour Hubs have been tested in every coastal county.

## Harbour deal

Key elements of the Harbour Deal include: making the coast a global hub for boat repair;
supporting growth of harbour businesses; training harbour pilots; dredging the channels.
""",
}


def test_what_something_is_is_not_answered_by_a_list_that_only_shares_its_words(
    tmp_path_factory, embedder
):
    """ "What are Harbour Hubs and which businesses do they serve?" asks a list of what they
    are or do: the Harbour Deal's list holds "hub", "growth" and "businesses" apart, not
    the name."""
    engine = engine_over(HARBOUR_HUBS, tmp_path_factory, embedder)
    answer = engine.ask("What are Harbour Hubs and which businesses do they serve?")
    assert "access to a local Harbour Hub" in answer.answer.splitlines()[0], answer.answer


APPROACH_SLIDES = {
    "moorland-slides.md": """# Moorland plan engagement slides

## What are we doing already?

Key activities in the moorland plan include:

• Define strategic opportunities

• Shape delivery plans

Proposed approach to Visitor Health in the Moorland plan

Support commercialisation of moorland walking schemes in every market town and village

Further strengthen our leading position in rural clinical trials using the Moor Care Record

Development of a national centre for mountain rescue medicine in the moorland towns

Moorland to take lead on the Rural Ageing Challenge

Strengthen collaboration between:

• Moorland clinics and pharmacies

• Moorland and other upland regions

Next steps

Ongoing discussions with moorland advisory boards and other regional structures

Draft Moorland

Visitor plan
""",
}


@pytest.mark.parametrize(
    "question",
    [
        "What is the proposed approach to visitor health in the Moorland plan?",
        "whats the moorland plan proposing for visitor health? we're a trust up there",
    ],
)
def test_a_slide_title_that_names_the_question_is_quoted_with_its_points(
    tmp_path_factory, embedder, question
):
    """A slide's title line, not a sentence, names what is asked: the points under it
    answer, quoted with it as one list that ends where another list's lead-in starts."""
    engine = engine_over(APPROACH_SLIDES, tmp_path_factory, embedder)
    lead = engine.ask(question).answer.splitlines()[0]
    assert lead.startswith("Proposed approach to Visitor Health in the Moorland plan: "), lead
    for point in ("walking schemes", "rural clinical trials", "mountain rescue", "Rural Ageing"):
        assert point in lead
    assert "Strengthen collaboration between" not in lead


def test_a_flowcharts_wrapped_phrases_are_not_a_titles_points(tmp_path_factory, embedder):
    engine = engine_over(APPROACH_SLIDES, tmp_path_factory, embedder)
    answer = engine.ask("what are the ongoing discussions with moorland advisory boards?")
    assert "structures: Draft Moorland" not in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("sentence", "in_a_row"),
    [
        (
            "Deals exist in boat repair, fishing, offshore wind, the ferry sector and tourism.",
            True,
        ),
        ("Deals cover Fishing, Ferries and Tourism.", True),  # names, capitalised
        ("These include: low pay; in-work progression; diversity.", True),
        ("We met health, care and skills leads.", False),  # three in passing
        ("The LEP, which began in 2011, works with councils, colleges and the NHS.", False),
    ],
)
def test_things_named_in_a_row_are_a_list(sentence, in_a_row):
    assert _names_in_a_row(sentence) is in_a_row


def _three_long_points(lead_in: str) -> str:
    """A place's own list, as a briefing quotes its strategy: a lead-in, then three points
    too long to quote whole in an ordinary answer's room."""
    return f"""“{lead_in}

• supporting collaboration between the boatyards and the hospitals to support the running
of the integrated care system and the use of technology in the harbour offices, expanding
the capacity to support new boatyards from the Harbour Trust and the colleges

• using the county’s heritage as the birthplace of the lifeboat service to position the ports
as the “ferry tech test bed” with dedicated slipways for at scale boat testing and dedicated
marine engineering degree apprenticeship programmes

• as part of our proposed Healthy Harbour Programme, use the opportunities offered by housing
growth around the Old Quay and surrounds to test new ways of bringing care to people on the
islands and to advance the use of technology on the ferries for remote consultation.”
"""


def test_a_list_led_in_by_what_it_lists_in_the_singular_is_quoted_whole(tmp_path_factory, embedder):
    """ "What actions does the consultation propose?" over "“Action to grow Kingsbridge’s
    harbour will include:" and three long points: every point, as one, not the first two
    with the third left to compete with the rest of the documents."""
    engine = engine_over(
        {
            "kingsbridge.md": """# Harbour strategies

## Kingsbridge consultation

"""
            + _three_long_points("Action to grow Kingsbridge’s harbour will include:"),
        },
        tmp_path_factory,
        embedder,
    )
    answer = engine.ask(
        "What actions does the Kingsbridge consultation propose to grow the harbour?"
    ).answer
    listed = answer.split("[1]")[0]  # one point: the list with its lead-in
    assert "supporting collaboration" in listed
    assert "ferry tech test bed" in listed
    assert "Healthy Harbour Programme" in listed


def test_a_list_the_leading_paragraph_goes_on_into_follows_it(tmp_path_factory, embedder):
    """ "Evidence on what keeps ferry crews well remains mixed. Across a number of studies,
    factors reviewed included:" and the factors: asked what the evidence says, the factors
    come with the lead, not points from elsewhere that share its words."""
    engine = engine_over(
        {
            "crews.md": """# Ferry crews

## What the evidence tells us

Evidence on what keeps ferry crews well remains largely inconclusive. Across a number of
studies, factors reviewed included:

• shorter shifts compared to longer ones

• resting ashore compared to resting on board

• programmes for one harbour compared to programmes for all. However, programmes for one
harbour appear to do slightly worse than those that are harbour neutral

## Crew welfare

The harbour board gathers evidence that ferry crews are kept well paid and well trained.

Ferry crews are kept well looked after in the new ferry terminal, the evidence shows.

The ferry crews' union has evidence that pay keeps crews in the job.

Evidence from the ferry crews' doctors keeps showing crews are well.

What keeps ferry crews happy, the evidence says, is a well run timetable.
""",
        },
        tmp_path_factory,
        embedder,
    )
    answer = engine.ask(
        "what exactly does the evidence say about what keeps ferry crews well?"
    ).answer
    assert answer.startswith("Evidence on what keeps ferry crews well")
    assert "harbour neutral" in answer.split("[2]")[0]  # the factors, right after it


def test_what_a_named_places_strategy_will_do_is_quoted_as_one_list(tmp_path_factory, embedder):
    """Asked what Cornwall's strategy says, the list of what Cornwall will do ("Action to
    grow Cornwall’s ports will include:") is one point, every item of it, however long."""
    engine = engine_over(
        {
            "cornwall.md": """# Local strategies

## Cornwall consultation

"""
            + _three_long_points("Action to grow Cornwall’s ports will include:"),
        },
        tmp_path_factory,
        embedder,
    )
    answer = engine.ask(
        "trust in truro - what does the cornwall LIS say about our ICS and health? bullets pls"
    ).answer
    listed = answer.split("[1]")[0]
    assert "supporting collaboration" in listed
    assert "ferry tech test bed" in listed
    assert "Healthy Harbour Programme" in listed


def test_a_title_over_its_paragraph_is_not_a_list(tmp_path_factory, embedder):
    """ "Which anchors does the plan give as examples?" is answered by the sentence that
    gives them, not by a title and its paragraph ("“Giving the coast plan’s villages examples
    to follow:" / "“We aim ..."), which lists nothing though it is shown as one."""
    engine = engine_over(
        {
            "anchors.md": """# The coast plan

## Anchors

“Anchors are vital for jobs on the coast. The coast plan’s anchors may be ports in supply
chains (eg fishing in Brixham) or key sectors (boatbuilding in Dartmouth).”

## Villages

“Giving the coast plan’s villages examples to follow:

“We aim to keep shops, surgeries and schools open in every coastal village for good.”
""",
        },
        tmp_path_factory,
        embedder,
    )
    answer = engine.ask("which anchors does the coast plan give as examples?").answer
    assert "fishing" in answer.split("[1]")[0]


# A review's strengths, listed; and a sentence that says "good at" of other things.
GOOD_AT = {
    "review.md": """# The moorland review

## What the evidence tells us

The review of moorland sectors and assets highlighted the region's key strengths as being:

• Strong base of rural practices

• Expertise in telecare and remote monitoring

The review also identified a number of challenges including:

• Poor broadband in the uplands

• Few young people training as nurses

## Working together

The review found that the region is good at talking about working together, and that the
moorland review itself was good at bringing the region's partners to the table.
""",
}


def test_what_a_place_is_good_at_leads_with_the_list_its_lead_in_calls_strengths(
    tmp_path_factory, embedder
):
    """The answer's word for it ("strengths") names the list; the question's ("good at")
    only a sentence about something else."""
    engine = engine_over(GOOD_AT, tmp_path_factory, embedder)
    answer = engine.ask("what did the moorland review say the region is good at?")
    assert answer.answer.startswith("The review of moorland sectors and assets highlighted")


def test_whats_in_it_after_a_dash_asks_what_the_thing_named_before_holds(engine):
    """ "heath ICS looking at the heathland pact - whats actually in it?": "it" is the
    pact, whose list of elements answers, not news that mentions it."""
    answer = engine.ask("heath ICS looking at the heathland pact - whats actually in it?")
    for element in ("two new surgeries", "local nurses", "Sharing records"):
        assert element in answer.answer, answer.answer


# Two lists of what joining brings, one announced before its items and one boxed with its
# label after them, and many paragraphs on how to get involved, which share the question's
# words.
TWO_GAIN_LISTS = {
    f"involve-{n}.md": f"""# Getting involved {n}

## How to get involved

Boat owners can get involved in the harbour plan: the harbour office can help you get
involved, and explains the benefits for boat owners of getting involved early (note {n}).
"""
    for n in range(20)
}
TWO_GAIN_LISTS["guide.md"] = """# Harbour guide

## Background

The harbour plan was agreed in 2019 after a long consultation with every harbour user.

There are many benefits in engaging with it, including:

• cheaper winter moorings

• a shared crew pool

## The box

• faster hull repairs

• safer slipways

Influencing your harbour plan could help you
"""


def test_what_taking_part_brings_is_answered_by_every_list_of_its_benefits(
    tmp_path_factory, embedder
):
    engine = engine_over(TWO_GAIN_LISTS, tmp_path_factory, embedder)
    answer = engine.ask("whats actually in it for us boat owners if we get involved in the plan?")
    for benefit in ("cheaper winter moorings", "a shared crew pool", "faster hull repairs"):
        assert benefit in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("lead_in", "parts"),
    [
        ("Key elements of Life Sciences Sector Deal include:", True),  # parts of one deal
        ("Sector Deals (published to date - more planned)", False),  # the deals themselves
        ("Sector deals have been agreed in:", False),
        ("Key elements of the deals include:", True),
        # "of" in a sentence before the one that introduces the list says nothing of it
        ("Ageing boats – ‘we will meet the needs of its older boats’. Deals include:", False),
    ],
)
def test_a_list_of_the_parts_of_one_thing_does_not_list_such_things(lead_in, parts):
    """Asked which sector deals there are, "Key elements of X Sector Deal include: ..."
    lists what one deal is made of (it weighs less than a list of deals)."""
    candidate = SimpleNamespace(carries_list=True, lead_in=lead_in)
    assert lists_parts_of(candidate, terms("deals")[0]) is parts


def test_a_slides_list_goes_on_under_its_title_printed_again(tmp_path_factory, embedder):
    """A deck prints a list over two slides, the second under the first's title again:
    "Key elements of the Harbour Ferry Deal include:" three points, "What does the harbour
    strategy say about ferries?", then three more. Asked the key elements, every one is
    quoted, and not the next slide's title."""
    slides = """What does the harbour strategy say about ferries?

Harbour Ferry Deal
Key elements of Harbour Ferry Deal include:

Establishing the Ferry Research
Programme

Making the coast a global hub for
boat repair

Strengthening the coast's environment
for ferry trials

What does the harbour strategy say about ferries?

Encouraging harbour innovation and
collaboration

Improving the coast's ferry data
infrastructure

Improving the licensing environment

Ferries in the North Harbour

Ferries are one of four areas of strategic importance set out in the North Harbour plan.
"""
    engine = engine_over(
        {
            "ferries.txt": slides,
            "sources.yaml": "- file: ferries.txt\n  title: North Harbour ferries slides\n",
        },
        tmp_path_factory,
        embedder,
    )
    answer = engine.ask("What are the key elements of the Harbour Ferry Deal?").answer
    listed = answer.split("[1]")[0]
    for item in ("boat repair", "ferry trials", "harbour innovation", "licensing environment"):
        assert item in listed, answer
    assert "Ferries in the North Harbour" not in listed


def test_a_passage_that_opens_on_a_lists_items_is_read_with_the_chunk_of_its_label(
    tmp_path_factory, embedder
):
    """A slide's list runs past a chunk break: its label and first items in one chunk, the
    rest in the next. A question that finds only the second chunk (its items' words)
    brings the first, where the label says what the items are, right after it."""
    intro = " ".join(
        f"The harbour board met partners in {town} to talk about the coast's economy."
        for town in ("Thornby", "Moorby", "Fleetwick", "Saltby", "Kelham", "Brancaster")
        + ("Wells", "Holt", "Cley")
    )
    items = [
        *("Boat repair", "Ferry building", "Coastal tourism", "Fish processing"),
        *("Offshore wind", "Harbour logistics", "Marine science", "Sail making"),
        *("Dock engineering", "Port security", "Yacht chartering", "Net weaving"),
    ]
    slides = (
        f"Harbour strategy slides\n\n{intro}\n\nHarbour Deals (agreed to date - more planned)"
        "\n\n" + "\n\n".join(items) + "\n\nWhat will the harbour strategy do?\n\n"
        "It will set out how the coast grows.\n"
    )
    engine = engine_over(
        {
            "harbour.txt": slides,
            "ferries.md": "# Ferries\n\n## Timetables\n\nFerries leave the harbour hourly.\n",
            "sources.yaml": "- file: harbour.txt\n  title: Harbour strategy slides\n",
        },
        tmp_path_factory,
        embedder,
    )
    chunks = engine.store.all_chunks()
    other = next(c for c in chunks if "Ferries leave" in c.text)
    first, second = sorted((c for c in chunks if c is not other), key=lambda c: c.info.index)
    assert "Harbour Deals" in first.text and second.text.startswith("## Boat repair")
    found = engine.retriever.with_list_labels(
        [Passage(second, 1.0, 1), Passage(other, 0.5, 2)], "deal"
    )
    assert [p.chunk.id for p in found] == [second.id, first.id, other.id]
    # ... when it names what the question lists
    found = engine.retriever.with_list_labels(
        [Passage(second, 1.0, 1), Passage(other, 0.5, 2)], "member"
    )
    assert [p.chunk.id for p in found] == [second.id, other.id]
    # a passage that opens on prose brings nothing
    found = engine.retriever.with_list_labels(
        [Passage(first, 1.0, 1), Passage(other, 0.5, 2)], "deal"
    )
    assert [p.chunk.id for p in found] == [first.id, other.id]


STAGES = {
    "influence.md": """# Shaping the moorland plan

## Knowing how to influence

Practices should seek to engage the moorland board on the design of the moorland plan,
and the board welcomes practices that want to influence the plan.

There are three important stages in which to influence:

• Evidence gathering: the board will call for evidence on the moorland economy.

• Consulting: the plan will go through a formal consultation with local partners.

• Delivery: the plan is a long-term framework for delivery in the moorland towns.
""",
}


def test_asked_when_to_act_the_stages_of_the_work_answer(tmp_path_factory, embedder):
    """ "when/how shd we try to influence it?" asks at what stage, not for a date: the
    list of stages in which to influence answers, and the question is not refused for
    want of a date."""
    engine = engine_over(STAGES, tmp_path_factory, embedder)
    for question in (
        "havent engaged w the moorland plan yet - when/how shd we try to influence it?",
        "when should our practice try to influence the moorland plan?",
        # when the times to act are ("when r the key points to get involved?")
        "moor STP here. when r the key points to influence the moorland plan?",
    ):
        answer = engine.ask(question)
        assert answer.mode == "extractive", answer.answer
        assert "Evidence gathering" in answer.answer.split("[1]")[0], answer.answer


def test_how_to_get_started_doing_something_is_answered_by_the_stages_to_do_it(
    tmp_path_factory, embedder
):
    """ "how do we get started influencing it?" asks how to influence it: the stages in
    which to influence come before a point on something else."""
    tips = (
        "# Tips for practices\n\n## Getting started\n\nPractices getting started on the "
        "moorland plan should seek to engage their moorland board on its design.\n\nPractice "
        "estates plans should be aligned with the housing priorities in the moorland plan.\n\n"
        "Practices that influence the moorland plan get started by reading its priorities.\n\n"
        "The moorland board welcomes practices getting started with the plan.\n"
    )
    engine = engine_over({**LONG_STAGES, "tips.md": tips}, tmp_path_factory, embedder)
    answer = engine.ask(
        "practice here - how do we get started influencing the moorland plan, tips?"
    )
    stages = answer.answer.find("Evidence gathering")
    assert 0 <= stages < answer.answer.find("estates plans"), answer.answer


LONG_STAGES = {
    "influence.md": """# Shaping the moorland plan

## Knowing how to influence

Practices should seek to engage the moorland board on the design of the moorland plan.

There are three important stages in which to influence:

• Evidence gathering: moorland plans must recommend evidence-based priorities for investment
and funding. Every moorland board will be issuing calls for evidence, often through data sets,
research papers, surveys or strategies, that highlight the sectors likely to grow.

• Consulting: the plans will all go through a formal consultation process to seek the views
of a wide range of local public, private and third sector partners. It is highly likely
that local events will be held by the board to discuss the emerging priorities.

• Delivery: moorland plans are long-term frameworks for delivery in the selected local
priority areas. Practices can be partners in delivering them, through their workforce,
their estates and the services they buy from local suppliers.

## Getting to know your partners

Many of our traditional partners, such as councils and colleges, will be heavily involved in
the moorland plan. We recommend that you approach these partners privately with a view to
learning more about potential opportunities.
""",
    "exeter.md": """# Anchor employers

## CASE STUDY Heart of the South West anchor employers

Major local employers, such as the hospitals in Exeter and the dockyard in Plymouth,
contribute significantly to the scale and growth of local value across the moorland plan's
industries, and they can shape where the plan invests.
""",
}


def test_the_list_asked_for_stays_when_the_place_and_a_recommendation_join_it(
    tmp_path_factory, embedder
):
    """Asked for the stages by someone at a trust in a named place, the place's own point
    may lead and the briefing's recommendation may follow; neither pushes out the stages
    the question asks for, however much room they take."""
    engine = engine_over(LONG_STAGES, tmp_path_factory, embedder)
    question = (
        "what r the 3 stages where we can influence our plan? bullet points pls, trust in exeter"
    )
    answer = engine.ask(question).answer
    for stage in ("Evidence gathering", "Consulting", "Delivery"):
        assert stage in answer, answer
