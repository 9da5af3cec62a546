"""Holidays on yesterday's database through the installed command: on Christmas Eve, a snooze and an
unanswered call move past Christmas to Monday 28th, and `followup today` still never loads the library."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from daytwo_files import read_rows

CHRISTMAS_EVE = {"FOLLOWUP_NOW": "2026-12-24T09:00"}  # a Thursday


def chose_us_holidays(db: Path) -> None:
    """As the settings form left the file yesterday: US public holidays."""
    with closing(sqlite3.connect(db)) as con, con:
        con.execute("""INSERT INTO "setting" VALUES ('holiday_region', 'US')""")


def open_action(db: Path, company: str, kind: str) -> int:
    found = read_rows(
        db,
        "SELECT a.id FROM action a JOIN interview i ON i.id = a.interview_id "
        "WHERE i.company = ? AND a.kind = ? AND a.state = 'open'",
        (company, kind),
    )
    assert len(found) == 1, found
    return found[0][0]


def followup(command: list[str], db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **CHRISTMAS_EVE}
    return subprocess.run([*command, "--db", str(db), *args], capture_output=True, text=True, env=env, timeout=60)


def due(db: Path, ident: int) -> str:
    return read_rows(db, "SELECT due FROM action WHERE id = ?", (ident,))[0][0]


def test_holidays_a_snooze_on_christmas_eve_lands_on_the_28th_not_on_christmas(yesterday_db, followup_command):
    weekends_only = yesterday_db.with_name("weekends-only.db")
    shutil.copy2(yesterday_db, weekends_only)  # the same file with no holidays set (the tests assume none)
    chose_us_holidays(yesterday_db)
    letter = open_action(yesterday_db, "Northwind Analytics", "letter")

    snoozed = followup(followup_command, yesterday_db, "snooze", str(letter))

    assert snoozed.returncode == 0, snoozed.stderr
    assert "snoozed to Mon 28 Dec" in snoozed.stdout
    assert due(yesterday_db, letter) == "2026-12-28"
    plain = followup(followup_command, weekends_only, "snooze", str(letter))
    assert plain.returncode == 0 and "snoozed to Fri 25 Dec" in plain.stdout  # what it did before


def test_holidays_an_unanswered_call_on_christmas_eve_is_tried_again_after_christmas(yesterday_db, followup_command):
    chose_us_holidays(yesterday_db)
    call = open_action(yesterday_db, "Bluefin Robotics", "call")

    tried = followup(followup_command, yesterday_db, "done", str(call), "--outcome", "no_answer")

    assert tried.returncode == 0, tried.stderr
    assert due(yesterday_db, call) == "2026-12-28"


def test_holidays_followup_today_never_loads_the_holidays_library(yesterday_db):
    chose_us_holidays(yesterday_db)
    code = (
        "import sys; from followup_tui.cli import main; "
        f"rc = main(['--db', {str(yesterday_db)!r}, 'today']); "
        "assert 'holidays' not in sys.modules, 'holidays imported'; sys.exit(rc)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env={**os.environ, **CHRISTMAS_EVE}, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "Northwind Analytics" in result.stdout
