"""Spelling suggestions for one word; a adds it to the personal word list."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from followup_tui.text import title_part
from followup_tui.writing.checks import suggestions


class SuggestScreen(ModalScreen[str | None]):
    """Pick a correction with enter; a adds the word as it is; escape leaves it."""

    ADD = "\x00add"
    BINDINGS = [Binding("a", "add", "Add to word list"), Binding("escape", "cancel", "Cancel")]

    def __init__(self, word: str) -> None:
        super().__init__()
        self.word = word

    def compose(self) -> ComposeResult:
        options = [Option(Content(s), id=s) for s in suggestions(self.word)]
        with Vertical(classes="dialog status"):
            yield Label(
                Content.assemble("Spelling: ", (title_part(self.word), "bold $warning")), classes="dialog-title"
            )
            if options:
                yield OptionList(*options)
            else:
                yield Label("No suggestions.", classes="dialog-keys")
            yield Label("enter replace · a add to my word list · escape leave it", classes="dialog-keys")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_add(self) -> None:
        """Accept the word from now on."""
        self.dismiss(self.ADD)

    def action_cancel(self) -> None:
        """Leave the word."""
        self.dismiss(None)
