"""Drafts, sent notes, the profile, templates and the personal word list."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from types import MappingProxyType

from followup_tui import clock
from followup_tui.inputs import ActionSnapshot
from followup_tui.kinds import Kind, Medium, State
from followup_tui.settings import Settings
from followup_tui.store.commands import (
    _OUTCOME_NOTE,
    CallOutcome,
    _get,
    _snapshot,
    change_settings,
    refuse_dropped,
)
from followup_tui.store.database import reading, writing
from followup_tui.store.errors import StoreError
from followup_tui.store.models import Action, Contact, Interview, Meeting
from followup_tui.store.planning import replan
from followup_tui.store.queries import settings
from followup_tui.writing.drafts import (
    CALLED,
    EMAIL_DRAFTS,
    EMAILED,
    NO_CALL,
    REACHED,
    TEMPLATE_FOR,
    TEMPLATES,
    VOICEMAIL,
    DraftContext,
    email_template,
    fill_in,
    render,
)
from followup_tui.writing.profile import Profile


@dataclass(frozen=True)
class DraftData:
    """An action's draft with what the checks need."""

    action_id: int
    interview_id: int
    context: DraftContext
    state: State
    draft: str
    sent_text: str
    template: str
    others: list[tuple[str, str]]  # the interview's other thank-yous: (person, text)
    colleagues: list[str]  # the other people met at the interview, by name
    known_words: set[str]
    threshold: float


def profile() -> Profile:
    """The user's profile."""
    return settings().profile


def save_profile(value: Profile) -> None:
    """Store the user's profile."""
    change_settings(lambda s: replace(s, profile=value))


def template(name: str, mine: Settings | None = None) -> str:
    """A template's text: the user's edited version (in `mine`, else as stored), else the shipped one."""
    return (mine or settings()).templates.get(name) or TEMPLATES[name][1]


def save_template(name: str, text: str | None) -> None:
    """Store an edited template; None goes back to the shipped one."""

    def edited(current: Settings) -> Settings:
        templates = {key: value for key, value in current.templates.items() if key != name}
        if text is not None:
            templates[name] = text
        return replace(current, templates=MappingProxyType(templates))

    change_settings(edited)


def personal_words() -> list[str]:
    """Words the user added to the dictionary."""
    return list(settings().words)


def add_word(word: str) -> None:
    """Teach the spell check a word."""
    change_settings(lambda s: replace(s, words=tuple(sorted({*s.words, word}))))


def similarity_threshold() -> float:
    """Two thank-yous at least this alike get a warning (a setting, 0.8 unless changed)."""
    return settings().similarity_threshold


def _known_words(mine: Settings) -> set[str]:
    words: set[str] = set(mine.words)
    with reading():
        # Names and companies: proper nouns the dictionary cannot know. Not titles or roles: those are
        # words of the language, and a typo stored on a card ("Head of Analytcs") is still a typo.
        # .execute(): peewee's stubs type .tuples() as the model query it was
        for name, company in Contact.select(Contact.name, Contact.company).tuples().execute():
            words.update(f"{name} {company}".replace(",", " ").split())
        for (company,) in Interview.select(Interview.company).tuples().execute():
            words.update(company.replace(",", " ").split())
    me = mine.profile
    words.update(f"{me.name} {me.signature}".split())
    return {w.strip(".,;:()'\"") for w in words if w}


def call_outcome(note: str) -> str:
    """How a done call went, from the line `complete` wrote in its note (the last one counts); CALLED when
    it was ticked without saying."""
    outcomes = {
        _OUTCOME_NOTE[CallOutcome.REACHED]: REACHED,
        _OUTCOME_NOTE[CallOutcome.VOICEMAIL]: VOICEMAIL,
        _OUTCOME_NOTE[CallOutcome.EMAILED]: EMAILED,
    }
    said = [outcomes[line.split(",")[0].strip()] for line in note.split("\n") if line.split(",")[0].strip() in outcomes]
    return said[-1] if said else CALLED


def _follow_up_call(interview_id: int, contact_id: int | None) -> tuple[str, date | None]:
    """How the follow-up call to this person went; NO_CALL for anyone the call was not to (the call
    is the lead's, so only the lead's letter speaks of it)."""
    call = Action.get_or_none((Action.interview == interview_id) & (Action.kind == Kind.CALL))
    if call is None or call.state != State.DONE or call.contact_id != contact_id:
        return NO_CALL, None
    return call_outcome(call.note), call.done_on


# Notes that people of one interview may compare: each is checked against the others of its group.
_THANK_YOUS = [Kind.THANK_YOU_EMAIL, Kind.THANK_YOU_LETTER]
_ALIKE = {Kind.THANK_YOU_EMAIL: _THANK_YOUS, Kind.THANK_YOU_LETTER: _THANK_YOUS, Kind.LETTER: [Kind.LETTER]}


def draft_data(action_id: int) -> DraftData:
    """Everything the draft screen shows for an action."""
    with reading():
        action = _get(Action, action_id, "action")
        interview = Interview.get_by_id(action.interview_id)
        meeting = contact = None
        if action.contact_id:
            contact = Contact.get_by_id(action.contact_id)
            meeting = Meeting.get_or_none((Meeting.interview == interview.id) & (Meeting.contact == contact.id))
        others = []
        alike = _ALIKE.get(Kind(action.kind))
        if alike:
            siblings = (
                Action.select(Action, Contact)
                .join(Contact)
                .where((Action.interview == interview.id) & (Action.id != action.id) & Action.kind.in_(alike))
            )
            # The join is an inner one: every sibling has its contact.
            others = [
                (a.contact.name, a.sent_text or a.draft) for a in siblings if a.contact and (a.sent_text or a.draft)
            ]
        colleagues = [
            m.contact.name
            for m in Meeting.select(Meeting, Contact).join(Contact).where(Meeting.interview == interview.id)
            if m.contact.id != action.contact_id
        ]
        call, call_day = _follow_up_call(interview.id, action.contact_id)
        mine = settings()
    context = DraftContext(
        kind=Kind(action.kind),
        name=contact.name if contact else "",
        title=contact.title if contact else "",
        company=interview.company,
        role=interview.role,
        interview_day=interview.day,
        topic=meeting.topic if meeting else "",
        profile=mine.profile,
        position=meeting.position if meeting else 0,
        email=contact.email if contact else "",
        address=contact.address if contact else "",
        preferred=contact.preferred if contact else Medium.EMAIL,
        phone=(contact.phone or contact.mobile) if contact else "",
        call=call,
        call_day=call_day,
    )
    name = TEMPLATE_FOR.get(context.kind, "")
    return DraftData(
        action_id=action.id,
        interview_id=interview.id,
        context=context,
        state=State(action.state),
        draft=action.draft,
        sent_text=action.sent_text,
        template=template(name, mine) if name else "",
        others=others,
        colleagues=colleagues,
        known_words=_known_words(mine),
        threshold=mine.similarity_threshold,
    )


def email_draft(action_id: int, today: date) -> tuple[DraftContext, str]:
    """The email to send for an action: its saved draft with what can be filled in now, else the template
    filled from the person, the interview and the profile."""
    data = draft_data(action_id)
    values = data.context.values(today)
    if data.context.kind in EMAIL_DRAFTS and data.draft:
        return data.context, fill_in(data.draft, values)[0]
    return data.context, render(template(email_template(data.context.kind)), values)


def save_draft(action_id: int, text: str) -> None:
    """Keep a draft with its action."""
    with writing():
        _get(Action, action_id, "action")
        Action.update(draft=text).where(Action.id == action_id).execute()


def mark_sent(action_id: int, text: str, today: date) -> ActionSnapshot:
    """Tick the action and keep the text that was sent."""
    with writing():
        action = _get(Action, action_id, "action")
        if action.state == State.CANCELLED:
            raise StoreError("That action is cancelled because the interview is closed; reopen the interview first.")
        refuse_dropped(action)
        before = _snapshot(action)
        Action.update(state=State.DONE, done_on=today, draft=text, sent_text=text, sent_at=clock.now()).where(
            Action.id == action_id
        ).execute()
        replan(action.interview_id, today)
    return before
