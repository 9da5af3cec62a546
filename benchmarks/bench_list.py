"""How the main screen copes with a big job hunt: `python benchmarks/bench_list.py [N]`.

Prints the time to fill N interviews, to query the list, to start the app on it and to tick an item.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from followup_tui import clock
from followup_tui.contact import PersonInput
from followup_tui.inputs import InterviewInput
from followup_tui.kinds import Status
from followup_tui.store import commands, queries
from followup_tui.store.database import close_database, open_database
from followup_tui.store.models import db


def fill(count: int, today: date) -> None:
    statuses = list(Status)
    with db.atomic():
        for n in range(count):
            day = today - timedelta(days=n % 60)
            iid = commands.add_interview(InterviewInput(f"Company {n:05d}", day, f"Role {n % 37}"), today)
            commands.add_person(iid, PersonInput(f"Person {n}", email=f"p{n}@example.com"), today)
            if n % 4 == 0:
                commands.set_status(iid, statuses[n % len(statuses)], today)


def timed(label: str, func, repeat: int = 5):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    print(f"{label:<40} {best * 1000:8.1f} ms (best of {repeat})")
    return result


async def drive_app(path: Path) -> None:
    from followup_tui.tui.app import FollowupApp
    from followup_tui.tui.widgets.checklist import Checklist

    start = time.perf_counter()
    app = FollowupApp(path, phone_region="US")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        print(f"{'app start to first screen':<40} {(time.perf_counter() - start) * 1000:8.1f} ms")
        app.screen.query_one(Checklist).focus()
        await pilot.pause()
        ticks = []
        for _ in range(5):
            start = time.perf_counter()
            await pilot.press("space")
            await pilot.pause()
            ticks.append(time.perf_counter() - start)
        print(f"{'tick (write, re-plan, refresh panes)':<40} {min(ticks) * 1000:8.1f} ms (best of 5)")
        start = time.perf_counter()
        await pilot.press("j")
        await pilot.pause()
        print(f"{'move to the next interview':<40} {(time.perf_counter() - start) * 1000:8.1f} ms")


def main(count: int = 10_000) -> None:
    clock.freeze(datetime(2026, 11, 25, 9, 30))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.db"
        open_database(path)
        start = time.perf_counter()
        fill(count, clock.today())
        print(f"{'fill ' + str(count) + ' interviews':<40} {(time.perf_counter() - start):8.1f} s")
        rows = timed("list query (all interviews)", queries.list_interviews)
        timed("detail query (one interview)", lambda: queries.interview_detail(rows[0].id))
        close_database()
        print(f"{'database size':<40} {path.stat().st_size / 1e6:8.1f} MB")
        asyncio.run(drive_app(path))


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:]))
