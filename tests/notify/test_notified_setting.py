"""What `followup notify` remembers: the items it named today, kept in the setting table as text."""

from __future__ import annotations

from datetime import date

from followup_tui.settings import Notified, Settings

TODAY, TOMORROW = date(2026, 11, 25), date(2026, 11, 26)


def test_items_named_today_are_not_named_again_today_but_are_tomorrow():
    named = Notified(None, frozenset()).adding(TODAY, ["a", "b"])
    assert named.new_on(TODAY, ["a", "b", "c"]) == ["c"]
    assert named.new_on(TOMORROW, ["a", "b", "c"]) == ["a", "b", "c"]
    # A new day starts a new list: yesterday's names are forgotten, not kept growing.
    assert named.adding(TOMORROW, ["c"]) == Notified(TOMORROW, frozenset({"c"}))


def test_what_was_named_survives_the_setting_table_and_a_damaged_value_counts_as_nothing():
    stored = Settings(notified=Notified(TODAY, frozenset({"a", "b"}))).to_stored()
    assert Settings.from_stored(stored).notified == Notified(TODAY, frozenset({"a", "b"}))
    for damaged in ("{", "[]", '{"day": "yesterday", "uids": []}', '{"day": "2026-11-25", "uids": 3}'):
        assert Settings.from_stored({**stored, "notified": damaged}).notified == Notified(None, frozenset())
    assert "notified" not in Settings().to_stored()
