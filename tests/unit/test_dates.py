"""Dates as people type them, and due dates as people read them."""

from __future__ import annotations

from datetime import date, time

import pytest

from followup_tui.dates import DateInputError, parse_day, parse_time, relative_due

TODAY = date(2026, 11, 25)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", TODAY),
        ("Yesterday", date(2026, 11, 24)),
        ("tomorrow", date(2026, 11, 26)),
        ("2026-11-20", date(2026, 11, 20)),
        ("2026-1-5", date(2026, 1, 5)),
        ("+3d", date(2026, 11, 28)),
        ("-2d", date(2026, 11, 23)),
        ("in 2 weeks", date(2026, 12, 9)),
        ("3 days ago", date(2026, 11, 22)),
        ("fri", date(2026, 11, 27)),
        ("wednesday", TODAY),
        ("next wed", date(2026, 12, 2)),
        ("last friday", date(2026, 11, 20)),
        ("nov 20", date(2026, 11, 20)),
        ("20 Nov", date(2026, 11, 20)),
        ("December 3rd", date(2026, 12, 3)),
        ("jan 4", date(2027, 1, 4)),  # the nearest January 4th
        ("20 nov 2025", date(2025, 11, 20)),
        ("Wed 25 Nov 2026", TODAY),  # as the app shows dates
    ],
)
def test_parse_day(text, expected):
    assert parse_day(text, TODAY) == expected


def test_a_bare_weekday_can_mean_the_latest_one():
    assert parse_day("mon", TODAY, past=True) == date(2026, 11, 23)
    assert parse_day("wed", TODAY, past=True) == TODAY
    assert parse_day("thu", TODAY, past=True) == date(2026, 11, 19)
    assert parse_day("next thu", TODAY, past=True) == date(2026, 11, 26)


@pytest.mark.parametrize("text", ["", "someday", "2026-02-30", "feb 30", "13/13", "nov", "[bold]x"])
def test_parse_day_refuses_with_a_message(text):
    with pytest.raises(DateInputError) as error:
        parse_day(text, TODAY)
    assert str(error.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14:30", time(14, 30)),
        ("9.05", time(9, 5)),
        ("2:30pm", time(14, 30)),
        ("4pm", time(16)),
        ("12am", time(0)),
        ("noon", time(12)),
    ],
)
def test_parse_time(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:00", "14", "13pm", "half past"])
def test_parse_time_refuses(text):
    with pytest.raises(DateInputError):
        parse_time(text)


def test_relative_due_reads_naturally():
    assert relative_due(TODAY, TODAY) == "today"
    assert relative_due(date(2026, 11, 26), TODAY) == "tomorrow"
    assert relative_due(date(2026, 11, 28), TODAY) == "in 3 days"
    assert relative_due(date(2026, 11, 24), TODAY) == "1 day overdue"
    assert relative_due(date(2026, 11, 23), TODAY) == "2 days overdue"
    assert relative_due(date(2027, 1, 20), TODAY) == "Wed 20 Jan 2027"
