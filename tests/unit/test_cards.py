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
    assert len(CARDS) >= 30
    assert {c["region"] for c in CARDS} >= {"US", "GB", "DE", "FR", "IN", "AU"}
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
