"""What the question asks for decides the answer: the thing a list question lists, a
count that is a number of people (not their ages), a value in money, a "when" typed as
"whens". Each on a small knowledge base made here (not on any evaluation question)."""

from __future__ import annotations

import pytest

from bot.engine.answerable import _named_as_a_place, text_with_quotation
from bot.engine.retrieval import Passage
from ingest.store import StoredChunk
from tests.conftest import engine_over

DOCUMENTS: dict[str, str] = {}

# The review's strengths and its challenges on two slides: the question's other words
# ("review of moorland sectors, skills and assets") fit the strengths slide better.
DOCUMENTS["review.md"] = """# Moorland review

## What the evidence tells us

The review of moorland sectors, skills and assets highlighted the moors' key strengths
in relation to rural health as being: a strong base of rural practices; a long record of
research with the moorland universities; skills in remote monitoring of patients.

## Commissioned work

Commissioned review of moorland sectors, skills and assets that can support better rural
health services across the moors, with the moorland universities.

## Reviewing the evidence

The moorland board reviewed the evidence on moorland sectors, skills and assets with
partners; the review of moorland sectors, skills and assets was published in spring.

## Using the review

Partners used the review of moorland sectors, skills and assets to find where rural
health services could grow, and asked the moorland universities to help.

## What the evidence tells us next

The review also identified a number of challenges including:

Too few nurses willing to work in the smallest villages

Long journeys for patients without a car

Old surgery buildings that cannot be extended
"""

# A PDF's box, extracted with its title after its points and before the next heading.
DOCUMENTS["partnership.txt"] = """Moorland partnership

Background
The moorland partnership was set up by the councils and the health service in 2018, after
two winters in which rural clinics closed for weeks at a time because no nurse could reach
them. Its founders wanted the councils' planners and the practices' managers to sit at one
table, to share what each knew about the villages, their roads and their people, and to
agree a plan that would last longer than one winter. The first meetings were held in the
village halls of the moors, and every practice on the moors sent someone to at least one.
The partnership has since written a plan for each market town and its villages.

• recruit and keep rural nurses
• share buildings between services
• plan transport to clinics together

Joining the moorland partnership could help you

Who leads the partnership
The councils take turns to chair the partnership board, each for two years, and the chair
sets the agenda of the board's meetings, which are held in public in a market town. The
practices send two members to the board, chosen by the practices' managers each spring,
and the ambulance service and the moorland universities send one each. The board reports
each year to every council and to the health service on what the partnership has done.
"""

DOCUMENTS["jobs.md"] = """# Moorland jobs

## Targets

Close the gap in the employment rate for people aged 16-64 on the moors by 2024.

Raise the share of moorland health workers trained locally.

60% of all jobs created
between 2014 and 2024
will be rural jobs

Increase the number of
jobs by 5,000 by 2024
"""

DOCUMENTS["projects.md"] = """# Moorland projects

## European projects

The moorland practices have taken part in European projects worth many millions of
pounds, working with partners in three countries.
"""

DOCUMENTS["seas.md"] = """# The Moorland Strategy

## Funds

Harbour towns have asked for help with their beaches for years. A new clean seas fund
will provide £20 million for harbour towns to clean their beaches.
Beaches are one of many places the Moorland Strategy looks after.
In May 2019 the seas off the moors were cleaned with funds from the councils.
"""

DOCUMENTS["voices.md"] = """# Voices from the moors

## Case study

“Our universities are working with practices across the moors to train the staff they need.”

Tomas Penrose, Executive Director, Moorland Universities and Chair, Moorland Skills Board
"""
DOCUMENTS["sources.yaml"] = (
    "- file: voices.md\n  title: Voices from the moors\n  published: 2019-06\n"
)

DOCUMENTS["plan-review.md"] = """# The moorland plan: a review

## The plan

The moorland plan was published by the councils in 2018 and sets out rural transport and
housing priorities for the moors and their market towns.

## What was missing

It is also important to focus on what did not feature in the moorland plan. Rural
transport for patients has been argued for by practices for years, yet is conspicuous by
its absence.
"""

DOCUMENTS["plans.md"] = """# Moorland plans

## Publication

The moorland plan was published in May 2019 by the moorland board.

The moorland board meets twice a year to review the plan.
"""


# The benefits, listed; and sentences that share the words of a question's preamble.
DOCUMENTS["engaging.md"] = """# Engaging with the moorland plan

## Why engage

There are many benefits for practices in engaging with the moorland plan, including:

• shared nurses for the smallest villages

• transport for patients without a car

## Time and money

Practices with a deficit to manage say executive time is scarce.
"""


DOCUMENTS["reach.md"] = """# Measuring the moors

## What is rural reach?

Rural reach measures how many villages a practice can serve within an hour's drive.
"""
DOCUMENTS["managers.md"] = """# Practice managers and the partnership

## Keeping GPs informed

Practice managers keep forwarding the moorland partnership's papers to every GP, and the
partnership's board sends newcomers a total guide to its work.

## Newcomers

Every GP new to the moors gets the partnership's stuff from the practice manager, who keeps
a folder of what the board has sent.
"""

# A slide of headings only: a passage with no sentence to quote.
DOCUMENTS["timeline.md"] = """# Moorland plan timeline

## Moorland plan published

## Moorland plan consultation

## Moorland plan review

Find out more about the moorland plan timeline on the moorland board website.
"""

DOCUMENTS["levy.md"] = """# Moorland levy

## Transfers

From April 2020 practices paying the moorland levy can pass 10 per cent of their funds to a
neighbouring practice.
"""

DOCUMENTS["governance.md"] = """# Moorland plan governance

## Advisory

Advisory: the councils; the practices; the moorland universities; the plan's working group.

## Decision making

Agreed by the Moorland Board and the Bishop of Moorland
"""

DOCUMENTS["fellside.md"] = """# The Fellside Trust

## Size

As an employer of 9,000 people, the Fellside Trust is the largest employer in the fells.

## Money

Accounting for annual expenditure of £700 million, the Fellside Trust shapes the fells.
"""

# Where the fells' trusts spend their time: the words of a spending question, no amount.
DOCUMENTS["fell_rounds.md"] = """# Fell rounds

## Time

Fell trusts spend the spring on rounds, and the Fellside Trust spends its winters on plans.
"""

# People of the contacts directory (knowledge/contacts.yaml), one with an address here.
DOCUMENTS["launch.md"] = """# Moorland launch

## Speakers

Dean Fathers spoke at the launch of the Moorland Health Board in the spring.

Write to the board at board@moorland.example.org.

Warren Heppolette, who led the launch, gives his email address as warren.h@moorland.example.org.
"""

# A strategy's figure, and a programme of the strategy with none.
DOCUMENTS["harbours.md"] = """# Harbour renewal

## Clinics and harbours

The Moorland Strategy commits £5 million to rural clinics. The Moorland Strategy 'Harbour
Renewal' programme will help harbour towns repair their walls.
"""

# A panel that will report (written before it had), and a board that has reported.
DOCUMENTS["panels.md"] = """# Moorland panels

## Oversight

An independent Moorland Review Panel will assess progress on the moorland plan and make
recommendations to the councils each year.

Practices look to the forthcoming rail plan for the moors (to be published by summer 2020)
to bring patients to clinics by train. The councils are working with the practices to
explore new approaches including a pilot ferry service for Lundy.

The councils will set up a Moorland Forum of Practice Managers. This will give managers a
voice in the plan. The first meeting was held on Tuesday 4th June.

The Bishop of Moorland chairs a Moorland Panel of Practice Leads, which meets twice a year.

There is a further commitment to practices, with the councils chairing a twice-yearly
Council of GP Leads. The council first met on Tuesday 2nd July.

## Findings

The Moorland Transport Board found in its first report that half the villages have no bus
to a clinic on a weekday morning.
"""


DOCUMENTS["fleet.md"] = """# Moorland fleet

## Clean vehicles

Moving from diesel to electric vehicles, including a commitment that 25 per cent of all
vans in the moorland council fleet are electric by 2022.
"""

DOCUMENTS["winter.md"] = """# Winter rotas

## Agreeing the rotas

Every moorland practice is in the process of writing a winter rota, to be agreed with the
moorland board by March 2020.
"""

# A signature naming a place inside another body's name ("Nottinghamshire Healthcare").
DOCUMENTS["chairs.md"] = """# Moorland chairs

## Case study

“The moors need their practices to work together.”

Jane Roe, Chair, Nottinghamshire Healthcare NHS Trust and Chair, Greater Lincolnshire Local
Enterprise Partnership Moorland Board
"""

# A body named by the initials the glossary knows ("LGA"), where people spell them out.
DOCUMENTS["forum.md"] = """# Moorland voices

## Quotes

“Councils want practices at the table when the moorland plan is written.”

Cllr Ann Heath, Chairman of the LGA Moorland Forum
"""

# What someone's office does, and the contact list that names her: her name line is
# not what she does.
DOCUMENTS["touch.txt"] = """Getting in touch

Our Head of Moorland Partnerships is on the expert panel of some moorland plans, has
directly facilitated local partnerships and advised practices on their priorities.

For more information on the partnerships, please contact:

Jane Doe, Head of Moorland Partnerships, Moorland Confederation

Email jane.doe@moorland.example.org
"""


# Two areas' documents: asked about one, the other's list is no answer.
DOCUMENTS["north-east.md"] = """# North East moorland plan

## Activities

Key activities identified in the North East plan include: defining rural health strengths;
shaping rural health delivery plans; listing rural health opportunities.
"""

DOCUMENTS["lincs.md"] = """# Lincolnshire moorland case study

## Case study

Greater Lincolnshire has made huge developments in rural health and care, including the
National Centre for Moorland Health.
"""


# A slide's line after a list that has its own lead-in: the next slide's title, not the
# list's label.
DOCUMENTS["approach.txt"] = """What are we doing already?

Key activities in the fellside plan to be delivered by 2021 include:
Define and communicate fellside opportunities
Shape and coordinate fellside delivery plans
Identify fellside challenges and support needs

Proposed approach to rural care and community health in the fellside plan

Support the growth of fellside rural care with new community hospitals in the market
towns and more nurses for the smallest villages
"""


# A case study captioned with the document it quotes and when that came out.
DOCUMENTS["consultation.txt"] = """CASE STUDY Housing on the moors

“As part of our proposed Healthy Moorland Homes Programme, we will use housing growth in
the market towns to test new care technologies in people's homes.”

Read the moorland consultation on the board's website.

Fellside consultation (January 2019)
"""


# A longer caption, under the quotation it captions.
DOCUMENTS["command.txt"] = """CASE STUDY Anchors on the fells

“The board should back the anchor employers of the fells: the hospitals, the quarries and
the colleges.”

Heart of the Fellside market towns command paper (February 2019)
"""


# A fund the sources speak of, but never of a consultation on it; a review in progress.
DOCUMENTS["harbour.md"] = """# The harbour fund

## What it paid for

The harbour fund has paid for new slipways in three harbour towns on the moorland coast.

## Governance

There is a further commitment to the harbour towns, with a review underway looking at
the roles and responsibilities of the harbour boards.
"""


# Two places' case studies side by side: the second sentence of Dorset's names no place.
DOCUMENTS["rural.txt"] = """CASE STUDY Rural care in local industrial strategies

“Action to exploit Cumbria’s position will include:

• supporting fell practices to test remote monitoring in people’s homes

• training district nurses in the market towns.”

“Dorset LEP has established a partnership with Dorset ICS and the university to secure a
healthy future for the Dorset population. The local industrial strategy is a key tool in
developing this partnership and we have set ourselves rural nursing goals.”
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory, embedder):
    return engine_over(DOCUMENTS, tmp_path_factory, embedder)


def test_the_thing_a_list_question_lists_finds_the_passage_that_lists_it(engine):
    question = "what challenges did the review of moorland sectors, skills and assets find?"
    answer = engine.ask(question)
    for challenge in ("Too few nurses", "Long journeys", "Old surgery buildings"):
        assert challenge in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "what could joining the moorland partnership help us do?",
        "need a quick list asap: what can joining the moorland partnership actually help us do?",
        "what can joining the moorland partnership help us do? bullet list for exec team",
    ],
)
def test_a_lists_title_printed_after_its_points_answers_with_them(engine, question):
    answer = engine.ask(question)
    for point in ("rural nurses", "share buildings", "plan transport"):
        assert point in answer.answer


def test_how_many_people_is_not_answered_by_their_ages_or_a_year(engine):
    answer = engine.ask("how many people work in health on the moors?")
    assert answer.mode == "no_answer"


def test_the_value_of_something_with_no_amount_for_it_is_not_covered(engine):
    answer = engine.ask("what is the total value of the european projects on the moors?")
    assert answer.mode == "no_answer"


def test_how_much_it_is_after_naming_it_in_another_question_is_its_amount(engine):
    question = "is the clean seas fund something our practice could bid into? and how big is it"
    assert "£20 million" in engine.ask(question).answer


def test_how_much_it_is_after_asking_if_two_documents_agree_on_it_is_its_amount(engine):
    """The documents named to compare ("the council's briefing and the LEP's page") are
    where the amount is looked for, not what it is the amount of."""
    question = (
        "is the clean seas fund the same amount in the council's moorland briefing and the "
        "LEP's strategy page? how much is it"
    )
    assert "£20 million" in engine.ask(question).answer


def test_by_how_many_a_plan_should_increase_a_number_is_that_count(engine):
    question = "By how many should the moorland plan increase the number of jobs by 2024?"
    assert "5,000" in engine.ask(question).answer


def test_how_much_of_a_thing_named_only_in_the_sentence_before_is_its_amount(engine):
    question = (
        "does the strategy say anything about the clean seas fund? how much extra is going in"
    )
    assert "£20 million" in engine.ask(question).answer


def test_whens_typed_for_when_is_asks_for_a_date(engine):
    assert engine.ask("whens the next moorland board mtg?").mode == "no_answer"
    assert "May 2019" in engine.ask("whens the moorland plan published?").answer


def test_the_name_of_where_a_thing_sits_need_not_be_in_its_amounts_sentence(engine):
    answer = engine.ask("how much is the clean seas fund in the Moorland Strategy worth?")
    assert "£20 million" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "What positions does Tomas Penrose hold, as quoted in the June 2019 briefing?",
        "tomas penrose - what are his two roles? want him at our board",
    ],
)
def test_what_positions_someone_holds_is_answered_by_their_signature_line(engine, question):
    answer = engine.ask(question)
    assert "Executive Director, Moorland Universities" in answer.answer.split("[1]")[0]


def test_a_quotation_belongs_to_the_place_its_last_paragraph_names():
    """A quotation of several paragraphs opens each with “ and closes only the last, which
    may sit in the next chunk and be the only one to name the place it speaks for."""
    chunk = StoredChunk(
        "c1",
        "## CASE STUDY Rural health\n\nDorset consultation (2019)\n\n"
        "“Over the next 20 years our over-80 population is projected to treble.",
        {"doc_id": "d", "title": "Case studies"},
    )
    following = "“Cumbria has opened a rural care college.”\n\nRead more on the LEP website."
    text = text_with_quotation(Passage(chunk, 1.0, 1, following=following))
    assert "Cumbria has opened" in text and "Read more" not in text
    closed = StoredChunk("c2", "“The plan is ours.”", {"doc_id": "d"})
    assert "Cumbria" not in text_with_quotation(Passage(closed, 1.0, 1, following=following))


@pytest.mark.parametrize(
    "question",
    [
        "someone reckons patient transport wasnt even in the moorland plan - is that right?",
        "did the moorland plan cover patient transport or not?",
        "Did the moorland plan address patient transport, in the practices' view?",
        "Did the moorland plan give a central place to patient transport?",
    ],
)
def test_whether_something_is_left_out_is_answered_by_what_says_so(engine, question):
    assert "conspicuous by its absence" in engine.ask(question).answer.split("[1]")[0]


def test_a_question_after_a_preamble_is_answered_for_what_it_asks(engine):
    answer = engine.ask(
        "Our board has asked why we should spend executive time on the moorland plan when we "
        "have a waiting list and a deficit to manage. Could you give me one line setting out "
        "the benefits for practices of engaging?"
    )
    assert answer.answer.startswith("There are many benefits")
    assert "shared nurses" in answer.answer


def test_a_question_after_a_long_preamble_finds_what_it_asks(engine):
    answer = engine.ask(
        "sorry total newbie, im a gp and our practice manager keeps forwarding me stuff about "
        "the moorland partnership and its board. what does 'rural reach' actually mean?"
    )
    assert answer.mode == "extractive"
    assert "how many villages a practice can serve" in answer.answer


def test_a_definition_asked_after_an_aside_and_chat_is_answered(engine):
    """Chat around "what does X mean?" leaves the passages covering little of the whole
    question; the passage that says what X is covers what it asks."""
    answer = engine.ask(
        "dumb q but what does rural reach actually mean in all this? everyone uses it, "
        "nobody defines it"
    )
    assert answer.mode == "extractive"
    assert "how many villages a practice can serve" in answer.answer


def test_a_date_question_whose_passages_include_one_with_nothing_to_quote(engine):
    answer = engine.ask("when was the moorland plan timeline published?")
    assert answer.mode == "extractive" and "May 2019" in answer.answer


def test_what_something_concluded_is_not_covered_by_what_it_will_do(engine):
    """Sources written before a body had reported cannot say what it concluded."""
    answer = engine.ask("What did the Moorland Review Panel conclude in its first report?")
    assert answer.mode == "no_answer"
    assert engine.ask("What were the results of the pilot ferry service for Lundy?").mode == (
        "no_answer"
    )
    answer = engine.ask("what did the moorland transport board find in its first report?")
    assert "half the villages have no bus" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "what came out of the first council of GP leads mtg? anything on clinics?",
        "what got decided at the first council of GP leads meeting?",
        "what was actually agreed at the first council of GP leads meeting? anything on clinics?",
    ],
)
def test_what_a_meeting_produced_is_not_covered_by_that_it_will_meet(engine, question):
    """ "... chairing a twice-yearly Council of GP Leads" says it will meet (its name typed
    in small letters, its initials as written), not what its first meeting decided."""
    assert engine.ask(question).mode == "no_answer"


def test_when_a_meeting_was_held_is_answered_by_the_sentence_after_its_name(engine):
    answer = engine.ask("when was the first council of GP leads meeting?")
    assert "2nd July" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "the european projects the practices did - whats the exact total they were worth?",
        "What is the total funding allocated to the Moorland Review Panel?",
        "What proportion of the moorland partnership's funds goes to rural nurses?",
    ],
)
def test_a_total_or_share_with_no_figure_for_it_is_not_covered(engine, question):
    """ "worth many millions of pounds" is not an exact total."""
    assert engine.ask(question).mode == "no_answer"


def test_an_amount_for_a_strategy_is_not_one_for_its_programme(engine):
    question = (
        "What level of funding has been committed to the Moorland Strategy 'Harbour Renewal' "
        "programme?"
    )
    assert engine.ask(question).mode == "no_answer"
    # the programme's name typed in small letters beside the strategy's
    typed = "how much is the Moorland Strategy harbour renewal programme worth? might bid"
    assert engine.ask(typed).mode == "no_answer"
    # the strategy as the giver: its own amounts are not the programme's share
    given = "How much has the Moorland Strategy allocated to its renewal programme?"
    assert engine.ask(given).mode == "no_answer"
    assert (
        "£5 million" in engine.ask("how much does the Moorland Strategy commit to clinics?").answer
    )


def test_where_a_thing_is_described_is_not_part_of_its_name(engine):
    question = (
        "Under the funds described in the Moorland Strategy, what share of the clean seas "
        "fund goes to harbour towns?"
    )
    assert "£20 million" in engine.ask(question).answer


def test_a_body_named_by_its_initials_is_found_when_they_are_spelt_out(engine):
    """The glossary's "LGA" is the Local Government Association, whichever way it is typed."""
    spelt_out = engine.ask("Who chairs the Local Government Association's Moorland Forum?")
    assert spelt_out.answer.startswith("Cllr Ann Heath, Chairman of the LGA Moorland Forum")
    assert "Ann Heath" in engine.ask("who chairs the LGA moorland forum?").answer


def test_an_office_asked_in_two_words_is_who_holds_it(engine):
    """ "moorland panel of practice leads chair?": whoever chairs it, or else not covered."""
    assert "Bishop" in engine.ask("moorland panel of practice leads chair?").answer
    assert engine.ask("moorland review panel chair?").mode == "no_answer"


def test_the_chair_of_one_panel_does_not_chair_another_of_similar_name(engine):
    assert engine.ask("who chairs the moorland review panel?").mode == "no_answer"
    assert "Bishop" in engine.ask("who chairs the moorland panel of practice leads?").answer


def test_a_date_for_a_named_fund_needs_the_name_not_its_words_scattered(engine):
    """ "the seas ... were cleaned with funds" in May 2019 is no closing date for the fund."""
    question = "What is the closing date for bids to the Clean Seas Fund?"
    assert engine.ask(question).mode == "no_answer"


def test_whether_a_planned_thing_came_out_is_not_covered_by_its_plan(engine):
    """Sources that call it forthcoming cannot say whether it came out, nor when."""
    assert engine.ask("did the rail plan for the moors ever actually come out?").mode == "no_answer"
    assert engine.ask("when was the rail plan eventually published?").mode == "no_answer"
    assert engine.ask("On what date was the rail plan eventually published?").mode == "no_answer"
    assert engine.ask("did the rail plan for the moors get published?").mode == "no_answer"
    # to be agreed by a date is not agreed: "did the rotas actually get agreed in the end?"
    question = "did the winter rotas actually get agreed with the moorland board in the end?"
    assert engine.ask(question).mode == "no_answer"
    assert "May 2019" in engine.ask("when was the moorland plan eventually published?").answer
    # nor what it said once it came out, nor its publication date
    question = "what was in the rail plan for the moors once it was published?"
    assert engine.ask(question).mode == "no_answer"
    question = "what was the budget of the rail plan for the moors when it was published?"
    assert engine.ask(question).mode == "no_answer"
    assert engine.ask("what was the publication date of the rail plan?").mode == "no_answer"
    # "published in spring" gives no date
    question = "what was the publication date of the review of moorland sectors, skills and assets?"
    assert engine.ask(question).mode == "no_answer"
    assert "May 2019" in engine.ask("what was the publication date of the moorland plan?").answer


def test_a_share_of_one_thing_does_not_answer_a_share_of_another(engine):
    """10 per cent "of their funds" is not a rate "of pay bill"; 60% "of all jobs" is."""
    question = "whats the moorland levy rate as a % of pay bill?"
    assert engine.ask(question).mode == "no_answer"
    # the share asked again in a word of its own after the question
    question = "moors trust here - what rate is the moorland levy set at? % of pay bill pls"
    assert engine.ask(question).mode == "no_answer"
    assert "60%" in engine.ask("wat % of new jobs on the moors r meant to be rural jobs").answer
    # "10 per cent of their funds", in the sentence about paying the levy, is of the levy
    answer = engine.ask("what % of our moorland levy can we pass to another practice?")
    assert "10 per cent" in answer.answer
    # a share asked as "some of ... - how much?"
    question = (
        "heard practices paying the moorland levy can pass some of their funds on - how much?"
    )
    assert "10 per cent" in engine.ask(question).answer


def test_the_askers_own_people_are_not_what_the_question_is_about(engine):
    question = "what does the moorland partnership do? wondering if our HR dir should sit on it"
    assert engine.ask(question).mode != "no_answer"


def test_a_date_two_sentences_after_the_thing_it_is_for(engine):
    question = "When was the first meeting of the Moorland Forum of Practice Managers held?"
    assert "4th June" in engine.ask(question).answer
    question = "whens the next moorland forum of practice managers mtg?"
    assert engine.ask(question).mode == "no_answer"


def test_an_everyday_word_finds_the_formal_one_the_document_uses(engine):
    """Asked for "obstacles", the review lists "challenges"."""
    question = "what barriers did the review of moorland sectors, skills and assets highlight?"
    assert "Too few nurses" in engine.ask(question).answer.splitlines()[0]
    assert "Too few nurses" in engine.ask("what hurdles does the moorland review mention?").answer


def test_what_was_missing_is_answered_by_what_says_it_was_absent(engine):
    """Not by the sentence that shares the question's other words (published, 2018)."""
    question = "what did the councils say was missing from the moorland plan published in 2018?"
    opening = engine.ask(question).answer.splitlines()[:2]
    assert "conspicuous by its absence" in " ".join(opening)


def test_signing_off_is_found_as_agreeing(engine):
    answer = engine.ask("who actually signs off the moorland plan in the end?")
    assert "Agreed by the Moorland Board" in answer.answer.splitlines()[0]


@pytest.mark.parametrize(
    "question",
    [
        "how much cash is in the clean seas pot? thinking of a joint bid w our practice",
        "clean seas fund - how much is in the pot and could our practice bid for it?",
    ],
)
def test_a_pot_of_cash_is_a_fund(engine, question):
    assert "£20 million" in engine.ask(question).answer


@pytest.mark.parametrize(
    "question",
    [
        "we're an acute trust in oxford thinking about a bid - how much is in the clean seas pot?",
        "acute trust in oxford - how much is in the clean seas pot?",
    ],
)
def test_who_asks_and_where_they_are_is_not_what_a_fund_is_asked_for(engine, question):
    """Not an amount for the trust's bid, nor Oxford's share of the fund."""
    answer = engine.ask(question)
    assert "£20 million" in answer.answer
    assert "oxford" in answer.note  # the answer says it applies everywhere


def test_how_many_leads_with_the_number_next_to_what_is_counted(engine):
    """Not with the slide's other figures ("60% of all jobs created between 2014 and 2024");
    "they" in the question is the jobs target named before the dash."""
    answer = engine.ask("moorland jobs target - how many extra jobs r they aiming for and by when?")
    assert "5,000" in answer.answer.splitlines()[0]


def test_how_many_staff_is_answered_by_how_many_people_it_employs(engine):
    answer = engine.ask("how many staff does the fellside trust have?")
    assert "9,000 people" in answer.answer


def test_who_heads_a_body_is_answered_by_its_top_office_whatever_its_name(engine):
    answer = engine.ask("who heads up moorland universities?")
    assert "Tomas Penrose, Executive Director, Moorland Universities" in answer.answer
    assert engine.ask("who heads up the moorland review panel?").mode == "no_answer"


def test_the_email_of_a_person_nobody_gives_an_address_for_is_not_covered(engine):
    """The directory names him without an address, the board's is not his."""
    assert engine.ask("whats dean fathers email addr? moorland board").mode == "no_answer"
    answer = engine.ask("what is Warren Heppolette's email address?")
    assert "warren.h@moorland.example.org" in answer.answer


def test_how_much_it_spends_is_found_as_its_expenditure(engine):
    """Asked what something spends, the document gives its "expenditure"; the passage
    with the question's own words has no amount."""
    answer = engine.ask("what does the fellside trust spend every year?")
    assert "£700 million" in answer.answer.splitlines()[0]


@pytest.mark.parametrize(
    "question",
    [
        "what did the moorland review find the moors are good at?",
        "what does the moorland review say the moors do particularly well?",
    ],
)
def test_what_a_place_is_good_at_is_answered_by_its_strengths(engine, question):
    assert "strong base of rural practices" in engine.ask(question).answer.splitlines()[0]


# A slide whose title is the news.
SLIDES = """# Moorland plan slides

## Moorland to take lead on Rural Care Grand Challenge

Strengthen collaboration between:

• moorland practices and the moorland universities

• the moors and other rural regions with complementary assets
"""


def test_a_slide_title_that_says_something_answers_a_yes_no_question(tmp_path_factory, embedder):
    """The text under the title says how, not whether."""
    documents = {"moor_slides.md": SLIDES, "review.md": DOCUMENTS["review.md"]}
    engine = engine_over(documents, tmp_path_factory, embedder)
    answer = engine.ask("is the moorland region going to lead on the rural care grand challenge?")
    assert "Moorland to take lead on Rural Care Grand Challenge" in answer.answer


def test_how_many_is_answered_by_a_share_given_in_words(engine):
    """ "25 per cent of all vans" puts a number next to the vans, as "25%" would."""
    answer = engine.ask("how many vans in the council fleet have to be electric, and by when?")
    assert "25 per cent" in answer.answer


def test_a_deadline_is_met_by_a_date_something_must_be_done_by(engine):
    answer = engine.ask("whens the deadline for winter rotas to be agreed w the moorland board?")
    assert "March 2020" in answer.answer


def test_the_chair_of_a_body_in_one_place_is_not_the_chair_of_another_places_body(engine):
    """Jane Roe chairs a Nottinghamshire trust, not the D2N2 LEP (Nottinghamshire's)."""
    assert engine.ask("who chairs the D2N2 LEP?").mode == "no_answer"
    answer = engine.ask("who chairs the greater lincolnshire LEP moorland board?")
    assert "Jane Roe" in answer.answer


def test_a_place_named_only_in_an_nhs_bodys_name_says_nothing_of_its_strategy(engine):
    """The documents name Nottinghamshire only in "Nottinghamshire Healthcare NHS Trust":
    nothing on the D2N2 strategy; but a question that names the trust is answered."""
    answer = engine.ask("we're a trust in nottingham - does the D2N2 lis have anything on health?")
    assert answer.mode == "no_answer" and "D2N2" in answer.answer
    answer = engine.ask(
        "who chairs the greater lincolnshire LEP moorland board? same person as notts healthcare?"
    )
    assert "Jane Roe" in answer.answer
    # asked about the place's strategy itself, by an asker at a body named after it
    question = "what does the notts LIS say on health? we're at notts healthcare in mansfield"
    assert engine.ask(question).mode == "no_answer"
    # the place however its "and" is typed
    assert _named_as_a_place("Cheshire and Warrington", "does the cheshire & warrington LIS?")
    assert not _named_as_a_place("Notts", "we're at notts healthcare - what is the LIS?")


def test_who_sits_on_a_board_no_sentence_gives_the_members_of_is_not_covered(engine):
    """Her name line says who chairs the board, not who else is on it (a partnership whose
    members are given is answered: `test_answer_kinds`)."""
    question = "who else sits on the greater lincs LEP moorland board apart from jane roe?"
    assert engine.ask(question).mode == "no_answer"


def test_what_someones_office_does_is_not_answered_by_their_name_line(engine):
    question = (
        "In what ways has the Moorland Confederation's Head of Moorland Partnerships "
        "supported practices?"
    )
    assert "expert panel" in engine.ask(question).answer.splitlines()[0]


def test_a_sentence_about_another_area_does_not_lead_an_answer_about_this_one(engine):
    answer = engine.ask("lincs - what rural health stuff do they list as strengths?")
    assert "Greater Lincolnshire" in answer.answer.splitlines()[0]


def test_a_line_after_a_list_with_its_own_lead_in_does_not_label_that_list(engine):
    answer = engine.ask(
        "what is the proposed approach to rural care and community health in the fellside plan?"
    )
    opening = answer.answer.splitlines()[0]
    assert "community hospitals" in opening and "Define and communicate" not in opening


def test_when_a_document_came_out_is_answered_by_its_dated_caption(engine):
    question = "when was the fellside consultation published, and which programme does it propose?"
    answer = engine.ask(question)
    assert "January 2019" in answer.answer and "Healthy Moorland Homes" in answer.answer
    # the caption answers nothing else
    answer = engine.ask("what does the fellside consultation propose on housing?")
    assert "January 2019" not in answer.answer
    answer = engine.ask("what does the heart of the fellside command paper say about anchors?")
    assert "back the anchor employers" in answer.answer.split("[1]")[0]


def test_the_date_of_the_final_one_is_asked_of_the_place_named_before(engine):
    """The moorland plan's date is no answer for the North East's, asked as "the final one"."""
    question = "did the North East plan ever get published? when was the final one published"
    assert engine.ask(question).mode == "no_answer"
    question = "did the north east plan get signed off in the end, and when?"
    assert engine.ask(question).mode == "no_answer"


def test_the_outcome_of_a_consultation_or_review_needs_sentences_about_it_done(engine):
    """Sentences about the fund that never speak of a consultation on it, or a review that
    is still under way, say nothing of what they concluded."""
    assert engine.ask("What were the outcomes of the consultation on the harbour fund?").mode == (
        "no_answer"
    )
    question = "What did the review of harbour boards' roles and responsibilities conclude?"
    assert engine.ask(question).mode == "no_answer"
    # asked as people type it: what it "ended up" doing
    question = "what did the govt review of harbour boards roles end up recommending?"
    assert engine.ask(question).mode == "no_answer"
    assert "slipways" in engine.ask("what has the harbour fund paid for?").answer


HARBOUR_FUND = {
    "harbour-fund.md": """# The harbour fund

## Replacing the coastal grants

The harbour fund will replace the old coastal grants when they end. A consultation next
year will look at how the harbour fund is shared between the harbour towns.
""",
    "towns.md": DOCUMENTS["plans.md"],
}


def test_what_a_consultation_still_to_come_decided_is_not_covered(tmp_path_factory, embedder):
    engine = engine_over(HARBOUR_FUND, tmp_path_factory, embedder)
    question = "did the harbour fund consultation ever happen and what did it decide?"
    assert engine.ask(question).mode == "no_answer"
    assert "replace the old coastal grants" in engine.ask("what will the harbour fund do?").answer


def test_who_won_a_competition_the_documents_only_announce_is_not_covered(
    tmp_path_factory, embedder
):
    """Written as the fund was launched, the documents cannot say whose bids won."""
    engine = engine_over(
        {
            "fund.md": """# Moorland ferries

## Competitive Moorland Ferry Fund

The government is launching a new competitive £50m Moorland Ferry Fund to support harbour
towns to run winter ferries.

## Our plans

• bid to the Moorland Ferry Fund with the harbour hospitals
""",
        },
        tmp_path_factory,
        embedder,
    )
    for question in (
        "which harbour towns actually won moorland ferry fund money?",
        "Which bids in the north were successful in the Moorland Ferry Fund competition?",
    ):
        assert engine.ask(question).mode == "no_answer", question
    assert "£50m" in engine.ask("how much is the moorland ferry fund worth?").answer


def test_another_places_case_study_beside_the_place_asked_about_is_not_its_answer(engine):
    """A sentence that names no place belongs to the place its paragraph names."""
    answer = engine.ask("what does the cumbria LIS say about rural nursing?").answer
    assert "district nurses" in answer
    assert "key tool" not in answer, answer


# Who leads, in each case: with a combined authority, and outside one (by its initials).
TWO_CASES = {
    "leads.md": """# Harbour plans

## Who leads

Mayors will lead on harbour plans in combined authorities and will be supported by harbour
boards. Harbour boards outside CAs will lead on the development of harbour plans.

## Boards

Harbour boards bring councils, ports and businesses together to plan for the coast.
""",
}


def test_a_case_the_question_rules_out_is_answered_by_the_sentence_for_that_case(
    tmp_path_factory, embedder
):
    """ "if theres no combined authority" is the case "outside CAs", not the one "in
    combined authorities" that shares more of the question's words."""
    engine = engine_over(TWO_CASES, tmp_path_factory, embedder)
    answer = engine.ask("who leads the harbour plan if theres no combined authority?")
    assert answer.answer.startswith("Harbour boards outside CAs will lead")
    # said of the asker's own area
    answer = engine.ask("we dont have a combined authority so who leads our harbour plan?")
    assert answer.answer.startswith("Harbour boards outside CAs will lead"), answer.answer


def test_how_big_a_fund_named_with_in_is_when_the_asker_only_names_it_in_their_plans(
    tmp_path_factory, embedder
):
    """ "thinking about a Ferries in Winter bid - how big is the fund?": the fund is the
    one named in what the asker has in mind, its name holds a small "in", and the
    sentence with the amount names it without the asker's other words ("bid")."""
    engine = engine_over(
        {
            "fund.md": """# Moorland ferries

## Ferries in Winter Fund

The government is launching a new competitive £50m Ferries in Winter Fund to support
harbour towns to run ferries through the winter.

## Other funds

Harbour towns can also apply for £2m of lighthouse grants, which will open next year.
""",
        },
        tmp_path_factory,
        embedder,
    )
    answer = engine.ask("we're an STP thinking abt a Ferries in Winter bid - how big is the fund?")
    assert "£50m" in answer.answer, answer.answer


def test_how_many_of_a_places_bodies_did_something_needs_a_count_of_them(
    tmp_path_factory, embedder
):
    """ "How many of England's harbour boards ...": a count of the boards, which a
    sentence about every board's deadline does not give; "how many of them" counts
    nothing it names."""
    engine = engine_over(
        {
            "plans.md": """# Harbour plans

## Plans

Every harbour board in England is developing a harbour plan, to be agreed with the
government by March 2020.

## Ferries

Three ferry companies run winter crossings between the harbour towns.
""",
        },
        tmp_path_factory,
        embedder,
    )
    question = "How many of England's harbour boards had their harbour plan agreed by March 2020?"
    assert engine.ask(question).mode == "no_answer"
    answer = engine.ask("how many of the ferry companies run winter crossings?")
    assert "Three ferry companies" in answer.answer


def test_how_fast_something_is_meant_to_grow_is_answered_by_its_projection(
    tmp_path_factory, embedder
):
    """ "meant to grow according to the plan" asks what is projected (not what to do), and
    "grow" is the document's "increase"."""
    engine = engine_over(
        {
            "plan.md": """# Cumbria plan

## Care in Cumbria

Since demand will increase across the sector, extraordinary opportunities exist in the race
to find cost-efficient solutions.

“Over the next 20 years our over-80 generation is projected to increase by double the rate
in England.”

Health and care are significant industries in Cumbria and we should act like one.
""",
        },
        tmp_path_factory,
        embedder,
    )
    answer = engine.ask(
        "Cumbria ICS here - how fast is our over 80 pop meant to grow according to the plan??"
    )
    assert answer.answer.startswith("“Over the next 20 years"), answer.answer


def test_how_many_sit_on_a_body_named_in_full_needs_a_count_for_that_body(
    tmp_path_factory, embedder
):
    """ "How many people sit on the Harbour Strategy Council?" is not answered by a count
    of people in a document about the harbour strategy: the body it names is the council,
    and no passage that names the council counts anyone on it."""
    engine = engine_over(
        {
            "harbour.md": """# Understanding the Harbour Strategy

## People

The harbour boards employ 12,000 people across the coast and spend £40 million a year.
""",
            "progress.md": """# Harbour Strategy progress

## Progress

An independent Harbour Strategy Council will assess progress and make recommendations to
government.
""",
        },
        tmp_path_factory,
        embedder,
    )
    assert engine.ask("how many ppl sit on the Harbour Strategy Council?").mode == "no_answer"
    answer = engine.ask("how many ppl do the harbour boards employ?")
    assert "12,000 people" in answer.answer, answer.answer


CALLS = {
    "calls.txt": """Moorland calls for evidence

The moorland LEP has issued a call for evidence on its framework, and NHS organisations
should respond to the call for evidence with their workforce data.

CASE STUDY Calls for evidence in moorland strategies

Moorland framework (May 2019)
""",
    "harbour.txt": """Harbour consultation

The harbour consultation on the harbour framework closes on 5 May 2019, and NHS
organisations can respond online.
""",
}


def test_a_closing_date_is_a_date_that_closes_something_not_any_date(tmp_path_factory, embedder):
    """Asked the closing date for responses, a caption dated May 2019 gives no closing
    date: not covered. A sentence that says the consultation closes on a date answers."""
    engine = engine_over(CALLS, tmp_path_factory, embedder)
    answer = engine.ask(
        "What is the closing date for NHS organisations to respond to the moorland LEP call "
        "for evidence?"
    )
    assert answer.mode == "no_answer", answer.answer
    answer = engine.ask("whats the closing date for responses to the harbour consultation?")
    assert answer.mode == "extractive", answer.answer
    assert "closes on 5 May 2019" in answer.answer


PUBLISHED = {
    "harbour-plans.md": """# Harbour plans

## Why take part

There are many benefits for harbour clinics in engaging with harbour plans, including:

- finding new staff
- sharing estates
- new funding

## Where things stand

Many areas already have harbour partnerships with government. Cornwall and Devon were
the first to publish their plans for the coast, in May and June 2019.
""",
}


def test_have_any_places_done_it_asks_which_and_the_answer_names_them(tmp_path_factory, embedder):
    """ "have any areas already published their plans, and if so which?" asks which
    areas have: the sentence that names them leads, not a list that matches the
    question's other words, nor a sentence that shares only its "already"."""
    engine = engine_over(PUBLISHED, tmp_path_factory, embedder)
    answer = engine.ask("Have any areas already published their harbour plans and, if so, which?")
    assert answer.answer.startswith("Cornwall and Devon were the first to publish")


def test_who_a_minister_was_needs_their_name_not_the_office_alone(tmp_path_factory, embedder):
    """ "Agreed by the Fellside LEP Board and Secretary of State for Harbours" says the
    office agreed the strategy, not who held it: asked who that minister was, not covered;
    a sentence that names them answers."""
    office_only = (
        "# Fellside strategy\n\n## Timeline\n\nFellside strategy agreed by the Fellside LEP "
        "Board and Secretary of State for Harbours and Coastal Strategy in July 2019.\n"
    )
    question = "who was the secretary of state for harbours that agreed the fellside strategy?"
    engine = engine_over({"fellside.md": office_only}, tmp_path_factory, embedder)
    assert engine.ask(question).mode == "no_answer"
    named = office_only + (
        "\nJane Brown MP, Secretary of State for Harbours and Coastal Strategy, agreed the "
        "Fellside strategy at its launch.\n"
    )
    engine = engine_over({"fellside.md": named}, tmp_path_factory, embedder)
    assert "Jane Brown" in engine.ask(question).answer
