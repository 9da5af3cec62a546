"""The `followup` command: starts the app; Textual is imported only to launch it."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime
from pathlib import Path

from followup_tui import __version__, clock, paths

NOW_ENV = "FOLLOWUP_NOW"


class _Parser(argparse.ArgumentParser):
    """Names the data file in --help only: finding it imports platformdirs, which `today` need not pay for."""

    def format_help(self) -> str:
        self.epilog = f"Data lives in {paths.default_db_path()} unless ${paths.DB_ENV} or --db says otherwise."
        return super().format_help()


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    db_help = f"database file (default: ${paths.DB_ENV}, else the per-user file)"
    # --db is accepted before or after the command; SUPPRESS keeps a subcommand from resetting it to None.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)
    parser = _Parser(
        prog="followup",
        description="A keyboard-driven desk for following up after job interviews. Without a command, starts the app.",
    )
    parser.add_argument("--db", metavar="PATH", help=db_help)
    parser.add_argument("--demo", action="store_true", help="open a throw-away database filled with a sample job hunt")
    parser.add_argument("--version", action="version", version=f"followup {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    today = sub.add_parser("today", parents=[common], help="print today's follow-ups (overdue, today, next days)")
    today.add_argument("--json", action="store_true", help="print JSON (fields documented in README.md)")
    today.add_argument("--days", type=int, default=7, metavar="N", help="how many days ahead to list (default 7)")
    done = sub.add_parser("done", parents=[common], help="mark an action done, by the id `followup today` shows")
    done.add_argument("id", type=int)
    done.add_argument(
        "--outcome",
        choices=["reached", "voicemail", "no_answer"],
        help="for calls: no_answer keeps it open for the next business day",
    )
    snooze = sub.add_parser("snooze", parents=[common], help="move an action to the next business day")
    snooze.add_argument("id", type=int)
    capture = sub.add_parser("capture", parents=[common], help="read a business card's text from standard input")
    capture.add_argument("--interview", type=int, metavar="ID", help="link the person to this interview")
    capture.add_argument("--save", action="store_true", help="store the person (otherwise only print the fields)")
    capture.add_argument("--json", action="store_true", help="print the fields as JSON")
    capture.add_argument("--region", metavar="CC", help="phone region for numbers without +country code")
    imp = sub.add_parser("import", parents=[common], help="import contacts (.vcf) or a followup export (.json)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--interview", type=int, metavar="ID", help="link everyone imported to this interview")
    exp = sub.add_parser(
        "export", parents=[common], help="export: .vcf contacts, .json everything, .csv interviews, .ics follow-ups"
    )
    exp.add_argument("file", type=Path)
    sub.add_parser("backup", parents=[common], help="make a checked backup now (kept in backups/ beside the database)")
    restore = sub.add_parser(
        "restore", parents=[common], help="list backups, or restore one (the current data is kept aside)"
    )
    restore.add_argument("file", type=Path, nargs="?")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    return parser


def _freeze_clock_from_env() -> None:
    """$FOLLOWUP_NOW (ISO date-time) fixes the clock, for demos and reproducible screenshots."""
    value = os.environ.get(NOW_ENV)
    if value:
        try:
            clock.freeze(datetime.fromisoformat(value))
        except ValueError:
            raise SystemExit(
                f"followup: ${NOW_ENV} must be an ISO date-time such as 2026-11-25T09:00, not {value!r}"
            ) from None


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    _freeze_clock_from_env()
    if args.command:
        return _run_command(args)
    import shutil
    import tempfile

    from followup_tui.store.database import close_database, open_database
    from followup_tui.store.errors import StoreError

    scratch = Path(tempfile.mkdtemp(prefix="followup-demo-")) if args.demo else None
    path = scratch / "demo.db" if scratch else paths.db_path(args.db)
    try:
        try:
            open_database(path)
            if scratch:
                from followup_tui.demo import build_demo

                build_demo(clock.today())
            else:
                _daily_backup(path)
        except StoreError as error:
            return _fail(error, 2)
        finally:
            close_database()
        from followup_tui.tui.app import FollowupApp

        app = FollowupApp(path, demo=bool(scratch))
        app.run()
        if app.return_code:
            print(
                f"followup stopped after an unexpected error; what was saved before it is intact. "
                f"The details are in {app.crash_log}.",
                file=sys.stderr,
            )
        return app.return_code or 0
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)


def _daily_backup(path: Path) -> None:
    """Once a day, on the first start: a checked copy in backups/, old ones pruned."""
    from followup_tui.store import backup
    from followup_tui.store.database import is_read_only
    from followup_tui.store.errors import StoreError

    if is_read_only() or not backup.daily_backup_due(path, clock.today()):
        return
    try:
        backup.make_backup(path, "daily")
        backup.prune(path)
    except StoreError as error:
        print(f"followup: warning: {error}", file=sys.stderr)


def _fail(error: Exception | str, code: int) -> int:
    """One line (or a few) on stderr, with any control character in a quoted name shown as an escape."""
    from followup_tui.shell import printable

    print(f"followup: {printable(str(error))}", file=sys.stderr)
    return code


# Commands that change the database; refused up front on a read-only file.
WRITES = ("done", "snooze", "import")


def _run_command(args: argparse.Namespace) -> int:
    """A shell subcommand. Only the app creates a database: a command given a path where there is
    none says so, rather than act on a new empty file at a mistyped path."""
    path = paths.db_path(args.db)
    if not path.exists():
        if args.command == "capture" and not args.save:
            from followup_tui import shell

            return shell.run("capture", args, stored=False)  # printing a card's fields needs no database
        return _fail(f"no database at {path}; `followup --db {path}` creates one", 2)
    if args.command in ("backup", "restore"):
        return _run_backup_command(args, path)
    return _run_shell_command(args, path)


def _run_backup_command(args: argparse.Namespace, path: Path) -> int:
    """`backup` and `restore`: work on the file through SQLite, without opening it as the app does."""
    from followup_tui.shell import printable
    from followup_tui.store import backup
    from followup_tui.store.database import check_intact
    from followup_tui.store.errors import StoreError

    try:
        if args.command == "backup":
            check_intact(path)  # a damaged file is named as such, with the backups that could replace it
            made = backup.make_backup(path, "manual")
            print(printable(f"backup made and checked: {made}"))
            return 0
        if args.file is None:
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
        if not args.yes:
            if not sys.stdin.isatty():
                return _fail("restoring replaces the current data; add --yes to confirm", 2)
            answer = input(
                printable(f"Replace the data in {path} with {args.file}? The current data is kept aside. [y/N] ")
            )
            if answer.strip().lower() not in ("y", "yes"):
                print("nothing changed")
                return 1
        aside = backup.restore(path, args.file.expanduser())
        print(printable(f"restored {args.file}; the data it replaced is kept in {aside}"))
        return 0
    except StoreError as error:
        return _fail(error, 1)


def _run_shell_command(args: argparse.Namespace, path: Path) -> int:
    """`today`, `done`, `snooze`, `capture`, `import`, `export`: open the database, act, close; no TUI."""
    from followup_tui import shell

    try:
        if args.command == "today":
            # Reads through the standard library when the file is current; peewee only if it is not.
            quick = shell.today_quickly(path, args)
            if quick is not None:
                return quick
    except BrokenPipeError:
        return _reader_left()
    from followup_tui.store.database import close_database, is_read_only, open_database
    from followup_tui.store.errors import StoreError

    try:
        # Before a change or an export, SQLite checks every page: `today` reports the damage it reads.
        open_database(path, check=args.command != "today")
    except StoreError as error:
        return _fail(error, 2)
    try:
        if is_read_only() and (args.command in WRITES or getattr(args, "save", False)):
            return _fail(f"{path} is read-only (the file or its folder cannot be written), so nothing was changed.", 1)
        return shell.run(args.command, args)
    except BrokenPipeError:
        return _reader_left()
    finally:
        close_database()


def _reader_left() -> int:
    """`followup today | head`: the reader left; stop quietly, as shell tools do."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
