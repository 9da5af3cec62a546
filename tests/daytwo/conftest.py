"""Day two: databases made by an earlier process (yesterday's, and one of every schema version),
and the installed `followup` command run on them as a user runs it."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from daytwo_files import schema_file

NOW_ENV = {"FOLLOWUP_NOW": "2026-11-25T09:30"}


@pytest.fixture(params=["yesterday", "v1"])
def day_two_db(request, tmp_path: Path) -> Path:
    """A copy of a database made by an earlier process: yesterday's, or the oldest schema version's (every
    migration step runs on it). Each other version's file is proven to migrate to the same records the
    commands and screens read (test_schema_versions.py), so it would repeat the same session."""
    if request.param == "yesterday":
        return request.getfixturevalue("yesterday_db")
    path = tmp_path / "data" / "followup.db"
    path.parent.mkdir(parents=True, mode=0o700)
    shutil.copy2(schema_file(int(request.param[1:])), path)
    return path


@dataclass(frozen=True)
class Ran:
    """What a run of the command left: its exit status and its two streams."""

    code: int
    out: str
    err: str


@pytest.fixture
def followup(followup_command):
    """Run the installed command on a database: followup(db, *args, stdin=...) -> Ran.

    Every run is checked for the one thing no command may ever print: a traceback."""

    def run(db: Path | None, *args: str, stdin: str = "", env: dict | None = None, prefix: tuple = ()) -> Ran:
        where = ["--db", str(db)] if db is not None else []
        done = subprocess.run(
            [*prefix, *followup_command, *where, *args],
            input=stdin,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_COLOR": "1", **NOW_ENV, **(env or {})},
            timeout=60,
        )
        assert "Traceback" not in done.stderr, done.stderr
        return Ran(done.returncode, done.stdout, done.stderr)

    return run
