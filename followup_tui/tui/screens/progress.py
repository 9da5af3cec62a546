"""A progress bar for long exports and imports, fed from a worker thread."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, ProgressBar

from followup_tui.text import title_part


class ProgressScreen(ModalScreen[None]):
    """Shows how far a job has got; the job closes it when done."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog status"):
            yield Label(Content(title_part(self.title_text, 120)), classes="dialog-title")
            yield ProgressBar(total=None, show_eta=False)

    def advance(self, done: int, total: int) -> None:
        """Called (on the UI thread) with the records done so far."""
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
