"""What the shell's `followup add`, `status` and `note` wrote (issue 15), as the app shows it on the next
start: the installed command writes yesterday's database (made by an earlier process), then the keys."""

from __future__ import annotations

import os
import subprocess

from textual.widgets import TextArea

from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.interview_form import InterviewForm
from followup_tui.tui.widgets.person_card import PersonCardView
from tests.app.test_method_day_two import NOW, SIZE, to_main

NOTE = "Priya asked for my [bold]Airflow[/bold] write-up \x1b]0;owned\x07by Friday."


def shell(followup_command: list[str], db, *args: str) -> str:
    env = {**os.environ, "FOLLOWUP_NOW": NOW, "FOLLOWUP_HOLIDAYS": "", "NO_COLOR": "1"}
    ran = subprocess.run([*followup_command, "--db", str(db), *args], capture_output=True, text=True, env=env)
    assert ran.returncode == 0 and "Traceback" not in ran.stderr, ran.stderr
    return ran.stdout


async def test_an_interview_added_and_noted_in_the_shell_shows_in_the_app_with_its_people_plan_and_note(
    yesterday_db, followup_command
):
    ident = shell(
        followup_command,
        yesterday_db,
        "add",
        "Acme Robotics",
        "--role",
        "Data Engineer",
        "--end",
        "9:00",
        "--person",
        "Priya Shah <priya@acme.example>",
        "--person",
        "Tom Lee",
    ).strip()
    shell(followup_command, yesterday_db, "note", ident, NOTE)
    shell(followup_command, yesterday_db, "status", ident, "offer")
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        await to_main(pilot)
        await pilot.press("slash", *"Acme", "enter")
        await pilot.pause()
        detail = app.screen.detail
        assert (detail.id, detail.company, detail.role, detail.status.value) == (
            int(ident),
            "Acme Robotics",
            "Data Engineer",
            "offer",
        )
        assert [p.name for p in detail.people] == ["Priya Shah", "Tom Lee"]
        assert app.screen.query_one(PersonCardView).current.email == "priya@acme.example"
        # An offer pauses the cycle; the thank-yous stay open, one a person.
        thanks = [(a.person_name, a.state.value) for a in detail.actions if a.kind.value == "thank_you_email"]
        assert sorted(thanks) == [("Priya Shah", "open"), ("Tom Lee", "open")]
        assert {a.state.value for a in detail.actions if a.kind.value in ("call", "letter")} == {"cancelled"}
        # The note is in the interview's notes, where the app keeps them (e on the interview).
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, InterviewForm)
        notes = app.screen.query_one("#notes", TextArea).text
        assert notes == "Priya asked for my [bold]Airflow[/bold] write-up by Friday."
        await pilot.press("escape")
        await pilot.pause()
