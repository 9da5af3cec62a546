"""How the stats read: the overall lines, the per-interview table's cells, and `followup stats --json`.

Shared by the stats screen and the shell command, so both say the same; no Textual here."""

from __future__ import annotations

from followup_tui.dates import MONTHS
from followup_tui.stats import Figures, InterviewFigures, MethodStats, Share, WeekCount


def week_label(week: WeekCount) -> str:
    """A week as the plot and the tables name it, by its Monday: "7 Sep"."""
    return f"{week.start.day} {MONTHS[week.start.month - 1][:3].title()}"


# What the screen and `followup stats` call each figure: (label, value) rows for the whole job hunt.
def summary_rows(stats: MethodStats) -> list[tuple[str, str]]:
    """The overall figures as (what, how many) lines."""
    overall, held = stats.overall, len(stats.interviews)
    weeks = overall.weeks
    week_text = weeks.share.text()
    if weeks.none or weeks.more:
        week_text += f" ({weeks.none} with none, {weeks.more} with more)"
    calls = overall.outcomes
    call_text = f"{calls.reached} reached · {calls.voicemail} voicemail · {calls.no_answer} no answer"
    if calls.unrecorded:
        call_text += f" · {calls.unrecorded} with no outcome recorded"
    statuses = " · ".join(f"{count} {status.value}" for status, count in stats.statuses.items() if count)
    return [
        ("Thank-yous sent within 24 hours", overall.thank_yous.text()),
        ("Calls made in days 5–7", overall.calls.text()),
        ("Postal letters sent", overall.letters.text()),
        ("Weeks with exactly one follow-up", week_text),
        ("Calls", call_text),
        ("Offers", f"{stats.offers} of {held}" if held else "–"),
        ("Interviews held", statuses or "none yet"),
    ]


OVERALL = "All interviews"
# The per-interview table: (heading, width) per column; the widths fit 80 columns with a space between.
COLUMNS = (
    ("interview", 27),
    ("thank-you", 9),
    ("call 5–7", 8),
    ("letter", 6),
    ("weeks", 5),
    ("r/vm/no", 7),
    ("status", 9),
)
# What each column counts, for help (?) on the stats screen; LEGEND says it in one paragraph.
COLUMN_MEANINGS = (
    "the interview (the first row adds up every interview held)",
    "thank-yous sent within 24 hours, of those owed so far",
    "the follow-up call made in days 5–7, of calls owed so far",
    "the postal letter sent, of letters owed so far",
    "weeks with exactly one follow-up contact after the first week, of the weeks measured",
    "calls: tries that reached the person / left a voicemail / had no answer",
    "where the interview stands (the first row: the offers)",
)
LEGEND = (
    "thank-you: sent within 24 hours · call: made in days 5–7 · letter: sent · weeks: with exactly "
    "one follow-up after the first week · r/vm/no: calls reached, voicemail, no answer"
)


def _short(share: Share) -> str:
    return f"{share.done}/{share.of}" if share.of else "–"


def figure_cells(figures: Figures) -> tuple[str, ...]:
    """The figures as the table's middle cells: thank-you to r/vm/no."""
    calls = figures.outcomes
    return (
        _short(figures.thank_yous),
        _short(figures.calls),
        _short(figures.letters),
        _short(figures.weeks.share),
        f"{calls.reached}/{calls.voicemail}/{calls.no_answer}",
    )


def interview_cells(row: InterviewFigures) -> tuple[str, ...]:
    """One interview's row of the table, in COLUMNS order."""
    interview = row.interview
    name = f"{interview.company} · {interview.role}" if interview.role else interview.company
    return (name, *figure_cells(row.figures), interview.status.value)


def overall_cells(stats: MethodStats) -> tuple[str, ...]:
    """The table's first row: every interview held, added up; the offers in the status column."""
    offers = stats.offers
    return (OVERALL, *figure_cells(stats.overall), f"{offers} offer" + ("s" if offers != 1 else ""))


def _share_json(share: Share) -> dict[str, int]:
    return {"done": share.done, "of": share.of}


def figures_json(figures: Figures) -> dict[str, object]:
    """The figures as `followup stats --json` prints them (README.md names each field)."""
    return {
        "thank_yous_within_24_hours": _share_json(figures.thank_yous),
        "calls_in_days_5_to_7": _share_json(figures.calls),
        "letters_sent": _share_json(figures.letters),
        "weeks": {"one": figures.weeks.one, "none": figures.weeks.none, "more": figures.weeks.more},
        "call_outcomes": {
            "reached": figures.outcomes.reached,
            "voicemail": figures.outcomes.voicemail,
            "no_answer": figures.outcomes.no_answer,
            "unrecorded": figures.outcomes.unrecorded,
        },
    }


def as_json(stats: MethodStats) -> dict[str, object]:
    """`followup stats --json`."""
    return {
        "date": stats.today.isoformat(),
        "overall": figures_json(stats.overall),
        "offers": stats.offers,
        "interviews_held": len(stats.interviews),
        "statuses": {status.value: count for status, count in stats.statuses.items()},
        "interviews": [
            {
                "id": row.interview.id,
                "company": row.interview.company,
                "role": row.interview.role,
                "day": row.interview.day.isoformat(),
                "status": row.interview.status.value,
                "offer": row.offer,
                **figures_json(row.figures),
            }
            for row in stats.interviews
        ],
        "follow_ups_per_week": [
            {"week": week.start.isoformat(), "follow_ups": week.follow_ups} for week in stats.weeks
        ],
    }
