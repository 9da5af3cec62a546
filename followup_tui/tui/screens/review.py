"""The daily review: whom to follow up with today, and how, across every active interview."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from followup_tui import clock
from followup_tui.inputs import ActionSnapshot
from followup_tui.kinds import Kind, State
from followup_tui.review import (
    DEFAULT_DAYS,
    EMAIL_KINDS,
    KEEP_HUNTING,
    LETTER_KINDS,
    ReviewItem,
    needs_keep_hunting,
    summarise,
)
from followup_tui.store import commands, queries, writing_notes
from followup_tui.store.database import change_stamp
from followup_tui.store.errors import StoreError
from followup_tui.text import clean_text
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.keys import Section, binding_rows
from followup_tui.tui.mailing import send_email
from followup_tui.tui.screens.call_outcome import CallOutcomeScreen
from followup_tui.tui.screens.help import HelpScreen
from followup_tui.tui.screens.small_forms import DayForm, DropForm, NoteForm
from followup_tui.tui.widgets.footer import KeyFooter
from followup_tui.tui.widgets.review_list import ReviewList
from followup_tui.tui.writer import letters_dir, open_writer
from followup_tui.wording import no_address_question


class ReviewScreen(Screen[tuple[int, int, int | None] | None]):
    """Overdue, today and the next seven days; act on each item without leaving the screen.
    Its result: the interview, action and person that enter opened, or None for back."""

    app = getters.app(FollowupApp)  # typed: the app's shared review_data

    BINDINGS = [
        Binding("space", "done", "Done", tooltip="Mark done (a call asks how it went)"),
        Binding("z", "snooze", "Snooze", tooltip="Snooze to the next business day"),
        Binding("r", "reschedule", "Move", tooltip="Reschedule to a date you type"),
        Binding("enter", "open_interview", "Open", tooltip="Open the interview on the main screen"),
        Binding("o", "mail", "Mail", tooltip="Send the item's draft from your mail program"),
        Binding("y", "copy", "Copy", tooltip="Copy the email address or phone number"),
        Binding("n", "note", "Note", tooltip="Add or edit a note on the item"),
        Binding("w", "write", "Write", tooltip="Write the note, letter or call script"),
        Binding("x", "drop", "Drop", tooltip="Drop a postal letter, with a reason (kept in its note)"),
        Binding("u", "undo", "Undo", tooltip="Undo the last done, snooze, reschedule, drop or note"),
        Binding("t,escape", "back", "Back", tooltip="Back to the interviews"),
        Binding("question_mark", "help", "Help", key_display="?", tooltip="Show every key"),
        Binding("q", "app.quit", "Quit", tooltip="Quit followup"),
    ]
    # What the footer keeps when not every key fits (80 columns): the rest are in ? and the palette.
    FOOTER_FIRST = ("done", "snooze", "write", "back", "help", "app.quit", "mail", "open_interview")

    def __init__(self, days: int = DEFAULT_DAYS) -> None:
        super().__init__()
        self.days = days
        self.items: dict[int, ReviewItem] = {}
        self.undo_stack: list[tuple[ActionSnapshot, str]] = []
        self._remind = False
        self._resumed_before = False
        self._summary_line: Content | None = None
        self._shown: tuple | None = None  # (database stamp, day) the list was read at

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="")
        yield Static(id="review-summary")
        yield ReviewList(id="review-list")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#review-list").border_title = "Daily review"
        self._remind = self._reminder_due()
        self.reload()
        self.query_one(ReviewList).focus()

    def on_screen_resume(self) -> None:
        """Shown again: what changed meanwhile (on the main screen, another copy) shows here."""
        if self._resumed_before:
            self.refresh_if_stale()
        self._resumed_before = True

    def refresh_if_stale(self) -> None:
        """Re-read unless the list already shows the database as it is now (the main screen calls this
        before switching here, so the switch paints the fresh list in its first frame)."""
        try:
            current = (change_stamp(), clock.today())
        except StoreError:
            current = None
        if current is None or current != self._shown:
            self.reload()

    def _reminder_due(self) -> bool:
        """The keep-hunting reminder shows at most once a day."""
        try:
            if not needs_keep_hunting(queries.active_interview_count()):
                return False
            today = clock.today()
            if queries.settings().keep_hunting_shown_on == today:
                return False
            commands.change_settings(lambda stored: replace(stored, keep_hunting_shown_on=today))
            return True
        except StoreError:
            return False

    @property
    def review_list(self) -> ReviewList:
        return self.query_one(ReviewList)

    @property
    def selected(self) -> ReviewItem | None:
        """The highlighted item."""
        ident = self.review_list.selected_id
        return self.items.get(ident) if ident is not None else None

    def reload(self, keep: int | None = None) -> None:
        """Re-read the review and the summary line."""
        today = clock.today()
        try:
            snapshot = self.app.review_data.current(today, self.days)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        items = snapshot.items
        self._shown = (snapshot.stamp, today)
        self.items = {item.id: item for item in items}
        summary = summarise(items, today, snapshot.active)
        parts: list = [(summary.line(), "bold")]
        if self.undo_stack:
            parts.extend(["   ", (f"u undoes: {self.undo_stack[-1][1]}", "$text-muted")])
        if self._remind:
            parts.extend(["\n", (KEEP_HUNTING, "$success")])
        summary_line = Content.assemble(*parts)
        if summary_line != self._summary_line:  # an update re-lays-out the screen: only when it changed
            self._summary_line = summary_line
            self.query_one("#review-summary", Static).update(summary_line)
        self.review_list.show(items, today, self.days, keep if keep is not None else self.review_list.selected_id)
        self.refresh_bindings()  # Undo, Done... follow what can be done now (the footer redraws only on a change)

    def _act(self, change: Callable[[], ActionSnapshot], what: str, keep: int | None = None) -> None:
        """Run a change, remember how to undo it, and refresh."""
        try:
            snapshot = change()
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.undo_stack.append((snapshot, what))
        self.reload(keep=keep)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("done", "snooze", "reschedule", "open_interview", "mail", "copy", "note", "write"):
            return True if self.selected is not None else None
        if action == "drop":
            item = self.selected
            return True if item is not None and item.kind is Kind.LETTER and item.state is State.OPEN else None
        if action == "undo":
            return True if self.undo_stack else None
        return True

    def action_done(self) -> None:
        """Mark the item done; a call asks how it went first. Done items can be undone with u."""
        item = self.selected
        if item is None:
            return
        if item.state is State.DONE:
            self.notify("Already done today; u undoes it.")
            return
        today = clock.today()
        if item.kind in LETTER_KINDS and not item.address.strip():
            from followup_tui.tui.screens.confirm import ConfirmScreen

            def posted(yes: bool | None) -> None:
                if yes:
                    self._act(lambda: commands.complete(item.id, today), f"{item.what} done", keep=item.id)

            self.app.push_screen(ConfirmScreen(Content(no_address_question(item.person)), "Posted"), posted)
            return
        if not item.is_call:
            self._act(lambda: commands.complete(item.id, today), f"{item.what} done", keep=item.id)
            return

        def answered(outcome) -> None:
            if outcome is not None:
                self._act(lambda: commands.complete(item.id, today, outcome), f"call {outcome.value}", keep=item.id)

        self.app.push_screen(CallOutcomeScreen(item.person), answered)

    def action_snooze(self) -> None:
        """Move the item to the next business day."""
        item = self.selected
        if item is not None and item.state is State.OPEN:
            self._act(lambda: commands.snooze(item.id, clock.today()), f"snooze {item.what}", keep=item.id)

    def action_reschedule(self) -> None:
        """Ask for a new date."""
        item = self.selected
        if item is None or item.state is not State.OPEN:
            return

        def chosen(day) -> None:
            if day is not None:
                self._act(
                    lambda: commands.reschedule(item.id, day, clock.today()), f"reschedule {item.what}", keep=item.id
                )

        self.app.push_screen(DayForm(item.what, item.due), chosen)

    def action_drop(self) -> None:
        """Drop the highlighted postal letter with a reason; it leaves the review (u brings it back)."""
        item = self.selected
        if item is None or item.kind is not Kind.LETTER or item.state is not State.OPEN:
            self.notify("Only a postal letter can be dropped; a thank-you is never skipped.", markup=False)
            return

        def given(reason: str | None) -> None:
            if reason:
                self._act(
                    lambda: commands.drop_letter(item.id, reason, clock.today()), f"drop {item.what} to {item.person}"
                )

        self.app.push_screen(DropForm(item.label), given)

    def action_note(self) -> None:
        """Add or edit the item's note."""
        item = self.selected
        if item is None:
            return

        def saved(note) -> None:
            if note is not None:
                self._act(lambda: commands.set_note(item.id, note), "note", keep=item.id)

        self.app.push_screen(NoteForm(item.note), saved)

    def action_write(self) -> None:
        """Open the draft or the call script of the highlighted item."""
        item = self.selected
        if item is not None:
            open_writer(self.app, item.id, item.kind, lambda: self.reload(keep=item.id))

    def action_undo(self) -> None:
        """Undo the last change made on this screen (several steps)."""
        if not self.undo_stack:
            self.notify("Nothing to undo.")
            return
        snapshot, what = self.undo_stack.pop()
        try:
            commands.restore(snapshot, clock.today())
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.notify(f"Undone: {what}", markup=False)
        self.reload(keep=snapshot.id)

    def action_open_interview(self) -> None:
        """Show the item's interview on the main screen, with the person and item selected."""
        item = self.selected
        if item is not None:
            self.dismiss((item.interview_id, item.id, item.person_id))

    def action_back(self) -> None:
        """Back to the interviews."""
        self.dismiss(None)

    def action_mail(self) -> None:
        """Send the item's saved draft (else its template, filled in) from the mail program."""
        item = self.selected
        if item is None:
            return
        if not item.email:
            self.notify(
                f"No email on file for {item.person or 'this item'}; add it with c/e on the main screen.",
                severity="warning",
                markup=False,
            )
            return
        try:
            context, text = writing_notes.email_draft(item.id, clock.today())
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        if item.kind not in EMAIL_KINDS:
            self.notify("This one is not an email, but here is an email anyway.", markup=False)
        send_email(self.app, context, text, letters_dir(self.app))

    def action_copy(self) -> None:
        """Copy the email address or phone number the item needs."""
        item = self.selected
        if item is None:
            return
        if item.kind in LETTER_KINDS:
            value = item.address
        else:
            value = item.contact or item.phone or item.email
        if not value:
            self.notify(item.missing or "Nothing to copy for this item.", severity="warning", markup=False)
            return
        self.app.copy_to_clipboard(clean_text(value))
        self.notify(f"Copied {value}", markup=False)

    def action_help(self) -> None:
        """Show every key of this screen."""
        self.app.push_screen(HelpScreen(self.help_sections()))

    def help_sections(self) -> list[Section]:
        """The key reference, from this screen's bindings."""
        return [
            ("Daily review", binding_rows(self.app, self.BINDINGS)),
            ("Moving around", [("j k ↑ ↓", "Move between items"), ("ctrl+p", "Command palette")]),
        ]
