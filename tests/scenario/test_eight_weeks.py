"""Eight weeks replayed day by day (tests/scenario/replay.py, in its own process): two interviews,
three interviewers at the first (one who prefers post), a decision date, a call that goes unanswered
twice, the second interview withdrawn on its day, a second round with the lead, and US holidays
(Thanksgiving, Christmas). The whole schedule is asserted, then each rule of the method over it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

REPLAY = Path(__file__).with_name("replay.py")
HOLIDAYS = {date(2026, 11, 26), date(2026, 12, 25), date(2027, 1, 1)}  # US, in these eight weeks
CONTACTS = {"call", "letter", "decision", "next_step", "weekly_email", "weekly_call", "weekly_letter"}

# What the user did, as the method has it. Read it as a week planner:
EXPECTED = [
    # Mon 16: the interview ends at 16:00, so the thank-yous go the next morning; a letter to Helen,
    # who prefers post. The references the day after.
    ("2026-11-17", "Northwind", "references", "Ana Ruiz", ""),
    ("2026-11-17", "Northwind", "thank_you_email", "Priya Raman", ""),
    ("2026-11-17", "Northwind", "thank_you_email", "Tom Becker", ""),
    ("2026-11-17", "Northwind", "thank_you_letter", "Helen Okafor", ""),
    # Day 5 is a Saturday: the call is Monday (day 7). No answer twice, then a voicemail (it counts).
    ("2026-11-23", "Northwind", "call", "Priya Raman", "no_answer"),
    ("2026-11-24", "Northwind", "call", "Priya Raman", "no_answer"),
    # Day 8: Helen's letter (she has an address; Tom has none, so no letter for him).
    ("2026-11-24", "Northwind", "letter", "Helen Okafor", ""),
    # Bluefin, interviewed at 11:00 and withdrawn the same day: the thank-you still goes, nothing else.
    ("2026-11-24", "Bluefin", "thank_you_email", "Dana Whitfield", ""),
    ("2026-11-25", "Northwind", "call", "Priya Raman", "voicemail"),
    # The lead's letter tells how the call went, so it waits for it: not Thursday 26 (Thanksgiving).
    ("2026-11-27", "Northwind", "letter", "Priya Raman", ""),
    # Decision expected Fri 4 Dec: "no word yet?" the business day after, a week after the letter.
    ("2026-12-07", "Northwind", "decision", "Priya Raman", ""),
    # Round 2 on Thu 10 Dec replaces round 1's weekly cycle with Priya: one cycle, not two.
    ("2026-12-10", "Northwind 2", "thank_you_email", "Priya Raman", ""),
    ("2026-12-11", "Northwind 2", "references", "Ana Ruiz", ""),
    ("2026-12-15", "Northwind 2", "call", "Priya Raman", "reached"),
    ("2026-12-18", "Northwind 2", "letter", "Priya Raman", ""),
    # A week after the letter is Christmas Day: the weekly email goes on Monday 28.
    ("2026-12-28", "Northwind 2", "weekly_email", "Priya Raman", ""),
    ("2027-01-04", "Northwind 2", "weekly_call", "Priya Raman", "reached"),
]


@pytest.fixture(scope="module")
def done(tmp_path_factory) -> list[tuple[date, str, str, str, str]]:
    path = tmp_path_factory.mktemp("scenario") / "followup.db"
    out = subprocess.run(
        [sys.executable, str(REPLAY), str(path)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "FOLLOWUP_HOLIDAYS": "US"},
    )
    return [(date.fromisoformat(day), *rest) for day, *rest in json.loads(out.stdout)]


def test_eight_weeks_the_whole_schedule(done):
    assert [(d.isoformat(), *rest) for d, *rest in done] == [tuple(row) for row in EXPECTED]


def test_eight_weeks_a_thank_you_to_each_person_by_the_next_morning_even_when_withdrawn(done):
    interviews = {"Northwind": date(2026, 11, 16), "Bluefin": date(2026, 11, 24), "Northwind 2": date(2026, 12, 10)}
    thanks = [(d, company, person) for d, company, kind, person, _ in done if kind.startswith("thank_you")]
    assert {(company, person) for _, company, person in thanks} == {
        ("Northwind", "Priya Raman"),
        ("Northwind", "Tom Becker"),
        ("Northwind", "Helen Okafor"),
        ("Bluefin", "Dana Whitfield"),
        ("Northwind 2", "Priya Raman"),
    }
    assert all(d - interviews[company] <= timedelta(days=1) for d, company, _ in thanks)


def test_eight_weeks_follow_ups_only_on_business_days(done):
    for d, _, kind, _, _ in done:
        if kind in CONTACTS:
            assert d.weekday() < 5 and d not in HOLIDAYS, (d, kind)


def test_eight_weeks_the_call_then_the_letter_in_each_round(done):
    for company in ("Northwind", "Northwind 2"):
        calls = [d for d, c, kind, _, outcome in done if c == company and kind == "call" and outcome != "no_answer"]
        letters = [d for d, c, kind, person, _ in done if c == company and kind == "letter" and person == "Priya Raman"]
        assert len(calls) == 1 and len(letters) == 1 and calls[0] < letters[0]


def test_eight_weeks_once_a_week_with_each_person_after_the_first_week(done):
    """After each round's first week (the call and the lead's letter), at most one contact with a
    person in any seven days, whichever interview it is for."""
    first_weeks_end = {"Northwind": date(2026, 11, 27), "Northwind 2": date(2026, 12, 18)}
    later = sorted(
        d
        for d, company, kind, person, outcome in done
        if person == "Priya Raman" and kind in CONTACTS and outcome != "no_answer"
        and company in first_weeks_end and d > first_weeks_end[company]
    )  # fmt: skip
    assert later and all((b - a).days >= 7 for a, b in zip(later, later[1:], strict=False))


def test_eight_weeks_weekly_follow_ups_alternate_email_and_phone(done):
    weekly = [kind for _, _, kind, _, _ in done if kind.startswith("weekly_")]
    assert weekly == ["weekly_email", "weekly_call"]
