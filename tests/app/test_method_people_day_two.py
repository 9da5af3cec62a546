"""The card and the letters to each person on yesterday's database (made by an earlier process),
through the keys and the installed command: what a user completing a card, adding an interviewer's
address or dropping a letter sees, in the app and in tomorrow's `followup today`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from followup_tui.store.schema import SCHEMA_VERSION
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.confirm import ConfirmScreen
from followup_tui.tui.screens.person_form import PersonForm
from followup_tui.tui.screens.review import ReviewScreen
from followup_tui.tui.screens.small_forms import DropForm
from followup_tui.tui.widgets.checklist import Checklist
from followup_tui.tui.widgets.person_card import PersonCardView
from followup_tui.tui.widgets.review_list import ReviewList
from tests.app.test_main_screen import type_into
from tests.app.test_method_day_two import NOW, SIZE, sql, to_main
from tests.daytwo.daytwo_files import schema_file


def today_json(followup_command: list[str], db: Path, *more: str, now: str = NOW) -> list[dict]:
    """`followup today --json` from the installed command, as a user runs it."""
    env = {**os.environ, "FOLLOWUP_NOW": now}
    ran = subprocess.run(
        [*followup_command, "--db", str(db), "today", "--json", *more], capture_output=True, text=True, env=env
    )
    assert ran.returncode == 0, ran.stderr
    return json.loads(ran.stdout)["items"]


async def edit_person(pilot, company: str, name: str, field: str, value: str) -> None:
    """Filter to the interview, show `name` on the card pane, e, fill `field`, save."""
    app = pilot.app
    await pilot.press("slash", *company.split()[0], "enter")
    await pilot.pause()
    assert app.screen.detail.company == company
    card = app.screen.query_one(PersonCardView)
    card.focus()
    await pilot.pause()
    for _ in range(len(card.people or ())):
        if card.current.name == name:
            break
        await pilot.press("right")
        await pilot.pause()
    assert card.current.name == name
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(app.screen, PersonForm)
    await type_into(pilot, f"#{field}", value)
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert not isinstance(app.screen, PersonForm)


async def test_the_card_says_what_is_missing_and_ticks_itself_once_complete_on_yesterdays_database(
    yesterday_db, followup_command
):
    # Grace Kim's card (Meridian Energy) holds her name and title, no way to reach her.
    items = today_json(followup_command, yesterday_db)
    (grace,) = [i for i in items if i["kind"] == "card" and i["person"] == "Grace Kim"]
    assert grace["state"] == "open" and grace["missing"] == "a way to reach them missing"
    app = FollowupApp(yesterday_db, phone_region="US")
    async with app.run_test(size=SIZE) as pilot:
        await to_main(pilot)
        await pilot.press("slash", *"Meridian", "enter")
        await pilot.pause()
        shown = "\n".join(app.screen.query_one(Checklist).option_texts())
        assert "Get Grace Kim's business card" in shown and "! a way to reach them missing" in shown
        await pilot.press("escape")
        await edit_person(pilot, "Meridian Energy", "Grace Kim", "email", "grace.kim@meridian.example")
        card = next(a for a in app.screen.detail.actions if a.kind.value == "card")
        assert card.state.value == "done" and card.done_on.isoformat() == "2026-11-25"
    (grace,) = [i for i in today_json(followup_command, yesterday_db) if i["id"] == grace["id"]]
    assert grace["state"] == "done" and grace["missing"] == ""


def test_the_card_an_earlier_version_ticked_on_one_detail_stays_ticked(tmp_path, followup_command):
    # A v8 file: Tom Becker's card was ticked on his email alone (no title on it). Opening the file with
    # this version and re-planning his interview leaves it done: what is done is the user's record.
    db = tmp_path / "data" / "followup.db"
    db.parent.mkdir()
    shutil.copy2(schema_file(8), db)
    sql(db, "UPDATE contact SET title = '' WHERE name = 'Tom Becker'")
    assert sql(db, "SELECT state FROM action WHERE id = 3") == [("done",)]
    env = {**os.environ, "FOLLOWUP_NOW": NOW}
    done = subprocess.run(
        [*followup_command, "--db", str(db), "done", "8"], capture_output=True, text=True, env=env
    )  # the decision check on the same interview: a write that re-plans it
    assert done.returncode == 0, done.stderr
    assert sql(db, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert sql(db, "SELECT state, done_on FROM action WHERE id = 3") == [("done", "2026-11-16")]


async def test_letters_to_each_person_an_address_brings_a_letter_that_can_be_dropped_with_a_reason(
    yesterday_db, followup_command
):
    # Northwind Analytics: Priya (the lead) has an address and her letter; Tom Becker has none, so no letter yet.
    def letters() -> dict[str, tuple[str, str]]:
        rows = sql(
            yesterday_db,
            "SELECT c.name, a.state, a.note FROM action a JOIN contact c ON c.id = a.contact_id "
            "JOIN interview i ON i.id = a.interview_id WHERE i.company = 'Northwind Analytics' AND a.kind = 'letter'",
        )
        return {name: (state, note) for name, state, note in rows}

    assert set(letters()) == {"Priya Raman"}
    app = FollowupApp(yesterday_db, phone_region="US")
    async with app.run_test(size=SIZE) as pilot:
        await to_main(pilot)
        await edit_person(pilot, "Northwind Analytics", "Tom Becker", "address", "500 Market Street\nSan Francisco")
        tom = next(a for a in app.screen.detail.actions if a.kind.value == "letter" and a.person_name == "Tom Becker")
        checklist = app.screen.query_one(Checklist)
        assert "Post Tom Becker a letter: your strongest points" in "\n".join(checklist.option_texts())
        checklist.focus()
        checklist.select_action(tom.id)
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DropForm)
        await pilot.press("ctrl+s")  # no reason: refused on the field
        await pilot.pause()
        assert isinstance(app.screen, DropForm) and "A reason is required" in str(
            app.screen.query_one("#reason-msg").render()
        )
        await type_into(pilot, "#reason", "He asked for email only")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, DropForm)
        shown = "\n".join(checklist.option_texts())
        assert "[-] Post Tom Becker a letter" in shown and "dropped" in shown and "He asked for email only" in shown
        await pilot.press("space")  # space on it asks before bringing it back; n keeps it dropped
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and "back on the list" in str(app.screen.question)
        await pilot.press("n")
        await pilot.pause()
    state, note = letters()["Tom Becker"]
    assert state == "dropped" and note.endswith(": He asked for email only")
    # Tomorrow and the weeks after, the installed command never lists it; Priya's letter is still there.
    items = today_json(followup_command, yesterday_db, "--days", "30", now="2026-11-26T08:00")
    posted = {i["person"] for i in items if i["kind"] == "letter" and i["company"] == "Northwind Analytics"}
    assert posted == {"Priya Raman"}


async def test_letters_to_each_person_a_letter_is_dropped_from_the_review_and_undone(yesterday_db, followup_command):
    # Bluefin Robotics: Dana's letter (the lead's) is due on 2 Dec, inside the review's seven days.
    items = today_json(followup_command, yesterday_db)
    (dana,) = [i for i in items if i["kind"] == "letter" and i["person"] == "Dana Whitfield"]
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if not isinstance(app.screen, ReviewScreen):
            await pilot.press("t")
            await pilot.pause()
        review = app.screen.query_one(ReviewList)
        review.select_id(dana["id"])
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, DropForm)
        await type_into(pilot, "#reason", "She asked for no post")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert dana["id"] not in {e.item.id for e in review.entries if e.item}
        assert sql(yesterday_db, "SELECT state FROM action WHERE id = ?", dana["id"]) == [("dropped",)]
        await pilot.press("u")
        await pilot.pause()
        assert dana["id"] in {e.item.id for e in review.entries if e.item}
        # A thank-you is never dropped: x does nothing there.
        thanks = next(e.item for e in review.entries if e.item and e.item.kind.value == "thank_you_email")
        review.select_id(thanks.id)
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
    assert sql(yesterday_db, "SELECT state, note FROM action WHERE id = ?", dana["id"]) == [("open", "")]
