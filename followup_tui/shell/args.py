"""Each shell command's arguments as a typed record; the argparse Namespace stops at `from_namespace`.

Named tuples rather than dataclasses: `followup today` runs from shell prompts and otherwise loads
neither dataclasses nor the inspect module it imports (about 16 ms of imports, -X importtime);
typing is loaded already."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import NamedTuple


class Today(NamedTuple):
    """`followup today`: the daily review, as a table or JSON."""

    days: int = 7
    json: bool = False


class Stats(NamedTuple):
    """`followup stats`: how well the method is followed, as a table or JSON."""

    json: bool = False


class Done(NamedTuple):
    """`followup done ID [--outcome ...]`."""

    id: int
    outcome: str | None = None
    yes: bool = False  # a letter to someone with no mailing address on file: posted anyway


class Snooze(NamedTuple):
    """`followup snooze ID`."""

    id: int


class Capture(NamedTuple):
    """`followup capture [PHOTO]`: a card's text from standard input, or a photo of the card."""

    photo: Path | None = None
    interview: int | None = None
    save: bool = False
    json: bool = False
    region: str | None = None


class Import(NamedTuple):
    """`followup import FILE` (.vcf or .json)."""

    file: Path
    interview: int | None = None


class Export(NamedTuple):
    """`followup export FILE` (.vcf, .json, .csv or .ics), or `followup export --vdir FOLDER`."""

    file: Path
    vdir: bool = False  # `file` is a folder: one .ics file per open follow-up (vdirsyncer's layout)


class Notify(NamedTuple):
    """`followup notify`: a desktop notification of what is due, for cron or a systemd timer."""


class Backup(NamedTuple):
    """`followup backup`."""


class Restore(NamedTuple):
    """`followup restore [FILE] [--yes]`: without a file, the list of backups."""

    file: Path | None = None
    yes: bool = False


class Sync(NamedTuple):
    """`followup sync [--prefer server|local]`, or `followup sync --setup --url URL --user NAME ...`."""

    setup: bool = False
    url: str = ""
    user: str = ""
    task_list: str = ""
    address_book: str = ""
    prefer: str | None = None  # settles card conflicts: "server" or "local"


class Add(NamedTuple):
    """`followup add COMPANY`: an interview, its people, and the plan the app's Add form makes."""

    company: str
    role: str = ""
    day: str = "today"  # as the form reads it: today, yesterday, mon, nov 20, 2026-11-20
    start: str = ""
    end: str = ""
    people: tuple[str, ...] = ()  # "Name <email>" or "Name"
    cards: tuple[Path, ...] = ()  # .vcf files, or a card's text as `capture` reads it
    region: str | None = None


class List(NamedTuple):
    """`followup list`: every interview with its status and next action, as a table or JSON."""

    json: bool = False


class SetStatus(NamedTuple):
    """`followup status ID STATUS`: as the app's s key."""

    id: int
    status: str


class Note(NamedTuple):
    """`followup note ID TEXT`: a paragraph added to an interview's notes."""

    id: int
    text: str


Command = (
    Today
    | Stats
    | Done
    | Snooze
    | Capture
    | Import
    | Export
    | Notify
    | Backup
    | Restore  # the first ones
    | Add
    | List
    | SetStatus
    | Note  # the loop without the app
    | Sync
)

# Commands that change the database; refused up front on a read-only file.
WRITES = (Done, Snooze, Import, Add, SetStatus, Note, Sync)


def writes(command: Command) -> bool:
    """Whether the command would change the database."""
    return isinstance(command, WRITES) or (isinstance(command, Capture) and command.save)


def from_namespace(ns: argparse.Namespace) -> Command:
    """The parsed command line as the command's own record."""
    match ns.command:
        case "today":
            return Today(days=ns.days, json=ns.json)
        case "stats":
            return Stats(json=ns.json)
        case "done":
            return Done(id=ns.id, outcome=ns.outcome, yes=ns.yes)
        case "snooze":
            return Snooze(id=ns.id)
        case "capture":
            return Capture(photo=ns.photo, interview=ns.interview, save=ns.save, json=ns.json, region=ns.region)
        case "import":
            return Import(file=ns.file, interview=ns.interview)
        case "export":
            return Export(file=ns.file, vdir=ns.vdir)
        case "notify":
            return Notify()
        case "backup":
            return Backup()
        case "sync":
            return Sync(
                setup=ns.setup,
                url=ns.url or "",
                user=ns.user or "",
                task_list=ns.task_list or "",
                address_book=ns.address_book or "",
                prefer=ns.prefer,
            )
        case "restore":
            return Restore(file=ns.file, yes=ns.yes)
        case "add":
            return Add(
                company=ns.company,
                role=ns.role,
                day=ns.date,
                start=ns.start,
                end=ns.end,
                people=tuple(ns.person),
                cards=tuple(ns.card),
                region=ns.region,
            )
        case "list":
            return List(json=ns.json)
        case "status":
            return SetStatus(id=ns.id, status=ns.status)
        case "note":
            return Note(id=ns.id, text=ns.text)
    raise ValueError(f"unknown command {ns.command!r}")
