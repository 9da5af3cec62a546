"""`followup add`, `list`, `status` and `note`: the daily loop from scripts and cron, with the forms' checks
and the store commands the app's keys use (so the plan and its rules are the app's). Never imports Textual.

Ids are interview ids, the ones `followup list`, `capture --interview` and `import --interview` take
(`followup today`'s ids are actions'). Wrong input is exit 2 with nothing stored, as for `--days -1` or an
outcome given for something that is not a call; an id that is not there is exit 1, as for `done`."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TextIO, TypeVar

from followup_tui import clock, validate
from followup_tui.capture.card_places import country_in
from followup_tui.capture.card_text import CardTooLong, parse_card
from followup_tui.capture.vcards import MAX_BYTES, CardImportError, read_vcards
from followup_tui.contact import TYPED_CARD_FIELDS, CardFields
from followup_tui.dates import DateInputError, parse_time, relative_due, show_date
from followup_tui.inputs import InterviewInput
from followup_tui.kinds import Status
from followup_tui.records import InterviewRow
from followup_tui.shell.args import Add, List, Note, SetStatus
from followup_tui.shell.daily import fit
from followup_tui.shell.output import printable
from followup_tui.text import clean, clean_line, json_visible
from followup_tui.wording import status_note

STATUSES = ", ".join(s.value for s in Status)
LIST_COLUMNS = (
    ("id", 5),
    ("date", 11),
    ("status", 9),
    ("company · role", 28),
    ("people", 22),
    ("next", 28),
    ("due", 16),
)
Checked = TypeVar("Checked")  # what a check gives back
_ADDRESSED = re.compile(r"^(?P<name>.*?)\s*<(?P<email>[^<>]*)>\s*$")  # Priya Shah <priya@acme.example>


class Problem(ValueError):
    """Input the user must correct: one line, naming the option; nothing is stored."""


def _checked(option: str, check: Callable[[], Checked]) -> Checked:
    """Run one of the forms' checks; its message comes back naming the command's option."""
    try:
        return check()
    except (validate.InputProblem, DateInputError, CardTooLong, CardImportError) as problem:
        raise Problem(f"{option}: {problem}") from None


def _interview(command: Add) -> InterviewInput:
    """The interview form's checks, on the command's options."""
    today = clock.today()
    company = _checked("company", lambda: validate.line(command.company, required="Company"))
    role = _checked("--role", lambda: validate.line(command.role))
    # A bare weekday is the latest one, as the form reads an interview date.
    day = _checked("--date", lambda: validate.day(command.day, today, required=True, past=True))
    started = _checked("--start", lambda: parse_time(command.start) if command.start.strip() else None)
    ended = _checked("--end", lambda: parse_time(command.end) if command.end.strip() else None)
    _checked("--end", lambda: validate.times(started, ended))
    return InterviewInput(company, day, role, ended, started_at=started)


def _card(option: str, card: CardFields, company: str, region: str) -> CardFields:
    """A person's card checked field by field as the person form checks it (the company is the
    interview's when the card names none, as the form fills it in)."""
    values: dict[str, str] = {}
    card_region = country_in(card.address) or region  # the form's rule: a London card's 020 number is British
    for name in TYPED_CARD_FIELDS:
        value = getattr(card, name) or (company if name == "company" else "")
        checked = _checked(option, partial(validate.card_field, name, value, card_region))
        if isinstance(checked, validate.Phone):
            values[name], values[f"{name}_e164"] = checked.typed, checked.e164
        else:
            values[name] = checked
    return CardFields(**values)


def _person(given: str, company: str, region: str) -> CardFields:
    """`--person "Name <email>"` or `--person "Name"`."""
    match = _ADDRESSED.match(given)
    name, email = (match["name"], match["email"]) if match else (given, "")
    if not match and "@" in given and " " not in given.strip():
        raise Problem(f'--person {given}: give a name too, as "Name <{given.strip()}>"')
    name = name.strip().strip('"').strip()
    return _card(f"--person {given}", CardFields(name=name, email=email), company, region)


def _cards_in(path: Path, company: str, region: str) -> list[CardFields]:
    """Every card in a .vcf file, or the one card in a text file (read as `followup capture` reads it)."""
    option = f"--card {path}"
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise Problem(f"{option}: {size / 1024 / 1024:.1f} MB; card files up to {MAX_BYTES // 1024 // 1024} MB")
        data = path.read_bytes()
    except OSError as error:
        raise Problem(f"{option}: cannot read it: {error.strerror}") from None
    if path.suffix.lower() == ".vcf":
        found = _checked(option, lambda: read_vcards(data, region))
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise Problem(f"{option}: not a .vcf nor a card's text; `followup capture PHOTO` reads a photo") from None
        found = [_checked(option, lambda: parse_card(text, region))]
    found = [card for card in found if any(card.as_dict().values())]
    if not found:
        raise Problem(f"{option}: no card details found in it")
    return [_card(option, card, company, region) for card in found]


def _region(given: str | None) -> str:
    from followup_tui.store import queries

    if given:
        return _checked("--region", lambda: validate.region(given))
    return queries.settings().phone_region or validate.default_region()


def _next(row: InterviewRow) -> str:
    if row.next_due is None:
        return "nothing open"
    return f"{row.next_title}, {relative_due(row.next_due, clock.today())}"


def _add(command: Add, out: TextIO, err: TextIO) -> int:
    from followup_tui.shell.cards import store_card
    from followup_tui.store import commands, queries
    from followup_tui.store.database import writing

    data = _interview(command)
    region = _region(command.region)
    people = [_person(given, data.company, region) for given in command.people]
    people += [card for path in command.cards for card in _cards_in(path, data.company, region)]
    # One transaction: the interview, its people (the first is the lead, as in the app) and the plan.
    with writing():
        interview_id = commands.add_interview(data, clock.today())
        said = [store_card(card, interview_id) for card in people]
    out.write(f"{interview_id}\n")
    for line in said:
        err.write(printable(clean_line(line)) + "\n")
    row = queries.list_interviews([interview_id])[0]
    err.write(printable(clean_line(f"next: {_next(row)}")) + "\n")
    return 0


def _list(command: List, out: TextIO) -> int:
    from followup_tui.store import queries

    rows = queries.list_interviews()
    today = clock.today()
    if command.json:
        import json

        names = queries.people_names()
        listed = {"date": today.isoformat(), "interviews": [_as_json(row, names.get(row.id, [])) for row in rows]}
        out.write(json_visible(json.dumps(listed, indent=2, ensure_ascii=False)) + "\n")
        return 0
    if not rows:
        out.write("No interviews yet: `followup add COMPANY` adds one.\n")
        return 0
    id_width = max(LIST_COLUMNS[0][1], *(len(str(row.id)) for row in rows))
    widths = (id_width, *(width for _, width in LIST_COLUMNS[1:]))
    out.write(" ".join(name.ljust(w) for (name, _), w in zip(LIST_COLUMNS, widths, strict=True)).rstrip() + "\n")
    for row in rows:
        company = " · ".join(part for part in (row.company, row.role) if part)
        due = relative_due(row.next_due, today) if row.next_due else ""
        cells = (
            show_date(row.day, today),
            row.status.value,
            company,
            row.people,
            row.next_title or "nothing open",
            due,
        )
        text = f"{row.id:<{id_width}} " + " ".join(fit(c, w) for c, w in zip(cells, widths[1:], strict=True))
        out.write(text.rstrip() + "\n")
    return 0


def _as_json(row: InterviewRow, people: list[str]) -> dict[str, object]:
    """One interview for `followup list --json`; field names are documented in README.md and kept stable."""
    following = None
    if row.next_due is not None:
        following = {
            "id": row.next_id,
            "kind": row.next_kind.value if row.next_kind else None,
            "what": clean(row.next_title),
            "person": clean(row.next_person),
            "due": row.next_due.isoformat(),
            "due_text": relative_due(row.next_due, clock.today()),
        }
    return {
        "id": row.id,
        "company": clean(row.company),  # as `today --json` reads its rows: without codes another program wrote
        "role": clean(row.role),
        "day": row.day.isoformat(),
        "status": row.status.value,
        "people": people,
        "next": following,
    }


def _interview_row(ident: int, err: TextIO) -> InterviewRow | None:
    from followup_tui.store import queries

    found = queries.list_interviews([ident])
    if not found:
        err.write(f"followup: there is no interview {ident}; `followup list` lists the ids\n")
        return None
    return found[0]


def _status(command: SetStatus, out: TextIO, err: TextIO) -> int:
    from followup_tui.store import commands

    wanted = clean_line(command.status).casefold()
    status = next((s for s in Status if wanted in (s.value, s.label)), None)
    if status is None:
        raise Problem(f"unknown status {command.status!r}: one of {STATUSES}")
    row = _interview_row(command.id, err)
    if row is None:
        return 1
    if status is not row.status:
        commands.set_status(command.id, status, clock.today())
    # The app's words when the status changes (an offer pauses the plan, a no encourages).
    out.write(printable(clean_line(status_note(status) or f"{row.company}: {status.label}.")) + "\n")
    return 0


def _note(command: Note, out: TextIO, err: TextIO) -> int:
    from followup_tui.store import commands, queries

    text = _checked("note", lambda: validate.text(command.text))
    if not text.strip():
        raise Problem("note: the note is empty")
    detail = queries.interview_detail(command.id)
    if detail is None:
        err.write(f"followup: there is no interview {command.id}; `followup list` lists the ids\n")
        return 1
    before = detail.as_input()
    notes = f"{before.notes.rstrip()}\n\n{text}" if before.notes.strip() else text
    notes = _checked("note", lambda: validate.text(notes))  # the interview form's limit, on the whole
    # The interview form's write: refused if the notes changed in another window meanwhile.
    commands.update_interview(command.id, replace(before, notes=notes), clock.today(), before)
    out.write(printable(clean_line(f"note added to {detail.company}")) + "\n")
    return 0


def run_loop_command(
    command: Add | List | SetStatus | Note, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run add, list, status or note on the open database; returns the exit status."""
    from followup_tui.store.errors import StoreError

    out, err = out or sys.stdout, err or sys.stderr
    try:
        if isinstance(command, Add):
            return _add(command, out, err)
        if isinstance(command, List):
            return _list(command, out)
        if isinstance(command, SetStatus):
            return _status(command, out, err)
        return _note(command, out, err)
    except Problem as problem:
        err.write(f"followup: {printable(str(problem).rstrip('.'))}; nothing was stored\n")
        return 2
    except StoreError as error:
        err.write(f"followup: {printable(str(error))}\n")
        return 1
