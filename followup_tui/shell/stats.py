"""`followup stats`: how well the method is followed, per interview, overall and week by week."""

from __future__ import annotations

import sys
import textwrap
from typing import TextIO

from followup_tui import clock
from followup_tui.dates import show_date
from followup_tui.shell.args import Stats
from followup_tui.shell.daily import BOLD, RESET, use_colour
from followup_tui.shell.output import printable
from followup_tui.stats import MethodStats, method_stats
from followup_tui.stats_text import COLUMNS, LEGEND, as_json, interview_cells, overall_cells, summary_rows, week_label
from followup_tui.text import clean_line, json_visible

WIDTH = 80
BAR_WIDTH = 40  # the longest bar of the weekly chart, in characters


def _fit(text: str, width: int) -> str:
    text = clean_line(text)
    return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"


def print_stats(stats: MethodStats, *, as_json_output: bool, out: TextIO) -> None:
    """The figures as plain text in 80 columns, or JSON."""
    if as_json_output:
        import json

        # As `followup today --json`: names readable, control and bidi characters as \u escapes.
        out.write(json_visible(json.dumps(as_json(stats), indent=2, ensure_ascii=False)) + "\n")
        return
    colour = use_colour(out)
    bold = (lambda s: f"{BOLD}{s}{RESET}") if colour else (lambda s: s)
    out.write(f"{bold('How well you follow the method')} · {show_date(stats.today)}\n\n")
    rows = summary_rows(stats)
    label_width = max(len(label) for label, _ in rows) + 2
    for label, value in rows:
        # Long values (the calls, the statuses) wrap under themselves, not under the labels.
        out.write(
            textwrap.fill(value, WIDTH, initial_indent=label.ljust(label_width), subsequent_indent=" " * label_width)
        )
        out.write("\n")
    out.write(f"\n{bold('Per interview')}\n")
    if not stats.interviews:
        out.write("  no interview held yet\n")
    else:
        out.write(" ".join(name.ljust(width) for name, width in COLUMNS).rstrip() + "\n")
        for cells in (overall_cells(stats), *(interview_cells(row) for row in stats.interviews)):
            out.write(" ".join(_fit(cell, width) for cell, (_, width) in zip(cells, COLUMNS, strict=True)).rstrip())
            out.write("\n")
        out.write(textwrap.fill(LEGEND, WIDTH) + "\n")
    out.write(f"\n{bold('Follow-ups per week')} (thank-yous, calls, letters, weekly follow-ups)\n")
    most = max((week.follow_ups for week in stats.weeks), default=0)
    for week in stats.weeks:
        bar = "█" * round(week.follow_ups * BAR_WIDTH / most) if most else ""
        when = week_label(week)
        note = "(this week so far)" if week is stats.weeks[-1] else ""
        out.write(" ".join(part for part in (f"  week of {when:<7} {week.follow_ups:>3}", bar, note) if part) + "\n")


def run_stats_command(command: Stats, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """`followup stats` on the open database; returns the exit status."""
    out, err = out or sys.stdout, err or sys.stderr
    from followup_tui.store.errors import StoreError
    from followup_tui.store.method_records import method_records

    try:
        interviews, actions = method_records()
    except StoreError as error:
        err.write(f"followup: {printable(str(error))}\n")
        return 1
    print_stats(method_stats(interviews, actions, clock.today()), as_json_output=command.json, out=out)
    return 0
