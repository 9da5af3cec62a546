"""Choose an interview's status."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from followup_tui.kinds import Status
from followup_tui.text import title_part

HELP = {
    Status.ACTIVE: "still in the running: the follow-up plan runs",
    Status.OFFER: "you have an offer: open items pause",
    Status.ACCEPTED: "you took the job",
    Status.REJECTED: "they said no",
    Status.FILLED: "the job went to someone else",
    Status.WITHDRAWN: "you stepped back",
}


class StatusScreen(ModalScreen[Status | None]):
    """A list of the statuses; enter picks one, escape keeps the current one."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: Status, company: str) -> None:
        super().__init__()
        self.current = current
        self.company = company

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog status"):
            yield Label(Content.assemble("Status of ", (title_part(self.company), "bold")), classes="dialog-title")
            yield OptionList(
                *(Option(Content.assemble((s.label, "bold"), f"  {HELP[s]}"), id=s.value) for s in Status),
                id="statuses",
            )
            yield Label("enter choose · escape cancel · leaving active pauses open items", classes="dialog-keys")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = list(Status).index(self.current)
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:  # every option is made with a status as its id
            self.dismiss(Status(event.option.id))

    def action_cancel(self) -> None:
        """Keep the current status."""
        self.dismiss(None)
