"""Where an unexpected error's traceback goes: a private log file, not the user's terminal."""

from __future__ import annotations

import os
import traceback
from datetime import datetime
from pathlib import Path

from followup_tui import paths

LOG_NAME = "followup.log"


def log_path() -> Path:
    """The log file under platformdirs' per-user log folder."""
    from platformdirs import user_log_path

    return user_log_path(paths.APP_NAME, appauthor=False) / LOG_NAME


def record(error: BaseException, where: str = "") -> Path | None:
    """Append the error's full traceback to the log (folder 0700, file 0600); the log's path, or None
    if even the log cannot be written (the caller still shows the message)."""
    path = log_path()
    text = "".join(traceback.format_exception(error))
    heading = f"--- {datetime.now().isoformat(timespec='seconds')} {where}".rstrip()
    try:
        path.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
        # Created 0600 before the first byte: a traceback can quote people's names and notes.
        handle = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(handle, f"{heading}\n{text}\n".encode("utf-8", "replace"))
        finally:
            os.close(handle)
    except OSError:
        return None
    return path
