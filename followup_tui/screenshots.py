"""Regenerate screenshots/ from the demo data on a fixed clock: `python -m followup_tui.screenshots`."""

from __future__ import annotations

import asyncio
import re
import sys
import tempfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from followup_tui import clock
from followup_tui.demo import build_demo
from followup_tui.store import commands
from followup_tui.store.database import close_database, open_database

FIXED_NOW = datetime(2026, 11, 25, 9, 30)
SIZE = (120, 40)
# name -> keys pressed on the main screen before the picture is taken
# (the demo has items due, so the app opens on the daily review; escape goes to the interviews)
SAMPLE_CARD = """Marcus Lee
Engineering Manager | Bluefin Robotics
marcus.lee@bluefin.example
Direct: (617) 555-0123 x12
Cell: 617-555-0456
200 Seaport Blvd, Floor 3
Boston, MA 02210"""


def _paste_card(app) -> None:
    app.screen.query_one("#paste").text = SAMPLE_CARD


def _thank_you(app, person: str) -> int:
    from followup_tui.kinds import Kind

    return next(i.id for i in app.screen.items.values() if i.kind is Kind.THANK_YOU_EMAIL and i.person == person)


def _draft_with_typo(app) -> None:
    from followup_tui.tui.screens.draft import DraftScreen
    from followup_tui.tui.writer import letters_dir

    screen = DraftScreen(_thank_you(app, "Marcus Lee"), letters_dir(app))
    app.push_screen(screen)
    app.call_after_refresh(
        # "time" is in every wording of the thank-you (each interviewer gets a different one).
        lambda: setattr(screen.editor, "text", re.sub(r"\btime\b", "tmie", screen.editor.text, count=1))
    )


def _call_outcome(app) -> None:
    """The review's first follow-up call, marked done: the dialog asking how it went."""
    from followup_tui.kinds import Kind

    call = next(i.id for i in app.screen.items.values() if i.kind is Kind.CALL)
    app.screen.review_list.select_id(call)
    app.call_after_refresh(app.screen.action_done)


def _variation(app) -> None:
    from followup_tui.tui.screens.draft import DraftScreen
    from followup_tui.tui.writer import letters_dir

    screen = DraftScreen(_thank_you(app, "Marcus Lee"), letters_dir(app))
    app.push_screen(screen)

    def copy_danas() -> None:
        dana = dict(screen.data.others)["Dana Whitfield"]
        screen.editor.text = dana.replace("Dana", "Marcus")
        screen.action_compare()

    app.call_after_refresh(copy_danas)


def _sync_setup(app) -> None:
    """The set-up form as a user fills it (the password shows as dots)."""
    for ident, value in (
        ("url", "https://cloud.example/remote.php/dav"),
        ("user", "jordan"),
        ("password", "correct horse"),
    ):
        app.screen.query_one(f"#{ident}").value = value


SHOTS = {
    "review": ((), None),
    "call-outcome": ((), _call_outcome),
    "main": (("escape",), None),
    "capture-form": (("escape", "j", "c"), _paste_card),
    "help": (("escape", "question_mark"), None),
    "stats": (("escape", "g"), None),
    "draft-typo": ((), _draft_with_typo),
    "variation": ((), _variation),
    "sync-setup": (("escape", "Y"), _sync_setup),
}


async def _take(database: Path, keys: tuple[str, ...], setup, target: Path) -> None:
    from followup_tui.tui.app import FollowupApp

    app = FollowupApp(database, demo=True, phone_region="US")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        if setup is not None:
            setup(app)
            await pilot.pause(0.3)
        await pilot.pause(0.2)
        app.save_screenshot(target.name, str(target.parent))


def demo_database(folder: Path) -> Path:
    """A demo database in `folder`, dated on the fixed clock."""
    clock.freeze(FIXED_NOW)
    path = folder / "demo.db"
    open_database(path)
    # Weekends only: the machine's locale would choose the holidays (the US's Thanksgiving is the day after
    # the fixed clock), and the pictures must be the same on every machine.
    commands.change_settings(lambda stored: replace(stored, holiday_region=""))
    build_demo(clock.today())
    close_database()
    return path


def main(out: str = "screenshots") -> None:
    """Write one SVG per entry of SHOTS into `out`."""
    target = Path(out)
    target.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        database = demo_database(Path(scratch))
        for name, (keys, setup) in SHOTS.items():
            asyncio.run(_take(database, keys, setup, target / f"{name}.svg"))
            print(target / f"{name}.svg")


if __name__ == "__main__":
    main(*sys.argv[1:])
