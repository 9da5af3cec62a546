"""The holidays in the settings form (`,`) on yesterday's database: an unknown country or region is
named with what is accepted, a saved one is kept, and what was planned moves off its holidays at once."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from onscreen import notifications

from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.main import MainScreen
from followup_tui.tui.screens.review import ReviewScreen
from followup_tui.tui.screens.settings_form import SettingsForm

SIZE = (120, 40)


def sql(path: Path, statement: str, *params) -> list[tuple]:
    with closing(sqlite3.connect(path)) as connection, connection:
        return connection.execute(statement, params).fetchall()


def meridian_letter(path: Path) -> tuple[int, str]:
    """Meridian Energy's letter: due Monday 30 November, St Andrew's Day in Scotland."""
    [(ident, due)] = sql(
        path,
        "SELECT a.id, a.due FROM action a JOIN interview i ON i.id = a.interview_id "
        "WHERE i.company = 'Meridian Energy' AND a.kind = 'letter'",
    )
    return ident, due


async def open_settings(pilot) -> SettingsForm:
    await pilot.pause()  # the main screen opens the review on mount when something is due
    if isinstance(pilot.app.screen, ReviewScreen):
        await pilot.press("t")
        await pilot.pause()
    assert isinstance(pilot.app.screen, MainScreen)
    await pilot.press("comma")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SettingsForm)
    return pilot.app.screen


async def typed(pilot, form: SettingsForm, text: str) -> str:
    """Type into the holidays field; the message shown under it."""
    field = form.query_one("#holidays")
    field.focus()
    field.value = text
    await pilot.pause()
    return str(form.query_one("#holidays-msg").render())


async def test_holidays_saved_in_the_settings_form_are_kept_and_move_what_was_planned(yesterday_db):
    letter, due = meridian_letter(yesterday_db)
    assert due == "2026-11-30"
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_settings(pilot)
        assert form.value("holidays") == ""  # the tests assume none (tests/conftest.py)
        assert "Monday to Friday" in str(form.query_one("#holidays-msg").render())

        assert "No holiday calendar for ZZ" in await typed(pilot, form, "zz")
        assert "GB has no region XX: one of ENG, NIR, SCT, WLS" in await typed(pilot, form, "gb-XX")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # not saved while the region is unknown
        assert sql(yesterday_db, "SELECT value FROM setting WHERE key = 'holiday_region'") == []

        shown = await typed(pilot, form, "gb-sct")
        assert "the public holidays of GB-SCT are not business days; next: Saint Andrew's Day, Mon 30 Nov" in shown
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert any("skip weekends and the public holidays of GB-SCT" in text for text in notifications(app))

    assert sql(yesterday_db, "SELECT value FROM setting WHERE key = 'holiday_region'") == [("GB-SCT",)]
    assert meridian_letter(yesterday_db) == (letter, "2026-12-01")  # re-planned in the same save

    again = FollowupApp(yesterday_db)
    async with again.run_test(size=SIZE) as pilot:
        form = await open_settings(pilot)
        assert form.value("holidays") == "GB-SCT"
        await typed(pilot, form, "")  # none: weekends only
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert sql(yesterday_db, "SELECT value FROM setting WHERE key = 'holiday_region'") == [("",)]
    assert meridian_letter(yesterday_db) == (letter, "2026-11-30")
