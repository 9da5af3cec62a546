"""The business-card parser on a set of real-world-shaped cards, and on random text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_tui.capture.card_text import MAX_CHARS, CardFields, CardTooLong, parse_card

CARDS = json.loads((Path(__file__).parent.parent / "data" / "cards.json").read_text(encoding="utf-8"))
FIELDS = ("name", "title", "company", "email", "phone_e164", "mobile_e164", "fax", "website", "linkedin", "address")


@pytest.mark.parametrize("card", CARDS, ids=[c["text"].split("\n")[0][:30] for c in CARDS])
def test_card_yields_its_fields(card):
    got = parse_card(card["text"], card["region"]).as_dict()
    for field in FIELDS:
        assert got[field] == card["expect"].get(field, ""), field


def test_the_set_covers_the_formats_asked_for():
    assert len(CARDS) >= 80
    assert {c["region"] for c in CARDS} >= {"US", "GB", "DE", "FR", "IN", "AU", "CA", "IE", "NL", "ES", "IT", "JP"}
    texts = "\n".join(c["text"] for c in CARDS)
    for needle in (
        "PhD",
        "Inc.",
        "GmbH",
        "Ltd",
        "LLC",
        "Suite 400",
        "Floor 3",
        "PO Box",
        "x204",
        "ext. 12",
        "--",
        "Best regards,",
        " • ",  # one-line cards
        "Recruiter: ",  # labels
        "Name: ",
        "(they/them)",  # pronouns
        '"Kate"',  # nicknames
        "Hiring Manager, Analytics",  # departments
        "Senior Analyst | Data & Insights",
        "Fax 040",  # several phones
        "Ext. 221",  # extensions
        "GPO Box",  # PO boxes
        "Postfach",
        "RAJ PATEL",  # capitals
    ):
        assert needle in texts, needle


def test_phone_kinds_and_extensions():
    card = parse_card("Ana Ruiz\nT: (415) 555-0142 x204\nM: 415 555 0199\nFax 415 555 0100", "US")
    assert (card.phone, card.phone_e164) == ("(415) 555-0142 x204", "+14155550142")
    assert card.mobile_e164 == "+14155550199" and card.fax == "415 555 0100"


def test_unsure_fields_stay_empty():
    assert parse_card("see you thursday\nthe coffee was great", "US") == CardFields()
    # A line that is neither a name, a title nor a company with a legal suffix is not guessed at.
    card = parse_card("Ana Ruiz\nNorth Star\nana@gmail.com", "US")
    assert (card.name, card.company, card.title) == ("Ana Ruiz", "", "")


def test_markup_and_escape_codes_are_plain_text():
    card = parse_card("[@click=app.quit]Jo Smith[/]\x1b[31m\nRecruiter", "US")
    assert "\x1b" not in card.name and card.title == "Recruiter"


def test_a_pasted_novel_is_refused_with_the_limit():
    with pytest.raises(CardTooLong, match=f"{MAX_CHARS:,}"):
        parse_card("It was a dark and stormy night. " * 500, "US")
    with pytest.raises(CardTooLong, match="lines"):
        parse_card("line\n" * 100, "US")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=600))
def test_random_text_gives_fields_or_our_own_error(text):
    try:
        card = parse_card(text, "US")
    except CardTooLong:
        return
    assert isinstance(card, CardFields)
    for value in card.as_dict().values():
        assert "\x1b" not in value and "\x00" not in value


# The hard cards of issue 14: each failed as a new user tried it.


def test_a_department_after_the_title_is_not_the_company_when_a_company_line_exists():
    card = parse_card("Jordan Blake\nHiring Manager, Analytics\nAcme Corp\njordan.blake@acme.com", "US")
    assert (card.title, card.company) == ("Hiring Manager, Analytics", "Acme Corp")
    card = parse_card("Wei Zhang\nSenior Analyst | Data & Insights\nAcme Corp\nwei.zhang@acme.com", "US")
    assert (card.title, card.company) == ("Senior Analyst, Data & Insights", "Acme Corp")


def test_a_name_after_a_label_is_the_name_and_the_label_the_title():
    card = parse_card("Recruiter: Maria Lopez\nBrightwave Labs\nmaria.lopez@brightwave.io", "US")
    assert (card.name, card.title, card.company) == ("Maria Lopez", "Recruiter", "Brightwave Labs")


def test_pronouns_after_a_name_are_not_part_of_it():
    card = parse_card("Sam Lee (they/them)\nProduct Designer\nOrbit Works Inc.\nsam@orbitworks.com", "US")
    assert (card.name, card.title, card.company) == ("Sam Lee", "Product Designer", "Orbit Works Inc.")


def test_a_quoted_nickname_keeps_the_name_as_the_card_has_it():
    card = parse_card('Katherine "Kate" Moore\nTalent Partner\nHollis & Reed LLP\nkate.moore@hollisreed.com', "US")
    assert (card.name, card.title, card.company) == ('Katherine "Kate" Moore', "Talent Partner", "Hollis & Reed LLP")


def test_a_one_line_card_separated_by_bullets_gives_each_field():
    card = parse_card("Ana Silva • Product Lead • Brightwave Labs • ana@brightwave.io", "US")
    assert (card.name, card.title, card.company, card.email) == (
        "Ana Silva",
        "Product Lead",
        "Brightwave Labs",
        "ana@brightwave.io",
    )


def test_an_address_over_several_lines_keeps_its_last_lines_and_postcode():
    text = "Luc Gagnon\nDirecteur, Talents\nNordique Logiciels Inc.\n1200 rue Peel\nMontréal (Québec) H2X 1Y4"
    card = parse_card(text + "\n514 555 0142\nluc@nordique.ca", "US")
    assert card.address == "1200 rue Peel\nMontréal (Québec) H2X 1Y4"
    assert card.phone_e164 == "+15145550142"


def test_a_title_naming_a_country_is_no_address():
    card = parse_card("Lena Vogel\nCountry Manager, Germany\nAcme Robotics GmbH\nlena@acme-robotics.de", "DE")
    assert (card.title, card.address) == ("Country Manager, Germany", "")


def test_a_title_with_a_comma_is_kept_whole():
    card = parse_card("Olivia Martinez\nVice President, Talent\nCascade Capital Group\nom@cascadecapital.com", "US")
    assert (card.title, card.company) == ("Vice President, Talent", "Cascade Capital Group")


def test_the_cards_own_country_reads_its_numbers_whatever_the_default_region():
    text = "Sophie Turner\nRecruitment Consultant\nBrightwater Ltd\n12 Wharf Road, London N1 7GR, United Kingdom\n"
    card = parse_card(text + "020 7946 0958\nsophie@brightwater.co.uk", "US")
    assert (card.phone, card.phone_e164) == ("020 7946 0958", "+442079460958")
    assert card.address == "12 Wharf Road, London N1 7GR, United Kingdom"


def test_an_all_capitals_name_is_stored_with_capitals_where_a_name_has_them():
    card = parse_card("RAJ PATEL\nSenior Engineer\nLotus Systems Pvt Ltd\nraj.patel@lotus.in", "IN")
    assert card.name == "Raj Patel"
    assert parse_card("SEAN MCDONALD\nsean@example.com", "US").name == "Sean McDonald"
