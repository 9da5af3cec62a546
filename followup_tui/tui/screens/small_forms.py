"""One-field forms of the daily review: a new date, a note."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, Label, Static

from followup_tui import validate
from followup_tui.dates import show_date
from followup_tui.text import title_part
from followup_tui.tui.screens.form import FormScreen, all_valid


class DayForm(FormScreen[date]):
    """Pick a new due date, in the same everyday words as the other forms."""

    TITLE_TEXT = "Reschedule"

    def __init__(self, what: str, current: date) -> None:
        super().__init__()
        self.what = what
        self.current = current

    def compose_fields(self) -> ComposeResult:
        # What is moved goes above the field, whole: an 18-cell label cut it to "New date for no".
        yield Label(Content(f"New date for {title_part(self.what, 120)}"), classes="dialog-subtitle")
        yield from self.field("New date", "day", "", f"now {show_date(self.current)}; e.g. mon, +3d")

    @on(Input.Changed, "#day")
    def _changed(self) -> None:
        self.preview_day("day", required=False)

    def collect(self) -> date | None:
        day = self.check("day", self.day_field("day", required=True))
        return day.value if all_valid(day) else None


class NoteForm(FormScreen[str]):
    """A note kept with an action and shown in the checklist."""

    TITLE_TEXT = "Note"

    def __init__(self, note: str) -> None:
        super().__init__()
        self.note = note

    def compose_fields(self) -> ComposeResult:
        yield from self.area("Note", "note", self.note)

    def collect(self) -> str | None:
        note = self.check("note", validate.text)
        return note.value if all_valid(note) else None


class DropForm(FormScreen[str]):
    """Why a letter is left out: the method asks for a letter to each person, so dropping one says why."""

    TITLE_TEXT = "Drop this letter"

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what

    def compose_fields(self) -> ComposeResult:
        # A Static, not a Label: it wraps to the dialog's width (the question is two lines at 80 columns).
        yield Static(
            Content(
                f"Drop “{title_part(self.what, 120)}”? The reason is kept in its note; the plan will not bring it back."
            ),
            classes="dialog-subtitle",
        )
        yield from self.field("Reason *", "reason", "", "e.g. she asked for email only")

    def collect(self) -> str | None:
        reason = self.check("reason", lambda v: validate.line(v, required="A reason"))
        return reason.value if all_valid(reason) else None
