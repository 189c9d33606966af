"""What something is or means: the sentence that says so answers, wherever it names it.
On a small knowledge base made here (not on any evaluation question)."""

from __future__ import annotations

import pytest

from bot.engine.compose import place_matters
from bot.engine.details import defines
from bot.engine.places import Gazetteer
from bot.engine.questions import definition_subject, purpose_subject
from tests.conftest import KNOWLEDGE, engine_over

DOCUMENTS: dict[str, str] = {}
DOCUMENTS["resilience.md"] = """# Moorland resilience

## Resilience on the moors

Every practice and every council on the moors cares about moorland resilience, and the
moorland partnership talks about moorland resilience at every meeting.

The partnership will develop approaches to moorland resilience, which will specifically
target flooding, isolation and the loss of services in small towns.
"""
DOCUMENTS["other.md"] = """# Moorland towns

## Towns

The moorland towns share buses, clinics and a market day, and their councils plan together.

## Anchors

The moorland plans present a tremendous opportunity for colleges and anchor moorland
institutions to shape the plans for the region.

Moorland practices are renowned as important local anchor institutions given their size,
workforce and buying power.
"""
# A slide: short lines without full stops, which cleaning takes for headings.
DOCUMENTS["slides.txt"] = """Moorland strengths

Strong base of rural practices in the moorland towns

Opening of the Moorland Centre for Rural Care (MCRC)

Moorland Data Institute (MDI) provides a major opportunity

Other slides on the moorland towns and their councils, their buses, clinics and market days,
and what the moorland towns plan together for the years to come.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory, embedder):
    return engine_over(DOCUMENTS, tmp_path_factory, embedder)


def test_what_something_means_is_answered_by_the_sentence_that_says_what_it_is(engine):
    answer = engine.ask("what does moorland resilience mean?")
    assert "flooding, isolation" in answer.answer.split("[1]")[0]


def test_what_initials_stand_for_is_answered_by_the_lines_that_spell_them_out(engine):
    answer = engine.ask(
        "wot do MCRC and MDI stand for? someone mentioned them in the moorland slides"
    )
    assert "Centre for Rural Care" in answer.answer
    assert "Moorland Data Institute" in answer.answer


def test_what_a_thing_is_is_answered_by_what_counts_as_one_and_why(engine):
    """ "Wats an anchor institution?": the sentence that says who are renowned as ones and
    why, not the one that uses both words about something else."""
    answer = engine.ask("wats an anchor institution and does it apply to our practice")
    assert "given their size" in answer.answer.split("[1]")[0]
    # asked of the word alone, the kind of thing it names may come between
    answer = engine.ask("ppl keep calling practices 'anchors' - what do they mean by that?")
    assert "given their size" in answer.answer.split("[1]")[0], answer.answer
    # what the word means when someone calls the asker's kind of body one
    answer = engine.ask(
        "what do ppl mean when they call practices an 'anchor institution' in moorland? why us"
    )
    assert "given their size" in answer.answer.split("[1]")[0], answer.answer


def test_how_something_is_defined_is_a_definition_question(engine):
    for question in (
        "how is moorland resilience defined?",
        "simple defn of moorland resilience pls",
    ):
        answer = engine.ask(question)
        assert "flooding, isolation" in answer.answer.split("[1]")[0], question


def test_the_sentence_that_says_what_it_is_leads_however_casually_asked(tmp_path_factory, embedder):
    reach = engine_over(
        {
            "reach.md": """# Rural reach

## What is rural reach?

Rural reach matters because it is a key driver of patients' health and of their
living standards in the villages.

Improving rural reach means more villages can be served with the given surgeries.

Rural reach measures how many villages lie within an hour's drive of a surgery, for
example the share of homes in a district within that hour.
""",
            "buses.md": """# Moorland buses

## Routes

The moorland bus serves the villages of the high moor on weekdays and market days.
""",
        },
        tmp_path_factory,
        embedder,
    )
    for question in (
        "what is rural reach?",
        "ok dumb q but what even is rural reach?? my chair keeps banging on about it",
    ):
        lead = reach.ask(question).answer.split("[1]")[0]
        assert "measures how many villages" in lead, question


def test_what_makes_something_one_says_what_it_is():
    subject = ["rural", "anchor"]
    assert defines("Practices are known as rural anchors given their size and reach.", subject)
    assert defines("Rural anchors such as practices and schools hold villages together.", subject)
    assert not defines("Every Tuesday the county council met the rural anchors.", subject)
    # "anchor" asked alone: "... anchor institutions given their size"
    assert defines("Practices are known as anchor institutions given their size.", ["anchor"])
    assert not defines("On Tuesday the county council met the anchor teams.", ["anchor"])


PANELS = {
    "panels.md": """# Harbour panels

## Harbour Advisory Panels

The councils will work with the ports across the coast to establish Harbour Advisory
Panels. These will enable ports and councils to agree which walls need repair first and how
repairs are paid for.

## Where the panels sit

Harbour advisory panels will be set up along the coast shortly and sit within the councils.
These panels will publish a yearly survey of the state of every harbour wall.

## Who sits on them

It is important that practices are represented on the harbour advisory panels being set
up in all coastal towns.
""",
}


@pytest.mark.parametrize(
    "question",
    ["what will harbour advisory panels do?", "whats the role of harbour advisory panels"],
)
def test_what_a_body_does_is_said_by_sentences_that_name_it_only_by_pointing_back(
    tmp_path_factory, embedder, question
):
    """ "These will enable ..." and "These panels will publish ..." say what the panels do,
    though only the sentence before names them."""
    answer = engine_over(PANELS, tmp_path_factory, embedder).ask(question).answer
    assert "agree which walls need repair" in answer
    assert "yearly survey" in answer


def test_a_sentence_that_names_its_subject_only_by_pointing_back_follows_the_one_naming_it(
    tmp_path_factory, embedder
):
    """ "These will enable ports ..." says what the panels do, but only after "... to
    establish Harbour Advisory Panels." says which panels "these" are."""
    answer = engine_over(PANELS, tmp_path_factory, embedder).ask(
        "harbour advisory panels - what are they for and should practices be on ours?"
    )
    lines = answer.answer.splitlines()
    naming = next(i for i, line in enumerate(lines) if "establish Harbour Advisory" in line)
    pointing = next(i for i, line in enumerate(lines) if "These will enable" in line)
    assert naming < pointing, answer.answer


def test_what_a_body_does_is_asked_after_what_sets_the_scene():
    """ "our STP wants a seat on the panel - what do SAPs actually do and ...": the clause
    after the dash asks what SAPs do, as it would opening the question."""
    clause = "our practice wants a seat on the harbour panel - what do HAPs actually do and "
    assert purpose_subject(clause, "") == ["hap"]
    assert purpose_subject("what do HAPs actually do and ", "") == ["hap"]
    assert purpose_subject("our practice wants to know what we do and ", "") is None


def test_the_role_of_something_is_what_it_does_not_sentences_about_roles(
    tmp_path_factory, embedder
):
    """ "What is the role of X?" asks what X does: the sentence that points back at X
    ("These will enable ...") answers, though a list naming a panel of another name
    shares more of the question's words."""
    documents = dict(PANELS)
    documents["roles.md"] = """# Harbour partnership

## Training on the coast

The harbour partnership will build on the strong record of joint working on training
between the harbour towns and government. This includes the Harbour Skills and Advisory
Panel, which brings colleges and employers together, and the Harbour Rescue programme.
"""
    answer = engine_over(documents, tmp_path_factory, embedder).ask(
        "What is the role of Harbour Advisory Panels?"
    )
    assert "agree which walls need repair" in answer.answer, answer.answer


def test_what_a_body_is_is_answered_beside_whether_to_join_it(tmp_path_factory, embedder):
    """Two things asked at once, the "what" typed short with its "'s": what a panel is,
    and whether to be on one. The sentence that says what the panels do answers the
    first, though advice to practices shares more of the question's words."""
    documents = dict(PANELS)
    documents["roles.md"] = """# Harbour partnership

## Training on the coast

The harbour partnership will build on the strong record of joint working on training
between the harbour towns and government. This includes the Harbour Skills and Advisory
Panel, which brings colleges and employers together, and the Harbour Rescue programme.

## Practices and the coast

Practices should use the harbour plans to engage their council in the alignment of local
training plans. Practices will be the largest employer in every harbour town.
"""
    answer = engine_over(documents, tmp_path_factory, embedder).ask(
        "wht's a harbour advisory panel & shd our practice be on ours?"
    )
    assert "agree which walls need repair" in answer.answer, answer.answer
    assert "practices are represented" in answer.answer, answer.answer


# What a term means, in general; and a region's review that uses the term throughout.
WHERE_ASKED = {
    "measures.md": """# Measuring services

## What is reach?

Reach measures how many households a service touches in a year, for example the share of
homes that a clinic sees.
""",
    "review.md": """# The North East reach review

## Reach in the North East

Partners in the North East will report on reach each year.
""",
}


def test_where_the_asker_is_does_not_steer_what_a_term_means(tmp_path_factory, embedder):
    """Gateshead is in the North East: the region's review uses the term, the general
    passage says what it means."""
    engine = engine_over(WHERE_ASKED, tmp_path_factory, embedder)
    answer = engine.ask("whats 'reach' actually mean? need a 1 liner for our board in gateshead")
    assert answer.answer.startswith("Reach measures how many households")


# What a term means, in general; and what a CCG's reach review says, using it throughout.
WHO_ASKS = {
    "measures.md": WHERE_ASKED["measures.md"],
    "ccg.md": """# Clinical commissioning groups and reach

## Reach for CCGs

Clinical commissioning groups (CCGs) are new to reach: every CCG will report on reach,
and NHS CCG boards will be asked about reach each year.
""",
}


def test_who_asks_does_not_steer_what_a_term_means(tmp_path_factory, embedder):
    """ "were NHS Moorside CCG" ("we're", typed short) says who asks, a body the documents
    never name: what reach means is the same for them, not what CCGs will do about it."""
    engine = engine_over(WHO_ASKS, tmp_path_factory, embedder)
    answer = engine.ask("whats reach exactly?? new to all this, were NHS Moorside CCG")
    assert answer.mode == "extractive", answer.answer
    assert answer.answer.startswith("Reach measures how many households"), answer.answer


def test_a_place_steers_a_definition_asked_beside_something_else_or_naming_it():
    places = Gazetteer.load(KNOWLEDGE / "gazetteer.yaml")
    assert not place_matters("whats 'reach' mean?? need a 1 liner in gateshead", places)
    assert place_matters("what is the North East LIS?", places)
    # nor where the asker is, tagged in a bracket opening the message
    assert not place_matters("(STP in Sunderland) a plain english definition of reach?", places)
    # ... though it says whose office-holder a "who's the ..." asks for
    assert place_matters("im at lincoln county hospital, who's the LEP health lead?", places)
    assert place_matters("whos the health person on the lincs LEP and whats their day job?", places)
    # nor the place that names the document it is asked of
    assert not place_matters(
        "whats reach actually mean in the North East slides? explaining it to our board in durham",
        places,
    )


def test_who_asks_opening_the_question_does_not_hide_that_it_asks_what_a_term_means(
    tmp_path_factory, embedder
):
    """ "Moorside CCG here - whats reach?": the opening only says who asks; what follows
    asks what reach means, and the sentence that says so leads, not what CCGs will do."""
    engine = engine_over(WHO_ASKS, tmp_path_factory, embedder)
    answer = engine.ask("Moorside clinical commissioning group here - whats reach?")
    assert answer.mode == "extractive", answer.answer
    assert answer.answer.startswith("Reach measures how many households"), answer.answer


def test_why_something_counts_as_one_is_answered_by_the_sentence_giving_the_reason(
    tmp_path_factory, embedder
):
    """The sentence that says why ("... given their size, workforce and buying power")
    leads, not the one that shares more of the question's words."""
    engine = engine_over(DOCUMENTS, tmp_path_factory, embedder)
    answer = engine.ask(
        "Why are moorland practices regarded as anchor institutions in the moorland plans?"
    )
    assert answer.answer.startswith("Moorland practices are renowned"), answer.answer


def test_what_a_term_means_asked_after_the_document_that_keeps_using_it(tmp_path_factory, embedder):
    """ "the slides say reach a lot - whats the actual defn?": the term the document says,
    not the document, is what is defined ("defn" typed short for "definition")."""
    engine = engine_over(WHERE_ASKED, tmp_path_factory, embedder)
    answer = engine.ask(
        "harbour slides say reach a lot - whats the actual defn? simple version pls"
    )
    assert answer.answer.startswith("Reach measures how many households"), answer.answer


def test_what_a_thing_is_doing_is_not_what_it_is():
    assert definition_subject("what is the harbour LEP doing with us on the plan?") is None
    assert definition_subject("moor STP here - whats the moor LIS proposing on health?") is None
    assert definition_subject("whats the harbour fund putting in its plan?") is None
    assert definition_subject("what is the harbour funding?") == ["harbour", "fund"]


def test_what_something_is_goes_on_to_the_sentences_that_say_more_of_it(tmp_path_factory, embedder):
    """ "What is a harbour plan?": the sentence that says what one is, and the sentences
    that go on about it by pointing back ("Importantly, they will ...", "Led by harbour
    boards, these plans will ..."), which name it only as "they" or "these plans"; not
    one whose "it" points at nothing ("It is expected that ...")."""
    engine = engine_over(
        {
            "plans.md": """# Harbour plans

## Harbour plans

The Coast Strategy invited every harbour town to write its own harbour plan. Led by
harbour boards, these plans will bring together ferry firms, councils and clinics to agree
local priorities.

Harbour plans are intended to be long-term, shared and evidence-based. Importantly, they
will guide the use of the winter ferry fund and any spending from the coast office.

## Harbour towns

Every harbour town has a harbour plan on its website. It is expected that harbour towns
will meet twice a year. Harbour plans feature in most council meetings.
""",
        },
        tmp_path_factory,
        embedder,
    )
    answer = engine.ask("quick defn pls - what actually is a harbour plan?").answer
    assert "intended to be long-term" in answer, answer
    assert "Importantly, they will guide the use of the winter ferry fund" in answer, answer
    assert "Led by harbour boards, these plans" in answer, answer


def test_points_that_share_only_the_name_asked_are_no_repeats(tmp_path_factory, embedder):
    """ "whats a harbour hub": every point on harbour hubs names them; a short one ("The
    board will ensure all businesses have access to a local Harbour Hub.") says its own
    thing, not again what a longer one said, however many of its few words are the name."""
    engine = engine_over(
        {
            "hubs.md": """# The harbour plan

## Harbour Hubs

The board will ensure all businesses have access to a local Harbour Hub. Over the last
three years, the board has established and tested Harbour Hubs in every Local Harbour
Partnership area in Moorland.

The board wants Harbour Hubs to carry on building their reach, developing peer-to-peer
networks, connecting businesses to the best support available from the private and public
sectors. The board will build on this programme, providing continued funding to enable
Harbour Hubs to bring public and private sector partners together, such as the Ferry Bank,
investors and universities.

The board will work with Local Harbour Partnerships, Harbour Hubs, universities and the
private sector to support high potential businesses to scale up.
""",
            "ferries.md": """# Ferry deals

## Key elements

Making the moor a global hub for ferry building.

Making the moor a hub for clinics at sea.
""",
        },
        tmp_path_factory,
        embedder,
    )
    answer = engine.ask("whats a harbour hub").answer
    assert "all businesses have access to a local Harbour Hub" in answer, answer


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        # an opener with no dash before the question
        ("quick q how do these docs define resilience?? asked at every meeting", ["resili"]),
        # what it is, and then why something counts as one, where "reckon" asks the second
        (
            "whats an 'anchor institution' and why does the board reckon practices are one?",
            ["anchor", "institut"],
        ),
        (
            "moor CCG - whats an anchor institution & why do they reckon we're one?",
            ["anchor", "institut"],
        ),
        # after an opener and a dash
        ("quick q - whats a 'harbour hub' and why are practices one", ["harbour", "hub"]),
        # after an aside that apologises for asking
        ("bit of a basic one sorry - what actually is a harbour hub?", ["harbour", "hub"]),
        # who someone is, asked beside what they said: their words, not a definition
        ("who's jane moor and what did she say abt the plan?", None),
        # what a document says is still no definition
        ("whats the moor plan say and what does it mean for us", None),
        # whose definition is asked for is no part of the term
        ("what is resilience according to the moorland engagement pack?", ["resili"]),
        ("how does the moorland local plan engagement pack define resilience?", ["resili"]),
    ],
)
def test_what_a_term_means_asked_casually_or_beside_why(question, subject):
    assert definition_subject(question) == subject
