"""The tokenizer that keyword search and answer scoring share."""

import pytest

from bot.engine.text import (
    asker_terms,
    background_terms,
    emphasised_terms,
    source_terms,
    terms,
    told_and_asked,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What are T levels?", ["t", "level"]),
        ("Our ICSs and the NHS's STPs", ["ic", "nhs", "stp"]),
        ("We don't know what it's for", []),
        # Typed with or without the hyphen, as word or digits: the same terms.
        ("ultra-low emission", ["ultra", "low", "emiss"]),
        ("the 1st meeting of five", ["1st", "meet", "5"]),
        ("the first meeting of 5", ["1st", "meet", "5"]),
        # greetings and how the asker means to get in touch name no topic
        ("hi, who should we be talking to about the fund?", ["fund"]),
        ("an anchor for LIS purposes", ["anchor", "lis"]),
        ("for the CEO before thurs", ["ceo"]),
        # a quality noun keeps what makes it one: productivity is not products
        ("productivity and new products", ["productiv", "new", "product"]),
        # whose view, and how to answer, name no topic either
        ("does the board think we should be on the panel? y/n", ["board", "panel"]),
        # what to push or lobby for is advice asked, not a topic ("This lab will push ...")
        ("what should we push for with the board", ["board"]),
        # "the innovation bits of the plan" are the innovation parts of it
        ("the innovation bits of the plan", ["innov", "plan"]),
        # asking for tips, how often a document says it: no topic
        ("any tips on the fund? could it help?", ["fund", "help"]),
        ("explaining the fund to our board", ["fund", "board"]),
        # nor when the answer is needed
        ("the fund? paper due tomorrow", ["fund", "paper", "due"]),
        ("the slides say productivity a lot, they bang on about it", ["slide", "productiv"]),
        # American spellings and the noun "analysis" meet the British verbs of the documents
        ("analyze the analysis they analysed", ["analys", "analys", "analys"]),
        ("prioritize organizations", ["prioritis", "organis"]),
    ],
)
def test_terms(text, expected):
    assert terms(text) == expected


def test_words_that_name_the_source_are_not_the_topic():
    assert source_terms(
        "What did the NHS Confederation 2017 briefing identify as missing from the plan?"
    ) == ["nhs", "confeder", "2017", "brief"]
    # "NHS" is also what the question is about
    assert source_terms(
        "According to the NHS Confederation, how many people does the NHS employ?"
    ) == [
        "accord",
        "confeder",
    ]
    assert source_terms("roughly how long is the Industrial Strategy white paper?") == terms(
        "Industrial Strategy white paper"
    )
    # the document, named before the question
    assert source_terms("harbour briefing - whats in it for us?") == terms("harbour briefing")
    # and asked for after the question
    assert source_terms("whats in the ferry deal?? harbour board slides pls") == terms(
        "harbour board slides pls"
    )
    # whose view is asked: "what does the harbour board reckon ..."
    assert source_terms("what does the harbour board reckon we get out of the fund?") == terms(
        "harbour board"
    )
    assert source_terms("should we join the panel? whats the harbour board view") == terms(
        "harbour board view"
    )
    assert source_terms("what is the view of the harbour board?") == []  # asked of the board
    # whose definition is asked: "how does the harbour board define reach?"
    assert source_terms("how does the harbour board define reach?") == terms("harbour board")
    # a paper named by its year or whose it is; not one named by what it is on
    assert source_terms("what did the boards 2017 paper say we shd do?") == terms(
        "boards 2017 paper"
    )
    assert source_terms("what did the board's paper say?") == terms("board's paper")
    assert source_terms("when is the green paper on care due?") == []
    assert source_terms("is the harbour deals paper out?") == []


def test_sentences_that_set_the_scene_are_not_the_topic():
    told = background_terms(
        "Our board asked why we spend time on it with a deficit to manage. "
        "Could you give me the benefits of engaging?"
    )
    assert "deficit" in told and "benefit" not in told
    # every sentence asks, or the asking one says too little to be about anything
    assert background_terms("What is it? And who leads it?") == []
    assert background_terms("board keeps asking what the plan says on health. any pointers?") == []


def test_a_scene_set_in_lower_case_is_told_not_asked():
    told, asked = told_and_asked("im a gp, new to this. what does 'productivity' mean?")
    assert told == ["im a gp, new to this."] and asked == ["what does 'productivity' mean?"]
    # a question inside a telling sentence asks; an asking sentence with no topic leans on
    # the sentence before
    assert told_and_asked("the board asks what the plan says. any pointers?")[0] == []
    assert told_and_asked("it says march 2019, I've seen 2020. which is it??")[0] == []


def test_what_the_answer_is_for_after_a_dash_is_told():
    told, asked = told_and_asked("which ones matter most for trusts - need a line for our board")
    assert told == ["need a line for our board"] and asked == ["which ones matter most for trusts"]
    # a second question after the dash still asks
    assert told_and_asked("whats the plan - and who leads it?")[0] == []


def test_what_the_asker_thought_is_told_however_it_ends():
    told, asked = told_and_asked("when is the plan due? i thought it was 2019?? confused")
    assert told == ["i thought it was 2019??", "confused"] and asked == ["when is the plan due?"]
    # unless it asks within
    assert told_and_asked("i heard 2019 but when is it due? thanks")[1] == [
        "i heard 2019 but when is it due?"
    ]


def test_whose_view_is_asked_is_the_source_not_the_topic():
    assert source_terms("did the plan address transport, in the NHS Confederation's view?") == [
        "nhs",
        "confeder",
        "view",
    ]
    assert source_terms("whats the harbour fund & why does the confed think we shd care?") == terms(
        "confed"
    )


def test_where_the_asker_is_is_the_topic_when_the_question_asks_about_it():
    assert asker_terms("grimsby trust here - what does the strategy say on skills?") == (
        terms("grimsby trust")
    )
    assert asker_terms("grimsby trust here - anything in the strategy about grimsby?") == (
        terms("trust")
    )
    # asked what concerns them, or what their area's body says, the asker is the topic (not
    # asked about "our LIS", which every area has)
    assert asker_terms("we're an ambulance trust - anything relevant to us?") == []
    assert asker_terms("thornby ccg here - does the plan mention us at all?") == []
    assert asker_terms("thornby ics here - what did our LEP say about health?") == []
    assert asker_terms("thornby ICS - who leads the health partnership w/ us?") == []
    # one LEP asked of, "the LEP", is theirs; the LEP's web page is a document
    assert asker_terms("thornby ICS here - who at the LEP is driving health?") == []
    assert asker_terms("thornby ICS here - what does the LEP's web page say?") == (
        terms("thornby ICS")
    )
    assert asker_terms("moors trust here, whats the deadline for our LIS?") == terms("moors trust")
    # "our STP is <name>" says where they are; "our trust is keen to ..." does not
    assert asker_terms("our STP is Moor & Fen - is there a deadline for the plan?") == (
        terms("STP is Moor & Fen")
    )
    assert asker_terms("our trust is keen to get involved, whats the deadline?") == terms("trust")
    question = "Our STP falls within Moor & Fen, which has a combined authority. Who leads it?"
    assert asker_terms(question) == terms("STP falls within Moor & Fen")
    assert asker_terms("ambulance trust here - what does the strategy mean for us") == []
    # whose view the question checks
    assert asker_terms("our DPH reckons the fund is gone - is that right?") == terms("DPH")
    assert asker_terms("my opposite number thinks the fund is gone") == terms(
        "opposite number thinks"
    )
    assert asker_terms("our CCG in Moor & Dale keeps saying its 2020 - true?") == terms(
        "CCG in Moor & Dale keeps saying"
    )
    assert asker_terms("someone at Moorside CCG said the fund is gone - true?") == terms(
        "someone at Moorside CCG said"
    )
    assert set(terms("Moor and Dale")) <= set(
        asker_terms("our ICS (Moor and Dale) wants a seat on the board - what does it do?")
    )
    # where they are "up in": the place says where the asker is
    assert asker_terms("we're an ambulance trust up in the NE - does the paper say much?") == (
        terms("ambulance trust up in the NE")
    )
    # (with someone's role at the body between: "our STP estates lead (moor & dale)")
    assert set(terms("Moor and Dale")) <= set(
        asker_terms("our STP estates lead (moor & dale) is asking - does the plan say anything?")
    )
    assert not set(terms("harbour plan")) & set(  # the bracket names a plan, not the asker
        asker_terms("what does our trust's paper (the harbour plan) say?")
    )
    # a short statement that opens with who asks is all about them
    assert asker_terms("ambulance service, HQ near truro. is the harbour fund open?") == terms(
        "ambulance service HQ near truro"
    )
    # and how they keep saying it: not what the question is about
    assert asker_terms("our AHSN keeps saying the harbour fund matters") == terms(
        "AHSN keeps saying"
    )
    # "we're" with no article after it, or typed "were" where a clause opens
    assert asker_terms("whats the harbour fund? we're NHS Moorside CCG") == terms(
        "NHS Moorside CCG"
    )
    assert set(terms("NHS Moorside CCG")) <= set(
        asker_terms("whats the harbour fund? new to this, were NHS Moorside CCG")
    )
    assert asker_terms("which bodies were STPs in 2019?") == []
    # a body of three words' name ("Kent & Medway STP"), its board's paper after it
    assert set(terms("Moor & Dale STP")) <= set(
        asker_terms("how big is the fund - for our Moor & Dale STP board paper")
    )
    assert asker_terms("what can influencing our plan help an ICS do?") == []
    assert set(terms("keeps asking")) <= set(
        asker_terms("is the harbour fund open or not? our AHSN keeps asking")
    )
    # where their team is: "our trust in leeds", "our R&D lot at the QE in brum want to bid"
    assert asker_terms("at our trust in leeds, what is the harbour fund for?") == terms(
        "trust in leeds"
    )
    assert asker_terms("what is the harbour fund? our R&D lot at the QE in brum want to bid") == (
        terms("R&D lot at the QE in brum")
    )
    assert asker_terms("what is the harbour fund? our STP in the high moors wants to bid") == (
        terms("STP in the high moors")
    )
    # the body's own board or team, then where it is: "im on our ICS board in Notts"
    assert asker_terms("im on our ICS board in thornby - what is the harbour fund for?") == (
        terms("ICS board in thornby")
    )
    # who says they are here, by any name: "UHB here (brum) - ..."
    assert asker_terms("MHT here (moors) - what is the harbour fund for?") == terms("MHT")
    assert asker_terms("STP in the high moors (thornby) - what is the harbour fund for?") == terms(
        "STP high moors thornby"
    )
    # a health and care partnership by its initials, the town in brackets; or "based in"
    assert asker_terms("moors HCP (thornby) - is the harbour fund open?") == terms(
        "moors HCP thornby"
    )
    assert asker_terms("M&T ICS, based in thornby - what is the harbour fund for?") == terms(
        "M&T ICS based in thornby"
    )
    # an NHS body by its name, where it is based; a GP federation
    assert asker_terms("NHS Moors & Dales, based in thornby - what is the harbour fund?") == (
        terms("NHS Moors & Dales based in thornby")
    )
    assert asker_terms("GP federation in thornby - what is the harbour fund?") == terms(
        "GP federation thornby"
    )
    # a role the asker says is theirs, at a body known by its initials, the town in brackets
    assert asker_terms("im the strategy lead at THH (thornby) - what is the harbour fund?") == (
        terms("im the strategy lead at THH thornby")
    )
    # where they write from, after a greeting; a role "of" something at a body; a hospice
    assert asker_terms("hello from thornby (THH), what is the harbour fund?") == terms(
        "thornby THH"
    )
    question = "as the director of strategy at a trust in thornby, what is the harbour fund?"
    assert asker_terms(question) == terms("director of strategy at a trust in thornby")
    assert asker_terms("im on the board of a hospice in thornby - what is the harbour fund?") == (
        terms("hospice in thornby")
    )
    # an integrated care partnership, or an opening that runs on into why they ask
    assert asker_terms("our ICP wants to know: what is the harbour fund for?") == terms("ICP")
    assert asker_terms("moors ICB wondering what the harbour fund is for") == terms("moors ICB")
    # who asks, named at the very end
    assert asker_terms("what is the harbour fund for? moors ICB asking") == terms("moors ICB")
    assert asker_terms("is it worth it?? the harbour trust wondering") == terms("harbour trust")
    # where they are, with what they add in brackets
    assert asker_terms("were in thornby (NM) - who leads the harbour fund?") == terms("thornby NM")
    assert asker_terms("who runs it? im at st hild in thornby (HHT) and our exec asks") == (
        terms("st hild thornby HHT exec asks")
    )
    # two names for where they are, either side of a slash
    assert asker_terms("st hild / thornby trust here, what is the harbour fund for?") == terms(
        "st hild thornby trust"
    )
    # ... or at the start of a later sentence
    assert asker_terms("what do we get out of it?? acute trust in truro, board asking") == (
        terms("acute trust truro board")
    )
    # where they are, then how they feel about it
    # who "us" are, in brackets
    assert asker_terms("whats the point of us (acute trust in thornby) joining in?") == terms(
        "acute trust in thornby"
    )
    # where they are, then the body they are part of
    assert asker_terms("what should we do first? we're in thornby, MN&H ICS") == terms(
        "thornby MN&H ICS"
    )
    assert asker_terms("we're a CCG in thornby and feel out of the loop, who can help?") == (
        terms("CCG in thornby")
    )
    # then what they are working on
    assert asker_terms("we're a trust in thornby doing our estates strategy - any tips?") == (
        terms("trust in thornby")
    )


def test_a_clause_that_asks_after_saying_who_asks_is_asked():
    # "whos", "whens" as typed, after a dash that ends who asks
    assert told_and_asked("were a trust in truro - whos the harbour lead. we like boats") == (
        ["we like boats"],
        ["were a trust in truro - whos the harbour lead."],
    )


def test_a_role_on_the_nhs_side_opening_the_question_is_who_asks():
    assert asker_terms("moors ics programme manager - what does the harbour fund pay for?") == (
        terms("moors ics programme manager")
    )
    assert asker_terms("workforce lead at an STP: who sits on the harbour board?") == terms(
        "workforce lead STP"
    )
    assert asker_terms(
        "im in the older peoples team at a community trust in thornby, what are the priorities?"
    ) == terms("older peoples team community trust thornby")
    # a board member: "im a non exec at a trust in thornby - ..."
    assert asker_terms("im a non exec at a trust in thornby - what are harbour panels?") == (
        terms("non exec trust thornby")
    )
    # after a greeting
    assert asker_terms("hi, strategy lead at a trust in thornby here - who runs the fund?") == (
        terms("strategy lead trust thornby")
    )
    # an NHS body of any kind, where it is, then "asking"
    assert asker_terms("AHSN in thornby asking - what are harbour panels?") == terms("AHSN thornby")
    # a role at the body asked about is what is asked
    assert asker_terms("the harbour board lead, who was it again?") == []
    assert asker_terms("skills lead at the harbour board: who?") == []


def test_slides_are_named_by_what_they_are_of_and_a_report_asked_about_is_no_source():
    assert source_terms(
        "How is a slipway defined in the moorland local plan public engagement slides?"
    ) == (terms("moorland local plan public engagement slides"))
    assert source_terms("what did the harbour town council's latest progress report say?") == []
    # an engagement pack is slides too
    question = "How is a slipway defined in the moorland local plan engagement pack?"
    assert source_terms(question) == terms("moorland local plan engagement pack")


def test_where_something_happens_around_names_no_topic():
    # "round unis" and "around universities" are the same place, not a word to match
    assert terms("clusters round unis") == terms("clusters around unis") == ["cluster", "uni"]


def test_what_the_asker_singles_out_is_what_they_most_want_covered():
    assert emphasised_terms("anything relevant to us? esp vans/boats") == []  # "esp" is read first
    assert emphasised_terms("anything relevant to us? especially vans/boats") == terms("vans boats")
    assert emphasised_terms("what about housing, particularly for nurses?") == terms("nurses")
    assert "especially" not in terms("especially vans")


def test_where_the_asker_is_may_be_two_names_joined_and_advice_may_be_asked_for_them():
    assert asker_terms(
        "our ICS in Thornby & Moorside wants to plan for population health - any ideas?"
    ) == terms("ICS Thornby Moorside")
    # "... and we": not a name
    assert asker_terms("our trust in thornby and we want to know about the harbour fund") == terms(
        "trust thornby"
    )
    assert asker_terms("any tips for a small trust in Thornby on engaging the LEP?") == terms(
        "small trust Thornby"
    )


def test_a_bracket_opening_the_message_that_names_the_askers_body_says_who_asks():
    """Slack users tag where they write from at the start as well as at the end."""
    assert asker_terms("(STP in Thornby) can someone define reach for me?") == terms(
        "STP in Thornby"
    )
    assert asker_terms("gp fed in thornby (fen LEP area) - what is the moor plan proposing?") == (
        terms("gp fed in thornby (fen LEP area)")
    )
    # a bracket that names no body of the asker's is what is asked about
    assert asker_terms("(the moor plan) what does it say about reach?") == []


@pytest.mark.parametrize(
    ("question", "asker"),
    [
        # a closing bracket with the asker's kind of body
        ("can levy be passed on? how much + from when (MH trust, thornby)", "MH trust thornby"),
        # signing off with their body's initials
        ("what does the moor plan say about reach? - TMHT", "TMHT"),
        ("what does the moor plan say about reach? thx - NHFT", "NHFT"),
        ("what does the moor plan say about reach? cheers, UHT", "UHT"),
        ("what are the moor plan's four aims (TMHT)", "TMHT"),
        # a strategy in the closing bracket is what is asked about
        ("what does it say about reach (moor LIS)", ""),
        # their body or role, then where it is after a comma, opening the message
        ("acute trust, thornby (UHT) - what does the moor plan say?", "acute trust thornby UHT"),
        ("ICB comms lead, thornby: what does the moor plan say?", "ICB comms lead thornby"),
        (
            "strategy manager, thornby CCG: what does the moor plan say?",
            "strategy manager thornby CCG",
        ),
        # saying who they are by name: "we're <name>", closing or opening
        ("what does the moor plan say? (we're Royal Thornby & Fen)", "Royal Thornby Fen"),
        (
            "sorry to bother, we're thornby community - what does the moor plan say?",
            "thornby community",
        ),
        ("we're behind on this - what does the moor plan say?", ""),
        # where they work, then what they want to know
        ("At Thornby CCG we want to know what the moor plan says", "Thornby CCG"),
        # near a town
        ("what does the moor plan say? we're a hospice nr thornby", "hospice nr thornby"),
        # a bracket before "here"
        ("thornby general (fens) here - what does the moor plan say?", "thornby general fens"),
        # a public health role
        ("DPH office, thornby cc - what does the moor plan say?", "DPH office thornby cc"),
        # a provider named for its service
        (
            "thornby community health - how much is the moor plan putting in?",
            "thornby community health",
        ),
    ],
)
def test_who_asks_may_open_or_close_the_message_in_more_ways(question, asker):
    assert asker_terms(question) == terms(asker)


def test_the_side_of_a_thing_is_the_thing():
    """ "the innovation side of our LIS": "side" is in no document and would outweigh
    every word that is."""
    assert terms("what shd we be doing on the innovation side of our LIS?") == terms(
        "what shd we be doing on the innovation of our LIS?"
    )
