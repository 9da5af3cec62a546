"""The read behind the stats (followup_tui.stats): interviews and their follow-ups as plain records.

Apart from store.queries, which the first screen imports: the stats load the plan engine's kinds,
and only when the stats screen or `followup stats` asks."""

from __future__ import annotations

from datetime import date

from followup_tui.kinds import KIND_OF, STATE_OF, STATUS_OF
from followup_tui.stats import FOLLOW_UPS, ActionRecord, InterviewRecord
from followup_tui.store.database import execute, reading
from followup_tui.text import clean

# One read, so the interviews and their actions come from the same moment (the reading connection
# commits each statement on its own). Only the kinds the stats measure: no cards, references or
# to-dos of the user's own.
_KINDS = tuple(sorted(FOLLOW_UPS))
_SQL = f"""
SELECT i.id, i.company, i.role, i.day, i.status, a.kind, a.state, a.due, a.window_end, a.done_on, a.note
FROM "interview" i
LEFT JOIN "action" a ON a.interview_id = i.id AND a.kind IN ({", ".join("?" * len(_KINDS))})
ORDER BY i.id, a.id
"""

_day = date.fromisoformat


def method_records() -> tuple[list[InterviewRecord], list[ActionRecord]]:
    """Every interview, with its thank-yous, calls, letters, decision checks and weekly follow-ups."""
    with reading():
        rows = execute(_SQL, _KINDS).fetchall()
    interviews: dict[int, InterviewRecord] = {}
    actions = []
    for ident, company, role, day, status, kind, state, due, window_end, done_on, note in rows:
        if ident not in interviews:
            interviews[ident] = InterviewRecord(ident, clean(company), clean(role), _day(day), STATUS_OF[status])
        if kind is not None:
            actions.append(
                ActionRecord(
                    interview_id=ident,
                    kind=KIND_OF[kind],
                    state=STATE_OF[state],
                    due=_day(due),
                    window_end=_day(window_end) if window_end else None,
                    done_on=_day(done_on) if done_on else None,
                    note=clean(note),
                )
            )
    return list(interviews.values()), actions
