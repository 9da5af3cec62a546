"""A contact card changed on the server and here since they last agreed: the app asks which to keep,
for every such card at once (as `followup sync --prefer server|local` does), or leaves them for later."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from followup_tui.sync.report import Conflict
from followup_tui.text import clean_line


def _shown(value: str) -> str:
    return clean_line(value) if value else "—"


class SyncConflictScreen(ModalScreen[str | None]):
    """s takes the server's values, l keeps this side's, escape leaves them (asked again next sync)."""

    BINDINGS = [
        Binding("s", "answer('server')", "Take the server's"),
        Binding("l", "answer('local')", "Keep this one's"),
        Binding("escape", "answer(None)", "Leave them"),
    ]

    def __init__(self, conflicts: list[Conflict]) -> None:
        super().__init__()
        self.conflicts = conflicts

    def compose(self) -> ComposeResult:
        people = len({c.what for c in self.conflicts})
        title = f"Changed on your phone and here since the last sync ({people} {'card' if people == 1 else 'cards'})"
        lines: list[str | tuple[str, str]] = [(title, "bold"), "\n"]
        for c in self.conflicts:
            lines.extend(
                [
                    "\n",
                    (f"{clean_line(c.what)}, {c.field.replace('_', ' ')}", "bold"),
                    ("\n  here:          ", "$text-muted"),
                    (_shown(c.here), "$accent"),
                    ("\n  on the server: ", "$text-muted"),
                    (_shown(c.there), "$warning"),
                ]
            )
        with Vertical(classes="dialog confirm"):
            with VerticalScroll(classes="question"):
                yield Static(Content.assemble(*lines))
            with Horizontal(classes="buttons"):
                yield Button("Take the server's (s)", variant="primary", id="server")
                yield Button("Keep this one's (l)", id="local")
                yield Button("Later (esc)", id="leave")

    def on_mount(self) -> None:
        self.query_one("#server", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "leave" else event.button.id)

    def action_answer(self, answer: str | None) -> None:
        """Close with the choice (None: leave them as they are)."""
        self.dismiss(answer)
