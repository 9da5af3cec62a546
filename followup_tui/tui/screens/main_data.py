"""The main screen's data jobs: saving captured people (duplicates), import and export off the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work

from followup_tui import clock
from followup_tui.files import file_name, write_private
from followup_tui.records import InterviewDetail
from followup_tui.store import queries
from followup_tui.store.errors import StoreError

if TYPE_CHECKING:
    from followup_tui.contact import CardFields, PersonInput


RESULT = object()  # in MainScreen.write: "select what the command returned"


class DataJobs:
    """Mixed into MainScreen: the work behind c (duplicates), i and x."""

    def save_person(self, detail: InterviewDetail, data: PersonInput, then: Callable[[], None] | None = None) -> None:
        """Add a person to an interview; a match with a stored contact is offered for linking, never doubled."""
        from followup_tui.store import commands

        done = then or (lambda: None)
        try:
            existing = queries.find_contact(data.email, (data.phone_e164, data.mobile_e164))
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        if existing is not None and any(p.contact_id == existing.contact_id for p in detail.people):
            self.notify(
                f"{existing.name} is already on this interview (same email or phone); e edits their card.",
                severity="warning",
                markup=False,
            )
            done()
            return
        add = lambda contact_id=None: self.write(  # noqa: E731
            lambda: commands.add_person(detail.id, data, clock.today(), contact_id=contact_id),
            select=detail.id,
            keep_person=RESULT,
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

        from followup_tui.tui.screens.duplicate import DuplicateScreen

        self.app.push_screen(DuplicateScreen(existing, data.name), chosen)

    def action_import(self) -> None:
        """Import business cards into the selected interview (each confirmed), or a followup export."""

        def chosen(path: Path | None) -> None:
            from followup_tui.tui.screens import progress

            if path is None:
                return
            if path.suffix.lower() == ".json":
                self.app.push_screen(progress.ProgressScreen(f"Importing {path.name}"))
                self._import_json(path)
            elif self.detail is None:
                self.notify("Add or select the interview the cards belong to first (a).", severity="warning")
            else:
                self.notify(f"Reading {path.name}…", markup=False)
                self._read_vcards(path, self.detail.id)

        from followup_tui.tui.screens.vcard_files import ImportForm

        self.app.push_screen(ImportForm(Path.home()), chosen)

    def _progress(self, done: int, total: int) -> None:
        """From a worker: move the progress bar."""
        from followup_tui.tui.screens import progress

        if isinstance(self.app.screen, progress.ProgressScreen):
            self.app.call_from_thread(self.app.screen.advance, done, total)

    def _finish_job(self, message: str, error: bool = False) -> None:
        """On the UI thread: close the progress bar, say how it went, show the new data."""
        from followup_tui.tui.screens import progress

        if isinstance(self.app.screen, progress.ProgressScreen):
            self.app.pop_screen()
        self.notify(message, severity="error" if error else "information", markup=False, timeout=10)
        self.reload()

    @work(thread=True, exclusive=True, group="data")
    def _import_json(self, path: Path) -> None:
        """Import a followup export off the UI thread, in its own connection."""
        from followup_tui.store.database import thread_connection
        from followup_tui.store.portable import import_json

        try:
            with thread_connection():
                added = import_json(path, progress=self._progress)
        except StoreError as error:
            self.app.call_from_thread(self._finish_job, str(error), True)
            return
        summary = ", ".join(f"{n} {table}" for table, n in added.items())
        self.app.call_from_thread(self._finish_job, f"Imported {summary}; records already stored were kept.")

    @work(thread=True, exclusive=True, group="data")
    def _export(self, choice, ids: list[int] | None) -> None:
        """Write an export off the UI thread, in its own connection."""
        from followup_tui.capture.vcards import write_vcards
        from followup_tui.store import portable
        from followup_tui.store.database import thread_connection

        try:
            with thread_connection():
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
        from followup_tui.capture.vcards import CardImportError, read_vcards

        try:
            cards = read_vcards(path.read_bytes(), self.app.phone_region)
        except (CardImportError, OSError) as error:
            message = str(error) if isinstance(error, CardImportError) else f"Cannot read {path}: {error.strerror}"
            self.app.call_from_thread(self.notify, message, severity="error", markup=False, timeout=10)
            return
        self.app.call_from_thread(self._confirm_imported, cards, interview_id, 0)

    def _confirm_imported(self, cards: list[CardFields], interview_id: int, index: int) -> None:
        """Show imported card `index` in the capture form; escape skips it."""
        from followup_tui import contact

        if index >= len(cards):
            self.notify(f"Import finished: {len(cards)} card{'s' if len(cards) != 1 else ''} reviewed.")
            return
        self.reload(select=interview_id)
        detail = self.detail
        if detail is None or detail.id != interview_id:
            return
        from followup_tui.tui.screens.person_form import PersonForm

        form = PersonForm(
            contact.PersonInput.from_card(cards[index]),
            region=self.app.phone_region,
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
        default = Path.home() / (file_name(person.name, ".vcf", "contact") if person else "followup-contacts.vcf")

        from followup_tui.tui.screens.vcard_files import ExportForm

        def chosen(choice) -> None:
            from followup_tui.tui.screens import progress

            if choice is None:
                return
            ids = None
            if choice.scope == "person" and person is not None:
                ids = [person.contact_id]
            elif choice.scope == "interview" and detail is not None:
                ids = [p.contact_id for p in detail.people]
            self.app.push_screen(progress.ProgressScreen(f"Exporting to {choice.path.name}"))
            self._export(choice, ids)

        self.app.push_screen(
            ExportForm(default, person.name if person else None, detail.company if detail and detail.people else None),
            chosen,
        )
