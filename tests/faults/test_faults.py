"""Faults a user can meet: each test prints the figure it measured (run with -s to see them)."""

from __future__ import annotations

import random
import signal
import sqlite3
import time
from datetime import date

import pytest

from followup_tui.inputs import InterviewInput
from followup_tui.store import commands, queries
from followup_tui.store.database import close_database, open_database
from followup_tui.store.schema import SCHEMA_VERSION

DAY = date(2026, 11, 25)


def integrity(path) -> str:
    """SQLite's verdict on a file."""
    with sqlite3.connect(path) as raw:
        return raw.execute("PRAGMA integrity_check").fetchone()[0]


WRITER = """
import sys
from datetime import date
from followup_tui.store import commands
from followup_tui.store.database import open_database
open_database(__import__("pathlib").Path({path!r}))
for n in range(100000):
    commands.add_custom({interview}, f"{prefix}-{{n}}", date(2026, 11, 25), None, "", date(2026, 11, 25))
    print(f"{prefix}-{{n}}", flush=True)  # acknowledged: committed before this line
    if n + 1 >= {limit}:
        break
"""


@pytest.fixture
def interview(db_path):
    open_database(db_path)
    ident = commands.add_interview(InterviewInput("Acme", DAY), DAY)
    close_database()
    return ident


def titles(db_path) -> set[str]:
    open_database(db_path)
    try:
        return {a.title for a in queries.interview_detail(1).actions if a.title}
    finally:
        close_database()


def test_kill_9_while_writing_loses_nothing_acknowledged(db_path, interview, child):
    rng = random.Random(7)
    kills, acknowledged = 0, set()
    for round_number in range(8):
        proc = child(WRITER.format(path=str(db_path), interview=interview, prefix=f"r{round_number}", limit=10**6))
        time.sleep(0.4 + rng.random() * 0.4)
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        acknowledged.update(line for line in out.splitlines() if line)
        kills += 1
        assert integrity(db_path) == "ok"
    lost = acknowledged - titles(db_path)
    print(f"\nkill -9 while writing: {kills} kills, {len(acknowledged)} acknowledged writes, {len(lost)} lost")
    assert kills == 8 and acknowledged and not lost


def test_two_processes_writing_at_once_never_see_locked(db_path, interview, child):
    procs = [child(WRITER.format(path=str(db_path), interview=interview, prefix=p, limit=150)) for p in "ab"]
    results = [proc.communicate(timeout=120) for proc in procs]
    errors = [err for _, err in results if err.strip()]
    stored = titles(db_path)
    print(
        f"\ntwo writers: {sum(len(out.splitlines()) for out, _ in results)} writes acknowledged, "
        f"{len(stored)} stored, {len(errors)} errors"
    )
    assert errors == [] and len(stored) == 300
    assert all(proc.returncode == 0 for proc in procs)


DISK_FILLER = """
import resource, signal, sys
from datetime import date
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a full disk: writes fail with EFBIG instead of a signal
from followup_tui.store import commands
from followup_tui.store.database import open_database
from followup_tui.store.errors import StoreError
open_database(__import__("pathlib").Path({path!r}))
size = __import__("os").path.getsize({path!r})
resource.setrlimit(resource.RLIMIT_FSIZE, (size + 64 * 1024, size + 64 * 1024))
try:
    for n in range(100000):
        commands.add_custom(1, "x" * 150 + f"-{{n}}", date(2026, 11, 25), None, "y" * 2000, date(2026, 11, 25))
        print(f"ok {{n}}", flush=True)
except StoreError as error:
    print(f"error: {{error}}", flush=True)
"""


def test_a_full_disk_fails_the_write_with_a_message_and_keeps_the_data(db_path, interview, child):
    before = titles(db_path)
    proc = child(DISK_FILLER.format(path=str(db_path)))
    out, err = proc.communicate(timeout=120)
    lines = out.splitlines()
    assert lines[-1].startswith("error: "), (out[-500:], err[-2000:])
    written = sum(1 for line in lines if line.startswith("ok "))
    print(f"\ndisk full after {written} writes: {lines[-1]}")
    assert "disk is full" in lines[-1] and "not saved" in lines[-1]
    assert integrity(db_path) == "ok"
    after = titles(db_path)
    assert before <= after and len(after) - len(before) == written  # every acknowledged write is there


MIGRATOR = """
import time
from followup_tui.store import database, schema
original = schema.MIGRATIONS[-1]
def slow_last_step():
    original()
    print("migrating", flush=True)
    time.sleep(30)  # killed here, inside the step's transaction
schema.MIGRATIONS = (*schema.MIGRATIONS[:-1], slow_last_step)
database.open_database(__import__("pathlib").Path({path!r}))
"""


def test_a_migration_killed_halfway_leaves_the_old_schema_and_a_good_backup(db_path, child):
    from followup_tui.store import database, schema
    from followup_tui.store.backup import list_backups
    from followup_tui.store.models import db

    db_path.parent.mkdir(parents=True)
    db.init(str(db_path), pragmas=database.PRAGMAS)
    db.connect()
    for step in schema.MIGRATIONS[:-1]:
        with db.atomic():
            step()
    db.execute_sql(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    db.execute_sql(
        "INSERT INTO interview (company, role, day, status, notes, created_at) "
        "VALUES ('Acme', '', '2026-11-20', 'active', '', '2026-11-20 10:00')"
    )
    db.close()
    with sqlite3.connect(db_path) as raw:
        old_schema = raw.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    proc = child(MIGRATOR.format(path=str(db_path)))
    assert proc.stdout.readline().strip() == "migrating"
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    with sqlite3.connect(db_path) as raw:
        version = raw.execute("PRAGMA user_version").fetchone()[0]
        schema = raw.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    backups = list_backups(db_path)
    print(
        f"\nmigration killed: schema {version}, tables and indexes unchanged: {schema == old_schema}, "
        f"{len(backups)} backup(s)"
    )
    assert version == SCHEMA_VERSION - 1 and schema == old_schema  # wholly old
    assert integrity(db_path) == "ok"
    assert backups and backups[0].reason == f"before-v{SCHEMA_VERSION}" and integrity(backups[0].path) == "ok"
    open_database(db_path)  # the next start migrates
    try:
        assert [r.company for r in queries.list_interviews()] == ["Acme"]
    finally:
        close_database()
