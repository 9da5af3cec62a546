"""Edit the templates drafts start from."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from followup_tui.tui.screens.form import FormScreen
from followup_tui.writing.drafts import PLACEHOLDERS, TEMPLATES, template_problems


class TemplateList(ModalScreen[str | None]):
    """The shipped templates; enter edits one."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Close")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog status"):
            yield Label("Templates", classes="dialog-title")
            yield OptionList(*(Option(Content(title), id=name) for name, (title, _) in TEMPLATES.items()))
            yield Label("enter edit · escape close", classes="dialog-keys")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class TemplateForm(FormScreen[str]):
    """One template's text with named placeholders; ctrl+r restores the shipped text."""

    BINDINGS = [*FormScreen.BINDINGS, Binding("ctrl+r", "restore", "Shipped text")]
    RESTORE = "\x00restore"

    def __init__(self, name: str, text: str) -> None:
        super().__init__()
        self.name_key = name
        self.text = text
        self.TITLE_TEXT = f"Template: {TEMPLATES[name][0]}"

    def compose_fields(self) -> ComposeResult:
        yield from self.area("Text", "template", self.text)

    def on_mount(self) -> None:
        self.say(
            "template",
            "Placeholders: "
            + " ".join(f"{{{p}}}" for p in PLACEHOLDERS)
            + ". An empty one stays visible in the draft. ctrl+r restores the shipped text.",
        )

    def collect(self) -> str | None:
        text = self.value("template")
        problems = template_problems(text)
        if problems:
            self.say("template", "; ".join(problems), error=True)
            return None
        return text

    def action_restore(self) -> None:
        """Go back to the text the app ships."""
        self.dismiss(self.RESTORE)
