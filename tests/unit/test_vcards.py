"""vCard import and export."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_tui.cards import CardFields
from followup_tui.vcards import MAX_BYTES, CardImportError, read_vcards, write_vcards

MIXED = (Path(__file__).parent.parent / "data" / "mixed.vcf").read_bytes()


def test_reads_v21_quoted_printable_photo_and_v40_in_one_file():
    anna, chloe = read_vcards(MIXED, "US")
    assert (anna.name, anna.company, anna.title) == ("Anna Müller", "Müller & Partner GmbH", "Geschäftsführerin")
    assert anna.mobile_e164 == "+4915123456789" and anna.phone_e164 == "+493012345678"
    assert anna.address == "Friedrichstraße 100\nBerlin 10117\nDeutschland"
    assert (chloe.name, chloe.phone_e164, chloe.mobile_e164) == ("Chloe Nguyen", "+61298765432", "+61412345678")


def test_export_then_import_gives_the_same_fields():
    cards = [
        CardFields(name="Priya Raman", title="Head of Analytics", company="Northwind Analytics, Inc.",
                   email="priya@northwind.example", phone="(415) 555-0142", phone_e164="+14155550142",
                   mobile="+1 415 555 0199", mobile_e164="+14155550199", fax="415 555 0100",
                   website="www.northwind.example", linkedin="linkedin.com/in/priya",
                   address="500 Market Street, Suite 400\nSan Francisco, CA 94105"),
        CardFields(name="Bo Chen", email="bo@acme.example"),
    ]
    assert read_vcards(write_vcards(cards).encode(), "US") == cards


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
    try:
        read_vcards(data, "US")
    except CardImportError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_random_card_bodies_give_cards_or_our_own_error(body):
    try:
        read_vcards(f"BEGIN:VCARD\nVERSION:3.0\n{body}\nEND:VCARD\n".encode("utf-8", "replace"), "US")
    except CardImportError:
        pass
