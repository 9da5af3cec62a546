"""Add or edit an interview."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input

from followup_tui import validate
from followup_tui.dates import parse_time, show_date
from followup_tui.inputs import InterviewInput
from followup_tui.tui.screens.form import FormScreen, Invalid, all_valid


class InterviewForm(FormScreen[InterviewInput]):
    """Company, role, date, when it started and ended, and the schedule the interviewer outlined."""

    PAST_DATES = frozenset({"day"})
    OUTLINE = ("decision", "next_step")  # dates the interviewer gave: each gets a check the day after

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
            "Started at",
            "started_at",
            c.started_at.strftime("%H:%M") if c and c.started_at else "",
            "e.g. 13:30; with no end given, it is taken to end an hour later",
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
        yield from self.field(
            "Next step expected",
            "next_step",
            show_date(c.next_step_expected) if c and c.next_step_expected else "",
            "when they said you would hear about the next step",
        )
        yield from self.area("Notes", "notes", c.notes if c else "")

    def on_mount(self) -> None:
        self.preview_day("day", required=True)
        for ident in self.OUTLINE:
            self.preview_day(ident, required=False)

    @on(Input.Changed, "#day")
    def _day_changed(self) -> None:
        self.preview_day("day", required=True)

    @on(Input.Changed, "#decision, #next_step")
    def _outline_changed(self, event: Input.Changed) -> None:
        if event.input.id:
            self.preview_day(event.input.id, required=False)

    def collect(self) -> InterviewInput | None:
        company = self.check("company", lambda v: validate.line(v, required="Company"))
        role = self.check("role", validate.line)
        day = self.check("day", self.day_field("day", required=True))
        started_at = self.check("started_at", lambda v: parse_time(v) if v.strip() else None)
        ended_at = self.check("ended_at", lambda v: parse_time(v) if v.strip() else None)
        decision = self.check("decision", self.day_field("decision", required=False))
        next_step = self.check("next_step", self.day_field("next_step", required=False))
        notes = self.check("notes", validate.text)
        if not all_valid(company, role, day, started_at, ended_at, decision, next_step, notes):
            return None
        if isinstance(self.check("ended_at", lambda _: validate.times(started_at.value, ended_at.value)), Invalid):
            return None
        return InterviewInput(
            company.value,
            day.value,
            role.value,
            ended_at.value,
            decision.value,
            notes.value,
            started_at=started_at.value,
            next_step_expected=next_step.value,
        )
