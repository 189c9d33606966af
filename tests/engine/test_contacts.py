"""Contact routing: places resolve to their LEP or combined authority, national contact last."""

import re
from pathlib import Path

import pytest
import yaml

from bot.engine.contacts import ContactDirectory
from bot.engine.places import Gazetteer
from ingest.datafile import DataFileError

KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge"
AREAS = yaml.safe_load((KNOWLEDGE / "gazetteer.yaml").read_text())["areas"]


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.load(KNOWLEDGE / "gazetteer.yaml")


@pytest.fixture(scope="module")
def directory():
    return ContactDirectory.load(KNOWLEDGE / "contacts.yaml", KNOWLEDGE / "gazetteer.yaml")


def test_the_gazetteer_has_all_38_leps_of_2019_and_the_mayoral_authorities():
    kinds = [area["kind"] for area in AREAS]
    assert kinds.count("lep") == 38
    assert {
        "greater-manchester-ca",
        "west-midlands-ca",
        "liverpool-city-region-ca",
        "west-of-england-ca",
        "tees-valley-ca",
        "cambridgeshire-peterborough-ca",
        "sheffield-city-region-ca",
        "north-of-tyne-ca",
    } <= {a["id"] for a in AREAS}


@pytest.mark.parametrize("area", AREAS, ids=lambda area: area["id"])
def test_every_area_resolves_from_one_of_its_places(gazetteer, area):
    place = (area.get("places") or area["strict_places"])[0]
    assert area["id"] in [a.id for a in gazetteer.find(f"We are a trust in {place}.")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("what should our ICS do for the Lincolnshire strategy?", ["greater-lincolnshire"]),
        ("the Greater Lincs LEP", ["greater-lincolnshire"]),
        ("news from Lincs", ["greater-lincolnshire"]),
        ("the oxon LIS", ["oxfordshire"]),  # a county's usual abbreviation, typed small
        ("we're a trust in Exeter", ["heart-of-the-south-west"]),
        ("GM's strategy", ["greater-manchester-ca", "greater-manchester"]),
        ("GMs strategy", ["greater-manchester-ca", "greater-manchester"]),
        ("investment in Brum", ["west-midlands-ca", "greater-birmingham-solihull"]),
        ("STOKE ON TRENT", ["stoke-staffordshire"]),
        ("Newcastle-under-Lyme", ["stoke-staffordshire"]),
        ("Newcastle upon Tyne", ["north-of-tyne-ca", "north-east"]),
        ("North East Lincolnshire", ["greater-lincolnshire", "humber"]),
        ("Reading and Bath", ["thames-valley-berkshire", "west-of-england-ca", "west-of-england"]),
        (
            "Cheshire and Merseyside ICS",
            ["liverpool-city-region-ca", "liverpool-city-region", "cheshire-warrington"],
        ),
    ],
)
def test_places_aliases_and_footprints(gazetteer, text, expected):
    assert [area.id for area in gazetteer.find(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "reading the report in the bathroom",
        "to be agreed by March 2020",
        "how ambulance trusts invest in their fleet",
        "gm crops",
        "our sale of land",
    ],
)
def test_ordinary_words_are_not_places(gazetteer, text):
    assert gazetteer.find(text) == []


def test_a_place_that_is_also_a_word_is_not_one_inside_a_longer_name(gazetteer):
    """Documents capitalise the names of things: "the Life Sciences Sector Deal" is no town."""
    assert gazetteer.find("the Life Sciences Sector Deal", titled=True) == []
    assert [a.id for a in gazetteer.find("a clinic in Deal", titled=True)] == ["south-east"]
    assert [a.id for a in gazetteer.find("Pilgrim Hospital, Boston", titled=True)] == [
        "greater-lincolnshire"
    ]


def test_matching_is_word_aware(gazetteer):
    assert [name for name, _ in gazetteer.matches("the Lincolnshire strategy")] == ["Lincolnshire"]
    assert [name for name, _ in gazetteer.matches("Lincoln's science park")] == ["Lincoln"]


def test_named_contact_comes_first_with_source_and_lep_warning(directory):
    contacts = directory.for_question("What should our ICS do for the Lincolnshire strategy?")
    assert [c.name for c in contacts] == ["Dean Fathers", "Michael Wood"]
    assert contacts[0].area == "Greater Lincolnshire"
    assert "2019" in contacts[0].source
    assert "2024" in contacts[0].note
    assert contacts[-1].org == "NHS Confederation" and contacts[-1].area is None


def test_combined_authority_contacts_carry_no_lep_warning(directory):
    contacts = directory.for_question("Who leads the West Midlands strategy?")
    assert contacts[0].org == "West Midlands Combined Authority"
    assert contacts[0].note is None


def test_known_area_without_a_named_contact_names_the_body(directory):
    contacts = directory.for_question("We are a trust in Leeds.")
    assert contacts[0].org == "Leeds City Region Enterprise Partnership"
    assert contacts[0].area == "Leeds City Region"
    assert "No document" in contacts[0].note and "2024" in contacts[0].note
    assert contacts[-1].name == "Michael Wood"


def test_unknown_place_gets_the_national_contact_and_an_invitation(directory):
    (contact,) = directory.for_question("We are a trust in Narnia.")
    assert contact.name == "Michael Wood"
    assert "Tell me your area" in contact.note


def test_default_area_is_used_only_when_the_question_names_none(directory):
    default = directory.for_question("Who should we talk to about skills?", "Exeter")
    assert default[0].area == "Heart of the South West"
    named = directory.for_question("What about Dorset?", "Exeter")
    assert [c.area for c in named] == ["Dorset", None]


def test_contacts_are_unique_and_national_is_last(directory):
    contacts = directory.for_question("Greater Manchester, Manchester and Salford")
    keys = [(c.org, c.name) for c in contacts]
    assert len(keys) == len(set(keys))
    assert contacts[0].org == "Greater Manchester Combined Authority"
    assert contacts[-1].org == "NHS Confederation"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "national:\n  org: NHS Confederation\nareas:\n  dorset:\n    - name: No Org\n",
            "(line 5): each contact needs an 'org'",
        ),
        ("national: {org: X}\nareas:\n  narnia:\n    - org: Y\n", "'narnia' is not an area id"),
        ("national:\n  org: [unclosed\n", "is not valid YAML at line"),
        ("national:\n  org: X\n  phone: 123\n", "(line 2): unknown field(s) phone"),
    ],
)
def test_malformed_contacts_file_names_the_problem(tmp_path, text, message):
    path = tmp_path / "contacts.yaml"
    path.write_text(text)
    with pytest.raises(DataFileError, match=re.escape(message)):
        ContactDirectory.load(path, KNOWLEDGE / "gazetteer.yaml")


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("our ICS covers n tyneside", "our ICS covers North tyneside"),
        ("e riding trust here", "East riding trust here"),
        ("health n care in salford", "health n care in salford"),  # chat for "and"
        ("manchester n salford", "manchester n salford"),  # not a place called North Salford
    ],
)
def test_a_compass_point_clipped_to_its_letter_is_spelt_out_in_a_place_name(gazetteer, typed, read):
    assert gazetteer.with_directions_spelt_out(typed) == read


def test_a_role_that_records_a_former_title_is_found_by_the_name_or_the_old_title(tmp_path):
    path = tmp_path / "contacts.yaml"
    path.write_text(
        "national:\n  name: Jane Doe\n  role: Head of Harbours (formerly harbour adviser)\n"
        "  org: Moor Trust\nareas:\n  dorset:\n    - name: Sam Roe\n      role: Director\n"
        "      org: Dorset LEP\n"
    )
    directory = ContactDirectory.load(path, KNOWLEDGE / "gazetteer.yaml")
    # "is X still Y?" asked of someone whose change of title the directory records
    assert [c.name for c in directory.renamed_in("is jane doe still their adviser?")] == [
        "Jane Doe"
    ]
    assert directory.renamed_in("is it still the harbour adviser? need her email")
    # ... not of someone whose title has not changed, nor of another title
    assert not directory.renamed_in("is sam roe still the director?")
    assert not directory.renamed_in("is it still the ferry adviser?")
