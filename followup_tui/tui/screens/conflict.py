"""A record changed in another window while you edited it: keep theirs, or overwrite with yours."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from followup_tui.store.commands import Conflict
from followup_tui.text import clean_line


def _shown(value) -> str:
    return clean_line(str(value)) if value not in (None, "") else "—"


class ConflictScreen(ModalScreen[str | None]):
    """k keeps what the other window saved (the default), o overwrites it with what you typed."""

    BINDINGS = [
        Binding("k,escape", "answer('keep')", "Keep theirs"),
        Binding("o", "answer('overwrite')", "Overwrite with mine"),
    ]

    def __init__(self, conflict: Conflict, mine) -> None:
        super().__init__()
        self.conflict = conflict
        self.mine = mine

    def compose(self) -> ComposeResult:
        parts: list = [(str(self.conflict), "bold"), "\n"]
        for name in self.conflict.changed:
            parts.extend(
                [
                    "\n",
                    (f"{name.replace('_', ' ')}: ", "$text-muted"),
                    ("now ", "$text-muted"),
                    (_shown(getattr(self.conflict.current, name)), "$accent"),
                ]
            )
            if hasattr(self.mine, name):
                parts.extend([("   yours ", "$text-muted"), (_shown(getattr(self.mine, name)), "$warning")])
        with Vertical(classes="dialog confirm"):
            yield Static(Content.assemble(*parts), classes="question")
            with Horizontal(classes="buttons"):
                yield Button("Keep theirs (k)", variant="primary", id="keep")
                yield Button("Overwrite with mine (o)", variant="error", id="overwrite")

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_answer(self, answer: str) -> None:
        """Close with the choice."""
        self.dismiss(answer)
