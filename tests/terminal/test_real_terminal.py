"""The installed app in a real (pseudo-)terminal on yesterday's database: what a person sees, key by key."""

from __future__ import annotations

from pathlib import Path

import pytest
from pty_app import PtyApp, environment


@pytest.fixture
def app_on(followup_command, tmp_path):
    """Start the installed `followup --db PATH` under a pty; killed afterwards whatever happened."""
    started: list[PtyApp] = []

    def start(db: Path, *args: str) -> PtyApp:
        app = PtyApp([*followup_command, "--db", str(db), *args], environment(tmp_path / "home"), tmp_path)
        started.append(app)
        return app

    yield start
    for app in started:
        app.close()


def test_everyday_keys_on_yesterdays_database(app_on, yesterday_db):
    app = app_on(yesterday_db)
    # Things are due today, so the day starts in the review.
    app.wait_for("Daily review", "Overdue", "Meridian Energy", "Today")
    app.press("t")
    app.wait_for("Interviews", "Interviewer card", "Next actions · Meridian Energy", "Bluefin Robotics")
    app.press("j")
    app.wait_for("Next actions · Bluefin Robotics")
    app.press("j")
    app.wait_for("Next actions · Northwind Analytics")
    app.press("k", "k")
    app.wait_for("Next actions · Meridian Energy", "6 open")
    app.press("tab", "tab")  # the card, then the checklist
    app.settle()
    app.press("space")  # ticks the first item: Grace Kim's card
    app.wait_for("5 open", "[x] Get Grace Kim's business card", "done Wed 25 Nov")
    app.press("?")
    app.wait_for("Keys")
    app.press("escape")
    app.wait_without("Keys")
    app.press("t")
    app.wait_for("Daily review")
    app.press("t")
    app.wait_for("Interviews")
    app.press("q")
    assert app.finish() == 0
    assert b"Traceback" not in app.raw
