"""What a follow-up looks like as a CalDAV task and a person as a CardDAV card, and how a change made here
is merged with one made on the server: plain data in, plain data out (no peewee, no network)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time

from followup_tui.contact import CARD_FIELDS, CardFields
from followup_tui.kinds import Kind, Medium

NEEDS_ACTION, COMPLETED, CANCELLED = "NEEDS-ACTION", "COMPLETED", "CANCELLED"
UID_SUFFIX = "@followup"  # the same UIDs as `followup export x.ics`, so importing both never doubles a task

# How each kind of action reaches its person: what the task's summary names and which detail it carries.
MEDIUM_OF_KIND = {
    Kind.THANK_YOU_EMAIL: Medium.EMAIL,
    Kind.WEEKLY_EMAIL: Medium.EMAIL,
    Kind.CALL: Medium.PHONE,
    Kind.WEEKLY_CALL: Medium.PHONE,
    Kind.DECISION: Medium.PHONE,
    Kind.NEXT_STEP: Medium.PHONE,
    Kind.THANK_YOU_LETTER: Medium.POST,
    Kind.LETTER: Medium.POST,
    Kind.WEEKLY_LETTER: Medium.POST,
}

# The card's fields a vCard carries both ways (the E.164 forms are derived from the numbers on reading).
CARD_SYNCED = tuple(name for name in CARD_FIELDS if not name.endswith("_e164"))


@dataclass(frozen=True)
class Task:
    """A follow-up as the server's task holds it: what both sides compare."""

    summary: str
    description: str
    due: date
    status: str = NEEDS_ACTION  # NEEDS-ACTION, COMPLETED or CANCELLED (RFC 5545 has no "dropped")
    completed: date | None = None

    def to_json(self) -> str:
        """As stored in sync_item.agreed."""
        values = asdict(self)
        values["due"] = self.due.isoformat()
        values["completed"] = self.completed.isoformat() if self.completed else None
        return json.dumps(values, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Task | None:
        """From sync_item.agreed; None when nothing readable was agreed."""
        try:
            values = json.loads(text)
            return cls(
                summary=str(values["summary"]),
                description=str(values["description"]),
                due=date.fromisoformat(values["due"]),
                status=str(values["status"]),
                completed=date.fromisoformat(values["completed"]) if values.get("completed") else None,
            )
        except (ValueError, KeyError, TypeError):
            return None


def task_summary(kind: Kind, label: str, company: str) -> str:
    """ "Call Dana Wu by phone (Northwind)": the action, the person, the medium and the company."""
    medium = MEDIUM_OF_KIND.get(kind)
    by = f" by {medium.label}" if medium and medium.label not in label.lower() else ""
    return f"{label}{by} ({company})" if company else f"{label}{by}"


def task_description(kind: Kind, card: CardFields | None, role: str) -> str:
    """The contact detail needed to act (the email, the number or the address), then the role. Not the
    action's note: a tick here adds a line to it, which would send every completed task back once more."""
    lines: list[str] = []
    if card:
        medium = MEDIUM_OF_KIND.get(kind)
        if medium is Medium.EMAIL and card.email:
            lines.append(f"Email: {card.email}")
        elif medium is Medium.PHONE and (card.phone or card.mobile):
            lines += [f"Phone: {n}" for n in (card.phone, card.mobile) if n]
        elif medium is Medium.POST and card.address:
            lines.append("Address:\n" + card.address)
        else:
            lines += [f"{label}: {value}" for label, value in (("Email", card.email), ("Phone", card.phone)) if value]
    if role:
        lines.append(f"Role: {role}")
    return "\n".join(lines)


def task_ical(uid: str, task: Task, stamp: datetime) -> str:
    """The task as an iCalendar text: an all-day DUE, its status and the day it was completed."""
    from icalendar import Calendar, Todo

    calendar = Calendar()
    calendar.add("prodid", "-//followup//follow-ups//EN")
    calendar.add("version", "2.0")
    todo = Todo()
    todo.add("uid", uid + UID_SUFFIX)
    todo.add("dtstamp", stamp.astimezone(UTC))
    todo.add("summary", task.summary)
    if task.description:
        todo.add("description", task.description)
    todo.add("due", task.due)
    todo.add("status", task.status)
    if task.status == COMPLETED:
        todo.add("completed", datetime.combine(task.completed or task.due, time(12), tzinfo=UTC))
    calendar.add_component(todo)
    return str(calendar.to_ical().decode("utf-8"))


def read_task(text: str) -> Task | None:
    """The task a server holds (its first VTODO), or None when the text holds none."""
    from icalendar import Calendar

    try:
        calendar = Calendar.from_ical(text)
    except ValueError:
        return None
    for todo in calendar.walk("VTODO"):
        due_value = todo.get("due")
        due = due_value.dt if due_value is not None else None
        if isinstance(due, datetime):
            due = due.date()
        if not isinstance(due, date):
            return None
        status = str(todo.get("status", NEEDS_ACTION)).upper()
        done_value = todo.get("completed")
        done = done_value.dt if done_value is not None else None
        if done is not None and status != CANCELLED:
            status = COMPLETED  # some apps set COMPLETED without the status
        completed = done.date() if isinstance(done, datetime) else done if isinstance(done, date) else None
        if status == COMPLETED and completed is None:
            completed = due
        return Task(
            summary=str(todo.get("summary", "")),
            description=str(todo.get("description", "")),
            due=due,
            status=status if status in (NEEDS_ACTION, COMPLETED, CANCELLED) else NEEDS_ACTION,
            completed=completed if status == COMPLETED else None,
        )
    return None


@dataclass(frozen=True)
class TaskMerge:
    """What both sides should hold after a merge, and what could not be settled (empty when nothing)."""

    result: Task
    conflict: str = ""  # "due": both sides moved it differently, the one here was kept


def merge_task(here: Task, agreed: Task | None, there: Task) -> TaskMerge:
    """Field by field: completion wins; otherwise the side that changed since the last agreed state wins;
    both changed differently: the one here is kept, and the conflict named. The text (summary, description)
    is always this side's: the app writes it from the interview and the card."""
    base = agreed or there
    status, completed = here.status, here.completed
    if here.status != there.status:
        if here.status == CANCELLED:
            pass  # the interview is closed here: nothing there can reopen or complete it
        elif COMPLETED in (here.status, there.status):
            status = COMPLETED
            completed = here.completed if here.status == COMPLETED else there.completed
        elif here.status == base.status:
            status, completed = there.status, there.completed
    due, conflict = here.due, ""
    if here.due != there.due:
        if here.due == base.due:
            due = there.due
        elif there.due != base.due:
            conflict = "due"  # both moved it: this side's day is kept, and the user told
    return TaskMerge(Task(here.summary, here.description, due, status, completed), conflict)


def card_vcf(card: CardFields, uid: str) -> str:
    """The person's vCard, as `followup export x.vcf` writes it, with a stable UID."""
    from followup_tui.capture.vcards import write_vcards

    text = write_vcards([card])
    return text.replace("BEGIN:VCARD\r\n", f"BEGIN:VCARD\r\nUID:{uid}{UID_SUFFIX}\r\n", 1)


def card_values(text: str, region: str = "US") -> dict[str, str] | None:
    """The synced fields of a server's vCard, read as `followup import` reads one; None if unreadable."""
    from followup_tui.capture.vcards import CardImportError, read_vcards

    try:
        cards = read_vcards(text.encode("utf-8"), region)
    except CardImportError:
        return None
    return {name: getattr(cards[0], name) for name in CARD_FIELDS} if cards else None


def changed_there(here: dict[str, str], agreed: dict[str, str], there: dict[str, str]) -> list[str]:
    """The fields the server's copy changed since the last agreed state and that differ from this side's:
    the user changed them there, so they are never overwritten without asking."""
    return [
        name
        for name in CARD_SYNCED
        if there.get(name, "") != agreed.get(name, "") and there.get(name, "") != here.get(name, "")
    ]


def card_key(card: CardFields) -> str:
    """A digest of the card as stored here: the same digest, nothing changed here since it was agreed."""
    import hashlib

    return hashlib.sha256(json.dumps([getattr(card, name) for name in CARD_FIELDS]).encode()).hexdigest()
