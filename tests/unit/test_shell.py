"""`followup today`, `done` and `snooze` from the shell, on a fixed clock."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date

import pytest

from followup_tui import cli
from followup_tui.contact import PersonInput
from followup_tui.inputs import InterviewInput
from followup_tui.kinds import Kind
from followup_tui.store import commands, queries
from followup_tui.store.database import close_database, open_database

TODAY = date(2026, 11, 25)


@pytest.fixture
def hunt(db_path):
    open_database(db_path)
    acme = commands.add_interview(InterviewInput("Acme", date(2026, 11, 20), "Analyst"), date(2026, 11, 20))
    commands.add_person(
        acme,
        PersonInput(
            "Ana Ruiz",
            title="Hiring Manager",  # with an email: a complete card, ticked
            email="ana@acme.example",
            phone="+1 415 555 0142",
            phone_e164="+14155550142",
            topic="dashboards",
        ),
        date(2026, 11, 20),
    )
    ids = {a.kind: a.id for a in queries.interview_detail(acme).actions}
    close_database()
    return ids


def run(capsys, db_path, *args) -> tuple[int, str, str]:
    code = cli.main(["--db", str(db_path), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_today_prints_sections_ids_and_contact_details(capsys, db_path, hunt):
    code, out, _ = run(capsys, db_path, "today")
    assert code == 0
    assert out.splitlines()[0] == "Wed 25 Nov 2026 · 0 of 3 done today · 1 active interview"
    assert "Overdue (2)" in out and "Today (1)" in out and "Next 7 days (1)" in out
    call_line = next(line for line in out.splitlines() if line.startswith(str(hunt[Kind.CALL])))
    # Due today, the first day of its days 5 to 7.
    assert "follow-up call" in call_line and "+1 415 555 0142" in call_line and "day 5 of 5–7" in call_line
    assert "\x1b[" not in out  # no colour codes when not a terminal
    assert "keep the search going" in out


def test_today_json_has_stable_fields(capsys, db_path, hunt):
    code, out, _ = run(capsys, db_path, "today", "--json", "--days", "2")
    data = json.loads(out)
    assert code == 0 and data["date"] == "2026-11-25" and data["active_interviews"] == 1
    first = data["items"][0]
    assert set(first) == {
        "id",
        "section",
        "window_end",
        "kind",
        "what",
        "person",
        "company",
        "role",
        "due",
        "due_text",
        "state",
        "contact",
        "missing",
        "note",
        "interview_id",
    }
    assert {i["section"] for i in data["items"]} <= {"overdue", "today", "upcoming"}
    assert all(i["due"] <= "2026-11-27" for i in data["items"])  # --days 2: the letter (30th) is left out


def test_done_and_snooze_by_id(capsys, db_path, hunt):
    code, out, _ = run(capsys, db_path, "done", str(hunt[Kind.THANK_YOU_EMAIL]))
    assert code == 0 and "thank-you email · Ana Ruiz: done" in out
    code, out, _ = run(capsys, db_path, "snooze", str(hunt[Kind.REFERENCES]))
    assert code == 0 and "snoozed" in out
    code, out, _ = run(capsys, db_path, "done", str(hunt[Kind.CALL]), "--outcome", "no_answer")
    assert code == 0 and "next business day" in out
    _, out, _ = run(capsys, db_path, "today", "--json")
    items = {i["id"]: i for i in json.loads(out)["items"]}
    assert items[hunt[Kind.THANK_YOU_EMAIL]]["state"] == "done"
    assert items[hunt[Kind.REFERENCES]]["due"] == "2026-11-26"
    assert items[hunt[Kind.CALL]]["due"] == "2026-11-26" and "No answer" in items[hunt[Kind.CALL]]["note"]


def test_unknown_id_and_bad_days_are_explained(capsys, db_path, hunt):
    code, _, err = run(capsys, db_path, "done", "999")
    assert code == 1 and "no action 999" in err
    code, _, err = run(capsys, db_path, "today", "--days", "-1")
    assert code == 2 and "--days" in err


def test_today_imports_neither_textual_nor_peewee(db_path, hunt):
    """`followup today` on a current database reads through the standard library alone."""
    code = (
        "import sys; from followup_tui.cli import main; "
        f"rc = main(['--db', {str(db_path)!r}, 'today']); "
        "assert 'textual' not in sys.modules, 'textual imported'; "
        "assert 'peewee' not in sys.modules, 'peewee imported'; "
        "assert 'platformdirs' not in sys.modules, 'platformdirs imported'; sys.exit(rc)"
    )
    env = {**os.environ, "FOLLOWUP_NOW": "2026-11-25T09:30"}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Overdue" in result.stdout


def test_piping_into_head_stops_quietly(db_path, hunt):
    from followup_tui.store.database import db

    open_database(db_path)
    with db.atomic():  # more rows than a pipe holds, so the writer meets the closed pipe
        for n in range(1500):
            commands.add_custom(1, f"Follow-up task number {n} with a long enough title", TODAY, None, "", TODAY)
    close_database()
    env = {**os.environ, "FOLLOWUP_NOW": "2026-11-25T09:30"}
    result = subprocess.run(
        f"{sys.executable} -m followup_tui --db {db_path} today | head -1",
        shell=True,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.stdout.startswith("Wed 25 Nov 2026") and "Traceback" not in result.stderr


def test_today_without_a_database_says_so_and_creates_nothing(capsys, tmp_path):
    """Only the app creates a database: a mistyped --db must not leave a new empty file behind."""
    fresh = tmp_path / "new" / "followup.db"
    code, out, err = run(capsys, fresh, "today")
    assert code == 2 and out == "" and f"no database at {fresh}" in err
    assert not fresh.parent.exists()


def test_today_on_a_file_that_is_not_ours_explains_and_leaves_it(capsys, tmp_path):
    other = tmp_path / "notes.db"
    import sqlite3

    raw = sqlite3.connect(other)
    raw.execute("CREATE TABLE notes (body TEXT)")
    raw.commit()
    raw.close()
    before = other.read_bytes()
    code, out, err = run(capsys, other, "today")
    assert code == 2 and "not a followup database" in err and out == ""
    assert other.read_bytes() == before


def test_today_reads_the_same_quickly_as_through_the_store(capsys, db_path, hunt):
    """The standard-library read and the app's read give the same items."""
    from followup_tui.store import lite

    open_database(db_path)
    try:
        through_store = queries.review_items(TODAY, 7), queries.active_interview_count()
    finally:
        close_database()
    con = lite.open_current(db_path)
    assert con is not None
    try:
        items, active = lite.review(con, TODAY, 7)
    finally:
        con.close()
    # The shell prints no topic and so does not read it; everything else is the same.
    assert any(item.topic for item in through_store[0])
    assert (items, active) == ([item._replace(topic="") for item in through_store[0]], through_store[1])


def test_long_ids_are_printed_whole(capsys, db_path, hunt):
    """`followup done ID` needs the whole id, however many digits it has."""
    import sqlite3

    raw = sqlite3.connect(db_path)
    raw.execute("UPDATE action SET id = 1234567 WHERE id = ?", (hunt[Kind.CALL],))
    raw.commit()
    raw.close()
    _, out, _ = run(capsys, db_path, "today")
    call_line = next(line for line in out.splitlines() if "follow-up call" in line)
    assert call_line.startswith("1234567 ")
    code, out, _ = run(capsys, db_path, "done", "1234567", "--outcome", "reached")
    assert code == 0 and "done" in out
