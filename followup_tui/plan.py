"""The follow-up plan engine: the seed's method as rules, plain data in and out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta

from followup_tui.dates import next_business_day_on_or_after as business_day
from followup_tui.kinds import Kind, Medium, State, Status

# What the engine offers; the enums it uses are followup_tui.kinds' to export, not this module's.
__all__ = [
    "CALL_WINDOW",
    "LETTER_DAY",
    "PER_PERSON",
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
CALL_WINDOW = (5, 7)
LETTER_DAY = 8
WEEKLY_GAP = 7

# Kinds that are one "slot" of the plan whatever their medium.
_GROUP = {
    Kind.THANK_YOU_EMAIL: "thank_you",
    Kind.THANK_YOU_LETTER: "thank_you",
    Kind.WEEKLY_EMAIL: "weekly",
    Kind.WEEKLY_CALL: "weekly",
}
PER_PERSON = {Kind.CARD, Kind.THANK_YOU_EMAIL, Kind.THANK_YOU_LETTER}


@dataclass(frozen=True)
class InterviewFacts:
    """What the engine needs of an interview."""

    day: date
    status: Status = Status.ACTIVE
    ended_at: time | None = None
    decision_expected: date | None = None


@dataclass(frozen=True)
class PersonFacts:
    """What the engine needs of a person met at the interview."""

    person_id: int
    added_on: date
    has_contact_detail: bool = False
    preferred: Medium = Medium.EMAIL
    is_lead: bool = False
    position: int = 0


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
    if interview.ended_at is not None and interview.ended_at >= THANK_YOU_CUTOFF:
        return interview.day + timedelta(days=1)
    return interview.day


def _slot(kind: Kind, person_id: int | None, seq: int) -> Slot:
    group = _GROUP.get(kind, kind.value)
    if group == "weekly":
        return (group, seq)
    return (group, person_id if kind in PER_PERSON else None)


def _desired(
    interview: InterviewFacts, people: list[PersonFacts], existing: list[ActionFacts]
) -> dict[Slot, NewAction]:
    day = interview.day
    lead = lead_of(people)
    lead_id = lead.person_id if lead else None
    wanted: dict[Slot, NewAction] = {}

    def want(action: NewAction) -> None:
        wanted[_slot(action.kind, action.person_id, action.seq)] = action

    for person in people:
        # A person added later never gets items due before the day they were added.
        want(NewAction(Kind.CARD, max(day, person.added_on), person.person_id))
        kind = Kind.THANK_YOU_LETTER if person.preferred is Medium.POST else Kind.THANK_YOU_EMAIL
        want(NewAction(kind, max(thank_you_due(interview), person.added_on), person.person_id))
    want(NewAction(Kind.REFERENCES, day + timedelta(days=1)))
    call_due = business_day(day + timedelta(days=CALL_WINDOW[0]))
    window_end = max(call_due, day + timedelta(days=CALL_WINDOW[1]))
    want(NewAction(Kind.CALL, call_due, lead_id, window_end=window_end))
    want(NewAction(Kind.LETTER, business_day(day + timedelta(days=LETTER_DAY)), lead_id))
    if interview.decision_expected is not None:
        want(NewAction(Kind.DECISION, business_day(interview.decision_expected + timedelta(days=1)), lead_id))

    # Weekly follow-ups start once the letter is mailed; only the next one exists,
    # due a week after the last contact, alternating email and phone.
    anchor = None
    last_seq = 0
    for action in existing:
        if action.kind is Kind.LETTER and action.state is State.DONE:
            anchor = action.done_on
    for action in sorted((a for a in existing if _GROUP.get(a.kind) == "weekly"), key=lambda a: a.seq):
        if action.state is State.DONE:
            anchor, last_seq = action.done_on, action.seq
    if anchor is not None:
        seq = last_seq + 1
        kind = Kind.WEEKLY_EMAIL if seq % 2 else Kind.WEEKLY_CALL
        want(NewAction(kind, business_day(anchor + timedelta(days=WEEKLY_GAP)), lead_id, seq=seq))
    return wanted


def plan(
    interview: InterviewFacts,
    people: list[PersonFacts],
    existing: list[ActionFacts],
    today: date,
) -> PlanChanges:
    """The changes that bring `existing` in line with the seed's method for this interview."""
    active = interview.status is Status.ACTIVE
    wanted = _desired(interview, people, existing)
    contact_known = {p.person_id for p in people if p.has_contact_detail}
    changes = PlanChanges()
    seen: set[Slot] = set()

    for action in existing:
        if action.kind is Kind.CUSTOM:
            _follow_status(action, active, changes)
            continue
        slot = _slot(action.kind, action.person_id, action.seq)
        target = wanted.get(slot)
        if target is None or slot in seen:
            if action.state is not State.DONE:
                changes.delete.append(action.id)
            continue
        seen.add(slot)
        if action.state is State.DONE:
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
        if not active:
            if action.state is State.OPEN:
                fields["state"] = State.CANCELLED
        elif action.kind is Kind.CARD and action.person_id in contact_known:
            fields.update(state=State.DONE, done_on=today)
        elif action.state is State.CANCELLED:
            fields["state"] = State.OPEN
        if fields:
            changes.update.append(Change(action.id, fields))

    if active:
        for slot, target in wanted.items():
            if slot in seen:
                continue
            if target.kind is Kind.CARD and target.person_id in contact_known:
                target = NewAction(target.kind, target.due, target.person_id, state=State.DONE, done_on=today)
            changes.create.append(target)
    return changes


def _follow_status(action: ActionFacts, active: bool, changes: PlanChanges) -> None:
    """Custom actions pause and resume with the interview, like the generated ones."""
    if not active and action.state is State.OPEN:
        changes.update.append(Change(action.id, {"state": State.CANCELLED}))
    elif active and action.state is State.CANCELLED:
        changes.update.append(Change(action.id, {"state": State.OPEN}))
