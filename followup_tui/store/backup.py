"""Checked backups through SQLite itself (VACUUM INTO), retention, and restore with the backup API."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from followup_tui.store.database import StoreError

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_OTHER = 5  # before-migration and before-restore copies, and manual ones


@dataclass(frozen=True)
class Backup:
    """One backup file."""

    path: Path
    taken: datetime
    reason: str

    @property
    def size(self) -> int:
        """Bytes on disk."""
        return self.path.stat().st_size


def backups_dir(database: Path) -> Path:
    """backups/ beside the database."""
    return Path(database).parent / "backups"


def _checked(path: Path) -> None:
    """Raise unless SQLite's integrity check passes on `path`."""
    try:
        probe = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            result = probe.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            probe.close()
    except sqlite3.DatabaseError as error:
        raise StoreError(f"The backup {path} is unreadable ({error}).") from error
    if result != "ok":
        raise StoreError(f"The backup {path} failed its integrity check ({result}).")


def _private_empty_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def _fsync(path: Path) -> None:
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def make_backup(database: Path, reason: str, connection: sqlite3.Connection | None = None,
                now: datetime | None = None) -> Path:
    """Copy the database through SQLite into a new 0600 file, fsync it, check it; return its path."""
    now = now or datetime.now()
    folder = backups_dir(database)
    target = folder / f"followup-{now:%Y%m%d-%H%M%S}-{reason}.db"
    counter = 1
    while target.exists():
        target = folder / f"followup-{now:%Y%m%d-%H%M%S}-{reason}-{counter}.db"
        counter += 1
    try:
        _private_empty_file(target)  # VACUUM INTO would create it 0644
        own = connection is None
        source = connection or sqlite3.connect(f"{Path(database).resolve().as_uri()}?mode=ro", uri=True)
        try:
            source.execute("VACUUM INTO ?", (str(target),))
        finally:
            if own:
                source.close()
        _fsync(target)
        _checked(target)
    except (OSError, sqlite3.Error, StoreError) as error:
        target.unlink(missing_ok=True)
        if isinstance(error, StoreError):
            raise
        raise StoreError(f"The backup could not be made in {folder}: {error}") from error
    return target


def list_backups(database: Path) -> list[Backup]:
    """Backups beside the database, newest first."""
    found = []
    for path in backups_dir(database).glob("followup-*.db"):
        parts = path.stem.split("-")
        try:
            taken = datetime.strptime(f"{parts[1]}{parts[2]}", "%Y%m%d%H%M%S")
        except (IndexError, ValueError):
            continue
        reason = parts[3:]
        if len(reason) > 1 and reason[-1].isdigit():
            reason = reason[:-1]  # the counter of two backups in one second
        found.append(Backup(path, taken, "-".join(reason)))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def prune(database: Path) -> list[Path]:
    """Keep the last 7 daily and the last 4 weekly copies (and a few others); delete the rest."""
    backups = list_backups(database)
    keep: set[Path] = set()
    daily = [b for b in backups if b.reason == "daily"]
    days_seen: list[date] = []
    for b in daily:
        if b.taken.date() not in days_seen and len(days_seen) < KEEP_DAILY:
            days_seen.append(b.taken.date())
            keep.add(b.path)
    weeks_seen: list[tuple[int, int]] = []
    for b in daily:
        week = b.taken.isocalendar()[:2]
        if week not in weeks_seen and len(weeks_seen) < KEEP_WEEKLY:
            weeks_seen.append(week)
            keep.add(b.path)
    keep.update(b.path for b in [b for b in backups if b.reason != "daily"][:KEEP_OTHER])
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def daily_backup_due(database: Path, today: date) -> bool:
    """No daily backup yet today."""
    return not any(b.reason == "daily" and b.taken.date() == today for b in list_backups(database))


def restore(database: Path, backup: Path) -> Path:
    """Replace the database's content with a checked backup, keeping the current content aside first.

    Both steps go through SQLite (VACUUM INTO and the backup API), never plain file copies."""
    _checked(backup)
    aside = make_backup(database, "before-restore")
    try:
        source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        target = sqlite3.connect(database, timeout=5)
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()
    except sqlite3.Error as error:
        raise StoreError(f"The restore failed ({error}); the current data is kept in {aside}.") from error
    return aside
