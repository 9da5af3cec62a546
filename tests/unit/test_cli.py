"""The `followup` command: where it looks for data and how it refuses bad files."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from followup_tui import cli, paths
from followup_tui.store import queries
from followup_tui.store.database import close_database, open_database


def test_db_path_precedence(monkeypatch, tmp_path):
    monkeypatch.delenv(paths.DB_ENV, raising=False)
    assert paths.db_path().name == "followup.db"
    assert "followup-tui" in str(paths.db_path())
    monkeypatch.setenv(paths.DB_ENV, str(tmp_path / "env.db"))
    assert paths.db_path() == tmp_path / "env.db"
    assert paths.db_path(str(tmp_path / "flag.db")) == tmp_path / "flag.db"


def test_nothing_is_created_at_import(tmp_path):
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    code = "import followup_tui.cli, followup_tui.store.commands, followup_tui.tui.app, followup_tui.demo"
    subprocess.run([sys.executable, "-c", code], env=env, check=True)
    assert list(tmp_path.iterdir()) == []


def test_a_foreign_file_is_refused_in_the_shell(tmp_path, capsys):
    foreign = tmp_path / "music.db"
    with sqlite3.connect(foreign) as raw:
        raw.execute("CREATE TABLE songs (title TEXT)")
    assert cli.main(["--db", str(foreign)]) == 2
    err = capsys.readouterr().err
    assert "not a followup database" in err and "left untouched" in err


def test_a_read_only_file_opens_read_only_and_refuses_edits(db_path, monkeypatch):
    from datetime import date

    from followup_tui.inputs import InterviewInput
    from followup_tui.store import commands
    from followup_tui.store.database import is_read_only
    from followup_tui.store.errors import WriteFailed

    open_database(db_path)
    commands.add_interview(InterviewInput("Acme", date(2026, 11, 20)), date(2026, 11, 20))
    close_database()
    before = db_path.read_bytes()
    real_access = __import__("os").access
    monkeypatch.setattr("os.access", lambda p, mode: False if str(p) == str(db_path) else real_access(p, mode))
    seen = {}

    def fake_run(app):
        open_database(app.database_path)
        seen["read_only"] = is_read_only()
        try:
            commands.add_interview(InterviewInput("Other", date(2026, 11, 21)), date(2026, 11, 21))
        except WriteFailed as error:
            seen["message"] = str(error)
        seen["companies"] = [row.company for row in queries.list_interviews()]
        close_database()

    monkeypatch.setattr("followup_tui.tui.app.FollowupApp.run", fake_run)
    assert cli.main(["--db", str(db_path)]) == 0
    assert seen["read_only"] and "read-only" in seen["message"] and seen["companies"] == ["Acme"]
    assert db_path.read_bytes() == before


def test_demo_builds_a_throw_away_database_and_removes_it(monkeypatch):
    seen = {}

    def fake_run(app):
        open_database(app.database_path)
        seen["path"] = app.database_path
        seen["companies"] = [row.company for row in queries.list_interviews()]
        seen["demo"] = app.demo
        close_database()

    monkeypatch.setattr("followup_tui.tui.app.FollowupApp.run", fake_run)
    assert cli.main(["--demo"]) == 0
    assert seen["demo"] and len(seen["companies"]) >= 6
    assert not seen["path"].exists()


def test_bad_clock_override_is_explained(monkeypatch):
    monkeypatch.setenv(cli.NOW_ENV, "yesterday-ish")
    with pytest.raises(SystemExit, match="ISO date-time"):
        cli.main([])


def test_start_up_imports_stay_lean():
    """The app's first screen loads none of the libraries only forms, files and the stats' plot need
    (see benchmarks/)."""
    code = (
        "import sys; import followup_tui.tui.app, followup_tui.tui.screens.main; "
        "heavy = {'phonenumbers', 'email_validator', 'vobject', 'fpdf', 'spellchecker', 'icalendar', 'pypdf', "
        "'holidays', 'textual_plotext', 'plotext', 'caldav', 'keyring', 'niquests', 'followup_tui.sync'}; "
        "loaded = sorted(heavy & set(sys.modules)); assert not loaded, loaded"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_first_screen_reads_without_loading_peewee(db_path):
    """Opening a current database and reading the first screen's data stays in the standard library
    (peewee costs about 30 ms to import; it loads on the first write)."""
    from datetime import date

    from followup_tui.inputs import InterviewInput
    from followup_tui.store import commands
    from followup_tui.store.database import close_database, open_database

    open_database(db_path)
    commands.add_interview(InterviewInput("Acme", date(2026, 11, 20), "Analyst"), date(2026, 11, 20))
    close_database()
    code = (
        "import sys; from datetime import date; from followup_tui.store.database import open_database; "
        f"open_database(__import__('pathlib').Path({str(db_path)!r})); "
        "from followup_tui.store import queries; rows = queries.list_interviews(limit=60); "
        "detail = queries.interview_detail(rows[0].id); queries.histories([p.contact_id for p in detail.people]); "
        "queries.anything_due(date(2026, 11, 25)); queries.settings(); "
        "import followup_tui.tui.app, followup_tui.tui.screens.main; "
        "names = {'peewee', 'followup_tui.store.models', 'followup_tui.store.commands', "
        "'followup_tui.inputs', 'followup_tui.plan'}; "
        # a lazily imported module sits in sys.modules unexecuted until first used
        "loaded = sorted(n for n in names if n in sys.modules and type(sys.modules[n]).__name__ != '_LazyModule'); "
        "assert not loaded, loaded; "
        "print(detail.company)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Acme"
