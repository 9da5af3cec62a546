"""Cleaning and checking what users type."""

from __future__ import annotations

import pytest

from followup_tui import validate
from followup_tui.text import clean_line, clean_text


def test_escape_sequences_and_bidi_overrides_are_removed():
    hostile = "Ana\x1b]0;pwned\x07 \u202eRuiz\x00\x9b"
    assert clean_line(hostile) == "Ana Ruiz"


def test_markup_is_left_as_plain_text():
    assert clean_line("[bold]Jo[/] [@click=app.quit]x[/]") == "[bold]Jo[/] [@click=app.quit]x[/]"


def test_multiline_text_keeps_lines_but_not_carriage_returns():
    assert clean_text("12 Wharf Road\r\nLondon\u2028N1\x07\n") == "12 Wharf Road\nLondon\nN1"


def test_line_collapses_breaks_and_tabs():
    assert clean_line("Head of\n\tAnalytics ") == "Head of Analytics"


def test_required_and_too_long():
    with pytest.raises(validate.InputProblem, match="Name is required"):
        validate.line("  \x1b ", required="Name")
    with pytest.raises(validate.InputProblem, match="Too long"):
        validate.line("x" * (validate.LINE_LIMIT + 1))
    with pytest.raises(validate.InputProblem, match="Too long"):
        validate.text("x" * (validate.TEXT_LIMIT + 1))


def test_email_is_normalised_or_refused():
    assert validate.email(" Priya@Northwind.EXAMPLE ") == "Priya@northwind.example"
    assert validate.email("") == ""
    with pytest.raises(validate.InputProblem):
        validate.email("priya@")


def test_phone_is_checked_against_the_region_and_kept_as_typed():
    phone = validate.phone("(415) 555-0142", "US")
    assert phone == validate.Phone("(415) 555-0142", "+14155550142")
    assert validate.phone("+44 20 7946 0321", "US").e164 == "+442079460321"
    assert validate.phone("", "US") == validate.Phone("", "")
    with pytest.raises(validate.InputProblem, match="region"):
        validate.phone("555-01", "US")
    with pytest.raises(validate.InputProblem):
        validate.phone("call me", "US")


def test_default_region_is_a_known_region():
    import phonenumbers

    assert validate.default_region() in phonenumbers.SUPPORTED_REGIONS
