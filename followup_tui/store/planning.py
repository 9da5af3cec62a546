"""Re-planning: an interview's stored checklist brought in line with the plan engine, inside the
write transaction of the change that called for it (store.commands and the other writers)."""

from __future__ import annotations

from datetime import date, time

from followup_tui import public_holidays
from followup_tui.kinds import Kind, Medium, State, Status
from followup_tui.plan import ActionFacts, InterviewFacts, PersonFacts, PlanChanges, plan
from followup_tui.store import queries, summary
from followup_tui.store.models import Action, Contact, Interview, Meeting
from followup_tui.wording import card_gaps

_FIELD_COLUMNS = {"person_id": "contact"}


def time_value(text: str | None) -> time | None:
    """A time as stored ("14:30"), or None."""
    return time.fromisoformat(text) if text else None


def days_off(today: date, *days: date | None) -> frozenset[date]:
    """The user's public holidays (from the settings) over every year a plan from these days can reach."""
    years = [day.year for day in (today, *days) if day is not None]
    region = public_holidays.region_in_effect(queries.settings())
    return public_holidays.days_off(region, min(years), max(years) + 1)


def replan(interview_id: int, today: date) -> None:
    """Bring one interview's checklist in line with the plan (inside a write transaction)."""
    interview = Interview.get_by_id(interview_id)
    facts = InterviewFacts(
        day=interview.day,
        status=Status(interview.status),
        ended_at=time_value(interview.ended_at),
        decision_expected=interview.decision_expected,
        started_at=time_value(interview.started_at),
        next_step_expected=interview.next_step_expected,
    )
    meetings = list(Meeting.select(Meeting, Contact).join(Contact).where(Meeting.interview == interview_id))
    again = _later_rounds(interview, [m.contact.id for m in meetings])
    people = [
        PersonFacts(
            person_id=m.contact.id,
            added_on=m.added_on,
            card_complete=not card_gaps(
                m.contact.name, m.contact.title, m.contact.email, m.contact.phone or m.contact.mobile, m.contact.address
            ),
            preferred=Medium(m.contact.preferred),
            is_lead=m.is_lead,
            position=m.position,
            met_again_on=again.get(m.contact.id),
            has_address=bool(m.contact.address.strip()),
        )
        for m in meetings
    ]
    existing = [
        ActionFacts(
            id=a.id,
            kind=Kind(a.kind),
            due=a.due,
            state=State(a.state),
            person_id=a.contact_id,
            seq=a.seq,
            window_end=a.window_end,
            done_on=a.done_on,
            moved=a.moved,
        )
        for a in Action.select().where(Action.interview == interview_id).order_by(Action.id)
    ]
    changes = plan(facts, people, existing, today, days_off(today, interview.day, interview.decision_expected))
    try:
        _apply(interview_id, changes, today)
    finally:
        summary.refresh(interview_id)


def _later_rounds(interview: Interview, contact_ids: list[int]) -> dict[int, date]:
    """For each of these people, the day of the next interview after this one at which they were met
    (a second round), if any: its follow-up cycle takes over from this one's."""
    if not contact_ids:
        return {}
    marks = ", ".join("?" for _ in contact_ids)
    rows = (
        Meeting._meta.database.execute_sql(
            f"""SELECT m.contact_id, MIN(i.day) FROM "meeting" m JOIN "interview" i ON i.id = m.interview_id
                WHERE m.contact_id IN ({marks}) AND i.id != ? AND (i.day > ? OR (i.day = ? AND i.id > ?))
                GROUP BY m.contact_id""",
            (*contact_ids, interview.id, interview.day, interview.day, interview.id),
        )
    ).fetchall()
    return {contact_id: date.fromisoformat(str(day)) for contact_id, day in rows}


def replan_rounds(contact_ids: list[int], today: date, done: int | None = None) -> None:
    """Re-plan the other interviews these people were met at: which round is the latest may have changed."""
    if not contact_ids:
        return
    others = {
        m.interview_id
        for m in Meeting.select(Meeting.interview).where(Meeting.contact.in_(contact_ids))
        if m.interview_id != done
    }
    for interview_id in sorted(others):
        replan(interview_id, today)


def _apply(interview_id: int, changes: PlanChanges, today: date) -> None:
    if changes.delete:
        Action.delete().where(Action.id.in_(changes.delete)).execute()
    for change in changes.update:
        values = {_FIELD_COLUMNS.get(k, k): v for k, v in change.fields.items()}
        Action.update(**values).where(Action.id == change.id).execute()
    if changes.create:
        Action.insert_many(
            [
                {
                    "interview": interview_id,
                    "contact": new.person_id,
                    "kind": new.kind,
                    "seq": new.seq,
                    "due": new.due,
                    "window_end": new.window_end,
                    "state": new.state,
                    "done_on": new.done_on,
                    "created_on": today,
                }
                for new in changes.create
            ]
        ).execute()
