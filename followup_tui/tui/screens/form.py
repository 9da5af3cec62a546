"""The base of every form: labelled fields with inline messages, ctrl+s saves, escape cancels."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Generic, Literal, NoReturn, TypeVar, overload

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static, TextArea

from followup_tui import clock, validate
from followup_tui.dates import DateInputError, show_date
from followup_tui.text import MAX_STORED_LINE, clean, clean_line, clip
from followup_tui.validate import InputProblem

Result = TypeVar("Result")
Value = TypeVar("Value")
Checked = TypeVar("Checked", covariant=True)  # a Valid[str] is a Valid[object]


@dataclass(frozen=True)
class Valid(Generic[Checked]):
    """A field that passed its check, with the value its converter made."""

    value: Checked


class Invalid:
    """A field that failed its check; the message under it says what to fix."""

    @property
    def value(self) -> NoReturn:
        raise ValueError("an invalid field has no value: ask all_valid first")


def all_valid(*fields: Valid[object] | Invalid) -> bool:
    """Whether every field passed (each failed one already shows its message)."""
    return not any(isinstance(field, Invalid) for field in fields)


class FormScreen(ModalScreen[Result | None], Generic[Result]):
    """A modal form; subclasses compose fields and turn them into a result in `collect`."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel"),
    ]
    TITLE_TEXT = "Form"
    AUTO_FOCUS = ".fields Input, .fields TextArea"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form"):
            yield Label(self.TITLE_TEXT, classes="dialog-title")
            with VerticalScroll(classes="fields"):
                yield from self.compose_fields()
            yield Label("ctrl+s save · escape cancel · tab next field", classes="dialog-keys")

    def compose_fields(self) -> ComposeResult:
        """The form's fields."""
        yield from ()

    def field(self, label: str, ident: str, value: str = "", placeholder: str = "") -> ComposeResult:
        """A labelled one-line input with a message line under it."""
        with Horizontal(classes="field-row"):
            yield Label(Content(label), classes="field-label")
            # Values come from the file, which another program may have written.
            yield Input(clip(clean_line(value), MAX_STORED_LINE), placeholder=placeholder, id=ident, compact=True)
        yield Static("", id=f"{ident}-msg", classes="field-msg", markup=False)

    def area(self, label: str, ident: str, value: str = "") -> ComposeResult:
        """A labelled multi-line text area with a message line under it."""
        with Horizontal(classes="field-row -area", id=f"{ident}-row"):
            yield Label(Content(label), classes="field-label")
            yield TextArea(
                clean(value), id=ident, classes="field-area", soft_wrap=True, tab_behavior="focus", compact=True
            )
        yield Static("", id=f"{ident}-msg", classes="field-msg", markup=False)

    def value(self, ident: str) -> str:
        """The raw text of a field."""
        widget = self.query_one(f"#{ident}")
        return widget.text if isinstance(widget, TextArea) else self.query_one(f"#{ident}", Input).value

    def choice(self, ident: str, kind: type[Value]) -> Value:
        """The value of a Select that has no blank (allow_blank=False), checked to be a `kind`."""
        value = self.query_one(f"#{ident}", Select).value
        if not isinstance(value, kind):
            raise TypeError(f"#{ident} holds {value!r}, not a {kind.__name__}")
        return value

    def say(self, ident: str, message: str, *, error: bool = False) -> None:
        """Show a message under a field (plain text, never markup)."""
        note = self.query_one(f"#{ident}-msg", Static)
        note.update(Content(message))
        note.set_class(error, "-error")
        note.display = bool(message)

    def check(self, ident: str, convert: Callable[[str], Value]) -> Valid[Value] | Invalid:
        """Run `convert` on a field; an InputProblem or DateInputError becomes its inline message."""
        try:
            result = convert(self.value(ident))
        except (InputProblem, DateInputError) as problem:
            self.say(ident, str(problem), error=True)
            return Invalid()
        self.say(ident, "")
        return Valid(result)

    PAST_DATES: frozenset[str] = frozenset()
    """Date fields where a bare weekday means the latest one, not the coming one."""

    @overload
    def day_field(self, ident: str, *, required: Literal[True]) -> Callable[[str], date]: ...

    @overload
    def day_field(self, ident: str, *, required: bool) -> Callable[[str], date | None]: ...

    def day_field(self, ident: str, *, required: bool) -> Callable[[str], date | None]:
        """A converter for a date field (a required one never gives None: an empty one is a problem)."""

        def convert(text: str) -> date | None:
            return validate.day(text, clock.today(), required=required, past=ident in self.PAST_DATES)

        return convert

    def preview_day(self, ident: str, *, required: bool) -> None:
        """Show the parsed date beside a date field as the user types."""
        try:
            day = self.day_field(ident, required=required)(self.value(ident))
        except (InputProblem, DateInputError) as problem:
            self.say(ident, str(problem), error=True)
            return
        self.say(ident, f"→ {show_date(day)}" if day else "")

    def collect(self) -> Result | None:
        """The form's result, or None after showing messages on the fields to fix."""
        raise NotImplementedError

    def action_save(self) -> None:
        """Save if every field is valid; otherwise focus the first field with a problem."""
        result = self.collect()
        if result is not None:
            self.dismiss(result)
            return
        for note in self.query(".field-msg.-error"):
            ident = (note.id or "").removesuffix("-msg")
            if ident:
                self.query_one(f"#{ident}").focus()
                break
        self.app.bell()

    def action_cancel(self) -> None:
        """Close without saving anything."""
        self.dismiss(None)
