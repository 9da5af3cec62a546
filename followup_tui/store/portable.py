"""Everything out and back in: versioned JSON (merge by stable uid), CSV of interviews, iCalendar to-dos."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from peewee import JOIN

from followup_tui import clock
from followup_tui.contact import CONTACT_COLUMNS, about
from followup_tui.kinds import Kind, Medium, State, Status
from followup_tui.store.database import reading, writing
from followup_tui.store.errors import StoreError
from followup_tui.store.models import Action, Contact, Interview, Meeting, Setting
from followup_tui.store.schema import SCHEMA_VERSION
from followup_tui.wording import action_label

if TYPE_CHECKING:
    from icalendar import Calendar, Todo

FORMAT = "followup"
FORMAT_VERSION = 1
MAX_IMPORT_BYTES = 50 * 1024 * 1024
Progress = Callable[[int, int], None]


class ImportProblem(StoreError):
    """A file that cannot be imported; nothing was changed."""


Table = type[Interview] | type[Contact] | type[Meeting] | type[Action]
Record = dict[str, object]  # one row of an export, by field name

# Each table's exported fields and how to read them back: (name, kind, required).
FIELDS: dict[str, tuple[Table, list[tuple[str, str, bool]]]] = {
    "interviews": (
        Interview,
        [
            ("uid", "str", True),
            ("company", "str", True),
            ("role", "str", False),
            ("day", "date", True),
            ("ended_at", "time?", False),
            ("status", "status", False),
            ("decision_expected", "date?", False),
            ("started_at", "time?", False),
            ("next_step_expected", "date?", False),
            ("notes", "str", False),
            ("created_at", "datetime", False),
        ],
    ),
    "contacts": (
        Contact,
        [
            ("uid", "str", True),
            *((name, about(name).json, about(name).required) for name in CONTACT_COLUMNS),
            ("created_at", "datetime", False),
        ],
    ),
    "meetings": (
        Meeting,
        [
            ("uid", "str", True),
            ("interview", "ref", True),
            ("contact", "ref", True),
            ("topic", "str", False),
            ("is_lead", "bool", False),
            ("position", "int", False),
            ("added_on", "date", True),
        ],
    ),
    "actions": (
        Action,
        [
            ("uid", "str", True),
            ("interview", "ref", True),
            ("contact", "ref?", False),
            ("kind", "kind", True),
            ("seq", "int", False),
            ("title", "str", False),
            ("due", "date", True),
            ("window_end", "date?", False),
            ("state", "state", False),
            ("done_on", "date?", False),
            ("moved", "bool", False),
            ("note", "str", False),
            ("created_on", "date", True),
            ("draft", "str", False),
            ("sent_text", "str", False),
            ("sent_at", "datetime?", False),
        ],
    ),
}
REFS: dict[str, tuple[Table, str]] = {"interview": (Interview, "interviews"), "contact": (Contact, "contacts")}


def _plain(value: object) -> object:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _records(table: str) -> Iterator[Record]:
    model, fields = FIELDS[table]
    query = model.select().order_by(model.id)
    uid_of = {
        name: {m.id: m.uid for m in ref.select(ref.id, ref.uid)}
        for name, (ref, _) in REFS.items()
        if any(f == name for f, _, _ in fields)
    }
    for row in query:
        record: Record = {}
        for name, kind, _ in fields:
            if kind.startswith("ref"):
                ident = getattr(row, f"{name}_id")
                record[name] = uid_of[name].get(ident) if ident else None
            else:
                record[name] = _plain(getattr(row, name))
        yield record


def export_json(target: Path, progress: Progress | None = None) -> dict[str, int]:
    """Write everything as versioned JSON, streamed record by record into a private file."""
    with reading():
        counts = {table: FIELDS[table][0].select().count() for table in FIELDS}
        settings = {s.key: s.value for s in Setting.select().order_by(Setting.key)}
        total, done = sum(counts.values()), 0
        temporary = target.with_name(f".{target.name}.tmp")
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                header = {
                    "format": FORMAT,
                    "version": FORMAT_VERSION,
                    "schema": SCHEMA_VERSION,
                    "exported_at": clock.now().isoformat(timespec="seconds"),
                    "settings": settings,
                }
                out.write(json.dumps(header, ensure_ascii=False, indent=1)[:-2] + ",\n")
                for number, table in enumerate(FIELDS):
                    out.write(f' "{table}": [')
                    for index, record in enumerate(_records(table)):
                        out.write(("," if index else "") + "\n  " + json.dumps(record, ensure_ascii=False))
                        done += 1
                        if progress and done % 500 == 0:
                            progress(done, total)
                    out.write("\n ]" + ("," if number < len(FIELDS) - 1 else "") + "\n")
                out.write("}\n")
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, target)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    if progress:
        progress(total, total)
    return counts


def _convert(table: str, index: int, name: str, kind: str, value: object) -> object:
    where = f"{table}[{index}].{name}"
    optional = kind.endswith("?")
    kind = kind.rstrip("?")
    if value is None:
        if optional:
            return None
        raise ImportProblem(f"{where} is missing")
    try:
        match kind:
            case "str":
                if not isinstance(value, str):
                    raise TypeError
                return value
            case "int":
                if isinstance(value, bool) or not isinstance(value, int):
                    raise TypeError
                return value
            case "bool":
                if not isinstance(value, bool):
                    raise TypeError
                return value
            case "date":
                return date.fromisoformat(_string(value))
            case "datetime":
                return datetime.fromisoformat(_string(value))
            case "time":
                return value if isinstance(value, str) and len(value) == 5 and value[2] == ":" else _bad()
            case "status":
                return Status(_string(value)).value
            case "medium":
                return Medium(_string(value)).value
            case "kind":
                return Kind(_string(value)).value
            case "state":
                return State(_string(value)).value
            case "ref":
                if not isinstance(value, str):
                    raise TypeError
                return value
    except (TypeError, ValueError) as error:
        raise ImportProblem(f"{where} has an unreadable value {str(value)[:40]!r}") from error
    raise ImportProblem(f"{where}: unknown field kind")


def _bad() -> NoReturn:
    raise ValueError


def _string(value: object) -> str:
    """A value that must be text (anything else is unreadable, as _convert reports)."""
    if not isinstance(value, str):
        raise TypeError
    return value


def _validated(data: object) -> dict[str, list[Record]]:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportProblem('This is not a followup export (no "format": "followup").')
    if not isinstance(data.get("version"), int) or data["version"] > FORMAT_VERSION:
        raise ImportProblem(
            f"This export is format version {data.get('version')!r}; this followup reads "
            f"version {FORMAT_VERSION}. Upgrade followup to import it."
        )
    tables: dict[str, list[Record]] = {}
    for table, (_, fields) in FIELDS.items():
        rows = data.get(table, [])
        if not isinstance(rows, list):
            raise ImportProblem(f'"{table}" must be a list')
        clean = []
        for index, row in enumerate(rows):
            if not isinstance(row, dict):
                raise ImportProblem(f"{table}[{index}] must be an object")
            record = {}
            for name, kind, required in fields:
                if name not in row:
                    if required:
                        raise ImportProblem(f"{table}[{index}].{name} is missing")
                    continue
                record[name] = _convert(table, index, name, kind, row[name])
            clean.append(record)
        tables[table] = clean
    settings = data.get("settings", {})
    if not isinstance(settings, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in settings.items()
    ):
        raise ImportProblem('"settings" must map names to text')
    tables["settings"] = [{"key": k, "value": v} for k, v in settings.items()]
    return tables


def import_json(source: Path, progress: Progress | None = None) -> dict[str, int]:
    """Import an export: records whose uid is already stored are kept as they are (no doubling);
    the rest are added. All or nothing: a bad file changes nothing."""
    size = source.stat().st_size
    if size > MAX_IMPORT_BYTES:
        raise ImportProblem(
            f"{source} is {size / 1024 / 1024:.1f} MB; exports up to "
            f"{MAX_IMPORT_BYTES // 1024 // 1024} MB are imported."
        )
    try:
        data = json.loads(source.read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise ImportProblem(f"{source.name} is not valid JSON ({str(error)[:100]}).") from error
    tables = _validated(data)
    added = {table: 0 for table in FIELDS}
    total = sum(len(rows) for rows in tables.values())
    done = 0
    with writing():
        ids: dict[str, dict[str, int]] = {}
        for table, (model, fields) in FIELDS.items():
            existing: dict[str, int] = dict(model.select(model.uid, model.id).tuples().execute())
            ids[table] = existing
            for record in tables[table]:
                done += 1
                if progress and done % 500 == 0:
                    progress(done, total)
                if record["uid"] in existing:
                    continue
                values: dict[str, object] = {}
                for name, kind, _ in fields:
                    if name not in record:
                        continue
                    if kind.startswith("ref"):
                        uid = record[name]
                        if uid is None:
                            values[name] = None
                            continue
                        ref_table = REFS[name][1]
                        if uid not in ids[ref_table]:
                            raise ImportProblem(f"{table}: {name} {uid} is not in the file or the database")
                        values[name] = ids[ref_table][uid]
                    else:
                        values[name] = record[name]
                if model is Interview:
                    values.setdefault("created_at", clock.now())
                if model is Contact:
                    values.setdefault("created_at", clock.now())
                existing[_string(record["uid"])] = model.insert(**values).execute()
                added[table] += 1
        for setting in tables["settings"]:
            if Setting.get_or_none(Setting.key == setting["key"]) is None:
                Setting.create(**setting)
        if any(added.values()):
            from followup_tui.store.summary import refresh_all

            refresh_all()
    if progress:
        progress(total, total)
    return added


def interviews_csv() -> str:
    """One row per interview with its people and next open action, for spreadsheets."""
    from followup_tui.store.queries import list_interviews

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["company", "role", "interview_date", "status", "people", "next_action", "next_due"])
    for row in list_interviews():
        writer.writerow(
            [
                spreadsheet_cell(cell)
                for cell in (
                    row.company,
                    row.role,
                    row.day.isoformat(),
                    row.status.value,
                    row.people,
                    row.next_title,
                    row.next_due.isoformat() if row.next_due else "",
                )
            ]
        )
    return out.getvalue()


# What a spreadsheet takes as the start of a formula (OWASP, "CSV injection"); tab and CR too, since
# some spreadsheets drop them and then read the next character.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: str) -> str:
    """A CSV cell a spreadsheet shows as text: a leading quote before anything that could start a formula.

    Every such cell gets the quote, phone numbers included: "+1 415 555 0142" bare is read as a sum by
    some spreadsheets, while "'+1 415 555 0142" stays the number as written, quote visible at worst."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def _utc(moment: datetime) -> datetime:
    """A local time in UTC: RFC 5545 wants DTSTAMP and COMPLETED as UTC date-times (ending in Z)."""
    return moment.astimezone(UTC)  # a naive time is taken as the machine's local time


# RFC 5545 has no "dropped": a letter left out on purpose is cancelled, its reason in the description.
_TODO_STATUS = {
    State.OPEN: "NEEDS-ACTION",
    State.DONE: "COMPLETED",
    State.CANCELLED: "CANCELLED",
    State.DROPPED: "CANCELLED",
}
ICS_UID_DOMAIN = "@followup"  # a to-do's UID is its action's uid and this: one UID per action, everywhere


def _calendar() -> Calendar:
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", "-//followup//follow-ups//EN")
    calendar.add("version", "2.0")
    return calendar


def _todo(a: Action, stamp: datetime) -> Todo:
    """One action (its interview and contact joined) as an iCalendar to-do."""
    from icalendar import Todo

    person = a.contact if a.contact_id else None
    todo = Todo()
    todo.add("uid", f"{a.uid}{ICS_UID_DOMAIN}")
    todo.add("dtstamp", stamp)
    label = action_label(Kind(a.kind), person.name if person else "", a.title, a.seq)
    todo.add("summary", f"{label} ({a.interview.company})")
    todo.add("due", a.due)
    todo.add("status", _TODO_STATUS[State(a.state)])
    if a.done_on:
        todo.add("completed", _utc(datetime.combine(a.done_on, time.min)))
    details = []
    if person:
        details += [d for d in (person.email, person.phone or person.mobile, person.address) if d]
    if a.note:
        details.append(a.note)
    if details:
        todo.add("description", "\n".join(details))
    return todo


def _actions(*, open_only: bool = False) -> Iterator[Action]:
    """Every action (or the open ones) with its interview and contact, in id order; inside `reading()`."""
    rows = Action.select(Action, Interview, Contact).join(Interview).switch(Action).join(Contact, JOIN.LEFT_OUTER)
    if open_only:
        rows = rows.where(Action.state == State.OPEN.value)
    return iter(rows.order_by(Action.id))


def followups_ics(now: datetime) -> bytes:
    """Every action as an iCalendar to-do with a stable UID; done and cancelled ones marked so."""
    calendar = _calendar()
    stamp = _utc(now)
    with reading():
        for a in _actions():
            calendar.add_component(_todo(a, stamp))
    ical: bytes = calendar.to_ical()
    return ical


def open_followups_one_by_one(now: datetime) -> dict[str, bytes]:
    """Each open follow-up as a calendar of its own (a vdir's item), by the action's uid."""
    stamp = _utc(now)
    found: dict[str, bytes] = {}
    with reading():
        for a in _actions(open_only=True):
            calendar = _calendar()
            calendar.add_component(_todo(a, stamp))
            found[str(a.uid)] = calendar.to_ical()
    return found
