"""`followup export --vdir FOLDER` on yesterday's database: the folder vdirsyncer syncs to a phone or server."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
from pathlib import Path

from icalendar import Calendar

ENV_NOW = {"FOLLOWUP_NOW": "2026-11-25T09:30"}


def followup(command: list[str], db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The installed command on the database, as a user (or a cron job before vdirsyncer) runs it."""
    env = {**os.environ, **ENV_NOW}
    return subprocess.run([*command, "--db", str(db), *args], env=env, capture_output=True, text=True, timeout=60)


def todos(folder: Path) -> dict[str, Calendar]:
    """The folder's .ics files, by name, each parsed."""
    return {path.name: Calendar.from_ical(path.read_bytes()) for path in sorted(folder.glob("*.ics"))}


def without_stamp(ical: bytes) -> bytes:
    return b"".join(line for line in ical.splitlines(keepends=True) if not line.startswith(b"DTSTAMP"))


def open_uids(db: Path) -> set[str]:
    with sqlite3.connect(db) as con:
        return {uid for (uid,) in con.execute("SELECT uid FROM action WHERE state = 'open'")}


def test_vdir_has_one_todo_per_open_follow_up_named_by_its_uid(followup_command, yesterday_db, tmp_path):
    folder = tmp_path / "calendars" / "followup"
    folder.parent.mkdir()
    run = followup(followup_command, yesterday_db, "export", "--vdir", str(folder))
    assert run.returncode == 0, run.stderr
    found = todos(folder)
    uids = open_uids(yesterday_db)
    assert set(found) == {f"{uid}@followup.ics" for uid in uids}
    # The same UIDs as the single-file export: a phone that imported that file sees the same to-dos.
    run = followup(followup_command, yesterday_db, "export", str(tmp_path / "all.ics"))
    assert run.returncode == 0, run.stderr
    whole = {str(todo["uid"]): todo for todo in Calendar.from_ical((tmp_path / "all.ics").read_bytes()).walk("VTODO")}
    for name, calendar in found.items():
        [todo] = calendar.walk("VTODO")
        assert name == f"{todo['uid']}.ics"
        assert str(todo["status"]) == "NEEDS-ACTION"
        assert todo["summary"] == whole[str(todo["uid"])]["summary"]
        assert todo.decoded("due") == whole[str(todo["uid"])].decoded("due")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert {stat.S_IMODE(path.stat().st_mode) for path in folder.iterdir()} == {0o600}


def test_vdir_reexport_follows_the_app_and_leaves_other_files_alone(followup_command, yesterday_db, tmp_path):
    folder = tmp_path / "followup"
    followup(followup_command, yesterday_db, "export", "--vdir", str(folder))
    # What vdirsyncer or the user keep in the same folder: never ours to touch.
    others = {
        "notes.txt": b"my notes",
        "0123abcd-from-the-phone.ics": b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
        "x@elsewhere.ics": b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
        ".vdirsyncer-status": b"{}",
    }
    for name, data in others.items():
        (folder / name).write_bytes(data)
    with sqlite3.connect(yesterday_db) as con:
        first_open = "SELECT id, uid FROM action WHERE state = 'open' ORDER BY id LIMIT 1"
        done_id, done_uid = con.execute(first_open).fetchone()
        moved_id, moved_uid = con.execute(
            "SELECT id, uid FROM action WHERE state = 'open' AND due <= '2026-11-25' ORDER BY id DESC LIMIT 1"
        ).fetchone()
    kept = {path.name: path.read_bytes() for path in folder.glob("*@followup.ics")}
    assert followup(followup_command, yesterday_db, "done", str(done_id), "--yes").returncode == 0
    assert followup(followup_command, yesterday_db, "snooze", str(moved_id)).returncode == 0
    run = followup(followup_command, yesterday_db, "export", "--vdir", str(folder))
    assert run.returncode == 0, run.stderr
    after = {path.name: path.read_bytes() for path in folder.glob("*@followup.ics")}
    assert set(after) == {f"{uid}@followup.ics" for uid in open_uids(yesterday_db)}
    assert f"{done_uid}@followup.ics" not in after  # done: its file is gone
    [moved] = Calendar.from_ical(after[f"{moved_uid}@followup.ics"]).walk("VTODO")
    assert moved.decoded("due").isoformat() > "2026-11-25"  # snoozed: updated in place, under the same name
    # Only what changed is written (done letters plan the next weekly one): the rest keeps its bytes, time
    # stamp included, so vdirsyncer sees no change there.
    rewritten = [name for name in after if name in kept and after[name] != kept[name]]
    new = [name for name in after if name not in kept]
    assert all(without_stamp(after[name]) != without_stamp(kept[name]) for name in rewritten)
    assert f"{moved_uid}@followup.ics" in rewritten
    unchanged = len(after) - len(rewritten) - len(new)
    assert f"{len(rewritten) + len(new)} written, {unchanged} unchanged, 1 removed" in run.stdout
    for name, data in others.items():
        assert (folder / name).read_bytes() == data
    assert not [path for path in folder.iterdir() if path.name.endswith(".tmp")]


def test_vdir_export_to_a_file_is_refused(followup_command, yesterday_db, tmp_path):
    target = tmp_path / "followups.ics"
    target.write_text("mine")
    run = followup(followup_command, yesterday_db, "export", "--vdir", str(target))
    assert run.returncode == 2
    assert "--vdir needs a folder" in run.stderr
    assert target.read_text() == "mine"
