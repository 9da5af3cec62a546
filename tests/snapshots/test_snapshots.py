"""Snapshot of the main screen on the demo data with a fixed clock."""

from __future__ import annotations

from followup_tui.screenshots import SIZE, demo_database
from followup_tui.tui.app import FollowupApp


def test_main_screen(snap_compare, tmp_path):
    app = FollowupApp(demo_database(tmp_path), demo=True, phone_region="US")
    assert snap_compare(app, terminal_size=SIZE)


def test_capture_form(snap_compare, tmp_path):
    app = FollowupApp(demo_database(tmp_path), demo=True, phone_region="US")
    assert snap_compare(app, terminal_size=SIZE, press=["c"])
