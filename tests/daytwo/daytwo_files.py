"""Where the day-two databases live, and how the tests read them: as another program would."""

from __future__ import annotations

import sqlite3
from pathlib import Path

SCHEMA_FILES = Path(__file__).parent.parent / "data" / "schema"


def schema_file(version: int) -> Path:
    """The committed database file of schema `version` (tests/data/schema/make.py)."""
    return SCHEMA_FILES / f"v{version}.db"


def read_rows(db: Path, sql: str, params: tuple = ()) -> list[tuple]:
    """Rows read through the standard library on a read-only connection."""
    con = sqlite3.connect(f"{Path(db).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()
