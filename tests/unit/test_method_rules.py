"""The method's rules (../shared/seed/after-the-interview.txt) that the first plan engine broke,
one test per rule, driven by explicit dates (the engine takes `today`; nothing reads the clock)."""

from __future__ import annotations

from datetime import date, timedelta

from followup_tui.kinds import Kind, Medium, State, Status
from followup_tui.plan import ActionFacts, InterviewFacts, PersonFacts
from tests.unit.test_plan import apply, find

MON = date(2026, 11, 16)  # a Monday
WEEKLY = (Kind.WEEKLY_EMAIL, Kind.WEEKLY_CALL, Kind.WEEKLY_LETTER)


def person(pid: int, added: date = MON, **kw) -> PersonFacts:
    return PersonFacts(person_id=pid, added_on=added, **kw)


def tick(actions: list[ActionFacts], kind: Kind, on: date, pid: int | None = None) -> list[ActionFacts]:
    """The user ticks the open action of `kind` on day `on`."""
    target = next(
        a for a in actions if a.kind is kind and a.state is State.OPEN and (pid is None or a.person_id == pid)
    )
    return [ActionFacts(**{**a.__dict__, "state": State.DONE, "done_on": on}) if a is target else a for a in actions]


def contact_days(actions: list[ActionFacts]) -> list[date]:
    """The days of every follow-up contact with the lead after the first week, done or planned."""
    kinds = (Kind.DECISION, *WEEKLY)
    return sorted(a.done_on or a.due for a in actions if a.kind in kinds and a.state is not State.CANCELLED)


# ---- never skip a thank-you ---------------------------------------------------------------------


def test_never_skip_a_thank_you_closing_on_the_interview_day_keeps_them_open():
    people = [person(1), person(2, preferred=Medium.POST)]
    actions = apply([], InterviewFacts(MON), people, MON)
    closed = apply(actions, InterviewFacts(MON, status=Status.WITHDRAWN), people, MON)
    thanks = [a for a in closed if a.kind in (Kind.THANK_YOU_EMAIL, Kind.THANK_YOU_LETTER)]
    assert len(thanks) == 2 and all(a.state is State.OPEN for a in thanks)
    # The follow-up cycle does stop.
    assert all(a.state is State.CANCELLED for a in closed if a.kind in (Kind.CALL, Kind.LETTER, Kind.REFERENCES))


def test_never_skip_a_thank_you_for_someone_met_at_an_interview_already_closed():
    actions = apply([], InterviewFacts(MON, status=Status.REJECTED), [person(1)], MON)
    assert {a.kind for a in actions if a.state is State.OPEN} == {Kind.CARD, Kind.THANK_YOU_EMAIL}
    assert not find(actions, Kind.CALL)


def test_never_skip_a_thank_you_cancelled_by_an_older_version_comes_back():
    actions = apply([], InterviewFacts(MON), [person(1)], MON)
    cancelled = [ActionFacts(**{**a.__dict__, "state": State.CANCELLED}) for a in actions]
    again = apply(cancelled, InterviewFacts(MON, status=Status.FILLED), [person(1)], MON + timedelta(days=3))
    assert find(again, Kind.THANK_YOU_EMAIL)[0].state is State.OPEN
    assert find(again, Kind.CALL)[0].state is State.CANCELLED


# ---- once a week, not pushy ---------------------------------------------------------------------


def test_once_a_week_the_decision_check_never_falls_on_the_call_day():
    # Interview Monday 16th, decision expected Friday 20th: the call is Monday 23rd (day 5 is a Saturday).
    actions = apply([], InterviewFacts(MON, decision_expected=date(2026, 11, 20)), [person(1)], MON)
    call, letter, decision = find(actions, Kind.CALL)[0], find(actions, Kind.LETTER)[0], find(actions, Kind.DECISION)[0]
    assert call.due == date(2026, 11, 23)
    assert decision.due >= max(call.due, letter.due) + timedelta(days=7)
    assert decision.due.weekday() < 5


def test_once_a_week_a_late_decision_date_keeps_its_own_day():
    actions = apply([], InterviewFacts(MON, decision_expected=date(2026, 12, 17)), [person(1)], MON)
    assert find(actions, Kind.DECISION)[0].due == date(2026, 12, 18)  # the business day after, as before


def test_once_a_week_the_decision_check_and_weekly_follow_up_are_a_week_apart():
    interview = InterviewFacts(MON, decision_expected=date(2026, 12, 3))
    actions = apply([], interview, [person(1)], MON)
    actions = tick(actions, Kind.CALL, date(2026, 11, 23))
    actions = tick(actions, Kind.LETTER, date(2026, 11, 24))
    actions = apply(actions, interview, [person(1)], date(2026, 11, 24))
    days = contact_days(actions)
    assert len(days) == 2
    assert (days[1] - days[0]).days >= 7


def test_once_a_week_no_word_yet_done_restarts_the_weekly_clock():
    interview = InterviewFacts(MON, decision_expected=date(2026, 12, 3))
    actions = apply([], interview, [person(1)], MON)
    for kind, on in ((Kind.CALL, date(2026, 11, 23)), (Kind.LETTER, date(2026, 11, 24))):
        actions = apply(tick(actions, kind, on), interview, [person(1)], on)
    decision_day = find(actions, Kind.DECISION)[0].due
    actions = apply(tick(actions, Kind.DECISION, decision_day), interview, [person(1)], decision_day)
    weekly = [a for a in actions if a.kind in WEEKLY and a.state is State.OPEN]
    assert len(weekly) == 1 and weekly[0].due >= decision_day + timedelta(days=7)


def test_once_a_week_a_weekly_follow_up_ticked_early_counts_from_the_day_it_was_done():
    interview = InterviewFacts(MON)
    actions = apply([], interview, [person(1)], MON)
    for kind, on in ((Kind.CALL, date(2026, 11, 23)), (Kind.LETTER, date(2026, 11, 24))):
        actions = apply(tick(actions, kind, on), interview, [person(1)], on)
    first = find(actions, Kind.WEEKLY_EMAIL)[0]
    assert first.due == date(2026, 12, 1)
    early = date(2026, 11, 30)
    actions = apply(tick(actions, Kind.WEEKLY_EMAIL, early), interview, [person(1)], early)
    assert find(actions, Kind.WEEKLY_CALL)[0].due == date(2026, 12, 7)


# ---- order ----------------------------------------------------------------------------------------


def test_order_a_letter_posted_early_does_not_bring_the_weekly_cycle_into_the_call_week():
    interview = InterviewFacts(MON)
    actions = apply([], interview, [person(1)], MON)
    actions = apply(tick(actions, Kind.LETTER, date(2026, 11, 17)), interview, [person(1)], date(2026, 11, 17))
    call = find(actions, Kind.CALL)[0]
    weekly = find(actions, Kind.WEEKLY_EMAIL)[0]
    assert call.state is State.OPEN and weekly.due >= call.due + timedelta(days=7)
    # The call is made at the end of its window: the weekly follow-up moves with it.
    actions = apply(tick(actions, Kind.CALL, date(2026, 11, 25)), interview, [person(1)], date(2026, 11, 25))
    assert find(actions, Kind.WEEKLY_EMAIL)[0].due == date(2026, 12, 2)


# ---- the right medium -----------------------------------------------------------------------------


def test_the_right_medium_a_lead_who_prefers_post_gets_weekly_letters_not_emails():
    people = [person(1, preferred=Medium.POST)]
    interview = InterviewFacts(MON)
    actions = apply([], interview, people, MON)
    for kind, on in ((Kind.CALL, date(2026, 11, 23)), (Kind.LETTER, date(2026, 11, 24))):
        actions = apply(tick(actions, kind, on), interview, people, on)
    assert find(actions, Kind.WEEKLY_LETTER) and not find(actions, Kind.WEEKLY_EMAIL)
    on = find(actions, Kind.WEEKLY_LETTER)[0].due
    actions = apply(tick(actions, Kind.WEEKLY_LETTER, on), interview, people, on)
    assert find(actions, Kind.WEEKLY_CALL)  # and the phone in between, as the method alternates


# ---- reopening after a pause ---------------------------------------------------------------------


def test_reopening_after_a_pause_replans_from_today_keeping_the_gaps():
    interview = InterviewFacts(MON)
    actions = apply([], interview, [person(1)], MON)
    actions = apply(tick(actions, Kind.THANK_YOU_EMAIL, MON), interview, [person(1)], MON)
    paused = apply(actions, InterviewFacts(MON, status=Status.OFFER), [person(1)], date(2026, 11, 18))
    back = date(2026, 12, 14)  # a Monday, three weeks later: the offer fell through
    reopened = apply(paused, interview, [person(1)], back)
    was_paused = {a.id for a in paused if a.state is State.CANCELLED}
    resumed = [a for a in reopened if a.id in was_paused]
    assert resumed and all(a.state is State.OPEN and a.due >= back for a in resumed)
    call, letter = find(reopened, Kind.CALL)[0], find(reopened, Kind.LETTER)[0]
    assert call.due == back and letter.due > call.due  # the call first, the letter after it, as planned
    # Kept through the next re-plan (they count as moved).
    assert apply(reopened, interview, [person(1)], back) == reopened


# ---- a second round ---------------------------------------------------------------------------------


def test_once_a_week_a_second_round_with_the_lead_replaces_the_first_rounds_cycle():
    interview = InterviewFacts(MON)
    actions = apply([], interview, [person(1, is_lead=True)], MON)
    actions = apply(tick(actions, Kind.THANK_YOU_EMAIL, MON), interview, [person(1, is_lead=True)], MON)
    second_round = date(2026, 11, 20)
    again = [person(1, is_lead=True, met_again_on=second_round)]
    replaced = apply(actions, interview, again, second_round)
    # The call, the letter and any weekly follow-up are the second round's now; what was done stays.
    assert not [a for a in replaced if a.kind in (Kind.CALL, Kind.LETTER, Kind.DECISION, *WEEKLY)]
    assert find(replaced, Kind.THANK_YOU_EMAIL)[0].state is State.DONE
    # The second round deleted: the first round's cycle comes back.
    assert find(apply(replaced, interview, [person(1, is_lead=True)], second_round), Kind.CALL)


def test_order_the_leads_letter_comes_after_a_call_still_being_tried():
    interview = InterviewFacts(MON)
    actions = apply([], interview, [person(1)], MON)
    assert find(actions, Kind.LETTER)[0].due == date(2026, 11, 24)  # day 8
    # No answer on Monday 23rd (day 7) and again on Tuesday 24th: the call is retried on Wednesday.
    call = find(actions, Kind.CALL)[0]
    retried = [
        ActionFacts(**{**a.__dict__, "due": date(2026, 11, 25), "moved": True}) if a is call else a for a in actions
    ]
    actions = apply(retried, interview, [person(1)], date(2026, 11, 24))
    assert find(actions, Kind.LETTER)[0].due == date(2026, 11, 26)  # the day after the call, never the same day
    actions = apply(tick(actions, Kind.CALL, date(2026, 11, 25)), interview, [person(1)], date(2026, 11, 25))
    assert find(actions, Kind.LETTER)[0].due == date(2026, 11, 26)
