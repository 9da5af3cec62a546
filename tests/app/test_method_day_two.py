"""The method's rules on yesterday's database (made by an earlier process), through the keys and the
installed command: what a user closing an interview, or reading tomorrow's plan, sees."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.main import MainScreen
from followup_tui.tui.screens.review import ReviewScreen
from followup_tui.tui.widgets.review_list import ReviewList

SIZE = (120, 40)
NOW = "2026-11-25T09:30"


def sql(path: Path, statement: str, *params) -> list[tuple]:
    with closing(sqlite3.connect(path)) as connection, connection:
        return connection.execute(statement, params).fetchall()


def thank_yous(path: Path, company: str) -> list[tuple[int, str, str]]:
    return sql(
        path,
        "SELECT a.id, c.name, a.state FROM action a JOIN interview i ON i.id = a.interview_id "
        "JOIN contact c ON c.id = a.contact_id WHERE i.company = ? AND a.kind LIKE 'thank_you%' ORDER BY a.id",
        company,
    )


async def to_main(pilot) -> None:
    await pilot.pause()  # the main screen opens the review on mount when something is due
    if isinstance(pilot.app.screen, ReviewScreen):
        await pilot.press("t")
        await pilot.pause()
    assert isinstance(pilot.app.screen, MainScreen)


async def test_never_skip_a_thank_you_withdrawing_on_the_interview_day_keeps_them_to_send(
    yesterday_db, followup_command
):
    # Bluefin Robotics: interviewed yesterday, three thank-yous due today.
    before = thank_yous(yesterday_db, "Bluefin Robotics")
    assert len(before) == 3 and {state for _, _, state in before} == {"open"}
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        await to_main(pilot)
        await pilot.press("slash", *"Bluefin", "enter")
        await pilot.pause()
        assert app.screen.detail.company == "Bluefin Robotics"
        await pilot.press("s")
        await pilot.pause()
        await pilot.press(*["down"] * 5, "enter")  # active, offer, accepted, rejected, filled, withdrawn
        await pilot.pause()
        assert app.screen.detail.status.value == "withdrawn"
        # The call and the letter pause; the thank-yous stay in the review, and can be ticked.
        await pilot.press("t")
        await pilot.pause()
        review = app.screen.query_one(ReviewList)
        shown = {entry.item.id for entry in review.entries if entry.item}
        first_id = before[0][0]
        assert {ident for ident, _, _ in before} <= shown
        review.select_id(first_id)
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
    after = dict((ident, state) for ident, _, state in thank_yous(yesterday_db, "Bluefin Robotics"))
    assert after[first_id] == "done" and sorted(after.values()) == ["done", "open", "open"]
    calls = sql(
        yesterday_db,
        "SELECT a.state FROM action a JOIN interview i ON i.id = a.interview_id "
        "WHERE i.company = 'Bluefin Robotics' AND a.kind IN ('call', 'letter')",
    )
    assert calls and {state for (state,) in calls} == {"cancelled"}
    # Tomorrow's shell: the two left are still there to send, by the installed command.
    env = {**os.environ, "FOLLOWUP_NOW": "2026-11-26T08:00"}
    out = subprocess.run(
        [*followup_command, "--db", str(yesterday_db), "today", "--json"], capture_output=True, text=True, env=env
    )
    assert out.returncode == 0, out.stderr
    items = json.loads(out.stdout)["items"]
    left = [i for i in items if i["company"] == "Bluefin Robotics" and i["kind"].startswith("thank_you")]
    assert len(left) == 2 and all(i["state"] == "open" for i in left)


async def test_a_call_ticked_in_the_checklist_asks_how_it_went(yesterday_db):
    from followup_tui.tui.screens.call_outcome import CallOutcomeScreen
    from followup_tui.tui.widgets.checklist import Checklist

    ((call, due),) = sql(
        yesterday_db,
        "SELECT a.id, a.due FROM action a JOIN interview i ON i.id = a.interview_id "
        "WHERE i.company = 'Bluefin Robotics' AND a.kind = 'call'",
    )
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        await to_main(pilot)
        await pilot.press("slash", *"Bluefin", "enter")
        await pilot.pause()
        checklist = app.screen.query_one(Checklist)
        checklist.focus()
        checklist.select_action(call)
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        assert isinstance(app.screen, CallOutcomeScreen)
        await pilot.press("n")  # no answer: stays open, tried again the next business day
        await pilot.pause()
        assert sql(yesterday_db, "SELECT state, due FROM action WHERE id = ?", call)[0] == ("open", "2026-11-26")
        await pilot.press("space")
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        state, note = sql(yesterday_db, "SELECT state, note FROM action WHERE id = ?", call)[0]
        assert state == "done" and "voicemail" in note.lower() and "no answer" in note.lower()
        await pilot.press("space")  # a done call unticks at once, as before
        await pilot.pause()
        assert not isinstance(app.screen, CallOutcomeScreen)
        assert sql(yesterday_db, "SELECT state FROM action WHERE id = ?", call)[0] == ("open",)


def letter_without_address(path: Path) -> int:
    ((ident,),) = sql(
        path,
        "SELECT a.id FROM action a JOIN contact c ON c.id = a.contact_id JOIN interview i ON i.id = a.interview_id "
        "WHERE a.kind = 'letter' AND i.company = 'Bluefin Robotics' AND c.address = ''",
    )
    return ident


def test_a_letter_with_no_mailing_address_is_not_marked_posted_without_a_word_from_the_shell(
    yesterday_db, followup_command
):
    letter = letter_without_address(yesterday_db)
    env = {**os.environ, "FOLLOWUP_NOW": NOW}
    run = [*followup_command, "--db", str(yesterday_db), "done", str(letter)]
    refused = subprocess.run(run, capture_output=True, text=True, env=env)
    assert refused.returncode == 2
    assert "no mailing address on file for Dana Whitfield" in refused.stderr and "--yes" in refused.stderr
    assert sql(yesterday_db, "SELECT state FROM action WHERE id = ?", letter) == [("open",)]
    posted = subprocess.run([*run, "--yes"], capture_output=True, text=True, env=env)
    assert posted.returncode == 0, posted.stderr
    assert sql(yesterday_db, "SELECT state FROM action WHERE id = ?", letter) == [("done",)]


async def test_a_letter_with_no_mailing_address_asks_before_it_is_ticked_in_the_review_and_the_checklist(
    yesterday_db,
):
    from followup_tui.tui.screens.confirm import ConfirmScreen
    from followup_tui.tui.widgets.checklist import Checklist

    letter = letter_without_address(yesterday_db)
    sql(yesterday_db, "UPDATE action SET due = '2026-11-25' WHERE id = ?", letter)  # due today: in the review
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if not isinstance(app.screen, ReviewScreen):
            await pilot.press("t")
            await pilot.pause()
        review = app.screen.query_one(ReviewList)
        review.select_id(letter)
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and "no mailing address" in str(app.screen.question)
        await pilot.press("n")
        await pilot.pause()
        assert sql(yesterday_db, "SELECT state FROM action WHERE id = ?", letter) == [("open",)]
        await pilot.press("t")  # the same in the interview's checklist
        await pilot.pause()
        await pilot.press("slash", *"Bluefin", "enter")
        await pilot.pause()
        checklist = app.screen.query_one(Checklist)
        checklist.focus()
        checklist.select_action(letter)
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
    assert sql(yesterday_db, "SELECT state FROM action WHERE id = ?", letter) == [("done",)]


def test_once_a_week_a_second_round_with_the_same_person_runs_one_cycle_not_two(yesterday_db, followup_command):
    from datetime import date

    from followup_tui.contact import PersonInput
    from followup_tui.inputs import InterviewInput
    from followup_tui.store import commands
    from followup_tui.store.database import close_database, open_database

    ((priya,),) = sql(yesterday_db, "SELECT id FROM contact WHERE name = 'Priya Raman'")
    today = date(2026, 11, 25)
    open_database(yesterday_db)  # the user adds the second round and links Priya's stored card
    try:
        second = commands.add_interview(InterviewInput("Northwind Analytics", today, "Senior Data Analyst"), today)
        commands.add_person(second, PersonInput("Priya Raman", is_lead=True), today, contact_id=priya)
    finally:
        close_database()
    env = {**os.environ, "FOLLOWUP_NOW": "2026-11-25T09:30"}
    out = subprocess.run(
        [*followup_command, "--db", str(yesterday_db), "today", "--json", "--days", "60"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert out.returncode == 0, out.stderr
    cycle = ("call", "letter", "decision", "weekly_email", "weekly_call", "weekly_letter")
    to_priya = [i for i in json.loads(out.stdout)["items"] if i["person"] == "Priya Raman" and i["kind"] in cycle]
    assert to_priya and {i["interview_id"] for i in to_priya} == {second}
    assert len([i for i in to_priya if i["kind"] == "call"]) == 1


def test_a_call_with_no_answer_can_be_done_by_email_instead_from_the_shell(yesterday_db, followup_command):
    ((call,),) = sql(
        yesterday_db,
        "SELECT a.id FROM action a JOIN interview i ON i.id = a.interview_id "
        "WHERE i.company = 'Bluefin Robotics' AND a.kind = 'call'",
    )
    env = {**os.environ, "FOLLOWUP_NOW": NOW}
    run = [*followup_command, "--db", str(yesterday_db), "done", str(call), "--outcome"]
    for outcome in ("no_answer", "no_answer", "emailed"):
        done = subprocess.run([*run, outcome], capture_output=True, text=True, env=env)
        assert done.returncode == 0, done.stderr
    state, note = sql(yesterday_db, "SELECT state, note FROM action WHERE id = ?", call)[0]
    assert state == "done" and note.count("No answer") == 2 and "Emailed instead" in note


async def test_the_right_medium_no_word_yet_is_a_call_to_someone_who_prefers_the_post_or_phone(yesterday_db):
    from followup_tui.tui.screens.call_script import CallScriptScreen
    from followup_tui.tui.screens.draft import DraftScreen

    ((decision, priya),) = sql(
        yesterday_db,
        "SELECT a.id, a.contact_id FROM action a JOIN contact c ON c.id = a.contact_id "
        "WHERE a.kind = 'decision' AND a.state = 'open' AND c.name = 'Priya Raman'",
    )
    sql(yesterday_db, "UPDATE action SET due = '2026-11-25' WHERE id = ?", decision)  # due today: in the review
    for preferred, opens in (("email", DraftScreen), ("post", CallScriptScreen), ("phone", CallScriptScreen)):
        sql(yesterday_db, "UPDATE contact SET preferred = ? WHERE id = ?", preferred, priya)
        app = FollowupApp(yesterday_db)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            if not isinstance(app.screen, ReviewScreen):
                await pilot.press("t")
                await pilot.pause()
            app.screen.query_one(ReviewList).select_id(decision)
            await pilot.pause()
            await pilot.press("w")
            await pilot.pause()
            assert isinstance(app.screen, opens), preferred
