"""The main screen: interviews, the interviewer card and the checklist of next actions."""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Input, Static

from followup_tui import clock
from followup_tui.kinds import Kind, State, Status
from followup_tui.records import InterviewDetail, InterviewRow
from followup_tui.store import queries
from followup_tui.store.database import change_stamp
from followup_tui.store.errors import StoreError
from followup_tui.text import clean_line
from followup_tui.tui.keys import Section, binding_rows
from followup_tui.tui.screens.main_data import RESULT, DataJobs
from followup_tui.tui.widgets.checklist import Checklist
from followup_tui.tui.widgets.filter_box import FilterBox
from followup_tui.tui.widgets.footer import KeyFooter
from followup_tui.tui.widgets.interview_list import InterviewList, ListHeader
from followup_tui.tui.widgets.person_card import PersonCardView
from followup_tui.wording import status_note

# Writes load peewee and the writing checks; a start-up that only reads does not need them yet.

if TYPE_CHECKING:  # the forms themselves load when first opened
    from followup_tui.tui.screens.action_form import ActionInput

EMPTY_STATE = (
    "No interviews yet.\n\n"
    "Press a to add the interview you just had; then c to capture each interviewer's business card.\n\n"
    "The checklist fills itself from the follow-up method: a thank-you to each person, "
    "a call in 5 to 7 days, a letter by post, then a weekly follow-up until the job is filled."
)
POLL_SECONDS = 2.0
READ_AHEAD_SECONDS = 0.015
FIRST_PAGE = 60  # rows read before the first paint


def _raise(error: Exception) -> None:
    raise error


class MainScreen(DataJobs, Screen):
    """Three panes; every key is in help (?) and the command palette, the everyday ones in the footer."""

    BINDINGS = [
        Binding("a", "add_interview", "Add", tooltip="Add an interview"),
        Binding("c", "capture", "Card", tooltip="Capture a person's business card for this interview"),
        Binding("e", "edit", "Edit", tooltip="Edit what has focus (interview, card or action)"),
        Binding("s", "status", "Status", tooltip="Set the interview's status"),
        Binding("n", "new_action", "To-do", tooltip="Add an action of your own"),
        Binding("space", "tick", "Tick", tooltip="Tick or untick the selected action"),
        Binding("w", "write", "Write", tooltip="Write the note, letter or call script for the selected action"),
        Binding("h", "history", "History", show=False, tooltip="What was sent, said and noted to this person"),
        Binding("p", "profile", "Profile", show=False, tooltip="Your profile: name, address, signature, strengths"),
        Binding("m", "templates", "Templates", show=False, tooltip="Edit the templates drafts start from"),
        Binding(
            "plus,equals_sign",
            "shift_due(1)",
            "Later",
            key_display="+",
            show=False,
            tooltip="Move the action a day later",
        ),
        Binding(
            "minus", "shift_due(-1)", "Sooner", key_display="-", show=False, tooltip="Move the action a day earlier"
        ),
        Binding("d", "delete", "Delete", tooltip="Delete what has focus (asks first)"),
        # priority: handled the moment it arrives, so the letters typed straight after it (already
        # on their way) find the filter box focused rather than the list's keys (e edits, d deletes).
        Binding(
            "slash",
            "filter",
            "Filter",
            key_display="/",
            tooltip="Filter interviews by company, role or name",
            priority=True,
        ),
        Binding(
            "left_square_bracket",
            "person(-1)",
            "Prev person",
            show=False,
            key_display="[",
            tooltip="Previous person met at this interview",
        ),
        Binding(
            "right_square_bracket",
            "person(1)",
            "Next person",
            show=False,
            key_display="]",
            tooltip="Next person met at this interview",
        ),
        Binding(
            "i", "import", "Import", show=False, tooltip="Import business cards (.vcf) or a followup export (.json)"
        ),
        Binding(
            "x",
            "export",
            "Export",
            show=False,
            tooltip="Export: contacts (.vcf), everything (.json), interviews (.csv), follow-ups (.ics)",
        ),
        Binding("t", "review", "Today", tooltip="Daily review: today's follow-ups across every interview"),
        Binding(
            "comma",
            "settings",
            "Settings",
            show=False,
            key_display=",",
            tooltip="Settings: phone region, and the screen to open on",
        ),
        Binding("question_mark", "help", "Help", key_display="?", tooltip="Show every key"),
        Binding("q", "app.quit", "Quit", tooltip="Quit followup"),
    ]
    # What the footer keeps when not every key fits (80 columns): the rest are in ? and the palette.
    FOOTER_FIRST = ("filter", "review", "help", "app.quit", "tick", "write", "add_interview", "capture")

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[InterviewRow] = []
        self.detail: InterviewDetail | None = None
        self._seen_stamp: tuple[int, int] | None = None  # the database state the panes show
        self._warm_timer = None
        self._ahead: dict[int, tuple] = {}  # interview id -> (stamp, day, detail, histories), see _read_ahead
        self._ahead_timer = None
        self._resumed_before = False
        self._reloading = False  # reload loads the detail itself, with what it was asked to keep

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="")
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                yield FilterBox(placeholder="filter: company, role or interviewer (escape clears)", id="filter")
                with Vertical(id="list-box"):
                    yield ListHeader(id="list-header")
                    yield InterviewList(id="interviews")
                yield Static(Content(EMPTY_STATE), id="empty")
            with Vertical(id="right"):
                yield PersonCardView(id="card")
                yield Checklist(id="checklist")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#list-box").border_title = "Interviews"
        self.query_one("#card").border_title = "Interviewer card"
        self.query_one("#checklist").border_title = "Next actions"
        self.query_one("#filter").display = False
        self.interview_list.moved.subscribe(self, self._interview_moved, immediate=True)
        self.query_one(FilterBox).edited.subscribe(self, self._filter_changed, immediate=True)
        self.reload(first_page=True)
        self.query_one(InterviewList).focus()
        self.set_interval(POLL_SECONDS, self._poll_other_copies)
        if self._opens_on_review():
            self.action_review()

    def _opens_on_review(self) -> bool:
        """The review opens first when something is due today or overdue, unless a setting says otherwise."""
        try:
            start = queries.settings().start_screen
            if start != "auto":
                return start == "review"
            return queries.anything_due(clock.today())
        except StoreError:
            return False

    # ---- loading -------------------------------------------------------------------------------

    @property
    def interview_list(self) -> InterviewList:
        return self.query_one(InterviewList)

    @property
    def card(self) -> PersonCardView:
        return self.query_one(PersonCardView)

    @property
    def checklist(self) -> Checklist:
        return self.query_one(Checklist)

    def reload(
        self,
        select: int | None = None,
        keep_action: int | None = None,
        keep_person: int | None = None,
        row_only: bool = False,
        first_page: bool = False,
    ) -> None:
        """Re-read the list and the selected interview; `select` picks an interview by id.

        `row_only` re-reads just the selected interview's row, which stays where it is (a tick does
        not make the row jump away from under the cursor; the order catches up on the next reload)."""
        current = self.interview_list.selected_id
        try:
            if row_only and current is not None and select in (None, current):
                fresh = queries.list_interviews([current])
                if fresh:
                    self.rows = [fresh[0] if row.id == current else row for row in self.rows]
                    self.interview_list.replace_row(fresh[0])
                    self.load_detail(keep_action=keep_action, keep_person=keep_person)
                    # This copy's own write is shown: the poll must not take it for another copy's
                    # and re-read 10,000 rows (a 100 ms stall two seconds after each tick).
                    self._seen_stamp = change_stamp()
                    self._warm_review_soon()
                    return
            if first_page:
                # Start-up paints the first screenful at once; the whole list follows from a worker,
                # so opening takes the same time with 10 interviews or 10,000.
                self.rows = queries.list_interviews(limit=FIRST_PAGE)
                if len(self.rows) == FIRST_PAGE:
                    # After the first paint (and a moment more), so the worker's 10,000 rows do not
                    # compete with the first frame for the GIL.
                    self.call_after_refresh(self.set_timer, 0.1, self._load_all_rows)
            else:
                self.rows = queries.list_interviews()
            self._seen_stamp = change_stamp()
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self._reloading = True
        try:
            self._show_rows(select if select is not None else current)
        finally:
            self._reloading = False
        self.load_detail(keep_action=keep_action, keep_person=keep_person)
        self._warm_review_soon()

    def _warm_review_soon(self) -> None:
        """Re-read the daily review in the background once things settle, so `t` opens it at once."""
        if self._warm_timer is not None:
            self._warm_timer.stop()
        self._warm_timer = self.set_timer(0.3, lambda: self.app.review_data.warm(clock.today()))

    @work(thread=True, exclusive=True, group="rows")
    def _load_all_rows(self) -> None:
        """Read the whole list off the UI thread, then show it in place of the first page."""
        from followup_tui.store.database import thread_connection

        try:
            with thread_connection():
                rows = queries.list_interviews()
        except StoreError:
            return
        for row in rows:
            _ = row.haystack  # folded here, off the UI thread, not on the first letter typed in the filter
        self.app.call_from_thread(self._all_rows_loaded, rows)

    def _all_rows_loaded(self, rows: list[InterviewRow]) -> None:
        self.rows = rows
        self._show_rows(self.interview_list.selected_id)
        self._warm_review_soon()
        # The rows live as long as the screen: move them (and everything else alive now) out of the
        # garbage collector's view. Otherwise each full collection walked 10,000 rows while a key
        # waited (30-40 ms, one key in twenty). They are still freed as usual when replaced.
        gc.freeze()

    def _show_rows(self, select: int | None) -> None:
        needle = self.query_one("#filter", Input).value.strip()
        rows = [r for r in self.rows if r.matches(needle)] if needle else self.rows
        self.interview_list.show(rows, clock.today(), select)
        box = self.query_one("#list-box")
        box.border_subtitle = f"{len(rows)} of {len(self.rows)}" if needle else str(len(self.rows))
        empty = not self.rows
        self.query_one("#empty").display = empty
        box.display = not empty

    def load_detail(self, keep_action: int | None = None, keep_person: int | None = None) -> None:
        """Show the highlighted interview's people and checklist."""
        ident = self.interview_list.selected_id
        if keep_person is None and self.card.current is not None:
            keep_person = self.card.current.meeting_id
        ahead = self._ahead.pop(ident, None) if ident is not None else None
        try:
            if ahead is not None and ahead[:2] == (change_stamp(), clock.today()):
                self.detail, histories = ahead[2], ahead[3]  # read while the user was reading
            else:
                self.detail = queries.interview_detail(ident) if ident is not None else None
                histories = None
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        detail = self.detail
        try:
            if histories is None:
                histories = queries.histories([p.contact_id for p in detail.people]) if detail else {}
            self.card.histories = histories
        except StoreError:
            self.card.histories = {}
        self.card.show(detail.people if detail else None, keep_person)
        self.checklist.show(detail, clock.today(), keep_action)
        if detail:
            open_count = sum(1 for a in detail.actions if a.state is State.OPEN)
            # A border title is markup unless it is Content: "Acme [/] Ltd" would crash the app.
            self.checklist.border_title = Content(f"Next actions · {clean_line(detail.company)}")
            self.checklist.border_subtitle = (
                f"{open_count} open" if detail.status is Status.ACTIVE else detail.status.label
            )
        else:
            self.checklist.border_title = "Next actions"
            self.checklist.border_subtitle = ""
        self.refresh_bindings()  # Tick and the due-date keys depend on the item shown (the footer redraws on a change)
        # A moment after the paint, so the first screen and each key's frame come first; well
        # inside the gap between two keys even when one is held down (about 30 a second).
        if self._ahead_timer is not None:
            self._ahead_timer.stop()
        self._ahead_timer = self.set_timer(READ_AHEAD_SECONDS, self._read_ahead)

    def _read_ahead(self) -> None:
        """Once the pane has painted: read and draw the interviews either side of the cursor, so the
        next j or k only has to show them (about a third of a move's time). Anything written since
        makes them stale (the change stamp), and they are read again then."""
        rows, cursor = self.interview_list.rows, self.interview_list.cursor
        try:
            stamp = change_stamp()
        except StoreError:
            return
        today = clock.today()
        for index in (cursor + 1, cursor - 1):
            if not 0 <= index < len(rows):
                continue
            ident = rows[index].id
            known = self._ahead.get(ident)
            if known is not None and known[:2] == (stamp, today):
                continue
            try:
                detail = queries.interview_detail(ident)
                if detail is None:
                    continue
                histories = queries.histories([p.contact_id for p in detail.people])
            except StoreError:
                return
            self._ahead[ident] = (stamp, today, detail, histories)
            self.checklist.prepare(detail, today)
            self.card.prepare(detail.people, histories)
        while len(self._ahead) > 6:
            self._ahead.pop(next(iter(self._ahead)))

    def _poll_other_copies(self) -> None:
        """Pick up what a second running copy wrote."""
        try:
            if change_stamp() != self._seen_stamp:
                self.reload()
        except StoreError:
            pass

    def _interview_moved(self, interview_id: int | None) -> None:
        """The list's cursor moved (called at once, in the same frame: see InterviewList.moved)."""
        if self._reloading or (self.detail is not None and self.detail.id == interview_id):
            return
        try:
            self.load_detail()
        except Exception as error:  # a signal logs and drops errors; fail as loudly as a handler would
            self.call_next(_raise, error)

    # ---- writing -------------------------------------------------------------------------------

    def write(self, change: Callable[[], object], **keep: object) -> bool:
        """Run one store command and reload; a failure is shown and nothing else happens.

        `keep` takes reload's select / keep_action / keep_person; RESULT there means the command's return value.
        """
        try:
            value = change()
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False, timeout=8)
            return False
        self.reload(**{name: value if wanted is RESULT else wanted for name, wanted in keep.items()})
        return True

    def write_checked(self, change: Callable[[object], object], opened_with: object, mine: object) -> None:
        """An edit that is refused if another window changed the record since the form opened; then the
        user chooses: keep theirs, or overwrite with mine."""
        from followup_tui.store import commands

        try:
            change(opened_with)
        except commands.Conflict as conflict:

            def chosen(answer: str | None) -> None:
                if answer == "overwrite":
                    self.write(lambda: change(None))
                else:
                    self.reload()
                    self.notify("Kept the version saved in the other window.")

            from followup_tui.tui.screens.conflict import ConflictScreen

            self.app.push_screen(ConflictScreen(conflict, mine), chosen)
            return
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False, timeout=8)
            return
        self.reload()

    def _focused_pane(self) -> str:
        focused = self.focused
        if isinstance(focused, PersonCardView):
            return "card"
        if isinstance(focused, Checklist):
            return "checklist"
        return "interviews"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Dim the keys that need something selected."""
        if action in ("capture", "status", "new_action") and self.detail is None:
            return None
        if action in ("tick", "shift_due") and self.checklist.selected_action_id is None:
            return None
        if action in ("edit", "delete") and self.detail is None:
            return None
        return True

    # ---- actions -------------------------------------------------------------------------------

    def action_add_interview(self) -> None:
        """Open the interview form."""

        def saved(data) -> None:
            from followup_tui.store import commands

            if data is not None:
                if self.write(lambda: commands.add_interview(data, clock.today()), select=RESULT):
                    self.notify(
                        f"Interview added. Press c to capture {data.company}'s interviewers' cards.", markup=False
                    )

        from followup_tui.tui.screens.interview_form import InterviewForm

        self.app.push_screen(InterviewForm(), saved)

    def action_capture(self) -> None:
        """Open the card form for the selected interview."""
        detail = self.detail
        if detail is None:
            self.notify("Add or select an interview first (a).", severity="warning")
            return

        def saved(data) -> None:
            if data is not None:
                self.save_person(detail, data)

        from followup_tui.tui.screens.person_form import PersonForm

        self.app.push_screen(PersonForm(company=detail.company, region=self.app.phone_region), saved)

    def action_edit(self) -> None:
        """Edit the focused pane's thing: the interview, the person shown, or the action."""
        detail = self.detail
        if detail is None:
            return
        pane = self._focused_pane()
        if pane == "card" and self.card.current is not None:
            person = self.card.current

            def saved_person(data) -> None:
                from followup_tui.store import commands

                if data is not None:
                    self.write_checked(
                        lambda expected: commands.update_person(person.meeting_id, data, clock.today(), expected),
                        person.as_input(),
                        data,
                    )

            from followup_tui.tui.screens.person_form import PersonForm

            self.app.push_screen(PersonForm(person.as_input(), region=self.app.phone_region), saved_person)
        elif pane == "checklist" and self.checklist.selected_action_id is not None:
            action = next(a for a in detail.actions if a.id == self.checklist.selected_action_id)

            def saved_action(data: ActionInput | None) -> None:
                from followup_tui.store import commands

                if data is not None:
                    title = data.title if action.kind is Kind.CUSTOM else None
                    self.write(
                        lambda: commands.update_action(action.id, data.due, data.note, title),
                        keep_action=action.id,
                        row_only=True,
                    )

            from followup_tui.tui.screens.action_form import ActionForm

            self.app.push_screen(ActionForm(detail.people, action), saved_action)
        else:

            def saved_interview(data) -> None:
                from followup_tui.store import commands

                if data is not None:
                    self.write_checked(
                        lambda expected: commands.update_interview(detail.id, data, clock.today(), expected),
                        detail.as_input(),
                        data,
                    )

            from followup_tui.tui.screens.interview_form import InterviewForm

            self.app.push_screen(InterviewForm(detail.as_input()), saved_interview)

    def action_status(self) -> None:
        """Choose the selected interview's status."""
        detail = self.detail
        if detail is None:
            return

        def chosen(status: Status | None) -> None:
            from followup_tui.store import commands

            if status is None or status is detail.status:
                return
            if self.write(lambda: commands.set_status(detail.id, status, clock.today())):
                note = status_note(status)
                self.notify(note or f"{detail.company}: {status.label}.", markup=False, timeout=10 if note else 4)

        from followup_tui.tui.screens.status import StatusScreen

        self.app.push_screen(StatusScreen(detail.status, detail.company), chosen)

    def action_new_action(self) -> None:
        """Add an action of the user's own to the selected interview."""
        detail = self.detail
        if detail is None:
            return

        def saved(data: ActionInput | None) -> None:
            from followup_tui.store import commands

            if data is not None:
                self.write(
                    lambda: commands.add_custom(
                        detail.id, data.title, data.due, data.person_id, data.note, clock.today()
                    ),
                    keep_action=RESULT,
                )

        from followup_tui.tui.screens.action_form import ActionForm

        self.app.push_screen(ActionForm(detail.people), saved)

    def action_tick(self) -> None:
        """Tick or untick the highlighted action; written at once."""
        from followup_tui.store import commands

        ident = self.checklist.selected_action_id
        if ident is None or self.detail is None:
            return
        action = next(a for a in self.detail.actions if a.id == ident)
        if action.state is State.CANCELLED:
            self.notify("This interview is closed, so its actions are paused. Set it back to active with s.")
            return
        self.write(
            lambda: commands.set_done(ident, action.state is State.OPEN, clock.today()),
            keep_action=ident,
            row_only=True,
        )

    def action_write(self) -> None:
        """Open the draft or call script of the highlighted action."""
        ident = self.checklist.selected_action_id
        if ident is None or self.detail is None:
            self.notify("Select an action in the checklist first (tab to it).", severity="warning")
            return
        action = next(a for a in self.detail.actions if a.id == ident)
        from followup_tui.tui.writer import open_writer

        open_writer(self.app, ident, action.kind, lambda: self.reload(keep_action=ident))

    def action_history(self) -> None:
        """Show the history of the person on the card."""
        person = self.card.current
        if person is None:
            self.notify("No person selected.", severity="warning")
            return
        try:
            entries = queries.histories([person.contact_id])[person.contact_id]
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        from followup_tui.tui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen(person.name, entries))

    def action_profile(self) -> None:
        """Edit your profile."""
        from followup_tui.store import writing_notes

        try:
            current = writing_notes.profile()
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return

        def saved(profile) -> None:
            from followup_tui.store import writing_notes

            if profile is not None and self.write(lambda: writing_notes.save_profile(profile)):
                self.notify("Profile saved: new drafts use it.")

        from followup_tui.tui.screens.profile_form import ProfileForm

        self.app.push_screen(ProfileForm(current), saved)

    def action_templates(self) -> None:
        """Pick a template to edit."""

        def picked(name: str | None) -> None:
            from followup_tui.store import writing_notes

            if name is None:
                return

            def saved(text: str | None) -> None:
                from followup_tui.store import writing_notes

                if text is None:
                    return
                from followup_tui.tui.screens.templates import TemplateForm

                restore = text == TemplateForm.RESTORE
                if self.write(lambda: writing_notes.save_template(name, None if restore else text)):
                    self.notify("Template restored." if restore else "Template saved: new drafts use it.")

            try:
                current = writing_notes.template(name)
            except StoreError as error:
                self.notify(str(error), severity="error", markup=False)
                return
            from followup_tui.tui.screens.templates import TemplateForm

            self.app.push_screen(TemplateForm(name, current), saved)

        from followup_tui.tui.screens.templates import TemplateList

        self.app.push_screen(TemplateList(), picked)

    def action_shift_due(self, days: int) -> None:
        """Move the highlighted action's due date by a day."""
        from followup_tui.store import commands

        ident = self.checklist.selected_action_id
        if ident is not None:
            self.write(lambda: commands.move_due(ident, days, clock.today()), keep_action=ident, row_only=True)

    def action_delete(self) -> None:
        """Delete the focused thing after a confirmation."""
        from followup_tui.store import commands

        detail = self.detail
        if detail is None:
            return
        pane = self._focused_pane()
        if pane == "card" and self.card.current is not None:
            person = self.card.current
            question = Content.assemble(
                "Remove ", (person.name, "bold"), " from this interview, with their actions here?"
            )
            change = lambda: commands.remove_person(person.meeting_id, clock.today())  # noqa: E731
        elif pane == "checklist" and self.checklist.selected_action_id is not None:
            action = next(a for a in detail.actions if a.id == self.checklist.selected_action_id)
            if action.kind is not Kind.CUSTOM:
                self.notify("Planned actions can't be deleted: tick it, or close the interview with s.")
                return
            question = Content.assemble("Delete the action ", (action.label, "bold"), "?")
            change = lambda: commands.delete_action(action.id)  # noqa: E731
        else:
            question = Content.assemble(
                "Delete the interview at ",
                (detail.company, "bold"),
                f", its {len(detail.actions)} actions and the cards of people met nowhere else?",
            )
            change = lambda: commands.delete_interview(detail.id)  # noqa: E731

        def answered(yes: bool | None) -> None:
            if yes and self.write(change):
                self.notify("Deleted.")

        from followup_tui.tui.screens.confirm import ConfirmScreen

        self.app.push_screen(ConfirmScreen(question), answered)

    def action_filter(self) -> None:
        """Show the filter box and focus it."""
        box = self.query_one("#filter", Input)
        if self.focused is box:  # "/" is a priority key: typed in the box, it is just a slash
            box.insert_text_at_cursor("/")
            return
        box.display = True
        self.set_focus(box)  # now, before the next key is routed, not when the queue gets to it

    def _filter_changed(self, _value: str) -> None:
        """Each letter typed in the filter box (called at once: see FilterBox)."""
        try:
            self._show_rows(self.interview_list.selected_id)  # a new selection loads its detail itself
        except Exception as error:  # a signal logs and drops errors; fail as loudly as a handler would
            self.call_next(_raise, error)

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.interview_list.focus()

    def key_escape(self) -> None:
        """Escape in the filter box clears it and returns to the list."""
        box = self.query_one("#filter", Input)
        if box.display:
            box.value = ""
            box.display = False
            self.interview_list.focus()

    def action_person(self, delta: int) -> None:
        """Show the previous or next person met at this interview."""
        self.card.action_step(delta)

    def action_settings(self) -> None:
        """Open the settings form."""
        from dataclasses import replace

        from followup_tui.settings import Settings
        from followup_tui.tui.screens.settings_form import SettingsForm

        def saved(edited: Settings | None) -> None:
            if edited is None:
                return

            def store() -> None:
                from followup_tui.store import commands

                # Only what the form edits: a profile saved meanwhile in another copy stays.
                commands.change_settings(
                    lambda stored: replace(
                        stored,
                        phone_region=edited.phone_region,
                        start_screen=edited.start_screen,
                        similarity_threshold=edited.similarity_threshold,
                    )
                )

            if self.write(store):
                self.app.phone_region = edited.phone_region
                self.notify(f"Saved. Numbers without +country code are read as {edited.phone_region} numbers.")

        try:
            stored = queries.settings()
        except StoreError:
            stored = Settings()
        self.app.push_screen(SettingsForm(replace(stored, phone_region=self.app.phone_region)), saved)

    def action_review(self) -> None:
        """Open the daily review; enter there brings its interview back here."""
        # One review screen, kept installed: opening it again re-reads its items, not its widgets,
        # and its undo history lasts the session.
        if not self.app.is_screen_installed("review"):
            from followup_tui.tui.screens.review import ReviewScreen

            self.app.install_screen(ReviewScreen(), "review")
        else:
            review = self.app.get_screen("review")
            if review.is_mounted:
                review.refresh_if_stale()  # before the switch, so its first frame is the fresh list
        self.app.push_screen("review", self.focus_on)

    def focus_on(self, target: tuple[int, int, int | None] | None) -> None:
        """Select an interview, its action and the person it concerns (from the review's enter)."""
        if target is None:
            return
        interview_id, action_id, person_id = target
        box = self.query_one("#filter", Input)
        box.value, box.display = "", False
        if any(row.id == interview_id for row in self.rows):
            # Select it in the rows held (on_screen_resume re-reads them in the background if the
            # review changed anything), rather than re-reading 10,000 rows while the user waits.
            self._reloading = True
            try:
                self._show_rows(interview_id)
            finally:
                self._reloading = False
            self.load_detail(keep_action=action_id)
        else:
            self.reload(select=interview_id, keep_action=action_id)
        if self.detail is not None:
            for person in self.detail.people:
                if person.contact_id == person_id:
                    self.card.show(self.detail.people, person.meeting_id)
        self.checklist.focus()

    def on_screen_resume(self) -> None:
        """Coming back from the review or a form: what it changed shows here (not on the first
        showing: on_mount has just read the first page). The detail is read at once; the list, which
        can be 10,000 rows, in the background."""
        if not self._resumed_before:
            self._resumed_before = True
            return
        try:
            changed = change_stamp() != self._seen_stamp
        except StoreError:
            return
        if changed:
            self._seen_stamp = change_stamp()
            self.load_detail()
            self._load_all_rows()

    def action_help(self) -> None:
        """Show every key."""
        from followup_tui.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.help_sections()))

    def help_sections(self) -> list[Section]:
        """The key reference, from the bindings of this screen and its panes."""
        app = self.app
        return [
            ("Main screen", binding_rows(app, self.BINDINGS)),
            (
                "Moving around",
                [
                    ("tab shift+tab", "Next / previous pane"),
                    ("j k ↑ ↓", "Move in the interview list and the checklist"),
                    ("← →", "Previous / next person, in the card pane ([ ] anywhere)"),
                    ("enter", "In the filter box: back to the list"),
                    ("escape", "In the filter box: clear the filter"),
                    ("ctrl+p", "Command palette: every action by name"),
                ],
            ),
            (
                "In forms",
                [
                    ("ctrl+s", "Save"),
                    ("escape", "Cancel, saving nothing"),
                    ("tab shift+tab", "Next / previous field"),
                ],
            ),
        ]
