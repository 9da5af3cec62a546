"""Rows another program wrote: bytes that are not UTF-8 are shown replaced (U+FFFD), never a crash,
in the app and in `followup today` alike, on a database an earlier process made."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from onscreen import screen_lines

from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.main import MainScreen
from followup_tui.tui.screens.review import ReviewScreen

SHOWN = "Acme\ufffd\ufffd"  # "Acme" then the bytes FF FE, each replaced


def _write_bad_bytes(db: Path) -> None:
    """Meridian Energy (overdue items, first in the list) renamed by a program that wrote Latin-1."""
    with sqlite3.connect(db) as raw:
        changed = raw.execute(
            "UPDATE interview SET company = CAST(X'41636d65fffe' AS TEXT) WHERE company = 'Meridian Energy'"
        ).rowcount
    raw.close()
    assert changed == 1


@pytest.mark.parametrize("json_output", [False, True], ids=["table", "json"])
def test_today_prints_bytes_that_are_not_utf8_replaced(yesterday_db, followup, json_output):
    _write_bad_bytes(yesterday_db)
    ran = followup(yesterday_db, "today", *(["--json"] if json_output else []))
    assert ran.code == 0, ran.err
    assert ran.err == ""
    if json_output:
        companies = {item["company"] for item in json.loads(ran.out)["items"]}
        assert SHOWN in companies, companies
    else:
        assert SHOWN in ran.out, ran.out


async def test_the_app_opens_on_bytes_that_are_not_utf8_and_shows_them_replaced(yesterday_db):
    _write_bad_bytes(yesterday_db)
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen), type(app.screen).__name__
        assert any(item.company == SHOWN for item in app.screen.items.values())
        screen_text = "\n".join(screen_lines(app))
        assert SHOWN in screen_text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        screen_text = "\n".join(screen_lines(app))
        assert SHOWN in screen_text
        assert app.is_running
