"""The follow-up plan engine: the seed's method as rules, plain data in and out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from followup_tui.dates import next_business_day_on_or_after as business_day
from followup_tui.kinds import CALL_WINDOW, Kind, Medium, State, Status

# What the engine offers; the enums it uses are followup_tui.kinds' to export, not this module's.
__all__ = [
    "CONTACTS",
    "NEVER_SKIPPED",
    "LETTER_DAY",
    "ONE_EACH",
    "PER_PERSON",
    "SETTLED",
    "ASSUMED_LENGTH",
    "CHECKS",
    "THANK_YOU_CUTOFF",
    "WEEKLY_GAP",
    "ActionFacts",
    "Change",
    "InterviewFacts",
    "NewAction",
    "PersonFacts",
    "PlanChanges",
    "lead_of",
    "plan",
    "thank_you_due",
]

THANK_YOU_CUTOFF = time(15, 0)
# With only the start time known, the interview is taken to have ended an hour later: the thank-you's
# timing depends on when it ended, and an hour is what a typical first interview takes.
ASSUMED_LENGTH = timedelta(hours=1)
LETTER_DAY = 8
WEEKLY_GAP = 7

# Kinds that are one "slot" of the plan whatever their medium.
_GROUP = {
    Kind.THANK_YOU_EMAIL: "thank_you",
    Kind.THANK_YOU_LETTER: "thank_you",
    Kind.WEEKLY_EMAIL: "weekly",
    Kind.WEEKLY_CALL: "weekly",
    Kind.WEEKLY_LETTER: "weekly",
}
PER_PERSON = {Kind.CARD, Kind.THANK_YOU_EMAIL, Kind.THANK_YOU_LETTER}
# The method: "Don't ever fail to send a thank you, even if you are sure the job is not for you."
# Closing an interview stops the follow-up cycle, never a card to collect or a thank-you to send.
NEVER_SKIPPED = PER_PERSON
# What each person gets their own of: "individual thank you notes and letters to each person".
ONE_EACH = PER_PERSON | {Kind.LETTER}
# States the plan never changes: done, and dropped by the user with a reason (a letter they chose not to send).
SETTLED = {State.DONE, State.DROPPED}
# Follow-up contacts with the lead: after the first week, at most one per WEEKLY_GAP days.
CONTACTS = {
    Kind.CALL,
    Kind.LETTER,
    Kind.DECISION,
    Kind.NEXT_STEP,
    Kind.WEEKLY_EMAIL,
    Kind.WEEKLY_CALL,
    Kind.WEEKLY_LETTER,
}
# Checks the interviewer's outline asks for: "heard nothing?" the business day after a date they gave.
CHECKS = (Kind.NEXT_STEP, Kind.DECISION)


@dataclass(frozen=True)
class InterviewFacts:
    """What the engine needs of an interview."""

    day: date
    status: Status = Status.ACTIVE
    ended_at: time | None = None
    decision_expected: date | None = None
    started_at: time | None = None
    next_step_expected: date | None = None

    @property
    def ends(self) -> time | None:
        """When it ended: as given, else an hour after it started (ASSUMED_LENGTH), else unknown."""
        if self.ended_at is not None or self.started_at is None:
            return self.ended_at
        end = datetime.combine(self.day, self.started_at) + ASSUMED_LENGTH
        # Started late in the evening: it ended after midnight, so after the cut-off in any case.
        return end.time() if end.date() == self.day else time.max

    def expected(self, kind: Kind) -> date | None:
        """The date the interviewer gave for a check: the decision, or the next step."""
        return self.decision_expected if kind is Kind.DECISION else self.next_step_expected


@dataclass(frozen=True)
class PersonFacts:
    """What the engine needs of a person met at the interview."""

    person_id: int
    added_on: date
    card_complete: bool = False  # name, title and a way to reach them (contact.card_gaps is empty)
    preferred: Medium = Medium.EMAIL
    is_lead: bool = False
    position: int = 0
    met_again_on: date | None = None  # the day of a later round with this person, if any
    has_address: bool = False  # a mailing address: they get a letter of their own


@dataclass(frozen=True)
class ActionFacts:
    """An action already stored for the interview."""

    id: int
    kind: Kind
    due: date
    state: State = State.OPEN
    person_id: int | None = None
    seq: int = 0
    window_end: date | None = None
    done_on: date | None = None
    moved: bool = False


@dataclass(frozen=True)
class NewAction:
    """An action the plan adds."""

    kind: Kind
    due: date
    person_id: int | None = None
    seq: int = 0
    window_end: date | None = None
    state: State = State.OPEN
    done_on: date | None = None


@dataclass(frozen=True)
class Change:
    """New values for some fields of a stored action."""

    id: int
    fields: dict[str, object]  # column name -> new value (a Kind, a State, a date, a person id or None)


@dataclass
class PlanChanges:
    """What to write so the stored checklist matches the plan."""

    create: list[NewAction] = field(default_factory=list)
    update: list[Change] = field(default_factory=list)
    delete: list[int] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.create or self.update or self.delete)


Slot = tuple[str, int | None]  # what one planned action is for: its group, and its person or week number


def lead_of(people: list[PersonFacts]) -> PersonFacts | None:
    """The lead interviewer: the one marked lead, else the first added."""
    if not people:
        return None
    marked = [p for p in people if p.is_lead]
    return min(marked or people, key=lambda p: (p.position, p.person_id))


def thank_you_due(interview: InterviewFacts) -> date:
    """The interview day if it ended before 15:00 (or the time is unknown), else the next morning."""
    if interview.ends is not None and interview.ends >= THANK_YOU_CUTOFF:
        return interview.day + timedelta(days=1)
    return interview.day


@dataclass(frozen=True)
class _Letters:
    """Whose a stored letter is: its own person's, when they get one (the lead, or someone with a
    mailing address); else the lead's, which follows the lead as it always has (a letter planned before
    anyone was added, or for a lead who has since changed, keeps its id, note and draft)."""

    lead_id: int | None
    own: frozenset[int | None]

    @classmethod
    def of(cls, people: list[PersonFacts]) -> _Letters:
        lead = lead_of(people)
        lead_id = lead.person_id if lead else None
        return cls(lead_id, frozenset({lead_id, *(p.person_id for p in people if p.has_address)}))

    def owner(self, person_id: int | None) -> int | None:
        return person_id if person_id in self.own else self.lead_id


def _slot(kind: Kind, person_id: int | None, seq: int, letters: _Letters) -> Slot:
    group = _GROUP.get(kind, kind.value)
    if group == "weekly":
        return (group, seq)
    if kind is Kind.LETTER:
        return (group, letters.owner(person_id))
    return (group, person_id if kind in PER_PERSON else None)


def _desired(
    interview: InterviewFacts,
    people: list[PersonFacts],
    existing: list[ActionFacts],
    letters: _Letters,
    days_off: frozenset[date],
) -> dict[Slot, NewAction]:
    day = interview.day
    lead = lead_of(people)
    lead_id = letters.lead_id
    wanted: dict[Slot, NewAction] = {}

    def want(action: NewAction) -> None:
        wanted[_slot(action.kind, action.person_id, action.seq, letters)] = action

    # Thank-yous (and the card, and the references) keep their day, weekend or holiday: the method
    # says the same day or the next morning, and an email sent on a holiday is read the day after.
    for person in people:
        # A person added later never gets items due before the day they were added.
        want(NewAction(Kind.CARD, max(day, person.added_on), person.person_id))
        kind = Kind.THANK_YOU_LETTER if person.preferred is Medium.POST else Kind.THANK_YOU_EMAIL
        want(NewAction(kind, max(thank_you_due(interview), person.added_on), person.person_id))
    want(NewAction(Kind.REFERENCES, day + timedelta(days=1)))
    # A letter to each person: the lead's always (with no address on file yet, the item says so and
    # the user gets it), everyone else's once their mailing address is known.
    letter_due = business_day(day + timedelta(days=LETTER_DAY), days_off)
    for person in people:
        if person.has_address and person.person_id != lead_id:
            want(NewAction(Kind.LETTER, max(letter_due, business_day(person.added_on, days_off)), person.person_id))
    if lead is not None and lead.met_again_on is not None:
        # A second round with the lead replaces this round's follow-up cycle with the lead: its own
        # call, letter and weekly follow-ups take over (two cycles would mean two calls in two days).
        return wanted
    call_due = business_day(day + timedelta(days=CALL_WINDOW[0]), days_off)
    window_end = max(call_due, day + timedelta(days=CALL_WINDOW[1]))
    want(NewAction(Kind.CALL, call_due, lead_id, window_end=window_end))
    # The lead's letter tells how the call went, so it comes after it: day 8, or the business day
    # after a call still being tried (a late call's retries never land on the letter's day).
    letter_due = business_day(max(letter_due, _day_of(existing, Kind.CALL, call_due) + timedelta(days=1)), days_off)
    want(NewAction(Kind.LETTER, letter_due, lead_id))

    # The follow-up cycle after the first week (thank-you, call, the lead's letter): at most one
    # contact with the lead per WEEKLY_GAP days, counted from the last contact actually made
    # (whatever its kind), and never sooner than a week after the later of the call and the letter.
    # Letters to the others are theirs.
    lead_letter = [a for a in existing if a.kind is Kind.LETTER and letters.owner(a.person_id) == lead_id]
    first_week_end = max(_day_of(existing, Kind.CALL, call_due), _day_of(lead_letter, Kind.LETTER, letter_due))
    with_lead = [a for a in existing if a.kind is not Kind.LETTER or letters.owner(a.person_id) == lead_id]
    made = [a.done_on for a in with_lead if a.state is State.DONE and a.kind in CONTACTS and a.done_on]
    # The checks the interviewer's outline asks for ("no word yet?" after the decision date, "heard
    # about the next step?" after that one) are contacts too: each the business day after its date at
    # the soonest, a week after the first week and after any contact made, and a week apart.
    open_checks: list[date] = []
    for kind in sorted(CHECKS, key=lambda k: interview.expected(k) or date.max):
        expected = interview.expected(kind)
        if expected is None:
            continue
        check = next((a for a in existing if a.kind is kind), None)
        if check is not None and check.state is State.DONE:
            want(NewAction(kind, check.due, lead_id))
            continue
        after = [first_week_end, *made, *open_checks]  # a week after each of these at the soonest
        due = business_day(max(expected + timedelta(days=1), max(after) + timedelta(days=WEEKLY_GAP)), days_off)
        open_checks.append(due)
        want(NewAction(kind, due, lead_id))

    # Weekly follow-ups start once the lead's letter is mailed (or dropped); only the next one exists,
    # alternating a written note (in the person's written medium) and a call.
    letter_done = any(a.state in SETTLED for a in lead_letter)
    last_seq = max((a.seq for a in existing if _GROUP.get(a.kind) == "weekly" and a.state is State.DONE), default=0)
    if letter_done:
        anchor = max([first_week_end, *made])
        due = business_day(anchor + timedelta(days=WEEKLY_GAP), days_off)
        for check_due in open_checks:  # in date order: moving past one may bring it near the next
            if abs((due - check_due).days) < WEEKLY_GAP:
                due = business_day(check_due + timedelta(days=WEEKLY_GAP), days_off)
        seq = last_seq + 1
        written = Kind.WEEKLY_LETTER if lead is not None and lead.preferred is Medium.POST else Kind.WEEKLY_EMAIL
        want(NewAction(written if seq % 2 else Kind.WEEKLY_CALL, due, lead_id, seq=seq))
    return wanted


def _day_of(existing: list[ActionFacts], kind: Kind, planned: date) -> date:
    """When the action of `kind` was done, or else when it is planned (or moved to)."""
    for action in existing:
        if action.kind is kind:
            if action.state is State.DONE and action.done_on is not None:
                return action.done_on
            return action.due if action.moved else planned
    return planned


def plan(
    interview: InterviewFacts,
    people: list[PersonFacts],
    existing: list[ActionFacts],
    today: date,
    days_off: frozenset[date] = frozenset(),
) -> PlanChanges:
    """The changes that bring `existing` in line with the seed's method for this interview; follow-up
    contacts fall on business days, which skip weekends and `days_off` (the user's public holidays)."""
    active = interview.status is Status.ACTIVE
    letters = _Letters.of(people)
    wanted = _desired(interview, people, existing, letters, days_off)
    card_complete = {p.person_id for p in people if p.card_complete}
    changes = PlanChanges()
    seen: set[Slot] = set()
    resumed = _resumed_dues(existing, wanted, today, letters, days_off) if active else {}

    for action in existing:
        if action.kind is Kind.CUSTOM:
            _follow_status(action, active, changes)
            continue
        slot = _slot(action.kind, action.person_id, action.seq, letters)
        target = wanted.get(slot)
        if target is None or slot in seen:
            if action.state not in SETTLED:
                changes.delete.append(action.id)
            continue
        seen.add(slot)
        if action.state in SETTLED:  # ticked, or dropped with a reason: never reopened nor recreated
            continue
        fields: dict[str, object] = {}
        if action.kind is not target.kind:
            fields["kind"] = target.kind
        if action.person_id != target.person_id:
            fields["person_id"] = target.person_id
        if not action.moved and action.due != target.due:
            fields["due"] = target.due
        if action.window_end != target.window_end:
            fields["window_end"] = target.window_end
        pauses = not active and action.kind not in NEVER_SKIPPED
        if pauses:
            if action.state is State.OPEN:
                fields["state"] = State.CANCELLED
        elif action.kind is Kind.CARD and action.person_id in card_complete:
            fields.update(state=State.DONE, done_on=today)
        elif action.state is State.CANCELLED:
            fields["state"] = State.OPEN
            if action.id in resumed:
                # Back to active after a pause: the cycle goes on from today, not all overdue at once.
                fields.update(due=resumed[action.id], moved=True)
        if fields:
            changes.update.append(Change(action.id, fields))

    for slot, target in wanted.items():
        if slot in seen or not (active or target.kind in NEVER_SKIPPED):
            continue
        if target.kind is Kind.CARD and target.person_id in card_complete:
            target = NewAction(target.kind, target.due, target.person_id, state=State.DONE, done_on=today)
        changes.create.append(target)
    return changes


def _resumed_dues(
    existing: list[ActionFacts],
    wanted: dict[Slot, NewAction],
    today: date,
    letters: _Letters,
    days_off: frozenset[date],
) -> dict[int, date]:
    """New due dates for paused items that fell due during the pause. The follow-up contacts move
    together, so that the first of them falls today and the gaps between them are kept (the call,
    then the letter a few days later); any other overdue item (the references) is due today."""
    paused = []
    for action in existing:
        if action.state is not State.CANCELLED or action.kind is Kind.CUSTOM:
            continue
        target = wanted.get(_slot(action.kind, action.person_id, action.seq, letters))
        if target is not None:
            paused.append((action.id, action.kind, action.due if action.moved else target.due))
    overdue = [(ident, kind, due) for ident, kind, due in paused if due < today]
    contacts = [due for _, kind, due in overdue if kind in CONTACTS]
    shift = today - min(contacts) if contacts else timedelta(0)
    return {
        ident: business_day(due + shift, days_off) if kind in CONTACTS else business_day(today, days_off)
        for ident, kind, due in overdue
    }


def _follow_status(action: ActionFacts, active: bool, changes: PlanChanges) -> None:
    """Custom actions pause and resume with the interview, like the generated ones."""
    if not active and action.state is State.OPEN:
        changes.update.append(Change(action.id, {"state": State.CANCELLED}))
    elif active and action.state is State.CANCELLED:
        changes.update.append(Change(action.id, {"state": State.OPEN}))
