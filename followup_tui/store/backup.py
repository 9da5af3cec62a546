"""Checked backups through SQLite itself (VACUUM INTO), retention, and restore with the backup API."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from followup_tui import clock
from followup_tui.store.errors import StoreError
from followup_tui.store.lite import read_only_uri

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


# Named after their database (work.db -> backups/work-20261125-093000-daily.db), so that databases
# sharing a folder never list, prune or suggest each other's. Before, every backup was "followup-...".
_NAME = r"(\d{8})-(\d{6})-(.+?)(?:-(\d+))?\.db"
LEGACY_STEM = "followup"


def _name(database: Path, now: datetime, reason: str, counter: int = 0) -> str:
    return f"{Path(database).stem}-{now:%Y%m%d-%H%M%S}-{reason}{f'-{counter}' if counter else ''}.db"


def _stems(database: Path) -> set[str]:
    """The name prefixes of this database's backups: its own, and the old shared one when the old
    backups can only be its own (it is followup.db, or the folder's only database)."""
    database = Path(database)
    if database.stem == LEGACY_STEM:
        return {LEGACY_STEM}
    others = [p for p in database.parent.glob("*.db") if p.name != database.name]
    return {database.stem} if others or not database.exists() else {database.stem, LEGACY_STEM}


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


def make_backup(
    database: Path, reason: str, connection: sqlite3.Connection | None = None, now: datetime | None = None
) -> Path:
    """Copy the database through SQLite into a new 0600 file, fsync it, check it; return its path."""
    now = now or clock.now()
    folder = backups_dir(database)
    target = folder / _name(database, now, reason)
    counter = 1
    while target.exists():
        target = folder / _name(database, now, reason, counter)
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
    """This database's backups, newest first."""
    found: list[tuple[datetime, int, Backup]] = []
    for stem in _stems(database):
        pattern = re.compile(re.escape(stem) + "-" + _NAME)
        for path in backups_dir(database).glob(f"{glob_escape(stem)}-*.db"):
            match = pattern.fullmatch(path.name)
            if match is None:
                continue  # another database's whose name begins like this one's ("work-old" for "work")
            try:
                taken = datetime.strptime(match[1] + match[2], "%Y%m%d%H%M%S")
            except ValueError:
                continue
            found.append((taken, int(match[4] or 0), Backup(path, taken, match[3])))
    # Within one second (a fixed clock, or quick hands) the counter orders them: -1 came after none.
    return [b for _, _, b in sorted(found, key=lambda f: (f[0], f[1], f[2].path.name), reverse=True)]


def glob_escape(text: str) -> str:
    """`text` matched literally by Path.glob."""
    return re.sub(r"([*?[])", r"[\1]", text)


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


def _intact(database: Path) -> bool:
    try:
        probe = sqlite3.connect(read_only_uri(database), uri=True)
        try:
            return bool(probe.execute("PRAGMA quick_check(1)").fetchone()[0] == "ok")
        finally:
            probe.close()
    except sqlite3.DatabaseError:
        return False


def _copy_aside(database: Path) -> Path:
    """A byte-for-byte copy of a damaged file (SQLite cannot read it whole), and of its -wal if any."""
    now = clock.now()
    target = backups_dir(database) / _name(database, now, "before-restore-damaged")
    counter = 1
    while target.exists():
        target = backups_dir(database) / _name(database, now, "before-restore-damaged", counter)
        counter += 1
    try:
        _private_empty_file(target)
        shutil.copyfile(database, target)
        wal = Path(f"{database}-wal")
        if wal.exists() and wal.stat().st_size:
            shutil.copyfile(wal, f"{target}-wal")
        _fsync(target)
    except OSError as error:
        raise StoreError(
            f"The damaged file could not be kept aside in {target.parent} ({error.strerror}); nothing was changed."
        ) from error
    return target


def _replace_damaged(database: Path, backup: Path) -> None:
    """Write the backup to a new file beside the damaged one, check it, then put it in its place.

    SQLite cannot write into a file it cannot read; and the damaged file's -wal and -shm must go, or
    SQLite would replay the old log onto the restored pages."""
    database = Path(database)
    fresh = database.with_name(f".{database.name}.restoring")
    fresh.unlink(missing_ok=True)
    _private_empty_file(fresh)
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    target = sqlite3.connect(fresh)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    _fsync(fresh)
    _checked(fresh)
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    os.replace(fresh, database)


def restore(database: Path, backup: Path) -> Path:
    """Replace the database's content with a checked backup, keeping the current content aside first.

    An intact database goes through SQLite both ways (VACUUM INTO, then the backup API into the live
    file, safe beside a running copy); a damaged one is kept aside as a plain copy and replaced whole."""
    _checked(backup)
    if not _intact(database):
        aside = _copy_aside(database)
        try:
            _replace_damaged(database, backup)
        except (OSError, sqlite3.Error, StoreError) as error:
            Path(database).with_name(f".{Path(database).name}.restoring").unlink(missing_ok=True)
            raise StoreError(
                f"The restore failed ({error}); the damaged file is unchanged, and a copy is kept in {aside}."
            ) from error
        return aside
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
