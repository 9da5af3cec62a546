"""The benchmark suite: `python benchmarks/run.py [--quick]`.

Every figure is a median over repeated runs and, where the issue asks, a ratio against a baseline
measured in the same run. Prints one table and writes benchmarks/results.json. Not part of the tests.
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_db import ensure  # noqa: E402

PY = sys.executable
# Child processes may write bytecode, as an installed copy has it (pip compiles on install); with
# PYTHONDONTWRITEBYTECODE set, an editable checkout would recompile its own modules on every start.
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def cold_start(args: list[str]) -> tuple[float, float]:
    """(ms from spawn to first paint, peak MiB) for one probe run."""
    start = time.time()
    out = subprocess.run(
        [PY, str(HERE / "probe.py"), *args], capture_output=True, text=True, check=True, env=ENV
    ).stdout
    ready = float(next(line.split()[1] for line in out.splitlines() if line.startswith("ready")))
    rss = int(next(line.split()[1] for line in out.splitlines() if line.startswith("maxrss_kb")))
    return (ready - start) * 1000, rss / 1024


def starts(args: list[str], runs: int) -> tuple[float, float]:
    cold_start(args)  # not counted: writes the bytecode and warms the page cache
    results = [cold_start(args) for _ in range(runs)]
    return median([r[0] for r in results]), max(r[1] for r in results)


def whole_process(command: list[str], runs: int) -> float:
    subprocess.run(command, capture_output=True, check=True, env=ENV)  # not counted, as above
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, env=ENV)
        times.append((time.perf_counter() - start) * 1000)
    return median(times)


def copy_of(path: Path, folder: Path) -> Path:
    """A private copy made through SQLite, so ticks do not change the cached database."""
    target = folder / path.name
    source, dest = sqlite3.connect(path), sqlite3.connect(target)
    source.backup(dest)
    source.close()
    dest.close()
    return target


class PaintClock:
    """Times a key from the moment it reaches the app to the last frame the app painted for it.

    Every frame goes through `App._display`; the spy notes when. A key is sent the way the terminal
    driver sends it, then the benchmark waits `settle` seconds (longer than a frame, shorter than a
    fast typist's gap between keys) and takes the last frame in that window: by then the list, the
    card and the checklist have all been drawn. Pilot's own idle-polling is left out of the figure."""

    def __init__(self, app) -> None:
        self.app = app
        self.frames: list[float] = []
        original = app._display

        def spy(screen, renderable) -> None:
            original(screen, renderable)
            self.frames.append(time.perf_counter())

        app._display = spy

    async def press(self, key: str, settle: float = 0.06) -> float:
        """Milliseconds from `key` to the last frame it caused (0 if it caused none)."""
        from textual import events

        self.frames.clear()
        char = " " if key == "space" else key if len(key) == 1 else None
        event = events.Key(key, char)
        event.set_sender(self.app)
        start = time.perf_counter()
        self.app._driver.send_message(event)
        await asyncio.sleep(settle)
        return (self.frames[-1] - start) * 1000 if self.frames else 0.0


async def interactions(path: Path, moves: int) -> dict[str, list[float]]:
    """Key-to-painted-panes wall time, in process, on the real app (see PaintClock)."""
    from textual.widgets import Input

    from followup_tui.tui.app import FollowupApp
    from followup_tui.tui.screens.review import ReviewScreen
    from followup_tui.tui.widgets.checklist import Checklist

    results: dict[str, list[float]] = {"move": [], "filter": [], "review": [], "tick": []}
    app = FollowupApp(path, phone_region="US")
    import gc

    gc.freeze()  # as FollowupApp.run does for the followup command (run_test does not)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()  # the rest of the list, loaded after the first paint
        await pilot.pause()
        clock = PaintClock(app)
        screen = app.screen
        for n in range(moves):
            results["move"].append(await clock.press("j" if n % 10 < 5 else "k"))  # five down, five up
            assert screen.detail is not None and screen.detail.id == screen.interview_list.selected_id
        checklist = app.screen.query_one(Checklist)
        checklist.focus()
        await pilot.pause()
        for _ in range(20):
            results["tick"].append(await clock.press("space"))
        for _ in range(5):
            results["review"].append(await clock.press("t", settle=0.4))
            assert isinstance(app.screen, ReviewScreen) and app.screen.items
            await clock.press("escape", settle=0.4)
        app.screen.query_one("#interviews").focus()
        await clock.press("slash")
        app.screen.query_one("#filter", Input).cursor_blink = False  # a blink is not the key's work
        for key in "Northwind Analytics 12":
            results["filter"].append(await clock.press("space" if key == " " else key))
    return results


async def bare_moves(moves: int) -> list[float]:
    """The same key on the bare app (a 100-row list, the cursor moving): the floor a repaint costs."""
    from baseline_app import BaselineApp
    from textual.widgets import OptionList

    times = []
    app = BaselineApp()
    async with app.run_test(size=(120, 40)) as pilot:
        left = app.query_one("#left", OptionList)
        left.add_options([f"Company {n}\nRole {n}" for n in range(100)])
        left.focus()
        await pilot.pause()
        clock = PaintClock(app)
        for n in range(moves):
            times.append(await clock.press("down" if n % 10 < 5 else "up"))
    return times


def in_own_process(what: str, *args: str):
    """Run a key benchmark in a fresh process, as the app runs for a user (no other app's garbage,
    caches or threads left over from earlier measurements in this one)."""
    out = subprocess.run(
        [PY, str(Path(__file__).resolve()), f"--{what}", *args], capture_output=True, text=True, check=True, env=ENV
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    if "--interactions" in sys.argv:
        path, moves = sys.argv[sys.argv.index("--interactions") + 1 :][:2]
        print(json.dumps(asyncio.run(interactions(Path(path), int(moves)))))
        return
    if "--bare" in sys.argv:
        print(json.dumps(asyncio.run(bare_moves(int(sys.argv[sys.argv.index("--bare") + 1])))))
        return
    quick = "--quick" in sys.argv
    runs = 3 if quick else 7
    small, large = ensure(10), ensure(10_000)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        # Opening once brings the cached databases to the current schema before anything is timed.
        for path in (small, large):
            subprocess.run(
                [
                    PY,
                    "-c",
                    f"from followup_tui.store.database import open_database; "
                    f"open_database(__import__('pathlib').Path({str(path)!r}))",
                ],
                check=True,
            )
        base_start, base_rss = starts(["baseline"], runs)
        start_10, _ = starts(["app", str(small)], runs)
        start_10k, rss_10k = starts(["app", str(large)], runs)
        beside = Path(PY).parent / "followup"
        followup = str(beside) if beside.exists() else (shutil.which("followup") or "followup")
        sqlite_only = whole_process([PY, "-c", "import sqlite3"], runs * 2)
        env_today = [followup, "--db", str(large), "today"]
        today = whole_process(env_today, runs * 2)
        timings = {}
        for label, path in (("10", small), ("10k", large)):
            (folder / label).mkdir()
            local = copy_of(path, folder / label)
            timings[label] = in_own_process("interactions", str(local), str(60 if quick else 200))
    t10, t10k = timings["10"], timings["10k"]
    bare = in_own_process("bare", str(60 if quick else 200))
    rows = [
        (
            "start-up, 10,000 interviews",
            start_10k,
            base_start,
            start_10k / base_start,
            "<= 1.3x bare app",
            start_10k / base_start <= 1.3,
        ),
        (
            "start-up, 10,000 vs 10 interviews",
            start_10k,
            start_10,
            start_10k / start_10,
            "<= 1.1x",
            start_10k / start_10 <= 1.1,
        ),
        (
            "move selection, median (10k)",
            median(t10k["move"]),
            median(t10["move"]),
            median(t10k["move"]) / median(t10["move"]),
            "<= 8 ms, <= 1.2x at 10",
            median(t10k["move"]) <= 8 and median(t10k["move"]) / median(t10["move"]) <= 1.2,
        ),
        ("move, bare app (reference)", median(bare), None, None, "(the floor of a repaint)", True),
        (
            "move selection, p95 (10k)",
            p95(t10k["move"]),
            p95(t10["move"]),
            p95(t10k["move"]) / p95(t10["move"]),
            "<= 16 ms",
            p95(t10k["move"]) <= 16,
        ),
        (
            "filter as you type, per key (10k)",
            median(t10k["filter"]),
            None,
            None,
            "<= 30 ms",
            median(t10k["filter"]) <= 30,
        ),
        ("open the daily review (10k)", median(t10k["review"]), None, None, "<= 50 ms", median(t10k["review"]) <= 50),
        (
            "followup today, whole process (10k)",
            today,
            sqlite_only,
            today / sqlite_only,
            "<= 2x python+sqlite3",
            today / sqlite_only <= 2,
        ),
        ("peak memory MiB (10k)", rss_10k, base_rss, rss_10k - base_rss, "<= +40 MiB", rss_10k - base_rss <= 40),
        ("tick an item (10k)", median(t10k["tick"]), median(t10["tick"]), None, "<= 20 ms", median(t10k["tick"]) <= 20),
    ]
    print(
        f"\nmachine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}; medians of {runs} cold starts / 200 moves / 20 ticks"
    )
    print(f"{'figure':<38} {'value':>9} {'baseline':>9} {'ratio':>7}  {'target':<24} result")
    for name, value, baseline, ratio, target, ok in rows:
        b = f"{baseline:9.1f}" if baseline is not None else " " * 9
        r = f"{ratio:6.2f}{'x' if 'memory' not in name else ''}" if ratio is not None else " " * 7
        if "memory" in name and ratio is not None:
            r = f"{ratio:+6.1f}"
        print(f"{name:<38} {value:9.1f} {b} {r:>7}  {target:<24} {'pass' if ok else 'FAIL'}")
    (HERE / "results.json").write_text(
        json.dumps(
            [
                {
                    "figure": n,
                    "value": round(v, 2),
                    "baseline": None if b is None else round(b, 2),
                    "ratio": None if r is None else round(r, 3),
                    "target": t,
                    "pass": ok,
                }
                for n, v, b, r, t, ok in rows
            ],
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
