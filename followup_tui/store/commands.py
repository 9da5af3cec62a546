"""Writes: each one IMMEDIATE transaction that also re-plans the interview it touches."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from datetime import date, time, timedelta
from enum import StrEnum
from typing import TypeVar

from peewee import fn

from followup_tui import clock, public_holidays
from followup_tui.contact import CONTACT_COLUMNS, MEETING_COLUMNS, PersonInput
from followup_tui.dates import next_business_day, show_date, snoozed_day
from followup_tui.inputs import ActionSnapshot, InterviewInput
from followup_tui.kinds import Kind, Medium, State, Status
from followup_tui.settings import Settings
from followup_tui.store import queries, summary
from followup_tui.store.database import writing
from followup_tui.store.errors import StoreError
from followup_tui.store.models import Action, Contact, Interview, Meeting, Setting
from followup_tui.store.planning import days_off, replan, replan_rounds, time_value
from followup_tui.wording import DROPPED_NOTE, NO_ANSWER_NOTE, REACHED_NOTE, VOICEMAIL_NOTE

Row = TypeVar("Row", Interview, Contact, Meeting, Action)  # a model with an id
Edited = TypeVar("Edited", InterviewInput, PersonInput)  # a record a form edits


class NotFound(StoreError):
    """The thing acted on is gone (another copy may have deleted it)."""


class Conflict(StoreError):
    """The record changed in another window since the form was opened; `current` holds what is stored."""

    def __init__(self, what: str, current: object, changed: list[str]) -> None:
        super().__init__(f"This {what} was changed in another window since you opened it ({', '.join(changed)}).")
        self.current = current
        self.changed = changed


def _check_unchanged(what: str, current: Edited, expected: Edited | None) -> None:
    """Optimistic concurrency: the stored record must still be what the form was opened with."""
    if expected is None or current == expected:
        return
    changed = [f.name for f in fields(expected) if getattr(current, f.name) != getattr(expected, f.name)]
    raise Conflict(what, current, changed)


def _interview_input(interview: Interview) -> InterviewInput:
    return InterviewInput(
        interview.company,
        interview.day,
        interview.role,
        time_value(interview.ended_at),
        interview.decision_expected,
        interview.notes,
        started_at=time_value(interview.started_at),
        next_step_expected=interview.next_step_expected,
    )


def _person_input(meeting: Meeting, contact: Contact) -> PersonInput:
    stored = {name: getattr(contact, name) for name in CONTACT_COLUMNS}
    stored["preferred"] = Medium(contact.preferred)
    return PersonInput(**stored, **{name: getattr(meeting, name) for name in MEETING_COLUMNS})


def _time_text(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def _get(model: type[Row], ident: int, what: str) -> Row:
    found = model.get_or_none(model.id == ident)
    if found is None:
        raise NotFound(f"That {what} no longer exists (was it deleted in another window?).")
    return found


def add_interview(data: InterviewInput, today: date) -> int:
    """Store a new interview and its plan; returns its id."""
    with writing():
        interview = Interview.create(
            company=data.company,
            role=data.role,
            day=data.day,
            ended_at=_time_text(data.ended_at),
            decision_expected=data.decision_expected,
            started_at=_time_text(data.started_at),
            next_step_expected=data.next_step_expected,
            notes=data.notes,
            created_at=clock.now(),
        )
        replan(interview.id, today)
    return interview.id


def update_interview(
    interview_id: int, data: InterviewInput, today: date, expected: InterviewInput | None = None
) -> None:
    """Change an interview's details and re-plan its open items (refused if it changed since `expected`)."""
    with writing():
        _check_unchanged("interview", _interview_input(_get(Interview, interview_id, "interview")), expected)
        Interview.update(
            company=data.company,
            role=data.role,
            day=data.day,
            ended_at=_time_text(data.ended_at),
            decision_expected=data.decision_expected,
            started_at=_time_text(data.started_at),
            next_step_expected=data.next_step_expected,
            notes=data.notes,
        ).where(Interview.id == interview_id).execute()
        replan(interview_id, today)
        replan_rounds(_people_of(interview_id), today, done=interview_id)


def set_status(interview_id: int, status: Status, today: date) -> None:
    """Move an interview to `status`; leaving active cancels open items, returning resumes them."""
    with writing():
        _get(Interview, interview_id, "interview")
        Interview.update(status=status).where(Interview.id == interview_id).execute()
        replan(interview_id, today)


def delete_interview(interview_id: int, today: date | None = None) -> None:
    """Delete an interview, its checklist, and contacts met nowhere else; an earlier round with the
    same people gets its follow-up cycle back."""
    with writing():
        contacts = _people_of(interview_id)
        Interview.delete().where(Interview.id == interview_id).execute()
        _drop_orphans(contacts)
        replan_rounds(contacts, today or clock.today())


def _people_of(interview_id: int) -> list[int]:
    return [m.contact_id for m in Meeting.select(Meeting.contact).where(Meeting.interview == interview_id)]


def _drop_orphans(contact_ids: list[int]) -> None:
    if not contact_ids:
        return
    linked = Meeting.select(Meeting.contact).where(Meeting.contact.in_(contact_ids))
    Contact.delete().where(Contact.id.in_(contact_ids) & Contact.id.not_in(linked)).execute()


def _contact_values(data: PersonInput) -> dict[str, object]:
    return {name: getattr(data, name) for name in CONTACT_COLUMNS}


def _set_lead(interview_id: int, meeting_id: int, is_lead: bool) -> None:
    if is_lead:
        Meeting.update(is_lead=False).where((Meeting.interview == interview_id) & (Meeting.id != meeting_id)).execute()
    Meeting.update(is_lead=is_lead).where(Meeting.id == meeting_id).execute()


def add_contact(data: PersonInput) -> int:
    """Store a contact met at no interview yet (an imported address book); returns its id."""
    with writing():
        return Contact.create(**_contact_values(data), created_at=clock.now()).id


def add_person(interview_id: int, data: PersonInput, today: date, contact_id: int | None = None) -> int:
    """Add a person met at an interview (a new contact, or `contact_id` linked again); returns the meeting id."""
    with writing():
        interview = _get(Interview, interview_id, "interview")
        if contact_id is None:
            contact_id = Contact.create(**_contact_values(data), created_at=clock.now()).id
        else:
            _get(Contact, contact_id, "contact")
            if Meeting.get_or_none((Meeting.interview == interview_id) & (Meeting.contact == contact_id)):
                raise StoreError(f"{data.name} is already on this interview.")
            # Linking an existing contact: what was typed fills in, what was empty keeps the stored value.
            filled = {k: v for k, v in _contact_values(data).items() if v and k != "preferred"}
            Contact.update(**filled).where(Contact.id == contact_id).execute()
        position = (
            Meeting.select(fn.COALESCE(fn.MAX(Meeting.position), -1)).where(Meeting.interview == interview_id).scalar()
            + 1
        )
        meeting = Meeting.create(
            interview=interview, contact=contact_id, topic=data.topic, position=position, added_on=today
        )
        _set_lead(interview_id, meeting.id, data.is_lead)
        replan(interview_id, today)
        replan_rounds([contact_id], today, done=interview_id)  # met before: a second round
    return meeting.id


def update_person(meeting_id: int, data: PersonInput, today: date, expected: PersonInput | None = None) -> None:
    """Change a person's card (shared by every interview they were met at) and this meeting's topic
    (refused if it changed since `expected`)."""
    with writing():
        meeting = _get(Meeting, meeting_id, "person")
        _check_unchanged("card", _person_input(meeting, Contact.get_by_id(meeting.contact_id)), expected)
        Contact.update(**_contact_values(data)).where(Contact.id == meeting.contact_id).execute()
        Meeting.update(topic=data.topic).where(Meeting.id == meeting_id).execute()
        _set_lead(meeting.interview_id, meeting_id, data.is_lead)
        # The card is shared: every interview this contact was met at may need re-planning.
        for other in Meeting.select(Meeting.interview).where(Meeting.contact == meeting.contact_id):
            replan(other.interview_id, today)


def remove_person(meeting_id: int, today: date) -> None:
    """Take a person off an interview with their items there; the contact goes if met nowhere else."""
    with writing():
        meeting = _get(Meeting, meeting_id, "person")
        Action.delete().where(
            (Action.interview == meeting.interview_id) & (Action.contact == meeting.contact_id)
        ).execute()
        meeting.delete_instance()
        _drop_orphans([meeting.contact_id])
        replan(meeting.interview_id, today)
        replan_rounds([meeting.contact_id], today, done=meeting.interview_id)


def set_done(action_id: int, done: bool, today: date) -> None:
    """Tick or untick an action; the plan follows (a done letter or weekly brings the next one). A dropped
    letter unticked is back on the list, as the user asked."""
    with writing():
        action = _get(Action, action_id, "action")
        if action.state == State.CANCELLED:
            raise StoreError("That action is cancelled because the interview is closed; reopen the interview first.")
        Action.update(state=State.DONE if done else State.OPEN, done_on=today if done else None).where(
            Action.id == action_id
        ).execute()
        replan(action.interview_id, today)


def move_due(action_id: int, days: int, today: date) -> date:
    """Move an open action's due date by `days`; the plan keeps hand-moved dates. Returns the new date."""
    with writing():
        action = _get(Action, action_id, "action")
        if action.state != State.OPEN:
            raise StoreError("Only open actions can be moved.")
        due: date = action.due + timedelta(days=days)
        Action.update(due=due, moved=True).where(Action.id == action_id).execute()
        summary.refresh(action.interview_id)
    return due


def add_custom(interview_id: int, title: str, due: date, person_id: int | None, note: str, today: date) -> int:
    """Add an action of the user's own to an interview; returns its id."""
    with writing():
        interview = _get(Interview, interview_id, "interview")
        state = State.OPEN if interview.status == Status.ACTIVE else State.CANCELLED
        action = Action.create(
            interview=interview_id,
            contact=person_id,
            kind=Kind.CUSTOM,
            title=title,
            due=due,
            state=state,
            moved=True,
            note=note,
            created_on=today,
        )
        summary.refresh(interview_id)
    return action.id


def update_action(action_id: int, due: date, note: str, title: str | None = None) -> None:
    """Change an action's due date and note (and the title of a custom one)."""
    with writing():
        action = _get(Action, action_id, "action")
        values: dict[str, object] = {"note": note}
        if due != action.due:
            values.update(due=due, moved=True)
        if title is not None and action.kind == Kind.CUSTOM:
            values["title"] = title
        Action.update(**values).where(Action.id == action_id).execute()
        summary.refresh(action.interview_id)


def delete_action(action_id: int) -> None:
    """Delete an action of the user's own; planned ones are the method and cannot be deleted."""
    with writing():
        action = _get(Action, action_id, "action")
        if action.kind != Kind.CUSTOM:
            raise StoreError("Planned actions cannot be deleted; tick it, or close the interview with s.")
        action.delete_instance()
        summary.refresh(action.interview_id)


def change_settings(change: Callable[[Settings], Settings]) -> Settings:
    """Change the user's settings: read, changed by `change` and written in one transaction, so a
    second copy's change in between is neither lost nor overwritten; returns them as stored.

    Other holidays re-plan every interview in the same transaction: what is planned moves off the new
    holidays at once (an item the user moved by hand keeps its day)."""
    with writing():
        before = queries.settings()
        after = change(before)
        old, new = before.to_stored(), after.to_stored()
        for key, text in new.items():
            if old.get(key) != text:
                Setting.insert(key=key, value=text).on_conflict_replace().execute()
        gone = [key for key in old if key not in new]
        if gone:
            Setting.delete().where(Setting.key.in_(gone)).execute()
        if _other_holidays(before, after):
            today = clock.today()
            for interview in Interview.select(Interview.id).order_by(Interview.id):
                replan(interview.id, today)
    return after


def _other_holidays(before: Settings, after: Settings) -> bool:
    # The phone region counts too: it is the holidays' default. The library loads only when either changed.
    if (before.holiday_region, before.phone_region) == (after.holiday_region, after.phone_region):
        return False
    return public_holidays.region_in_effect(before) != public_holidays.region_in_effect(after)


class CallOutcome(StrEnum):
    """How a follow-up call went; reached and voicemail count as done, per the seed."""

    REACHED = "reached"
    VOICEMAIL = "voicemail"
    NO_ANSWER = "no_answer"
    EMAILED = "emailed"  # no answer by phone, so the follow-up went by email: it counts as done


_OUTCOME_NOTE = {
    CallOutcome.REACHED: REACHED_NOTE,
    CallOutcome.VOICEMAIL: VOICEMAIL_NOTE,
    CallOutcome.NO_ANSWER: NO_ANSWER_NOTE,
    CallOutcome.EMAILED: "Emailed instead",
}


def _snapshot(action: Action) -> ActionSnapshot:
    return ActionSnapshot(action.id, State(action.state), action.due, action.moved, action.done_on, action.note)


def _open_action(action_id: int) -> Action:
    action = _get(Action, action_id, "action")
    if action.state == State.CANCELLED:
        raise StoreError("That action is cancelled because the interview is closed; reopen the interview first.")
    refuse_dropped(action)
    return action


def refuse_dropped(action: Action) -> None:
    """A dropped letter is neither done nor moved until the user brings it back (space in the checklist)."""
    if action.state == State.DROPPED:
        raise StoreError(
            "That letter was dropped (the reason is in its note); to send it after all, "
            "bring it back with space in the app's checklist."
        )


def drop_letter(action_id: int, reason: str, today: date) -> ActionSnapshot:
    """Leave a postal letter out on purpose: the reason goes in its note, and the plan never brings
    it back (only the user does, by ticking it open again)."""
    reason = " ".join(reason.split())
    if not reason:
        raise StoreError("Say why the letter is dropped: the reason is kept with it.")
    with writing():
        action = _open_action(action_id)
        if action.kind != Kind.LETTER:
            raise StoreError(
                "Only a postal letter can be dropped: a thank-you is never skipped, and the rest follows the plan."
            )
        before = _snapshot(action)
        note = _with_note(action.note, f"{DROPPED_NOTE}, {show_date(today)}: {reason}")
        Action.update(state=State.DROPPED, note=note).where(Action.id == action_id).execute()
        replan(action.interview_id, today)
    return before


def _with_note(old: str, line: str) -> str:
    return f"{old}\n{line}".strip()


def complete(action_id: int, today: date, outcome: CallOutcome | None = None) -> ActionSnapshot:
    """Mark an action done (a call with its outcome; no answer keeps it open for the next business day)."""
    with writing():
        action = _open_action(action_id)
        before = _snapshot(action)
        values: dict[str, object] = {"state": State.DONE, "done_on": today}
        if outcome is not None:
            values["note"] = _with_note(action.note, f"{_OUTCOME_NOTE[outcome]}, {show_date(today)}")
            if outcome is CallOutcome.NO_ANSWER:
                retry = next_business_day(today, days_off(today))
                values.update(state=State.OPEN, done_on=None, due=retry, moved=True)
        Action.update(**values).where(Action.id == action_id).execute()
        replan(action.interview_id, today)
    return before


def snooze(action_id: int, today: date) -> ActionSnapshot:
    """Move an open action to the next business day after the later of today and its due date."""
    return _move(action_id, lambda due: snoozed_day(due, today, days_off(today, due)))


def reschedule(action_id: int, day: date, today: date) -> ActionSnapshot:
    """Give an open action a new due date, kept through re-planning."""
    return _move(action_id, lambda _due: day)


def _move(action_id: int, new_due: Callable[[date], date]) -> ActionSnapshot:
    # The due date is read inside the write transaction, so a snooze works from the stored date.
    with writing():
        action = _open_action(action_id)
        if action.state != State.OPEN:
            raise StoreError("Only open actions can be rescheduled.")
        before = _snapshot(action)
        Action.update(due=new_due(action.due), moved=True).where(Action.id == action_id).execute()
        summary.refresh(action.interview_id)
    return before


def set_note(action_id: int, note: str) -> ActionSnapshot:
    """Replace an action's note."""
    with writing():
        action = _get(Action, action_id, "action")
        before = _snapshot(action)
        Action.update(note=note).where(Action.id == action_id).execute()
    return before


def restore(snapshot: ActionSnapshot, today: date) -> None:
    """Undo: put an action back as it was, and re-plan (a withdrawn tick withdraws what it scheduled)."""
    with writing():
        action = _get(Action, snapshot.id, "action")
        Action.update(
            state=snapshot.state, due=snapshot.due, moved=snapshot.moved, done_on=snapshot.done_on, note=snapshot.note
        ).where(Action.id == snapshot.id).execute()
        replan(action.interview_id, today)
