"""A call script and a voicemail script for a follow-up call, and its outcome keys."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from followup_tui import clock
from followup_tui.store.commands import CallOutcome
from followup_tui.text import clean_shown, title_part
from followup_tui.writing.drafts import DraftContext, call_scripts


class CallScriptScreen(ModalScreen[CallOutcome | None]):
    """What to say, live and on voicemail; r, v or n record how it went, escape closes."""

    BINDINGS = [
        Binding("r", "outcome('reached')", "Reached"),
        Binding("v", "outcome('voicemail')", "Voicemail"),
        Binding("n", "outcome('no_answer')", "No answer"),
        Binding("escape", "outcome(None)", "Close"),
    ]

    def __init__(self, context: DraftContext, phone: str) -> None:
        super().__init__()
        self.context = context
        self.phone = phone

    def compose(self) -> ComposeResult:
        call, voicemail = call_scripts(self.context, clock.today())
        with Vertical(classes="dialog help"):
            yield Label(
                Content.assemble(
                    "Call ",
                    (title_part(self.context.name) or "the lead interviewer", "bold"),
                    "  ",
                    (title_part(self.phone, 30) or "no phone on file", "$accent"),
                ),
                classes="dialog-title",
            )
            with VerticalScroll():
                yield Static(
                    Content.assemble(
                        ("If they answer\n", "bold $accent"),
                        clean_shown(call),
                        "\n\n",
                        ("If you reach voicemail\n", "bold $accent"),
                        clean_shown(voicemail),
                    )
                )
            yield Label(
                "r reached · v left a voicemail (both count as done) · n no answer · escape close",
                classes="dialog-keys",
            )

    def action_outcome(self, outcome: str | None) -> None:
        """Close with the call's outcome, if any."""
        self.dismiss(CallOutcome(outcome) if outcome else None)
