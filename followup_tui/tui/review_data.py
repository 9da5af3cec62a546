"""The daily review's items, kept warm: read in the background after each change, so `t` shows the
review at once instead of reading a few thousand rows while the user waits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial

from textual.app import App

from followup_tui.review import DEFAULT_DAYS, ReviewItem
from followup_tui.store import queries
from followup_tui.store.database import change_stamp
from followup_tui.store.errors import StoreError


@dataclass(frozen=True)
class ReviewSnapshot:
    """The review as read at one state of the database (`stamp`), for one day and window."""

    stamp: tuple[int, int]
    today: date
    days: int
    items: list[ReviewItem]
    active: int

    def fits(self, stamp: tuple[int, int], today: date, days: int) -> bool:
        return (self.stamp, self.today, self.days) == (stamp, today, days)


def _read(stamp: tuple[int, int], today: date, days: int) -> ReviewSnapshot:
    return ReviewSnapshot(stamp, today, days, queries.review_items(today, days), queries.active_interview_count())


class ReviewData:
    """The app's one copy of the review; any commit, here or in another copy, makes it stale."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.snapshot: ReviewSnapshot | None = None

    def current(self, today: date, days: int) -> ReviewSnapshot:
        """The review now: the warm copy when nothing was written since it was read, else read now.

        Raises StoreError as the reads do."""
        stamp = change_stamp()  # taken before reading: a write meanwhile makes the copy stale, not wrong
        if self.snapshot is not None and self.snapshot.fits(stamp, today, days):
            return self.snapshot
        self.snapshot = _read(stamp, today, days)
        return self.snapshot

    def warm(self, today: date, days: int = DEFAULT_DAYS) -> None:
        """Read the review in a worker thread unless the warm copy is still current."""
        try:
            stamp = change_stamp()
        except StoreError:
            return
        if self.snapshot is not None and self.snapshot.fits(stamp, today, days):
            return
        self.app.run_worker(
            partial(self._read_in_thread, stamp, today, days),
            thread=True,
            exclusive=True,
            group="review-data",
            description="reading the daily review",
        )

    def _read_in_thread(self, stamp: tuple[int, int], today: date, days: int) -> None:
        from followup_tui.store.database import thread_connection

        try:
            with thread_connection():
                snapshot = _read(stamp, today, days)
        except StoreError:
            return  # the review reads again when opened, and says what went wrong then
        self.app.call_from_thread(self._keep, snapshot)

    def _keep(self, snapshot: ReviewSnapshot) -> None:
        current = self.snapshot
        if current is None or current.stamp != change_stamp():  # never over a copy that is current
            self.snapshot = snapshot
