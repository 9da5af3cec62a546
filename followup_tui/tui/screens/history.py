"""What was sent, said and noted to a person, newest first."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from followup_tui import clock
from followup_tui.dates import show_date
from followup_tui.text import clean_line, clean_shown, title_part


class HistoryScreen(ModalScreen[None]):
    """A person's history across interviews; escape closes."""

    BINDINGS = [Binding("escape,h", "dismiss", "Close")]

    def __init__(self, name: str, entries: list) -> None:
        super().__init__()
        self.person = name
        self.entries = entries

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            yield Label(Content.assemble("History with ", (title_part(self.person), "bold")), classes="dialog-title")
            with VerticalScroll():
                if not self.entries:
                    yield Static("Nothing sent, said or noted yet.")
                for entry in self.entries:
                    parts: list = [
                        (show_date(entry.day, clock.today()), "bold $accent"),
                        "  ",
                        (clean_line(entry.what), "bold"),
                        ("  " + clean_line(entry.company), "$text-muted"),
                    ]
                    if entry.text:
                        parts.extend(["\n", clean_shown(entry.text)])
                    yield Static(Content.assemble(*parts), classes="history-entry")
            yield Label("escape close", classes="dialog-keys")
