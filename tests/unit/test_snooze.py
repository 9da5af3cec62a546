"""Snooze never moves anything earlier: the next business day after the later of today and the due date."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date

import pytest

from followup_tui.dates import show_date, snoozed_day
from followup_tui.inputs import InterviewInput
from followup_tui.kinds import Kind
from followup_tui.store import commands, queries
from followup_tui.store.database import close_database, open_database

TODAY = date(2026, 11, 25)  # a Wednesday
WEEKENDS_ONLY: frozenset[date] = frozenset()  # no holidays set (tests/conftest.py)
ENV = {**os.environ, "FOLLOWUP_NOW": "2026-11-25T09:30"}


def followup(command: list[str], db, *args) -> subprocess.CompletedProcess:
    return subprocess.run([*command, "--db", str(db), *args], capture_output=True, text=True, env=ENV, timeout=60)


def items(command, db) -> dict[int, dict]:
    shown = followup(command, db, "today", "--json", "--days", "30")
    assert shown.returncode == 0, shown.stderr
    return {i["id"]: i for i in json.loads(shown.stdout)["items"]}


@pytest.mark.parametrize("kind", [Kind.LETTER, Kind.DECISION])
def test_snoozing_a_future_item_from_the_shell_moves_it_later_not_to_tomorrow(followup_command, yesterday_db, kind):
    before = items(followup_command, yesterday_db)
    item = min((i for i in before.values() if i["kind"] == kind and i["due"] > "2026-11-27"), key=lambda i: i["due"])
    due = date.fromisoformat(item["due"])  # the letter: Wed 2 Dec; "no word yet?": Tue 1 Dec

    done = followup(followup_command, yesterday_db, "snooze", str(item["id"]))

    assert done.returncode == 0, done.stderr
    after = items(followup_command, yesterday_db)[item["id"]]
    assert after["due"] == snoozed_day(due, TODAY, WEEKENDS_ONLY).isoformat() > item["due"]
    assert date.fromisoformat(after["due"]).weekday() < 5
    shown = show_date(snoozed_day(due, TODAY, WEEKENDS_ONLY), TODAY)
    assert f"snoozed to {shown}" in done.stdout  # the user sees where it went


def test_snoozing_an_overdue_item_from_the_shell_moves_it_to_tomorrow(followup_command, yesterday_db):
    overdue = next(i for i in items(followup_command, yesterday_db).values() if i["section"] == "overdue")
    done = followup(followup_command, yesterday_db, "snooze", str(overdue["id"]))
    assert done.returncode == 0, done.stderr
    assert items(followup_command, yesterday_db)[overdue["id"]]["due"] == "2026-11-26"
    assert "Thu 26 Nov" in done.stdout


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (date(2026, 11, 20), date(2026, 11, 26)),  # overdue: the next business day after today
        (TODAY, date(2026, 11, 26)),
        (date(2026, 11, 27), date(2026, 11, 30)),  # due Friday: Monday, never Thursday
        (date(2026, 11, 28), date(2026, 11, 30)),  # due on a Saturday: Monday
        (date(2026, 12, 2), date(2026, 12, 3)),  # due next week: a day later, never earlier
    ],
)
def test_store_snooze_moves_past_the_later_of_today_and_the_due_date(db_path, due, expected):
    open_database(db_path)
    try:
        interview = commands.add_interview(InterviewInput("Acme", date(2026, 11, 20), "Analyst"), date(2026, 11, 20))
        action = commands.add_custom(interview, "Send the portfolio", due, None, "", TODAY)
        commands.snooze(action, TODAY)
        assert queries.review_item(action).due == expected
    finally:
        close_database()


def test_snoozing_on_a_friday_skips_the_weekend():
    assert snoozed_day(date(2026, 11, 27), date(2026, 11, 27), WEEKENDS_ONLY) == date(2026, 11, 30)
    assert snoozed_day(date(2026, 11, 1), date(2026, 11, 28), WEEKENDS_ONLY) == date(2026, 11, 30)
