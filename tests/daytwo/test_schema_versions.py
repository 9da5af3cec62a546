"""A file of every earlier schema version opens with the installed command, migrates after a checked
backup, and keeps every record (the shell sweep runs on them too: test_shell_day_two.py)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from daytwo_files import read_rows, schema_file

from followup_tui.store.backup import list_backups
from followup_tui.store.schema import APPLICATION_ID, SCHEMA_VERSION

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
