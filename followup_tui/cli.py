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
    common = _Parser(add_help=False)  # the subcommands' parsers are _Parser too: their parents must be
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
    stats = sub.add_parser(
        "stats", parents=[common], help="how well you follow the method: per interview, overall, per week"
    )
    stats.add_argument("--json", action="store_true", help="print JSON (fields documented in README.md)")
    done = sub.add_parser("done", parents=[common], help="mark an action done, by the id `followup today` shows")
    done.add_argument("id", type=int)
    done.add_argument(
        "--outcome",
        choices=["reached", "voicemail", "no_answer", "emailed"],
        help="for calls: no_answer keeps it open for the next business day; emailed: no answer, so you wrote",
    )
    done.add_argument(
        "--yes", action="store_true", help="for a letter to someone with no mailing address on file: posted anyway"
    )
    snooze = sub.add_parser("snooze", parents=[common], help="move an action to the next business day")
    snooze.add_argument("id", type=int)
    capture = sub.add_parser(
        "capture", parents=[common], help="read a business card: its text from standard input, or a photo of it"
    )
    capture.add_argument(
        "photo",
        type=Path,
        nargs="?",
        metavar="PHOTO",
        help="a photo of the card (JPEG, PNG, WebP, HEIC); its QR code or printed text is read. "
        "Needs: pip install 'followup-tui[photo]'",
    )
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
    exp.add_argument("file", type=Path, metavar="FILE")
    exp.add_argument(
        "--vdir",
        action="store_true",
        help="FILE is a folder: one .ics file per open follow-up, kept in step on each export (for vdirsyncer)",
    )
    sub.add_parser(
        "notify",
        parents=[common],
        help="a desktop notification of what is due today or overdue, each item once a day (for cron; README)",
    )
    sub.add_parser("backup", parents=[common], help="make a checked backup now (kept in backups/ beside the database)")
    restore = sub.add_parser(
        "restore", parents=[common], help="list backups, or restore one (the current data is kept aside)"
    )
    restore.add_argument("file", type=Path, nargs="?")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    _add_loop_commands(sub, common)
    sync = sub.add_parser(
        "sync",
        parents=[common],
        help="sync follow-ups (as tasks) and people (as cards) with your CalDAV/CardDAV server, both ways",
        description="Set up once with --setup --url URL --user NAME (the password comes from the system keyring "
        "or $FOLLOWUP_SYNC_PASSWORD, never the database); then `followup sync` sends what changed here and "
        "takes what changed there (done on the phone: done here).",
    )
    sync.add_argument("--setup", action="store_true", help="find the task list and address book, and keep the choice")
    sync.add_argument(
        "--url", metavar="URL", help="with --setup: the server, e.g. https://cloud.example/remote.php/dav"
    )
    sync.add_argument("--user", metavar="NAME", help="with --setup: your user name on the server")
    sync.add_argument("--task-list", metavar="NAME", help="with --setup: which task list (name or URL) when several")
    sync.add_argument("--address-book", metavar="NAME", help="with --setup: which address book when several")
    sync.add_argument(
        "--prefer",
        choices=["server", "local"],
        help="settle card conflicts (a field changed on the server and here): take the server's or keep this one",
    )
    return parser


def _add_loop_commands(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """add, list, status, note: the daily loop from scripts and cron, as the app's forms and keys do it."""
    add = sub.add_parser("add", parents=[common], help="add an interview and its people; prints its id")
    add.add_argument("company", help="who interviewed you")
    add.add_argument("--role", default="", help="the job title")
    add.add_argument("--date", default="today", metavar="DAY", help="today (default), yesterday, mon, nov 20, ISO")
    add.add_argument("--start", default="", metavar="TIME", help="when it started, e.g. 13:30")
    add.add_argument("--end", default="", metavar="TIME", help="when it ended; from 15:00 thank-yous are due next day")
    add.add_argument(
        "--person",
        action="append",
        default=[],
        metavar='"NAME <EMAIL>"',
        help="someone you met (repeat for each; the first is the lead interviewer)",
    )
    add.add_argument(
        "--card", action="append", default=[], type=Path, metavar="FILE", help="people from a .vcf or a card's text"
    )
    add.add_argument("--region", metavar="CC", help="phone region for numbers without +country code")
    listing = sub.add_parser("list", parents=[common], help="interviews with their status and next action")
    listing.add_argument("--json", action="store_true", help="print JSON (fields documented in README.md)")
    status = sub.add_parser("status", parents=[common], help="set an interview's status, as the app's s key")
    status.add_argument("id", type=int, help="the interview's id (`followup list`)")
    status.add_argument("status", help="active, offer, accepted, rejected, filled or withdrawn")
    note = sub.add_parser("note", parents=[common], help="add a paragraph to an interview's notes")
    note.add_argument("id", type=int, help="the interview's id (`followup list`)")
    note.add_argument("text")


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
    from followup_tui.shell.output import fail

    return fail(error, code)


def _run_command(ns: argparse.Namespace) -> int:
    """A shell subcommand: its typed arguments, run on the database file."""
    from followup_tui.shell.args import from_namespace
    from followup_tui.shell.run import run

    return run(from_namespace(ns), paths.db_path(ns.db))
