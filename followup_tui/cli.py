"""The `followup` command: starts the app; Textual is imported only to launch it."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from followup_tui import __version__, clock, paths

NOW_ENV = "FOLLOWUP_NOW"


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    parser = argparse.ArgumentParser(
        prog="followup",
        description="A keyboard-driven desk for following up after job interviews.",
        epilog=f"Data lives in {paths.default_db_path()} unless ${paths.DB_ENV} or --db says otherwise.",
    )
    parser.add_argument("--db", metavar="PATH", help=f"database file (default: ${paths.DB_ENV}, else the per-user file)")
    parser.add_argument("--demo", action="store_true", help="open a throw-away database filled with a sample job hunt")
    parser.add_argument("--version", action="version", version=f"followup {__version__}")
    return parser


def _freeze_clock_from_env() -> None:
    """$FOLLOWUP_NOW (ISO date-time) fixes the clock, for demos and reproducible screenshots."""
    value = os.environ.get(NOW_ENV)
    if value:
        try:
            clock.freeze(datetime.fromisoformat(value))
        except ValueError:
            raise SystemExit(f"followup: ${NOW_ENV} must be an ISO date-time such as 2026-11-25T09:00, not {value!r}")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    _freeze_clock_from_env()
    from followup_tui.store.database import StoreError, close_database, open_database

    scratch = Path(tempfile.mkdtemp(prefix="followup-demo-")) if args.demo else None
    path = scratch / "demo.db" if scratch else paths.db_path(args.db)
    try:
        try:
            open_database(path)
            if scratch:
                from followup_tui.demo import build_demo

                build_demo(clock.today())
        except StoreError as error:
            print(f"followup: {error}", file=sys.stderr)
            return 2
        finally:
            close_database()
        from followup_tui.tui.app import FollowupApp

        FollowupApp(path, demo=bool(scratch)).run()
        return 0
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
