"""Opening the database: file modes, refusal of foreign files, pragmas and migrations.

Two ways in, one file. Reads (the panes, the review, settings) run plain SQL on a standard-library
connection per thread (`execute`); writes, migrations and model reads go through peewee (`db`),
which is imported and connected on first use. The first screen paints without loading peewee
(about 30 ms of start-up). In WAL mode each read sees everything committed before it, so a read
after a write sees the write; a read inside a write transaction goes through that transaction's
connection and sees its uncommitted changes too.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from followup_tui.store import schema
from followup_tui.store.errors import (
    DamagedDatabase,
    DatabaseBusy,
    NewerDatabase,
    NotOurDatabase,
    StoreError,
    WriteFailed,
)
from followup_tui.store.lite import read_only_uri, reading_connection, truncated
from followup_tui.store.schema import APPLICATION_ID, SCHEMA_VERSION

if TYPE_CHECKING:  # peewee loads on the first write, not when a database is opened
    from followup_tui.store.models import StoreDatabase

SQLITE_HEADER = b"SQLite format 3\x00"
# How long a write waits for another copy's write to finish before the user is told the file is busy.
BUSY_SECONDS = 5.0
PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": "full",
    "foreign_keys": 1,
    "busy_timeout": int(BUSY_SECONDS * 1000),
}


def _prepare_file(path: Path) -> None:
    """Create the folder (0700) and an empty database file (0600) if they are missing."""
    try:
        if not path.parent.exists():
            path.parent.mkdir(parents=True, mode=0o700)
            path.parent.chmod(0o700)
        if not path.exists():
            # SQLite would create it 0644, and -wal/-shm copy the main file's mode.
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except OSError as error:
        raise StoreError(f"Cannot create the database at {path}: {error.strerror or error}") from error


def _restore_hint(path: Path) -> str:
    from followup_tui.store.backup import backups_dir, list_backups

    backups = list_backups(path)[:3]
    if not backups:
        return f"\nNo backup of it was found in {backups_dir(path)}."
    lines = "\n".join(f"  followup --db {path} restore {b.path}" for b in backups)
    return f"\nBackups you could restore (newest first):\n{lines}"


def damaged(path: Path, detail: str) -> DamagedDatabase:
    """The error for a damaged file: what SQLite found, and the commands that restore its backups."""
    return DamagedDatabase(f"{path} is damaged ({detail}); nothing was changed." + _restore_hint(path))


def check_intact(path: Path) -> None:
    """SQLite's quick_check over the whole file (every page and row; about 50 ms for 20 MB): a damaged
    page no query happened to read is found before anything is written or exported."""
    try:
        probe = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            found = [row[0] for row in probe.execute("PRAGMA quick_check(3)")]
        finally:
            probe.close()
    except sqlite3.DatabaseError as error:
        raise damaged(path, str(error)) from error
    if found != ["ok"]:
        raise damaged(path, "; ".join(line.replace("\n", " ") for line in found)[:200])


def _inspect(path: Path) -> int:
    """The file's schema version (0 for a new file); refuses, without writing a byte, a file that is
    not ours or is from a newer version."""

    def refuse() -> NotOurDatabase:
        return NotOurDatabase(
            f"{path} is not a followup database, or it is damaged; it was left untouched." + _restore_hint(path)
        )

    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise StoreError(f"Cannot read {path}: {error.strerror or error}") from error
    if not header:
        return 0
    if not header.startswith(SQLITE_HEADER):
        raise refuse()
    if truncated(path):
        raise damaged(path, "it was cut short: the file is smaller than its header says")
    try:
        probe = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            app_id = probe.execute("PRAGMA application_id").fetchone()[0]
            version: int = probe.execute("PRAGMA user_version").fetchone()[0]
            tables = probe.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            probe.close()
    except sqlite3.DatabaseError as error:
        if "malformed" in str(error) or "not a database" in str(error):
            raise damaged(path, str(error)) from error
        raise refuse() from error
    if app_id != APPLICATION_ID and (app_id != 0 or tables):
        raise refuse()
    if version > SCHEMA_VERSION:
        raise NewerDatabase(
            f"{path} was written by a newer version of followup (schema {version}, this one "
            f"knows {SCHEMA_VERSION}); it was left untouched. Upgrade followup to open it." + _restore_hint(path)
        )
    return version


_state: dict[str, Any] = {
    "read_only": False,
    "path": None,
    "uri": None,
    "writes": 0,
    "peewee_for": None,
    "busy_ms": PRAGMAS["busy_timeout"],
}
_local = threading.local()  # each thread's reading connection
_bind_lock = threading.Lock()


class _LazyPeewee:
    """peewee's database, loaded on first use (see the module's docstring)."""

    def __getattr__(self, name: str) -> Any:
        return getattr(_peewee(), name)


db = _LazyPeewee()


def _peewee() -> StoreDatabase:
    from followup_tui.store.models import db as peewee_db

    return peewee_db


def bind_peewee(peewee_db: StoreDatabase) -> None:
    """Point peewee at the open file, for this thread; the models' database calls this before every
    connection and cursor, so no query, however it is reached, can find peewee unbound or on another file.

    peewee keeps one connection per thread and never asks which file it is on: a pooled worker thread
    could still hold one to a database opened earlier, so each thread's connection is checked too."""
    path = _state["path"]
    if path is None:
        if peewee_db.deferred:
            raise StoreError("No database is open.")
        return  # set up by hand with db.init (tests build files of old schema versions this way)
    if _state["peewee_for"] != path:
        with _bind_lock:
            if _state["peewee_for"] != path:
                busy_ms = _state["busy_ms"]
                if _state["read_only"]:
                    peewee_db.init(
                        _state["uri"],
                        uri=True,
                        pragmas={"foreign_keys": 1, "busy_timeout": busy_ms},
                        timeout=busy_ms / 1000,
                    )
                else:
                    peewee_db.init(str(path), pragmas={**PRAGMAS, "busy_timeout": busy_ms}, timeout=busy_ms / 1000)
                _state["peewee_for"] = path
    if getattr(_local, "peewee_path", None) != path:
        _local.peewee_path = path
        if not peewee_db.is_closed():
            peewee_db.close()


def _reader() -> sqlite3.Connection:
    con: sqlite3.Connection | None = getattr(_local, "con", None)
    if con is not None and getattr(_local, "path", None) == _state["path"]:
        return con
    if con is not None:
        con.close()
        _local.con = None
    if _state["path"] is None:
        raise StoreError("No database is open.")
    con = reading_connection(_state["uri"], isolation_level=None)
    con.execute(f"PRAGMA busy_timeout = {int(_state['busy_ms'])}")
    con.execute("PRAGMA foreign_keys = ON")
    _local.con, _local.path = con, _state["path"]
    return con


def execute(sql: str, params: tuple[object, ...] = ()) -> sqlite3.Cursor:
    """Run one read (use inside `reading()`): on this thread's standard-library connection, or on
    peewee's while this thread has a write transaction open, so a read inside it sees its changes."""
    models = sys.modules.get("followup_tui.store.models")
    if models is not None and _state["peewee_for"] is not None and models.db.in_transaction():
        cursor: sqlite3.Cursor = models.db.execute_sql(sql, params)  # peewee's own: sqlite3's cursor
        return cursor
    return _reader().execute(sql, params)


@contextmanager
def thread_connection() -> Iterator[None]:
    """For a worker thread: its connections are closed when it is done."""
    try:
        yield
    finally:
        _close_this_thread()


def _close_this_thread() -> None:
    con = getattr(_local, "con", None)
    if con is not None:
        con.close()
        _local.con = None
    models = sys.modules.get("followup_tui.store.models")
    if models is not None and not models.db.is_closed():
        models.db.close()
    _local.peewee_path = None


def is_read_only() -> bool:
    """Whether the open database could only be opened for reading."""
    return bool(_state["read_only"])


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def open_database(
    path: Path, *, backup_before_migrating: bool = True, check: bool = False, busy_seconds: float = BUSY_SECONDS
) -> None:
    """Open (creating if needed) the database at `path` and bring its schema up to date; with `check`,
    SQLite checks the whole file first (it always does before a migration). A write waits up to
    `busy_seconds` for another copy's write (tests pass a short wait rather than sit out the real one).

    A file or folder that cannot be written is opened read-only: everything shows, edits are refused."""
    path = Path(path).expanduser()
    if _state["path"] == path and getattr(_local, "con", None) is not None:
        return
    close_database()
    _state["busy_ms"] = int(busy_seconds * 1000)
    if path.exists() and not _writable(path):
        _open_read_only(path, check)
        return
    _prepare_file(path)
    version = _inspect(path)
    if version and (check or version < SCHEMA_VERSION):
        check_intact(path)  # a damaged file is neither migrated nor written to
    if 0 < version < SCHEMA_VERSION and backup_before_migrating:
        from followup_tui.store.backup import make_backup

        make_backup(path, f"before-v{SCHEMA_VERSION}")
    _state.update(read_only=False, path=path, uri=path.resolve().as_uri())
    try:
        if version < SCHEMA_VERSION:
            _migrate()  # through peewee: a new file, or one from an older followup
        _reader().execute("SELECT count(*) FROM sqlite_master").fetchone()
    except StoreError:
        close_database()
        raise
    except Exception as error:
        if not _is_database_error(error):
            raise
        problem = translate(error)  # while the path is known, to name it
        close_database()
        raise problem from error


def _open_read_only(path: Path, check: bool) -> None:
    version = _inspect(path)
    if check:
        check_intact(path)
    if version < SCHEMA_VERSION:
        raise WriteFailed(
            f"{path} is read-only and was written by an older followup (schema {version}); it must be "
            f"upgraded before it can be read, which needs write access. Nothing was changed."
        )
    _state.update(read_only=True, path=path, uri=read_only_uri(path))
    try:
        _reader().execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        problem = translate(error)  # while the path is known, to name it
        close_database()
        raise problem from error


def close_database() -> None:
    """Close this thread's connections."""
    _close_this_thread()
    _state["path"] = None
    if _state["peewee_for"] is not None:
        sys.modules["followup_tui.store.models"].db.init(None)  # unbound again: no query reaches the old file
    _state["peewee_for"] = None


def _is_database_error(error: BaseException) -> bool:
    """SQLite's errors, directly or as peewee wraps them."""
    if isinstance(error, sqlite3.DatabaseError):
        return True
    peewee = sys.modules.get("peewee")
    return peewee is not None and isinstance(error, peewee.DatabaseError)


def _migrate() -> None:
    if db.execute_sql("PRAGMA user_version").fetchone()[0] >= SCHEMA_VERSION:
        return  # the usual start: no write lock taken
    # playhouse.migrate rebuilds a table to add a NOT NULL column (v2, v3), and dropping the old copy
    # with foreign keys on cascaded into every meeting and call of a v1 file (tests/data/schema/v1.db).
    # SQLite's own recipe: foreign keys off around the change (it is ignored inside a transaction).
    db.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        for version in range(SCHEMA_VERSION):
            with writing():
                # Read inside the write lock: a second copy may have migrated meanwhile.
                current = db.execute_sql("PRAGMA user_version").fetchone()[0]
                if current > version:
                    continue
                schema.MIGRATIONS[version]()  # looked up as it runs: a fault test slows one step
                if db.execute_sql("PRAGMA foreign_key_check").fetchone() is not None:
                    raise StoreError(
                        f"Upgrading the database to schema {version + 1} would break links "
                        "between its records; nothing was changed by that step."
                    )
                db.execute_sql(f"PRAGMA user_version = {version + 1}")
    finally:
        db.execute_sql("PRAGMA foreign_keys = ON")


def translate(error: Exception) -> StoreError:
    """A user-facing StoreError for a database exception."""
    # A failed COMMIT (full disk, I/O error) is followed by a ROLLBACK that fails too: report the first.
    while "cannot rollback" in str(error).lower() and isinstance(error.__context__, Exception):
        error = error.__context__
    message = str(error).lower()
    if "locked" in message or "busy" in message:
        return DatabaseBusy(
            "The database is busy: another copy of followup is writing to it. "
            "Nothing was changed; try again in a moment."
        )
    if "readonly" in message or "read-only" in message:
        return WriteFailed(
            "The database is open read-only, so nothing was changed. "
            "Make the file and its folder writable, then restart followup."
        )
    if "full" in message or "disk i/o" in message or "file too large" in message:
        return WriteFailed(
            "The disk is full (or failing), so this change was not saved; what was stored "
            "before is intact. Free some space and try again."
        )
    if "malformed" in message or "not a database" in message:
        if _state["path"] is not None:
            return damaged(_state["path"], str(error))
        return DamagedDatabase("The database file is damaged; nothing was changed.")
    return WriteFailed(f"The database could not be used ({error}); nothing was changed.")


@contextmanager
def writing() -> Iterator[None]:
    """One IMMEDIATE write transaction (through peewee); database errors come out as StoreError."""
    try:
        with _peewee().atomic("IMMEDIATE"):
            yield
    except Exception as error:
        if not _is_database_error(error):
            raise
        raise translate(error) from error
    _state["writes"] += 1


@contextmanager
def reading() -> Iterator[None]:
    """Reads whose database errors come out as StoreError."""
    try:
        yield
    except Exception as error:
        if not _is_database_error(error):
            raise
        raise translate(error) from error


def data_version() -> int:
    """A number that changes when another connection commits (to notice a second copy's writes)."""
    return int(execute("PRAGMA data_version").fetchone()[0])


def change_stamp() -> tuple[int, int]:
    """A value that differs after any commit: another connection's (SQLite's data_version, which does
    not move for this connection's own writes) or this process's own (counted by writing())."""
    return data_version(), int(_state["writes"])
