"""`h`, `p` and `m` on yesterday's database, each proving what a user sees: the history of the person on
the card, the profile form saving, a template shown and edited (the day-two sweep presses these keys
too, but only checks that the app lives and the right dialog opens)."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import date

from followup_tui import clock
from followup_tui.dates import show_date
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.history import HistoryScreen
from followup_tui.tui.screens.main import MainScreen
from followup_tui.tui.screens.profile_form import ProfileForm
from followup_tui.tui.screens.review import ReviewScreen
from followup_tui.tui.screens.templates import TemplateForm, TemplateList
from followup_tui.writing.drafts import TEMPLATES

SIZE = (120, 40)


def sql(path, query: str, *params) -> list[tuple]:
    with closing(sqlite3.connect(path)) as con, con:
        return con.execute(query, params).fetchall()


async def main_screen(pilot) -> MainScreen:
    await pilot.pause()
    if isinstance(pilot.app.screen, ReviewScreen):
        await pilot.press("t")
        await pilot.pause()
    assert isinstance(pilot.app.screen, MainScreen)
    return pilot.app.screen


def shown_text(screen) -> str:
    return "\n".join(str(widget.render()) for widget in screen.query("Static"))


async def test_h_lists_what_was_done_with_the_person_newest_first(yesterday_db):
    done = sql(
        yesterday_db,
        """SELECT a.done_on FROM "action" a JOIN "contact" c ON c.id = a.contact_id
           WHERE c.name = 'Helen Okafor' AND a.state = 'done' ORDER BY a.done_on DESC""",
    )
    assert len(done) == 4  # a call, a letter, her card, the thank-you letter
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        main = await main_screen(pilot)
        for _ in main.rows:
            if main.detail.company == "Cedar & Stone Architects":
                break
            await pilot.press("j")
            await pilot.pause()
        assert main.card.current.name == "Helen Okafor"
        await pilot.press("h")
        await pilot.pause()
        history = app.screen
        assert isinstance(history, HistoryScreen)
        assert "History with Helen Okafor" in str(history.query_one(".dialog-title").render())
        entries = [str(entry.render()) for entry in history.query(".history-entry")]
        assert [entry.split("  ")[0] for entry in entries] == [
            show_date(date.fromisoformat(day), clock.today()) for (day,) in done
        ]
        assert all("Cedar & Stone Architects" in entry for entry in entries)
        assert any("Call Helen Okafor" in entry for entry in entries), entries
        await pilot.press("h")  # h closes it again, as escape does
        await pilot.pause()
        assert app.screen is main


async def test_p_opens_the_profile_and_ctrl_s_saves_it_for_the_next_draft(yesterday_db):
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        main = await main_screen(pilot)
        await pilot.press("p")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ProfileForm)
        assert form.query_one("#my_name").value == "Sam Rivera"  # what is stored is what the form shows
        form.query_one("#my_email").value = "sam@rivera.example"
        form.query_one("#strengths").text = "turning messy data into decisions\nclear writing"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is main
        await pilot.press("p")  # opened again: the saved profile
        await pilot.pause()
        assert app.screen.query_one("#my_email").value == "sam@rivera.example"
        await pilot.press("escape")
        await pilot.pause()
    (stored,) = sql(yesterday_db, "SELECT value FROM setting WHERE key = 'profile'")[0]
    profile = json.loads(stored)
    assert profile["name"] == "Sam Rivera" and profile["email"] == "sam@rivera.example"
    assert profile["strengths"] == ["turning messy data into decisions", "clear writing"]


async def test_m_lists_the_templates_and_an_edited_one_is_kept(yesterday_db):
    name, (_, shipped) = next(iter(TEMPLATES.items()))
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        main = await main_screen(pilot)
        await pilot.press("m")
        await pilot.pause()
        listed = app.screen
        assert isinstance(listed, TemplateList)
        options = listed.query_one("OptionList")
        assert [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)] == [
            t for t, _ in TEMPLATES.values()
        ]
        await pilot.press("enter")  # the first: its text, as shipped
        await pilot.pause()
        form = app.screen
        assert isinstance(form, TemplateForm)
        area = form.query_one("#template")
        assert area.text == shipped
        area.text = shipped.replace("{signature}", "With thanks,\n{signature}")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is main
        await pilot.press("m", "enter")
        await pilot.pause()
        assert "With thanks,\n{signature}" in app.screen.query_one("#template").text
        await pilot.press("escape")
        await pilot.pause()
    assert sql(yesterday_db, "SELECT value FROM setting WHERE key = ?", f"template:{name}") == [
        (shipped.replace("{signature}", "With thanks,\n{signature}"),)
    ]
