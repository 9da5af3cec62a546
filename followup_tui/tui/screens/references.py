"""The heads-up to each reference (the method: they may get a call), and who was told."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea

from followup_tui import clock
from followup_tui.kinds import Kind, State
from followup_tui.store import references
from followup_tui.store.errors import StoreError
from followup_tui.text import clean, title_part
from followup_tui.tui.mailing import send_email
from followup_tui.writing.drafts import DraftContext
from followup_tui.writing.profile import Reference


class ReferencesScreen(ModalScreen[bool]):
    """A heads-up for each reference; ctrl+t records the one being edited as told. Dismisses True
    when someone was recorded as told."""

    BINDINGS = [
        Binding("ctrl+t", "told", "Told", tooltip="Record this reference as told today"),
        Binding("ctrl+g", "mail", "Mail", tooltip="Send this heads-up from your mail program"),
        Binding("f2", "copy", "Copy", tooltip="Copy this heads-up to the clipboard"),
        Binding("escape", "close", "Close"),
    ]
    AUTO_FOCUS = ".heads-up"  # the first heads-up: ctrl+t then records its reference

    def __init__(self, action_id: int, letters_dir: Path) -> None:
        super().__init__()
        self.action_id = action_id
        self.letters_dir = letters_dir
        self.data = references.heads_ups(action_id)
        self.changed = False

    def compose(self) -> ComposeResult:
        data = self.data
        with Vertical(classes="dialog help"):
            yield Label(
                Content.assemble("Alert your references: ", (title_part(data.company), "bold"), " may call them"),
                classes="dialog-title",
            )
            # Not focusable itself: tab goes from one heads-up to the next (the drafts scroll it into view).
            with VerticalScroll(can_focus=False):
                for index, (reference, text) in enumerate(data.drafts):
                    yield Label(self._heading(reference), id=f"heads-up-name-{index}", classes="heads-up-name")
                    yield TextArea(
                        clean(text), id=f"heads-up-{index}", classes="heads-up", soft_wrap=True, tab_behavior="focus"
                    )
            yield Label(
                "ctrl+t told (today) · ctrl+g mail · f2 copy · tab next reference · escape close",
                classes="dialog-keys",
            )

    def _heading(self, reference: Reference) -> Content:
        told = self.data.told_on(reference)
        reach = reference.email or reference.phone
        return Content.assemble(
            (title_part(reference.name), "bold"),
            f" · {title_part(reference.relationship)}" if reference.relationship else "",
            (f"  {title_part(reach, 40)}", "$accent") if reach else "",
            (f"  told {told}", "$success") if told else ("  not told yet", "$warning"),
        )

    def _current(self) -> tuple[int, Reference, TextArea] | None:
        """The reference whose heads-up has focus (else the first not yet told)."""
        focused = self.focused
        if isinstance(focused, TextArea) and (focused.id or "").startswith("heads-up-"):
            index = int((focused.id or "").rsplit("-", 1)[1])
        else:
            left = [i for i, (r, _) in enumerate(self.data.drafts) if not self.data.told_on(r)]
            if not left:
                return None
            index = left[0]
        return index, self.data.drafts[index][0], self.query_one(f"#heads-up-{index}", TextArea)

    def action_told(self) -> None:
        """Record the reference being edited as told today; the item is done once everyone was."""
        current = self._current()
        if current is None:
            self.notify("Every reference was told already.")
            return
        index, reference, _ = current
        try:
            references.tell(self.action_id, reference, clock.today())
            self.data = references.heads_ups(self.action_id)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.changed = True
        self.query_one(f"#heads-up-name-{index}", Label).update(self._heading(reference))
        if self.data.state is State.DONE:
            self.notify("Every reference has been told: the item is done.")
        else:
            self.notify(f"{reference.name} told.", markup=False)

    def action_mail(self) -> None:
        """Hand the heads-up to the mail program (else an .eml file or the clipboard)."""
        current = self._current()
        if current is None:
            return
        _, reference, area = current
        if not reference.email:
            self.notify(f"No email for {reference.name} in your profile (p); f2 copies the text.", markup=False)
            return
        context = DraftContext(
            kind=Kind.REFERENCES,
            name=reference.name,
            title="",
            company=self.data.company,
            role=self.data.role,
            interview_day=self.data.interview_day,
            topic="",
            profile=self.data.profile,
            email=reference.email,
        )
        send_email(self.app, context, area.text, self.letters_dir)

    def action_copy(self) -> None:
        """Copy the heads-up being edited."""
        current = self._current()
        if current is not None:
            self.app.copy_to_clipboard(current[2].text)
            self.notify(f"Copied the heads-up to {current[1].name}.", markup=False)

    def action_close(self) -> None:
        """Close (the drafts are not kept: each opening drafts them afresh from the template)."""
        self.dismiss(self.changed)
