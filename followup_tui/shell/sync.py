"""`followup sync`: set up the server (--setup), then sync the follow-ups and people both ways."""

from __future__ import annotations

import sys

from followup_tui import clock
from followup_tui.shell.args import Sync
from followup_tui.shell.output import fail, printable
from followup_tui.store import commands, queries
from followup_tui.store.errors import StoreError
from followup_tui.sync.engine import run
from followup_tui.sync.errors import NoPassword, SyncError
from followup_tui.sync.password import PASSWORD_ENV, find_password, keep_password
from followup_tui.sync.setup import find_collections, server_address, with_sync
from followup_tui.validate import InputProblem


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
    try:
        url = server_address(url)
    except InputProblem as problem:
        return fail(problem, 2)
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
    chosen = find_collections(url, user, password, command.task_list, command.address_book)
    commands.change_settings(lambda settings: with_sync(settings, url, user, chosen))
    print(printable(f"Sync set up for {user} at {url}:"))
    for line in chosen.lines():
        print(printable(f"  {line}"))
    print("Run `followup sync` to send your follow-ups and contacts.")
    return 0
