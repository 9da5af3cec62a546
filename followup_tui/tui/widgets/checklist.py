"""The checklist of next actions for the selected interview, grouped by person."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from textual import events
from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip
from textual.visual import Visual

from followup_tui.dates import relative_due, show_date
from followup_tui.kinds import Kind, State
from followup_tui.records import ActionRow, InterviewDetail
from followup_tui.review import call_window
from followup_tui.text import clean_line, clean_shown
from followup_tui.tui.widgets.cursor_list import CursorList
from followup_tui.tui.widgets.hanging import Hanging, under_the_box

GENERAL = "General"
BOXES = {State.OPEN: "[ ] ", State.DONE: "[x] ", State.CANCELLED: "[-] ", State.DROPPED: "[-] "}
# How an item that is not open reads when it has no done date (a dropped letter's reason is in its note).
CLOSED = {State.DONE: "done", State.CANCELLED: "cancelled", State.DROPPED: "dropped"}


def action_content(action: ActionRow, today: date, interview_day: date | None = None) -> Content:
    """One checklist item: box and wording, then the due date and what is missing, then any note."""
    box = BOXES[action.state]
    if action.state is State.OPEN:
        window = (
            call_window(action.due, action.window_end, interview_day, action.note, today)
            if action.kind is Kind.CALL
            else ""
        )
        late = window.startswith("late") if window else action.due < today
        days = (action.due - today).days
        due_style = "$warning bold" if late else ("$success bold" if days <= 0 else "$text-muted")
        due = window or relative_due(action.due, today)
        if not window and action.window_end and action.window_end > action.due:
            due += f", window to {show_date(action.window_end, today)}"
        parts: list = [box, clean_line(action.label), "\n    ", (due, due_style)]
        if action.missing:
            parts.extend(["  ", ("! " + action.missing, "$warning")])
        content = Content.assemble(*parts)
    else:
        done_on = action.done_on if action.state is State.DONE else None
        when = f"done {show_date(done_on, today)}" if done_on else CLOSED[action.state]
        content = Content.assemble(
            (box, "$text-muted"), (clean_line(action.label), "strike $text-muted"), "\n    ", (when, "$text-muted")
        )
    if action.note:
        # Whitespace stays outside styled spans: a styled span loses its leading spaces when wrapped.
        content = content + Content.assemble("\n    ", ("note: " + clean_shown(action.note), "$text-muted italic"))
    return content


def _groups(detail: InterviewDetail) -> list[tuple[str, list[ActionRow]]]:
    groups: list[tuple[str, list[ActionRow]]] = []
    for person in detail.people:
        rows = [a for a in detail.actions if a.person_id == person.contact_id]
        if rows:
            groups.append((person.name, rows))
    known = {p.contact_id for p in detail.people}
    general = [a for a in detail.actions if a.person_id not in known]
    if general:
        groups.append((GENERAL, general))
    return groups


def _entries(detail: InterviewDetail, today: date) -> list[_Entry]:
    """The checklist's headers and items for one interview."""
    if not detail.actions:
        return [_Entry(Content("No actions: the interview is closed or has no plan yet.").stylize("dim"))]
    entries: list[_Entry] = []
    for name, rows in _groups(detail):
        entries.append(_Entry(Content.assemble((clean_line(name), "bold $accent"))))
        entries.extend(_Entry(action_content(row, today, detail.day), row) for row in rows)
    return entries


def _layout(entries: list[_Entry], styles, width: int) -> tuple[list[int], int]:
    """Where each entry starts at `width`, and the lines of them all (heights by wrapping the plain
    text: nothing is drawn to know them)."""
    tops, line = [], 0
    for entry in entries:
        tops.append(line)
        line += Hanging(entry.content, under_the_box).get_height(styles, width)
    return tops, line


def _first_target(entries: list[_Entry], keep: int | None) -> int | None:
    """The entry the cursor starts on: action `keep`, else the first open item, else the first item."""
    actions = [(i, entry.action) for i, entry in enumerate(entries) if entry.action is not None]
    for i, action in actions:
        if action.id == keep:
            return i
    return next((i for i, action in actions if action.state is State.OPEN), actions[0][0] if actions else None)


@dataclass(frozen=True)
class _Entry:
    """A group header (action None) or one action, with what it shows."""

    content: Content
    action: ActionRow | None = None


@dataclass(frozen=True)
class _Prepared:
    """An interview's checklist built and partly drawn ahead of showing it (see Checklist.prepare)."""

    detail: InterviewDetail
    today: date
    width: int
    entries: list[_Entry]
    tops: list[int]
    total: int
    strips: dict[tuple[int, bool], list[Strip]]


class Checklist(CursorList):
    """Next actions grouped by person; the cursor moves over actions, not headers.

    Drawn through the line API: changing interviews repaints the pane without a new screen layout
    (an OptionList's height change asked for one, which re-rendered every pane, 10-15 ms a key)."""

    COMPONENT_CLASSES = {"checklist--cursor"}
    DEFAULT_CSS = """
    Checklist {
        & > .checklist--cursor {
            color: $block-cursor-blurred-foreground;
            background: $block-cursor-blurred-background;
        }
        &:focus > .checklist--cursor {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
    }
    """
    ROWS_PER_PAGE_DIVISOR = 3  # an action is two or three lines

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[_Entry] = []
        self.selectable: list[int] = []  # entry indexes of actions
        self._tops: list[int] = []  # first line of each entry, at the width last laid out
        self._strips: dict[tuple[int, bool], list[Strip]] = {}  # (entry, highlighted) -> its lines
        self._width = 0
        self._prepared: dict[int, _Prepared] = {}  # by interview id
        self._total = 0  # lines of all entries

    # ---- content ------------------------------------------------------------------------------

    def prepare(self, detail: InterviewDetail, today: date) -> None:
        """Build and draw an interview's checklist ahead of showing it (the main screen does this for
        the interviews either side of the cursor while the user reads, so j and k find them ready)."""
        width = self.scrollable_content_region.width
        if not width:
            return
        entries = _entries(detail, today)
        tops, line = _layout(entries, self.styles, width)
        strips: dict[tuple[int, bool], list[Strip]] = {}
        target = _first_target(entries, None)
        if target is not None:  # what the pane can show around the item the cursor starts on
            height = self.scrollable_content_region.height
            for index, top in enumerate(tops):
                if tops[target] - height <= top < tops[target] + height:
                    strips[(index, index == target)] = self._draw(entries[index], width, index == target)
        self._prepared[detail.id] = _Prepared(detail, today, width, entries, tops, line, strips)
        while len(self._prepared) > 6:
            self._prepared.pop(next(iter(self._prepared)))

    def show(self, detail: InterviewDetail | None, today: date, keep: int | None = None) -> None:
        """Show the interview's actions, keeping action `keep` highlighted when present."""
        keep = keep if keep is not None else self.selected_action_id
        prepared = self._prepared.pop(detail.id, None) if detail is not None else None
        if prepared is not None and (
            prepared.detail != detail
            or prepared.today != today
            or prepared.width != self.scrollable_content_region.width
        ):
            prepared = None
        entries = prepared.entries if prepared else (_entries(detail, today) if detail is not None else [])
        before = self.entries
        self.entries = entries
        self.selectable = [i for i, entry in enumerate(entries) if entry.action is not None]
        if [e.action and e.action.id for e in before] == [e.action and e.action.id for e in entries]:
            # The same items in the same order (a tick, a moved date): re-wrap only the ones that changed.
            changed = [i for i, (old, new) in enumerate(zip(before, entries, strict=True)) if old != new]
            for index in changed:
                self._strips.pop((index, False), None)
                self._strips.pop((index, True), None)
            if changed:
                self._lay_out()
                self.refresh()
            if keep is not None and keep != self.selected_action_id:
                self.select_action(keep)
            return
        if prepared is not None:
            self._tops, self._strips, self._width = prepared.tops, dict(prepared.strips), prepared.width
            self._total = prepared.total
            self.set_content_height(prepared.total)
        else:
            self._strips.clear()
            self._lay_out()
        target = _first_target(entries, keep)
        self.set_reactive(Checklist.cursor, self.selectable.index(target) if target is not None else 0)
        self._scroll_to_cursor()
        self.refresh()

    def cursor_count(self) -> int:
        return len(self.selectable)

    @property
    def selected_action_id(self) -> int | None:
        """The highlighted action's id, if an action is highlighted."""
        if not self.selectable:
            return None
        return self._action(self.cursor).id

    def _action(self, n: int) -> ActionRow:
        """The action of selectable entry `n`."""
        action = self.entries[self.selectable[n]].action
        assert action is not None, "selectable holds only the entries of actions"
        return action

    def select_action(self, action_id: int) -> None:
        """Highlight an action by id (nothing happens if it is not listed)."""
        for n in range(len(self.selectable)):
            if self._action(n).id == action_id:
                self.cursor = n

    def option_texts(self) -> list[str]:
        """Each header and item as plain text, in order (what a screen reader or a test reads)."""
        return [entry.content.plain for entry in self.entries]

    # ---- layout and drawing -------------------------------------------------------------------

    def _entry_strips(self, index: int, highlighted: bool = False) -> list[Strip]:
        """An entry's lines at the laid-out width, padded to it; drawn in the cursor's style when highlighted."""
        key = (index, highlighted)
        strips = self._strips.get(key)
        if strips is None:
            self._strips[key] = strips = self._draw(self.entries[index], max(1, self._width), highlighted)
        return strips

    def _draw(self, entry: _Entry, width: int, highlighted: bool) -> list[Strip]:
        style = self.get_visual_style("checklist--cursor") if highlighted else self.visual_style
        strips = Visual.to_strips(self, Hanging(entry.content, under_the_box), width, None, style, pad=True)
        strips = [strip.extend_cell_length(width, style.rich_style) for strip in strips]
        return strips or [Strip.blank(width, style.rich_style)]

    def _lay_out(self) -> None:
        """Where each entry starts; the scrolling height. Wrapping follows the pane's width."""
        width = self.scrollable_content_region.width
        if width != self._width:
            self._width = width
            self._strips.clear()
        if not width:
            self._tops = []  # not laid out yet: on_resize wraps the items once the pane has a size
            return
        self._tops, self._total = _layout(self.entries, self.styles, width)
        # Never shorter than the pane: a list that fits keeps one virtual size from interview to
        # interview, so moving through the interviews needs no new layout.
        self.set_content_height(self._total)

    def notify_style_update(self) -> None:
        """A theme change or focus (the cursor's colour) makes the drawn lines stale."""
        super().notify_style_update()
        self._strips.clear()
        self._prepared.clear()

    def restyle_cursor(self) -> None:
        self._prepared.clear()  # drawn with the cursor's colour for the other focus
        for key in [key for key in self._strips if key[1]]:
            del self._strips[key]
        self.refresh()

    def on_resize(self) -> None:
        self._lay_out()
        self._scroll_to_cursor()

    def watch_cursor(self, old: int, new: int) -> None:
        scroll_before = self.scroll_offset.y
        self._scroll_to_cursor()
        if self.scroll_offset.y != scroll_before or not self._tops:
            self.refresh()
            return
        for position in {old, new}:  # only the two items whose highlight changed
            if 0 <= position < len(self.selectable):
                index = self.selectable[position]
                top = self._tops[index] - int(self.scroll_offset.y)
                self.refresh(Region(0, top, self.size.width, self._entry_height(index)))

    def _entry_height(self, index: int) -> int:
        """An entry's height in lines, from the layout (nothing is drawn to know it)."""
        end = self._tops[index + 1] if index + 1 < len(self._tops) else self._total
        return max(1, end - self._tops[index])

    def _scroll_to_cursor(self) -> None:
        if self.selectable and self._tops:
            index = self.selectable[self.cursor]
            top = self._tops[index] - (1 if self.cursor == 0 and index > 0 else 0)  # show its header
            height = self._entry_height(index) + (self._tops[index] - top)
            self.scroll_to_region(Region(0, top, 1, height), animate=False, immediate=True)

    def on_click(self, event: events.Click) -> None:
        """Clicking an action highlights it."""
        offset = event.get_content_offset(self)
        if offset is None or not self._tops:
            return
        index = bisect_right(self._tops, offset.y + int(self.scroll_offset.y)) - 1
        if index in self.selectable:
            self.cursor = self.selectable.index(index)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = int(self.scroll_offset.y) + y
        if width != self._width:
            self._lay_out()
        base = self.visual_style.rich_style
        if not self._tops or line < 0:
            return Strip.blank(width, base)
        index = bisect_right(self._tops, line) - 1
        strips = self._entry_strips(index)
        part = line - self._tops[index]
        if part >= len(strips):
            return Strip.blank(width, base)
        if self.selectable and index == self.selectable[self.cursor]:
            strips = self._entry_strips(index, highlighted=True)
        return strips[part].crop(0, width)
