"""The interview list: two lines per interview, drawn only for the rows on screen."""

from __future__ import annotations

from datetime import date

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.geometry import Region
from textual.signal import Signal
from textual.strip import Strip

from followup_tui.dates import relative_due, show_date
from followup_tui.kinds import Kind
from followup_tui.records import InterviewRow
from followup_tui.review import WHAT
from followup_tui.text import clean_line
from followup_tui.tui.widgets.cursor_list import CursorList

SHORT_KIND = WHAT  # the same short wording as the daily review
COLUMNS = (("Interview", 26), ("When", 11), ("Next action", 22))
ROW_HEIGHT = 2


def _fit(text: str, width: int) -> str:
    text = clean_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _styled(text: str, style: str = "") -> Text:
    """Text whose style is a span: Text.render ignores a Text's base style."""
    result = Text(text)
    if style:
        result.stylize(style)
    return result


def header_text() -> Text:
    """The column titles, laid out like the rows."""
    return Text("".join(f" {title:<{width}} " for title, width in COLUMNS), style="bold", no_wrap=True)


class InterviewList(CursorList):
    """Interviews as two-line rows; cost per refresh is the rows on screen, not the rows stored."""

    COMPONENT_CLASSES = {"interview-list--cursor"}
    DEFAULT_CSS = """
    InterviewList {
        & > .interview-list--cursor {
            background: $block-cursor-blurred-background;
        }
        &:focus > .interview-list--cursor {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[InterviewRow] = []
        self.today = date.today()
        # The highlighted interview changed. A signal, not a message: subscribers called at once
        # (immediate=True) update the card and checklist before the next frame, so one key paints
        # all three panes together instead of the list first and the rest a frame or two later.
        self.moved: Signal[int | None] = Signal(self, "moved")

    def cursor_count(self) -> int:
        return len(self.rows)

    @property
    def row_count(self) -> int:
        """How many interviews are listed."""
        return len(self.rows)

    @property
    def selected_id(self) -> int | None:
        """The highlighted interview's id."""
        return self.rows[self.cursor].id if self.rows else None

    def show(self, rows: list[InterviewRow], today: date, select: int | None) -> None:
        """Replace the rows, keeping `select` highlighted when it is still listed."""
        before = self.selected_id
        self.rows, self.today = list(rows), today
        index = next((i for i, row in enumerate(rows) if row.id == select), 0)
        self.set_content_height(len(rows) * ROW_HEIGHT)
        self.set_reactive(InterviewList.cursor, index)
        self._scroll_to_cursor()
        self.refresh()
        if self.selected_id != before:
            self.moved.publish(self.selected_id)

    def replace_row(self, row: InterviewRow) -> None:
        """Redraw one interview's row in place."""
        for index, existing in enumerate(self.rows):
            if existing.id == row.id:
                self.rows[index] = row
                self._refresh_row(index)
                return

    def watch_cursor(self, old: int, new: int) -> None:
        scroll_before = self.scroll_offset.y
        self._scroll_to_cursor()
        if self.scroll_offset.y != scroll_before:
            self.refresh()
        else:
            # Only the two rows whose highlight changed are redrawn, not the whole list.
            for index in {old, new}:
                self._refresh_row(index)
        self.moved.publish(self.selected_id)

    def _refresh_row(self, index: int) -> None:
        top = index * ROW_HEIGHT - int(self.scroll_offset.y)
        self.refresh(Region(0, top, self.size.width, ROW_HEIGHT))

    def _scroll_to_cursor(self) -> None:
        if self.rows:
            self.scroll_to_region(Region(0, self.cursor * ROW_HEIGHT, 1, ROW_HEIGHT), animate=False, immediate=True)

    def on_click(self, event: events.Click) -> None:
        """Clicking a row highlights it."""
        offset = event.get_content_offset(self)
        if offset is not None and self.rows:
            self.cursor = (offset.y + int(self.scroll_offset.y)) // ROW_HEIGHT

    def _cells(self, row: InterviewRow) -> tuple[tuple[Text, Text], ...]:
        """The two lines of each column for one interview."""
        theme = self.app.theme_variables
        active = row.is_active
        who = (_styled(_fit(row.company, 26), style="bold" if active else "dim"),
               _styled(_fit(row.role, 26), style="dim" if active else "dim italic"))
        when = (_styled(show_date(row.day, self.today), style="" if active else "dim"),
                _styled(row.status.value, style="italic" if active else "dim"))
        if row.next_due is not None and active:
            days = (row.next_due - self.today).days
            what = row.next_title if row.next_kind is Kind.CUSTOM else SHORT_KIND.get(row.next_kind, "")
            colour = theme.get("warning", "yellow") if days < 0 else theme.get("success", "green")
            label = (_styled(_fit(what, 22)),
                     _styled(relative_due(row.next_due, self.today), style=f"bold {colour}" if days <= 0 else ""))
        else:
            label = (_styled("nothing open" if active else "closed", style="dim"), _styled(""))
        return who, when, label

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        scroll_x, scroll_y = self.scroll_offset
        index, part = divmod(scroll_y + y, ROW_HEIGHT)
        base = self.rich_style
        if index >= len(self.rows):
            return Strip.blank(width, base)
        row_style = base
        if index == self.cursor:
            row_style = base + self.get_component_rich_style("interview-list--cursor")
        segments: list[Segment] = []
        for cell, (_, column_width) in zip(self._cells(self.rows[index]), COLUMNS):
            line = cell[part]
            line.truncate(column_width, pad=True)
            segments.append(Segment(" "))
            segments.extend(line.render(self.app.console))
            segments.append(Segment(" "))
        strip = Strip(segments).apply_style(row_style)
        return strip.crop_extend(scroll_x, scroll_x + width, row_style)
