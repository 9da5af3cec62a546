"""The interview list: one row per interview, next due action first."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from followup_tui.dates import relative_due, show_date
from followup_tui.plan import Kind
from followup_tui.records import InterviewRow
from followup_tui.text import clean_line

SHORT_KIND = {
    Kind.CARD: "get card",
    Kind.THANK_YOU_EMAIL: "thank-you email",
    Kind.THANK_YOU_LETTER: "thank-you letter",
    Kind.REFERENCES: "alert references",
    Kind.CALL: "follow-up call",
    Kind.LETTER: "postal letter",
    Kind.WEEKLY_EMAIL: "weekly email",
    Kind.WEEKLY_CALL: "weekly call",
    Kind.DECISION: "no word yet?",
}


def _fit(text: str, width: int) -> str:
    text = clean_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"


class InterviewList(DataTable):
    """Interviews as rows; the row key is the interview id."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.add_column("Interview", width=26, key="interview")
        self.add_column("When", width=11, key="when")
        self.add_column("Next action", width=22, key="next")

    def show(self, rows: list[InterviewRow], today: date, select: int | None) -> None:
        """Replace the rows, keeping `select` highlighted when it is still listed."""
        theme = self.app.theme_variables
        warn, ok = theme.get("warning", "yellow"), theme.get("success", "green")
        self.clear()
        cursor = 0
        for index, row in enumerate(rows):
            dim = "" if row.is_active else "dim"
            who = Text(_fit(row.company, 26), style=dim or "bold")
            who.append("\n" + _fit(row.role, 26), style="dim" if row.is_active else "dim italic")
            when = Text(show_date(row.day, today), style=dim)
            when.append("\n" + row.status.value, style=dim or "italic")
            if row.next_due is not None and row.is_active:
                days = (row.next_due - today).days
                what = row.next_title if row.next_kind is Kind.CUSTOM else SHORT_KIND.get(row.next_kind, "")
                label = Text(_fit(what, 22) + "\n")
                style = f"bold {warn}" if days < 0 else (f"bold {ok}" if days == 0 else "")
                label.append(relative_due(row.next_due, today), style=style)
            else:
                label = Text("nothing open" if row.is_active else "closed", style="dim")
            self.add_row(who, when, label, key=str(row.id), height=2)
            if row.id == select:
                cursor = index
        if rows:
            self.move_cursor(row=cursor, animate=False)

    @property
    def selected_id(self) -> int | None:
        """The highlighted interview's id."""
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        return int(key.value)
