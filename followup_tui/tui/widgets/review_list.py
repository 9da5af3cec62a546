"""The daily review list: sections of follow-ups across every active interview, drawn only where visible."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip

from followup_tui import clock
from followup_tui.kinds import State
from followup_tui.review import OVERDUE, UPCOMING, ReviewItem, group
from followup_tui.text import clean_line
from followup_tui.tui.widgets.cursor_list import CursorList


@dataclass(frozen=True)
class _Entry:
    """A section header (item None, one line) or an item (two lines)."""

    title: str = ""
    item: ReviewItem | None = None

    @property
    def height(self) -> int:
        return 2 if self.item else 1


def _span(text: Text, value: str, style: str | Style = "") -> None:
    text.append(value, style=style or None)


class ReviewList(CursorList):
    """Headers and items; the cursor moves over items only. Cost per refresh is the rows on screen."""

    COMPONENT_CLASSES = {"review-list--cursor", "review-list--muted"}
    DEFAULT_CSS = """
    ReviewList {
        & > .review-list--cursor { background: $block-cursor-blurred-background; }
        &:focus > .review-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
        & > .review-list--muted { color: $text-muted; }
    }
    """

    class Highlighted(Message):
        """The highlighted item changed."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[_Entry] = []
        self.tops: list[int] = []  # first line of each entry
        self.selectable: list[int] = []  # entry indexes of items
        self.today = clock.today()

    def show(self, items: list[ReviewItem], today: date, days: int, keep: int | None) -> None:
        """Show the items by section, keeping action `keep` highlighted (or the nearest row)."""
        previous = self.cursor
        self.today = today
        entries: list[_Entry] = []
        for section, members in group(items, today).items():
            title = f"Next {days} days" if section == UPCOMING else section
            entries.append(_Entry(f"{title} ({len(members)})"))
            entries.extend(_Entry(item=item) for item in members)
            if not members:
                entries.append(_Entry("    nothing"))
        self.entries = entries
        self.tops, line = [], 0
        for entry in entries:
            self.tops.append(line)
            line += entry.height
        self.selectable = [i for i, e in enumerate(entries) if e.item]
        self.set_content_height(line)
        wanted = next((n for n in range(len(self.selectable)) if self._item(n).id == keep), None)
        self.set_reactive(ReviewList.cursor, wanted if wanted is not None else min(previous, len(self.selectable) - 1))
        self.cursor = max(0, self.cursor)

    def cursor_count(self) -> int:
        return len(self.selectable)

    @property
    def selected_id(self) -> int | None:
        """The highlighted action's id."""
        if not self.selectable:
            return None
        return self._item(self.cursor).id

    def _item(self, n: int) -> ReviewItem:
        """The item of selectable entry `n`."""
        item = self.entries[self.selectable[n]].item
        assert item is not None, "selectable holds only the entries of items"
        return item

    def select_id(self, action_id: int) -> None:
        """Highlight an action by id."""
        for n in range(len(self.selectable)):
            if self._item(n).id == action_id:
                self.cursor = n

    def section_titles(self) -> list[str]:
        """The section header lines, e.g. "Overdue (3)"."""
        return [e.title for e in self.entries if not e.item and not e.title.startswith(" ")]

    def watch_cursor(self) -> None:
        if self.selectable:
            index = self.selectable[self.cursor]
            self.scroll_to_region(
                Region(0, self.tops[index] - (1 if self.cursor == 0 else 0), 1, 3), animate=False, immediate=True
            )
        self.refresh()
        self.post_message(self.Highlighted())

    def on_click(self, event: events.Click) -> None:
        """Clicking an item highlights it."""
        offset = event.get_content_offset(self)
        if offset is None or not self.entries:
            return
        index = bisect_right(self.tops, offset.y + int(self.scroll_offset.y)) - 1
        if index in self.selectable:
            self.cursor = self.selectable.index(index)

    def _muted(self) -> Style:
        """The theme's muted text colour, worked out against this pane's background.

        Not the theme variable itself: $text-muted is "auto 60%", which Rich cannot parse, and a span
        with a style Rich cannot parse is drawn plain (done items showed neither struck nor dimmed)."""
        return Style(color=self.get_component_rich_style("review-list--muted").color)

    def _lines(self, entry: _Entry, highlighted: bool = False) -> list[Text]:
        theme = self.app.theme_variables
        accent, warn = theme.get("accent", "cyan"), theme.get("warning", "yellow")
        # On the cursor's row the cursor's own text colour: grey on its blue was hard to read.
        success, muted = theme.get("success", "green"), Style() if highlighted else self._muted()
        item = entry.item
        if item is None:
            text = Text()
            _span(text, entry.title, f"bold {accent}" if not entry.title.startswith(" ") else muted)
            return [text]
        where = " · ".join(clean_line(p) for p in (item.company, item.role) if p)
        who = clean_line(item.person)
        first, second = Text(), Text()
        if item.state is State.DONE:
            _span(first, "[x] ", muted)
            _span(first, clean_line(item.what) + (f"  {who}" if who else ""), muted + Style(strike=True))
            _span(second, f"    done · {where}", muted)
            return [first, second]
        days = -1 if item.section(self.today) == OVERDUE else (item.due - self.today).days
        _span(first, "[ ] ")
        _span(first, clean_line(item.what), "bold")
        if who:
            _span(first, f"  {who}")
        _span(first, f"  {where}", muted)
        _span(second, "    ")
        _span(
            second,
            item.due_text(self.today),
            f"bold {warn}" if days < 0 else (f"bold {success}" if days == 0 else muted),
        )
        if item.contact:
            _span(second, "  " + clean_line(item.contact), accent)
        elif item.missing:
            _span(second, "  ! " + item.missing, warn)
        if item.note:
            _span(second, "  note: " + clean_line(item.note), muted + Style(italic=True))
        return [first, second]

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line_number = int(self.scroll_offset.y) + y
        base = self.rich_style
        if not self.entries or line_number >= self.tops[-1] + self.entries[-1].height:
            return Strip.blank(width, base)
        index = bisect_right(self.tops, line_number) - 1
        entry = self.entries[index]
        highlighted = bool(self.selectable) and index == self.selectable[self.cursor]
        text = self._lines(entry, highlighted)[line_number - self.tops[index]]
        text.truncate(width, overflow="ellipsis", pad=True)
        style = base
        if highlighted:
            style = base + self.get_component_rich_style("review-list--cursor")
        return Strip(list(text.render(self.app.console))).apply_style(style).crop_extend(0, width, style)
