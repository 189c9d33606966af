"""Which names in a question the passages never mention."""

from bot.engine.concepts import coverage, question_concepts, unfamiliar_names
from bot.engine.glossary import Glossary, GlossaryEntry
from bot.engine.text import terms

PASSAGES = ["The Healthy Ageing programme and the Shared Prosperity Fund, agreed in 2017."]


def test_names_and_years_the_passages_never_mention_are_reported_whole():
    question = "How does the Levelling Up Fund compare with the 2027 Shared Prosperity Fund?"
    assert unfamiliar_names(question, PASSAGES) == ["Levelling Up Fund", "2027"]


def test_spelling_variants_plurals_and_possessives_are_familiar():
    assert unfamiliar_names("What is the Healthy Aging programme's Funds?", PASSAGES) == []


def test_sentence_openings_and_words_the_caller_knows_are_ignored():
    question = "Tell me about Dorset. Explain the Healthy Ageing programme and the ICS."
    known = {"Dorset", "ICS"}
    assert unfamiliar_names(question, PASSAGES, skip=known.__contains__) == []
    assert unfamiliar_names(question, PASSAGES) == ["Dorset", "ICS"]


def test_the_askers_own_organisation_is_not_what_they_ask_about():
    for question in (
        "We're Royal Devon University Healthcare. What is the Healthy Ageing programme?",
        "As Northumbria Healthcare, what does the Healthy Ageing programme offer us?",
        "What can our trust, Royal Cornwall Hospitals, get from the Shared Prosperity Fund?",
        "middlesbrough FT - what does the Healthy Ageing programme offer?",
        "hull STP here, is the Shared Prosperity Fund for us?",
        "durham + darlington FT here - what does the Healthy Ageing programme do?",
        "what does the Healthy Ageing programme offer? asking for ULHT",
        # their own people and bodies by initials, wherever the question mentions them
        "is the Shared Prosperity Fund new? our DPH reckons so",
        "what is the Healthy Ageing programme? my GP fed keeps asking",
        "is the Shared Prosperity Fund for us? we're RCHT and new in post at RCHT",
        # initials up to seven letters, and a colleague's organisation
        "is the Shared Prosperity Fund for us? asking for our estates lead at NWAMBUS",
        "who leads the Healthy Ageing programme? new in the strategy team at the RD&E",
        # where they are, then their organisation's initials
        "who do i speak to about the Shared Prosperity Fund? im at pilgrim hospital, ULHT",
        # a closing line that says only what kind of body asks, and where
        "is the Shared Prosperity Fund for us? what even is it. community and MH trust in hull",
        # who asks, said in a sentence of its own
        "hey, BSol ICS here (west mids). what does the Healthy Ageing programme offer?",
        "Kernow CCG. is the Shared Prosperity Fund for us?",
        # their body and where it is, opening the message in more ways
        "from SWB in West Brom - what does the Healthy Ageing programme offer?",
        "quick one, new NED at a trust in Norwich - what is the Healthy Ageing programme?",
        "ambulance trust, Nottingham - is the Shared Prosperity Fund for us?",
        # only where they are, in brackets, a hospital and its town
        "(Derriford, plymouth) is the Shared Prosperity Fund for us?",
        "quick one (acute trust, Bolton) - what is the Healthy Ageing programme?",
        # a closing bracket with the asker's kind of body, by its initials
        "can the Shared Prosperity Fund be passed on? how much + from when (MH trust, leics)",
    ):
        assert unfamiliar_names(question, PASSAGES) == [], question


def test_a_year_the_question_measures_against_is_familiar_when_the_passages_pass_it():
    # "beyond 2025": the passages' 2017 is not beyond it, a plan "to 2030" is
    assert unfamiliar_names("Will the programme run beyond 2025?", PASSAGES) == ["2025"]
    assert unfamiliar_names("Will it run beyond 2025?", ["A plan to 2030."]) == []
    assert unfamiliar_names("was it agreed before 2020?", PASSAGES) == []
    assert unfamiliar_names("was it agreed before 2015?", PASSAGES) == ["2015"]


def test_a_name_spelt_out_that_the_passages_give_as_initials_is_familiar():
    passages = ["In June: Jo Bloggs, Chairman of the LGA People and Places Board"]
    question = "Who speaks for the Local Government Association in the June briefing?"
    assert unfamiliar_names(question, passages) == []
    assert unfamiliar_names("does the Local Health Forum agree?", passages) == [
        "Local Health Forum"
    ]


def test_initials_of_a_name_the_passages_spell_out_are_familiar():
    passages = ["The Prime Minister will chair the Council of Local Enterprise Partnership Chairs."]
    assert unfamiliar_names("how often does the PM chair the council", passages) == []
    assert unfamiliar_names("does the CLEPC meet", passages) == []
    assert unfamiliar_names("does the LGA chair it", passages) == ["LGA"]


def test_a_short_opening_that_names_a_known_place_is_who_asks():
    question = "Royal Cornwall in Truro - what is the Healthy Ageing programme?"
    assert unfamiliar_names(question, PASSAGES, skip={"Truro"}.__contains__) == []
    assert unfamiliar_names("the Levelling Up Fund - is it new?", PASSAGES) == ["Levelling Up Fund"]


def test_the_thing_a_list_question_lists_outweighs_its_other_words():
    """The strengths slide shares the question's description of the review; the
    challenges slide names what is asked for, and covers more of the question."""
    concepts = question_concepts(
        "what challenges did the regional review find?", Glossary([]), lambda term: 1.0
    )
    challenges = frozenset(terms("the review also found these challenges"))
    strengths = frozenset(terms("the regional review found these strengths"))
    assert coverage(concepts, challenges) > coverage(concepts, strengths)


def test_chat_asides_are_not_part_of_what_is_asked():
    """ "tbh" and "fyi" are not in any document: counting them would leave a question the
    passages answer looking half covered, and refused."""
    passage = frozenset(terms("inclusive growth was missing from the industrial strategy"))
    for question in (
        "what was missing from the industrial strategy tbh",
        "fyi what was missing from the industrial strategy? thanks",
        "bit confused - what was missing from the industrial strategy? just curious",
        "what was missing from the industrial strategy, some kind of growth?",
        "was owt missing from the industrial strategy?",  # dialect for "anything"
        "what was realistically missing from the industrial strategy?",  # stress, not topic
        "like what was missing from the industrial strategy?",  # a filler
        "someone wants to know what was missing from the industrial strategy",  # a wish
        "what was missing from the industrial strategy anyway?",  # a shrug
        "should we bother - what was missing from the industrial strategy?",
        "what stuff was missing from the industrial strategy?",
    ):
        concepts = question_concepts(question, Glossary([]), lambda term: 1.0)
        assert coverage(concepts, passage) == 1.0, question


def test_getting_is_a_topic_only_when_it_asks_what_is_gained():
    """ "getting a seat on the panel" is joining it; "what would we get out of it?" asks
    for the benefits, which documents say in other words."""
    joining = question_concepts(
        "should we bother getting a seat on the harbour panel?", Glossary([]), lambda t: 1.0
    )
    assert all(c.alternatives[0] != ("get",) for c in joining)
    gaining = question_concepts(
        "what do they reckon our trust actually gets out of the panel?", Glossary([]), lambda t: 1.0
    )
    # said as a passage says a gain, not as "get" ("how you can get involved")
    assert any(("benefit",) in c.alternatives for c in gaining)
    assert all(("get",) not in c.alternatives for c in gaining)
    # or asked with no word for it at all
    implied = question_concepts("whats in it for us?", Glossary([]), lambda t: 1.0)
    assert any(("benefit",) in c.alternatives for c in implied)


def test_what_was_absent_is_covered_by_how_documents_say_it_was_missing():
    """ "Absent" and "absence" are different words to the stemmer; the passage that
    answers says "conspicuous by its absence", or "missing"."""
    concepts = question_concepts(
        "what was absent from the strategy?", Glossary([]), lambda term: 1.0
    )
    for passage in ("the strategy: conspicuous by its absence", "missing from the strategy"):
        assert coverage(concepts, frozenset(terms(passage))) == 1.0, passage


def test_a_glossary_name_does_not_swallow_the_questions_other_words():
    """ "NICA" spelt out holds "ageing": asked about ageing by someone next door to NICA,
    ageing is still what the question is about."""
    glossary = Glossary([GlossaryEntry("NICA", "National Innovation Centre for Ageing")])
    question = "does the plan say anything about ageing? NICA is next door"
    concepts = question_concepts(question, glossary, lambda term: 1.0)
    assert (("age",),) in [c.alternatives for c in concepts]


def test_a_closing_question_about_a_kind_of_body_is_still_asked():
    passages = ["Ambulance services run the fleet."]
    assert unfamiliar_names("any news on the fleet? what about the NWAS trust", passages) == [
        "NWAS"
    ]


def test_what_the_asker_singles_out_weighs_double():
    concepts = question_concepts(
        "what does the harbour plan say on transport, especially vans?",
        Glossary([]),
        lambda term: 1.0,
    )
    weights = {c.alternatives[0][0]: c.weight for c in concepts}
    assert weights["van"] == 2 * weights["harbour"]


def test_the_askers_i_is_no_name():
    """ "I'm", "I'd", "I've" are capitalised as the pronoun always is, wherever they stand."""
    for question in (
        "For context I'm new - what is the Healthy Ageing programme?",
        "what is the Healthy Ageing programme, I'd like to know",
        "So I've been asked: is the Shared Prosperity Fund for us?",
    ):
        assert unfamiliar_names(question, PASSAGES) == [], question


def test_a_later_part_that_says_what_the_asker_is_doing_names_nothing_asked():
    """ "... electric vans? our trust in thornby is looking at EVs": what the asker's body
    is doing, not what is asked; a name in what is asked is still looked for."""
    question = "does the Shared Prosperity Fund cover electric vans? our trust is looking at EVs"
    assert unfamiliar_names(question, PASSAGES + ["electric vans"]) == []
    question = "does the Levelling Up Fund cover vans? our trust in Thornby is looking at EVs"
    assert unfamiliar_names(question, PASSAGES) == ["Levelling Up Fund"]
