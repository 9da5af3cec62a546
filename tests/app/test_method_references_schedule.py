"""The method's references and the schedule the interviewer outlined, on yesterday's database (made by
an earlier process), through the keys and the installed command."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date

from textual.widgets import Label, TextArea

from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.interview_form import InterviewForm
from followup_tui.tui.screens.profile_form import ProfileForm
from followup_tui.tui.screens.references import ReferencesScreen
from followup_tui.tui.screens.review import ReviewScreen
from followup_tui.tui.widgets.checklist import Checklist
from followup_tui.tui.widgets.review_list import ReviewList
from tests.app.test_method_day_two import NOW, SIZE, sql, to_main
from tests.onscreen import screen_lines

REFERENCES = "Ana Ruiz; my manager at Acme; ana@acme.example\nTom Lee; former colleague; ; +1 503 555 0102"


def references_item(path, company: str) -> int:
    ((ident,),) = sql(
        path,
        "SELECT a.id FROM action a JOIN interview i ON i.id = a.interview_id WHERE i.company = ? AND a.kind = ?",
        company,
        "references",
    )
    return ident


async def fill_references(pilot, text: str = REFERENCES) -> None:
    """In the open profile form: type the references and save."""
    assert isinstance(pilot.app.screen, ProfileForm)
    area = pilot.app.screen.query_one("#references", TextArea)
    area.focus()
    area.text = text
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_references_typed_in_the_profile_are_named_by_the_item_in_the_app_and_the_shell(
    yesterday_db, followup_command
):
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        await to_main(pilot)
        await pilot.press("slash", *"Bluefin", "enter")
        await pilot.pause()
        labels = [a.label for a in app.screen.detail.actions]
        assert "Alert your references: they may get a call" in labels  # none in yesterday's profile
        await pilot.press("p")
        await pilot.pause()
        await fill_references(pilot)
        labels = [a.label for a in app.screen.detail.actions]
        assert "Alert your references: Ana Ruiz, Tom Lee" in labels
        checklist = app.screen.query_one(Checklist)
        checklist.focus()
        checklist.select_action(references_item(yesterday_db, "Bluefin Robotics"))
        await pilot.pause()
        assert any("Alert your references: Ana Ruiz, Tom Lee" in line for line in screen_lines(app))
        await pilot.press("p")  # the form shows them back, one per line
        await pilot.pause()
        assert app.screen.query_one("#references", TextArea).text == (
            "Ana Ruiz; my manager at Acme; ana@acme.example\nTom Lee; former colleague; ; +1 503 555 0102"
        )
        await pilot.press("escape")
    (stored,) = sql(yesterday_db, "SELECT value FROM setting WHERE key = 'profile'")[0]
    profile = json.loads(stored)
    assert profile["name"] == "Sam Rivera"  # what yesterday's profile had is kept
    assert [r["name"] for r in profile["references"]] == ["Ana Ruiz", "Tom Lee"]
    env = {**os.environ, "FOLLOWUP_NOW": NOW}
    out = subprocess.run(
        [*followup_command, "--db", str(yesterday_db), "today", "--json"], capture_output=True, text=True, env=env
    )
    assert out.returncode == 0, out.stderr
    alerts = [i for i in json.loads(out.stdout)["items"] if i["kind"] == "references"]
    assert alerts and all(i["person"] == "Ana Ruiz, Tom Lee" and not i["missing"] for i in alerts)
    table = subprocess.run(
        [*followup_command, "--db", str(yesterday_db), "today"], capture_output=True, text=True, env=env
    ).stdout
    assert any("alert references" in line and "Ana Ruiz, Tom Lee" in line for line in table.splitlines())


def test_references_with_none_in_the_profile_the_shell_says_to_add_them(yesterday_db, followup_command):
    env = {**os.environ, "FOLLOWUP_NOW": NOW}
    out = subprocess.run(
        [*followup_command, "--db", str(yesterday_db), "today", "--json"], capture_output=True, text=True, env=env
    )
    alerts = [i for i in json.loads(out.stdout)["items"] if i["kind"] == "references"]
    assert alerts and all(i["missing"] == "add your references to your profile (p)" for i in alerts)


async def test_references_w_drafts_a_heads_up_for_each_and_records_who_was_told(yesterday_db):
    ident = references_item(yesterday_db, "Bluefin Robotics")
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if not isinstance(app.screen, ReviewScreen):
            await pilot.press("t")
            await pilot.pause()
        review = app.screen.query_one(ReviewList)
        review.select_id(ident)
        await pilot.pause()
        await pilot.press("w")  # no references yet: the profile form comes first, at the references
        await pilot.pause()
        assert isinstance(app.screen, ProfileForm) and app.screen.focused.id == "references"
        await fill_references(pilot)
        assert isinstance(app.screen, ReferencesScreen)
        drafts = [area.text for area in app.screen.query(".heads-up").results(TextArea)]
        assert len(drafts) == 2
        assert drafts[0].startswith("Subject: A heads-up: Bluefin Robotics may call you\n\nHi Ana,")
        assert "Dana Whitfield (VP Product) may get in touch" in drafts[0] and "Hi Tom," in drafts[1]
        assert "Product Manager, Autonomy position at Bluefin Robotics" in drafts[1]
        heading = str(app.screen.query_one("#heads-up-name-0", Label).content)
        assert "not told yet" in heading
        await pilot.press("ctrl+t")  # the first heads-up has the focus
        await pilot.pause()
        assert "told Wed 25 Nov 2026" in str(app.screen.query_one("#heads-up-name-0", Label).content)
        assert sql(yesterday_db, "SELECT state, note FROM action WHERE id = ?", ident)[0] == (
            "open",
            "Told Ana Ruiz, Wed 25 Nov 2026",
        )
        await pilot.press("tab")
        await pilot.pause()
        assert app.screen.focused.id == "heads-up-1"
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        item = next(e.item for e in app.screen.query_one(ReviewList).entries if e.item and e.item.id == ident)
        assert item.state.value == "done" and item.person == "Ana Ruiz, Tom Lee"
    state, done_on, note = sql(yesterday_db, "SELECT state, done_on, note FROM action WHERE id = ?", ident)[0]
    assert (state, done_on) == ("done", "2026-11-25")
    assert note.split("\n") == ["Told Ana Ruiz, Wed 25 Nov 2026", "Told Tom Lee, Wed 25 Nov 2026"]


async def test_schedule_the_interview_form_asks_the_start_and_the_next_step_expected(yesterday_db):
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        await to_main(pilot)
        await pilot.press("slash", *"Northwind", "enter")
        await pilot.pause()
        ((interview,),) = sql(yesterday_db, "SELECT id FROM interview WHERE company = 'Northwind Analytics'")
        assert app.screen.detail.id == interview
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, InterviewForm)
        form.query_one("#ended_at").value = ""
        form.query_one("#started_at").value = "2:30pm"
        form.query_one("#next_step").value = "dec 17"
        await pilot.pause()
        assert "Thu 17 Dec" in str(form.query_one("#next_step-msg").content)  # the parsed date, as typed
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, InterviewForm)
        labels = [(a.label, a.due) for a in app.screen.detail.actions]
        # The business day after the date the interviewer gave: Friday 18 December.
        assert ("Heard about the next step? Follow up with Priya Raman", date(2026, 12, 18)) in labels
        await pilot.press("e")  # the form shows both back
        await pilot.pause()
        assert app.screen.query_one("#started_at").value == "14:30"
        assert app.screen.query_one("#next_step").value == "Thu 17 Dec 2026"
        # An end before the start is refused with the reason, and nothing is saved.
        app.screen.query_one("#ended_at").value = "13:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, InterviewForm)
        assert "ended before it started" in str(app.screen.query_one("#ended_at-msg").content)
        await pilot.press("escape")
        await pilot.pause()
        (check,) = [a.id for a in app.screen.detail.actions if a.label.startswith("Heard about the next step?")]
        checklist = app.screen.query_one(Checklist)
        checklist.focus()
        checklist.select_action(check)
        await pilot.pause()
        assert any("Heard about the next step?" in line for line in screen_lines(app))
    assert sql(yesterday_db, "SELECT started_at, ended_at, next_step_expected FROM interview WHERE id = ?", interview)[
        0
    ] == ("14:30", None, "2026-12-17")
