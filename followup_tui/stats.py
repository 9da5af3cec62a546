"""How well the method is followed: figures per interview and overall, from plain records.

Every figure counts only what the method already asked for by today ("owed"): a thank-you whose day
has not ended yet, or a call still inside its window, is neither on time nor late. The definitions
(also in README.md, "How well you follow the method"):

- thank-yous within 24 hours: done on the interview day or the day after (the app keeps dates, not
  times: the thank-you is due the same day, or the next morning after an interview that ended at 15:00
  or later, and both are "by the next day"). Owed once done, cancelled (the method never skips one) or
  past the day after the interview.
- calls in days 5-7: the first-week call done between the fifth day after the interview and the
  call's last day (the seventh, or later when the window starts on a weekend). Owed once done or past
  its last day; a call cancelled because the interview closed is not owed.
- letters sent: the postal letter after the call, done; owed once done or past its due date.
- weeks with exactly one follow-up: the calendar weeks (Monday to Sunday) after the first week's
  sequence, that is after the later of the call and the letter (done, or due if not yet done), up to
  last week; a closed interview's weeks end at its last follow-up contact (the app keeps no closing
  date). Follow-up contacts are the call, the letter, the decision check and the weekly follow-ups,
  counted on the day they were done.
- call outcomes: the lines `complete` writes in a call's note (the first-week and the weekly calls):
  each "Reached them" is a reply, each "Left a voicemail" and "No answer" a try without one; a done
  call with neither a reached nor a voicemail line has its outcome unrecorded.
- offers: interviews at offer or accepted; the statuses of every interview held are counted too.
- follow-ups per week (the plot): thank-yous, calls, letters, decision checks and weekly follow-ups
  done in each of the last 12 calendar weeks, this one (so far) included.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from followup_tui.kinds import CALL_WINDOW, Kind, State, Status
from followup_tui.plan import CONTACTS
from followup_tui.wording import NO_ANSWER_NOTE, REACHED_NOTE, VOICEMAIL_NOTE

THANK_YOUS = frozenset({Kind.THANK_YOU_EMAIL, Kind.THANK_YOU_LETTER})
CALLS = frozenset({Kind.CALL, Kind.WEEKLY_CALL})
FOLLOW_UPS = THANK_YOUS | CONTACTS  # what the plot counts: everything sent to or said with an interviewer
OFFERS = frozenset({Status.OFFER, Status.ACCEPTED})
PLOT_WEEKS = 12


@dataclass(frozen=True)
class InterviewRecord:
    """An interview as the figures need it."""

    id: int
    company: str
    role: str
    day: date
    status: Status


@dataclass(frozen=True)
class ActionRecord:
    """A thank-you, call, letter, decision check or weekly follow-up, as stored."""

    interview_id: int
    kind: Kind
    state: State
    due: date
    window_end: date | None
    done_on: date | None
    note: str


@dataclass(frozen=True)
class Share:
    """`done` of `of` owed so far."""

    done: int = 0
    of: int = 0

    def __add__(self, other: Share) -> Share:
        return Share(self.done + other.done, self.of + other.of)

    def text(self) -> str:
        """'3 of 4', or '–' when nothing was owed yet."""
        return f"{self.done} of {self.of}" if self.of else "–"


@dataclass(frozen=True)
class Weeks:
    """Weeks measured after the first week: with exactly one follow-up contact, with none, with more."""

    one: int = 0
    none: int = 0
    more: int = 0

    def __add__(self, other: Weeks) -> Weeks:
        return Weeks(self.one + other.one, self.none + other.none, self.more + other.more)

    @property
    def share(self) -> Share:
        """Weeks with exactly one, of the weeks measured."""
        return Share(self.one, self.one + self.none + self.more)


@dataclass(frozen=True)
class CallOutcomes:
    """How the calls went, try by try, and done calls with no outcome said."""

    reached: int = 0
    voicemail: int = 0
    no_answer: int = 0
    unrecorded: int = 0

    def __add__(self, other: CallOutcomes) -> CallOutcomes:
        return CallOutcomes(
            self.reached + other.reached,
            self.voicemail + other.voicemail,
            self.no_answer + other.no_answer,
            self.unrecorded + other.unrecorded,
        )


@dataclass(frozen=True)
class Figures:
    """One interview's figures, or the sum of all of them."""

    thank_yous: Share = Share()
    calls: Share = Share()
    letters: Share = Share()
    weeks: Weeks = Weeks()
    outcomes: CallOutcomes = CallOutcomes()

    def __add__(self, other: Figures) -> Figures:
        return Figures(
            self.thank_yous + other.thank_yous,
            self.calls + other.calls,
            self.letters + other.letters,
            self.weeks + other.weeks,
            self.outcomes + other.outcomes,
        )


@dataclass(frozen=True)
class InterviewFigures:
    """An interview held, and its figures."""

    interview: InterviewRecord
    figures: Figures

    @property
    def offer(self) -> bool:
        """Whether it led to an offer (accepted or not yet)."""
        return self.interview.status in OFFERS


@dataclass(frozen=True)
class WeekCount:
    """Follow-ups done in the calendar week starting on Monday `start`."""

    start: date
    follow_ups: int


@dataclass(frozen=True)
class MethodStats:
    """Everything the stats screen and `followup stats` show."""

    today: date
    interviews: tuple[InterviewFigures, ...]
    overall: Figures
    statuses: dict[Status, int]  # interviews held, by status (every status, zero included)
    weeks: tuple[WeekCount, ...]  # the last PLOT_WEEKS calendar weeks, oldest first

    @property
    def offers(self) -> int:
        """Interviews that led to an offer."""
        return sum(1 for row in self.interviews if row.offer)


def monday(day: date) -> date:
    """The Monday of `day`'s calendar week."""
    return day - timedelta(days=day.weekday())


def _thank_yous(interview: InterviewRecord, actions: list[ActionRecord], today: date) -> Share:
    deadline = interview.day + timedelta(days=1)
    done = of = 0
    for action in actions:
        if action.kind not in THANK_YOUS:
            continue
        if action.state is State.DONE and action.done_on is not None:
            of += 1
            done += action.done_on <= deadline
        elif action.state is State.CANCELLED or today > deadline:
            of += 1
    return Share(done, of)


def _calls(interview: InterviewRecord, actions: list[ActionRecord], today: date) -> Share:
    first = interview.day + timedelta(days=CALL_WINDOW[0])
    done = of = 0
    for action in actions:
        if action.kind is not Kind.CALL or action.state is State.CANCELLED:
            continue
        last = action.window_end or interview.day + timedelta(days=CALL_WINDOW[1])
        made = action.done_on if action.state is State.DONE else None
        if made is not None or today > last:
            of += 1
            done += made is not None and first <= made <= last
    return Share(done, of)


def _letters(actions: list[ActionRecord], today: date) -> Share:
    done = of = 0
    for action in actions:
        if action.kind is not Kind.LETTER or action.state is State.CANCELLED:
            continue
        sent = action.state is State.DONE
        if sent or today > action.due:
            of += 1
            done += sent
    return Share(done, of)


def _first_week_end(actions: list[ActionRecord]) -> date | None:
    """The later of the call and the letter: when done, else when due (None if neither exists)."""
    days = [
        action.done_on if action.state is State.DONE and action.done_on else action.due
        for action in actions
        if action.kind in (Kind.CALL, Kind.LETTER)
    ]
    return max(days, default=None)


def _weeks(interview: InterviewRecord, actions: list[ActionRecord], today: date) -> Weeks:
    anchor = _first_week_end(actions)
    if anchor is None:
        return Weeks()
    contacts = [a.done_on for a in actions if a.kind in CONTACTS and a.state is State.DONE and a.done_on]
    last_monday = monday(today) - timedelta(days=7)  # last week: the one before this (unfinished) week
    if interview.status is not Status.ACTIVE:
        if not contacts:
            return Weeks()
        last_monday = min(last_monday, monday(max(contacts)))
    per_week = Counter(monday(day) for day in contacts)
    counts: Counter[str] = Counter()
    start = monday(anchor) + timedelta(days=7)
    while start <= last_monday:
        made = per_week[start]
        counts["one" if made == 1 else "none" if made == 0 else "more"] += 1
        start += timedelta(days=7)
    return Weeks(counts["one"], counts["none"], counts["more"])


def _outcomes(actions: list[ActionRecord]) -> CallOutcomes:
    counts: Counter[str] = Counter()
    for action in actions:
        if action.kind not in CALLS:
            continue
        said = [line.split(",")[0].strip() for line in action.note.split("\n")]
        counts.update(said)
        if action.state is State.DONE and REACHED_NOTE not in said and VOICEMAIL_NOTE not in said:
            counts["unrecorded"] += 1
    return CallOutcomes(counts[REACHED_NOTE], counts[VOICEMAIL_NOTE], counts[NO_ANSWER_NOTE], counts["unrecorded"])


def interview_figures(interview: InterviewRecord, actions: list[ActionRecord], today: date) -> Figures:
    """One interview's figures as of `today`, from its actions."""
    return Figures(
        thank_yous=_thank_yous(interview, actions, today),
        calls=_calls(interview, actions, today),
        letters=_letters(actions, today),
        weeks=_weeks(interview, actions, today),
        outcomes=_outcomes(actions),
    )


def follow_ups_per_week(actions: Iterable[ActionRecord], today: date, weeks: int = PLOT_WEEKS) -> tuple[WeekCount, ...]:
    """Follow-ups done in each of the last `weeks` calendar weeks, this one included, oldest first."""
    this_week = monday(today)
    starts = [this_week - timedelta(days=7 * back) for back in range(weeks - 1, -1, -1)]
    per_week = Counter(
        monday(a.done_on) for a in actions if a.kind in FOLLOW_UPS and a.state is State.DONE and a.done_on
    )
    return tuple(WeekCount(start, per_week[start]) for start in starts)


def method_stats(interviews: Iterable[InterviewRecord], actions: Iterable[ActionRecord], today: date) -> MethodStats:
    """The figures for every interview held by `today` (later ones have nothing to measure), their sum,
    the statuses, and the follow-ups of the last weeks."""
    held = sorted((i for i in interviews if i.day <= today), key=lambda i: (i.day, i.id), reverse=True)
    by_interview: dict[int, list[ActionRecord]] = {i.id: [] for i in held}
    all_actions = list(actions)
    for action in all_actions:
        if action.interview_id in by_interview:
            by_interview[action.interview_id].append(action)
    rows = tuple(InterviewFigures(i, interview_figures(i, by_interview[i.id], today)) for i in held)
    overall = sum((row.figures for row in rows), Figures())
    statuses = Counter(i.status for i in held)
    return MethodStats(
        today=today,
        interviews=rows,
        overall=overall,
        statuses={status: statuses[status] for status in Status},
        weeks=follow_ups_per_week(all_actions, today),
    )
