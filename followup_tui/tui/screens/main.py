"""The main screen: interviews, the interviewer card and the checklist of next actions."""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import getters, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Input, Static

from followup_tui import clock
from followup_tui.kinds import State, Status
from followup_tui.records import InterviewDetail, InterviewRow
from followup_tui.store import queries
from followup_tui.store.database import change_stamp
from followup_tui.store.errors import StoreError
from followup_tui.text import clean_line
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.keys import Section, binding_rows
from followup_tui.tui.screens import main_edits, main_jobs, main_review
from followup_tui.tui.screens.main_cache import ChangeWatch, ReadAhead, ReadAheadCache
from followup_tui.tui.screens.main_jobs import RESULT, Returned
from followup_tui.tui.screens.main_keys import FOOTER_FIRST, MAIN_KEYS, MORE_HELP
from followup_tui.tui.widgets.checklist import Checklist
from followup_tui.tui.widgets.filter_box import FilterBox
from followup_tui.tui.widgets.footer import KeyFooter
from followup_tui.tui.widgets.interview_list import InterviewList, ListHeader
from followup_tui.tui.widgets.person_card import PersonCardView

if TYPE_CHECKING:
    from textual.timer import Timer

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


class MainScreen(Screen[None]):
    """Three panes; every key is in help (?) and the command palette, the everyday ones in the footer."""

    app = getters.app(FollowupApp)  # typed: the app's shared state (review_data, phone_region) without casts
    BINDINGS = MAIN_KEYS
    FOOTER_FIRST = FOOTER_FIRST

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[InterviewRow] = []
        self.detail: InterviewDetail | None = None
        self.shown = ChangeWatch()  # the database state the panes show
        self._warm_timer: Timer | None = None
        self.ahead = ReadAheadCache()  # the interviews either side of the cursor, see _read_ahead
        self._ahead_timer: Timer | None = None
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
        self.set_interval(POLL_SECONDS, self.poll_other_copies)
        if main_review.opens_on_review():
            self.action_review()

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
                    self.shown.mark_seen()
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
            self.shown.mark_seen()
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.select_row(select if select is not None else current)
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

    def select_row(self, interview_id: int | None) -> None:
        """Show the rows held with `interview_id` selected; the caller loads its detail."""
        self._reloading = True
        try:
            self._show_rows(interview_id)
        finally:
            self._reloading = False

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
        try:
            ahead = self.ahead.take(ident, change_stamp(), clock.today()) if ident is not None else None
            if ahead is not None:
                self.detail, histories = ahead.detail, ahead.histories  # read while the user was reading
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
        """Once the pane has painted: read and draw the interviews either side of the cursor."""

        def draw(entry: ReadAhead) -> None:
            self.checklist.prepare(entry.detail, entry.day)
            self.card.prepare(entry.detail.people, entry.histories)

        self.ahead.read_neighbours(self.interview_list.rows, self.interview_list.cursor, clock.today(), draw)

    def poll_other_copies(self) -> None:
        """Pick up what a second running copy wrote (every POLL_SECONDS)."""
        try:
            if self.shown.changed():
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

    def write(
        self,
        change: Callable[[], object],
        *,
        select: int | Returned | None = None,
        keep_action: int | Returned | None = None,
        keep_person: int | Returned | None = None,
        row_only: bool = False,
    ) -> bool:
        """Run one store command and reload; a failure is shown and nothing else happens.

        The keywords are reload's; RESULT there means the command's return value (an id).
        """
        try:
            value = change()
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False, timeout=8)
            return False

        def kept(wanted: int | Returned | None) -> int | None:
            if wanted is not RESULT:
                return wanted
            return value if isinstance(value, int) else None

        self.reload(
            select=kept(select), keep_action=kept(keep_action), keep_person=kept(keep_person), row_only=row_only
        )
        return True

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
        main_edits.add_interview(self)

    def action_capture(self) -> None:
        """Open the card form for the selected interview."""
        main_edits.capture_card(self)

    def action_edit(self) -> None:
        """Edit the focused pane's thing: the interview, the person shown, or the action."""
        main_edits.edit(self)

    def action_status(self) -> None:
        """Choose the selected interview's status."""
        main_edits.choose_status(self)

    def action_new_action(self) -> None:
        """Add an action of the user's own to the selected interview."""
        main_edits.new_action(self)

    def action_tick(self) -> None:
        """Tick or untick the highlighted action; written at once."""
        main_edits.tick(self)

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
        main_edits.show_history(self)

    def action_profile(self) -> None:
        """Edit your profile."""
        main_edits.edit_profile(self)

    def action_templates(self) -> None:
        """Pick a template to edit."""
        main_edits.edit_templates(self)

    def action_shift_due(self, days: int) -> None:
        """Move the highlighted action's due date by a day."""
        main_edits.shift_due(self, days)

    def action_delete(self) -> None:
        """Delete the focused thing after a confirmation."""
        main_edits.delete(self)

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
        main_edits.edit_settings(self)

    def action_review(self) -> None:
        """Open the daily review; enter there brings its interview back here."""
        main_review.open_review(self)

    def action_stats(self) -> None:
        """Open the stats (the plotting library loads here, never at start-up)."""
        from followup_tui.tui.screens.stats import StatsScreen

        self.app.push_screen(StatsScreen())

    def focus_on(self, target: tuple[int, int, int | None] | None) -> None:
        """Select an interview, its action and the person it concerns (from the review's enter)."""
        main_review.focus_on(self, target)

    def on_screen_resume(self) -> None:
        """Coming back from the review or a form: what it changed shows here (not on the first
        showing: on_mount has just read the first page). The detail is read at once; the list, which
        can be 10,000 rows, in the background."""
        if not self._resumed_before:
            self._resumed_before = True
            return
        try:
            changed = self.shown.changed()
            if changed:
                self.shown.mark_seen()
        except StoreError:
            return
        if changed:
            self.load_detail()
            self._load_all_rows()

    def action_import(self) -> None:
        """Import business cards into the selected interview (each confirmed), or a followup export."""
        main_jobs.start_import(self)

    def action_export(self) -> None:
        """Write a .vcf of this person, this interview's people or every contact; or everything as .json, .csv, .ics."""
        main_jobs.start_export(self)

    def action_sync(self) -> None:
        """Sync with the phone's server (the first time: set it up)."""
        from followup_tui.tui.screens.main_sync import start_sync

        start_sync(self)

    def action_sync_setup(self) -> None:
        """Change the sync set-up: server, user, password, task list, address book."""
        from followup_tui.tui.screens.main_sync import start_sync

        start_sync(self, setup=True)

    def action_help(self) -> None:
        """Show every key."""
        from followup_tui.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.help_sections()))

    def help_sections(self) -> list[Section]:
        """The key reference, from the bindings of this screen and its panes."""
        app = self.app
        return [
            ("Main screen", binding_rows(app, self.BINDINGS)),
            *MORE_HELP,
        ]
