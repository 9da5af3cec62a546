"""`followup backup` and `restore`: work on the file through SQLite, without opening it as the app does."""

from __future__ import annotations

import sys
from pathlib import Path

from followup_tui.shell.args import Backup, Restore
from followup_tui.shell.output import fail, printable


def run_backup_command(command: Backup | Restore, path: Path) -> int:
    """Make a backup, list them, or restore one; returns the exit status."""
    from followup_tui.store import backup
    from followup_tui.store.database import check_intact
    from followup_tui.store.errors import StoreError

    try:
        if isinstance(command, Backup):
            check_intact(path)  # a damaged file is named as such, with the backups that could replace it
            made = backup.make_backup(path, "manual")
            print(printable(f"backup made and checked: {made}"))
            return 0
        if command.file is None:
            found = backup.list_backups(path)
            if not found:
                print(printable(f"no backups of {path} yet in {backup.backups_dir(path)}"))
            for item in found:
                print(
                    printable(
                        f"{item.taken:%Y-%m-%d %H:%M:%S}  {item.reason:<22} {item.size / 1024:8.0f} KB  {item.path}"
                    )
                )
            return 0
        if not command.yes:
            if not sys.stdin.isatty():
                return fail("restoring replaces the current data; add --yes to confirm", 2)
            answer = input(
                printable(f"Replace the data in {path} with {command.file}? The current data is kept aside. [y/N] ")
            )
            if answer.strip().lower() not in ("y", "yes"):
                print("nothing changed")
                return 1
        aside = backup.restore(path, command.file.expanduser())
        print(printable(f"restored {command.file}; the data it replaced is kept in {aside}"))
        return 0
    except StoreError as error:
        return fail(error, 1)
