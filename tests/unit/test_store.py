"""The SQLite store, on a temporary file database."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from datetime import date, time

import pytest

from followup_tui.contact import PersonInput
from followup_tui.inputs import InterviewInput
from followup_tui.kinds import Kind, State, Status
from followup_tui.store import commands, queries
from followup_tui.store.database import (
    DatabaseBusy,
    NewerDatabase,
    NotOurDatabase,
    StoreError,
    close_database,
    open_database,
)
from followup_tui.store.schema import APPLICATION_ID, SCHEMA_VERSION

MON = date(2026, 11, 16)
TODAY = date(2026, 11, 25)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_new_database_folder_and_files_are_private(db_path):
    open_database(db_path)
    commands.add_interview(InterviewInput("Acme", MON), TODAY)
    close_database()
    assert mode(db_path.parent) == 0o700
    for suffix in ("", "-wal", "-shm"):
        candidate = db_path.with_name(db_path.name + suffix)
        if candidate.exists():
            assert mode(candidate) == 0o600, candidate


def test_schema_version_and_application_id_are_set(store):
    with sqlite3.connect(store) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_keeps_everything(db_path):
    open_database(db_path)
    iid = commands.add_interview(InterviewInput("Acme", MON, "Analyst", time(16)), TODAY)
    commands.add_person(iid, PersonInput("Ana Ruiz", email="ana@acme.example", topic="dashboards"), TODAY)
    close_database()
    open_database(db_path)
    detail = queries.interview_detail(iid)
    close_database()
    assert (detail.company, detail.role, detail.ended_at) == ("Acme", "Analyst", time(16))
    assert [p.name for p in detail.people] == ["Ana Ruiz"]
    assert detail.people[0].topic == "dashboards"


def _bytes(path):
    return path.read_bytes()


def test_a_newer_database_is_refused_and_left_untouched(db_path):
    open_database(db_path)
    close_database()
    with sqlite3.connect(db_path) as raw:
        raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _bytes(db_path)
    with pytest.raises(NewerDatabase, match="newer version"):
        open_database(db_path)
    assert _bytes(db_path) == before


def test_a_foreign_sqlite_file_is_refused_and_left_untouched(db_path):
    db_path.parent.mkdir(parents=True)
    with sqlite3.connect(db_path) as raw:
        raw.execute("CREATE TABLE songs (title TEXT)")
    before = _bytes(db_path)
    with pytest.raises(NotOurDatabase, match="not a followup database"):
        open_database(db_path)
    assert _bytes(db_path) == before


def test_a_corrupt_file_is_refused_and_left_untouched(db_path):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"this is a shopping list, not a database\n" * 50)
    before = _bytes(db_path)
    with pytest.raises(NotOurDatabase):
        open_database(db_path)
    assert _bytes(db_path) == before


def test_a_damaged_sqlite_file_is_refused(db_path):
    open_database(db_path)
    commands.add_interview(InterviewInput("Acme", MON), TODAY)
    close_database()
    data = bytearray(_bytes(db_path))
    data[100:4096] = b"\xff" * (4096 - 100)  # scribble over the schema page
    db_path.write_bytes(bytes(data))
    with pytest.raises(NotOurDatabase):
        open_database(db_path)


def test_a_folder_that_cannot_be_made_gives_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="Cannot create the database"):
        open_database(blocker / "sub" / "followup.db")


def test_a_second_writer_gets_a_busy_message_and_nothing_changes(db_path):
    """Once the wait for the other copy's lock runs out (a tenth of a second here; BUSY_SECONDS in use)."""
    open_database(db_path, busy_seconds=0.1)
    try:
        iid = commands.add_interview(InterviewInput("Acme", MON), TODAY)
        action = queries.interview_detail(iid).actions[0]
        other = sqlite3.connect(db_path, timeout=0)
        other.execute("BEGIN IMMEDIATE")  # another copy holds the write lock
        try:
            with pytest.raises(DatabaseBusy, match="another copy"):
                commands.set_done(action.id, True, TODAY)
        finally:
            other.rollback()
            other.close()
        assert queries.interview_detail(iid).actions[0].state is State.OPEN
    finally:
        close_database()


def test_two_writers_in_threads_lose_nothing(store):
    iid = commands.add_interview(InterviewInput("Acme", MON), TODAY)
    errors = []

    def add_many(prefix):
        from followup_tui.store.database import thread_connection

        try:
            with thread_connection():
                for n in range(20):
                    commands.add_custom(iid, f"{prefix}{n}", TODAY, None, "", TODAY)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=add_many, args=(p,)) for p in "ab"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    customs = [a for a in queries.interview_detail(iid).actions if a.kind is Kind.CUSTOM]
    assert len(customs) == 40


def test_list_is_sorted_by_next_due_with_closed_interviews_last(store):
    late = commands.add_interview(InterviewInput("Later Co", date(2026, 11, 24)), TODAY)
    early = commands.add_interview(InterviewInput("Early Co", date(2026, 11, 20)), TODAY)
    closed = commands.add_interview(InterviewInput("Closed Co", date(2026, 11, 23)), TODAY)
    commands.set_status(closed, Status.WITHDRAWN, TODAY)
    rows = queries.list_interviews()
    assert [r.id for r in rows] == [early, late, closed]
    assert rows[0].next_kind is Kind.REFERENCES and rows[0].next_due == date(2026, 11, 21)
    assert rows[2].next_due is None


def test_filter_matches_interviewer_names(store):
    iid = commands.add_interview(InterviewInput("Acme", MON, "Analyst"), TODAY)
    commands.add_person(iid, PersonInput("Priya Raman"), TODAY)
    commands.add_interview(InterviewInput("Other", MON), TODAY)
    rows = queries.list_interviews()
    assert [r.company for r in rows if r.matches("priya")] == ["Acme"]
    assert [r.company for r in rows if r.matches("ANALYST")] == ["Acme"]


def test_one_contact_met_at_two_rounds_keeps_a_topic_per_round(store):
    first = commands.add_interview(InterviewInput("Acme", MON, "Analyst"), TODAY)
    second = commands.add_interview(InterviewInput("Acme", TODAY, "Analyst, round 2"), TODAY)
    meeting = commands.add_person(first, PersonInput("Ana Ruiz", email="ana@acme.example", topic="SQL"), TODAY)
    contact = queries.interview_detail(first).people[0].contact_id
    commands.add_person(
        second, PersonInput("Ana Ruiz", email="ana@acme.example", topic="roadmap"), TODAY, contact_id=contact
    )
    assert queries.interview_detail(second).people[0].contact_id == contact
    commands.update_person(
        meeting, PersonInput("Ana Ruiz", title="Director", email="ana@acme.example", topic="SQL"), TODAY
    )
    both = [queries.interview_detail(i).people[0] for i in (first, second)]
    assert [p.title for p in both] == ["Director", "Director"]  # one card
    assert [p.topic for p in both] == ["SQL", "roadmap"]  # a topic per meeting


def test_ticking_is_stored_and_the_card_ticks_itself(store):
    iid = commands.add_interview(InterviewInput("Acme", MON), TODAY)
    meeting = commands.add_person(iid, PersonInput("Ana Ruiz"), TODAY)
    card = next(a for a in queries.interview_detail(iid).actions if a.kind is Kind.CARD)
    assert card.state is State.OPEN
    commands.update_person(meeting, PersonInput("Ana Ruiz", title="Director", phone="+1 415 555 0142"), TODAY)
    card = next(a for a in queries.interview_detail(iid).actions if a.kind is Kind.CARD)
    assert card.state is State.DONE  # a name, a title and a way to reach her
    thanks = next(a for a in queries.interview_detail(iid).actions if a.kind is Kind.THANK_YOU_EMAIL)
    commands.set_done(thanks.id, True, TODAY)
    assert next(a for a in queries.interview_detail(iid).actions if a.id == thanks.id).done_on == TODAY
    commands.set_done(thanks.id, False, TODAY)
    assert next(a for a in queries.interview_detail(iid).actions if a.id == thanks.id).state is State.OPEN


def test_moving_a_due_date_survives_a_new_interview_date(store):
    iid = commands.add_interview(InterviewInput("Acme", MON), TODAY)
    call = next(a for a in queries.interview_detail(iid).actions if a.kind is Kind.CALL)
    assert commands.move_due(call.id, 1, TODAY) == date(2026, 11, 24)
    commands.update_interview(iid, InterviewInput("Acme", date(2026, 11, 18)), TODAY)
    actions = {a.kind: a for a in queries.interview_detail(iid).actions}
    assert actions[Kind.CALL].due == date(2026, 11, 24)
    assert actions[Kind.LETTER].due == date(2026, 11, 26)


def test_status_cancels_and_resumes(store):
    iid = commands.add_interview(InterviewInput("Acme", MON), TODAY)
    commands.add_custom(iid, "Send portfolio", TODAY, None, "", TODAY)
    commands.set_status(iid, Status.FILLED, TODAY)
    states = {a.state for a in queries.interview_detail(iid).actions}
    assert states == {State.CANCELLED}
    with pytest.raises(StoreError, match="cancelled"):
        commands.set_done(queries.interview_detail(iid).actions[0].id, True, TODAY)
    commands.set_status(iid, Status.ACTIVE, TODAY)
    assert {a.state for a in queries.interview_detail(iid).actions} == {State.OPEN}


def test_planned_actions_cannot_be_deleted_but_custom_ones_can(store):
    iid = commands.add_interview(InterviewInput("Acme", MON), TODAY)
    custom = commands.add_custom(iid, "Send portfolio", TODAY, None, "", TODAY)
    planned = next(a for a in queries.interview_detail(iid).actions if a.kind is Kind.REFERENCES)
    with pytest.raises(StoreError, match="cannot be deleted"):
        commands.delete_action(planned.id)
    commands.delete_action(custom)
    ids = {a.id for a in queries.interview_detail(iid).actions}
    assert planned.id in ids and custom not in ids


def test_deleting_an_interview_keeps_contacts_met_elsewhere(store):
    from followup_tui.store.models import Contact

    first = commands.add_interview(InterviewInput("Acme", MON), TODAY)
    second = commands.add_interview(InterviewInput("Acme", TODAY), TODAY)
    commands.add_person(first, PersonInput("Only Here"), TODAY)
    commands.add_person(first, PersonInput("Ana Ruiz"), TODAY)
    ana = queries.interview_detail(first).people[1].contact_id
    commands.add_person(second, PersonInput("Ana Ruiz"), TODAY, contact_id=ana)
    commands.delete_interview(first)
    assert queries.interview_detail(first) is None
    assert [c.name for c in Contact.select()] == ["Ana Ruiz"]


def test_acting_on_something_deleted_elsewhere_says_so(store):
    with pytest.raises(StoreError, match="no longer exists"):
        commands.set_done(12345, True, TODAY)


def test_a_version_1_file_is_migrated_and_keeps_its_data(db_path):
    from followup_tui.store import schema
    from followup_tui.store.models import db

    db_path.parent.mkdir(parents=True)
    db.init(str(db_path))
    db.connect()
    with db.atomic():
        schema.MIGRATIONS[0]()
        db.execute_sql("PRAGMA user_version = 1")
        db.execute_sql(
            "INSERT INTO contact (name, title, company, email, phone, phone_e164, address, preferred, notes, "
            "created_at) VALUES ('Ana Ruiz', '', 'Acme', 'ana@acme.example', '', '', '', 'email', '', '2026-11-01')"
        )
    db.close()
    open_database(db_path)
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 2
    found = queries.find_contact("ANA@acme.example", ())
    assert (found.name, found.mobile, found.linkedin) == ("Ana Ruiz", "", "")


def test_linking_an_existing_contact_fills_in_without_erasing(store):
    first = commands.add_interview(InterviewInput("Acme", MON), TODAY)
    second = commands.add_interview(InterviewInput("Acme", TODAY), TODAY)
    commands.add_person(first, PersonInput("Ana Ruiz", title="Recruiter", email="ana@acme.example"), TODAY)
    existing = queries.find_contact("ana@acme.example", (), exclude_interview=second)
    commands.add_person(
        second,
        PersonInput("Ana Ruiz", email="ana@acme.example", mobile="+1 415 555 0199", mobile_e164="+14155550199"),
        TODAY,
        contact_id=existing.contact_id,
    )
    card = queries.interview_detail(second).people[0]
    assert (card.contact_id, card.title, card.mobile_e164) == (existing.contact_id, "Recruiter", "+14155550199")
    assert queries.find_contact("", ("+14155550199",)).contact_id == existing.contact_id
    assert queries.find_contact("ana@acme.example", (), exclude_interview=second) is None
    with pytest.raises(StoreError, match="already on this interview"):
        commands.add_person(second, PersonInput("Ana Ruiz"), TODAY, contact_id=existing.contact_id)


def test_profile_templates_and_word_list_are_stored(store):
    from followup_tui.store import writing_notes
    from followup_tui.writing.profile import Profile

    me = Profile("Sam Rivera", "sam@example.com", strengths=("SQL", "mentoring"))
    writing_notes.save_profile(me)
    assert writing_notes.profile() == me
    original = writing_notes.template("weekly_email")
    writing_notes.save_template("weekly_email", "Hi {first_name}")
    assert writing_notes.template("weekly_email") == "Hi {first_name}"
    writing_notes.save_template("weekly_email", None)
    assert writing_notes.template("weekly_email") == original
    writing_notes.add_word("Kazuhiro")
    writing_notes.add_word("Kazuhiro")
    assert writing_notes.personal_words() == ["Kazuhiro"]


def test_mark_sent_ticks_keeps_the_text_and_undo_restores(store):
    from followup_tui.store import writing_notes

    iid = commands.add_interview(InterviewInput("Acme", MON), TODAY)
    commands.add_person(iid, PersonInput("Ana Ruiz", email="ana@acme.example"), TODAY)
    thanks = next(a for a in queries.interview_detail(iid).actions if a.kind is Kind.THANK_YOU_EMAIL)
    before = writing_notes.mark_sent(thanks.id, "Dear Ana, thank you.", TODAY)
    data = writing_notes.draft_data(thanks.id)
    assert data.state is State.DONE and data.sent_text == "Dear Ana, thank you."
    contact = queries.interview_detail(iid).people[0].contact_id
    assert queries.histories([contact])[contact][0].text == "Dear Ana, thank you."
    commands.restore(before, TODAY)
    assert writing_notes.draft_data(thanks.id).state is State.OPEN


def test_an_edit_to_a_record_changed_elsewhere_is_detected(store):
    from followup_tui.store.commands import Conflict

    iid = commands.add_interview(InterviewInput("Acme", MON, "Analyst"), TODAY)
    opened = queries.interview_detail(iid).as_input()
    commands.update_interview(iid, InterviewInput("Acme", MON, "Senior Analyst"), TODAY, opened)  # window A
    with pytest.raises(Conflict) as conflict:  # window B, opened before A saved
        commands.update_interview(iid, InterviewInput("Acme Corp", MON, "Analyst"), TODAY, opened)
    assert conflict.value.changed == ["role"] and conflict.value.current.role == "Senior Analyst"
    assert queries.interview_detail(iid).role == "Senior Analyst"
    commands.update_interview(iid, InterviewInput("Acme Corp", MON, "Analyst"), TODAY, None)  # overwrite
    assert queries.interview_detail(iid).company == "Acme Corp"


def test_a_read_inside_a_write_transaction_sees_its_changes(store):
    """Reads use their own connection, except inside a write, where they see what it has done so far."""
    from followup_tui.store.database import db

    with db.atomic():
        iid = commands.add_interview(InterviewInput("Acme", MON), TODAY)
        assert queries.interview_detail(iid).company == "Acme"
        assert [row.id for row in queries.list_interviews([iid])] == [iid]
    assert queries.interview_detail(iid).company == "Acme"  # and after it commits, as ever


def test_a_long_profile_is_read_back_whole_not_cut_into_unreadable_json(store):
    """Settings are JSON: a cut at the text cap made the profile unreadable, so every draft asked for it again."""
    from followup_tui.store import writing_notes
    from followup_tui.writing.profile import Profile

    long = Profile(
        name="Sam Rivera",
        address="12 Oak Lane\n" + "Portland " * 7_000,
        signature="Sam\n" + "x" * 60_000,
        strengths=("six years of analysis",),
    )
    writing_notes.save_profile(long)
    back = writing_notes.profile()
    assert not back.is_empty and back.name == "Sam Rivera" and back.strengths == ("six years of analysis",)
