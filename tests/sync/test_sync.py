"""`followup sync` against a real Radicale, with the caldav library as the phone: the follow-ups as tasks and
the people as cards, both ways, with ETags; every case a user would meet (issue 15)."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from phone import Phone
from radicale_server import PASSWORD, USER, Radicale
from sync_shell import Shell


def _uid(shell: Shell, action_id: int) -> str:
    return str(shell.sql("SELECT uid FROM action WHERE id = ?", (action_id,))[0][0]) + "@followup"


def _open_uids(shell: Shell) -> set[str]:
    return {f"{uid}@followup" for (uid,) in shell.sql("SELECT uid FROM action WHERE state = 'open'")}


@pytest.fixture
def phone(radicale: Radicale) -> Phone:
    found = Phone(radicale)
    yield found
    found.close()


def test_first_sync_sends_every_open_follow_up_as_a_task_and_every_person_as_a_card(set_up: Shell, phone: Phone):
    out = set_up.ok("sync")
    tasks = phone.tasks()
    assert set(tasks) == _open_uids(set_up)  # stable UIDs: the action's own, as `followup export x.ics` writes
    thank_you = tasks[_uid(set_up, 14)]  # Dana Whitfield's thank-you email, due today
    assert thank_you["due"].dt == date(2026, 11, 25) and not hasattr(thank_you["due"].dt, "hour")  # all-day
    assert "Dana Whitfield" in thank_you["summary"] and "email" in thank_you["summary"].lower()
    assert "dana@bluefin.example" in thank_you["description"]  # the detail needed to act
    assert str(thank_you["status"]) == "NEEDS-ACTION"
    cards = phone.cards()
    people = {f"{uid}@followup": name for uid, name in set_up.sql("SELECT uid, name FROM contact")}
    assert set(cards) == set(people)
    assert all(f"FN:{people[uid]}" in text for uid, (_href, text) in cards.items())
    assert f"{len(tasks) + len(cards)} created" in out


def test_a_repeat_sync_creates_no_duplicates_and_says_nothing_changed(set_up: Shell, phone: Phone):
    set_up.ok("sync")
    before_tasks, before_cards = phone.tasks(), phone.cards()
    assert set_up.ok("sync").strip() == "Sync: nothing changed on either side."
    assert set(phone.tasks()) == set(before_tasks) and set(phone.cards()) == set(before_cards)
    assert set_up.sql("SELECT COUNT(*) FROM sync_item")[0][0] == len(before_tasks) + len(before_cards)


def test_done_on_the_phone_is_done_here_on_the_next_sync(set_up: Shell, phone: Phone):
    set_up.ok("sync")
    phone.complete(_uid(set_up, 10))  # the follow-up call to Dana, ticked on the phone
    out = set_up.ok("sync")
    assert "1 completed there" in out
    state, note = set_up.sql("SELECT state, note FROM action WHERE id = 10")[0]
    assert state == "done" and "Done elsewhere" in str(note)
    assert "Call Dana" not in set_up.ok("today")
    assert set_up.ok("sync").strip() == "Sync: nothing changed on either side."


def test_done_here_is_completed_on_the_server(set_up: Shell, phone: Phone):
    set_up.ok("sync")
    set_up.ok("done", "14")
    assert "1 completed here" in set_up.ok("sync")
    task = phone.tasks()[_uid(set_up, 14)]
    assert str(task["status"]) == "COMPLETED" and task["completed"].dt.date() == date(2026, 11, 25)


def test_snoozed_here_moves_the_due_date_on_the_server(set_up: Shell, phone: Phone):
    set_up.ok("sync")
    set_up.ok("snooze", "14")
    new_due = date.fromisoformat(str(set_up.sql("SELECT due FROM action WHERE id = 14")[0][0]))
    assert new_due > date(2026, 11, 25)
    assert "1 updated" in set_up.ok("sync")
    assert phone.tasks()[_uid(set_up, 14)]["due"].dt == new_due


def test_moved_on_both_sides_keeps_this_side_and_reports_it(set_up: Shell, phone: Phone):
    """Both changed the due date since they last agreed: the one here wins, the phone's is named."""
    set_up.ok("sync")
    phone.move(_uid(set_up, 16), date(2026, 12, 20))
    set_up.ok("snooze", "16")
    here = str(set_up.sql("SELECT due FROM action WHERE id = 16")[0][0])
    out = set_up.ok("sync")
    assert "1 conflicts" in out and "conflict:" in out and "Marcus Lee" in out and "20 Dec" in out
    assert phone.tasks()[_uid(set_up, 16)]["due"].dt == date.fromisoformat(here)
    assert str(set_up.sql("SELECT due FROM action WHERE id = 16")[0][0]) == here


def test_moved_only_on_the_phone_moves_it_here(set_up: Shell, phone: Phone):
    set_up.ok("sync")
    phone.move(_uid(set_up, 16), date(2026, 12, 3))
    assert "1 moved there" in set_up.ok("sync")
    assert set_up.sql("SELECT due, moved FROM action WHERE id = 16")[0] == ("2026-12-03", 1)


def test_completion_on_the_phone_wins_over_a_snooze_here(set_up: Shell, phone: Phone):
    set_up.ok("sync")
    phone.complete(_uid(set_up, 16))
    set_up.ok("snooze", "16")
    set_up.ok("sync")
    assert set_up.sql("SELECT state FROM action WHERE id = 16")[0][0] == "done"
    assert str(phone.tasks()[_uid(set_up, 16)]["status"]) == "COMPLETED"


def test_a_412_when_the_phone_writes_between_our_read_and_our_write_is_merged(set_up: Shell, phone: Phone):
    """The phone ticks the task at the moment this side writes its snooze: the server answers 412 to our
    If-Match, the task is read again and merged (completion wins): done on both sides, nothing lost."""
    from followup_tui import clock
    from followup_tui.store import queries
    from followup_tui.store.database import close_database, open_database
    from followup_tui.sync.engine import run

    set_up.ok("sync")
    set_up.ok("snooze", "16")
    uid = _uid(set_up, 16)
    open_database(set_up.db)
    settings = queries.settings()
    close_database()
    writes: list[str] = []

    def phone_ticks_first(href: str) -> None:
        if href.endswith(uid.removesuffix("@followup") + ".ics") and not writes:
            phone.complete(uid)  # between our look at the list and our PUT
        writes.append(href)

    report = run(set_up.db, settings, PASSWORD, clock.now(), on_item=phone_ticks_first)
    assert len([w for w in writes if uid.removesuffix("@followup") in w]) == 2  # refused (412), then merged
    assert report.completed_there == 1
    assert set_up.sql("SELECT state FROM action WHERE id = 16")[0][0] == "done"
    assert str(phone.tasks()[uid]["status"]) == "COMPLETED"


def test_a_task_deleted_on_the_phone_while_open_here_is_sent_again_and_a_done_one_is_let_go(
    set_up: Shell, phone: Phone
):
    """The method's follow-ups cannot be deleted, only done: one still open here comes back (counted), once;
    one already done here stays off the list."""
    set_up.ok("sync")
    set_up.ok("done", "14")
    set_up.ok("sync")
    phone.delete(_uid(set_up, 16))
    phone.delete(_uid(set_up, 14))
    out = set_up.ok("sync")
    assert "1 sent again" in out
    tasks = phone.tasks()
    assert _uid(set_up, 16) in tasks and _uid(set_up, 14) not in tasks
    assert set_up.ok("sync").strip() == "Sync: nothing changed on either side."


def test_setup_with_a_wrong_password_or_no_server_says_so(radicale: Radicale, followup: Shell):
    radicale.make_task_list()
    done = followup(
        "sync", "--setup", "--url", radicale.url, "--user", USER, env={**followup.env, "FOLLOWUP_SYNC_PASSWORD": "no"}
    )
    assert (
        done.returncode == 1 and "refused the user name or password" in done.stderr and "Traceback" not in done.stderr
    )
    radicale.stop()
    done = followup("sync", "--setup", "--url", radicale.url, "--user", USER)
    assert done.returncode == 1 and "did not answer" in done.stderr and "Traceback" not in done.stderr
    assert not followup.sql("SELECT * FROM setting WHERE key LIKE 'sync_%'")  # nothing half set up


def test_an_interview_deleted_here_takes_its_tasks_off_the_server(set_up: Shell, phone: Phone):
    from followup_tui import clock
    from followup_tui.store import commands
    from followup_tui.store.database import close_database, open_database

    set_up.ok("sync")
    interview = set_up.sql("SELECT interview_id FROM action WHERE id = 16")[0][0]
    gone = {f"{u}@followup" for (u,) in set_up.sql("SELECT uid FROM action WHERE interview_id = ?", (interview,))}
    assert gone & set(phone.tasks())
    open_database(set_up.db)
    commands.delete_interview(int(interview), clock.today())  # as the app's delete key does
    close_database()
    out = set_up.ok("sync")
    assert not gone & set(phone.tasks())
    assert "0 deleted" not in out and set(phone.tasks()) == _open_uids(set_up)


def test_a_card_changed_on_the_server_is_never_overwritten_without_asking(set_up: Shell, phone: Phone):
    set_up.ok("sync")
    uid = str(set_up.sql("SELECT uid FROM contact WHERE name = 'Dana Whitfield'")[0][0])
    phone.edit_card(f"{uid}@followup", "TITLE:VP Product", "TITLE:Chief Product Officer")
    set_up.sql("UPDATE contact SET title = 'VP of Product' WHERE uid = ?", (uid,))  # and edited here too
    out = set_up.ok("sync")
    assert "conflict: Dana Whitfield, title: here 'VP of Product', on the server 'Chief Product Officer'" in out
    assert "TITLE:Chief Product Officer" in phone.cards()[f"{uid}@followup"][1]  # not overwritten
    assert set_up.sql("SELECT title FROM contact WHERE uid = ?", (uid,))[0][0] == "VP of Product"
    assert "conflict: Dana Whitfield, title" in set_up.ok("sync")  # still there until settled
    set_up.ok("sync", "--prefer", "server")
    assert set_up.sql("SELECT title FROM contact WHERE uid = ?", (uid,))[0][0] == "Chief Product Officer"
    assert set_up.ok("sync").strip() == "Sync: nothing changed on either side."


def test_a_card_edited_here_goes_to_the_server_with_its_etag(set_up: Shell, phone: Phone):
    set_up.ok("sync")
    uid = str(set_up.sql("SELECT uid FROM contact WHERE name = 'Marcus Lee'")[0][0])
    set_up.sql("UPDATE contact SET email = 'marcus@bluefin.example' WHERE uid = ?", (uid,))
    assert "2 updated" in set_up.ok("sync")  # the card, and the thank-you task that carries the address
    assert "marcus@bluefin.example" in phone.cards()[f"{uid}@followup"][1]
    assert "marcus@bluefin.example" in phone.tasks()[_uid(set_up, 16)]["description"]


def _collection(radicale: Radicale, name: str) -> Path:
    return radicale.folder / "collections" / "collection-root" / USER / name


def _wait_for_files(folder: Path, count: int, process) -> None:
    deadline = time.monotonic() + 60
    while len(list(folder.glob("*.ics"))) < count:  # watching the server's storage, not a timer of ours
        assert process.poll() is None, "the sync finished before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.005)


@pytest.fixture
def many(set_up: Shell) -> Shell:
    """Yesterday's job hunt plus 60 more interviews, so that a sync takes long enough to interrupt."""
    from datetime import date as day

    from followup_tui.inputs import InterviewInput
    from followup_tui.store import commands
    from followup_tui.store.database import close_database, open_database

    open_database(set_up.db)
    for n in range(60):
        commands.add_interview(InterviewInput(f"Company {n}", day(2026, 11, 24), "Analyst"), day(2026, 11, 25))
    close_database()
    return set_up


@pytest.mark.parametrize("what_dies", ["server", "sync"])
def test_an_interrupted_sync_leaves_this_side_untouched_and_the_next_converges(
    many: Shell, radicale: Radicale, phone: Phone, what_dies: str
):
    import subprocess

    actions = many.sql("SELECT * FROM action ORDER BY id")
    process = subprocess.Popen(
        [*many.command, "--db", str(many.db), "sync"], env=many.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    _wait_for_files(_collection(radicale, "followups"), 30, process)
    (radicale.kill if what_dies == "server" else process.kill)()
    _out, err = process.communicate(timeout=60)
    assert process.returncode != 0
    if what_dies == "server":
        assert "did not answer" in err.decode() and "Traceback" not in err.decode()
        # What the server took before it died is recorded as agreed (the batch written on the way out), all
        # but perhaps the one it stored without answering.
        held = {path.stem for path in _collection(radicale, "followups").glob("*.ics")}
        recorded = {uid for (uid,) in many.sql("SELECT local_uid FROM sync_item WHERE kind = 'task'")}
        assert recorded <= held and len(held - recorded) <= 1
        radicale.start()  # the same storage and port: back up
    assert many.sql("SELECT * FROM action ORDER BY id") == actions  # nothing here changed
    assert many.sql("PRAGMA integrity_check") == [("ok",)]
    many.ok("sync")
    tasks = phone.tasks()  # fails on a duplicated UID
    assert set(tasks) == _open_uids(many)
    assert len(list(_collection(radicale, "followups").glob("*.ics"))) == len(tasks)
    assert many.ok("sync").strip() == "Sync: nothing changed on either side."


def test_a_wrong_password_says_so(set_up: Shell):
    done = set_up("sync", env={**set_up.env, "FOLLOWUP_SYNC_PASSWORD": "not-it"})
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "refused the user name or password" in done.stderr


def test_an_unreachable_server_says_so(set_up: Shell, radicale: Radicale):
    radicale.stop()
    done = set_up("sync")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"The server at {radicale.url} did not answer" in done.stderr


def test_not_set_up_says_how(followup: Shell):
    done = followup("sync")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "followup sync --setup --url URL --user NAME" in done.stderr


def test_a_calendar_that_refuses_tasks_says_so_and_offers_the_ics_export(
    radicale: Radicale, followup: Shell, set_up: Shell
):
    events = radicale.make_task_list("events", ("VEVENT",))
    done = followup("sync", "--setup", "--url", radicale.url, "--user", USER, "--task-list", "events")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "refuses tasks (VTODO)" in done.stderr and "followup export followups.ics" in done.stderr
    # A calendar that stopped taking tasks since the set-up (the server says so when asked): the same message.
    followup.sql("UPDATE setting SET value = ? WHERE key = 'sync_task_list'", (events,))
    done = followup("sync")
    assert done.returncode == 1 and "refuses tasks (VTODO)" in done.stderr and "Traceback" not in done.stderr


# Radicale's from_file rules: the task list "followups" may only be read; everything else is the user's own.
_READ_ONLY_TASK_LIST = """[read-only]
user: .+
collection: {user}/followups
permissions: r
[own]
user: .+
collection: {user}(/[^/]+)?
permissions: RrWw
[root]
user: .+
collection:
permissions: R
"""


def test_a_task_list_that_refuses_the_tasks_written_says_so_and_changes_nothing(set_up: Shell, radicale: Radicale):
    # Radicale does not enforce supported-calendar-component-set on PUT (measured: a VTODO PUT into a VEVENT-only
    # calendar answers 201), so the refusal comes from a list this user may only read: 403 on the first PUT,
    # after the list said it takes tasks, as Google's CalDAV refuses a VTODO.
    radicale.rights = _READ_ONLY_TASK_LIST
    radicale.stop()
    radicale.start()  # the same storage and port, with the new rules
    actions = set_up.sql("SELECT * FROM action ORDER BY id")
    done = set_up("sync")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "refused a task (HTTP 403)" in done.stderr and "may not write to it" in done.stderr
    assert "followup export followups.ics" in done.stderr
    assert set_up.sql("SELECT * FROM action ORDER BY id") == actions
    assert set_up.sql("SELECT * FROM sync_item WHERE kind = 'task'") == []
    assert list(_collection(radicale, "followups").glob("*.ics")) == []


def test_a_server_that_answers_412_to_a_new_task_with_nothing_there_says_so_and_stops(
    set_up: Shell, radicale: Radicale
):
    # Radicale answers 412 to a PUT over its size limit: not a copy left by an interrupted sync (which is adopted).
    radicale.server = "max_resource_size = 100\n"
    radicale.stop()
    radicale.start()  # the same storage and port, taking nothing over 100 bytes
    actions = set_up.sql("SELECT * FROM action ORDER BY id")
    done = set_up("sync")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "refused to store" in done.stderr and "412" in done.stderr
    assert set_up.sql("SELECT * FROM action ORDER BY id") == actions
    assert set_up.sql("SELECT * FROM sync_item") == []


def test_a_locked_database_says_so(set_up: Shell):
    import sqlite3

    with sqlite3.connect(set_up.db) as other:
        other.execute("BEGIN IMMEDIATE")
        done = set_up("sync")
        other.rollback()
    assert done.returncode != 0 and "Traceback" not in done.stderr and "busy" in done.stderr


def test_the_password_is_never_stored_in_the_database_or_an_export(set_up: Shell, tmp_path: Path):
    set_up.ok("sync")
    for name in ("all.json", "people.vcf", "followups.ics", "interviews.csv"):
        set_up.ok("export", str(tmp_path / name))
        assert PASSWORD not in (tmp_path / name).read_text()
    for path in set_up.db.parent.rglob("*"):
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes(), path


def test_setup_lists_the_choices_when_the_server_has_several_task_lists(radicale: Radicale, followup: Shell):
    radicale.make_task_list("work")
    radicale.make_task_list("jobhunt")
    radicale.make_task_list("events", ("VEVENT",))  # takes no tasks: never offered
    done = followup("sync", "--setup", "--url", radicale.url, "--user", USER)
    assert done.returncode == 1 and "several task lists" in done.stderr and "Traceback" not in done.stderr
    assert "'work'" in done.stderr and "'jobhunt'" in done.stderr and "events" not in done.stderr
    out = followup.ok("sync", "--setup", "--url", radicale.url, "--user", USER, "--task-list", "jobhunt")
    assert f"{radicale.home}jobhunt/" in out and "contacts: none" in out
    assert followup.sql("SELECT value FROM setting WHERE key = 'sync_task_list'") == [(f"{radicale.home}jobhunt/",)]


def test_setup_with_something_that_is_no_server_address_says_so_and_sets_nothing(followup: Shell):
    done = followup("sync", "--setup", "--url", "cloud.example/dav", "--user", USER)
    assert done.returncode == 2, done.stderr
    assert "'cloud.example/dav' is not a server's address: it starts https://" in done.stderr
    assert "Traceback" not in done.stderr
    assert followup.sql("SELECT count(*) FROM setting WHERE key LIKE 'sync_%'") == [(0,)]
