"""Questions as people type them: typos, clipped names, initialisms and possessives are
read in the knowledge base's own words before anything is searched or judged unknown."""

import pytest

from bot.engine.vocabulary import Vocabulary

DOCUMENTS = [
    "The Wessex Health and Care Partnership met the Wessex Health and Care Partnership "
    "board and the Wessex Health and Care Partnership steering group in Trowbridge.",
    "The Northumbria Growth Strategy sets out how Northumbria will grow. The Northumbria "
    "Growth Strategy names three priorities for Northumbria and Northamptonshire.",
    "Residents of Northamptonshire receive support through the Northamptonshire growth hub.",
    "Trowbridge makes medical devices, and the stated aim is more of them.",
    "Colleges and universities are anchor institutions in Trowbridge.",
    # "Medical" opens a name here, and is written small above: not a name of its own
    "The Medical Devices Forum meets in Trowbridge.",
]


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return Vocabulary(DOCUMENTS)


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("what is the Northumbria growth stratergy?", "what is the Northumbria growth strategy?"),
        ("what are the prioritys in Northumbria", "what are the priorities in Northumbria"),
        (
            "who sits on the WHCP board?",
            "who sits on the Wessex Health and Care Partnership board?",
        ),
        ("whats the northumb growth strategy", "whats the Northumbria growth strategy"),
        ("the partnership's steering group", "the partnership steering group"),
        ("who's on the board? what's it for", "who's on the board? what's it for"),  # "is"
        ("what does the board say", "what does the board say"),  # English words stay
        # two words typed as one, one of them the documents': the two words
        ("who sits on the growthboard?", "who sits on the growth board?"),
        # Initials typed in small letters, as chat often is.
        (
            "who sits on the whcp board?",
            "who sits on the Wessex Health and Care Partnership board?",
        ),
        # A name's second word clipped after its first in full.
        ("the wessex health and care partner", "the wessex health and care partnership"),
        # A word clipped before one the documents put after its whole.
        ("any med devices in it?", "any medical devices in it?"),
        ("whats the stat in trowbridge", "whats the stat in trowbridge"),  # before anything
        # A word typed without its vowels is the documents' word with them.
        ("who is on the steering grp?", "who is on the steering group?"),
        # A word shortened in its middle is the documents' word it starts and ends as.
        ("whats the stated instn", "whats the stated institutions"),
        ("the wssx board", "the wessex board"),
        # A typo of an English word the documents never use is that word.
        ("what does growth actualy mean", "what does growth actually mean"),
        # words joined by a hyphen are meant as typed, not as another word
        ("which clinics are co-located there", "which clinics are co-located there"),
        ("do we recieve anythng", "do we receive anything"),
        # "where do we start" asks what to do first
        ("our trust, like where do we even start?", "our trust, like what should we do?"),
        # Chat shorthand is English, whatever the documents say.
        ("wat shld we do abt the govt mtg", "what should we do about the government meeting"),
        ("wats the plan? wots a hub?", "what is the plan? what is a hub?"),
        ("wht's the plan? wot’s a hub?", "what's the plan? what’s a hub?"),
        ("quick q - whens the board", "quick question - when is the board"),
        ("what shud we do", "what should we do"),
        ("should we b on the panel", "should we be on the panel"),
        ("hv they said b/c the board asked", "have they said because the board asked"),
        (
            "r we gonna do sth bout it coz the board meets nxt wk",
            "are we going to do something about it because the board meets next week",
        ),
        ("what cd we get from it? wd it help", "what could we get from it? would it help"),
        ("agreed w the board", "agreed with the board"),
        ("what shd we be doing re the board", "what should we be doing about the board"),
        ("agreed w/ the board, not w/o it", "agreed with the board, not without it"),
        ("comms person here", "communications person here"),
        ("is a uni involved? which unis", "is a university involved? which universities"),
        # and spelt with a digit
        (
            "any1 at the board we shld talk to b4 it meets?",
            "anyone at the board we should talk to before it meets?",
        ),
        ("hows the board? hows much is it worth", "how is the board? how much is it worth"),
        # Phrasal verbs of chat in the documents' words.
        ("when did the strategy come out?", "when did the strategy published?"),
        ("where does health turn up in the strategy", "where does health features in the strategy"),
        ("where does health come up in plans?", "where does health features in plans?"),
        ("what came up at the meeting?", "what came up at the meeting?"),  # what was said
        # what holds a thing back: its challenges, asked as a list is
        ("what is holding back the moors?", "what are the challenges for the moors?"),
        ("what's holding the harbour back?", "what are the challenges for the harbour?"),
        (
            "what did the review say is holding back harbours up here?",
            "what did the review say are the challenges for harbours up here?",
        ),
        ("what held the harbour back?", "what challenges the harbour?"),
        # whether any has done it asks which have ("if so which?")
        ("have any towns published plans yet?", "which towns have published plans yet?"),
        ("Has any harbour agreed it?", "Has any harbour agreed it?"),  # one, not which
        ("what came back out", "what came back out"),
        ("what came out of the review?", "what came out of the review?"),  # its result
        ("does the harbour count as an anchor?", "does the harbour is an anchor?"),
        # "at what points can we ..." asks at which stages, not for key points
        ("at what points can we get our voice in?", "at what stages can we get our voice in?"),
        ("what are the key points", "what are the key points"),
        # letters inside a name with digits are no words: "d2n2" has no "n" for "and"
        ("is d2n2 n the board the same", "is d2n2 and the board the same"),
    ],
)
def test_questions_are_read_in_the_documents_words(vocabulary, typed, read):
    assert vocabulary.read(typed) == read


def test_chat_shorthand_is_never_read_as_a_clipped_name():
    """ "life sciences pls" is a request, not the "Life Sciences Plan" clipped."""
    vocabulary = Vocabulary(["The Life Sciences Plan sets out the Life Sciences Plan."])
    assert vocabulary.read("what about life sciences pls") == "what about life sciences please"


def test_initials_the_documents_use_themselves_are_left_alone():
    vocabulary = Vocabulary(["The NGS (Northumbria Growth Strategy) ..."] * 3)
    assert vocabulary.read("what is the NGS?") == "what is the NGS?"


def test_words_another_source_understands_are_left_alone(vocabulary):
    assert vocabulary.read("WHCP board", known=lambda word: word == "WHCP") == "WHCP board"


def test_the_vocabulary_grows_with_the_documents():
    before = Vocabulary(DOCUMENTS)
    after = Vocabulary([*DOCUMENTS, "The Zennor Maritime Cluster and the Zennor Maritime Cluster"])
    assert before.read("the Zenor cluster") == "the Zenor cluster"
    assert after.read("the Zenor cluster") == "the Zennor cluster"


def test_initials_that_spell_a_common_word_stand_for_a_name_used_often():
    often = Vocabulary(["We follow the Island Strategy closely."] * 10)
    assert often.read("when did the IS come out") == "when did the Island Strategy published"
    rarely = Vocabulary(["We follow the Island Strategy closely."] * 3)
    assert rarely.read("what is the IS") == "what is the IS"


def test_initials_keep_the_letters_of_an_acronym_in_the_name():
    vocabulary = Vocabulary(["The UK Moorland Renewal Fund pays for new harbour walls."])
    assert vocabulary.read("whats the UKMRF for?") == "whats the UK Moorland Renewal Fund for?"
    assert vocabulary.read("ukmrf - who gets it") == "UK Moorland Renewal Fund - who gets it"


def test_initials_keep_a_joining_word_as_a_small_letter_or_ampersand():
    vocabulary = Vocabulary(
        [
            "The Department for Moorland Roads met the Board of Harbours and the Tin and "
            "Clay Council once."
        ]
    )
    assert vocabulary.read("did the DfMR agree?") == "did the Department for Moorland Roads agree?"
    assert vocabulary.read("what did the BoH say") == "what did the Board of Harbours say"
    assert vocabulary.read("T&CC minutes") == "Tin and Clay Council minutes"


def test_a_word_clipped_from_one_the_asker_typed_reads_as_that_word():
    vocabulary = Vocabulary(["Ambition: ambulance trusts run the ambulance fleet."] * 3)
    assert vocabulary.read("ambulance trusts? asking for our amb service") == (
        "ambulance trusts? asking for our ambulance service"
    )
    assert vocabulary.read("our amb service") == "our Ambition service"  # nothing better typed
    # the word the documents put before "trusts", typed before "trust"
    assert vocabulary.read("amb trust here - anything for us?") == (
        "ambulance trust here - anything for us?"
    )


def test_initials_of_a_name_with_in_may_keep_or_leave_out_its_letter():
    vocabulary = Vocabulary(["The Strength in Harbours Fund pays for harbour walls."])
    assert vocabulary.read("how big is the SIHF") == "how big is the Strength in Harbours Fund"
    assert vocabulary.read("the shf pot") == "the Strength in Harbours Fund pot"


def test_a_clipped_word_the_documents_write_in_small_letters_stays_a_word():
    """A heading's "Getting" is not a name: "gettin" is the word, or the question
    would name something no passage mentions."""
    vocabulary = Vocabulary(["Getting started. Trusts are getting better at harbour work."] * 3)
    assert vocabulary.read("our trust keeps gettin asked") == "our trust keeps getting asked"
    assert "Zennorshire" in Vocabulary(["Zennorshire harbours."] * 3).read("the zennor LEP")


def test_initials_of_a_names_first_words_before_its_last_word_typed_in_full():
    vocabulary = Vocabulary(["The Health and Social Care Partnership of the moor met."] * 3)
    assert vocabulary.read("who spoke for the h&sc partnership") == (
        "who spoke for the Health and Social Care partnership"
    )
    assert vocabulary.read("who spoke for the HSC partnership") == (
        "who spoke for the Health and Social Care partnership"
    )
    assert vocabulary.read("what did the HSC prospectus say") == "what did the HSC prospectus say"


def test_initials_typed_small_that_the_places_know_are_read_in_capitals():
    """ "wmca LIS": the places file knows "WMCA" (in capitals only, as short initials may be
    words), so the initials are read as typed, in capitals, not spelt out."""
    vocabulary = Vocabulary(["The Moorland Combined Authority leads the plan."] * 3)
    known = {"mca"}.__contains__
    assert vocabulary.read("mca plan - who leads?", lambda word: known(word.lower())) == (
        "MCA plan - who leads?"
    )


def test_a_typo_one_letter_from_english_is_not_read_as_a_documents_word_two_away():
    """ "recieved" is "received", though the documents use only "reviewed", two letters
    away; a typo only the documents' word is near is still read as it."""
    vocabulary = Vocabulary(["The board reviewed the harbour stratergem plans."] * 3)
    assert vocabulary.read("we recieved the plans") == "we received the plans"
    assert vocabulary.read("the board reveiwed it") == "the board reviewed it"
