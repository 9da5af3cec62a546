"""The references item: a heads-up drafted for each reference in the profile, and who was told when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from followup_tui.inputs import ActionSnapshot
from followup_tui.kinds import Kind, State
from followup_tui.store.commands import _get, _snapshot, _with_note
from followup_tui.store.database import reading, writing
from followup_tui.store.errors import StoreError
from followup_tui.store.models import Action, Contact, Interview, Meeting
from followup_tui.store.planning import replan
from followup_tui.store.queries import settings
from followup_tui.store.writing_notes import template
from followup_tui.writing.heads_up import TEMPLATE, Interviewer, heads_up
from followup_tui.writing.profile import Profile, Reference, still_to_tell, told_line, told_references


@dataclass(frozen=True)
class HeadsUps:
    """The references item of one interview: a heads-up for each reference, and who was told when."""

    action_id: int
    company: str
    role: str
    interview_day: date
    state: State
    profile: Profile
    drafts: list[tuple[Reference, str]]  # each reference in the profile's order, with its heads-up
    told: dict[str, str]  # folded name -> the day told, as the note says it

    def told_on(self, reference: Reference) -> str:
        """When `reference` was told, or ""."""
        return self.told.get(reference.name.casefold(), "")


def _references_action(action_id: int) -> Action:
    action = _get(Action, action_id, "action")
    if action.kind != Kind.REFERENCES:
        raise StoreError("That item is not the one about your references.")
    return action


def heads_ups(action_id: int) -> HeadsUps:
    """Everything the references screen shows for the references item `action_id`."""
    with reading():
        action = _references_action(action_id)
        interview = Interview.get_by_id(action.interview_id)
        people = [
            Interviewer(m.contact.name, m.contact.title, m.is_lead, m.topic)
            for m in Meeting.select(Meeting, Contact)
            .join(Contact)
            .where(Meeting.interview == interview.id)
            .order_by(Meeting.position, Meeting.id)
        ]
        mine = settings()
    text = template(TEMPLATE, mine)
    drafts = [
        (r, heads_up(text, r, interview.company, interview.role, people, mine.profile)) for r in mine.profile.references
    ]
    return HeadsUps(
        action.id,
        interview.company,
        interview.role,
        interview.day,
        State(action.state),
        mine.profile,
        drafts,
        told_references(action.note),
    )


def tell(action_id: int, reference: Reference, today: date) -> ActionSnapshot:
    """Record that `reference` was told today (a line in the item's note); once every reference in the
    profile was told, the item is done. Telling someone again keeps the first day."""
    with writing():
        action = _references_action(action_id)
        if action.state == State.CANCELLED:
            raise StoreError("That action is cancelled because the interview is closed; reopen the interview first.")
        before = _snapshot(action)
        note = action.note
        if reference.name.casefold() not in told_references(note):
            note = _with_note(note, told_line(reference, today))
        values: dict[str, object] = {"note": note}
        if action.state == State.OPEN and not still_to_tell(settings().profile.references, note):
            values.update(state=State.DONE, done_on=today)
        Action.update(**values).where(Action.id == action_id).execute()
        replan(action.interview_id, today)
    return before
