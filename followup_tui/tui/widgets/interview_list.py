"""The interview list: two lines per interview, drawn only for the rows on screen."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region
from textual.signal import Signal
from textual.strip import Strip
from textual.widget import Widget

from followup_tui import clock
from followup_tui.dates import relative_due, show_date
from followup_tui.kinds import Kind
from followup_tui.records import InterviewRow
from followup_tui.review import WHAT
from followup_tui.text import clean_line
from followup_tui.tui.widgets.cursor_list import CursorList

SHORT_KIND = WHAT  # the same short wording as the daily review
TITLES = ("Interview", "When", "Next action")
INTERVIEW, WHEN, NEXT = 26, 11, 22  # the widths at 120 columns; beyond, Interview and Next share 26:22
MIN_NEXT = 10  # narrower, the next action is left to the checklist
ROW_HEIGHT = 2


def column_widths(width: int) -> tuple[int, int, int]:
    """The widths of Interview, When and Next action in a list `width` cells wide (a column takes
    its width and a space either side; Next action 0 when it is left out)."""
    free = width - 3 * 2 - WHEN
    if free >= INTERVIEW + NEXT:
        interview = free * INTERVIEW // (INTERVIEW + NEXT)
        return interview, WHEN, free - interview
    if free - INTERVIEW >= MIN_NEXT:
        return INTERVIEW, WHEN, free - INTERVIEW
    return max(1, width - 2 * 2 - WHEN), WHEN, 0


def _fit(text: str, width: int) -> str:
    """One line of user text in `width` cells: cleaned, cut with an ellipsis, padded."""
    text = clean_line(text)
    if cell_len(text) > width:
        text = set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


@lru_cache(maxsize=64)
def _style(definition: str) -> Style:
    return Style.parse(definition) if definition else Style()


def header_text(width: int) -> Text:
    """The column titles of a list `width` cells wide, laid out like the rows."""
    return Text(
        "".join(f" {title:<{size}} " for title, size in zip(TITLES, column_widths(width), strict=True) if size),
        style="bold",
        no_wrap=True,
    )


class ListHeader(Widget):
    """The column titles above the list, spread like its columns over the same width."""

    def render(self) -> Text:
        return header_text(self.size.width)


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
        self.today = clock.today()
        self._drawn: dict[tuple[int, bool, int], tuple[Strip, Strip]] = {}  # (row, highlighted, width)
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
        self._drawn.clear()
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
                self._drawn = {key: value for key, value in self._drawn.items() if key[0] != index}
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

    def _cells(self, row: InterviewRow) -> tuple[tuple[tuple[str, str], tuple[str, str]], ...]:
        """The two lines of each column for one interview, as (text fitted to the column, style)."""
        theme = self.app.theme_variables
        active = row.is_active
        who_width, when_width, next_width = column_widths(self.outer_size.width)
        who = (
            (_fit(row.company, who_width), "bold" if active else "dim"),
            (_fit(row.role, who_width), "dim" if active else "dim italic"),
        )
        when = (
            (_fit(show_date(row.day, self.today), when_width), "" if active else "dim"),
            (_fit(row.status.value, when_width), "italic" if active else "dim"),
        )
        if row.next_due is not None and active:
            days = (row.next_due - self.today).days
            kind = row.next_kind
            what = row.next_title if kind is Kind.CUSTOM else (SHORT_KIND.get(kind, "") if kind is not None else "")
            colour = theme.get("warning", "yellow") if days < 0 else theme.get("success", "green")
            label = (
                (_fit(what, next_width), ""),
                (_fit(relative_due(row.next_due, self.today), next_width), f"bold {colour}" if days <= 0 else ""),
            )
        else:
            label = ((_fit("nothing open" if active else "closed", next_width), "dim"), (_fit("", next_width), ""))
        return who, when, label

    def _row_strips(self, index: int, width: int) -> tuple[Strip, Strip]:
        """Both lines of one row, drawn once (a row's cells are built for both of its lines)."""
        key = (index, index == self.cursor, width)
        strips = self._drawn.get(key)
        if strips is None:
            base = self.rich_style
            row_style = base + self.get_component_rich_style("interview-list--cursor") if key[1] else base
            lines: list[list[Segment]] = [[], []]
            for cell in self._cells(self.rows[index]):
                for part in (0, 1):
                    text, style = cell[part]
                    if text:  # a column left out at this width is empty
                        lines[part].append(Segment(f" {text} ", _style(style)))
            top, bottom = (
                Strip(segments).apply_style(row_style).crop_extend(0, width, row_style) for segments in lines
            )
            strips = (top, bottom)
            if len(self._drawn) > 400:  # a few screens' worth; rows are redrawn when they change anyway
                self._drawn.clear()
            self._drawn[key] = strips
        return strips

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        scroll_x, scroll_y = self.scroll_offset
        index, part = divmod(scroll_y + y, ROW_HEIGHT)
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        return self._row_strips(index, width + scroll_x)[part].crop(scroll_x, scroll_x + width)

    def notify_style_update(self) -> None:
        """A theme change makes the drawn rows stale."""
        super().notify_style_update()
        self._drawn.clear()

    def restyle_cursor(self) -> None:
        self._drawn = {key: value for key, value in self._drawn.items() if not key[1]}
        if self.rows:
            self._refresh_row(self.cursor)
