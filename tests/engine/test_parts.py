"""A question that asks two things gets an answer to each: the clause that asks less (in
words) is not crowded out by sentences about the clause that asks more. On a small
knowledge base made here."""

from __future__ import annotations

import pytest

from tests.conftest import engine_over

DOCUMENTS = {
    "bus.md": """# The moorland bus

## Routes

The moorland bus serves the villages of the high moor on weekdays.
The moorland bus serves the villages of the river valley on Saturdays.
The moorland bus serves the market town villages on market days.
Villages on the moorland bus routes have a stop within a mile of every house.
The moorland bus timetable lists the villages it serves and the times it calls there.
New villages join the moorland bus routes when their parish council asks.
""",
    "winter.md": """# Winter on the moors

## Roads

The county council pays for the winter gritting of the moorland roads, from its highways
budget.
""",
    "reach.md": """# Rural reach

## Why it matters

Rural reach matters because practices that reach more villages keep patients out of
hospital. Rural reach matters to the councils, who plan roads and buses around it. Rural
reach matters to patients, who would rather be seen near home. Rural reach matters to
nurses, who spend their days on the road. Rural reach has fallen on the high moor as
surgeries closed. Improving rural reach is the partnership's first aim, and why it matters
is set out in the partnership's plan.

## Measuring it

Rural reach, usually measured by the villages within an hour's drive of a surgery, is
reported each spring.
""",
    "town-plans.md": """# Town plans

## Agreeing the plans

Every market town on the moors is writing a town plan with its practices, all of them to
be finished by March 2020. The first of these plans will be finished by March 2019.

## The programme

The town plan programme is a delivery plan extending to 2030 that gives every practice a
say in the plan for its town.
""",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory, embedder):
    return engine_over(DOCUMENTS, tmp_path_factory, embedder)


def test_each_part_of_a_two_part_question_is_answered(engine):
    answer = engine.ask(
        "Which villages does the moorland bus serve on weekdays and Saturdays, and who "
        "pays for gritting?"
    )
    assert answer.mode == "extractive"
    assert "villages of the high moor" in answer.answer
    assert "county council pays for the winter gritting" in answer.answer


def test_a_part_asking_what_something_is_gets_the_sentence_that_says_it(engine):
    answer = engine.ask("How is rural reach defined, and why does it matter?")
    assert "usually measured by the villages within an hour" in answer.answer
    assert "Rural reach matters because" in answer.answer


SPEAKERS = {
    "harbour.md": """# The harbour plan

## Case study: the harbour partnership

“The harbour towns have long known that poor housing keeps people out of work. We are now
ready to tackle it together with the councils.”
Jane Doe, Director, Harbour Health Partnership

The harbour plan was agreed by the councils in 2019 after a long consultation.

## Work

Work on the harbour plan is led by the councils, who hold its budget and meet each month.
The harbour plan looks back on ten years of growth in the harbour towns.
""",
}


def test_what_a_person_says_is_the_quotation_their_name_line_signs(tmp_path_factory, embedder):
    """The name line under a quotation says who said it: asked who someone is and what
    they say holds something back, the answer quotes their words, not the sentences that
    share the question's words ("hold its budget", "looks back")."""
    engine = engine_over(SPEAKERS, tmp_path_factory, embedder)
    answer = engine.ask("who is jane doe and what does she say is holding the harbour back?")
    assert "Jane Doe, Director" in answer.answer
    assert "poor housing keeps people out of work" in answer.answer


PARTNERS = {
    "care.md": """# Harbour care

## Partners

“The harbour plan is a real chance for the harbour's universities and hospitals to help
shape a plan that brings benefits to the harbour towns. Harbour Care Partners – which
brings together Harbour University, Harbour Hospitals NHS Foundation Trust, Harbour
Community Health NHS Trust and the Harbour Ambulance Service – has worked closely with the
harbour councils to make sure that our health and care offer draws on what each partner
does well, and that it is used in a way that brings real benefits to the harbour towns
and their people in the years to come, as the harbour plan is put into practice.”

## Working with partners

“To support the harbour plan, the councils will work in partnership with the harbour
towns and their care partners to: support a locally led harbour care commission that
brings care partners together; continue to support the harbour towns' offer to investors
in care technology with national government and its partners across the harbour; help
the harbour's care partners bid together for national funds for care technology.”
""",
}


def test_what_something_is_leads_when_too_long_to_follow_the_lead(tmp_path_factory, embedder):
    """Asked what a partnership is and who is in it, the sentence that says what it
    is ("... Partners - which brings together ...") answers, even when it is too long to
    follow a lead that only shares the question's words ("work in partnership")."""
    engine = engine_over(PARTNERS, tmp_path_factory, embedder)
    answer = engine.ask("whats harbour care partners? who's actually in it")
    lead = answer.answer.split("[1]")[0]
    assert "Harbour Care Partners – which brings together Harbour University" in lead


def test_a_date_asked_of_the_ones_the_sentence_before_names_is_theirs(engine):
    question = (
        "quick one - whats the deadline for town plans to be finished? and when were the 1st "
        "ones due"
    )
    answer = engine.ask(question)
    assert "March 2019" in answer.answer


def test_a_date_asked_of_what_it_points_back_to_is_its_date(engine):
    question = "what will the town plan programme give practices? and what year does it run to"
    assert "2030" in engine.ask(question).answer


def test_what_a_plan_is_meant_to_be_and_how_far_ahead_it_goes_is_its_plan_and_end(engine):
    question = "whats the town plan programme actually meant to be and how far ahead does it go?"
    assert "delivery plan extending to 2030" in engine.ask(question).answer


# A long sentence answers the first part, another in another document the second:
# together longer than an answer to one question.
LONG_AND_SHORT = {
    "ferries.md": """# Island ferries

## Crossings

"""
    + "The island ferry crossing to the island runs "
    + "; ".join(
        f"{times} times a day in summer from {port}, where the crossing takes about {minutes} "
        "minutes in calm weather"
        for port, times, minutes in [
            ("Northport", "six", "forty"),
            ("Southport", "five", "fifty"),
            ("Westhaven", "four", "thirty"),
            ("Eastbay", "three", "twenty"),
            ("Oldquay", "two", "sixty"),
            ("Newhaven", "one", "ninety"),
        ]
    )
    + ".\n",
    "fares.md": """# Island fares

## Patients

Patients travelling to the island hospital for treatment pay no fare: they ride free with an
appointment letter from the hospital, and a carer or a relative may travel with them at half
fare on the same crossing, provided they book the return crossing at the harbour office.
""",
}


def test_each_thing_asked_has_room_though_the_first_is_answered_at_length(
    tmp_path_factory, embedder
):
    engine = engine_over(LONG_AND_SHORT, tmp_path_factory, embedder)
    answer = engine.ask(
        "how many times a day does the island ferry crossing run in summer, and do "
        "patients going to the island hospital pay a fare?"
    ).answer
    assert "ride free with an appointment" in answer
    assert "six times a day in summer from Northport" in answer


REASONS = {
    "panels.md": """# Harbour panels

## Panels

Harbour panels will plan the training of boat crews for each harbour town.

It is important that trusts are represented on the harbour panels. Trusts employ more boat
crews than anyone else on the coast, yet their needs are seldom heard.
""",
    "news.md": """# Harbour news

## Crews

Boat crews on the coast train at the harbour college every winter. The harbour panels meet
in the harbour hall on the first Monday of the month, and trusts may send observers.
""",
}


def test_why_is_answered_by_the_reason_that_follows_the_point(tmp_path_factory, embedder):
    engine = engine_over(REASONS, tmp_path_factory, embedder)
    answer = engine.ask(
        "What are harbour panels for, and why should trusts be represented on them?"
    ).answer
    assert "It is important that trusts are represented" in answer
    assert "Trusts employ more boat crews than anyone else" in answer


PANELS = {
    "panels.md": """# Skills on the moor

## Skills panels

The county will work with the district councils across the moor to establish Moorland
Skills Panels. These panels will produce an analysis of the supply and demand for nursing
and care skills on the moor.

## Taking part

While skills funding on the moor is patchy, it is important that GP practices are
represented on the moorland skills panels being set up in every district. Our practices
on the moor will be following the changes to the moorland panels and boards closely, with
more councils and colleges joining them each year and more of the practice workforce
trained on the moor. Practices on the moor should also take part in the county's
apprenticeship fairs for practice staff each spring, where colleges, councils and
employers meet the young people of the moor. Practices on the moor should share their
workforce plans with the councils each year, so that the moor's colleges train the
nurses, receptionists and practice managers that practices will need.
""",
}


def test_what_something_is_can_be_said_by_a_sentence_pointing_back_at_it(
    tmp_path_factory, embedder
):
    """ "These panels will produce ..." after "... to establish Moorland Skills Panels."
    says what the panels are, for the part that asks it."""
    engine = engine_over(PANELS, tmp_path_factory, embedder)
    answer = engine.ask("what r moorland skills panels and should our practice be on one?")
    assert "supply and demand for nursing" in answer.answer, answer.answer
    assert "represented on the moorland skills panels" in answer.answer, answer.answer
    # asked what they will do, beside whether practices should be on them: the sentence
    # that says so takes the place of weaker points, however many must make room
    answer = engine.ask(
        "What will Moorland Skills Panels do, and should GP practices be represented on them?"
    )
    assert "supply and demand for nursing" in answer.answer, answer.answer
    assert "represented on the moorland skills panels" in answer.answer, answer.answer


MOOR_PANELS = """# Panels on the moor

## Taking part

While skills funding on the moor is patchy, it is important that GP practices are
represented on the moorland skills panels being set up in every district. They employ
more people than anyone else here, yet their needs are not widely understood. GP practices
across the moorland towns run skills sessions for pharmacy, nursing and reception staff
every spring. The moorland panels publish their minutes, and GP practices can read what
the skills panels decided each quarter. Representatives of moorland GP practices met the
county's education officers to plan new apprenticeships. Skills funding for GP practices
on the moor comes from the county council and the health board in equal parts. The panels
will also hear from colleges, employers, charities and the moorland bus company about
skills needs.
"""


def test_why_alone_gets_its_reason_though_other_points_must_make_room(tmp_path_factory, embedder):
    """The reason follows the point it explains; asked only why, the answer keeps it and
    drops the weakest other points rather than the reason."""
    engine = engine_over({"moor-panels.md": MOOR_PANELS}, tmp_path_factory, embedder)
    answer = engine.ask("Why should GP practices be represented on moorland skills panels?")
    assert "represented on the moorland skills panels" in answer.answer, answer.answer
    assert "not widely understood" in answer.answer, answer.answer


def test_why_among_other_things_asked_gets_its_reason_in_the_weakest_points_place(
    tmp_path_factory, embedder
):
    documents = {
        "moor-panels.md": MOOR_PANELS,
        "about.md": "# Moorland skills panels\n\n## What they are\n\nMoorland skills panels "
        "are boards of councils, colleges and employers that plan the training each district "
        "needs. The panels will be set up in every district by the county council.\n",
    }
    engine = engine_over(documents, tmp_path_factory, embedder)
    answer = engine.ask(
        "What are moorland skills panels, and why should GP practices be represented on them?"
    )
    assert "represented on the moorland skills panels" in answer.answer, answer.answer
    assert "not widely understood" in answer.answer, answer.answer


# A term of one word, defined once, among many passages on why it matters to plans.
ONE_WORD_TERM = {
    f"plans-{n}.md": f"""# Moorland plans {n}

## Why it matters

Footfall is considered important for every moorland plan, and each moorland plan says
why footfall is important to it (plan {n}).
"""
    for n in range(12)
}
ONE_WORD_TERM["terms.md"] = """# Terms

## Measures

Footfall, usually counted as the visitors passing a shop in a day, drives town income.
"""


def test_a_one_word_term_asked_to_be_defined_in_a_first_part_gets_its_definition(
    tmp_path_factory, embedder
):
    engine = engine_over(ONE_WORD_TERM, tmp_path_factory, embedder)
    answer = engine.ask(
        "How is footfall defined, and why is it considered important for moorland plans?"
    )
    assert "usually counted as the visitors passing a shop" in answer.answer, answer.answer


def test_who_holds_an_office_is_named_though_a_point_names_the_office_in_the_same_words(
    tmp_path_factory, embedder
):
    """ "Jane Roe, Head of Harbour Partnerships, Moorland Trust" shares most of its words
    with "The Moorland Trust, through its Head of Harbour Partnerships, is ...": the
    signature still answers who holds the office."""
    documents = {
        "help.md": "# How we are helping\n\n## Our work\n\nThe Moorland Trust, through its Head "
        "of Harbour Partnerships, is supporting several harbours to shape their plans. Our "
        "Head of Harbour Partnerships sits on the panel of some plans.\n",
        "briefing.md": "# Harbour briefing\n\n## Harbour plans\n\nHarbour plans set out how the "
        "coast will grow.\n\n## Contact\n\n"
        "Jane Roe, Head of Harbour Partnerships, Moorland Trust\n",
    }
    engine = engine_over(documents, tmp_path_factory, embedder)
    answer = engine.ask(
        "Who is the Moorland Trust's Head of Harbour Partnerships, and what does the trust do "
        "to help harbours?"
    ).answer
    assert "Jane Roe" in answer and "supporting several harbours" in answer, answer
