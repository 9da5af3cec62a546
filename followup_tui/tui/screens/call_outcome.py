"""How did the call go? Reached, voicemail and an email instead count as done; no answer tries again
the next business day."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from followup_tui.store.commands import CallOutcome
from followup_tui.text import title_part

CHOICES = (
    (CallOutcome.REACHED, "r", "Reached them", "done"),
    (CallOutcome.VOICEMAIL, "v", "Left a voicemail", "done: a voicemail counts"),
    (CallOutcome.NO_ANSWER, "n", "No answer", "stays open, due the next business day"),
    (CallOutcome.EMAILED, "e", "Emailed instead", "done: no answer by phone, so you wrote (o sends it)"),
)


class CallOutcomeScreen(ModalScreen[CallOutcome | None]):
    """Four outcomes; r, v, n or e answer at once, escape cancels."""

    BINDINGS = [
        Binding("r", "choose('reached')", "Reached"),
        Binding("v", "choose('voicemail')", "Voicemail"),
        Binding("n", "choose('no_answer')", "No answer"),
        Binding("e", "choose('emailed')", "Emailed instead"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, who: str) -> None:
        super().__init__()
        self.who = who

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog status"):
            yield Label(
                Content.assemble("How did the call to ", (title_part(self.who) or "them", "bold"), " go?"),
                classes="dialog-title",
            )
            yield OptionList(
                *(
                    Option(
                        Content.assemble((f"{key}  ", "bold $accent"), (text, "bold"), f"  {hint}"), id=outcome.value
                    )
                    for outcome, key, text, hint in CHOICES
                )
            )
            yield Label("r / v / n / e or enter · escape cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 1

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:  # every option is made with an outcome as its id
            self.dismiss(CallOutcome(event.option.id))

    def action_choose(self, outcome: str) -> None:
        """Answer with a key."""
        self.dismiss(CallOutcome(outcome))

    def action_cancel(self) -> None:
        """Leave the call as it was."""
        self.dismiss(None)
