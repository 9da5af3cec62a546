"""Every key of the main screen, read from its bindings so the list cannot go stale."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from followup_tui.tui.widgets.hanging import Hanging, under_the_second_column


class HelpScreen(ModalScreen[None]):
    """The key reference; escape, ? or q closes it."""

    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close")]

    def __init__(self, sections: list[tuple[str, list[tuple[str, str]]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            yield Label("Keys", classes="dialog-title")
            with VerticalScroll():
                for title, rows in self.sections:
                    parts: list = [(title, "bold $accent"), "\n"]
                    for keys, text in rows:
                        parts.extend([(f"  {keys:<16}", "bold"), text, "\n"])
                    yield Static(Hanging(Content.assemble(*parts), under_the_second_column))
            yield Label("escape close · ctrl+p finds any action by name", classes="dialog-keys")
