"""A card that matches a stored contact: link the existing contact, or keep them apart."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from followup_tui.records import PersonCard


class DuplicateScreen(ModalScreen[str | None]):
    """l links the existing contact (the default), n adds a new one, escape goes back."""

    BINDINGS = [
        Binding("l", "answer('link')", "Link existing"),
        Binding("n", "answer('new')", "New contact"),
        Binding("escape", "answer(None)", "Back"),
    ]

    def __init__(self, existing: PersonCard, typed_name: str) -> None:
        super().__init__()
        self.existing = existing
        self.typed_name = typed_name

    def compose(self) -> ComposeResult:
        e = self.existing
        where = " · ".join(p for p in (e.title, e.company) if p)
        same = e.email or e.phone or e.mobile
        question = Content.assemble(
            (self.typed_name, "bold"),
            " has the same email or phone as a contact you already have:\n\n  ",
            (e.name, "bold"),
            f" ({where})\n  " if where else "\n  ",
            (same, "$accent"),
            "\n\nLink the existing contact to this interview (the card is shared and updated with what you "
            "typed), or keep them as a separate contact?",
        )
        with Vertical(classes="dialog confirm"):
            yield Static(question, classes="question")
            with Horizontal(classes="buttons"):
                yield Button("Link existing (l)", variant="primary", id="link")
                yield Button("New contact (n)", id="new")
                yield Button("Back (esc)", id="back")

    def on_mount(self) -> None:
        self.query_one("#link", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "back" else event.button.id)

    def action_answer(self, answer: str | None) -> None:
        """Close with the choice."""
        self.dismiss(answer)
