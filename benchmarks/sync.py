"""How long `followup sync` takes against a local Radicale: `python benchmarks/sync.py [OPEN_ITEMS]`.

Starts Radicale (as the tests do: 127.0.0.1, a random port, throw-away storage), fills a database until it has
OPEN_ITEMS open follow-ups (default 1,000), then times: the first sync (every task and card created), a sync
with nothing changed (one PROPFIND per collection: the ctag), and a sync after ten snoozes here. Targets (issue
15): first sync of 1,000 items within 20 s, a sync with nothing changed within 1 s.

Measured 2026-11-26 on the shared 2-core machine (load average about 3), Radicale 3.9, 1,000 tasks + 200 cards:
first sync 97 s, of which 91 s waiting on Radicale (about 75 ms per new item: it checks each new UID against
every item in the list, so it slows as the list fills; our side is 5 s); nothing changed 0.56 s (2 requests);
after 10 snoozes 1.9 s (14 requests). The first-sync target is not met against Radicale: the time is the server's.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "sync"))

from radicale_server import PASSWORD, USER, Radicale  # noqa: E402

from followup_tui import clock  # noqa: E402
from followup_tui.contact import PersonInput  # noqa: E402
from followup_tui.inputs import InterviewInput  # noqa: E402
from followup_tui.store import commands, queries  # noqa: E402
from followup_tui.store.database import close_database, execute, open_database, reading  # noqa: E402
from followup_tui.sync.dav import Remote  # noqa: E402
from followup_tui.sync.engine import run  # noqa: E402


def fill(wanted: int, today: date) -> tuple[int, int]:
    """Interviews with one interviewer each until `wanted` actions are open; returns (open actions, people)."""
    n = 0
    while True:
        with reading():
            found = execute("SELECT COUNT(*) FROM action WHERE state = 'open'").fetchone()[0]
        if found >= wanted:
            with reading():
                people = execute("SELECT COUNT(*) FROM contact").fetchone()[0]
            return int(found), int(people)
        iid = commands.add_interview(InterviewInput(f"Company {n}", date(2026, 11, 24), "Analyst"), today)
        commands.add_person(iid, PersonInput(f"Person {n}", email=f"p{n}@example.com"), today)
        n += 1


WAITED = [0.0, 0]  # seconds spent waiting on the server, requests made


def _count_requests() -> None:
    original = Remote.request

    def request(self, *args, **kwargs):
        start = time.perf_counter()
        try:
            return original(self, *args, **kwargs)
        finally:
            WAITED[0] += time.perf_counter() - start
            WAITED[1] += 1

    Remote.request = request


def timed(label: str, action):
    WAITED[:] = [0.0, 0]
    start = time.perf_counter()
    report = action()
    took = time.perf_counter() - start
    print(f"{label:<40} {took:7.2f} s ({WAITED[1]} requests, {WAITED[0]:.2f} s waiting on the server)")
    print(f"    {report.summary()}")
    return report


def main(wanted: int = 1000) -> None:
    now = datetime(2026, 11, 25, 9, 30)
    clock.freeze(now)
    _count_requests()
    with tempfile.TemporaryDirectory() as folder:
        server = Radicale(Path(folder) / "radicale").start()
        try:
            task_list, book = server.make_task_list(), server.make_address_book()
            path = Path(folder) / "big.db"
            open_database(path)
            items, people = fill(wanted, now.date())
            commands.change_settings(
                lambda s: s.__class__(
                    **{
                        **s.__dict__,
                        "sync_url": server.url,
                        "sync_user": USER,
                        "sync_task_list": task_list,
                        "sync_address_book": book,
                    }
                )
            )
            settings = queries.settings()
            print(f"{items} open follow-ups, {people} people; Radicale {server.url}")
            timed(f"first sync ({items} tasks + {people} cards)", lambda: run(None, settings, PASSWORD, now))
            timed("sync with nothing changed", lambda: run(None, settings, PASSWORD, now))
            with reading():
                ids = [row[0] for row in execute("SELECT id FROM action WHERE state = 'open' LIMIT 10").fetchall()]
            for ident in ids:
                commands.snooze(ident, now.date())
            timed("sync after 10 snoozes here", lambda: run(None, settings, PASSWORD, now))
            timed("sync with nothing changed", lambda: run(None, settings, PASSWORD, now))
            close_database()
        finally:
            server.stop()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
