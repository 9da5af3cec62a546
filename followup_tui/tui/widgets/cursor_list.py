"""The keyboard part shared by the line-API lists: a cursor over N rows, moved by keys."""

from __future__ import annotations

from textual.binding import Binding
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.widget import Widget


class CursorList(ScrollView, can_focus=True):
    """A scrolling list with a cursor; subclasses say how many rows there are and draw them."""

    BINDINGS = [
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "jump(0)", "First", show=False),
        Binding("end", "jump(-1)", "Last", show=False),
    ]
    ROWS_PER_PAGE_DIVISOR = 2  # rows are two lines tall

    # repaint=False: a subclass redraws just the rows the cursor left and reached (a whole-widget
    # repaint re-rendered every visible row on each key).
    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)

    def cursor_count(self) -> int:
        """How many rows the cursor can stand on."""
        raise NotImplementedError

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, self.cursor_count() - 1))

    def on_focus(self) -> None:
        self.restyle_cursor()

    def on_blur(self) -> None:
        self.restyle_cursor()

    def restyle_cursor(self) -> None:
        """The cursor's colour follows focus: a subclass that keeps drawn lines redraws the cursor's."""

    def action_move(self, delta: int) -> None:
        """Up or down a row."""
        self.cursor += delta

    def action_page(self, direction: int) -> None:
        """A screenful up or down."""
        self.cursor += direction * max(1, self.scrollable_content_region.height // self.ROWS_PER_PAGE_DIVISOR)

    def action_jump(self, index: int) -> None:
        """The first or the last row."""
        self.cursor = index if index >= 0 else self.cursor_count() - 1

    def set_content_height(self, lines: int) -> None:
        """Make the list `lines` tall (never shorter than the pane), as cheaply as Textual allows.

        Assigning `virtual_size` asks for a layout of the whole screen, which re-renders every pane
        (10-17 ms at 120x40) and draws the scrollbars a frame later. When the scrollbar neither
        appears nor goes, the size and the scrollbar are set in place instead. This leans on
        Widget._scroll_update (private, Textual 8.x); the list tests would catch a change there."""
        width, height = self.scrollable_content_region.width, self.scrollable_content_region.height
        size = Size(width, max(lines, height))
        if size == self.virtual_size:
            return
        scrollbar_stays = self.styles.overflow_y == "scroll" or (
            (size.height > height) == (self.virtual_size.height > height)
        )
        if self.is_mounted and height and scrollbar_stays:
            self.set_reactive(Widget.virtual_size, size)
            self._scroll_update(size)
            self.refresh()
        else:
            self.virtual_size = size
