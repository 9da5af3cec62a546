"""One cold start, in its own process: `python benchmarks/probe.py app|baseline [DB]`.

Prints the wall-clock time at which the first screen had painted its rows, and the peak memory."""

from __future__ import annotations

import resource
import sys
import time


async def _ready(pilot) -> None:
    """Record the moment the first screen has its rows and has processed its messages (not "idle":
    the app loads the rest of a long list in a worker after the first paint)."""
    import asyncio

    app = pilot.app
    for _ in range(5000):
        screen = app.screen
        rows = getattr(screen, "rows", None)
        if rows is None and hasattr(screen, "query"):
            rows = screen.query("OptionList")  # the bare app: its panes exist
        if rows:
            break
        await asyncio.sleep(0.001)
    await pilot._wait_for_screen()
    await asyncio.sleep(0)  # let the compositor paint what is pending
    print(f"ready {time.time():.6f}")
    print(f"maxrss_kb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}")
    pilot.app.exit()


def main() -> None:
    mode = sys.argv[1]
    if mode == "baseline":
        sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
        from baseline_app import BaselineApp

        BaselineApp().run(headless=True, size=(120, 40), auto_pilot=_ready)
        return
    from pathlib import Path

    from followup_tui.store.database import close_database, open_database

    path = Path(sys.argv[2])
    open_database(path)  # as `followup` does before it starts the app
    close_database()
    from followup_tui.tui.app import FollowupApp

    FollowupApp(path).run(headless=True, size=(120, 40), auto_pilot=_ready)


if __name__ == "__main__":
    main()
