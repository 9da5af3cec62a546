"""Builds yesterday's database in its own process: `python tests/yesterday.py PATH [ISO-NOW]`.

A database made in the process that then uses it hides every bug of a store that is only half
opened (peewee bound on first write, caches warmed by the writes...). The day-two fixtures run this
script in a subprocess, so the tests open a file an earlier process made and closed, as a user does.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path


def build(path: Path, now: datetime) -> None:
    """The demo job hunt, plus what a day of use leaves behind: notes, a voicemail, a sent note."""
    from followup_tui import clock
    from followup_tui.demo import build_demo
    from followup_tui.kinds import Kind
    from followup_tui.store import commands, queries, writing_notes
    from followup_tui.store.database import close_database, open_database

    clock.freeze(now)
    today = now.date()
    open_database(path)
    try:
        build_demo(today)
        rows = queries.list_interviews()
        first = queries.interview_detail(rows[0].id)
        opened = [a for a in first.actions if a.state.value == "open"]
        if opened:
            commands.set_note(opened[0].id, "Mention the Q3 dashboard; she asked twice.")
        for row in rows:
            detail = queries.interview_detail(row.id)
            sent = next((a for a in detail.actions if a.kind is Kind.THANK_YOU_EMAIL and a.state.value == "done"), None)
            if sent is not None:
                writing_notes.save_draft(sent.id, "Dear Priya,\n\nThank you for yesterday.\n\nBest regards,\nSam")
                break
        commands.add_custom(
            rows[-1].id, "Ask Lumen for the offer in writing", today + timedelta(days=2), None, "", today
        )
    finally:
        close_database()
    clock.freeze(None)


if __name__ == "__main__":
    moment = datetime.fromisoformat(sys.argv[2]) if len(sys.argv) > 2 else datetime(2026, 11, 25, 9, 30)
    build(Path(sys.argv[1]), moment)
