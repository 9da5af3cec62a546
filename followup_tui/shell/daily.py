"""Shell commands that need no TUI: `followup today`, `done`, `snooze`. Never imports Textual."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path
from typing import TextIO

from followup_tui import clock
from followup_tui.dates import show_date
from followup_tui.kinds import Kind, State
from followup_tui.review import (
    KEEP_HUNTING,
    LETTER_KINDS,
    OVERDUE,
    ReviewItem,
    as_json,
    group,
    needs_keep_hunting,
    summarise,
)
from followup_tui.shell.args import Done, Snooze, Today
from followup_tui.shell.output import printable
from followup_tui.text import clean_line, json_visible
from followup_tui.wording import no_address_question

BOLD, DIM, WARN, GREEN, RESET = "\x1b[1m", "\x1b[2m", "\x1b[33m", "\x1b[32m", "\x1b[0m"
COLUMNS = (("id", 5), ("due", 15), ("what", 18), ("who", 18), ("company · role", 30), ("contact", 30))


CALLS = (Kind.CALL, Kind.WEEKLY_CALL)


def use_colour(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set."""
    return stream.isatty() and not os.environ.get("NO_COLOR")


def fit(text: str, width: int) -> str:
    """A cell of a plain table: one cleaned line, cut with … to the width."""
    text = clean_line(text)
    return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"


_WIDTHS = tuple(width for _, width in COLUMNS)


def _row(item: ReviewItem, today, colour: bool, id_width: int = _WIDTHS[0]) -> str:
    company = f"{item.company} · {item.role}" if item.company and item.role else item.company or item.role
    contact = item.contact or (f"! {item.missing}" if item.missing else "")
    due = "done" if item.state is State.DONE else item.due_text(today)
    _, w_due, w_what, w_who, w_company, w_contact = _WIDTHS
    text = (
        f"{item.id:<{id_width}} {fit(due, w_due)} {fit(item.what, w_what)} {fit(item.person, w_who)} "
        f"{fit(company, w_company)} {fit(contact, w_contact)}"
    ).rstrip()
    if not colour:
        return text
    if item.state is State.DONE:
        return f"{DIM}{text}{RESET}"
    if item.section(today) == OVERDUE:
        return f"{WARN}{text}{RESET}"
    return text


def print_today(items: list[ReviewItem], active: int, *, days: int, as_json_output: bool, out: TextIO) -> None:
    """The daily review as a plain table, or JSON."""
    today = clock.today()
    summary = summarise(items, today, active)
    if as_json_output:
        import json

        # ensure_ascii=False keeps names and emoji readable; json_visible then spells every control and
        # bidi character as a \u escape (json.dumps escapes only U+0000-U+001F).
        out.write(json_visible(json.dumps(as_json(items, today, summary), indent=2, ensure_ascii=False)))
        out.write("\n")
        return
    colour = use_colour(out)
    bold = (lambda s: f"{BOLD}{s}{RESET}") if colour else (lambda s: s)
    out.write(f"{bold(show_date(today))} · {summary.line()}\n")
    if needs_keep_hunting(active):
        out.write(f"{KEEP_HUNTING}\n")
    for section, members in group(items, today).items():
        title = section if section != "Next 7 days" else f"Next {days} days"
        out.write(f"\n{bold(f'{title} ({len(members)})')}\n")
        if not members:
            out.write("  nothing\n")
            continue
        # Ids are never cut short: `followup done ID` needs all of them.
        id_width = max(_WIDTHS[0], *(len(str(item.id)) for item in members))
        widths = (id_width, *_WIDTHS[1:])
        out.write(" ".join(name.ljust(width) for (name, _), width in zip(COLUMNS, widths, strict=True)).rstrip() + "\n")
        for item in members:
            out.write(_row(item, today, colour, id_width) + "\n")


def bad_days(command: Today, err: TextIO) -> bool:
    """`--days` below zero is refused with a message."""
    if command.days < 0:
        err.write("followup: --days must be 0 or more\n")
        return True
    return False


def today_quickly(path: Path, command: Today, out: TextIO | None = None, err: TextIO | None = None) -> int | None:
    """`followup today` through a read-only connection of the standard library, without peewee.

    None when the file needs the full open (missing, to be migrated, not ours): the caller does that."""
    from followup_tui.store import lite

    out, err = out or sys.stdout, err or sys.stderr
    if bad_days(command, err):
        return 2
    con = lite.open_current(path)
    if con is None:
        return None
    try:
        items, active = lite.review(con, clock.today(), command.days)
    except sqlite3.Error:
        return None
    finally:
        con.close()
    print_today(items, active, days=command.days, as_json_output=command.json, out=out)
    return 0


def run_daily_command(command: Today | Done | Snooze, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """`today`, `done` or `snooze` on the open database; returns the exit status."""
    out, err = out or sys.stdout, err or sys.stderr
    from followup_tui.store import queries
    from followup_tui.store.errors import StoreError

    today = clock.today()
    try:
        if isinstance(command, Today):
            if bad_days(command, err):
                return 2
            print_today(
                queries.review_items(today, command.days),
                queries.active_interview_count(),
                days=command.days,
                as_json_output=command.json,
                out=out,
            )
            return 0
        item = queries.review_item(command.id)
        if item is None:
            err.write(f"followup: there is no action {command.id}; `followup today` lists the ids\n")
            return 1
        from followup_tui.store import commands

        if isinstance(command, Done) and command.outcome and item.kind not in CALLS:
            err.write(
                printable(
                    f"followup: outcomes are for calls; action {command.id} is not one "
                    f"({clean_line(item.what)}): `followup done {command.id}` marks it done\n"
                )
            )
            return 2
        if isinstance(command, Done) and item.kind in LETTER_KINDS and not item.address.strip() and not command.yes:
            question = no_address_question(clean_line(item.person))
            err.write(
                printable(f"followup: {question} `followup done {command.id} --yes` marks it done; nothing changed\n")
            )
            return 2
        if isinstance(command, Done):
            outcome = commands.CallOutcome(command.outcome) if command.outcome else None
            commands.complete(command.id, today, outcome)
            verb = "kept open for the next business day" if outcome is commands.CallOutcome.NO_ANSWER else "done"
        else:
            commands.snooze(command.id, today)
            # Read back rather than worked out again here: the day depends on the user's holidays.
            moved = queries.review_item(command.id)
            verb = f"snoozed to {show_date(moved.due, today)}" if moved is not None else "snoozed"
        label = f"{item.what} · {item.person or item.company}"
        out.write(f"{clean_line(label)}: {verb}\n")
        return 0
    except StoreError as error:
        err.write(f"followup: {printable(str(error))}\n")
        return 1
