"""What kind of answer a question asks for, as people type it."""

from datetime import date

import pytest

from bot.engine.questions import (
    amount_subject,
    answer_words,
    asked_parts,
    asks_how_far_it_runs,
    asks_if_absent,
    asks_members,
    asks_what_it_gains,
    asks_what_they_do,
    asks_what_to_do,
    asks_where_it_features,
    asks_where_it_stands,
    asks_where_to_find,
    asks_who_else,
    asks_why_of_the_answer,
    count_subject,
    counted,
    counted_noun,
    date_subject,
    definition_subject,
    doers_asked,
    event_words,
    event_year,
    figures_subject,
    gainer_terms,
    is_action_question,
    is_contact_question,
    listed_noun,
    members_subject,
    other_words_for,
    outcome_subject,
    parts_referring_back,
    places_asked,
    purpose_subject,
    role_asked,
    topic_asked,
    wants_date,
    wants_list,
    wants_number,
    without_presentation,
)
from bot.engine.retrieval import HybridRetriever
from bot.engine.stated import _kind_of_body
from bot.engine.text import terms
from bot.engine.vocabulary import Vocabulary


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Who chairs the Dorset LEP board?", ("chairs", "Dorset LEP board")),
        ("who's the chair of the NE LEP board? need a name", ("chair", "NE LEP board")),
        ("who chairs the council n how often does it meet", ("chairs", "council")),
        ("who actually chairs the moor board? want them at ours", ("chairs", "moor board")),
        ("bournemouth hosp - who's the dorset LEP director + who else", ("director", "dorset LEP")),
        ("who is the business champion for ageing?", ("champion", "business, ageing")),
        # the office of what the question opened on, before the dash
        ("moor LEP - whos the director and who are its partners?", ("director", "moor LEP")),
        # a belief check names someone for the office: who holds it is asked
        ("is it right that Jo Bloggs chairs the moor board?", ("chairs", "moor board")),
        # asked after saying who asks
        (
            "im at MHT in thornby - who heads moor health partners?",
            ("heads", "moor health partners"),
        ),
        ("who leads the strategy?", None),  # often a body ("the mayor"), not a name
        ("who sits on the steering group?", None),
        # a mayor, and who came after someone, are offices people hold by name
        ("Who is the elected mayor leading the moor plan?", ("mayor", "elected, moor plan")),
        ("who took over from jane doe at the board?", ("took over", "jane doe at the board")),
        ("whats the name of the moor mayor who launched their plan?", ("mayor", "moor, plan")),
        ("whos the moor mayor thats leading the plan, want them at ours", ("mayor", "moor, plan")),
        (
            "who is the champion appointed to lead the moor challenge?",
            ("champion", "moor challenge"),
        ),
        # the name, and how to reach them, of whoever holds it
        ("name + email of the moor LEP chair?", ("chair", "moor LEP")),
        ("name and email address for the moor LEP director?", ("director", "moor LEP")),
        # the office and its body, and nothing else: "moor health board chair?"
        ("moor health board chair?", ("chair", "moor health board")),
        ("im at MHT - chair of the moor health board??", ("chair", "moor health board")),
        ("what does the board chair?", None),
        # after a greeting, and with a second sentence that says why
        ("hey who chairs the moor health board? want to cc them", ("chairs", "moor health board")),
        # a second question starts where its question word does, however typed
        (
            "who is the head of moor partnerships and whats their email",
            ("head", "moor partnerships"),
        ),
    ],
)
def test_who_holds_an_office(question, asked):
    assert role_asked(question) == asked


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("when did brum + GM publish their strategies?", " did brum + GM publish their strategies"),
        ("On what date will the plan be agreed, and who agrees it?", " will the plan be agreed"),
        ("When was it published, and do the documents agree?", " was it published"),
        ("what does the strategy say about dates?", None),
        ("deadline for fund bids?? asap", "for fund bids"),
        ("whats the closing date for the consultation, and who runs it?", "for the consultation"),
        (
            "did the plan ever get signed off? what date was that",
            "did the plan ever get signed off",
        ),
        ("did the plan get published in the end? when", "did the plan get published in the end"),
        # asked in a second sentence, or after the clause it dates
        (
            "did the plan ever come out? and when was the final one published",
            " was the final one published",
        ),
        (
            "did the plan get signed off in the end, and when?",
            "did the plan get signed off in the end",
        ),
        # whose word it is, not what is dated; "the white paper" here is what is dated
        (
            "By what date was the plan to be agreed, according to the council's 2017 briefing?",
            " was the plan to be agreed ",
        ),
        ("when did govt publish the white paper", " did govt publish the white paper"),
        # after the asker's opening and a dash
        (
            "moors ICS again - when does the plan consultation close?",
            " does the plan consultation close",
        ),
        ("whats the deadline for the plan and where can i read it?", "for the plan"),
        # "when" on its own, then something else
        (
            "did the final plan ever get published? when, and what made the cut?",
            "did the final plan ever get published",
        ),
        # who keeps asking is not what is dated
        ("when was the 1st one, our chair keeps asking", " was the 1st one"),
        # at what stage the asker should act: steps, not a date
        ("havent engaged w the board yet - when/how shd we try to influence it?", None),
        ("when and how should our trust get involved in the plan?", None),
        ("when should we respond to the plan?", None),
        ("when should the board publish the plan?", " should the board publish the plan"),
    ],
)
def test_when_a_question_asks_for_a_date(question, subject):
    assert date_subject(question) == subject


def test_a_when_in_the_second_part_also_asks_for_a_date():
    assert wants_date("Which areas published first, and when did they do so?")
    assert wants_date("who leads it? when was it agreed")
    assert wants_date("Which areas published first, and when?")  # "when" on its own, last
    assert wants_date("who signed it off + when")
    assert wants_date("is the moor strategy quoted a draft? from when")
    assert wants_date("how has the expected date for agreeing them changed?")
    assert not wants_date("what has changed since the plan was agreed?")
    assert not wants_date("what happens when the fund closes?")
    # how long a plan runs, which documents say as "a plan extending to 2030"
    for question in (
        "how far out does the plan go",
        "does it go beyond 2024?",
        "moor plan - what yr does it run to?",
        "when does the plan go up to?",
        "moor FT here, the moor plan runs up to what year??",
        "the moor lis is meant to be a delivery plan up to what year?",
    ):
        assert asks_how_far_it_runs(question), question
    assert not asks_how_far_it_runs("how far has the plan got?")
    assert not asks_how_far_it_runs("who does the money go to?")
    assert not wants_date("what happens when?? and if")
    # "in the end" is eventually, not an ending the date is asked of
    assert event_words("did the plan get signed off in the end") == event_words("signed off")


def test_the_budget_of_something_is_an_amount_of_money():
    assert amount_subject("What is the annual budget of the Council?") == " the Council?"
    assert amount_subject("what is the council's role?") is None
    assert amount_subject("what value of harbour awards did the town secure?") is not None
    assert amount_subject("what annual funding will the harbour fund provide?") is not None
    assert amount_subject("what funding is there for harbours?") is None  # which funds
    assert amount_subject("why do they want the value of the NHS considered?") is None
    assert amount_subject("what level of funding has the Fund had?") == " has the Fund had?"
    # the money named before its allocation, for whom after
    assert amount_subject("whats the harbour fund allocation for our area (fens)?") == (
        "harbour fund for our area (fens)?"
    )
    assert amount_subject("how much is govt putting into the programme?") is not None
    # who pays, and that it is more, name no subject: the clusters are what gets it
    subject = amount_subject("how much extra govt money is going into clusters round unis?")
    assert "govt" not in subject and "extra" not in subject and "clusters" in subject
    # "costing" asks what it costs, as "cost" does
    assert amount_subject("how much is the care record costing?") is not None
    # a question asked after a comma asks something else
    assert "number" not in terms(amount_subject("how much does the Fund spend, what number?"))
    assert amount_subject("how much has the LEP put into it?") is not None
    # what a deal got, asked of it after the sentence that names it
    subject = amount_subject("did the harbour deal pilot go ahead? how much did it get")
    assert "harbour" in terms(subject)
    # what the money is given to, not who gives it
    assert amount_subject("how much has the Fund allocated to the Pier programme?") == (
        "the Pier programme"
    )
    # millions of pounds counted
    # (what it "got" is the money, as "get from" is)
    assert terms(amount_subject("how many £m has the harbour fund got?")) == terms("has harbour")
    assert amount_subject("what budget has the Council set aside for it?") == (
        " the Council set aside for it?"
    )
    assert amount_subject("what budgets are there?") is None
    # the clause that asks, without the document it should come from
    assert "Confederation" not in amount_subject(
        "According to the NHS Confederation, how much does the NHS spend each year?"
    )
    assert amount_subject("the gp fund - how much is it and whats it for?") == "the gp   -   is it"


@pytest.mark.parametrize(
    "question",
    [
        "What should an integrated care system such as ours do to engage?",
        "hull STP here, what shld we do",
        "how can our trust get involved?",
        "What does the moorland board advise practice managers to do about the plan?",
        "what does the briefing recommend trusts do?",
        # whom the advice is for, described with an example between commas
        "What does the paper advise a trust in an area of big housing growth, such as "
        "Thornby Garden Town, to do with its estates plans?",
        "what does the confed think we should do about the panels?",
        "our STP hasnt engaged w/ the board at all - whats the first step",
        "where do we even start with the moor plan?",
        # "the first thing we shud do", "the first thing to do": the first step
        "our trust in thornby wants in on the moor plan - whats the first thing we shud do?",
        "wats the first thing to do on the moor plan?",
        # an ICS or STP by its own name
        "What should the Moorland Health and Care Partnership seek from the moor plan?",
        # advice asked for
        "any tips for a small trust in thornby on the moor plan?",
        "our ICS wants to use the moor plan for prevention - what does the board suggest?",
    ],
)
def test_questions_that_ask_what_to_do(question):
    assert is_action_question(Vocabulary([]).read(question))


@pytest.mark.parametrize(
    "question",
    [
        "how fast is our over 75 population meant to grow according to the moor plan?",
        "how many jobs are we expected to create by 2024?",
        "what did the review recommend?",
    ],
)
def test_what_is_planned_or_found_is_not_what_to_do(question):
    """ "meant to", "according to": no "to do"; "what did X recommend" reports."""
    assert not is_action_question(question)


@pytest.mark.parametrize(
    "question",
    [
        "trust in thornby - what does the moor plan say govt will do with us on care?",
        "moor plan - what has govt committed to do w/ us on care? trust in thornby",
        "thornby trust - what has the council said it'll do with us on care?",
    ],
)
def test_what_others_will_do_with_us_is_not_what_to_do(question):
    assert not is_action_question(Vocabulary([]).read(question))
    assert is_action_question("trust in thornby - what should we do about the moor plan?")


@pytest.mark.parametrize(
    ("question", "doers"),
    [
        ("thornby trust - what has govt said it'll do with the moor on care?", [["govern"]]),
        ("what will the council do w/ us on ferries?", [["council"]]),
        ("what has the harbour board committed to do?", [["harbour", "board"]]),
        (
            "whats the moor plan doing on care, and what will govt do to back it?",
            [["moor", "plan"], ["govern"]],
        ),
        # the asker, or no one named: no party's sentences to prefer
        ("what should we do about the moor plan?", []),
        ("what will they do with us?", []),
        ("what does the moor plan say about care?", []),
        # how a party is helping: what it is doing
        ("how is the harbour board actually helping trusts w/ the plan?", [["harbour", "board"]]),
        ("how are we helping the board?", []),
    ],
)
def test_whose_own_actions_are_asked_for(question, doers):
    assert doers_asked(Vocabulary([]).read(question)) == doers


def test_what_someone_calls_for_is_not_whom_to_call():
    assert not is_contact_question("who chairs the harbour board and what does he call for?")
    assert is_contact_question("who should we call about the harbour board?")


def test_what_a_plan_has_for_us_to_use_is_not_what_to_do():
    question = "thornby ICS here - anything in the moor plan on care we should be plugging into?"
    assert not is_action_question(question)
    assert is_action_question("should our trust be on the moor plan's board?")
    assert is_action_question("does the board think trusts should be sitting on the panel?")


def test_a_body_named_advisory_does_not_make_a_question_ask_what_to_do():
    assert not is_action_question("What are Skills Advisory Panels intended to do?")


def test_a_yes_no_question_after_a_comma_does_not_make_it_ask_what_to_do():
    question = "what does 'harbour hub' mean, and do nhs trusts count as one?"
    assert not is_action_question(question)
    assert is_action_question("what should nhs trusts do about the harbour hub?")


def test_who_asks_in_another_sentence_does_not_make_a_question_ask_what_to_do():
    question = "harbour fund - how much is it & does it go to the councils? we're in an STP"
    assert not is_action_question(question)
    # nor does the NHS Confederation as who says it
    assert not is_action_question("What did the NHS Confederation consider to be missing?")


def test_whom_to_call_is_not_something_to_do():
    assert not is_action_question("what does the plan say? and who should we talk to?")
    assert is_action_question("what should we do and who should we talk to?")


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("what does productivity actually mean in these docs?", ["productiv"]),
        ("whats the harbour plan actually meant to be?", ["harbour", "plan"]),
        ("what do NICA and NICD stand for?", ["nica", "nicd"]),
        ("How is productivity defined, and why does it matter?", ["productiv"]),
        ("simple definition of productivity please, in plain english", ["productiv"]),
        ("what does the LEP mean for us?", None),  # what it implies, not what it is
        ("what do they mean by an 'anchor institution'?", ["anchor", "institut"]),
        ("What is meant by inclusive growth?", ["inclus", "growth"]),
        # after an aside, only "what does X mean?" forms: "what is the LEP doing" is no definition
        ("dumb q but what does rural reach actually mean in all this?", ["rural", "reach"]),
        ("our ICS in Dorset - what is the LEP doing with us?", None),
        # "that" is the term the asker put in quotes
        ("they keep calling us an 'anchor' - what do they mean by that?", ["anchor"]),
        ("what do they actually mean by productivity and why does it matter", ["productiv"]),
        # where the word is used, how to put it, and what follows the question are not it
        ("what do they mean by productivity in all these docs", ["productiv"]),
        # what they mean when they call something one: what is called, not who calls
        (
            "what do ppl mean when they call the NHS an 'anchor institution' here? why us",
            ["anchor", "institut"],
        ),
        ("what do people mean when they describe trusts as anchors?", ["anchor"]),
        ("what does productivity mean when it is used in the slides", ["productiv"]),
        ("How do the moorland slides define productivity?", ["productiv"]),
        ("how does the board define productivity in the june briefing?", ["productiv"]),
        ("what actually is 'productivity' in plain english?? my boss asks", ["productiv"]),
        ("what even is productivity??", ["productiv"]),
        ("hey what does 'anchor institution' mean and why do we count", ["anchor", "institut"]),
        ("whats productivity actually mean in all this lol", ["productiv"]),
        # after an aside that apologises, "what is X" asks what X is
        ("ok dumb q but what even is productivity?? my chair keeps on about it", ["productiv"]),
        # "whats", "what's" as typed; "exactly" stresses
        ("whats a harbour hub exactly?", ["harbour", "hub"]),
        ("what are harbour hubs and which towns do they serve?", ["harbour", "hub"]),
        ("what's NICA?", ["nica"]),
        # who is in it, what it says, what is going on: no definition
        ("who's actually in the harbour partnership?", None),
        ("what's the harbour plan say about skills?", None),
        ("whats happening with the harbour plan", None),
        # the thing named first, then asked about
        ("harbour hubs - what are they and should we join ours?", ["harbour", "hub"]),
        ("HHBs, what are those", ["hhb"]),
        ("rural reach whats the actual definition", ["rural", "reach"]),
        # what it is expected to do is what it is for: not part of its name
        ("What are harbour panels expected to do, and where will they sit?", ["harbour", "panel"]),
        ("whats the definition of rural reach", ["rural", "reach"]),
        # what it is there to do is what it is
        ("the harbour plan - what is it for?", ["harbour", "plan"]),
        ("harbour hubs - what r they actually for + who runs them", ["harbour", "hub"]),
        ("harbour plan - whats this rural reach thing?", None),
        ("whats the harbour board view?", None),  # whose view, not what it is
        ("whats the rural reach stuff in there", None),  # what it says of rural reach
        # asked for words that define it
        (
            "need a one liner defining rural reach for a board paper - what do they say",
            ["rural", "reach"],
        ),
        ("pls define harbour hub", ["harbour", "hub"]),
        # the words in quotes, and not what is asked after "&" or "and does ..."
        ('what do they mean by trusts as a "harbour hub" in plans', ["harbour", "hub"]),
        ("whats a harbour hub & why is our trust one?", ["harbour", "hub"]),
        ("what is a harbour hub and does it apply to our CCG", ["harbour", "hub"]),
        # initials with what they stand for in brackets: the words, as documents use them
        ("whats a HH (harbour hub) and should we join one?", ["harbour", "hub"]),
        ("what is the harbour plan (draft)?", ["harbour", "plan", "draft"]),
        ("how will the harbour board define its priorities?", None),
        # a term put in quotes, then "what does that mean?"; not what follows from it
        (
            "thornby CCG here - our papers keep saying 'rural reach', what does that mean?",
            ["rural", "reach"],
        ),
        ("they keep saying 'rural reach' - what does it mean for us?", None),
        ("told to 'join the board' - what does that mean in practice, when?", None),
        ("whats meant by trusts being a 'harbour hub' in plans?", ["harbour", "hub"]),
        # where the term is used is not part of it
        ("What is meant by rural reach in the context of the moor plans?", ["rural", "reach"]),
        ("What is a harbour deal under the Coast Strategy?", ["harbour", "deal"]),
        ("what actually is reach in the moor plan sense??", ["reach"]),
        ("what is rural reach in harbour terms?", ["rural", "reach"]),
        # nor whose definition it is
        ("whats the definition of reach the moor board uses?", ["reach"]),
        ("whats the meaning of harbour hub which the board gives?", ["harbour", "hub"]),
        # an aside that asks for a definition, then "what is X"
        ("quick defn pls - what actually is a harbour hub?", ["harbour", "hub"]),
        # an opener that asks nothing, then "what is X"
        ("quick one - what actually is a harbour hub?", ["harbour", "hub"]),
        # ... but after who asks, it asks what the thing is
        (
            "quick one, new NED at a trust in Thornby - what actually is a harbour hub?",
            ["harbour", "hub"],
        ),
        # ... who asks in brackets
        (
            "quick one (acute trust, Thornby) - what are harbour hubs actually for",
            ["harbour", "hub"],
        ),
        # two sources that both define it, however many words name them
        ("the moor slides and the port briefing both define reach, is it the same?", ["reach"]),
        (
            "how do the moor LEP's board slides and the port trust's briefing define reach?",
            ["reach"],
        ),
    ],
)
def test_what_a_definition_question_defines(question, subject):
    assert definition_subject(question) == subject


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("what can the plan help us do? bullet list pls", "what can the plan help us do? pls"),
        # who wants the answer, and by when
        (
            "what should we do about it? board wants a steer by next week",
            "what should we do about it?",
        ),
        ("what is productivity? one liner for exec team", "what is productivity?"),
        ("what are the bullet points of the plan?", "what are the bullet points of the plan?"),
        ("give me one line on the benefits", "give me on the benefits"),
        ("what does 'growth' mean? explain like im 5", "what does 'growth' mean?"),
        ("which line of the plan says so?", "which line of the plan says so?"),
        # whom the asker wants to win over sets the scene
        (
            "trying to get our finance director interested in the harbour fund - how big is it?",
            "the harbour fund - how big is it?",
        ),
        ("we want to get the board on board with the plan, what next", "the plan, what next"),
        ("is the board interested in the plan?", "is the board interested in the plan?"),
        (
            "what can it do for us? need a few for a slide lol",
            "what can it do for us? need a few lol",
        ),
        # what the asker is making, whatever it is about; a bid the question asks about stays
        (
            "how big is the fund? want a stat for our harbour pitch",
            "how big is the fund?",
        ),
        ("is there money for the harbour bid?", "is there money for the harbour bid?"),
        ("whats reach? need a line for an STP paper", "whats reach?"),
        # the organisation a paper is for, by its initials; a topic it is for stays
        ("what is the fund? doing a board paper for MHFT", "what is the fund? doing a"),
        ("doing a board paper for the fund - size?", "doing a for the fund - size?"),
        # the group a paper is for, whoever they are
        ("doing a board paper for Moor ICS health group - when?", "doing a - when?"),
        # the whole collection names nothing; one document named by its topic stays
        ("how is reach defined in the knowledge base?", "how is reach defined ?"),
        ("anything on the fund in your docs?", "anything on the fund ?"),
        ("what do the harbour docs say?", "what do the harbour docs say?"),
        # whether someone made it up is no topic
        ("is the harbour fund real or did my CEO make it up lol", "is the harbour fund real lol"),
        ("what is in the documents about the fund?", "what is in the documents about the fund?"),
        # the frame of reference names no topic of its own
        ("whats an anchor in LIS terms?", "whats an anchor ?"),
        # how many bullets is how to present it, not a number to find
        ("what do we gain? need 3-4 bullets for the exec", "what do we gain? need"),
        # a note or email the answer is for, and how long it should be
        (
            "whats the key attributes of the plan? pls keep it short, for a board cover note",
            "whats the key attributes of the plan? pls ,",
        ),
        ("what should we do? for a note to our CEO", "what should we do? to our CEO"),
        ("a note on the fund please", "a note on the fund please"),  # the note is asked for
        ("whats in it for us - bullet pts for our trust board", "whats in it for us -"),
        ("in what ways could the fund help us?", "how could the fund help us?"),
        ("whats reach in LIS-speak? simple version pls", "whats reach ? pls"),
        ("whats reach? need it for a board slide pls", "whats reach? pls"),
        ("whats reach in NHS jargon", "whats reach"),
        # what the asker thinks of their own question names no topic ("one")
        ("bit of a basic one sorry - what is reach?", "sorry - what is reach?"),
        ("dumb question but what is reach?", "what is reach?"),
        ("sorry dumb q but whats reach", "whats reach"),
        ("which one is reach?", "which one is reach?"),
        # a sign-off asks nothing more ("advise" would find a sentence about advisers)
        ("when shd we influence the plan? pls advise", "when shd we influence the plan?"),
        ("what is reach? any advice welcome, thanks in advance", "what is reach? ,"),
        ("a plain english definition of reach?", "a definition of reach?"),
        ("why is reach considered important?", "why is reach important?"),
        ("why is reach regarded as a hub?", "why is reach regarded as a hub?"),
        # how new the asker is to it names no topic ("new" would find "new partners")
        ("Moor STP here, new to all this - what is reach?", "Moor STP here, - what is reach?"),
        ("im new here - what is the fund?", "- what is the fund?"),
        ("what are the new towns?", "what are the new towns?"),
        ("what is reach? a 1 liner for the board", "what is reach?"),
        ("two or three bullet points on the fund pls", "on the fund pls"),
        # the kind of answer wanted, before the question that names its topic
        ("need a stat for a board paper - how many hubs are there?", "- how many hubs are there?"),
        ("need a number: how big is the fund?", ": how big is the fund?"),
        ("need a stat on hubs", "need a stat on hubs"),
        # how many things the message asks names none of them
        ("two qs: whats the fund? and who runs it", ": whats the fund? and who runs it"),
        ("couple of questions - what is reach?", "- what is reach?"),
        (
            "what are the three questions the review asks?",
            "what are the three questions the review asks?",
        ),
        # that it happens often: a document says where it "features", not that it "keeps"
        (
            "where does health keep showing up in the plans?",
            "where does health showing up in the plans?",
        ),
        ("why do we keep the fund?", "why do we keep the fund?"),
        # what someone keeps saying is their claim, which the question reads as such
        ("our LEP keeps saying it is due by 2020", "our LEP keeps saying it is due by 2020"),
    ],
)
def test_how_to_present_the_answer_is_not_part_of_the_question(question, read):
    assert without_presentation(question) == read


def test_a_count_before_a_plural_asks_for_a_list():
    assert wants_list("tl;dr the 4 grand challenges in the strategy")
    assert not wants_list("is the grand challenge in the strategy")
    # ... and so does asking for the answer as one
    assert wants_list("where does health show up in the strategies? quick list pls")
    assert wants_list("where does health show up in the strategies? pls list")
    assert not wants_list("is there a list of the strategies?")


def test_which_things_do_something_asks_for_a_list_of_them():
    """ "which health areas come up in most plans?": the plural that does something is what
    is listed, whatever words name its kind."""
    assert listed_noun("which health areas come up in most moor plans? need a summary") == "area"
    assert wants_list("which harbour towns feature in the moor plan?")
    assert not wants_list("been asked to sit on a harbour panel - what do HPs actually do?")
    # of a kind, and most often
    question = "trust in leeds - what sort of health themes usually come up in moor plans?"
    assert listed_noun(question) == "theme"
    assert not wants_list("which is the harbour that comes up most?")


def test_asked_for_others_the_answer_is_more_of_what_was_listed():
    question = (
        "the port's page lists harbour deals for fish, ferries etc - does the moor plan have "
        "any others?"
    )
    assert listed_noun(question) == "deal"
    assert wants_list("any other harbour deals in the moor plan?")
    assert not wants_list("does the moor plan have any other name?")


def test_asked_what_the_things_are_the_answer_is_a_list():
    assert listed_noun("board sec asking what the benefits r for us of getting involved") == (
        "benefit"
    )
    assert not wants_list("what the process is for agreeing it")
    assert wants_list("What does the Life Sciences Sector Deal commit to doing?")
    assert wants_list("what will the new unit include?")
    # "what works": a verb, what the evidence found
    assert not wants_list("what does the evidence say about what works in driving productivity?")
    assert listed_noun("In which broad areas does health tend to appear?") == "area"
    # "what makes ...": a verb; the list is named on its own after the dash
    assert listed_noun("what makes a proper plan - key attributes? heard etc") == "attribut"
    assert listed_noun("what makes it work? any ideas") is None
    # the plural before the verb, after the words that name its kind
    question = "moor plan - what health & rural care challenges did the review find?"
    assert listed_noun(question) == "challeng"
    assert not wants_list("what share of trusts do that?")
    # "which ones" names nothing listed
    assert listed_noun("whats the 4 aims, and which ones matter for us?") != "one"
    # what a source says they are
    assert listed_noun("what does the review say are the harbour's key strengths?") == "strength"
    # the last noun of what is named, however typed ("r", "&")
    question = "what does the review say r our health & life sci strengths?"
    assert listed_noun(question) == "strength"
    assert listed_noun("what does the review say are the ferries & ports strengths?") == "strength"
    question = "what did the review say the towns health & harbour services strengths are?"
    assert listed_noun(question) == "strength"
    assert listed_noun("what did it say our harbour n ferry strengths are? list pls") == "strength"
    # the last plural of the name: "life sciences" names the strengths, "sector" the deals
    assert listed_noun("what are the key health & harbour services strengths?") == "strength"
    assert listed_noun("what are the harbour services sector deals?") == "deal"
    assert listed_noun("what are the key priorities across the region?") == "prioriti"
    # named at length, after a place's possessive ("the North East's main health & ...")
    question = "what are the moor towns' main health & harbour services strengths?"
    assert listed_noun(question) == "strength"
    question = "can u list the Moor Valley's main health & harbour services strengths"
    assert listed_noun(question) == "strength"
    assert listed_noun("outline the role of harbour boards in the plan") is None
    # "whats holding back X", as the documents' word reads it ("whats challenges ...")
    assert listed_noun("whats challenges health and harbours in the moors") == "challeng"
    assert not wants_list("what does the review say is the aim?")
    assert listed_noun("what did the review say the challenges are for us?") == "challeng"
    # a box or section named by what it lists: "what does it list?" lists its items
    question = "the moor plan has a box called key strengths of the harbour - what does it list?"
    assert listed_noun(question) == "strength"
    assert listed_noun("what does the section headed 'main risks' list?") == "risk"


def test_who_is_in_a_body_asks_for_a_list_of_its_members():
    assert asks_members("who's actually in harbour partners? im at QE")
    assert listed_noun("who's actually in harbour partners? im at QE") == "partner"
    assert listed_noun("who makes up the harbour board") == "board"
    assert wants_list("who is on the steering group?")
    assert not asks_members("who's in charge of the fund?")
    assert not asks_members("who is the chair?")


def test_what_someone_gains_asks_for_the_benefits_and_who_gains_is_an_aside():
    question = "What could an integrated care system gain from influencing its strategy?"
    assert asks_what_it_gains(question) and wants_list(question)
    assert gainer_terms(question) == terms("integrated care system")
    assert gainer_terms("whats in it for a trust to engage with its LIS?") == ["trust"]
    assert asks_what_it_gains("ok so whats actually in it for us engaging with the board?")
    # the words naming the document ask nothing
    assert asks_what_it_gains(
        "What does the Harbour Trust's 2019 briefing say that influencing a local moor plan "
        "could help NHS organisations to do?"
    )
    assert asks_what_it_gains("why would the nhs even bother with the moor plan tbh?")
    assert asks_what_it_gains("whats in it for us (nhs) getting involved in the plan?")
    assert not asks_what_it_gains("harbour plan - whats in it for health?? and who chairs it")
    assert not asks_what_it_gains("what should our ICS do to gain a seat on the board?")
    # who gains may come before "can gain": "what advantages does X say the NHS can gain"
    assert asks_what_it_gains("What advantages does the plan say the NHS can gain from it?")
    # what it could help someone do, or do for them
    assert asks_what_it_gains("what could influencing the plan help NHS organisations to do?")
    assert asks_what_it_gains("what can getting stuck into the plan actually do for us?")
    # "in what ways" is read as "how"
    assert asks_what_it_gains(
        without_presentation("in what ways could influencing the plan help an NHS trust?")
    )
    # what it could get or give them
    assert asks_what_it_gains("what could influencing the plan actually get us? need to sell it")
    assert asks_what_it_gains("what does the plan give the NHS?")
    assert not asks_what_it_gains("what did they get")
    assert not asks_what_it_gains("what can the growth hub do?")
    assert asks_what_it_gains("whats the point of us bothering with the plan??")
    assert not asks_what_it_gains("What is the value of the harbour fund?")
    # whose view is asked, then who gets it: "... reckon our trust actually gets out of it"
    assert asks_what_it_gains("what does the confed reckon our trust actually gets out of it?")
    # how it helps someone, not how we help
    assert gainer_terms("how does influencing the plan actually help a trust?") == ["trust"]
    assert not asks_what_it_gains("how can we help the harbour board?")
    # what a body does for them, not what doing something brings
    assert not asks_what_it_gains("how does the board actually help trusts? whos the person")
    assert asks_what_it_gains("how would getting involved help us?")
    # the benefits of doing something: what doing it brings
    assert asks_what_it_gains("what r the 6 benefits of influencing ur plan?")
    assert not asks_what_it_gains("what are the benefits?")
    assert asks_what_it_gains("the board says joining could help us with what exactly?")
    assert asks_what_it_gains("the board says joining could help us - with what exactly?")
    assert asks_what_it_gains("what does the board say joining could actually help us with? lol")
    assert not asks_what_it_gains("who can help us with the moorland board?")  # a person
    assert asks_what_it_gains("whats the actual benefit for the nhs in joining the board?")
    assert asks_what_it_gains("whats actually the point of us getting involved in the plan?")
    assert asks_what_it_gains("what could influencing the plan actually help us with? list pls")
    assert asks_what_it_gains("what can joining the board help an ICS with?")
    assert not asks_what_it_gains("what can the board help with the harbour bid?")


def test_a_phrase_naming_a_list_with_nothing_else_asked_asks_for_the_list():
    assert listed_noun("harbour health n care challenges from the plan review") == "challeng"
    assert listed_noun("harbour plan targets") == "target"
    assert not wants_list("the challenges are big, what now")


def test_asked_to_set_out_things_the_answer_is_their_list():
    assert listed_noun("could you give me a line setting out the benefits of engaging?") == (
        "benefit"
    )
    assert listed_noun("outline the main risks for trusts") == "risk"
    # or by its clipped name alone
    assert listed_noun("key challenges for the harbour board per the evidence?") == "challeng"
    assert listed_noun("harbour plan - main risks for trusts?") == "risk"
    assert not wants_list("main thing is the funding, what is it?")
    assert not wants_list("tell me the process for agreeing it")
    assert not wants_list("give me the status of the plan")


def test_whom_to_contact_is_a_contact_question():
    assert is_contact_question("Whom should NHS leaders contact to discuss the strategy?")
    assert not is_contact_question("Whom does the strategy serve?")
    assert is_contact_question("who shld we be talking to at the LEP re our LIS??")
    assert is_contact_question("the growth guy at the board, whats his name and email?")
    assert not is_contact_question("whats the name of the fund?")
    assert is_contact_question("whos the confed contact for local growth?")
    assert is_contact_question("whos the port person to talk to abt reach? email pls")
    # contacts asked for after saying who asks, or any contacts at all
    assert is_contact_question("were a trust in thornby - MN contacts for the LIS pls")
    assert is_contact_question("any contacts for the thornby LIS?")
    assert not is_contact_question("we made contacts in the LEP, what next?")
    assert not is_contact_question("who is the chair of the board?")
    assert is_contact_question("whos the confed person for local growth / LEP stuff?")
    assert is_contact_question("whos the confed's go-to person on local growth / LIS stuff?")
    assert not is_contact_question("who is the person on the board?")
    assert not is_contact_question("whos the health person on the lincs LEP?")  # who holds it
    # which body or person to approach
    assert is_contact_question("Which organisation should a trust in Truro approach about it?")
    assert not is_contact_question("which body leads the strategy?")
    # anyone to talk to, whom to ring, someone + their email
    assert is_contact_question("anyone at the LEP we should be talking to about health?")
    assert is_contact_question("what should we do about it? and who do we ring")
    assert is_contact_question("whos the confed's growth person + their email?")
    # who leads a named area's strategy: the body the directory names for it
    assert is_contact_question("who leads GM LIS and when did it come out?")
    assert is_contact_question("who runs the LIS in dorset?")
    assert is_contact_question("who actually leads the GM local industrial strategy?")
    assert not is_contact_question("who leads the local industrial strategy?")  # anywhere
    assert not is_contact_question("who leads the LIS in a mayoral area vs the rest?")
    assert is_contact_question("salford ccg who leads our lis")  # the asker's area's
    assert not is_contact_question("who leads the development of the LIS?")
    # a body's contact for something, a person at a body, whom to ask
    assert is_contact_question("board contact for local growth stuff?")
    assert is_contact_question("whats the board contact for LEP stuff? need a name")
    assert not is_contact_question("what did the contact for dorset say?")
    assert is_contact_question("who at the board helps trusts with LIS stuff?")
    assert is_contact_question("who at the board do i ask about local growth?")
    assert not is_contact_question("who is asking the LEP to include health?")
    assert is_contact_question("the board growth person - who was it again?")
    assert is_contact_question("whos the board growth guy and whats his job title?")
    assert not is_contact_question("who is the guy who chairs the board?")
    # the asker's area's body
    assert is_contact_question("exeter trust here - who's our lep and where are their docs?")
    assert is_contact_question("which LEP covers us and does their plan say anything?")
    assert not is_contact_question("who is our LEP chair?")  # who holds the office
    # someone there to email
    assert is_contact_question("does the board have a growth person i can email?")
    assert not is_contact_question("does the board have a growth plan i can read?")
    assert is_contact_question("whats the name + email of the board person for growth stuff?")
    assert not is_contact_question("whats the name of the fund?")


def test_the_noun_a_how_many_question_counts_includes_the_end_of_its_name():
    assert "routes" in counted("how many T level routes are there? and whats next")
    assert counted("how many people work in health in the town") == ["people"]  # a verb
    assert counted_noun("how many T level routes are there?") == "routes"
    assert counted_noun("how many NHS orgs does the board count?") == "orgs"
    assert counted_noun("how many LEPs does the network employ?") == "LEPs"


def test_what_was_done_by_a_year_is_an_event_of_that_year():
    assert event_year("did the harbour plan get refreshed after covid?") == 2020
    assert event_year("what does the harbour plan say about a pandemic?") is None
    assert event_year("how many jobs did the harbour actually create by 2024?") == 2024
    assert event_year("what did the harbour plan aim to achieve by 2024?") is None
    assert event_year("how many jobs will the harbour create by 2024?") is None
    # a year counted from today
    last_year = date.today().year - 1
    assert event_year("how much did trusts receive from the harbour fund last year?") == last_year
    assert event_year("what is the harbour plan for this year?") is None
    # a thing named by the year it happened, not a year a plan looks to
    assert event_year("what did the 2021 budget say about the harbour?") == 2021
    assert event_year("what did the harbour plan say about the 2030 target?") is None


def test_whether_an_nhs_body_should_take_part_asks_what_to_do_but_why_does_not():
    assert is_action_question("does the board think our trust should be on the panel? y/n")
    assert is_action_question("should trusts sit on the panel?")
    assert is_action_question("does our trust need a seat on the panel?? whats the board view")
    assert is_action_question("whats a harbour panel & does our trust actually need to be on it?")
    assert not is_action_question("what is the panel for, and why should trusts be on it?")


def test_who_is_in_it_asks_the_members_of_what_the_clause_before_names():
    assert members_subject("im at the QE - whats harbour partners, who's in it?") == (
        "harbour partners"
    )
    # who was there
    assert members_subject("Which harbour chairs attended the first harbour meeting?") == (
        "first harbour meeting"
    )
    assert members_subject("who was at the harbour meeting in june?") == "harbour meeting in june"
    # who leads it, then who else is in it: the body led
    assert members_subject(
        "moor ics - who's leading the harbour partnership and who else is in it?"
    ) == ("the harbour partnership")


def test_which_ones_were_done_asks_a_list_not_whether_it_happened():
    assert outcome_subject("which harbour deals has the board actually agreed so far?") is None
    assert outcome_subject("has the harbour plan actually been agreed?") == "the harbour plan"
    # whether it happened, asked without "ever" or "actually"
    assert outcome_subject("did the harbour lab get funded?") == "the harbour lab"
    assert outcome_subject("has the harbour lab been set up?") == "the harbour lab"
    # asked when, after "what date": not which ones
    assert outcome_subject("on what date was the plan eventually agreed?") == "the plan"
    assert outcome_subject("what came out of the first harbour mtg?") == "the first harbour mtg"
    assert outcome_subject("what got decided at the harbour meeting?") == "the harbour meeting"
    assert outcome_subject("what did the harbour council agree at its first meeting?") == (
        "the harbour council"
    )
    # what it "ended up" doing is its result
    assert outcome_subject("what did the harbour review end up recommending?") == (
        "the harbour review"
    )
    # which ones won a competition: its result
    assert outcome_subject("which towns won harbour fund money?") == "harbour fund money"


def test_spending_finds_what_documents_call_investment():
    assert "invest" in other_words_for("spend")
    # what a plan is expected to steer, it will "guide"
    assert "guid" in other_words_for("steer")
    # how fast a population is meant to grow: "projected to increase"
    assert "increas" in other_words_for("grow")
    # who checks it is working: who will "assess progress"
    assert "assess" in other_words_for("check")


def test_the_topic_asked_about_a_thing():
    assert topic_asked("NE plan - anything on ageing? we're at the freeman") == ["age"]
    assert topic_asked("what does the plan say about skills and health?? also who") == [
        "skill",
        "health",
    ]
    assert topic_asked("what is the harbour plan?") == []


def test_where_to_find_something_is_not_what_to_do():
    question = "what did the harbour plan say about ferries? and where do i read it"
    assert asks_where_to_find(question) and not is_action_question(question)
    assert asks_where_to_find("link to the harbour plan pls")
    assert is_action_question("where should our trust start with the harbour plan?")


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("inclusive growth was not even in the white paper?", True),
        ("did the white paper cover inclusive growth or not?", True),
        ("what was missing from the strategy?", True),
        ("does the white paper make inclusive growth a central theme?", True),
        ("what notable omission from the plan does the board highlight?", True),
        ("is inclusive growth actually in the industrial stratergy? our NED says it is", True),
        ("is there a deadline in the plan?", True),
        ("did the national plan say much abt inclusive growth? our CCG is v keen", True),
        ("does the plan say anything abt inclusive growth?", False),
        ("what is in the white paper?", False),
        ("is the NHS the biggest employer?", False),
        ("is it true the harbour fund is £1bn?", False),
        ("is nhs engagement in the LIS good everywhere or patchy?", False),
        ("does the plan make the case for a new hospital?", False),
        ("which areas have not agreed a strategy?", False),
    ],
)
def test_questions_about_what_is_left_out(question, asks):
    assert asks_if_absent(question) == asks


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("what is the moor fund, and who gets the money?", ["what is the moor fund", "who gets"]),
        # "it" is the moor fund: the clause before says so
        ("how is reach defined, and why does it matter?", ["reach defined", "reach defined"]),
        ("the moor fund - who chairs it? whats his background", ["who chairs", "who chairs"]),
        # asides that ask nothing are not parts
        ("which villages does the bus serve? need a line for my board", ["which villages"]),
        ("which villages does the bus serve? please, we're a trust in thornby", ["which villages"]),
        ("which four moorland challenges did the plan name?", ["four moorland challenges"]),
        # "what will they do?" says nothing without the clause before it
        ("What are harbour panels, and what will they do?", ["harbour panels", "they do"]),
        # "also", "+" and a new sentence join a second question as "and" does
        ("what does the plan cover. also whats the fund", ["plan cover", "the fund"]),
        ("what does the board chair do + who is it?", ["chair do", "who is it"]),
        ("who runs moor partners & who's in it?", ["who runs moor partners", "who's in it"]),
        # what "its" is, though the clause before asks only after a dash
        (
            "were at MHT - does the moor plan have a health section & what are its priorities?",
            ["health section", "moor plan have a health section &  what are its priorities"],
        ),
        # a question word after its preposition
        ("how many extra jobs and by what year?", ["many extra jobs", "by what year"]),
    ],
)
def test_the_parts_a_question_asks(question, parts):
    found = asked_parts(question)
    assert len(found) == len(parts)
    for part, said in zip(found, parts, strict=True):
        assert said in part


def test_what_is_counted_ends_where_the_next_question_starts():
    assert count_subject("moor jobs target - how many extra jobs and by what yr?") == (
        "how many jobs"
    )
    # asked in the place of what is counted, after the doing and its doer
    assert count_subject("the harbour board employs how many staff?") == (
        "the harbour board employs how many staff"
    )
    assert count_subject("trust in leeds how many hubs are there?") == "how many hubs are there"


@pytest.mark.parametrize(
    ("question", "body"),
    [
        (
            "who else sits on the harbour health and enterprise board apart from the chair?",
            "harbour health and enterprise board",
        ),
        ("Which organisations are members of the Harbour Board?", "Harbour Board"),
        ("who's actually in harbour partners? im at kingsbridge", "harbour partners"),
        ("the harbour partnership - who else is in on it, is it the uni?", "it"),
        ("who sits on the steering group and who signs the plan off", "steering group"),
        ("whos actually in harbour health partners & who runs it?", "harbour health partners"),
        ("who sits on the health & wellbeing board?", "health & wellbeing board"),
        ("who is in charge of the plan?", None),
        # the kind of member, qualified ("NHS trusts"), and the time asked of after the body
        ("which NHS trusts sit on the harbour LEP board at the moment?", "harbour LEP board"),
        ("which universities are part of harbour partners?", "harbour partners"),
        # who has joined it
        ("which trusts have signed up to the harbour partnership?", "harbour partnership"),
        ("who has joined the harbour board?", "harbour board"),
        ("who is the NHS rep on the harbour LEP board?", "harbour LEP board"),
    ],
)
def test_the_body_a_question_asks_the_members_of(question, body):
    assert members_subject(question) == body


def test_what_a_question_calls_the_body_it_asks_the_members_of():
    """A sentence that gives the members says what kind of body it is in these words."""
    assert _kind_of_body("steering group overseeing the harbour plan") == terms("steering group")
    assert _kind_of_body("Harbour Health and Enterprise Board") == terms("enterprise board")
    assert _kind_of_body("their health partnership") == terms("partnership")  # described
    # known by whose it is: "a partnership with ..."
    assert _kind_of_body("the lis health partnership at our LEP") == terms("partnership")
    assert _kind_of_body("the harbour health partnership") == terms("health partnership")


def test_a_part_that_refers_back_asks_its_own_thing_not_the_earlier_ones():
    """ "who is jane doe and what does she say ...": the second part names her, and asks
    what she says, not again who she is."""
    first, second = asked_parts("who is jane doe and what does she say is holding the moor back?")
    assert definition_subject(first) == ["jane", "doe"]
    assert "jane doe" in second
    assert definition_subject(second) is None


def test_a_part_that_refers_back_keeps_what_it_refers_to_apart_from_what_it_asks():
    """ "... at the harbour board? and did they say anything about rural buses": the part
    asks about rural buses; the harbour board is only who "they" are."""
    (_, nothing), (clause, referent) = parts_referring_back(
        "who should i talk to at the harbour board? and did they say anything about rural buses"
    )
    assert nothing == ""
    assert "rural buses" in clause and "harbour board" not in clause
    assert "harbour board" in referent


def test_whether_to_join_ours_is_asked_of_what_the_part_before_names():
    """ "... and should we be on ours? we're an STP in the moors": a second thing asked, of
    the panels the first part names, though its own words are all small ones and who
    asks follows it."""
    parts = parts_referring_back(
        "harbour panels - what are they for and should we be on ours? we're an STP in the moors"
    )
    assert len(parts) == 2
    clause, referent = parts[1]
    assert clause.startswith("should we be on ours")
    assert "harbour panels" in referent


@pytest.mark.parametrize(
    "question",
    ["Which four long-term challenges did the plan identify?", "the 3 make-or-break issues?"],
)
def test_a_counted_list_with_hyphenated_words_is_a_list_question(question):
    assert wants_list(question)


@pytest.mark.parametrize(
    ("wants", "question", "expected"),
    [
        # a statistic or figure asked for is a number
        (wants_number, "whats the stat in the moor plan about over 75s?", True),
        (wants_number, "any stats on rural nurses?", True),
        (wants_number, "what does the moor plan say on ageing? any numbers pls", True),
        (wants_number, "what's the latest figure for moorland jobs", True),
        (wants_number, "what is the moorland plan about?", False),
        (wants_number, "can you figure out who leads it", False),
        (wants_number, "what job targets does the moor plan set?", True),  # targets are figures
        # what it is worth in money, not whether it is worth doing
        (wants_number, "how much is the harbour fund worth?", True),
        (wants_number, "is it even worth our trust bothering with the moor plan?", False),
        # the period a plan covers is asked as a date (the year it runs to)
        (wants_date, "What period will the moorland plan cover?", True),
        (wants_date, "how far out does the moor plan go, like what yr", True),
        (wants_date, "what timescale are we talking about for the plan?", True),
        (wants_date, "what does the plan cover?", False),
    ],
)
def test_the_kind_of_detail_a_question_wants(wants, question, expected):
    assert wants(question) is expected


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("is the harbour fund still open?", True),
        ("does the moorland board still exist", True),
        ("LEPs still around?", True),
        ("has it been published yet?", True),
        # "still" about what the plan will do, not where it stands today
        ("what is the harbour fund replacing? and will the NHS still get a look in", False),
        ("we still need to engage with the board, how?", False),
        # "still" in a clause that says which plan: the kind of plan, not where it stands
        ("how should a trust influence a plan that is still being developed?", False),
        ("what about plans which are still being written?", False),
        # how far the asker has got, not where the plan stands
        ("havent engaged w our plan at all yet - how shd we start?", False),
        ("we haven't responded yet, what should we say in it?", False),
        ("has the moorland plan been published yet, we need it", True),
    ],
)
def test_questions_about_where_something_stands_today(question, asks):
    assert asks_where_it_stands(question) == asks


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("what should our ICS actually do about the harbour plan?", True),
        ("What should NHS leaders do to get involved in the harbour plan?", True),
        ("how should we influence the harbour plan? practical steps pls", True),
        ("how should we go about engaging with the harbour plan? what are the steps", True),
        # the body that would act, however long its name
        ("What should the Moorland and North Fell integrated care system do for it?", True),
        # what a person says to NHS leaders, not what they should do
        ("Who is Jo Bloggs, and what is her message to NHS leaders about the harbour?", False),
        ("what does the harbour plan say about clinics?", False),
    ],
)
def test_what_to_do_asked_in_so_many_words(question, asks):
    assert asks_what_to_do(question) is asks


@pytest.mark.parametrize(
    "clause, referent, subject",
    [
        (
            "what r they actually for?",
            "should we be on the harbour advisory panels?",
            ["harbour", "advisori", "panel"],
        ),
        ("and whats it for", "how big is the pot", ["pot"]),
        (
            "what do they actually do",
            "should we be on the harbour advisory panels?",
            ["harbour", "advisori", "panel"],
        ),
        ("what do they do?", "how much is left", None),
        # not a purpose asked of what is pointed back to
        ("what are they doing about it?", "should we be on the harbour panels?", None),
        ("what is it for?", "how much is left", None),  # nothing named to point back to
        # or asked of what the clause names: what it will do
        ("What will Harbour Panels do, and", "", ["harbour", "panel"]),
        ("what do the panels actually do?", "", ["panel"]),
        ("what do harbour panels do & ", "", ["harbour", "panel"]),
        # asked as its role
        ("What role will Harbour Hubs play under the plan?", "", ["harbour", "hub"]),
        ("What role does the council expect harbour hubs to play?", "", ["harbour", "hub"]),
        (
            "What is the role of the harbour panels being set up by councils?",
            "",
            ["harbour", "panel"],
        ),
        ("What role should trusts play on the panels?", "", None),  # advice
        ("what are harbour panels meant to do", "", ["harbour", "panel"]),
        ("what are we expected to do?", "", None),
        ("what should we do?", "", None),  # what the asker should do: advice, not a purpose
    ],
)
def test_what_something_is_for(clause, referent, subject):
    assert purpose_subject(clause.removeprefix("and "), referent) == subject


@pytest.mark.parametrize(
    "question",
    [
        "we're a GP federation in stoke - what shd we do to get a say in our LIS?",
        "how can our trust have our say on the lincs strategy?",
        "how do we input into the NE LIS?",
    ],
)
def test_getting_a_say_is_searched_for_as_influencing(question, starter_store):
    """Passages say "influence" ("Knowing how to influence"); the question says "get a
    say": the search looks for the briefing's word too."""

    assert "influence" in HybridRetriever(starter_store).query(question).expanded.split()


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("what should we do on skills, and why?", True),
        # why it matters asks the reason for the answer too, not a sentence on what matters
        ("what does the plan say about panels, and why does it matter?", True),
        ("what are panels & why are they important", True),
        # why of something else is its own question
        ("what are panels, and why do trusts sit on them?", False),
        ("why does it matter?", False),
    ],
)
def test_why_after_what_is_asked_asks_the_reason_for_the_answer(question, asks):
    assert asks_why_of_the_answer(question) is asks


def test_which_areas_did_something_asks_places_but_which_areas_of_a_topic_does_not():
    assert places_asked("which areas have published their plans yet?") == (
        "have published their plans yet"
    )
    assert (
        places_asked("Which areas were the first harbour towns?") == "were the first harbour towns"
    )
    assert places_asked("In which areas does health feature in the plans?") is None
    assert places_asked("which areas of the harbour plan matter to clinics?") is None


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("who else shd we be working with apart from the harbour board?", True),
        ("anyone else we shd bring in?", True),
        ("Besides the harbour boards, which partners are expected to take part?", True),
        ("which other organisations should sit on the panel?", True),
        # beyond a thing, not beyond parties
        ("apart from setting priorities what will the harbour plans steer?", False),
        ("which ferries have been funded so far? know about the north route, what else", False),
    ],
)
def test_who_else_asks_for_parties_beyond_the_ones_named(question, asks):
    assert asks_who_else(question) is asks


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("where does health usually show up in the harbour plans? quick list pls", True),
        ("Under which broad themes does health most often appear in the harbour plans?", True),
        ("moor STP here - where does care tend to crop up in the early draft plans?", True),
        ("In which themes does care most often feature in the plans?", True),
        # where to find something, or where money comes from: not where a topic features
        ("where do we find the harbour plan?", False),
        ("where does the money come from?", False),
    ],
)
def test_where_a_topic_shows_up_asks_for_the_areas_it_features_in(question, asks):
    assert asks_where_it_features(Vocabulary([]).read(question)) is asks
    if asks:
        assert set(terms("areas features")) <= set(terms(answer_words(question)))


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("hows the harbour trust actually helping ferry operators?", True),
        ("is the harbour trust actually doing anything to help us w our plan??", True),
        ("what does the harbour trust actually do to help ferry operators?", True),
        # what the asker should do, or could do to help
        ("what should we do about the harbour plan?", False),
        ("how can we help the harbour trust?", False),
    ],
)
def test_what_a_party_does_is_asked(question, asks):
    assert asks_what_they_do(Vocabulary([]).read(question)) is asks


def test_the_first_thing_to_do_is_the_first_step():
    """ "whats the first thing we shd do?": a briefing says "the first step"."""
    question = Vocabulary([]).read("STP in thornby - whats the first thing we shud do?")
    assert "step" in terms(answer_words(question))
    assert "step" not in terms(answer_words("what is the first meeting about?"))
    assert "step" in terms(answer_words("what should we do first to get into the moor plan?"))


def test_any_figures_on_something_name_what_they_are_of():
    assert figures_subject("did it work? any numbers from harbour works?") == "harbour works"
    assert figures_subject("what does it say on ageing? any stats on the over 75s") == (
        "the over 75s"
    )
    # figures of nothing named: the rest of the question says what they are of
    assert figures_subject("what does the plan say on jobs? any numbers pls") is None
