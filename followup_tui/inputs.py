"""What the interview and action forms and the commands hand to the store (a person's card: contact.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

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
