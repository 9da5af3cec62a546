"""The method: "a follow-up call 5 to 7 days later (a voicemail counts)". The review shows where a
call stands in its window and calls it overdue only when the window has ended."""

from __future__ import annotations

from datetime import date

from followup_tui.kinds import Kind, State
from followup_tui.review import OVERDUE, TODAY, ReviewItem

TUE = date(2026, 11, 24)  # the interview; day 5 is Sunday 29th, so the call is due Monday 30th (day 6)
DUE, LAST = date(2026, 11, 30), date(2026, 12, 1)


def call(note: str = "", due: date = DUE) -> ReviewItem:
    return ReviewItem(
        id=1, interview_id=1, kind=Kind.CALL, label="", title="", due=due, state=State.OPEN, company="Bluefin",
        role="PM", person="Dana", phone="+1 617 555 0199", note=note, window_end=LAST, interview_day=TUE,
    )  # fmt: skip


def test_a_call_inside_its_window_shows_the_day_and_is_not_overdue():
    item = call(due=date(2026, 11, 30))
    assert item.due_text(date(2026, 11, 30)) == "day 6 of 5–7"
    moved = call(due=date(2026, 11, 30))  # tried on Monday without an answer: due again Tuesday
    assert moved.section(date(2026, 12, 1)) == TODAY


def test_a_call_on_its_windows_last_day_says_a_voicemail_counts():
    assert call().due_text(LAST) == "day 7 of 5–7: last day, leave a voicemail, it counts"


def test_a_call_after_its_window_is_late_and_after_two_tries_an_email_is_offered():
    after = date(2026, 12, 2)
    assert call().section(after) == OVERDUE
    assert call().due_text(after) == "late: the window ended Tue 1 Dec"
    tried = call("No answer, Mon 30 Nov\nNo answer, Tue 1 Dec")
    assert "2 tries without an answer: send an email instead (o)" in tried.due_text(after)


def test_before_its_window_a_call_reads_as_any_upcoming_item():
    assert call().due_text(date(2026, 11, 26)) == "in 4 days"


def test_after_two_tries_without_an_answer_an_email_instead_counts_and_the_letter_says_so():
    from followup_tui.writing.drafts import EMAILED, DraftContext
    from followup_tui.writing.profile import Profile

    tried = call("No answer, Mon 30 Nov\nNo answer, Tue 1 Dec")
    assert tried.due_text(date(2026, 12, 2)).endswith("send an email instead (o), then mark the call e")
    letter = DraftContext(
        Kind.LETTER, "Dana Whitfield", "", "Bluefin", "PM", TUE, "", Profile(), call=EMAILED, call_day=date(2026, 12, 2)
    )
    said = letter.since_we_met(date(2026, 12, 3))
    assert "I followed up by email on Wed 2 Dec" in said and "phone" not in said
