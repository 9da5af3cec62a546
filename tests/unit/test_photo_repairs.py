"""Misreadings of the recogniser that only one reading makes sense of, undone before the card parser sees them.

Each case is a line as RapidOCR 1.4 read it from a photo of the card sets (benchmarks/photo_capture.py), and
the same line where a reading that looks alike would be right and must be left alone."""

from __future__ import annotations

import pytest

from followup_tui.capture.card_text import parse_card
from followup_tui.capture.photo import tidy


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("j .weber@rheinland-systems .de", "j.weber@rheinland-systems.de"),
        ("lukas. fischer@bayern-digital.de", "lukas.fischer@bayern-digital.de"),
        ("liam@koalaanalytics. com.au", "liam@koalaanalytics.com.au"),
        ("sam@orbitworks . com", "sam@orbitworks.com"),
        ("E. ana@acme.com", "E. ana@acme.com"),  # a label's dot is not the address's
    ],
)
def test_an_email_read_with_spaces_beside_its_dots_is_whole_again(read, meant):
    assert tidy(read) == meant


def test_an_email_read_with_spaces_fills_the_email_field():
    assert parse_card(tidy("Wei Zhang\nAcme Corp\nwei.zhang@acme. com")).email == "wei.zhang@acme.com"


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("Dana Whitfield I VP Product", "Dana Whitfield | VP Product"),
        ("Raj Kumar l Lead Data Engineer", "Raj Kumar | Lead Data Engineer"),
        ("Senior Analyst I| Data & Insights", "Senior Analyst | Data & Insights"),
        ("Software Engineer Il", "Software Engineer II"),
        ("Corso Vittorio Emanuele Il 15", "Corso Vittorio Emanuele II 15"),
        ("Il Sole 24 Ore", "Il Sole 24 Ore"),  # Italian's article stays
        ("2-l-l Nihonbashi, Chuo-ku", "2-1-1 Nihonbashi, Chuo-ku"),
        ("I-95 Exit 12", "I-95 Exit 12"),
        ("HauptstraBe 12", "Hauptstraße 12"),
        ("P0 B0x 9021", "PO Box 9021"),
        ("GP0 Box 2450", "GPO Box 2450"),
        ("P.0. Box 12", "P.O. Box 12"),
        ("Ottawa, ON K0A 1B0", "Ottawa, ON K0A 1B0"),  # a postcode's zeros stay
        ("McBride Ltd", "McBride Ltd"),
    ],
)
def test_bars_numerals_and_letters_read_as_their_lookalikes_are_put_back(read, meant):
    assert tidy(read) == meant


def test_a_bar_read_as_an_i_still_parts_the_name_from_the_title():
    card = parse_card(tidy("Dana Whitfield I VP Product I Bluefin Robotics\ndana@bluefin.com"))
    assert (card.name, card.title, card.company) == ("Dana Whitfield", "VP Product", "Bluefin Robotics")


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("Fax2125550188", "Fax 2125550188"),
        ("Tel.+49891234567", "Tel. +49891234567"),
        ("T6045550171", "T 6045550171"),
        ("Mob0211234567", "Mob 0211234567"),
        ("Toronto, ON M5X1C9", "Toronto, ON M5X1C9"),  # a postcode, not a label and a number
        ("Hotel5551234", "Hotel5551234"),
    ],
)
def test_a_phone_label_run_into_its_number_is_parted_from_it(read, meant):
    assert tidy(read) == meant


def test_a_fax_number_run_into_its_label_fills_the_fax_field():
    assert parse_card(tidy("Maria Gonzalez\nTel 212 555 0187\nFax2125550188"), "US").fax == "2125550188"


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("oliver Bennett", "Oliver Bennett"),
        ("Priyanka lyer", "Priyanka Iyer"),
        ("Ludwig van Beethoven", "Ludwig van Beethoven"),
        ("Anna de Souza", "Anna de Souza"),
        ("Head of sales", "Head of sales"),
    ],
)
def test_a_name_whose_capital_was_read_as_a_small_letter_is_capitalised(read, meant):
    assert tidy(read) == meant


def test_a_name_read_with_a_small_first_letter_is_still_the_name():
    card = parse_card(tidy("oliver Bennett\nHead of People\nThistle Software Limited\noliver.bennett@thistle.co.uk"))
    assert card.name == "Oliver Bennett"


def test_an_umlaut_the_recogniser_lost_is_restored_where_the_cards_email_spells_it():
    read = "Anna Muller\nMuller & Partner GmbH\nanna.mueller@mueller-partner.de"
    card = parse_card(tidy(read), "DE")
    assert (card.name, card.company) == ("Anna Müller", "Müller & Partner GmbH")


def test_a_name_spelled_as_in_its_email_keeps_its_letters():
    assert tidy("Sam Muller\nsam.muller@acme.com\nRafael Bauer") == "Sam Muller\nsam.muller@acme.com\nRafael Bauer"


def test_a_po_box_read_with_zeros_is_the_address():
    card = parse_card(tidy("Rosa Delgado\nSagebrush Energy Co.\nP0 B0x 9021\nAlbuquerque, NM 87119"))
    assert card.address == "PO Box 9021\nAlbuquerque, NM 87119"
