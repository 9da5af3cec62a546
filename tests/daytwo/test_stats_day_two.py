"""`followup stats` through the installed command, on yesterday's database (made by an earlier process).

Yesterday's job hunt (tests/yesterday.py, the demo dated 25 Nov 2026): Northwind (16 Nov) thanked both
interviewers on the day and called on day 5, its letter now overdue; Cedar & Stone (9 Nov) did
everything in time; Meridian (22 Nov) never sent Grace Kim's thank-you; Lumen Bank made an offer."""

from __future__ import annotations

import json


def test_followup_stats_json_gives_the_method_figures_per_interview_and_overall(yesterday_db, followup):
    ran = followup(yesterday_db, "stats", "--json")
    assert ran.code == 0, ran.err
    stats = json.loads(ran.out)
    by_company = {row["company"]: row for row in stats["interviews"]}
    north = by_company["Northwind Analytics"]
    assert north["thank_yous_within_24_hours"] == {"done": 2, "of": 2}
    assert north["calls_in_days_5_to_7"] == {"done": 1, "of": 1}
    assert north["letters_sent"] == {"done": 0, "of": 1}
    cedar = by_company["Cedar & Stone Architects"]
    assert [cedar[k]["done"] for k in ("thank_yous_within_24_hours", "calls_in_days_5_to_7", "letters_sent")] == [1] * 3
    assert by_company["Meridian Energy"]["thank_yous_within_24_hours"] == {"done": 0, "of": 1}
    assert "Quill Health" not in by_company  # the interview is next week: nothing to measure yet
    assert stats["overall"]["thank_yous_within_24_hours"] == {"done": 4, "of": 5}
    assert stats["overall"]["letters_sent"] == {"done": 1, "of": 2}
    assert stats["offers"] == 1 and by_company["Lumen Bank"]["offer"] is True
    assert stats["statuses"]["active"] == 4 and stats["interviews_held"] == 7
    weeks = stats["follow_ups_per_week"]
    assert len(weeks) == 12 and weeks[-1]["week"] == "2026-11-23"
    # Lumen's thank-you; Cedar's letter of thanks and call; Northwind's two thank-yous and call, Cedar's letter.
    assert [week["follow_ups"] for week in weeks[-4:]] == [1, 2, 4, 0]


def test_a_call_outcome_recorded_from_the_shell_shows_in_the_stats(yesterday_db, followup):
    before = json.loads(followup(yesterday_db, "stats", "--json").out)["overall"]["call_outcomes"]
    assert before == {"reached": 0, "voicemail": 0, "no_answer": 0, "unrecorded": 2}  # ticked without saying
    items = json.loads(followup(yesterday_db, "today", "--json", "--days", "7").out)["items"]
    call = next(item for item in items if item["kind"] == "call" and item["company"] == "Meridian Energy")
    assert followup(yesterday_db, "done", str(call["id"]), "--outcome", "no_answer").code == 0
    assert followup(yesterday_db, "done", str(call["id"]), "--outcome", "reached").code == 0
    after = json.loads(followup(yesterday_db, "stats", "--json").out)
    assert after["overall"]["call_outcomes"] == {"reached": 1, "voicemail": 0, "no_answer": 1, "unrecorded": 2}


def test_followup_stats_prints_a_table_that_fits_80_columns(yesterday_db, followup):
    ran = followup(yesterday_db, "stats")
    assert ran.code == 0, ran.err
    lines = ran.out.splitlines()
    assert max(len(line) for line in lines) <= 80, [line for line in lines if len(line) > 80]
    assert "Thank-yous sent within 24 hours   4 of 5" in lines
    assert any(line.startswith("All interviews") and "4/5" in line and "1 offer" in line for line in lines)
    assert any(line.startswith("Northwind Analytics") and " 2/2 " in line for line in lines)
    assert lines[-1].startswith("  week of 23 Nov") and lines[-1].endswith("(this week so far)")


def test_followup_stats_on_a_database_with_no_interview_says_so(tmp_path, followup):
    from followup_tui.store.database import close_database, open_database

    empty = tmp_path / "empty.db"
    open_database(empty)
    close_database()
    ran = followup(empty, "stats")
    assert ran.code == 0 and "no interview held yet" in ran.out
    stats = json.loads(followup(empty, "stats", "--json").out)
    assert stats["interviews"] == [] and stats["overall"]["thank_yous_within_24_hours"] == {"done": 0, "of": 0}


def test_followup_stats_refuses_a_file_that_is_not_a_followup_database(tmp_path, followup):
    other = tmp_path / "notes.db"
    other.write_text("not a database\n")
    ran = followup(other, "stats")
    assert ran.code == 2 and "not a followup database" in ran.err and ran.out == ""
