"""Snapshots of the screens on the demo data with a fixed clock."""

from __future__ import annotations

from followup_tui.screenshots import SIZE, demo_database
from followup_tui.tui.app import FollowupApp


def demo_app(tmp_path) -> FollowupApp:
    return FollowupApp(demo_database(tmp_path), demo=True, phone_region="US")


def test_daily_review_opens_first(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE)


def test_main_screen(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, press=["escape"])


def test_capture_form(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, press=["escape", "c"])
