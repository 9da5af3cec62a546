"""How long `followup sync` takes against a local Radicale: `python benchmarks/sync.py [OPEN_ITEMS]`.

Starts Radicale (as the tests do: 127.0.0.1, a random port, throw-away storage), fills a database until it has
OPEN_ITEMS open follow-ups (default 1,000), then times: the first sync (every task and card created), a sync
with nothing changed (one PROPFIND per collection: the ctag), and a sync after ten snoozes here. Targets (issue
15): first sync of 1,000 items within 20 s, a sync with nothing changed within 1 s.

It runs twice: on Radicale's default storage settings, then with the setting Radicale's wiki ("Performance
tuning") advises for collections with many items, use_mtime_and_size_for_item_cache = True (the item cache is
checked by mtime and size rather than by hashing every file); each run prints which it is.

Measured 2026-11-26 on the shared 2-core machine (load average 2-3), Radicale 3.9, 1,000 tasks + 200 cards.
Before (main, one disk flush per item recorded): first sync 89.7 s, of which 85.8 s waiting on Radicale, 3.9 s
ours. Now (agreed items recorded 50 to a transaction): 63.5 s, of which 62.2 s waiting on Radicale, 1.3 s ours;
with Radicale's advised setting 64.2 s (62.9 s). Nothing changed: 0.33 s (2 requests); after 10 snoozes 1.1 s
(14 requests). The server's wait varies by tens of seconds with the machine's load (85.8 s vs 62.2 s above is
load, not our change; 107 s vs 52 s for the two configurations while tests ran): what our change saved is our
side's share, 3.9 s -> 1.3 s.

The first-sync target is not met against Radicale, and cannot be from the client: every new item costs Radicale
a scan of the whole list (PUT -> has_uid -> get_all reads every stored item to refuse a duplicate UID: 75% of its
time at 1,000 items, profiled) plus six fsyncs; per new task about 17 ms for the first 100 and 90-115 ms for the
last 100 (printed below), so even the first item's cost times 1,200 items is 20 s. Writes take Radicale's one
storage lock, so requests in flight together do not help (300 PUTs: 19.2 s one at a time, 20.5 s four at once).
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
CREATED: list[float] = []  # seconds the server took for each creating PUT (If-None-Match), in order


def _count_requests() -> None:
    original = Remote.request

    def request(self, url, method, body="", headers=None):
        start = time.perf_counter()
        try:
            return original(self, url, method, body, headers)
        finally:
            took = time.perf_counter() - start
            WAITED[0] += took
            WAITED[1] += 1
            if method == "PUT" and (headers or {}).get("If-None-Match") == "*" and url.endswith(".ics"):
                CREATED.append(took)

    Remote.request = request


def timed(label: str, action):
    WAITED[:] = [0.0, 0]
    CREATED.clear()
    start = time.perf_counter()
    report = action()
    took = time.perf_counter() - start
    print(f"{label:<40} {took:7.2f} s ({WAITED[1]} requests, {WAITED[0]:.2f} s waiting on the server)")
    print(f"    {report.summary()}")
    if len(CREATED) >= 200:  # the server's time per new task grows with the tasks already in the list
        first, last = sum(CREATED[:100]) * 10, sum(CREATED[-100:]) * 10
        print(f"    server's time per new task: {first:.0f} ms for the first 100, {last:.0f} ms for the last 100")
    return report


# Radicale's own advice (its wiki, "Performance tuning") for collections with many items: check the item cache
# by mtime and size rather than by hashing every file. A documented setting for a real server.
ADVISED = "use_mtime_and_size_for_item_cache = True\n"
CONFIGS = (
    ("Radicale's default storage settings", ""),
    ("Radicale's advised setting for many items: use_mtime_and_size_for_item_cache = True", ADVISED),
)


def main(wanted: int = 1000) -> None:
    now = datetime(2026, 11, 25, 9, 30)
    clock.freeze(now)
    _count_requests()
    for label, storage in CONFIGS:
        print(f"== {label}")
        one_server(wanted, now, storage)


def one_server(wanted: int, now: datetime, storage: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        server = Radicale(Path(folder) / "radicale", storage=storage).start()
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
