"""What forms, the card parser and commands hand to the store (records.py re-exports these names)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

# The person record's home is followup_tui.contact; named here too for the forms and tests that
# import every input from one place.
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


@dataclass(frozen=True)
class ActionSnapshot:
    """An action's changeable fields before a change, so the change can be undone."""

    id: int
    state: State
    due: date
    moved: bool
    done_on: date | None
    note: str
