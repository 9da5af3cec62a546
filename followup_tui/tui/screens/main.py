"""The main screen: interviews, the interviewer card and the checklist of next actions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from followup_tui import clock
from followup_tui.plan import Kind, State, Status
from followup_tui.cards import CardFields
from followup_tui.files import write_private
from followup_tui.records import InterviewDetail, InterviewRow, PersonInput
from followup_tui.vcards import CardImportError, read_vcards, write_vcards
from followup_tui.store import commands, queries, writing_notes
from followup_tui.store.database import StoreError, data_version
from followup_tui.tui.keys import Section, binding_rows
from followup_tui.tui.screens.action_form import ActionForm, ActionInput
from followup_tui.tui.screens.confirm import ConfirmScreen
from followup_tui.tui.screens.conflict import ConflictScreen
from followup_tui.tui.screens.duplicate import DuplicateScreen
from followup_tui.tui.screens.vcard_files import ExportChoice, ExportForm, ImportForm
from followup_tui.tui.screens.help import HelpScreen
from followup_tui.tui.screens.history import HistoryScreen
from followup_tui.tui.screens.profile_form import ProfileForm
from followup_tui.tui.screens.progress import ProgressScreen
from followup_tui.tui.screens.templates import TemplateForm, TemplateList
from followup_tui.tui.writer import open_writer
from followup_tui.tui.screens.interview_form import InterviewForm
from followup_tui.tui.screens.person_form import PersonForm
from followup_tui.tui.screens.review import ReviewScreen
from followup_tui.tui.screens.settings_form import AppSettings, SettingsForm
from followup_tui.tui.screens.status import StatusScreen
from followup_tui.tui.widgets.checklist import Checklist
from followup_tui.tui.widgets.interview_list import InterviewList, header_text
from followup_tui.tui.widgets.person_card import PersonCardView
from followup_tui.wording import status_note

EMPTY_STATE = (
    "No interviews yet.\n\n"
    "Press a to add the interview you just had; then c to capture each interviewer's business card.\n\n"
    "The checklist fills itself from the follow-up method: a thank-you to each person, "
    "a call in 5 to 7 days, a letter by post, then a weekly follow-up until the job is filled."
)
POLL_SECONDS = 2.0
RESULT = object()  # in MainScreen.write: "select what the command returned"


class MainScreen(Screen):
    """Three panes; every key is in the footer, in help (?) and in the command palette."""

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
        Binding("plus,equals_sign", "shift_due(1)", "Later", key_display="+", show=False, tooltip="Move the action a day later"),
        Binding("minus", "shift_due(-1)", "Sooner", key_display="-", show=False, tooltip="Move the action a day earlier"),
        Binding("d", "delete", "Delete", tooltip="Delete what has focus (asks first)"),
        Binding("slash", "filter", "Filter", key_display="/", tooltip="Filter interviews by company, role or name"),
        Binding("left_square_bracket", "person(-1)", "Prev person", show=False, key_display="[",
                tooltip="Previous person met at this interview"),
        Binding("right_square_bracket", "person(1)", "Next person", show=False, key_display="]",
                tooltip="Next person met at this interview"),
        Binding("i", "import", "Import", show=False,
                tooltip="Import business cards (.vcf) or a followup export (.json)"),
        Binding("x", "export", "Export", show=False,
                tooltip="Export: contacts (.vcf), everything (.json), interviews (.csv), follow-ups (.ics)"),
        Binding("t", "review", "Today", tooltip="Daily review: today's follow-ups across every interview"),
        Binding("comma", "settings", "Settings", show=False, key_display=",",
                tooltip="Settings: phone region, and the screen to open on"),
        Binding("question_mark", "help", "Help", key_display="?", tooltip="Show every key"),
        Binding("q", "app.quit", "Quit", tooltip="Quit followup"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[InterviewRow] = []
        self.detail: InterviewDetail | None = None
        self._seen_version: int | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="")
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                yield Input(placeholder="filter: company, role or interviewer (escape clears)", id="filter")
                with Vertical(id="list-box"):
                    yield Static(header_text(), id="list-header")
                    yield InterviewList(id="interviews")
                yield Static(Content(EMPTY_STATE), id="empty")
            with Vertical(id="right"):
                yield PersonCardView(id="card")
                yield Checklist(id="checklist")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#list-box").border_title = "Interviews"
        self.query_one("#card").border_title = "Interviewer card"
        self.query_one("#checklist").border_title = "Next actions"
        self.query_one("#filter").display = False
        self.reload()
        self.query_one(InterviewList).focus()
        self.set_interval(POLL_SECONDS, self._poll_other_copies)
        if self._opens_on_review():
            self.action_review()

    def _opens_on_review(self) -> bool:
        """The review opens first when something is due today or overdue, unless a setting says otherwise."""
        try:
            start = queries.setting("start_screen") or "auto"
            if start != "auto":
                return start == "review"
            today = clock.today()
            return any(i.state is State.OPEN and i.due <= today for i in queries.review_items(today, 0))
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

    def reload(self, select: int | None = None, keep_action: int | None = None, keep_person: int | None = None) -> None:
        """Re-read the list and the selected interview; `select` picks an interview by id."""
        try:
            self.rows = queries.list_interviews()
            self._seen_version = data_version()
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        target = select if select is not None else self.interview_list.selected_id
        self._show_rows(target)
        self.load_detail(keep_action=keep_action, keep_person=keep_person)

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
            self.detail = queries.interview_detail(ident) if ident is not None else None
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        detail = self.detail
        try:
            self.card.histories = writing_notes.histories([p.contact_id for p in detail.people]) if detail else {}
        except StoreError:
            self.card.histories = {}
        self.card.show(detail.people if detail else None, keep_person)
        self.checklist.show(detail, clock.today(), keep_action)
        if detail:
            open_count = sum(1 for a in detail.actions if a.state is State.OPEN)
            self.checklist.border_title = f"Next actions · {detail.company}"
            self.checklist.border_subtitle = f"{open_count} open" if detail.status is Status.ACTIVE else detail.status.label
        else:
            self.checklist.border_title = "Next actions"
            self.checklist.border_subtitle = ""

    def _poll_other_copies(self) -> None:
        """Pick up what a second running copy wrote."""
        try:
            if data_version() != self._seen_version:
                self.reload()
        except StoreError:
            pass

    @on(InterviewList.Highlighted)
    def _interview_highlighted(self) -> None:
        if self.detail is None or self.detail.id != self.interview_list.selected_id:
            self.load_detail()

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
        try:
            change(opened_with)
        except commands.Conflict as conflict:

            def chosen(answer: str | None) -> None:
                if answer == "overwrite":
                    self.write(lambda: change(None))
                else:
                    self.reload()
                    self.notify("Kept the version saved in the other window.")

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
            if data is not None:
                if self.write(lambda: commands.add_interview(data, clock.today()), select=RESULT):
                    self.notify(f"Interview added. Press c to capture {data.company}'s interviewers' cards.", markup=False)

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

        self.app.push_screen(PersonForm(company=detail.company, region=self.app.phone_region), saved)

    def save_person(self, detail: InterviewDetail, data: PersonInput, then: Callable[[], None] | None = None) -> None:
        """Add a person to an interview; a match with a stored contact is offered for linking, never doubled."""
        done = then or (lambda: None)
        try:
            existing = queries.find_contact(data.email, (data.phone_e164, data.mobile_e164))
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        if existing is not None and any(p.contact_id == existing.contact_id for p in detail.people):
            self.notify(f"{existing.name} is already on this interview (same email or phone); e edits their card.",
                        severity="warning", markup=False)
            done()
            return
        add = lambda contact_id=None: self.write(  # noqa: E731
            lambda: commands.add_person(detail.id, data, clock.today(), contact_id=contact_id),
            select=detail.id, keep_person=RESULT,
        )
        if existing is None:
            add()
            done()
            return

        def chosen(answer: str | None) -> None:
            if answer == "link":
                add(existing.contact_id)
            elif answer == "new":
                add()
            else:
                self.notify("Not saved.", markup=False)
            done()

        self.app.push_screen(DuplicateScreen(existing, data.name), chosen)

    def action_import(self) -> None:
        """Import business cards into the selected interview (each confirmed), or a followup export."""

        def chosen(path: Path | None) -> None:
            if path is None:
                return
            if path.suffix.lower() == ".json":
                self.app.push_screen(ProgressScreen(f"Importing {path.name}"))
                self._import_json(path)
            elif self.detail is None:
                self.notify("Add or select the interview the cards belong to first (a).", severity="warning")
            else:
                self.notify(f"Reading {path.name}…", markup=False)
                self._read_vcards(path, self.detail.id)

        self.app.push_screen(ImportForm(Path.home()), chosen)

    def _progress(self, done: int, total: int) -> None:
        """From a worker: move the progress bar."""
        if isinstance(self.app.screen, ProgressScreen):
            self.app.call_from_thread(self.app.screen.advance, done, total)

    def _finish_job(self, message: str, error: bool = False) -> None:
        """On the UI thread: close the progress bar, say how it went, show the new data."""
        if isinstance(self.app.screen, ProgressScreen):
            self.app.pop_screen()
        self.notify(message, severity="error" if error else "information", markup=False, timeout=10)
        self.reload()

    @work(thread=True, exclusive=True, group="data")
    def _import_json(self, path: Path) -> None:
        """Import a followup export off the UI thread, in its own connection."""
        from followup_tui.store.models import db
        from followup_tui.store.portable import import_json

        try:
            with db.connection_context():
                added = import_json(path, progress=self._progress)
        except StoreError as error:
            self.app.call_from_thread(self._finish_job, str(error), True)
            return
        summary = ", ".join(f"{n} {table}" for table, n in added.items())
        self.app.call_from_thread(self._finish_job, f"Imported {summary}; records already stored were kept.")

    @work(thread=True, exclusive=True, group="data")
    def _export(self, choice: ExportChoice, ids: list[int] | None) -> None:
        """Write an export off the UI thread, in its own connection."""
        from followup_tui.store import portable
        from followup_tui.store.models import db

        try:
            with db.connection_context():
                if choice.kind == ".json":
                    counts = portable.export_json(choice.path, progress=self._progress)
                    what = ", ".join(f"{n} {table}" for table, n in counts.items())
                elif choice.kind == ".csv":
                    write_private(choice.path, portable.interviews_csv())
                    what = "the interviews"
                elif choice.kind == ".ics":
                    write_private(choice.path, portable.followups_ics(clock.now()).decode("utf-8"))
                    what = "the follow-ups as to-dos"
                else:
                    cards = queries.contact_cards(ids)
                    write_private(choice.path, write_vcards(cards))
                    what = f"{len(cards)} contact{'s' if len(cards) != 1 else ''}"
        except StoreError as error:
            self.app.call_from_thread(self._finish_job, str(error), True)
            return
        except OSError as error:
            self.app.call_from_thread(self._finish_job, f"Cannot write {choice.path}: {error.strerror}", True)
            return
        self.app.call_from_thread(self._finish_job, f"Exported {what} to {choice.path}")

    @work(thread=True, exclusive=True, group="import")
    def _read_vcards(self, path: Path, interview_id: int) -> None:
        """Parse the file off the UI thread (it touches no widget and no database)."""
        try:
            cards = read_vcards(path.read_bytes(), self.app.phone_region)
        except (CardImportError, OSError) as error:
            message = str(error) if isinstance(error, CardImportError) else f"Cannot read {path}: {error.strerror}"
            self.app.call_from_thread(self.notify, message, severity="error", markup=False, timeout=10)
            return
        self.app.call_from_thread(self._confirm_imported, cards, interview_id, 0)

    def _confirm_imported(self, cards: list[CardFields], interview_id: int, index: int) -> None:
        """Show imported card `index` in the capture form; escape skips it."""
        if index >= len(cards):
            self.notify(f"Import finished: {len(cards)} card{'s' if len(cards) != 1 else ''} reviewed.")
            return
        self.reload(select=interview_id)
        detail = self.detail
        if detail is None or detail.id != interview_id:
            return
        form = PersonForm(
            PersonInput.from_card(cards[index]), region=self.app.phone_region,
            title=f"Imported card {index + 1} of {len(cards)}: check it, ctrl+s saves, escape skips",
        )

        def saved(data) -> None:
            following = lambda: self._confirm_imported(cards, interview_id, index + 1)  # noqa: E731
            if data is None:
                following()
            else:
                self.save_person(detail, data, then=following)

        self.app.push_screen(form, saved)

    def action_export(self) -> None:
        """Write a .vcf of this person, this interview's people or every contact."""
        detail = self.detail
        person = self.card.current
        default = Path.home() / (f"{person.name}.vcf" if person else "followup-contacts.vcf")

        def chosen(choice: ExportChoice | None) -> None:
            if choice is None:
                return
            ids = None
            if choice.scope == "person" and person is not None:
                ids = [person.contact_id]
            elif choice.scope == "interview" and detail is not None:
                ids = [p.contact_id for p in detail.people]
            self.app.push_screen(ProgressScreen(f"Exporting to {choice.path.name}"))
            self._export(choice, ids)

        self.app.push_screen(ExportForm(default, person.name if person else None,
                                        detail.company if detail and detail.people else None), chosen)

    def action_edit(self) -> None:
        """Edit the focused pane's thing: the interview, the person shown, or the action."""
        detail = self.detail
        if detail is None:
            return
        pane = self._focused_pane()
        if pane == "card" and self.card.current is not None:
            person = self.card.current

            def saved_person(data) -> None:
                if data is not None:
                    self.write_checked(
                        lambda expected: commands.update_person(person.meeting_id, data, clock.today(), expected),
                        person.as_input(), data,
                    )

            self.app.push_screen(PersonForm(person.as_input(), region=self.app.phone_region), saved_person)
        elif pane == "checklist" and self.checklist.selected_action_id is not None:
            action = next(a for a in detail.actions if a.id == self.checklist.selected_action_id)

            def saved_action(data: ActionInput | None) -> None:
                if data is not None:
                    title = data.title if action.kind is Kind.CUSTOM else None
                    self.write(lambda: commands.update_action(action.id, data.due, data.note, title), keep_action=action.id)

            self.app.push_screen(ActionForm(detail.people, action), saved_action)
        else:

            def saved_interview(data) -> None:
                if data is not None:
                    self.write_checked(
                        lambda expected: commands.update_interview(detail.id, data, clock.today(), expected),
                        detail.as_input(), data,
                    )

            self.app.push_screen(InterviewForm(detail.as_input()), saved_interview)

    def action_status(self) -> None:
        """Choose the selected interview's status."""
        detail = self.detail
        if detail is None:
            return

        def chosen(status: Status | None) -> None:
            if status is None or status is detail.status:
                return
            if self.write(lambda: commands.set_status(detail.id, status, clock.today())):
                note = status_note(status)
                self.notify(note or f"{detail.company}: {status.label}.", markup=False, timeout=10 if note else 4)

        self.app.push_screen(StatusScreen(detail.status, detail.company), chosen)

    def action_new_action(self) -> None:
        """Add an action of the user's own to the selected interview."""
        detail = self.detail
        if detail is None:
            return

        def saved(data: ActionInput | None) -> None:
            if data is not None:
                self.write(
                    lambda: commands.add_custom(detail.id, data.title, data.due, data.person_id, data.note, clock.today()),
                    keep_action=RESULT,
                )

        self.app.push_screen(ActionForm(detail.people), saved)

    def action_tick(self) -> None:
        """Tick or untick the highlighted action; written at once."""
        ident = self.checklist.selected_action_id
        if ident is None or self.detail is None:
            return
        action = next(a for a in self.detail.actions if a.id == ident)
        if action.state is State.CANCELLED:
            self.notify("This interview is closed, so its actions are paused. Set it back to active with s.")
            return
        self.write(lambda: commands.set_done(ident, action.state is State.OPEN, clock.today()), keep_action=ident)

    def action_write(self) -> None:
        """Open the draft or call script of the highlighted action."""
        ident = self.checklist.selected_action_id
        if ident is None or self.detail is None:
            self.notify("Select an action in the checklist first (tab to it).", severity="warning")
            return
        action = next(a for a in self.detail.actions if a.id == ident)
        open_writer(self.app, ident, action.kind, lambda: self.reload(keep_action=ident))

    def action_history(self) -> None:
        """Show the history of the person on the card."""
        person = self.card.current
        if person is None:
            self.notify("No person selected.", severity="warning")
            return
        try:
            entries = writing_notes.histories([person.contact_id])[person.contact_id]
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.app.push_screen(HistoryScreen(person.name, entries))

    def action_profile(self) -> None:
        """Edit your profile."""
        try:
            current = writing_notes.profile()
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return

        def saved(profile) -> None:
            if profile is not None and self.write(lambda: writing_notes.save_profile(profile)):
                self.notify("Profile saved: new drafts use it.")

        self.app.push_screen(ProfileForm(current), saved)

    def action_templates(self) -> None:
        """Pick a template to edit."""

        def picked(name: str | None) -> None:
            if name is None:
                return

            def saved(text: str | None) -> None:
                if text is None:
                    return
                restore = text == TemplateForm.RESTORE
                if self.write(lambda: writing_notes.save_template(name, None if restore else text)):
                    self.notify("Template restored." if restore else "Template saved: new drafts use it.")

            try:
                current = writing_notes.template(name)
            except StoreError as error:
                self.notify(str(error), severity="error", markup=False)
                return
            self.app.push_screen(TemplateForm(name, current), saved)

        self.app.push_screen(TemplateList(), picked)

    def action_shift_due(self, days: int) -> None:
        """Move the highlighted action's due date by a day."""
        ident = self.checklist.selected_action_id
        if ident is not None:
            self.write(lambda: commands.move_due(ident, days, clock.today()), keep_action=ident)

    def action_delete(self) -> None:
        """Delete the focused thing after a confirmation."""
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
                "Delete the interview at ", (detail.company, "bold"),
                f", its {len(detail.actions)} actions and the cards of people met nowhere else?",
            )
            change = lambda: commands.delete_interview(detail.id)  # noqa: E731

        def answered(yes: bool | None) -> None:
            if yes and self.write(change):
                self.notify("Deleted.")

        self.app.push_screen(ConfirmScreen(question), answered)

    def action_filter(self) -> None:
        """Show the filter box and focus it."""
        box = self.query_one("#filter", Input)
        box.display = True
        box.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        self._show_rows(self.interview_list.selected_id)
        self.load_detail()

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

        def saved(settings: AppSettings | None) -> None:
            if settings is None:
                return

            def store() -> None:
                commands.set_setting("phone_region", settings.phone_region)
                commands.set_setting("start_screen", settings.start_screen)

            if self.write(store):
                self.app.phone_region = settings.phone_region
                self.notify(f"Saved. Numbers without +country code are read as {settings.phone_region} numbers.")

        try:
            start = queries.setting("start_screen") or "auto"
        except StoreError:
            start = "auto"
        self.app.push_screen(SettingsForm(AppSettings(self.app.phone_region, start)), saved)

    def action_review(self) -> None:
        """Open the daily review; enter there brings its interview back here."""
        self.app.push_screen(ReviewScreen(), self.focus_on)

    def focus_on(self, target: tuple[int, int, int | None] | None) -> None:
        """Select an interview, its action and the person it concerns (from the review's enter)."""
        if target is None:
            return
        interview_id, action_id, person_id = target
        box = self.query_one("#filter", Input)
        box.value, box.display = "", False
        self.reload(select=interview_id, keep_action=action_id)
        if self.detail is not None:
            for person in self.detail.people:
                if person.contact_id == person_id:
                    self.card.show(self.detail.people, person.meeting_id)
        self.checklist.focus()

    def on_screen_resume(self) -> None:
        """Coming back from the review or a form: what it changed shows here."""
        self.reload()

    def action_help(self) -> None:
        """Show every key."""
        self.app.push_screen(HelpScreen(self.help_sections()))

    def help_sections(self) -> list[Section]:
        """The key reference, from the bindings of this screen and its panes."""
        app = self.app
        return [
            ("Main screen", binding_rows(app, self.BINDINGS)),
            ("Moving around", [
                ("tab shift+tab", "Next / previous pane"),
                ("j k ↑ ↓", "Move in the interview list and the checklist"),
                ("← → h l", "Previous / next person, in the card pane"),
                ("enter", "In the filter box: back to the list"),
                ("escape", "In the filter box: clear the filter"),
                ("ctrl+p", "Command palette: every action by name"),
            ]),
            ("In forms", [
                ("ctrl+s", "Save"),
                ("escape", "Cancel, saving nothing"),
                ("tab shift+tab", "Next / previous field"),
            ]),
        ]
