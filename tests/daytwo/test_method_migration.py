"""Schema v8 on yesterday's files: the thank-yous an earlier followup cancelled when an interview was
closed in the last week come back (the method never skips one), through the installed command."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from daytwo_files import read_rows, schema_file

from followup_tui.store.schema import SCHEMA_VERSION


def test_a_thank_you_cancelled_by_an_earlier_version_comes_back_when_the_interview_closed_this_week(
    tmp_path: Path, followup_command
):
    db = tmp_path / "data" / "followup.db"
    db.parent.mkdir(mode=0o700)
    shutil.copy2(schema_file(7), db)
    was_open = read_rows(
        db,
        "SELECT a.id FROM action a JOIN interview i ON i.id = a.interview_id "
        "WHERE i.company = 'Bluefin Robotics' AND a.kind = 'thank_you_email' AND a.state = 'open'",
    )
    assert was_open
    with closing(sqlite3.connect(db)) as con, con:
        # As version 7 left it: Bluefin (interviewed yesterday) withdrawn, its open items cancelled, and
        # an interview of last month closed the same way.
        con.execute("UPDATE interview SET status = 'withdrawn' WHERE company = 'Bluefin Robotics'")
        con.execute(
            "UPDATE action SET state = 'cancelled' WHERE state = 'open' AND interview_id IN "
            "(SELECT id FROM interview WHERE company IN ('Bluefin Robotics', 'Harbor Logistics'))"
        )
        con.execute(
            "UPDATE action SET state = 'cancelled', done_on = NULL WHERE kind = 'thank_you_email' AND interview_id = "
            "(SELECT id FROM interview WHERE company = 'Harbor Logistics')"
        )
    env = {**os.environ, "FOLLOWUP_NOW": "2026-11-25T09:30"}
    out = subprocess.run(
        [*followup_command, "--db", str(db), "today", "--json"], capture_output=True, text=True, env=env
    )
    assert out.returncode == 0, out.stderr
    assert read_rows(db, "PRAGMA user_version") == [(SCHEMA_VERSION,)]  # v8's step, and any after it
    items = {i["id"]: i for i in json.loads(out.stdout)["items"]}
    assert all(items[ident]["state"] == "open" for (ident,) in was_open)  # back in the review, to send
    calls = read_rows(
        db,
        "SELECT a.state FROM action a JOIN interview i ON i.id = a.interview_id "
        "WHERE i.company = 'Bluefin Robotics' AND a.kind IN ('call', 'letter')",
    )
    assert calls and {state for (state,) in calls} == {"cancelled"}  # the follow-up cycle stays paused
    # A month-old one is left as it was: the moment has passed.
    assert read_rows(
        db,
        "SELECT a.state FROM action a JOIN interview i ON i.id = a.interview_id "
        "WHERE i.company = 'Harbor Logistics' AND a.kind = 'thank_you_email'",
    ) == [("cancelled",)]
