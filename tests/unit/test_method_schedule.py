"""The method: "the interviewer should have provided an outline of a schedule and potential next steps".
The start time decides the thank-you's day when no end is given, and the next step the interviewer
expected gets a check the business day after, as one of the once-a-week contacts."""

from __future__ import annotations

from datetime import date, time, timedelta

from followup_tui.kinds import Kind, State
from followup_tui.plan import CONTACTS, InterviewFacts, thank_you_due
from tests.unit.test_method_rules import WEEKLY, person, tick
from tests.unit.test_plan import apply, find

MON = date(2026, 11, 16)  # a Monday


def contacts_after_first_week(actions) -> list[date]:
    kinds = (Kind.DECISION, Kind.NEXT_STEP, *WEEKLY)
    return sorted(a.done_on or a.due for a in actions if a.kind in kinds and a.state is not State.CANCELLED)


# ---- the start time ------------------------------------------------------------------------------


def test_schedule_started_at_two_thirty_with_no_end_means_a_thank_you_next_morning():
    # Taken to end an hour later, at 15:30: after the cut-off, so the thank-you is due the next day.
    assert thank_you_due(InterviewFacts(MON, started_at=time(14, 30))) == MON + timedelta(days=1)


def test_schedule_started_at_one_with_no_end_means_a_thank_you_the_same_day():
    assert thank_you_due(InterviewFacts(MON, started_at=time(13, 0))) == MON


def test_schedule_the_end_given_wins_over_the_start():
    # A long panel that started at 10:00 and ended at 15:30: the end decides.
    late = InterviewFacts(MON, started_at=time(10, 0), ended_at=time(15, 30))
    assert thank_you_due(late) == MON + timedelta(days=1)


def test_schedule_an_evening_start_ending_after_midnight_is_a_next_day_thank_you():
    assert thank_you_due(InterviewFacts(MON, started_at=time(23, 30))) == MON + timedelta(days=1)


# ---- the next step expected ----------------------------------------------------------------------


def test_schedule_next_step_expected_checks_the_business_day_after_if_nothing_was_heard():
    # Next step expected Thursday 17 Dec: the check is Friday 18 Dec, well after the first week.
    actions = apply([], InterviewFacts(MON, next_step_expected=date(2026, 12, 17)), [person(1)], MON)
    check = find(actions, Kind.NEXT_STEP)
    assert len(check) == 1 and check[0].due == date(2026, 12, 18) and check[0].person_id == 1
    assert Kind.NEXT_STEP in CONTACTS


def test_schedule_next_step_on_a_friday_is_checked_on_the_monday():
    actions = apply([], InterviewFacts(MON, next_step_expected=date(2026, 12, 18)), [person(1)], MON)
    assert find(actions, Kind.NEXT_STEP)[0].due == date(2026, 12, 21)


def test_schedule_next_step_never_lands_in_the_first_week():
    # "We'll let you know about a second round by Wednesday": the call in days 5-7 asks already; the
    # check waits a week after the call and the letter, like the decision check.
    actions = apply([], InterviewFacts(MON, next_step_expected=date(2026, 11, 18)), [person(1)], MON)
    call, letter = find(actions, Kind.CALL)[0], find(actions, Kind.LETTER)[0]
    assert find(actions, Kind.NEXT_STEP)[0].due >= max(call.due, letter.due) + timedelta(days=7)


def test_schedule_next_step_and_decision_checks_are_a_week_apart():
    # Both dates in the same week: two "heard anything?" contacts would be pushy.
    interview = InterviewFacts(MON, next_step_expected=date(2026, 12, 9), decision_expected=date(2026, 12, 11))
    actions = apply([], interview, [person(1)], MON)
    next_step, decision = find(actions, Kind.NEXT_STEP)[0], find(actions, Kind.DECISION)[0]
    assert next_step.due == date(2026, 12, 10)
    assert decision.due >= next_step.due + timedelta(days=7) and decision.due.weekday() < 5


def test_schedule_once_a_week_with_the_next_step_check_the_call_letter_and_weekly_follow_ups():
    interview = InterviewFacts(MON, next_step_expected=date(2026, 12, 2), decision_expected=date(2026, 12, 4))
    actions = apply([], interview, [person(1)], MON)
    for kind, on in ((Kind.CALL, date(2026, 11, 23)), (Kind.LETTER, date(2026, 11, 24))):
        actions = apply(tick(actions, kind, on), interview, [person(1)], on)
    days = contacts_after_first_week(actions)
    assert len(days) == 3  # the next-step check, the decision check and weekly #1
    assert all((later - earlier).days >= 7 for earlier, later in zip(days, days[1:], strict=False))


def test_schedule_next_step_done_restarts_the_weekly_clock():
    interview = InterviewFacts(MON, next_step_expected=date(2026, 12, 3))
    actions = apply([], interview, [person(1)], MON)
    for kind, on in ((Kind.CALL, date(2026, 11, 23)), (Kind.LETTER, date(2026, 11, 24))):
        actions = apply(tick(actions, kind, on), interview, [person(1)], on)
    check_day = find(actions, Kind.NEXT_STEP)[0].due
    actions = apply(tick(actions, Kind.NEXT_STEP, check_day), interview, [person(1)], check_day)
    weekly = [a for a in actions if a.kind in WEEKLY and a.state is State.OPEN]
    assert len(weekly) == 1 and weekly[0].due >= check_day + timedelta(days=7)
    assert find(actions, Kind.NEXT_STEP)[0].state is State.DONE


def test_schedule_clearing_the_next_step_date_removes_its_open_check():
    with_date = InterviewFacts(MON, next_step_expected=date(2026, 12, 3))
    actions = apply([], with_date, [person(1)], MON)
    assert find(actions, Kind.NEXT_STEP)
    actions = apply(actions, InterviewFacts(MON), [person(1)], MON + timedelta(days=1))
    assert not find(actions, Kind.NEXT_STEP)


# ---- kept, exported and imported -------------------------------------------------------------------


def test_schedule_the_start_and_next_step_are_kept_and_travel_in_an_export(tmp_path):
    from followup_tui.inputs import InterviewInput
    from followup_tui.store import commands, portable, queries
    from followup_tui.store.database import close_database, open_database

    today = date(2026, 11, 25)
    outline = InterviewInput(
        "Acme", date(2026, 11, 24), "Analyst", started_at=time(14, 30), next_step_expected=date(2026, 12, 17)
    )
    open_database(tmp_path / "a.db")
    try:
        ident = commands.add_interview(outline, today)
        detail = queries.interview_detail(ident)
        assert detail.as_input() == outline
        assert [a.due for a in detail.actions if a.kind is Kind.NEXT_STEP] == [date(2026, 12, 18)]
        portable.export_json(tmp_path / "out.json")
    finally:
        close_database()
    open_database(tmp_path / "b.db")
    try:
        portable.import_json(tmp_path / "out.json")
        (row,) = queries.list_interviews()
        assert queries.interview_detail(row.id).as_input() == outline
    finally:
        close_database()
