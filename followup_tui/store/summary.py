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


def refresh(interview_id: int) -> None:
    """Recompute one interview's summary (inside the caller's write transaction)."""
    db.execute_sql(_NEXT + ' WHERE id = ?', (interview_id,))


def refresh_all() -> None:
    """Recompute every interview's summary (migration and import)."""
    db.execute_sql(_NEXT)
