"""Shared fixtures: a frozen clock and a throw-away database file."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from followup_tui import clock
from followup_tui.public_holidays import HOLIDAYS_ENV
from followup_tui.store.database import close_database, open_database

# Wednesday 25 November 2026, mid-morning.
NOW = datetime(2026, 11, 25, 9, 30)

# Business days are Monday to Friday unless a test sets the user's holidays: the default would come from
# the machine's locale (the US on a C.UTF-8 machine, whose Thanksgiving is the day after NOW). Set in the
# environment at start, so the `followup` commands the tests run (and the ENV dicts modules copy) assume it too.
os.environ[HOLIDAYS_ENV] = ""


@pytest.fixture(autouse=True)
def frozen_clock():
    """Every test runs on the same day."""
    clock.freeze(NOW)
    yield NOW
    clock.freeze(None)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A database file path in a fresh folder (a file, never :memory:)."""
    return tmp_path / "data" / "followup.db"


@pytest.fixture
def store(db_path: Path):
    """An open, migrated database; closed afterwards."""
    open_database(db_path)
    yield db_path
    close_database()


YESTERDAY = Path(__file__).with_name("yesterday.py")


@pytest.fixture(scope="session")
def yesterday_template(tmp_path_factory) -> Path:
    """Yesterday's database, built once per run by an earlier process (tests/yesterday.py)."""
    import subprocess
    import sys

    path = tmp_path_factory.mktemp("yesterday") / "followup.db"
    subprocess.run([sys.executable, str(YESTERDAY), str(path), NOW.isoformat()], check=True)
    return path


@pytest.fixture
def yesterday_db(yesterday_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of yesterday's database, made by an earlier process and closed; this process has
    opened nothing yet."""
    import shutil

    path = tmp_path / "data" / "followup.db"
    path.parent.mkdir(parents=True, mode=0o700)
    shutil.copy2(yesterday_template, path)
    return path


@pytest.fixture(scope="session")
def followup_command() -> list[str]:
    """The installed `followup` command (from this environment's bin folder), as a user runs it."""
    import shutil
    import sys

    installed = Path(sys.executable).with_name("followup")
    found = str(installed) if installed.exists() else shutil.which("followup")
    assert found, "the followup command is not installed: pip install '.[test]' first"
    return [found]
