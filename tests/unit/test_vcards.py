"""vCard import and export."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_tui.capture.card_text import CardFields
from followup_tui.capture.vcards import MAX_BYTES, CardImportError, address_parts, name_parts, read_vcards, write_vcards

MIXED = (Path(__file__).parent.parent / "data" / "mixed.vcf").read_bytes()


def test_reads_v21_quoted_printable_photo_and_v40_in_one_file():
    anna, chloe = read_vcards(MIXED, "US")
    assert (anna.name, anna.company, anna.title) == ("Anna Müller", "Müller & Partner GmbH", "Geschäftsführerin")
    assert anna.mobile_e164 == "+4915123456789" and anna.phone_e164 == "+493012345678"
    assert anna.address == "Friedrichstraße 100\nBerlin 10117\nDeutschland"
    assert (chloe.name, chloe.phone_e164, chloe.mobile_e164) == ("Chloe Nguyen", "+61298765432", "+61412345678")


def test_export_then_import_gives_the_same_fields():
    cards = [
        CardFields(
            name="Priya Raman",
            title="Head of Analytics",
            company="Northwind Analytics, Inc.",
            email="priya@northwind.example",
            phone="(415) 555-0142",
            phone_e164="+14155550142",
            mobile="+1 415 555 0199",
            mobile_e164="+14155550199",
            fax="415 555 0100",
            website="www.northwind.example",
            linkedin="linkedin.com/in/priya",
            address="500 Market Street, Suite 400\nSan Francisco, CA 94105",
        ),
        CardFields(name="Bo Chen", email="bo@acme.example"),
    ]
    # A vCard URL is a URI: the address as printed on the card comes back as a link.
    expected = [
        replace(cards[0], website="https://www.northwind.example", linkedin="https://linkedin.com/in/priya"),
        cards[1],
    ]
    assert read_vcards(write_vcards(cards).encode(), "US") == expected
    assert read_vcards(write_vcards(expected).encode(), "US") == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x00\x01\x02PNG binary", "binary"),
        (b"Dear hiring manager, this is a letter.", "no BEGIN:VCARD"),
        (b"BEGIN:VCARD\nVERSION:3.0\nEND:VCARD\n", "No contact"),
        (b"BEGIN:VCARD\nVERSION:3.0\nFN:Ana\n", "could not be read"),
    ],
)
def test_bad_files_get_a_clear_message(data, message):
    with pytest.raises(CardImportError, match=message):
        read_vcards(data, "US")


def test_a_huge_file_states_the_cap():
    with pytest.raises(CardImportError, match=f"{MAX_BYTES // 1024 // 1024} MB"):
        read_vcards(b"BEGIN:VCARD\n" + b"x" * MAX_BYTES, "US")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_give_cards_or_our_own_error(data):
    _cards_or_a_clean_message(data)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_random_card_bodies_give_cards_or_our_own_error(body):
    _cards_or_a_clean_message(f"BEGIN:VCARD\nVERSION:3.0\n{body}\nEND:VCARD\n".encode("utf-8", "replace"))


_CODES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _cards_or_a_clean_message(data: bytes) -> None:
    """Whatever the bytes: cards whose every field is text without terminal codes, or our own error,
    whose message is short and quotes nothing raw (no other exception escapes)."""
    try:
        cards = read_vcards(data, "US")
    except CardImportError as error:
        message = str(error)
        assert message and len(message) <= 1000 and not _CODES.search(message), message
        return
    for card in cards:
        for name, value in vars(card).items():
            assert isinstance(value, str) and not _CODES.search(value.replace("\n", "")), (name, value)


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("Zoë O'Brien, Jr.", ("", "Zoë", "", "O'Brien", "Jr.")),
        ("Dr. Ana María de la Cruz", ("Dr.", "Ana", "María", "de la Cruz", "")),
        ("Raj Patel", ("", "Raj", "", "Patel", "")),
        ("Madonna", ("", "Madonna", "", "", "")),
        ("King Chen", ("", "King", "", "Chen", "")),  # a first name that is also a title
        ("Judge Reinhold", ("", "Judge", "", "Reinhold", "")),
        ("", ("", "", "", "", "")),
    ],
)
def test_n_is_split_into_prefix_given_additional_family_suffix(name, parts):
    n = name_parts(name)
    assert (n.prefix, n.given, n.additional, n.family, n.suffix) == parts


@pytest.mark.parametrize(
    ("address", "street", "city", "country"),
    [
        ("12 Wharf Road\nLondon N1 7GR\nUnited Kingdom", "12 Wharf Road", "London N1 7GR", "United Kingdom"),
        ("Friedrichstraße 100\n10117 Berlin\nDeutschland", "Friedrichstraße 100", "10117 Berlin", "Deutschland"),
        ("1 Yonge Street\nToronto ON M5E 1E5\nCANADA", "1 Yonge Street", "Toronto ON M5E 1E5", "CANADA"),
        ("1 Main Street\nSpringfield, IL 62701\nUSA", "1 Main Street", "Springfield, IL 62701", "USA"),
        (
            "500 Market Street, Suite 400\nSan Francisco, CA 94105",
            "500 Market Street, Suite 400",
            "San Francisco, CA 94105",
            "",
        ),
        ("Unit 4\n9 Dock Street\nLeeds LS10 1NB\nUK", "Unit 4\n9 Dock Street", "Leeds LS10 1NB", "UK"),
        ("1 Infinite Loop\nCupertino\nCA", "1 Infinite Loop\nCupertino", "CA", ""),  # a state, not Canada
        ("Lisbon, Portugal", "Lisbon, Portugal", "", ""),  # one line: nothing to split
    ],
)
def test_the_country_line_goes_into_the_country_field(address, street, city, country):
    parts = address_parts(address)
    assert (parts.street, parts.city, parts.country) == (street, city, country)


UNUSUAL = [
    CardFields(
        name="Zoë O'Brien, Jr.",
        company="Harbour & Co",
        email="zoe@harbour.example",
        phone="+44 20 7946 0958",
        fax="+44 20 7946 0000",
        address="12 Wharf Road\nLondon N1 7GR\nUnited Kingdom",
    ),
    CardFields(
        name="Dr. Ana María de la Cruz", mobile="+34 612 345 678", address="Calle Mayor 1\n28013 Madrid\nEspaña"
    ),
    CardFields(name="Madonna", website="madonna.example"),
    CardFields(email="no.name@example.com"),
]


def test_unusual_names_and_addresses_round_trip_and_pass_the_validator(tmp_path):
    from vcard.vcard_validator import validate_file

    text = write_vcards(UNUSUAL)
    target = tmp_path / "unusual.vcf"
    target.write_bytes(text.encode("utf-8"))
    assert validate_file(str(target), False) == ""
    back = read_vcards(text.encode(), "GB")
    assert back[2].website == "https://madonna.example"
    assert [(c.name, c.address, c.company, c.fax) for c in back] == [
        (c.name or "", c.address, c.company, c.fax) for c in UNUSUAL[:3]
    ] + [("no.name@example.com", "", "", "")]


def test_a_card_with_only_n_gets_the_whole_name_back():
    card = (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:O'Brien;Zo\xc3\xab;Ann;Dr.;Jr.\r\nTEL;CELL:+1 415 555 0199\r\nEND:VCARD\r\n"
    )
    assert read_vcards(card, "US")[0].name == "Dr. Zoë Ann O'Brien, Jr."


@pytest.mark.parametrize(
    ("payload", "shown"),
    [
        ("\x1b]0;title\x07", "PARTTWO"),
        ("\x1b]2;title\x1b\\", "PARTTWO"),
        ("\x1b]52;c;aGVsbG8=\x07", "PARTTWO"),
        ("\x1bP1$rtitle\x1b\\", "PARTTWO"),
        ("\x1b[2J", "PARTTWO"),
        ("\x1b[38;5;196m", "PARTTWO"),
        ("\x9b2J", "PARTTWO"),
        ("\x9d0;title\x9c", "PARTTWO"),
        ("\u202etitle", "PARTTITLETWO"),
        ("\x08\x7ftitle", "PARTTITLETWO"),
    ],
)
def test_an_error_quoting_the_file_carries_no_escape_sequence_or_payload(payload, shown):
    data = f"BEGIN:VCARD\nVERSION:3.0\nFN:Ana\nBEGIN:Part{payload}Two\n".encode()
    with pytest.raises(CardImportError) as raised:
        read_vcards(data, "US")
    message = str(raised.value)
    assert f"Component {shown} was never closed" in message
    assert not any(ch in message for ch in "\x1b\x07\x08\x7f\x9b\x9c\x9d\u202e")


def test_a_part_with_several_values_reads_as_text_not_as_a_python_list():
    """vCard 3.0 separates several values of one N or ADR part with commas (two given names, two
    street lines); each is read as the words on the card, never as "['John', 'Paul']"."""
    card = (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Smith;John,Paul;;;\r\n"
        b"ADR;TYPE=WORK:;;1 Main St,Suite 5;Springfield;IL;62701;USA\r\nEND:VCARD\r\n"
    )
    person = read_vcards(card, "US")[0]
    assert person.name == "John Paul Smith"
    assert person.address == "1 Main St, Suite 5\nSpringfield IL 62701\nUSA"


def test_a_comma_left_unescaped_in_a_title_or_name_keeps_the_words_after_it():
    # vCard 3.0 asks for "\,"; QR-code generators and some exporters write a bare comma, which vobject
    # reads as a list and keeps only the first item of ("Vice President, Talent" came back "Vice President").
    data = (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Priya Raman, PhD\r\nTITLE:Vice President, Talent\r\n"
        b"ORG:Northwind\\, Inc.\r\nTEL:+1 415 555 0142\r\nEND:VCARD\r\n"
    )
    card = read_vcards(data)[0]
    assert (card.name, card.title, card.company) == ("Priya Raman, PhD", "Vice President, Talent", "Northwind, Inc.")
