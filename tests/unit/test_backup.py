"""Checked backups, retention, restore, and refusals that point at the backups."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta

import pytest

from followup_tui.inputs import InterviewInput
from followup_tui.store import backup, commands, queries
from followup_tui.store.database import close_database, open_database
from followup_tui.store.errors import NotOurDatabase

DAY = datetime(2026, 11, 25, 9, 30)


def test_a_backup_is_private_checked_and_complete(store):
    commands.add_interview(InterviewInput("Acme", DAY.date()), DAY.date())
    made = backup.make_backup(store, "manual")
    assert (made.stat().st_mode & 0o777) == 0o600 and made.parent.name == "backups"
    with sqlite3.connect(made) as raw:
        assert raw.execute("SELECT company FROM interview").fetchall() == [("Acme",)]
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_retention_keeps_7_daily_and_4_weekly(store):
    for days_ago in range(40):
        backup.make_backup(store, "daily", now=DAY - timedelta(days=days_ago))
    backup.prune(store)
    kept = [b.taken.date() for b in backup.list_backups(store)]
    daily = [DAY.date() - timedelta(days=n) for n in range(7)]
    assert set(daily) <= set(kept)
    assert len(kept) <= 7 + 4 and len({d.isocalendar()[:2] for d in kept}) >= 4


def test_restore_brings_back_the_backup_and_keeps_the_current_data_aside(store):
    commands.add_interview(InterviewInput("Before", DAY.date()), DAY.date())
    saved = backup.make_backup(store, "manual")
    commands.add_interview(InterviewInput("After", DAY.date()), DAY.date())
    close_database()
    aside = backup.restore(store, saved)
    open_database(store)
    assert [r.company for r in queries.list_interviews()] == ["Before"]
    with sqlite3.connect(aside) as raw:
        assert sorted(raw.execute("SELECT company FROM interview").fetchall()) == [("After",), ("Before",)]


def test_a_damaged_file_is_refused_naming_the_backups(store):
    commands.add_interview(InterviewInput("Acme", DAY.date()), DAY.date())
    made = backup.make_backup(store, "manual")
    close_database()
    data = bytearray(store.read_bytes())
    data[16:100] = b"\x00" * 84  # scribble over the header
    store.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        store.with_name(store.name + suffix).unlink(missing_ok=True)
    before = store.read_bytes()
    with pytest.raises(NotOurDatabase) as refused:
        open_database(store)
    assert str(made) in str(refused.value) and "restore" in str(refused.value)
    assert store.read_bytes() == before


def test_restore_refuses_a_broken_backup(store, tmp_path):
    broken = tmp_path / "broken.db"
    broken.write_bytes(os.urandom(4096))
    with pytest.raises(Exception, match="backup"):
        backup.restore(store, broken)
