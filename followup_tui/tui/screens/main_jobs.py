"""The main screen's data jobs: saving captured people (duplicates), import and export off the UI thread.

Plain functions of the screen (not a mixin), so each job's dependencies are its arguments."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from followup_tui import clock
from followup_tui.files import file_name, write_private
from followup_tui.records import InterviewDetail
from followup_tui.store import queries
from followup_tui.store.errors import StoreError

if TYPE_CHECKING:
    from followup_tui.contact import CardFields, PersonInput
    from followup_tui.tui.screens.main import MainScreen
    from followup_tui.tui.screens.vcard_files import ExportChoice


class Returned(Enum):
    """In MainScreen.write: "select what the command returned"."""

    RESULT = "result"


RESULT = Returned.RESULT


def save_person(
    screen: MainScreen, detail: InterviewDetail, data: PersonInput, then: Callable[[], None] | None = None
) -> None:
    """Add a person to an interview; a match with a stored contact is offered for linking, never doubled."""
    from followup_tui.store import commands

    done = then or (lambda: None)
    try:
        existing = queries.find_contact(data.email, (data.phone_e164, data.mobile_e164))
    except StoreError as error:
        screen.notify(str(error), severity="error", markup=False)
        return
    if existing is not None and any(p.contact_id == existing.contact_id for p in detail.people):
        screen.notify(
            f"{existing.name} is already on this interview (same email or phone); e edits their card.",
            severity="warning",
            markup=False,
        )
        done()
        return
    add = lambda contact_id=None: screen.write(  # noqa: E731
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
            screen.notify("Not saved.", markup=False)
        done()

    from followup_tui.tui.screens.duplicate import DuplicateScreen

    screen.app.push_screen(DuplicateScreen(existing, data.name), chosen)


def start_import(screen: MainScreen) -> None:
    """Import business cards into the selected interview (each confirmed), or a followup export."""

    def chosen(path: Path | None) -> None:
        from followup_tui.tui.screens import progress

        if path is None:
            return
        if path.suffix.lower() == ".json":
            screen.app.push_screen(progress.ProgressScreen(f"Importing {path.name}"))
            screen.run_worker(partial(_import_json, screen, path), thread=True, exclusive=True, group="data")
        elif screen.detail is None:
            screen.notify("Add or select the interview the cards belong to first (a).", severity="warning")
        else:
            screen.notify(f"Reading {path.name}…", markup=False)
            screen.run_worker(
                partial(_read_vcards, screen, path, screen.detail.id), thread=True, exclusive=True, group="import"
            )

    from followup_tui.tui.screens.vcard_files import ImportForm

    screen.app.push_screen(ImportForm(Path.home()), chosen)


def _progress(screen: MainScreen, done: int, total: int) -> None:
    """From a worker: move the progress bar."""
    from followup_tui.tui.screens import progress

    if isinstance(screen.app.screen, progress.ProgressScreen):
        screen.app.call_from_thread(screen.app.screen.advance, done, total)


def finish_job(screen: MainScreen, message: str, error: bool = False) -> None:
    """On the UI thread: close the progress bar, say how it went, show the new data."""
    from followup_tui.tui.screens import progress

    if isinstance(screen.app.screen, progress.ProgressScreen):
        screen.app.pop_screen()
    screen.notify(message, severity="error" if error else "information", markup=False, timeout=10)
    screen.reload()


def _import_json(screen: MainScreen, path: Path) -> None:
    """Import a followup export off the UI thread, in its own connection."""
    from followup_tui.store.database import thread_connection
    from followup_tui.store.portable import import_json

    try:
        with thread_connection():
            added = import_json(path, progress=partial(_progress, screen))
    except StoreError as error:
        screen.app.call_from_thread(finish_job, screen, str(error), True)
        return
    summary = ", ".join(f"{n} {table}" for table, n in added.items())
    screen.app.call_from_thread(finish_job, screen, f"Imported {summary}; records already stored were kept.")


def _export(screen: MainScreen, choice: ExportChoice, ids: list[int] | None) -> None:
    """Write an export off the UI thread, in its own connection."""
    from followup_tui.capture.vcards import write_vcards
    from followup_tui.store import portable
    from followup_tui.store.database import thread_connection

    try:
        with thread_connection():
            if choice.kind == ".json":
                counts = portable.export_json(choice.path, progress=partial(_progress, screen))
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
        screen.app.call_from_thread(finish_job, screen, str(error), True)
        return
    except OSError as error:
        screen.app.call_from_thread(finish_job, screen, f"Cannot write {choice.path}: {error.strerror}", True)
        return
    screen.app.call_from_thread(finish_job, screen, f"Exported {what} to {choice.path}")


def _read_vcards(screen: MainScreen, path: Path, interview_id: int) -> None:
    """Parse the file off the UI thread (it touches no widget and no database)."""
    from followup_tui.capture.vcards import CardImportError, read_vcards

    try:
        cards = read_vcards(path.read_bytes(), screen.app.phone_region)
    except (CardImportError, OSError) as error:
        message = str(error) if isinstance(error, CardImportError) else f"Cannot read {path}: {error.strerror}"
        screen.app.call_from_thread(screen.notify, message, severity="error", markup=False, timeout=10)
        return
    screen.app.call_from_thread(_confirm_imported, screen, cards, interview_id, 0)


def _confirm_imported(screen: MainScreen, cards: list[CardFields], interview_id: int, index: int) -> None:
    """Show imported card `index` in the capture form; escape skips it."""
    from followup_tui import contact

    if index >= len(cards):
        screen.notify(f"Import finished: {len(cards)} card{'s' if len(cards) != 1 else ''} reviewed.")
        return
    screen.reload(select=interview_id)
    detail = screen.detail
    if detail is None or detail.id != interview_id:
        return
    from followup_tui.tui.screens.person_form import PersonForm

    form = PersonForm(
        contact.PersonInput.from_card(cards[index]),
        region=screen.app.phone_region,
        title=f"Imported card {index + 1} of {len(cards)}: check it, ctrl+s saves, escape skips",
    )

    def saved(data) -> None:
        following = lambda: _confirm_imported(screen, cards, interview_id, index + 1)  # noqa: E731
        if data is None:
            following()
        else:
            save_person(screen, detail, data, then=following)

    screen.app.push_screen(form, saved)


def start_export(screen: MainScreen) -> None:
    """Write a .vcf of this person, this interview's people or every contact."""
    detail = screen.detail
    person = screen.card.current
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
        screen.app.push_screen(progress.ProgressScreen(f"Exporting to {choice.path.name}"))
        screen.run_worker(partial(_export, screen, choice, ids), thread=True, exclusive=True, group="data")

    screen.app.push_screen(
        ExportForm(default, person.name if person else None, detail.company if detail and detail.people else None),
        chosen,
    )
