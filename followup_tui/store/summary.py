"""Each interview's summary for the list: its next open action and its people's names."""

from __future__ import annotations

from followup_tui.store.models import db

_NEXT = """
UPDATE "interview" SET
    next_action_id = (SELECT a.id FROM "action" a WHERE a.interview_id = "interview".id AND a.state = 'open'
                      ORDER BY a.due, a.id LIMIT 1),
    next_due = (SELECT MIN(a.due) FROM "action" a WHERE a.interview_id = "interview".id AND a.state = 'open'),
    people = COALESCE((SELECT group_concat(c.name, ', ') FROM (
                SELECT c.name FROM "meeting" m JOIN "contact" c ON c.id = m.contact_id
                WHERE m.interview_id = "interview".id ORDER BY m.position, m.id) c), '')
"""


# The list's order as one indexed text: active ones by next due date (none last), then closed ones,
# newest first; ties by company. ORDER BY list_rank LIMIT n then reads n index entries, not every row.
_RANK = """
UPDATE "interview" SET list_rank =
    CASE WHEN status = 'active' THEN '0' || COALESCE(next_due, '9999-12-31')
         ELSE '1' || printf('%08d', 99999999 - CAST(strftime('%Y%m%d', day) AS INTEGER)) END
    || '|' || lower(company) || '|' || printf('%012d', id)
"""


def refresh(interview_id: int) -> None:
    """Recompute one interview's summary (inside the caller's write transaction)."""
    db.execute_sql(_NEXT + " WHERE id = ?", (interview_id,))
    db.execute_sql(_RANK + " WHERE id = ?", (interview_id,))


def refresh_all() -> None:
    """Recompute every interview's summary (migration and import)."""
    db.execute_sql(_NEXT)
    if "list_rank" in {row[1] for row in db.execute_sql('PRAGMA table_info("interview")').fetchall()}:
        db.execute_sql(_RANK)
