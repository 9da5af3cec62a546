"""Shared fixtures: a frozen clock and a throw-away database file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from followup_tui import clock
from followup_tui.store.database import close_database, open_database

# Wednesday 25 November 2026, mid-morning.
NOW = datetime(2026, 11, 25, 9, 30)


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
