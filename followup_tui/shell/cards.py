"""`followup capture`, `import` and `export`: business cards from and to the shell."""

from __future__ import annotations

import json
import sys
from typing import TextIO

from followup_tui import clock, validate
from followup_tui.capture.card_text import CardTooLong, parse_card
from followup_tui.capture.vcards import MAX_BYTES, CardImportError, read_vcards, write_vcards
from followup_tui.contact import TYPED_CARD_FIELDS, CardFields, Entry, PersonInput, about
from followup_tui.shell.args import Capture, Export, Import
from followup_tui.shell.output import printable
from followup_tui.text import clean_line, json_visible

EXPORT_FORMATS = ".vcf (contacts), .json (everything), .csv (interviews) or .ics (follow-ups)"


def _region(given: str | None, stored: bool = True) -> str:
    if given:
        return validate.region(given)
    if not stored:
        return validate.default_region()
    from followup_tui.store import queries

    return queries.settings().phone_region or validate.default_region()


def _print_card(card: CardFields, out: TextIO) -> None:
    for name in TYPED_CARD_FIELDS:
        value, label = getattr(card, name), about(name).label
        if value:
            shown = value.replace("\n", ", ") if about(name).entry is Entry.TEXT else clean_line(value)
            out.write(f"{label + ':':<10}{shown}\n")


def _same(data: PersonInput) -> str:
    return "email or phone" if data.email or data.phone_e164 or data.mobile_e164 else "name and company"


def store_card(card: CardFields, interview_id: int | None) -> str:
    """Store one card (linking an existing contact with the same email or phone); a summary line."""
    from followup_tui.store import commands, queries

    data = PersonInput.from_card(card)
    if not data.name:
        return f"skipped: no name ({card.email or card.phone or 'empty card'})"
    existing = queries.find_contact(
        data.email, (data.phone_e164, data.mobile_e164), name=data.name, company=data.company
    )
    if interview_id is None:
        if existing is not None:
            return f"already stored: {existing.name} (same {_same(data)}), not doubled"
        commands.add_contact(data)
        return f"added: {data.name}"
    if existing is not None:
        detail = queries.interview_detail(interview_id)
        if detail is not None and any(p.contact_id == existing.contact_id for p in detail.people):
            return f"already on interview {interview_id}: {existing.name}"
        commands.add_person(interview_id, data, clock.today(), contact_id=existing.contact_id)
        return f"linked existing contact: {existing.name} -> interview {interview_id}"
    commands.add_person(interview_id, data, clock.today())
    return f"added: {data.name} -> interview {interview_id}"


def _progress(err: TextIO):
    """A one-line progress bar on a terminal's stderr; nothing when piped."""
    shown = {"any": False}

    def report(done: int, total: int) -> None:
        if not err.isatty():
            return
        if total == 0:
            if shown["any"]:
                err.write("\n")
            return
        width = 30
        filled = int(width * done / total)
        err.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,}")
        shown["any"] = True
        if done >= total:
            err.write("\n")
        err.flush()

    return report


def _export_other(target, out: TextIO, err: TextIO) -> int:
    from followup_tui.files import write_private
    from followup_tui.store import portable

    suffix = target.suffix.lower()
    if suffix == ".json":
        counts = portable.export_json(target, progress=_progress(err))
        out.write(printable(f"exported {', '.join(f'{n} {table}' for table, n in counts.items())} to {target}\n"))
    elif suffix == ".csv":
        write_private(target, portable.interviews_csv())
        out.write(printable(f"exported the interviews to {target}\n"))
    else:
        data = portable.followups_ics(clock.now())
        write_private(target, data.decode("utf-8"))
        out.write(printable(f"exported the follow-ups as to-dos to {target}\n"))
    return 0


def _export_vdir(folder, out: TextIO) -> int:
    from followup_tui.shell.vdir import export_vdir

    done = export_vdir(folder, clock.now())
    out.write(
        printable(
            f"exported the open follow-ups to {folder}: {done.written} written, {done.unchanged} unchanged, "
            f"{done.removed} removed (no longer open)\n"
        )
    )
    return 0


def _export_problem(target, vdir: bool = False) -> str | None:
    """Why `target` cannot be exported to, before anything is read or written."""
    import os

    if vdir:
        # The folder is made if missing (vdirsyncer wants it there before its first sync), in one that exists.
        folder = target if target.exists() else target.parent
        if not folder.is_dir():
            if folder is target:
                return f"cannot export to {target}: --vdir needs a folder, and this is a file"
            return f"cannot export to {target}: the folder {folder} does not exist"
        if not os.access(folder, os.W_OK | os.X_OK):
            return f"cannot export to {target}: permission denied"
        return None
    if target.suffix.lower() not in (".vcf", ".json", ".csv", ".ics"):
        return f"cannot export to {target}: name the file {EXPORT_FORMATS}"
    folder = target.parent
    if not folder.is_dir():
        return f"cannot export to {target}: the folder {folder} does not exist"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"cannot export to {target}: permission denied"
    return None


def _capture(command: Capture, out: TextIO, err: TextIO, *, stored: bool) -> int:
    """`followup capture`: the card's fields from standard input's text or from a photo; stored with --save."""
    region = _region(command.region, stored)
    note = ""
    if command.photo is not None:
        from followup_tui.shell.photos import read_photo_card

        photo = read_photo_card(command.photo, region, err)
        if isinstance(photo, int):
            return photo
        card, note = photo
    else:
        card = parse_card(sys.stdin.read(validate.TEXT_LIMIT + 1), region)
    if not any(card.as_dict().values()):
        err.write("followup: no card details found in the input\n")
        return 1
    if command.json:
        out.write(json_visible(json.dumps(card.as_dict(), indent=2, ensure_ascii=False)))
        out.write("\n")
    else:
        _print_card(card, out)
        out.write(printable(note))
    if command.save:
        err.write(store_card(card, command.interview) + "\n")
    return 0


def run_card_command(
    command: Capture | Import | Export,
    out: TextIO | None = None,
    err: TextIO | None = None,
    *,
    stored: bool = True,
) -> int:
    """Run capture, import or export; returns the exit status. Without `stored` (no database), only a
    capture that prints."""
    from followup_tui.store.errors import StoreError

    out, err = out or sys.stdout, err or sys.stderr
    try:
        if isinstance(command, Export) and (problem := _export_problem(command.file, command.vdir)):
            err.write(printable(f"followup: {problem}\n"))
            return 2
        interview = None if isinstance(command, Export) else command.interview
        if stored and interview is not None:
            from followup_tui.store import queries

            if queries.interview_detail(interview) is None:
                err.write(f"followup: there is no interview {interview}\n")
                return 1
        if isinstance(command, Capture):
            return _capture(command, out, err, stored=stored)
        if isinstance(command, Import) and command.file.suffix.lower() == ".json":
            from followup_tui.store.portable import import_json

            added = import_json(command.file, progress=_progress(err))
            out.write(
                "imported: "
                + ", ".join(f"{n} {table}" for table, n in added.items())
                + " (records already stored were kept, not doubled)\n"
            )
            return 0
        if isinstance(command, Export) and command.vdir:
            return _export_vdir(command.file, out)
        if isinstance(command, Export) and command.file.suffix.lower() in (".json", ".csv", ".ics"):
            return _export_other(command.file, out, err)
        if isinstance(command, Import):
            size = command.file.stat().st_size
            if size > MAX_BYTES:
                raise CardImportError(
                    f"{command.file} is {size / 1024 / 1024:.1f} MB; vCard files up to "
                    f"{MAX_BYTES // 1024 // 1024} MB are read."
                )
            cards = read_vcards(command.file.read_bytes(), _region(None))
            for card in cards:
                out.write(clean_line(store_card(card, command.interview)) + "\n")
            return 0
        from followup_tui.files import write_private
        from followup_tui.store import queries

        cards = queries.contact_cards()
        write_private(command.file, write_vcards(cards))
        out.write(printable(f"exported {len(cards)} contact{'s' if len(cards) != 1 else ''} to {command.file}\n"))
        return 0
    except (CardTooLong, CardImportError, validate.InputProblem, StoreError) as error:
        _progress(err)(0, 0)
        err.write(f"followup: {printable(str(error))}\n")
        return 1
    except OSError as error:
        err.write(printable(f"followup: cannot use {getattr(command, 'file', 'that file')}: {error.strerror}\n"))
        return 1
