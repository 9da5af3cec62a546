"""Fault tests run real child processes against a real database file."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest


@pytest.fixture
def child():
    """Start `python -c code` with the project importable; returns the Popen."""

    def start(code: str, **kwargs) -> subprocess.Popen:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)

    return start


def integrity(path: Path) -> str:
    """SQLite's verdict on a file."""
    import sqlite3

    with sqlite3.connect(path) as raw:
        return raw.execute("PRAGMA integrity_check").fetchone()[0]
