"""Export and import: versioned JSON (round trip, merge, bad input), CSV, iCalendar."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_tui.demo import build_demo
from followup_tui.store import portable, queries
from followup_tui.store.database import close_database, open_database

TODAY = date(2026, 11, 25)
TABLES = ("interviews", "contacts", "meetings", "actions", "settings")


def snapshot(path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {table: data[table] for table in TABLES}


@pytest.fixture
def exported(tmp_path):
    open_database(tmp_path / "a.db")
    build_demo(TODAY)
    target = tmp_path / "everything.json"
    counts = portable.export_json(target)
    close_database()
    return target, counts


def test_round_trip_into_an_empty_database_gives_the_same_data(tmp_path, exported):
    source, counts = exported
    assert counts["interviews"] == 8 and counts["actions"] > 30
    assert (source.stat().st_mode & 0o777) == 0o600
    open_database(tmp_path / "b.db")
    try:
        added = portable.import_json(source)
        again = tmp_path / "again.json"
        portable.export_json(again)
    finally:
        close_database()
    assert added == counts
    assert snapshot(again) == snapshot(source)


def test_importing_twice_merges_without_doubling(tmp_path, exported):
    source, counts = exported
    open_database(tmp_path / "b.db")
    try:
        portable.import_json(source)
        assert portable.import_json(source) == {t: 0 for t in counts}
        assert len(queries.list_interviews()) == 8
    finally:
        close_database()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not json at all", "not valid JSON"),
        (b'{"format": "other"}', "not a followup export"),
        (b'{"format": "followup", "version": 99}', "format version 99"),
        (
            b'{"format": "followup", "version": 1, "interviews": [{"uid": "a", "company": 3, "day": "2026-01-01"}]}',
            r"interviews\[0\]\.company",
        ),
        (
            b'{"format": "followup", "version": 1, "actions": [{"uid": "a", "interview": "nope", "kind": "call", '
            b'"due": "2026-01-01", "created_on": "2026-01-01"}]}',
            "not in the file or the database",
        ),
        (
            b'{"format": "followup", "version": 1, "interviews": [{"uid": "a", "company": "X", "day": "someday"}]}',
            "unreadable value",
        ),
    ],
)
def test_a_bad_file_is_refused_and_nothing_changes(tmp_path, exported, content, message):
    source, _ = exported
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    open_database(tmp_path / "b.db")
    try:
        portable.import_json(source)
        before = [r.id for r in queries.list_interviews()]
        with pytest.raises(portable.ImportProblem, match=message):
            portable.import_json(bad)
        assert [r.id for r in queries.list_interviews()] == before
    finally:
        close_database()


def test_an_oversized_file_states_the_cap(tmp_path, store):
    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.truncate(portable.MAX_IMPORT_BYTES + 1)
    with pytest.raises(portable.ImportProblem, match="50 MB"):
        portable.import_json(big)


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.fixed_dictionaries(
        {"format": st.just("followup"), "version": st.just(1)},
        optional={t: st.lists(JSONISH, max_size=3) for t in TABLES[:-1]},
    )
)
def test_fuzzed_imports_give_our_own_error_or_a_clean_import(tmp_path, store, document):
    target = tmp_path / "fuzz.json"
    target.write_text(json.dumps(document))
    before = len(queries.list_interviews())
    try:
        portable.import_json(target)
    except portable.ImportProblem:
        assert len(queries.list_interviews()) == before


def test_csv_has_a_row_per_interview(tmp_path):
    open_database(tmp_path / "a.db")
    try:
        build_demo(TODAY)
        rows = list(csv.DictReader(io.StringIO(portable.interviews_csv())))
    finally:
        close_database()
    assert len(rows) == 8
    bluefin = next(r for r in rows if r["company"] == "Bluefin Robotics")
    assert "Dana Whitfield" in bluefin["people"] and bluefin["next_due"]


def test_ics_has_a_stable_uid_per_action_and_marks_done_and_cancelled(tmp_path):
    from icalendar import Calendar

    open_database(tmp_path / "a.db")
    try:
        build_demo(TODAY)
        first = Calendar.from_ical(portable.followups_ics(datetime(2026, 11, 25, 9)))
        second = Calendar.from_ical(portable.followups_ics(datetime(2026, 11, 26, 9)))
    finally:
        close_database()
    todos = [c for c in first.walk("VTODO")]
    assert [str(t["uid"]) for t in todos] == [str(t["uid"]) for t in second.walk("VTODO")]
    assert {str(t["status"]) for t in todos} == {"NEEDS-ACTION", "COMPLETED", "CANCELLED"}
    priya = next(t for t in todos if "Post Priya Raman a letter" in str(t["summary"]))
    assert "500 Market Street" in str(priya["description"])
