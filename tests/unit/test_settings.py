"""The settings record: read in one go, changed in one transaction, and nothing else's key disturbed."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from followup_tui.settings import Settings
from followup_tui.store import commands, queries, writing_notes
from followup_tui.text import MAX_STORED
from followup_tui.writing.profile import Profile


def rows(path) -> dict[str, str]:
    with sqlite3.connect(path) as raw:
        return dict(raw.execute('SELECT key, value FROM "setting"'))


def test_a_new_file_reads_as_the_defaults(store):
    assert queries.settings() == Settings()
    assert rows(store) == {}


def test_a_change_stores_only_what_changed_and_reads_back_typed(store):
    with sqlite3.connect(store) as raw:  # another program's setting, unknown to this version
        raw.execute("""INSERT INTO "setting" VALUES ('theme', 'dark')""")
    commands.change_settings(lambda s: replace(s, phone_region="GB", keep_hunting_shown_on=date(2026, 11, 25)))

    assert rows(store) == {"theme": "dark", "phone_region": "GB", "keep_hunting_shown_on": "2026-11-25"}
    back = queries.settings()
    assert (back.phone_region, back.keep_hunting_shown_on, back.start_screen) == ("GB", date(2026, 11, 25), "auto")


def test_a_template_set_back_to_the_shipped_one_leaves_no_row(store):
    writing_notes.save_template("weekly_email", "Hi {first_name}")
    assert rows(store) == {"template:weekly_email": "Hi {first_name}"}
    writing_notes.save_template("weekly_email", None)
    assert rows(store) == {}


def test_unreadable_stored_values_read_as_their_defaults(store):
    with sqlite3.connect(store) as raw:
        raw.executemany(
            'INSERT INTO "setting" VALUES (?, ?)',
            [("similarity_threshold", "lots"), ("words", "{not json"), ("keep_hunting_shown_on", "Tuesday")],
        )
    found = queries.settings()
    assert (found.similarity_threshold, found.words, found.keep_hunting_shown_on) == (0.8, (), None)


def test_a_change_reads_and_writes_in_one_transaction_that_a_second_writer_waits_for(store):
    """Read-modify-write under one write lock: another copy cannot slip a change in between (it would be
    overwritten by the stale read)."""
    other = sqlite3.connect(store, timeout=0)

    def change(current: Settings) -> Settings:
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("""INSERT INTO "setting" VALUES ('phone_region', 'FR')""")
        return replace(current, words=(*current.words, "Kazuhiro"))

    try:
        commands.change_settings(change)
    finally:
        other.close()
    assert queries.settings().words == ("Kazuhiro",)


def test_a_long_profile_is_stored_and_read_back_whole(store):
    """A setting is JSON: a read that cut it (peewee's reads are capped) would lose the whole profile."""
    long = Profile(name="Raj Patel", strengths=tuple(f"strength number {n}" for n in range(MAX_STORED // 20)))
    writing_notes.save_profile(long)
    writing_notes.add_word("Kazuhiro")  # a change of another setting reads the profile in its transaction
    assert len(rows(store)["profile"]) > MAX_STORED
    assert writing_notes.profile() == long
