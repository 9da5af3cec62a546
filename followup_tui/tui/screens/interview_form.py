"""Add or edit an interview."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input

from followup_tui import validate
from followup_tui.dates import parse_time, show_date
from followup_tui.inputs import InterviewInput
from followup_tui.tui.screens.form import FormScreen, all_valid


class InterviewForm(FormScreen[InterviewInput]):
    """Company, role, date, when it ended, and any decision date the interviewer gave."""

    PAST_DATES = frozenset({"day"})

    def __init__(self, current: InterviewInput | None = None) -> None:
        super().__init__()
        self.current = current
        self.TITLE_TEXT = "Edit interview" if current else "Add an interview"

    def compose_fields(self) -> ComposeResult:
        c = self.current
        yield from self.field("Company *", "company", c.company if c else "", "who interviewed you")
        yield from self.field("Role", "role", c.role if c else "", "the job title")
        yield from self.field(
            "Interview date *", "day", show_date(c.day) if c else "today", "today, yesterday, nov 20…"
        )
        yield from self.field(
            "Ended at",
            "ended_at",
            c.ended_at.strftime("%H:%M") if c and c.ended_at else "",
            "e.g. 14:30; from 15:00 the thank-yous are due next morning",
        )
        yield from self.field(
            "Decision expected",
            "decision",
            show_date(c.decision_expected) if c and c.decision_expected else "",
            "if they gave a date, e.g. friday",
        )
        yield from self.area("Notes", "notes", c.notes if c else "")

    def on_mount(self) -> None:
        self.preview_day("day", required=True)
        self.preview_day("decision", required=False)

    @on(Input.Changed, "#day")
    def _day_changed(self) -> None:
        self.preview_day("day", required=True)

    @on(Input.Changed, "#decision")
    def _decision_changed(self) -> None:
        self.preview_day("decision", required=False)

    def collect(self) -> InterviewInput | None:
        company = self.check("company", lambda v: validate.line(v, required="Company"))
        role = self.check("role", validate.line)
        day = self.check("day", self.day_field("day", required=True))
        ended_at = self.check("ended_at", lambda v: parse_time(v) if v.strip() else None)
        decision = self.check("decision", self.day_field("decision", required=False))
        notes = self.check("notes", validate.text)
        if not all_valid(company, role, day, ended_at, decision, notes):
            return None
        return InterviewInput(company.value, day.value, role.value, ended_at.value, decision.value, notes.value)
