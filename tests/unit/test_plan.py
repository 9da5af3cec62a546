"""The plan engine: each rule of the seed's method."""

from __future__ import annotations

from datetime import date, time, timedelta

from followup_tui.kinds import Kind, Medium, State, Status
from followup_tui.plan import ActionFacts, InterviewFacts, NewAction, PersonFacts, lead_of, plan

MON = date(2026, 11, 16)  # a Monday
WED = date(2026, 11, 18)
FRI = date(2026, 11, 20)


def person(pid: int, added: date = MON, **kw) -> PersonFacts:
    return PersonFacts(person_id=pid, added_on=added, **kw)


def as_facts(new: list[NewAction], start: int = 1) -> list[ActionFacts]:
    """Pretend the store saved these, with ids."""
    return [
        ActionFacts(
            id=i,
            kind=a.kind,
            due=a.due,
            state=a.state,
            person_id=a.person_id,
            seq=a.seq,
            window_end=a.window_end,
            done_on=a.done_on,
        )
        for i, a in enumerate(new, start=start)
    ]


def apply(existing: list[ActionFacts], interview, people, today) -> list[ActionFacts]:
    """Run the engine and apply its changes, as the store does."""
    changes = plan(interview, people, existing, today)
    by_id = {a.id: a for a in existing if a.id not in changes.delete}
    for change in changes.update:
        fields = {k: v for k, v in change.fields.items()}
        a = by_id[change.id]
        by_id[change.id] = ActionFacts(**{**a.__dict__, **fields})
    next_id = max([a.id for a in existing], default=0) + 1
    return list(by_id.values()) + as_facts(changes.create, next_id)


def find(actions, kind, pid=None):
    return [a for a in actions if a.kind is kind and (pid is None or a.person_id == pid)]


def test_each_person_gets_a_card_and_their_own_thank_you():
    actions = apply([], InterviewFacts(MON, ended_at=time(11)), [person(1), person(2)], MON)
    assert {a.person_id for a in find(actions, Kind.CARD)} == {1, 2}
    thanks = find(actions, Kind.THANK_YOU_EMAIL)
    assert sorted(a.person_id for a in thanks) == [1, 2]  # one per person, never one for the group
    assert all(a.due == MON for a in find(actions, Kind.CARD))


def test_thank_you_due_same_day_before_three_pm_else_next_morning():
    early = apply([], InterviewFacts(MON, ended_at=time(14, 59)), [person(1)], MON)
    late = apply([], InterviewFacts(MON, ended_at=time(15, 0)), [person(1)], MON)
    assert find(early, Kind.THANK_YOU_EMAIL)[0].due == MON
    assert find(late, Kind.THANK_YOU_EMAIL)[0].due == MON + timedelta(days=1)


def test_thank_you_after_friday_afternoon_is_not_moved_to_monday():
    actions = apply([], InterviewFacts(FRI, ended_at=time(16)), [person(1, FRI)], FRI)
    assert find(actions, Kind.THANK_YOU_EMAIL)[0].due == date(2026, 11, 21)  # Saturday: thank-yous are not moved


def test_postal_preference_makes_a_thank_you_letter():
    actions = apply([], InterviewFacts(MON), [person(1, preferred=Medium.POST), person(2)], MON)
    assert [a.person_id for a in find(actions, Kind.THANK_YOU_LETTER)] == [1]
    assert [a.person_id for a in find(actions, Kind.THANK_YOU_EMAIL)] == [2]


def test_card_is_ticked_once_it_is_complete():
    actions = apply([], InterviewFacts(MON), [person(1)], MON)
    assert find(actions, Kind.CARD)[0].state is State.OPEN
    actions = apply(actions, InterviewFacts(MON), [person(1, card_complete=True)], WED)
    card = find(actions, Kind.CARD)[0]
    assert card.state is State.DONE and card.done_on == WED


def test_references_call_and_letter_for_the_lead():
    people = [person(1), person(2, is_lead=True, position=1)]
    actions = apply([], InterviewFacts(MON), people, MON)
    assert find(actions, Kind.REFERENCES)[0].due == MON + timedelta(days=1)
    call = find(actions, Kind.CALL)[0]
    assert (call.person_id, call.due, call.window_end) == (2, date(2026, 11, 23), date(2026, 11, 23))
    letter = find(actions, Kind.LETTER)[0]
    assert (letter.person_id, letter.due) == (2, date(2026, 11, 24))  # day 8


def test_lead_defaults_to_the_first_added():
    assert lead_of([person(5, position=1), person(3, position=0)]).person_id == 3
    assert lead_of([]) is None


def test_call_window_shows_five_to_seven_days():
    call = find(apply([], InterviewFacts(WED), [person(1, WED)], WED), Kind.CALL)[0]
    # Day 5 is a Monday (23rd); the window runs to day 7.
    assert call.due == date(2026, 11, 23) and call.window_end == date(2026, 11, 25)


def test_call_and_letter_on_a_weekend_move_to_monday():
    # Interview on Tuesday 17th: day 5 is Sunday 22nd -> Monday 23rd.
    tue = date(2026, 11, 17)
    actions = apply([], InterviewFacts(tue), [person(1, tue)], tue)
    assert find(actions, Kind.CALL)[0].due == date(2026, 11, 23)
    # Interview on Friday 20th: day 8 is Saturday 28th -> Monday 30th.
    actions = apply([], InterviewFacts(FRI), [person(1, FRI)], FRI)
    assert find(actions, Kind.LETTER)[0].due == date(2026, 11, 30)


def test_weekly_follow_ups_start_a_week_after_the_letter_and_alternate():
    interview = InterviewFacts(MON)
    actions = apply([], interview, [person(1)], MON)
    assert not find(actions, Kind.WEEKLY_EMAIL)  # none until the letter is mailed
    letter = find(actions, Kind.LETTER)[0]
    done_letter = ActionFacts(**{**letter.__dict__, "state": State.DONE, "done_on": date(2026, 11, 26)})
    actions = [a if a is not letter else done_letter for a in actions]
    actions = apply(actions, interview, [person(1)], date(2026, 11, 26))
    first = find(actions, Kind.WEEKLY_EMAIL)
    assert len(first) == 1 and first[0].seq == 1 and first[0].due == date(2026, 12, 3)
    # Done late, on Monday 7 Dec: the next, a call, counts from that contact.
    done_first = ActionFacts(**{**first[0].__dict__, "state": State.DONE, "done_on": date(2026, 12, 7)})
    actions = [a if a is not first[0] else done_first for a in actions]
    actions = apply(actions, interview, [person(1)], date(2026, 12, 7))
    second = find(actions, Kind.WEEKLY_CALL)
    assert len(second) == 1 and second[0].seq == 2 and second[0].due == date(2026, 12, 14)
    assert len([a for a in actions if a.state is State.OPEN and a.kind in (Kind.WEEKLY_EMAIL, Kind.WEEKLY_CALL)]) == 1


def test_weekly_landing_on_a_weekend_moves_to_monday():
    interview = InterviewFacts(MON)
    actions = apply([], interview, [person(1)], MON)
    actions = [
        ActionFacts(**{**a.__dict__, "state": State.DONE, "done_on": date(2026, 11, 28)})
        if a.kind is Kind.LETTER
        else a
        for a in actions
    ]
    actions = apply(actions, interview, [person(1)], date(2026, 11, 28))
    assert find(actions, Kind.WEEKLY_EMAIL)[0].due == date(2026, 12, 7)  # Sat 5 Dec -> Mon 7 Dec


def test_unticking_the_letter_withdraws_the_weekly_follow_up():
    interview = InterviewFacts(MON)
    actions = apply([], interview, [person(1)], MON)
    done = [
        ActionFacts(**{**a.__dict__, "state": State.DONE, "done_on": WED}) if a.kind is Kind.LETTER else a
        for a in actions
    ]
    actions = apply(done, interview, [person(1)], WED)
    assert find(actions, Kind.WEEKLY_EMAIL)
    undone = [
        ActionFacts(**{**a.__dict__, "state": State.OPEN, "done_on": None}) if a.kind is Kind.LETTER else a
        for a in actions
    ]
    assert not find(apply(undone, interview, [person(1)], WED), Kind.WEEKLY_EMAIL)


def test_decision_date_adds_a_no_word_yet_item_the_business_day_after():
    later = date(2026, 12, 11)  # a Friday, well after the first week's call and letter
    actions = apply([], InterviewFacts(MON, decision_expected=later), [person(1)], MON)
    assert find(actions, Kind.DECISION)[0].due == date(2026, 12, 14)  # Saturday -> Monday
    # Expected within the first week: a week after the call and the letter, not on top of them
    # (test_method_rules: once a week, not pushy).
    actions = apply(actions, InterviewFacts(MON, decision_expected=WED), [person(1)], MON)
    assert find(actions, Kind.DECISION)[0].due == date(2026, 12, 1)
    assert not find(apply(actions, InterviewFacts(MON), [person(1)], MON), Kind.DECISION)


def test_leaving_active_cancels_open_items_and_returning_resumes():
    actions = apply([], InterviewFacts(MON), [person(1)], MON)
    actions = [
        ActionFacts(**{**a.__dict__, "state": State.DONE, "done_on": MON}) if a.kind is Kind.CARD else a
        for a in actions
    ]
    custom = ActionFacts(id=99, kind=Kind.CUSTOM, due=WED)
    closed = apply(actions + [custom], InterviewFacts(MON, status=Status.REJECTED), [person(1)], WED)
    assert len(closed) == len(actions) + 1  # kept, never deleted
    assert find(closed, Kind.CARD)[0].state is State.DONE
    # The thank-you is never skipped (test_method_rules); the rest of the cycle pauses.
    assert find(closed, Kind.THANK_YOU_EMAIL)[0].state is State.OPEN
    assert all(a.state is State.CANCELLED for a in closed if a.kind not in (Kind.CARD, Kind.THANK_YOU_EMAIL))
    reopened = apply(closed, InterviewFacts(MON), [person(1)], WED)
    assert all(a.state is State.OPEN for a in reopened if a.kind is not Kind.CARD)


def test_closed_interview_gains_no_new_follow_ups_only_the_card_and_thank_you():
    closed = InterviewFacts(MON, status=Status.OFFER)
    assert {a.kind for a in plan(closed, [person(1)], [], MON).create} == {Kind.CARD, Kind.THANK_YOU_EMAIL}


def test_changing_the_date_replans_open_items_but_not_done_or_moved_ones():
    actions = apply([], InterviewFacts(MON), [person(1)], MON)
    refs = find(actions, Kind.REFERENCES)[0]
    call = find(actions, Kind.CALL)[0]
    actions = [
        ActionFacts(**{**a.__dict__, "state": State.DONE, "done_on": MON})
        if a is refs
        else ActionFacts(**{**a.__dict__, "due": date(2026, 11, 27), "moved": True})
        if a is call
        else a
        for a in actions
    ]
    moved = apply(actions, InterviewFacts(WED), [person(1)], WED)
    assert find(moved, Kind.REFERENCES)[0].due == refs.due  # done: kept
    assert find(moved, Kind.CALL)[0].due == date(2026, 11, 27)  # moved by hand: kept
    # Open: re-planned from Wednesday (day 8, Thu 26), and after the call moved to Fri 27: Mon 30.
    assert find(moved, Kind.LETTER)[0].due == date(2026, 11, 30)
    assert find(moved, Kind.THANK_YOU_EMAIL)[0].due == WED


def test_a_person_added_later_gets_items_never_due_before_that_day():
    actions = apply([], InterviewFacts(MON), [person(1)], MON)
    later = apply(actions, InterviewFacts(MON), [person(1), person(2, added=FRI, position=1)], FRI)
    assert find(later, Kind.THANK_YOU_EMAIL, 2)[0].due == FRI
    assert find(later, Kind.CARD, 2)[0].due == FRI
    assert find(later, Kind.THANK_YOU_EMAIL, 1)[0].due == MON
    # Re-planning again later keeps the new person's dates.
    again = apply(later, InterviewFacts(MON), [person(1), person(2, added=FRI, position=1)], date(2026, 11, 30))
    assert find(again, Kind.THANK_YOU_EMAIL, 2)[0].due == FRI


def test_changing_preferred_medium_switches_an_open_thank_you():
    actions = apply([], InterviewFacts(MON), [person(1)], MON)
    actions = apply(actions, InterviewFacts(MON), [person(1, preferred=Medium.POST)], MON)
    assert find(actions, Kind.THANK_YOU_LETTER) and not find(actions, Kind.THANK_YOU_EMAIL)


def test_new_lead_takes_over_the_open_call():
    actions = apply([], InterviewFacts(MON), [person(1), person(2, position=1)], MON)
    actions = apply(actions, InterviewFacts(MON), [person(1), person(2, position=1, is_lead=True)], MON)
    assert find(actions, Kind.CALL)[0].person_id == 2


def test_planning_twice_changes_nothing():
    interview, people = InterviewFacts(MON, decision_expected=FRI), [person(1), person(2, position=1)]
    actions = apply([], interview, people, MON)
    assert not plan(interview, people, actions, MON)
