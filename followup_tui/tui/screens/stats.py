"""How well you follow the method: the figures per interview and overall, and follow-ups week by week.

Opened from the main screen (g), never at start-up: the plotting library loads with this module."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static
from textual_plotext import PlotextPlot

from followup_tui import clock
from followup_tui.dates import show_date
from followup_tui.stats import MethodStats, WeekCount, method_stats
from followup_tui.stats_text import (
    COLUMN_MEANINGS,
    COLUMNS,
    interview_cells,
    overall_cells,
    summary_rows,
    week_label,
)
from followup_tui.store.errors import StoreError
from followup_tui.store.method_records import method_records
from followup_tui.text import clean_line
from followup_tui.tui.keys import binding_rows
from followup_tui.tui.screens.help import HelpScreen
from followup_tui.tui.widgets.footer import KeyFooter

PLOT_TITLE = "Follow-ups per week, last 12 weeks"
NUMBERS_TITLE = "Follow-ups per week, last 12 weeks: the numbers"
# The summary under the table: the figures the table has no column for.
NOT_IN_TABLE = ("Calls", "Interviews held")


class StatsScreen(Screen[None]):
    """The stats: a table per interview with the overall row first, and a plot (n: its numbers)."""

    BINDINGS = [
        Binding("n", "numbers", "Numbers", tooltip="Show the numbers behind the plot, or the plot again"),
        Binding("g,escape", "back", "Back", tooltip="Back to the interviews"),
        Binding("question_mark", "help", "Help", key_display="?", tooltip="Show every key"),
        Binding("q", "app.quit", "Quit", tooltip="Quit followup"),
    ]
    FOOTER_FIRST = ("numbers", "back", "help", "app.quit")

    def __init__(self) -> None:
        super().__init__()
        self.stats: MethodStats | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="")
        yield DataTable(id="stats-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="stats-summary")
        with Vertical(id="stats-weeks"):
            yield PlotextPlot(id="stats-plot")
            yield Static(id="stats-numbers")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "How well you follow the method"
        self.query_one("#stats-numbers").display = False
        self.query_one("#stats-weeks").border_title = PLOT_TITLE
        try:
            interviews, actions = method_records()
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.stats = method_stats(interviews, actions, clock.today())
        self._fill_table(self.stats)
        self._fill_summary(self.stats)
        self._draw_plot(self.stats.weeks)
        self._fill_numbers(self.stats)
        self.query_one(DataTable).focus()

    def _fill_table(self, stats: MethodStats) -> None:
        table = self.query_one(DataTable)
        # The interview column takes what the figures leave: every cell has a space either side, and
        # the scroll bar takes two columns (20 left at 80 columns; never less than half its width).
        taken = sum(width + 2 for _, width in COLUMNS[1:]) + 2 + 2
        first = max(COLUMNS[0][1] // 2, self.app.size.width - taken)
        for index, (heading, width) in enumerate(COLUMNS):
            table.add_column(heading, width=first if index == 0 else width)
        # Text, not str: DataTable reads a str cell as markup, and these are company names.
        table.add_row(*(Text(cell, style="bold", overflow="ellipsis", no_wrap=True) for cell in overall_cells(stats)))
        for row in stats.interviews:
            table.add_row(*(Text(clean_line(cell), overflow="ellipsis", no_wrap=True) for cell in interview_cells(row)))

    def _fill_summary(self, stats: MethodStats) -> None:
        said = dict(summary_rows(stats))
        lines = [Content.assemble((f"{label} ", "bold"), said[label]) for label in NOT_IN_TABLE]
        self.query_one("#stats-summary", Static).update(Content("\n").join(lines))

    def _draw_plot(self, weeks: tuple[WeekCount, ...]) -> None:
        plot = self.query_one(PlotextPlot)
        plt = plot.plt
        counts = [week.follow_ups for week in weeks]
        top = max(max(counts, default=0), 1)
        labels = [week_label(week) for week in weeks]
        plt.bar(labels, counts, width=0.6)
        # Every other week named, ending with this one: all twelve do not fit 80 columns, and left to
        # itself plotext names an uneven few.
        named = range(len(weeks) % 2 == 0, len(weeks), 2)
        plt.xticks([index + 1 for index in named], [labels[index] for index in named])
        plt.ylim(0, top)
        step = -(-top // 4)  # at most five ticks, whole numbers: the plot is a count
        plt.yticks(list(range(0, top + 1, step)))
        plot.refresh()

    def _fill_numbers(self, stats: MethodStats) -> None:
        weeks, rows = stats.weeks, (len(stats.weeks) + 2) // 3
        lines = []
        for first in range(rows):
            cells = [f"week of {week_label(w):<6} {w.follow_ups:>3}" for w in weeks[first::rows]]
            lines.append("     ".join(cells))
        lines.append(f"The last is this week, so far ({show_date(stats.today)}).")
        self.query_one("#stats-numbers", Static).update(Content("\n".join(lines)))

    def action_numbers(self) -> None:
        """Swap the plot and the numbers behind it."""
        plot, numbers = self.query_one(PlotextPlot), self.query_one("#stats-numbers")
        plot.display, numbers.display = not plot.display, not numbers.display
        self.query_one("#stats-weeks").border_title = PLOT_TITLE if plot.display else NUMBERS_TITLE

    def action_back(self) -> None:
        """Back to the interviews."""
        self.dismiss()

    def action_help(self) -> None:
        """Show every key."""
        columns = [(heading, meaning) for (heading, _), meaning in zip(COLUMNS, COLUMN_MEANINGS, strict=True)]
        self.app.push_screen(HelpScreen([("Stats", binding_rows(self.app, self.BINDINGS)), ("The table", columns)]))
