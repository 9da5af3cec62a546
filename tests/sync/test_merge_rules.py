"""The field-wise merge of a task changed on both sides (followup_tui.sync.items.merge_task), rule by rule."""

from __future__ import annotations

from datetime import date

from followup_tui.sync.items import CANCELLED, COMPLETED, NEEDS_ACTION, Task, merge_task, read_task, task_ical

AGREED = Task("Call Dana Whitfield (Bluefin)", "Phone: +1 415 555 0100", date(2026, 11, 30))


def _with(**changes) -> Task:
    return Task(**{**AGREED.__dict__, **changes})


def test_completion_wins_whichever_side_completed():
    done_there = _with(status=COMPLETED, completed=date(2026, 11, 26))
    moved_here = _with(due=date(2026, 12, 2))
    merged = merge_task(moved_here, AGREED, done_there)
    assert merged.result.status == COMPLETED and merged.result.completed == date(2026, 11, 26)
    assert merge_task(_with(status=COMPLETED, completed=date(2026, 11, 25)), AGREED, AGREED).result.status == COMPLETED


def test_the_side_that_moved_the_due_date_wins():
    assert merge_task(AGREED, AGREED, _with(due=date(2026, 12, 3))).result.due == date(2026, 12, 3)
    assert merge_task(_with(due=date(2026, 12, 1)), AGREED, AGREED).result.due == date(2026, 12, 1)


def test_both_moved_keeps_this_side_and_names_the_conflict():
    merged = merge_task(_with(due=date(2026, 12, 1)), AGREED, _with(due=date(2026, 12, 20)))
    assert merged.result.due == date(2026, 12, 1) and merged.conflict == "due"


def test_the_same_change_on_both_sides_is_no_conflict():
    """What an interrupted sync leaves: the server took our write, we did not record it."""
    moved = _with(due=date(2026, 12, 1))
    assert merge_task(moved, AGREED, moved) == type(merge_task(moved, AGREED, moved))(moved, "")


def test_a_closed_interview_stays_cancelled_whatever_the_phone_did():
    merged = merge_task(_with(status=CANCELLED), AGREED, _with(status=COMPLETED, completed=date(2026, 11, 26)))
    assert merged.result.status == CANCELLED


def test_a_task_reads_back_as_written_all_day():
    task = _with(status=COMPLETED, completed=date(2026, 11, 25))
    text = task_ical("abc", task, __import__("datetime").datetime(2026, 11, 25, 9, 30))
    assert "DUE;VALUE=DATE:20261130" in text and "UID:abc@followup" in text
    assert read_task(text) == task
    assert read_task(task_ical("abc", AGREED, __import__("datetime").datetime(2026, 11, 25))).status == NEEDS_ACTION
