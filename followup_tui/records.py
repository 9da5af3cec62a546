"""Plain data passed between the store, the shell commands and the widgets."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from functools import cached_property
from typing import TYPE_CHECKING

from followup_tui.contact import PersonInput
from followup_tui.kinds import Kind, State, Status

if TYPE_CHECKING:
    from followup_tui.inputs import InterviewInput


def __getattr__(name: str) -> object:
    """`InterviewInput`, named here by the first versions (scripts that fill a database import it from here
    still); it lives in inputs.py, loaded only when asked for."""
    if name == "InterviewInput":
        from followup_tui.inputs import InterviewInput

        return InterviewInput
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class InterviewRow:
    """One row of the interview list."""

    id: int
    company: str
    role: str
    day: date
    status: Status
    people: str = ""
    next_kind: Kind | None = None
    next_custom_title: str = ""
    next_seq: int = 0
    next_person: str = ""
    next_due: date | None = None
    next_id: int | None = None  # the next open action's id, as `followup done` takes it

    @cached_property
    def next_title(self) -> str:
        """How the next action reads; worded when shown, not for every one of 10,000 rows."""
        from followup_tui.wording import action_label

        if self.next_kind is None:
            return ""
        return action_label(self.next_kind, self.next_person, self.next_custom_title, self.next_seq)

    @property
    def is_active(self) -> bool:
        """Closed interviews sink to the bottom of the list."""
        return self.status is Status.ACTIVE

    @cached_property
    def haystack(self) -> str:
        """What the filter searches, folded once (typing a filter then costs a substring test a row)."""
        return "\n".join((self.company, self.role, self.people)).casefold()

    def matches(self, needle: str) -> bool:
        """Whether the filter text appears in the company, role or an interviewer's name."""
        return needle.casefold() in self.haystack


@dataclass(frozen=True, kw_only=True)
class PersonCard(PersonInput):
    """A person met at an interview, as the card pane shows them: the person's fields and their rows."""

    meeting_id: int
    contact_id: int


@dataclass(frozen=True)
class ActionRow:
    """One item of an interview's checklist."""

    id: int
    kind: Kind
    label: str
    due: date
    state: State
    person_id: int | None = None
    person_name: str = ""
    window_end: date | None = None
    done_on: date | None = None
    moved: bool = False
    note: str = ""
    missing: str = ""
    title: str = ""


@dataclass(frozen=True)
class InterviewDetail:
    """An interview with its people and checklist, for the right-hand panes."""

    id: int
    company: str
    role: str
    day: date
    status: Status
    ended_at: time | None = None
    decision_expected: date | None = None
    notes: str = ""
    started_at: time | None = None
    next_step_expected: date | None = None
    people: list[PersonCard] = field(default_factory=list)
    actions: list[ActionRow] = field(default_factory=list)

    def as_input(self) -> InterviewInput:
        """The interview as form input, for editing."""
        from followup_tui.inputs import InterviewInput

        return InterviewInput(
            self.company,
            self.day,
            self.role,
            self.ended_at,
            self.decision_expected,
            self.notes,
            started_at=self.started_at,
            next_step_expected=self.next_step_expected,
        )
