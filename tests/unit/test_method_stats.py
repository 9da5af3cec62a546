"""How well the method is followed, figure by figure, on a known history (followup_tui.stats).

Today is Wednesday 25 November 2026. Six interviews, each a short story of what the user did:

- A, Mon 5 Oct, active: two thank-yous on time (the day, the day after), a thank-you letter two days
  late; the call on day 7 (voicemail), the letter on day 9; then weeks of 19 Oct (one weekly email),
  26 Oct (a weekly call and the decision check: two), 2 Nov (nothing), 9 Nov (one weekly email),
  16 Nov (nothing; the next weekly call went unanswered, still open).
- B, Thu 19 Nov, active: one thank-you the next morning, one never sent; the call still inside its
  window (days 5-7 end tomorrow), the letter not due yet.
- C, Mon 26 Oct, rejected: a thank-you on the day, one cancelled by an older version; the call on
  day 9 (late); the letter cancelled when the interview closed.
- D, Mon 9 Nov, offer: the thank-you on the day; the call on day 2 (too early).
- F, Mon 2 Nov, active, nobody's card yet: the call on day 7; the letter never sent.
- E, Mon 30 Nov: not held yet.
"""

from __future__ import annotations

from datetime import date, timedelta

from followup_tui.kinds import Kind, State, Status
from followup_tui.stats import (
    ActionRecord,
    CallOutcomes,
    InterviewRecord,
    Share,
    Weeks,
    follow_ups_per_week,
    interview_figures,
    method_stats,
)
from followup_tui.stats_text import as_json, overall_cells

TODAY = date(2026, 11, 25)
A = InterviewRecord(1, "Acme", "Analyst", date(2026, 10, 5), Status.ACTIVE)
B = InterviewRecord(2, "Bluefin", "PM", date(2026, 11, 19), Status.ACTIVE)
C = InterviewRecord(3, "Cedar", "Coordinator", date(2026, 10, 26), Status.REJECTED)
D = InterviewRecord(4, "Delta", "Engineer", date(2026, 11, 9), Status.OFFER)
E = InterviewRecord(5, "Echo", "Lead", date(2026, 11, 30), Status.ACTIVE)
F = InterviewRecord(6, "Fjord", "Analyst", date(2026, 11, 2), Status.ACTIVE)
INTERVIEWS = [A, B, C, D, E, F]


def act(
    interview: InterviewRecord,
    kind: Kind,
    due: str,
    done: str | None = None,
    *,
    state: State | None = None,
    window_end: str | None = None,
    note: str = "",
) -> ActionRecord:
    return ActionRecord(
        interview_id=interview.id,
        kind=kind,
        state=state or (State.DONE if done else State.OPEN),
        due=date.fromisoformat(due),
        window_end=date.fromisoformat(window_end) if window_end else None,
        done_on=date.fromisoformat(done) if done else None,
        note=note,
    )


HISTORY = [
    act(A, Kind.THANK_YOU_EMAIL, "2026-10-05", "2026-10-05"),
    act(A, Kind.THANK_YOU_EMAIL, "2026-10-05", "2026-10-06"),
    act(A, Kind.THANK_YOU_LETTER, "2026-10-05", "2026-10-07"),
    act(A, Kind.CALL, "2026-10-12", "2026-10-12", window_end="2026-10-12", note="Left a voicemail, Mon 12 Oct"),
    act(A, Kind.LETTER, "2026-10-13", "2026-10-14"),
    act(A, Kind.WEEKLY_EMAIL, "2026-10-21", "2026-10-21"),
    act(A, Kind.WEEKLY_CALL, "2026-10-28", "2026-10-28", note="No answer, Tue 27 Oct\nReached them, Wed 28 Oct"),
    act(A, Kind.DECISION, "2026-10-30", "2026-10-30"),
    act(A, Kind.WEEKLY_EMAIL, "2026-11-11", "2026-11-11"),
    act(A, Kind.WEEKLY_CALL, "2026-11-19", note="Ask about the timeline\nNo answer, Wed 18 Nov"),
    act(B, Kind.THANK_YOU_EMAIL, "2026-11-20", "2026-11-20"),
    act(B, Kind.THANK_YOU_EMAIL, "2026-11-20"),
    act(B, Kind.CALL, "2026-11-24", window_end="2026-11-26"),
    act(B, Kind.LETTER, "2026-11-27"),
    act(C, Kind.THANK_YOU_EMAIL, "2026-10-26", "2026-10-26"),
    act(C, Kind.THANK_YOU_EMAIL, "2026-10-26", state=State.CANCELLED),
    act(C, Kind.CALL, "2026-11-02", "2026-11-04", window_end="2026-11-02"),
    act(C, Kind.LETTER, "2026-11-03", state=State.CANCELLED),
    act(D, Kind.THANK_YOU_EMAIL, "2026-11-09", "2026-11-09"),
    act(D, Kind.CALL, "2026-11-16", "2026-11-11", window_end="2026-11-16"),
    act(D, Kind.LETTER, "2026-11-17", state=State.CANCELLED),
    act(E, Kind.THANK_YOU_EMAIL, "2026-11-30", "2026-11-30"),
    act(F, Kind.CALL, "2026-11-09", "2026-11-09", window_end="2026-11-09"),
    act(F, Kind.LETTER, "2026-11-10"),
]


def figures_of(interview: InterviewRecord, today: date = TODAY):
    return interview_figures(interview, [a for a in HISTORY if a.interview_id == interview.id], today)


def test_thank_yous_count_as_within_24_hours_when_sent_on_the_day_or_the_next():
    assert figures_of(A).thank_yous == Share(done=2, of=3)  # the letter two days later is late
    assert figures_of(D).thank_yous == Share(done=1, of=1)


def test_a_thank_you_due_the_next_morning_counts_when_sent_then():
    # B ended late on Thursday: Friday's thank-you is on time.
    assert figures_of(B).thank_yous.done == 1


def test_a_thank_you_never_sent_counts_as_missed_once_the_next_day_is_over():
    assert figures_of(B).thank_yous == Share(done=1, of=2)
    # ...but not while its day lasts: on the day after the interview it is not owed yet.
    assert figures_of(B, today=B.day + timedelta(days=1)).thank_yous == Share(done=1, of=1)


def test_a_cancelled_thank_you_counts_as_missed_because_the_method_never_skips_one():
    assert figures_of(C).thank_yous == Share(done=1, of=2)


def test_calls_count_only_when_made_inside_days_5_to_7():
    assert figures_of(A).calls == Share(done=1, of=1)  # day 7
    assert figures_of(F).calls == Share(done=1, of=1)  # day 7
    assert figures_of(C).calls == Share(done=0, of=1)  # day 9: late
    assert figures_of(D).calls == Share(done=0, of=1)  # day 2: too early


def test_a_call_still_inside_its_window_is_not_counted_yet_and_late_once_the_window_ends():
    assert figures_of(B).calls == Share(done=0, of=0)
    assert figures_of(B, today=date(2026, 11, 27)).calls == Share(done=0, of=1)


def test_a_call_window_pushed_past_day_7_counts_to_its_last_day():
    interview = InterviewRecord(9, "Gale", "", date(2026, 12, 18), Status.ACTIVE)  # day 7 is Christmas Day
    call = act(interview, Kind.CALL, "2026-12-23", "2026-12-28", window_end="2026-12-28")
    assert interview_figures(interview, [call], date(2027, 1, 5)).calls == Share(done=1, of=1)


def test_letters_count_as_sent_of_those_due_and_a_cancelled_one_is_not_owed():
    assert figures_of(A).letters == Share(done=1, of=1)
    assert figures_of(F).letters == Share(done=0, of=1)  # due 10 Nov, never sent
    assert figures_of(B).letters == Share(done=0, of=0)  # due Friday
    assert figures_of(C).letters == Share(done=0, of=0)  # cancelled when the interview closed


def test_weeks_after_the_first_count_exactly_one_follow_up_contact():
    # After the letter (week of 12 Oct): 19 Oct one, 26 Oct two, 2 Nov none, 9 Nov one, 16 Nov none;
    # this week is not over and is not measured.
    assert figures_of(A).weeks == Weeks(one=2, none=2, more=1)


def test_a_letter_never_sent_does_not_hold_the_weeks_back():
    # F's letter was due 10 Nov: the week of 16 Nov passed with no follow-up.
    assert figures_of(F).weeks == Weeks(one=0, none=1, more=0)


def test_a_closed_interviews_weeks_end_at_its_last_follow_up_contact():
    assert figures_of(C).weeks == Weeks()
    assert figures_of(D).weeks == Weeks()


def test_call_outcomes_come_from_the_lines_each_try_writes_in_the_note():
    assert figures_of(A).outcomes == CallOutcomes(reached=1, voicemail=1, no_answer=2, unrecorded=0)
    # C's call was ticked without saying how it went.
    assert figures_of(C).outcomes == CallOutcomes(unrecorded=1)


def test_overall_figures_add_up_every_interview_held_and_leave_out_those_to_come():
    stats = method_stats(INTERVIEWS, HISTORY, TODAY)
    assert [row.interview.company for row in stats.interviews] == ["Bluefin", "Delta", "Fjord", "Cedar", "Acme"]
    overall = stats.overall
    assert overall.thank_yous == Share(done=5, of=8)
    assert overall.calls == Share(done=2, of=4)
    assert overall.letters == Share(done=1, of=2)
    assert overall.weeks == Weeks(one=2, none=3, more=1)
    assert overall.outcomes == CallOutcomes(reached=1, voicemail=1, no_answer=2, unrecorded=3)  # C, D, F
    assert overall_cells(stats) == ("All interviews", "5/8", "2/4", "1/2", "2/6", "1/1/2", "1 offer")


def test_offers_count_interviews_at_offer_or_accepted():
    stats = method_stats(INTERVIEWS, HISTORY, TODAY)
    assert stats.offers == 1
    assert stats.statuses[Status.ACTIVE] == 3 and stats.statuses[Status.REJECTED] == 1
    accepted = InterviewRecord(D.id, D.company, D.role, D.day, Status.ACCEPTED)
    assert method_stats([A, accepted], HISTORY, TODAY).offers == 1


def test_follow_ups_per_week_cover_the_last_12_weeks_this_one_included():
    weeks = follow_ups_per_week(HISTORY, TODAY)
    assert len(weeks) == 12
    assert weeks[0].start == date(2026, 9, 7) and weeks[-1].start == date(2026, 11, 23)
    counted = {week.start.isoformat(): week.follow_ups for week in weeks if week.follow_ups}
    assert counted == {
        "2026-10-05": 3,  # A's thank-yous
        "2026-10-12": 2,  # A's call and letter
        "2026-10-19": 1,
        "2026-10-26": 3,  # A's weekly call and decision check, C's thank-you
        "2026-11-02": 1,  # C's call
        "2026-11-09": 4,  # A's weekly email, D's thank-you and call, F's call
        "2026-11-16": 1,  # B's thank-you
    }


def test_nothing_held_yet_gives_empty_figures_not_an_error():
    stats = method_stats([E], [a for a in HISTORY if a.interview_id == E.id], TODAY)
    assert stats.interviews == () and stats.offers == 0
    assert stats.overall.thank_yous.text() == "–"
    assert as_json(stats)["interviews_held"] == 0
