"""No mail program took the email: save it as an .eml file, or copy it, instead."""

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

EML, COPY = "eml", "copy"
CHOICES = (
    (EML, "e", "Save it as an .eml file", "your mail program opens it as a message ready to send"),
    (COPY, "c", "Copy it to the clipboard", "paste it into webmail; the address and subject are shown"),
)


class MailFallbackScreen(ModalScreen[str | None]):
    """Says that nothing took the mailto: link and offers the two other ways; e, c or escape."""

    BINDINGS = [
        Binding("e", "choose('eml')", "Save .eml"),
        Binding("c", "choose('copy')", "Copy"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, to: str) -> None:
        super().__init__()
        self.message = Content.assemble(
            "No mail program on this computer took the email to ", (title_part(to), "bold"), "."
        )

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog status"):
            yield Label(self.message, classes="dialog-title")
            yield OptionList(
                *(
                    Option(Content.assemble((f"{key}  ", "bold $accent"), (text, "bold"), f"  {hint}"), id=choice)
                    for choice, key, text, hint in CHOICES
                )
            )
            yield Label("e / c or enter · escape cancel", classes="dialog-keys")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_choose(self, choice: str) -> None:
        """Answer with a key."""
        self.dismiss(choice)

    def action_cancel(self) -> None:
        """Send nothing."""
        self.dismiss(None)
