"""Where followup keeps its data; functions, so nothing is decided or created at import."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "followup-tui"
DB_ENV = "FOLLOWUP_DB"


def data_dir() -> Path:
    """The per-user data folder platformdirs gives for this app."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    """The per-user database file."""
    return data_dir() / "followup.db"


def db_path(cli_value: str | None = None) -> Path:
    """The database to use: --db, else $FOLLOWUP_DB, else the per-user default."""
    if cli_value:
        return Path(cli_value).expanduser()
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV]).expanduser()
    return default_db_path()
