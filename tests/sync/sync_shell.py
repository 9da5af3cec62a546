"""`followup --db DB ...` run as a user runs it, for the sync tests (a module of its own: test files import
it, and `conftest` is a name every test folder has)."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path


class Shell:
    """`followup --db DB ...` as a user runs it."""

    def __init__(self, command: list[str], db: Path, env: dict[str, str]) -> None:
        self.command, self.db, self.env = command, db, env

    def __call__(self, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.command, "--db", str(self.db), *args],
            env=env or self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    def ok(self, *args: str) -> str:
        done = self(*args)
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
        return done.stdout

    def sql(self, query: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        with sqlite3.connect(self.db) as con:
            return con.execute(query, params).fetchall()
