"""Add an action of your own, or change an action's due date and note."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, Label, Select

from followup_tui import validate
from followup_tui.dates import show_date
from followup_tui.records import ActionRow, PersonCard
from followup_tui.text import title_part
from followup_tui.tui.screens.form import FormScreen, Valid, all_valid


@dataclass(frozen=True)
class ActionInput:
    """What the action form gives back."""

    title: str
    due: date
    note: str
    person_id: int | None


class ActionForm(FormScreen[ActionInput]):
    """A custom action's title, whom it concerns, due date and note; planned ones keep their wording."""

    def __init__(self, people: list[PersonCard], current: ActionRow | None = None) -> None:
        super().__init__()
        self.people = people
        self.current = current
        self.custom = current is None or current.kind.value == "custom"
        self.TITLE_TEXT = "Edit action" if current else "Add an action"

    def compose_fields(self) -> ComposeResult:
        c = self.current
        if c is not None and not self.custom:
            yield Label(Content(title_part(c.label, 120)), classes="dialog-subtitle")
        else:
            yield from self.field("What to do *", "title", c.title if c else "", "e.g. Send the portfolio link")
        yield from self.field("Due *", "due", show_date(c.due) if c else "today", "today, fri, +3d, nov 20…")
        if self.custom and c is None:
            with Horizontal(classes="field-row"):
                yield Label("For", classes="field-label")
                yield Select(
                    [("General", 0), *((Content(p.name), p.contact_id) for p in self.people)],
                    value=0,
                    allow_blank=False,
                    id="person",
                    compact=True,
                )
        yield from self.area("Note", "note", c.note if c else "")

    def on_mount(self) -> None:
        self.preview_day("due", required=True)

    @on(Input.Changed, "#due")
    def _due_changed(self) -> None:
        self.preview_day("due", required=True)

    def collect(self) -> ActionInput | None:
        title = self.check("title", lambda v: validate.line(v, required="What to do")) if self.custom else Valid("")
        due = self.check("due", self.day_field("due", required=True))
        note = self.check("note", validate.text)
        if not all_valid(title, due, note):
            return None
        person = None
        if self.custom and self.current is None:
            person = self.choice("person", int) or None  # 0 is "General"
        elif self.current is not None:
            person = self.current.person_id
        return ActionInput(title.value, due.value, note.value, person)
