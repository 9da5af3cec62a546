"""A file of every earlier schema version opens with the installed command, migrates after a checked
backup, and keeps every record (the shell sweep runs on them too: test_shell_day_two.py)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from daytwo_files import read_rows, schema_file

from followup_tui import clock
from followup_tui.kinds import Kind
from followup_tui.store import portable, queries, writing_notes
from followup_tui.store.backup import list_backups
from followup_tui.store.database import close_database, open_database
from followup_tui.store.schema import APPLICATION_ID, SCHEMA_VERSION
from followup_tui.writing.drafts import TEMPLATES

TODAY = date(2026, 11, 25)  # the frozen clock

# What a user would miss if a migration lost it: names, companies, links, and what is done.
KEPT = {
    "interviews": 'SELECT id, company, role, day, status FROM "interview" ORDER BY id',
    "contacts": 'SELECT id, name, company, email, phone FROM "contact" ORDER BY id',
    "meetings": 'SELECT interview_id, contact_id, topic, is_lead FROM "meeting" ORDER BY id',
    "actions": 'SELECT id, interview_id, contact_id, kind, due, state, done_on, note FROM "action" ORDER BY id',
    "settings": 'SELECT key, value FROM "setting" ORDER BY key',
}


def _kept(db: Path) -> dict[str, list[tuple]]:
    return {name: read_rows(db, sql) for name, sql in KEPT.items()}


def _shape(db: Path) -> dict[str, list[str]]:
    """Each table's columns and the indexes: what the code of the current version expects to find."""
    tables = [name for (name,) in read_rows(db, "SELECT name FROM sqlite_master WHERE type = 'table'")]
    shape = {table: sorted(row[1] for row in read_rows(db, f'PRAGMA table_info("{table}")')) for table in tables}
    shape["indexes"] = sorted(name for (name,) in read_rows(db, "SELECT name FROM sqlite_master WHERE type = 'index'"))
    return shape


def test_there_is_a_file_for_every_schema_version():
    for version in range(1, SCHEMA_VERSION + 1):
        with sqlite3.connect(f"{schema_file(version).resolve().as_uri()}?mode=ro", uri=True) as raw:
            assert raw.execute("PRAGMA user_version").fetchone()[0] == version
            assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
            assert raw.execute("SELECT count(*) FROM action").fetchone()[0] > 20


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_an_older_file_migrates_after_a_checked_backup_and_keeps_its_data(version, tmp_path, followup):
    db = tmp_path / "data" / "followup.db"
    db.parent.mkdir()
    shutil.copy2(schema_file(version), db)
    before = _kept(db)
    ran = followup(db, "today")
    assert ran.code == 0 and ran.out.startswith("Wed 25 Nov 2026 · ") and "Priya Raman" in ran.out
    assert read_rows(db, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert _kept(db) == before
    fresh = tmp_path / "fresh.db"
    shutil.copy2(schema_file(SCHEMA_VERSION), fresh)
    assert _shape(db) == _shape(fresh)
    taken = [b for b in list_backups(db) if b.reason == f"before-v{SCHEMA_VERSION}"]
    assert len(taken) == 1
    assert read_rows(taken[0].path, "PRAGMA integrity_check") == [("ok",)]
    assert read_rows(taken[0].path, "PRAGMA user_version") == [(version,)]  # the file as it was
    assert _kept(taken[0].path) == before
    assert followup(db, "today").code == 0 and len(list_backups(db)) == 1  # migrated once, backed up once


def test_a_current_file_opens_without_a_migration_or_a_backup(tmp_path, followup):
    db = tmp_path / "data" / "followup.db"
    db.parent.mkdir()
    shutil.copy2(schema_file(SCHEMA_VERSION), db)
    before = _kept(db)
    ran = followup(db, "today")
    assert ran.code == 0 and "Dana Whitfield" in ran.out
    assert _kept(db) == before and list_backups(db) == []


# ---- What the app reads from a migrated file ------------------------------------------------------
# The key sweep (test_app_day_two.py) and the shell sweep (test_shell_day_two.py) run on yesterday's file
# and on v1 (every migration step runs). For every older version this proves the migrated file gives
# the app the same records, read through the same store functions the screens call, as a file that was
# always current: so a sweep on it would press the same keys on the same data.

# Columns a migration computes from the rows (uids, the interview's summary and list order): the
# migrated file must hold what the current code would have written. Every other column a version
# lacked is the user's data it never stored: it reads as the migration's empty default.
COMPUTED = {"uid", "next_action_id", "next_due", "people", "list_rank"}
DRAFTED = {Kind.THANK_YOU_EMAIL, Kind.THANK_YOU_LETTER, Kind.LETTER, Kind.WEEKLY_EMAIL}


def _by_id(text: str, db: Path) -> str:
    """`text` with each record's uid spelled as its table and id (the uids an older file got from its
    migration are new random ones; the records they name must be the same)."""
    for table in ("interview", "contact", "meeting", "action"):
        for uid, ident in read_rows(db, f'SELECT uid, id FROM "{table}"'):
            text = text.replace(uid, f"{table}#{ident}")
    return text


def _exports(db: Path) -> dict[str, str]:
    """What the export dialog (x) and `followup export` write, in each format, from the open file."""
    target = db.with_name("export.json")
    portable.export_json(target)
    data = json.loads(target.read_text(encoding="utf-8"))
    del data["exported_at"]
    return {
        "json export": _by_id(json.dumps(data, indent=1), db),
        "csv export": portable.interviews_csv(),
        "calendar export": _by_id(portable.followups_ics(clock.now()).decode("utf-8"), db),
    }


def _app_reads(db: Path) -> dict[str, object]:
    """Everything the screens read, from the list to each draft, as the store hands it to them, and
    what the exports write."""
    open_database(db)
    try:
        rows = queries.list_interviews()
        details = [queries.interview_detail(row.id) for row in rows]
        people = sorted({person.contact_id for detail in details for person in detail.people})
        return {
            "interview list": rows,
            "first page": queries.list_interviews(limit=3),
            "interviews": details,
            "daily review": queries.review_items(TODAY, 7),
            "review, 14 days": queries.review_items(TODAY, 14),
            "active": queries.active_interview_count(),
            "histories": queries.histories(people),
            "cards": queries.contact_cards(),
            "profile": writing_notes.profile(),
            "templates": {name: writing_notes.template(name) for name in TEMPLATES},
            "drafts": [
                writing_notes.draft_data(action.id)
                for detail in details
                for action in detail.actions
                if action.kind in DRAFTED
            ],
            **_exports(db),
        }
    finally:
        close_database()


def _current_with_only(version: int, migrated: Path, into: Path) -> Path:
    """The current version's file holding only what a version-`version` file stored: each column that
    version lacked (and no migration computes) takes the value the migration gave it."""
    shutil.copy2(schema_file(SCHEMA_VERSION), into)
    with sqlite3.connect(into) as con:
        for table in ("interview", "contact", "meeting", "action", "setting"):
            had = {row[1] for row in read_rows(schema_file(version), f'PRAGMA table_info("{table}")')}
            for (column,) in read_rows(into, f"SELECT name FROM pragma_table_info('{table}')"):
                if column in had or column in COMPUTED:
                    continue
                values = read_rows(migrated, f'SELECT "{column}", id FROM "{table}"')
                con.executemany(f'UPDATE "{table}" SET "{column}" = ? WHERE id = ?', values)
    con.close()
    return into


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_a_migrated_file_gives_the_app_what_a_current_file_gives(version, tmp_path):
    db = tmp_path / "data" / "followup.db"
    db.parent.mkdir()
    shutil.copy2(schema_file(version), db)
    migrated = _app_reads(db)  # opening migrates it, here, in a process that never opened it before
    assert read_rows(db, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    expected = _app_reads(_current_with_only(version, db, tmp_path / "current.db"))
    for name, value in expected.items():
        assert migrated[name] == value, f"v{version}: {name} reads differently after the migration"
    assert migrated["drafts"] and migrated["histories"] and migrated["daily review"]  # something was compared
