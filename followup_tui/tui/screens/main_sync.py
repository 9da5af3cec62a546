"""The main screen's sync (y): the first time, set up the server; then send what changed here and take what
changed on the phone, off the UI thread, and show it in the panes. Y changes the set-up.

The work is followup_tui.sync's, the same as `followup sync`: these functions only ask, wait and tell."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from followup_tui import clock
from followup_tui.store import queries
from followup_tui.store.errors import StoreError

if TYPE_CHECKING:
    from followup_tui.settings import Settings
    from followup_tui.sync.report import SyncReport
    from followup_tui.tui.screens.main import MainScreen
    from followup_tui.tui.screens.sync_form import SyncSetup, SyncSetupForm

_SHOWN_CONFLICTS = 3  # in the notification; `followup sync` lists them all


def start_sync(screen: MainScreen, *, setup: bool = False) -> None:
    """Sync now, or open the set-up form when sync is not set up (or `setup` asks for it, or no password)."""
    try:
        settings = queries.settings()
    except StoreError as error:
        screen.notify(str(error), severity="error", markup=False)
        return
    if setup or not (settings.sync_url and settings.sync_user):
        open_setup(screen, settings)
        return
    # The password is looked up in the worker: a keyring may take a while to answer (or ask to unlock).
    _in_worker(screen, f"Syncing with {_host(settings.sync_url)}", partial(_sync, screen, settings, None, ""))


def open_setup(screen: MainScreen, settings: Settings, problem: str = "") -> None:
    """The set-up form for what is set up now, with `problem` above it."""
    from followup_tui.tui.screens.sync_form import SyncSetupForm

    _ask(screen, SyncSetupForm.from_settings(settings, problem=problem))


def _ask(screen: MainScreen, form: SyncSetupForm) -> None:
    """The set-up form; on save, the server is asked for its task list and address book off the UI thread."""

    def chosen(setup: SyncSetup | None) -> None:
        if setup is not None:
            title = f"Looking for your task list and address book at {_host(setup.url)}"
            _in_worker(screen, title, partial(_set_up, screen, setup))

    screen.app.push_screen(form, chosen)


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


def _in_worker(screen: MainScreen, title: str, job: Callable[[], None]) -> None:
    """Run a sync job in a thread (one at a time) behind a progress screen titled `title`."""
    from followup_tui.tui.screens.progress import ProgressScreen

    screen.app.push_screen(ProgressScreen(title))
    screen.run_worker(job, thread=True, exclusive=True, group="sync")


def _close_progress(screen: MainScreen) -> None:
    from followup_tui.tui.screens.progress import ProgressScreen

    if isinstance(screen.app.screen, ProgressScreen):
        screen.app.pop_screen()


def _set_up(screen: MainScreen, setup: SyncSetup) -> None:
    """In a worker: find the collections, keep the choice (and the password, in the keyring), then sync."""
    from followup_tui.store import commands
    from followup_tui.store.database import thread_connection
    from followup_tui.sync.errors import SyncError
    from followup_tui.sync.password import keep_password
    from followup_tui.sync.setup import find_collections, with_sync

    try:
        chosen = find_collections(setup.url, setup.user, setup.password, setup.task_list, setup.address_book)
        with thread_connection():
            commands.change_settings(lambda stored: with_sync(stored, setup.url, setup.user, chosen))
            settings = queries.settings()
    except (SyncError, StoreError) as error:
        screen.app.call_from_thread(_set_up_failed, screen, setup, str(error))
        return
    kept = keep_password(setup.user, setup.password)
    screen.app.sync_password = setup.password  # this run syncs with it whether or not a keyring kept it
    where = (
        "password in the system keyring"
        if kept
        else "no system keyring here: password kept until you quit; $FOLLOWUP_SYNC_PASSWORD gives it for good"
    )
    _sync(screen, settings, setup.password, f"Sync set up: {chosen.names()} ({where}).\n")


def _set_up_failed(screen: MainScreen, setup: SyncSetup, message: str) -> None:
    """Back to the form, as typed, with what went wrong above it."""
    from followup_tui.tui.screens.sync_form import SyncSetupForm

    _close_progress(screen)
    _ask(screen, SyncSetupForm(setup, problem=message))


def _sync(screen: MainScreen, settings: Settings, password: str | None, before: str, prefer: str | None = None) -> None:
    """In a worker: one sync on this thread's connection (the password, when not given, from this run's set-up,
    the keyring or the environment); then the panes show what the phone changed."""
    from followup_tui.store.database import thread_connection
    from followup_tui.sync.engine import run
    from followup_tui.sync.errors import SyncError
    from followup_tui.sync.password import find_password

    password = password or screen.app.sync_password or find_password(settings.sync_user)
    if password is None:
        problem = f"No password for {settings.sync_user} yet: type it below."
        screen.app.call_from_thread(_no_password, screen, settings, problem)
        return

    try:
        with thread_connection():
            report = run(None, settings, password, clock.now(), prefer=prefer)
    except (SyncError, StoreError) as error:
        screen.app.call_from_thread(_finished, screen, before + str(error), None)
        return
    screen.app.call_from_thread(_finished, screen, before + report.summary(), report, (settings, password))


def _no_password(screen: MainScreen, settings: Settings, problem: str) -> None:
    _close_progress(screen)
    open_setup(screen, settings, problem=problem)


def _finished(
    screen: MainScreen, message: str, report: SyncReport | None, again: tuple[Settings, str] | None = None
) -> None:
    """Say how it went; cards changed on both sides are asked about, other conflicts told."""
    from followup_tui.tui.screens.main_jobs import finish_job

    finish_job(screen, message, error=report is None)
    if report is None:
        return
    told = [c for c in report.conflicts if not c.open]
    if told:
        lines = [
            f"{c.what}, {c.field}: here {c.here}, on the server {c.there}: {c.settled}"
            if c.here or c.there
            else f"{c.what}: {c.settled}"
            for c in told[:_SHOWN_CONFLICTS]
        ]
        more = len(told) - len(lines)
        screen.notify(
            "Changed on both sides:\n" + "\n".join(lines) + (f"\nand {more} more" if more > 0 else ""),
            severity="warning",
            markup=False,
            timeout=20,
        )
    asked = [c for c in report.conflicts if c.open]
    if asked and again is not None:
        from followup_tui.tui.screens.sync_conflicts import SyncConflictScreen

        def chosen(prefer: str | None) -> None:
            if prefer is None:
                screen.notify("Left as they are: the next sync asks again.", markup=False)
            else:
                settings, password = again
                title = "Taking the server's values" if prefer == "server" else "Sending this side's values"
                _in_worker(screen, title, partial(_sync, screen, settings, password, "", prefer))

        screen.app.push_screen(SyncConflictScreen(asked), chosen)
