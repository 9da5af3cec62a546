"""Running one shell command on a database file: open it (or not), act, close; no TUI."""

from __future__ import annotations

from pathlib import Path

from followup_tui.shell.args import (
    Add,
    Backup,
    Capture,
    Command,
    Done,
    Export,
    Import,
    List,
    Note,
    Notify,
    Restore,
    SetStatus,
    Snooze,
    Stats,
    Sync,
    Today,
    writes,
)
from followup_tui.shell.output import fail, reader_left


def run(command: Command, path: Path) -> int:
    """Run `command` on the database at `path`; returns the exit status.

    Only the app creates a database: a command given a path where there is none says so, rather than
    act on a new empty file at a mistyped path."""
    if isinstance(command, Notify):
        from followup_tui.shell.notify import run_notify

        return run_notify(path)  # silent where the others explain: it runs from cron (see its module)
    if not path.exists():
        if isinstance(command, Capture) and not command.save:
            from followup_tui.shell.cards import run_card_command

            return run_card_command(command, stored=False)  # printing a card's fields needs no database
        return fail(f"no database at {path}; `followup --db {path}` creates one", 2)
    if isinstance(command, Backup | Restore):
        from followup_tui.shell.backups import run_backup_command

        return run_backup_command(command, path)
    try:
        if isinstance(command, Today):
            from followup_tui.shell.daily import today_quickly

            # Reads through the standard library when the file is current; peewee only if it is not.
            quick = today_quickly(path, command)
            if quick is not None:
                return quick
    except BrokenPipeError:
        return reader_left()
    from followup_tui.store.database import close_database, is_read_only, open_database
    from followup_tui.store.errors import StoreError

    try:
        # Before a change or an export, SQLite checks every page: `today` and `stats` report the damage they read.
        open_database(path, check=not isinstance(command, Today | Stats | List))
    except StoreError as error:
        return fail(error, 2)
    try:
        if is_read_only() and writes(command):
            return fail(f"{path} is read-only (the file or its folder cannot be written), so nothing was changed.", 1)
        return _on_open_database(command)
    except BrokenPipeError:
        return reader_left()
    finally:
        close_database()


def _on_open_database(command: Command) -> int:
    if isinstance(command, Today | Done | Snooze):
        from followup_tui.shell.daily import run_daily_command

        return run_daily_command(command)
    if isinstance(command, Stats):
        from followup_tui.shell.stats import run_stats_command

        return run_stats_command(command)
    if isinstance(command, Capture | Import | Export):
        from followup_tui.shell.cards import run_card_command

        return run_card_command(command)
    if isinstance(command, Add | List | SetStatus | Note):
        from followup_tui.shell.loop import run_loop_command

        return run_loop_command(command)
    if isinstance(command, Sync):
        from followup_tui.shell.sync import run_sync_command

        return run_sync_command(command)
    raise ValueError(f"{type(command).__name__} does not run on an open database")
