"""`followup sync`: set up the server (--setup), then sync the follow-ups and people both ways."""

from __future__ import annotations

import sys
from dataclasses import replace

from followup_tui import clock
from followup_tui.settings import Settings
from followup_tui.shell.args import Sync
from followup_tui.shell.output import fail, printable
from followup_tui.store import commands, queries
from followup_tui.store.errors import StoreError
from followup_tui.sync import discovery
from followup_tui.sync.dav import Remote
from followup_tui.sync.engine import run
from followup_tui.sync.errors import NoPassword, NoTasks, SyncError
from followup_tui.sync.password import PASSWORD_ENV, find_password, keep_password


def run_sync_command(command: Sync) -> int:
    """Set up or sync; one clear line and a non-zero status for whatever stops it."""
    try:
        if command.setup:
            return _setup(command)
        settings = queries.settings()
        password = _password(settings.sync_user) if settings.sync_user else ""
        report = run(None, settings, password, clock.now(), prefer=command.prefer)
    except (SyncError, StoreError) as error:
        return fail(error, 1)
    print(report.summary())
    for c in report.conflicts:
        if c.here or c.there:
            print(
                printable(f"  conflict: {c.what}, {c.field}: here {c.here!r}, on the server {c.there!r}: {c.settled}.")
            )
        else:
            print(printable(f"  conflict: {c.what}: {c.settled}."))
    return 0


def _password(user: str) -> str:
    found = find_password(user)
    if found is None:
        raise NoPassword(
            f"No sync password for {user}: set ${PASSWORD_ENV}, or run `followup sync --setup` to keep it "
            "in the system keyring."
        )
    return found


def _setup(command: Sync) -> int:
    before = queries.settings()
    url, user = command.url or before.sync_url, command.user or before.sync_user
    if not url or not user:
        return fail("Set up sync with `followup sync --setup --url URL --user NAME`.", 2)
    password = find_password(user)
    if password is None:
        import getpass

        if not sys.stdin.isatty():
            return fail(f"No password for {user}: set ${PASSWORD_ENV}, or run --setup in a terminal.", 2)
        password = getpass.getpass(f"Password for {user} at {url}: ")
        if keep_password(user, password):
            print("The password is kept in the system keyring (never in the database).")
        else:
            print(f"No system keyring here: set ${PASSWORD_ENV} for `followup sync`.")
    remote = Remote(url, user, password)
    try:
        found = discovery.discover(remote)
    finally:
        remote.close()
    calendars = [c for c in found.calendars if c.takes_tasks]
    if command.task_list:
        named = discovery.choose(found.calendars, command.task_list, "task list")
        if named is not None and not named.takes_tasks:
            raise NoTasks(
                f"The calendar {named.name!r} refuses tasks (VTODO): choose one that takes tasks, or export the "
                "follow-ups with `followup export followups.ics` and import that file instead."
            )
    task_list = discovery.choose(calendars, command.task_list, "task list")
    book = discovery.choose(found.address_books, command.address_book, "address book")
    if task_list is None and book is None:
        return fail(
            "The server has no task list (a calendar that takes tasks, VTODO) and no address book for this user: "
            "make one in its web page or app, then run --setup again. Google's CalDAV takes no tasks: use "
            "`followup export followups.ics` there.",
            1,
        )

    def change(settings: Settings) -> Settings:
        return replace(
            settings,
            sync_url=url,
            sync_user=user,
            sync_task_list=task_list.url if task_list else "",
            sync_address_book=book.url if book else "",
        )

    commands.change_settings(change)
    print(printable(f"Sync set up for {user} at {url}:"))
    print(printable(f"  tasks: {task_list.name + ' (' + task_list.url + ')' if task_list else 'none (no task list)'}"))
    print(printable(f"  contacts: {book.name + ' (' + book.url + ')' if book else 'none (no address book)'}"))
    print("Run `followup sync` to send your follow-ups and contacts.")
    return 0
