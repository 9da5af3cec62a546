"""What the forms, the card parser and the commands hand to the store.

A person's card is defined in contact.py; `PersonInput` and `CardFields` are named here too because
this has been their public import since the first version: scripts that fill a database with
`from followup_tui.inputs import InterviewInput, PersonInput` keep working."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from followup_tui.contact import CARD_FIELDS as CARD_FIELDS
from followup_tui.contact import CardFields as CardFields
from followup_tui.contact import PersonInput as PersonInput
from followup_tui.kinds import State


@dataclass(frozen=True)
class InterviewInput:
    """An interview as a form or a command gives it."""

    company: str
    day: date
    role: str = ""
    ended_at: time | None = None
    decision_expected: date | None = None
    notes: str = ""
    started_at: time | None = None
    next_step_expected: date | None = None  # when the interviewer said the next step would come


@dataclass(frozen=True)
class ActionSnapshot:
    """An action's changeable fields before a change, so the change can be undone."""

    id: int
    state: State
    due: date
    moved: bool
    done_on: date | None
    note: str
