"""`followup notify` on a real session bus: what a desktop shows each morning, once per item per day."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

from tests.notify.desktop import NotificationServer, desktop_env

TODAY, YESTERDAY = "2026-11-25", "2026-11-24"


def notify(command: list[str], db: Path, address: str | None, now: str = "2026-11-25T09:30"):
    """The installed `followup notify`, as a cron job of the desktop session runs it."""
    return subprocess.run(
        [*command, "--db", str(db), "notify"],
        env=desktop_env(address, now),
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_reminders_name_what_is_due_today_and_overdue(followup_command, yesterday_db, notification_server):
    run = notify(followup_command, yesterday_db, notification_server.address)
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "")
    [shown] = notification_server.received
    assert shown["app_name"] == "followup"
    # yesterday's job hunt: 5 overdue and 5 due today (as `followup today` lists them)
    assert shown["summary"] == "10 follow-ups due, 5 overdue"
    assert "Get Grace Kim's business card (Meridian Energy), 3 days overdue" in shown["body"]
    assert "and 5 more: `followup today` lists them all" in shown["body"]


def test_reminders_come_once_per_item_per_day(followup_command, yesterday_db, notification_server):
    first = notify(followup_command, yesterday_db, notification_server.address)
    again = notify(followup_command, yesterday_db, notification_server.address, "2026-11-25T14:00")
    assert (first.returncode, again.returncode, again.stdout, again.stderr) == (0, 0, "", "")
    assert len(notification_server.received) == 1
    tomorrow = notify(followup_command, yesterday_db, notification_server.address, "2026-11-26T09:30")
    assert tomorrow.returncode == 0
    assert [shown["summary"] for shown in notification_server.received] == [
        "10 follow-ups due, 5 overdue",
        "11 follow-ups due, 10 overdue",  # yesterday's ten again, overdue now, and one due on the 26th
    ]


def test_reminders_name_only_what_became_due_since(followup_command, yesterday_db, notification_server):
    notify(followup_command, yesterday_db, notification_server.address)
    # Later that day another program (the app) moves a to-do of the user's own to today: only it is named next.
    with sqlite3.connect(yesterday_db) as con:
        con.execute(
            "UPDATE action SET kind = 'custom', title = 'Ring <b>Acme</b> & co', due = '2026-11-25'"
            " WHERE id = (SELECT min(id) FROM action WHERE state = 'open' AND due > '2026-11-25')"
        )
    notify(followup_command, yesterday_db, notification_server.address, "2026-11-25T15:00")
    assert [shown["summary"] for shown in notification_server.received] == [
        "10 follow-ups due, 5 overdue",
        "1 follow-up due",
    ]
    # The server reads bodies as markup: the user's text shows as typed, not as bold.
    assert notification_server.received[1]["body"].startswith("Ring &lt;b&gt;Acme&lt;/b&gt; &amp; co")


def test_no_reminder_when_nothing_is_due(followup_command, yesterday_db, notification_server):
    with sqlite3.connect(yesterday_db) as con:
        # Everything due was done yesterday: only later follow-ups are open.
        finish = "UPDATE action SET state = 'done', done_on = ? WHERE state = 'open' AND due <= ?"
        con.execute(finish, (YESTERDAY, TODAY))
    run = notify(followup_command, yesterday_db, notification_server.address)
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "")
    assert notification_server.received == []


def test_headless_session_is_silent(followup_command, yesterday_db):
    run = notify(followup_command, yesterday_db, None)
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "")


def test_bus_without_a_notification_server_is_silent(followup_command, yesterday_db, session_bus):
    run = notify(followup_command, yesterday_db, session_bus)
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "")
    # Nothing was shown, so nothing is remembered as shown: a server started later gets them all.
    server = NotificationServer(session_bus, ["body"])
    server.start()
    try:
        notify(followup_command, yesterday_db, session_bus)
        assert [shown["summary"] for shown in server.received] == ["10 follow-ups due, 5 overdue"]
    finally:
        server.stop()


def test_no_database_yet_is_silent(followup_command, tmp_path, session_bus):
    run = notify(followup_command, tmp_path / "none.db", session_bus)
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "")
    assert not (tmp_path / "none.db").exists()  # only the app creates a database


def test_damaged_database_is_reported_on_stderr(followup_command, yesterday_db, session_bus):
    yesterday_db.write_bytes(b"not a database, whatever it once was" * 100)
    run = notify(followup_command, yesterday_db, session_bus)
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.startswith("followup: ") and "Traceback" not in run.stderr
    assert f"{yesterday_db} is not a followup database, or it is damaged" in run.stderr
