"""The daily review's reads in the standard library alone, for `followup today`.

`followup today` runs from shell prompts and status bars, where the whole process should cost about
what starting Python does. Importing peewee and the models took longer than the query itself, so the
review's SQL and its row mapping live here, free of peewee; `store.queries` runs the same SQL through
the app's connection, and `followup today` through a read-only `sqlite3` connection of its own.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from followup_tui.kinds import KIND_OF, STATE_OF, Kind
from followup_tui.review import ReviewItem
from followup_tui.store.schema import APPLICATION_ID, SCHEMA_VERSION
from followup_tui.wording import action_label
from followup_tui.writing.profile import Profile, Reference, references_named

_SELECT = """
SELECT a.id, a.interview_id, a.kind, a.title, a.seq, a.due, a.state, a.done_on, a.note,
       i.company, i.role, c.id, c.name, c.email, COALESCE(NULLIF(c.phone, ''), c.mobile), c.address, {topic},
       a.window_end, i.day, c.title
FROM "action" a
JOIN "interview" i ON i.id = a.interview_id
LEFT JOIN "contact" c ON c.id = a.contact_id
"""
_TOPIC_JOIN = 'LEFT JOIN "meeting" m ON m.interview_id = a.interview_id AND m.contact_id = a.contact_id\n'
REVIEW_SQL = _SELECT.format(topic="m.topic") + _TOPIC_JOIN
# What was discussed is for the app's mail drafts; `followup today` prints no topic and skips the join.
SHELL_SQL = _SELECT.format(topic="''")


def _window(select: str) -> str:
    # Two indexed halves (state, due) and (state, done_on): an OR across them scanned every action.
    # Whatever the interview's status: a closed interview keeps only what the method never skips
    # open (its thank-yous), and those belong in the review until they are sent.
    return (
        select
        + "WHERE a.state = 'open' AND a.due <= ?\nUNION ALL\n"
        + select
        + "WHERE a.state = 'done' AND a.done_on = ?"
    )


IN_WINDOW = _window(REVIEW_SQL)
SHELL_WINDOW = _window(SHELL_SQL)
ONE_ITEM = REVIEW_SQL + "WHERE a.id = ?"
ACTIVE_COUNT = "SELECT count(*) FROM \"interview\" WHERE status = 'active'"

_day = date.fromisoformat


def read_text(raw: bytes) -> str:
    """A text value as read: bytes that are not UTF-8 (a row another program wrote) each become U+FFFD
    rather than failing the whole read, as peewee's connection reads them too. (A Python call per value:
    2,022 review items of a 10,000-interview file 10 -> 13 ms; the `followup today` process 95 -> 99 ms.)"""
    return raw.decode("utf-8", "replace")


def reading_connection(uri: str, **options: Any) -> sqlite3.Connection:
    """A standard-library connection for the reads (the panes, the review, `followup today`)."""
    con: sqlite3.Connection = sqlite3.connect(uri, uri=True, timeout=5, **options)
    con.text_factory = read_text
    return con


def window_params(today: date, days: int) -> tuple[str, str]:
    """IN_WINDOW's parameters: open items due up to `days` ahead (overdue included), and today's done ones."""
    return (today + timedelta(days=days)).isoformat(), today.isoformat()


PROFILE_SQL = "SELECT CAST(value AS BLOB) FROM \"setting\" WHERE key = 'profile'"


def references(con: sqlite3.Connection) -> tuple[Reference, ...]:
    """The references in the user's profile (read as bytes: a cut JSON text could not be parsed)."""
    found = con.execute(PROFILE_SQL).fetchone()
    return Profile.from_json(read_text(found[0])).references if found else ()


def review_items_from(rows: list[tuple[Any, ...]], references: tuple[Reference, ...] = ()) -> list[ReviewItem]:
    """ReviewItems from rows of REVIEW_SQL; the references item names the profile's `references`."""
    days: dict[str, date] = {}
    make, kinds, states = ReviewItem._make, KIND_OF, STATE_OF
    items = []
    for (
        ident,
        interview_id,
        kind,
        title,
        seq,
        due,
        state,
        done_on,
        note,
        company,
        role,
        person_id,
        name,
        email,
        phone,
        address,
        topic,
        window_end,
        interview_day,
        person_title,
    ) in rows:
        kind = kinds[kind]
        if kind is Kind.REFERENCES:
            # Its "who" is the references still to tell (the method: alert them, they may get a call).
            name = references_named(references, note)
        day = days.get(due) or days.setdefault(due, _day(due))
        items.append(
            make(
                (  # positional, in ReviewItem's field order (a few thousand rows for `today`)
                    ident,
                    interview_id,
                    kind,
                    action_label(kind, name or "", title, seq),
                    title,
                    day,
                    states[state],
                    company,
                    role,
                    person_id,
                    name or "",
                    email or "",
                    phone or "",
                    address or "",
                    topic or "",
                    note,
                    _day(done_on) if done_on else None,
                    (days.get(window_end) or days.setdefault(window_end, _day(window_end))) if window_end else None,
                    days.get(interview_day) or days.setdefault(interview_day, _day(interview_day)),
                    person_title or "",
                )
            )
        )
    return items


def read_only_uri(path: Path) -> str:
    """A URI that opens `path` for reading only, also in a folder that cannot be written.

    A WAL file is read through its -shm index, which SQLite creates beside it; in a read-only folder it
    cannot, so a cleanly closed file (no -wal left) is opened immutable: nobody can be writing to it there."""
    path = Path(path)
    wal = path.with_name(path.name + "-wal")
    if os.access(path.parent, os.W_OK) or (wal.exists() and wal.stat().st_size):
        return f"{path.resolve().as_uri()}?mode=ro"
    return f"{path.resolve().as_uri()}?immutable=1"


def truncated(path: Path) -> bool:
    """Whether the file is shorter than its own header says: cut off by a full disk or a bad copy.

    The header's page count is trusted only when SQLite marked it valid (bytes 92-95 equal to the
    change counter at 24-27); the file is never legitimately shorter than that count."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
            size = os.fstat(handle.fileno()).st_size
    except OSError:
        return False
    if len(header) < 100:
        return len(header) > 0
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid = header[92:96] == header[24:28]
    return valid and pages > 0 and size < pages * page_size


def open_current(path: Path) -> sqlite3.Connection | None:
    """A read-only connection to `path` when it is a followup database at this version's schema.

    None for anything else (no file yet, an older schema to migrate, a newer or foreign file, a file
    SQLite cannot open read-only): the caller then opens it the full way, which migrates, or explains."""
    try:
        if not path.is_file() or truncated(path):
            return None
        con = reading_connection(read_only_uri(path))
    except (OSError, sqlite3.Error):
        return None
    try:
        app_id = con.execute("PRAGMA application_id").fetchone()[0]
        version = con.execute("PRAGMA user_version").fetchone()[0]
        if app_id == APPLICATION_ID and version == SCHEMA_VERSION:
            # Map the file rather than copy pages through read(): the review's joins visit pages all
            # over it (2,000 items at 10,000 interviews: 19 -> 13 ms).
            con.execute("PRAGMA mmap_size = 268435456")
            return con
    except sqlite3.Error:
        pass
    con.close()
    return None


def review(con: sqlite3.Connection, today: date, days: int) -> tuple[list[ReviewItem], int]:
    """The review window's items and the number of active interviews, in one read transaction."""
    con.execute("BEGIN")
    try:
        items = review_items_from(con.execute(SHELL_WINDOW, window_params(today, days)).fetchall(), references(con))
        active = con.execute(ACTIVE_COUNT).fetchone()[0]
    finally:
        con.rollback()
    return items, active
