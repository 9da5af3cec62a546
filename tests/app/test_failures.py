"""An unexpected error never kills the app with a traceback: it is shown, logged (0600) and survived."""

from __future__ import annotations

import asyncio
import stat

from onscreen import notifications
from textual import events
from textual.widgets import Input, Select

from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.main import MainScreen

SIZE = (120, 40)


def toasts(app) -> str:
    """The notifications the app has shown."""
    return " ".join(notifications(app))


async def to_main(app, pilot) -> None:
    if not isinstance(app.screen, MainScreen):
        await pilot.press("t")
        await pilot.pause()
    assert isinstance(app.screen, MainScreen)


async def test_a_failing_worker_is_reported_and_logged_and_the_app_goes_on(yesterday_db, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    from followup_tui.store import portable

    def broken():
        raise RuntimeError("the exporter tripped over its shoelaces")

    monkeypatch.setattr(portable, "interviews_csv", broken)
    target = tmp_path / "interviews.csv"
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        await to_main(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one("#format", Select).value = ".csv"
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert isinstance(app.screen, MainScreen)  # the progress dialog closed
        shown = toasts(app)
        assert "Something went wrong" in shown and "shoelaces" in shown and "Traceback" not in shown
        log = app.crash_log
        assert log is not None and log.is_relative_to(tmp_path / "state")
        assert stat.S_IMODE(log.stat().st_mode) == 0o600
        assert "Traceback" in log.read_text() and "shoelaces" in log.read_text()
        await pilot.press("question_mark")  # still answering keys
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
    assert not target.exists()


async def test_a_failing_key_is_reported_and_the_app_goes_on(yesterday_db, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))

    def broken(self):
        raise ValueError("settings exploded")

    monkeypatch.setattr(MainScreen, "action_settings", broken)
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        await to_main(app, pilot)
        await pilot.press("comma")
        await pilot.pause()
        assert app.is_running and "settings exploded" in toasts(app)
        assert "settings exploded" in app.crash_log.read_text()
        await pilot.press("t")
        await pilot.pause()
        assert type(app.screen).__name__ == "ReviewScreen"


async def test_an_error_that_stops_a_handler_exits_non_zero_with_the_log_named(yesterday_db, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))

    def broken(self, event):
        raise KeyError("no such pane")

    monkeypatch.setattr(MainScreen, "on_key", broken, raising=False)
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        await to_main(app, pilot)
        # Straight to the screen: pilot.press would wait for the screen, whose loop the error stopped.
        app.screen.post_message(events.Key("j", "j"))
        for _ in range(200):
            if app.return_code:
                break
            await asyncio.sleep(0.05)
    assert app.return_code == 1
    assert "no such pane" in app.crash_log.read_text()
