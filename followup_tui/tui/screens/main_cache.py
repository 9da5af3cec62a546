"""What the main screen has read ahead, and which state of the database its panes show.

Both are kept honest by the database's change stamp: anything written since (by this copy or
another) makes a read-ahead stale and tells the poll to re-read."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from followup_tui.records import InterviewDetail, InterviewRow
from followup_tui.store import queries
from followup_tui.store.database import change_stamp
from followup_tui.store.errors import StoreError
from followup_tui.store.queries import HistoryEntry

Stamp = tuple[int, int]  # store.database.change_stamp(): (SQLite's data_version, this process's writes)
Histories = dict[int, list[HistoryEntry]]  # contact id -> what was sent, said or noted, newest first


@dataclass(frozen=True)
class ReadAhead:
    """An interview read (and drawn) while the user was reading its neighbour."""

    stamp: Stamp
    day: date
    detail: InterviewDetail
    histories: Histories

    def fresh(self, stamp: Stamp, day: date) -> bool:
        """Still what the database holds, and read today (due dates read "today" relative to it)."""
        return (self.stamp, self.day) == (stamp, day)


class ReadAheadCache:
    """The few interviews around the cursor, read ahead; the oldest are dropped first."""

    KEEP = 6  # the neighbours of the last few cursor positions

    def __init__(self) -> None:
        self._entries: dict[int, ReadAhead] = {}

    def __contains__(self, interview_id: int) -> bool:
        return interview_id in self._entries

    def take(self, interview_id: int, stamp: Stamp, day: date) -> ReadAhead | None:
        """The interview's read-ahead if it is still fresh; it leaves the cache either way."""
        entry = self._entries.pop(interview_id, None)
        return entry if entry is not None and entry.fresh(stamp, day) else None

    def has_fresh(self, interview_id: int, stamp: Stamp, day: date) -> bool:
        entry = self._entries.get(interview_id)
        return entry is not None and entry.fresh(stamp, day)

    def put(self, entry: ReadAhead) -> None:
        self._entries[entry.detail.id] = entry
        while len(self._entries) > self.KEEP:
            self._entries.pop(next(iter(self._entries)))

    def read_neighbours(
        self, rows: Sequence[InterviewRow], cursor: int, today: date, draw: Callable[[ReadAhead], None]
    ) -> None:
        """Read the interviews either side of the cursor and hand each to `draw`, so the next j or k
        only has to show them (about a third of a move's time). Anything written since makes them
        stale (the change stamp), and they are read again then."""
        try:
            stamp = change_stamp()
        except StoreError:
            return
        for index in (cursor + 1, cursor - 1):
            if not 0 <= index < len(rows) or self.has_fresh(rows[index].id, stamp, today):
                continue
            try:
                detail = queries.interview_detail(rows[index].id)
                if detail is None:
                    continue
                histories = queries.histories([p.contact_id for p in detail.people])
            except StoreError:
                return
            entry = ReadAhead(stamp, today, detail, histories)
            self.put(entry)
            draw(entry)


class ChangeWatch:
    """The database state the panes show; whether anything (another running copy) wrote since."""

    def __init__(self) -> None:
        self.seen: Stamp | None = None

    def mark_seen(self) -> None:
        """The panes now show the database as it is."""
        self.seen = change_stamp()

    def changed(self) -> bool:
        """Something was written since the panes were last brought up to date."""
        return change_stamp() != self.seen
