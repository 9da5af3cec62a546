"""Dialogs at 80x24 on names far longer than a line (another program, or an import, wrote them): the
name is cut short with an ellipsis and the dialog's fields and keys line stay on screen."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from onscreen import screen_lines

from followup_tui.kinds import Kind
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.call_script import CallScriptScreen
from followup_tui.tui.screens.draft import DraftScreen
from followup_tui.tui.screens.history import HistoryScreen
from followup_tui.tui.screens.main import MainScreen
from followup_tui.tui.screens.review import ReviewScreen
from followup_tui.tui.screens.status import StatusScreen
from followup_tui.tui.widgets.review_list import ReviewList

SMALL = (80, 24)
# 300 characters: words (which wrap) or one word (which cannot).
LONG = {"words": ("Consolidated Northern Holdings " * 10).strip(), "one word": "X" * 300}


def lengthen(path: Path, long: str) -> None:
    """Every company and every person's name made 300 characters long, as an earlier process left them
    (with "": the names as they were)."""
    if not long:
        return
    with closing(sqlite3.connect(path)) as raw, raw:
        raw.execute('UPDATE "interview" SET company = ?', (long,))
        raw.execute("UPDATE \"contact\" SET name = substr(name || ' ' || ?, 1, 300)", (long,))


def on_screen(app, text: str) -> bool:
    return any(text in line for line in screen_lines(app))


def line_with(app, text: str) -> str:
    return next(line for line in screen_lines(app) if text in line)


async def to_main(pilot) -> None:
    await pilot.pause()
    if isinstance(pilot.app.screen, ReviewScreen):
        await pilot.press("escape")
        await pilot.pause()
    assert isinstance(pilot.app.screen, MainScreen)


@pytest.mark.parametrize("long", LONG.values(), ids=LONG.keys())
async def test_the_status_dialog_keeps_its_choices_and_keys_on_screen(yesterday_db, long):
    lengthen(yesterday_db, long)
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SMALL) as pilot:
        await to_main(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StatusScreen)
        for shown in ("Status of", "active", "withdrawn", "enter choose · escape cancel"):
            assert on_screen(app, shown), (shown, "\n".join(screen_lines(app)))
        assert "…" in line_with(app, "Status of")  # one line, cut


@pytest.mark.parametrize("long", LONG.values(), ids=LONG.keys())
async def test_the_history_dialog_keeps_its_keys_on_screen(yesterday_db, long):
    lengthen(yesterday_db, long)
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SMALL) as pilot:
        await to_main(pilot)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        for shown in ("History with", "escape close"):
            assert on_screen(app, shown), (shown, "\n".join(screen_lines(app)))
        assert "…" in line_with(app, "History with")


async def _write_from_review(pilot, kind: Kind) -> None:
    app = pilot.app
    await pilot.pause()
    assert isinstance(app.screen, ReviewScreen)
    item = next(i for i in app.screen.items.values() if i.kind is kind)
    app.screen.query_one(ReviewList).select_id(item.id)
    await pilot.pause()
    await pilot.press("w")
    await pilot.pause()


@pytest.mark.parametrize("long", [*LONG.values(), ""], ids=[*LONG.keys(), "as it was"])
async def test_the_call_script_keeps_its_script_and_keys_on_screen(yesterday_db, long):
    lengthen(yesterday_db, long)
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SMALL) as pilot:
        await _write_from_review(pilot, Kind.CALL)
        assert isinstance(app.screen, CallScriptScreen), type(app.screen).__name__
        for shown in ("Call ", "If they answer", "r reached"):
            assert on_screen(app, shown), (shown, "\n".join(screen_lines(app)))


@pytest.mark.parametrize("long", LONG.values(), ids=LONG.keys())
async def test_the_draft_heading_leaves_the_editor_and_its_keys_on_screen(yesterday_db, long):
    lengthen(yesterday_db, long)
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SMALL) as pilot:
        await _write_from_review(pilot, Kind.THANK_YOU_EMAIL)
        assert isinstance(app.screen, DraftScreen), type(app.screen).__name__
        lines = screen_lines(app)
        heading = next(n for n, line in enumerate(lines) if "Email to" in line)
        editor = next(n for n, line in enumerate(lines) if "Draft" in line and "╭" in line)
        assert editor - heading <= 3, "\n".join(lines)  # the heading takes a line or two, not the screen
        assert "ctrl+s" in lines[-1] or "Save" in lines[-1], lines[-1]
