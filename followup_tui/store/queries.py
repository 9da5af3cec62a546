"""Reads for the panes: one query per pane, plain records out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import Any

from followup_tui.contact import CARD_FIELDS, CONTACT_COLUMNS, MEETING_COLUMNS, CardFields
from followup_tui.kinds import KIND_OF, MEDIUM_OF, STATE_OF, STATUS_OF, Kind, Medium, State
from followup_tui.records import ActionRow, InterviewDetail, InterviewRow, PersonCard
from followup_tui.review import ReviewItem
from followup_tui.settings import Settings
from followup_tui.store import lite
from followup_tui.store.database import execute, reading
from followup_tui.text import clean
from followup_tui.wording import action_label, missing_detail
from followup_tui.writing.profile import Profile, references_named

# The interview keeps its next open action (store.summary), so the list is one indexed query.
_LIST_SQL = """
SELECT i.id, i.company, i.role, i.day, i.status, i.people, a.kind, a.title, a.seq, c.name, i.next_due, a.id
FROM "interview" i
LEFT JOIN "action" a ON a.id = i.next_action_id
LEFT JOIN "contact" c ON c.id = a.contact_id
{where}
ORDER BY i.list_rank
"""


_day = date.fromisoformat


def _cleaned(row: tuple[Any, ...]) -> tuple[Any, ...]:  # a row as SQLite gives it
    return tuple(clean(value) if isinstance(value, str) else value for value in row)


def list_interviews(ids: list[int] | None = None, limit: int | None = None) -> list[InterviewRow]:
    """Every interview (or those in `ids`, or the first `limit`), the next open action first; closed last."""
    where, params = "", tuple[int, ...]()
    if ids is not None:
        where = f"WHERE i.id IN ({', '.join('?' * len(ids))})"
        params = tuple(ids)
    sql = _LIST_SQL.format(where=where) + (f" LIMIT {int(limit)}" if limit is not None else "")
    with reading():
        cursor = execute(sql, params)
        rows = []
        for ident, company, role, day, status, people, kind, title, seq, person, due, next_id in cursor.fetchall():
            rows.append(
                InterviewRow(
                    id=ident,
                    company=company,
                    role=role,
                    day=_day(day),
                    status=STATUS_OF[status],
                    people=people or "",
                    next_kind=KIND_OF[kind] if kind else None,
                    next_custom_title=title or "",
                    next_seq=seq or 0,
                    next_person=person or "",
                    next_due=_day(due) if due else None,
                    next_id=next_id,
                )
            )
    return rows


_NAMES_SQL = """
SELECT m.interview_id, c.name FROM "meeting" m JOIN "contact" c ON c.id = m.contact_id
ORDER BY m.interview_id, m.position, m.id
"""


def people_names() -> dict[int, list[str]]:
    """Each interview's people by name, in the card pane's order (one query, for `followup list --json`)."""
    names: dict[int, list[str]] = {}
    with reading():
        for interview_id, name in execute(_NAMES_SQL, ()).fetchall():
            names.setdefault(interview_id, []).append(clean(name))
    return names


_DETAIL_SQL = """
SELECT id, company, role, day, status, ended_at, decision_expected, notes, started_at, next_step_expected
FROM "interview" WHERE id = ?"""
# The person's columns, named by the contact record: the row reads back as a PersonCard by name.
_PEOPLE_SQL = f"""
SELECT m.id, c.id, {", ".join([f"c.{name}" for name in CONTACT_COLUMNS] + [f"m.{name}" for name in MEETING_COLUMNS])}
FROM "meeting" m JOIN "contact" c ON c.id = m.contact_id
WHERE m.interview_id = ? ORDER BY m.position, m.id
"""
_PERSON_COLUMNS = CONTACT_COLUMNS + MEETING_COLUMNS
_ACTIONS_SQL = """
SELECT id, kind, title, seq, due, state, contact_id, window_end, done_on, moved, note
FROM "action" WHERE interview_id = ? ORDER BY due, id
"""


def interview_detail(interview_id: int) -> InterviewDetail | None:
    """An interview with its people (in the order met) and checklist, or None if it is gone.

    Plain SQL, three indexed reads: this runs on every move in the list, where building the same
    queries through peewee cost more than running them."""
    with reading():
        found = execute(_DETAIL_SQL, (interview_id,)).fetchone()
        if found is None:
            return None
        # A handful of rows, shown in the panes, the forms and every dialog: cleaned here once, as
        # peewee's reads are (store.models.read_text).
        found = _cleaned(found)
        people_rows = [_cleaned(row) for row in execute(_PEOPLE_SQL, (interview_id,)).fetchall()]
        action_rows = [_cleaned(row) for row in execute(_ACTIONS_SQL, (interview_id,)).fetchall()]
        profile = execute(lite.PROFILE_SQL).fetchone()
    references = Profile.from_json(lite.read_text(profile[0])).references if profile else ()
    people = [_person_card(row) for row in people_rows]
    by_id = {p.contact_id: p for p in people}
    rows = []
    for ident, kind, title, seq, due, state, contact_id, window_end, done_on, moved, note in action_rows:
        kind, person = KIND_OF[kind], by_id.get(contact_id)
        name = person.name if person else ""
        if kind is Kind.REFERENCES:
            name = references_named(references, note)  # who to alert: the profile's references
        rows.append(
            ActionRow(
                id=ident,
                kind=kind,
                label=action_label(kind, name, title, seq),
                due=_day(due),
                state=STATE_OF[state],
                person_id=contact_id,
                person_name=name,
                window_end=_day(window_end) if window_end else None,
                done_on=_day(done_on) if done_on else None,
                moved=bool(moved),
                note=note,
                title=title,
                missing=missing_detail(
                    kind,
                    person.email if person else "",
                    (person.phone or person.mobile) if person else "",
                    person.address if person else "",
                    # The references item has no person: what it needs is references named in the profile.
                    bool(name) if kind is Kind.REFERENCES else person is not None,
                    person.name if person else "",
                    person.title if person else "",
                ),
            )
        )
    ident, company, role, day, status, ended_at, decision_expected, notes, started_at, next_step = found
    return InterviewDetail(
        id=ident,
        company=company,
        role=role,
        day=_day(day),
        status=STATUS_OF[status],
        ended_at=time.fromisoformat(ended_at) if ended_at else None,
        decision_expected=_day(decision_expected) if decision_expected else None,
        notes=notes,
        started_at=time.fromisoformat(started_at) if started_at else None,
        next_step_expected=_day(next_step) if next_step else None,
        people=people,
        actions=rows,
    )


def _person_card(row: tuple[Any, ...]) -> PersonCard:
    meeting_id, contact_id, *values = row
    person = dict(zip(_PERSON_COLUMNS, values, strict=True))
    person["preferred"] = MEDIUM_OF[person["preferred"]]
    person["is_lead"] = bool(person["is_lead"])
    return PersonCard(meeting_id=meeting_id, contact_id=contact_id, **person)


def find_contact(
    email: str, phones: tuple[str, ...], exclude_interview: int | None = None, *, name: str = "", company: str = ""
) -> PersonCard | None:
    """A stored contact with the same email or phone (E.164), not already met at `exclude_interview`;
    for a card with neither, the same name at the same company (given `name`)."""
    from peewee import fn

    from followup_tui.store.models import Contact, Meeting

    conditions = []
    if email:
        conditions.append(fn.LOWER(Contact.email) == email.lower())
    for phone in (p for p in phones if p):
        conditions.append((Contact.phone_e164 == phone) | (Contact.mobile_e164 == phone))
    if not conditions and name:
        # A card without email or phone (a name from a business card) matched nothing, so importing
        # the app's own export doubled every such person.
        conditions.append((fn.LOWER(Contact.name) == name.lower()) & (fn.LOWER(Contact.company) == company.lower()))
    if not conditions:
        return None
    where = conditions[0]
    for condition in conditions[1:]:
        where |= condition
    with reading():
        query = Contact.select().where(where)
        if exclude_interview is not None:
            met_here = Meeting.select(Meeting.contact).where(Meeting.interview == exclude_interview)
            query = query.where(Contact.id.not_in(met_here))
        contact = query.order_by(Contact.id).first()
    if contact is None:
        return None
    stored = {name: getattr(contact, name) for name in CONTACT_COLUMNS}
    stored["preferred"] = Medium(contact.preferred)
    return PersonCard(meeting_id=0, contact_id=contact.id, **stored)


def contact_cards(contact_ids: list[int] | None = None) -> list[CardFields]:
    """Business cards of these contacts (all when None), for vCard export."""
    from followup_tui.store.models import Contact

    with reading():
        query = Contact.select().order_by(Contact.name)
        if contact_ids is not None:
            query = query.where(Contact.id.in_(contact_ids))
        return [CardFields(**{name: getattr(c, name) for name in CARD_FIELDS}) for c in query]


def settings() -> Settings:
    """The user's settings, in one read (inside a write transaction, that transaction's)."""
    with reading():
        # As bytes, past peewee's text factory (which cuts long text) when a write transaction reads:
        # a setting may be JSON (the profile, the words), which a cut would make unreadable. Its values
        # are cleaned here and capped once parsed (Profile.from_json).
        rows = execute('SELECT key, CAST(value AS BLOB) FROM "setting"').fetchall()
    texts = {key: lite.read_text(raw) for key, raw in rows}
    return Settings.from_stored({key: clean(text, limit=len(text)) for key, text in texts.items()})


def review_items(today: date, days: int) -> list[ReviewItem]:
    """Open actions due within `days` (overdue included) and those done today, across all interviews
    (a closed one keeps only its unsent thank-yous open)."""
    return _review_rows(lite.IN_WINDOW, lite.window_params(today, days))


def review_item(action_id: int) -> ReviewItem | None:
    """One action as the review shows it, whatever its date or state."""
    found = _review_rows(lite.ONE_ITEM, (action_id,))
    return found[0] if found else None


def due_now(today: date) -> list[tuple[str, ReviewItem]]:
    """The open actions due today or overdue, as the review shows them, each with its action's stable uid."""
    items = [item for item in review_items(today, 0) if item.state is State.OPEN]
    if not items:
        return []
    with reading():
        marks = ", ".join("?" * len(items))
        rows = execute(f'SELECT id, uid FROM "action" WHERE id IN ({marks})', tuple(i.id for i in items)).fetchall()
    uids = dict(rows)
    return [(str(uids[item.id]), item) for item in items if item.id in uids]  # one done in between is gone


def _review_rows(sql: str, params: tuple[object, ...]) -> list[ReviewItem]:
    with reading():
        rows = execute(sql, params).fetchall()
        found = execute(lite.PROFILE_SQL).fetchone()
    references = Profile.from_json(lite.read_text(found[0])).references if found else ()
    return lite.review_items_from(rows, references)


def anything_due(today: date) -> bool:
    """Whether any interview has an open action due today or earlier (one indexed lookup)."""
    with reading():
        return bool(
            execute(
                """SELECT EXISTS (SELECT 1 FROM "action" a JOIN "interview" i ON i.id = a.interview_id
               WHERE a.state = 'open' AND a.due <= ?)""",
                (today.isoformat(),),
            ).fetchone()[0]
            == 1
        )


def active_interview_count() -> int:
    """How many interviews are still active."""
    with reading():
        return int(execute(lite.ACTIVE_COUNT).fetchone()[0])


@dataclass(frozen=True)
class HistoryEntry:
    """Something sent, said or noted to a person, and when."""

    day: date
    what: str
    company: str
    text: str


_HISTORY_SQL = """
SELECT a.contact_id, a.done_on, a.due, a.kind, c.name, a.title, a.seq, i.company, a.sent_text, a.note
FROM "action" a JOIN "interview" i ON i.id = a.interview_id JOIN "contact" c ON c.id = a.contact_id
WHERE a.contact_id IN ({marks}) AND (a.state = 'done' OR a.note != '')
ORDER BY a.done_on IS NULL, a.done_on DESC, a.id DESC
"""


def histories(contact_ids: list[int]) -> dict[int, list[HistoryEntry]]:
    """What was sent, said or noted to each person across interviews, newest first (one query, plain
    SQL: it runs on every move in the interview list)."""
    result: dict[int, list[HistoryEntry]] = {ident: [] for ident in contact_ids}
    if not contact_ids:
        return result
    sql = _HISTORY_SQL.format(marks=", ".join("?" * len(contact_ids)))
    with reading():
        rows = [_cleaned(row) for row in execute(sql, tuple(contact_ids)).fetchall()]
    for contact_id, done_on, due, kind, name, title, seq, company, sent_text, note in rows:
        text = "\n".join(t for t in (sent_text, note) if t)
        result[contact_id].append(
            HistoryEntry(
                _day(done_on or due),
                action_label(KIND_OF[kind], name, title, seq),
                company,
                text,
            )
        )
    return result
