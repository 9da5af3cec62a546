"""What the sync reads and writes here: the follow-ups and cards as the server should hold them, each synced
item's href, ETag and last agreed fields, and the changes a server brings (done, moved, a card's field).

Every write is one IMMEDIATE transaction that records the item as agreed together with the change it
brings: a sync stopped at any point leaves each item either wholly agreed or as it was."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from peewee import JOIN

from followup_tui.contact import CARD_FIELDS, CardFields
from followup_tui.dates import show_date
from followup_tui.kinds import Kind, State
from followup_tui.store import summary
from followup_tui.store.database import execute, reading, writing
from followup_tui.store.models import Action, Contact, Interview
from followup_tui.store.planning import replan
from followup_tui.sync.items import CANCELLED, COMPLETED, NEEDS_ACTION, Task, task_description, task_summary
from followup_tui.wording import action_label

TASK, CONTACT = "task", "contact"
DONE_ELSEWHERE_NOTE = "Done elsewhere (ticked on another device)"
_STATUS = {State.OPEN: NEEDS_ACTION, State.DONE: COMPLETED, State.CANCELLED: CANCELLED, State.DROPPED: CANCELLED}


class Synced(NamedTuple):
    """One synced item's row: where it is on the server, its ETag there, and the fields last agreed (JSON)."""

    href: str
    etag: str
    agreed: str


class LocalTask(NamedTuple):
    """An action as its task should be, with its row id (to apply what the server brings)."""

    action_id: int
    task: Task


def tasks() -> dict[str, LocalTask]:
    """Every open action, and every action synced before whatever its state, by uid, as its task should be."""
    with reading():
        synced = Action.uid.in_([row[0] for row in execute(_SYNCED_UIDS, (TASK,)).fetchall()])
        rows = (
            Action.select(Action, Interview, Contact)
            .join(Interview)
            .switch(Action)
            .join(Contact, JOIN.LEFT_OUTER)
            .where((Action.state == State.OPEN) | synced)
        )
        found: dict[str, LocalTask] = {}
        for a in rows:
            kind = Kind(a.kind)
            person = a.contact if a.contact_id else None
            card = CardFields(**{name: getattr(person, name) for name in CARD_FIELDS}) if person else None
            label = action_label(kind, person.name if person else "", a.title, a.seq)
            state = State(a.state)
            found[a.uid] = LocalTask(
                a.id,
                Task(
                    summary=task_summary(kind, label, a.interview.company),
                    description=task_description(kind, card, a.interview.role),
                    due=a.due,
                    status=_STATUS[state],
                    completed=a.done_on if state is State.DONE else None,
                ),
            )
    return found


_SYNCED_UIDS = 'SELECT local_uid FROM "sync_item" WHERE kind = ?'


def cards() -> dict[str, tuple[int, CardFields]]:
    """Every person's card by uid, with the contact's row id."""
    with reading():
        return {
            c.uid: (c.id, CardFields(**{name: getattr(c, name) for name in CARD_FIELDS}))
            for c in Contact.select().order_by(Contact.id)
        }


def synced(kind: str) -> dict[str, Synced]:
    """The synced items of one kind (TASK or CONTACT), by local uid."""
    with reading():
        rows = execute('SELECT local_uid, href, etag, agreed FROM "sync_item" WHERE kind = ?', (kind,)).fetchall()
    return {uid: Synced(href, etag, agreed) for uid, href, etag, agreed in rows}


def collection_tag(url: str) -> str:
    """The change tag the collection had when it was last wholly synced ("" if never)."""
    with reading():
        found = execute('SELECT tag FROM "sync_collection" WHERE url = ?', (url,)).fetchone()
    return str(found[0]) if found else ""


def set_collection_tag(url: str, kind: str, tag: str) -> None:
    """Remember the collection's tag once every item in it is agreed."""
    with writing():
        execute('INSERT OR REPLACE INTO "sync_collection" (url, kind, tag) VALUES (?, ?, ?)', (url, kind, tag))


def agree(kind: str, uid: str, row: Synced) -> None:
    """Record an item as agreed with the server."""
    with writing():
        _agree(kind, uid, row)


def agree_many(kind: str, rows: list[tuple[str, Synced]]) -> None:
    """Record items the server already holds as agreed, in one transaction (one disk flush, not one each)."""
    with writing():
        for uid, row in rows:
            _agree(kind, uid, row)


def _agree(kind: str, uid: str, row: Synced) -> None:
    execute(
        'INSERT INTO "sync_item" (kind, local_uid, href, etag, agreed) VALUES (?, ?, ?, ?, ?) '
        "ON CONFLICT (kind, local_uid) DO UPDATE SET href = excluded.href, etag = excluded.etag, "
        "agreed = excluded.agreed",
        (kind, uid, row.href, row.etag, row.agreed),
    )


def forget(kind: str, uid: str) -> None:
    """The item is gone from both sides."""
    with writing():
        execute('DELETE FROM "sync_item" WHERE kind = ? AND local_uid = ?', (kind, uid))


def apply_task(action_id: int, task: Task, uid: str, row: Synced, today: date) -> None:
    """What the server brought to an action (done there, or a new due date), with the item agreed, in one
    transaction. An action no longer open here (done, cancelled) keeps its state: only the record changes."""
    with writing():
        action = Action.get_or_none(Action.id == action_id)
        if action is not None and action.state == State.OPEN:
            if task.status == COMPLETED:
                done_on = task.completed or today
                note = f"{action.note}\n{DONE_ELSEWHERE_NOTE}, {show_date(done_on)}".strip()
                Action.update(state=State.DONE, done_on=done_on, note=note).where(Action.id == action_id).execute()
                replan(action.interview_id, today)
            elif task.due != action.due:
                Action.update(due=task.due, moved=True).where(Action.id == action_id).execute()
                summary.refresh(action.interview_id)
        _agree(TASK, uid, row)


def apply_card(contact_id: int, values: dict[str, str], uid: str, row: Synced) -> None:
    """The server's fields taken into the person's card (`--prefer server`), with the item agreed."""
    with writing():
        Contact.update(**{name: values.get(name, "") for name in values if name in CARD_FIELDS}).where(
            Contact.id == contact_id
        ).execute()
        _agree(CONTACT, uid, row)
