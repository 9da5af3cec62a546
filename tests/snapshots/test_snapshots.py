"""Snapshots of the screens on the demo data with a fixed clock."""

from __future__ import annotations

from textual.widgets import TextArea

from followup_tui.screenshots import SIZE, demo_database
from followup_tui.tui.app import FollowupApp


def demo_app(tmp_path) -> FollowupApp:
    return FollowupApp(demo_database(tmp_path), demo=True, phone_region="US")


def test_daily_review_opens_first(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE)


def test_main_screen(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, press=["escape"])


async def _capture_form_steady(pilot) -> None:
    """The capture form opened from the interviews, its cursor shown steady in the first field. The cursor blinks
    on a timer, and the field takes focus a moment after the form shows: on a loaded machine the picture could be
    taken in either phase. Blinking off, then focus again, shows the cursor as a user sees it between blinks."""
    await pilot.press("escape", "c")
    await pilot.wait_for_scheduled_animations()
    for field in pilot.app.screen.query("Input, TextArea"):
        field.cursor_blink = False
    focused = pilot.app.focused
    assert isinstance(focused, TextArea), f"the capture form opens in its paste box, not {focused!r}"
    focused.blur()
    await pilot.pause()
    focused.focus()
    await pilot.pause()


def test_capture_form(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, run_before=_capture_form_steady)
