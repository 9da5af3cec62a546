"""The daily review list: sections of follow-ups across every active interview."""

from __future__ import annotations

from datetime import date

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from followup_tui.dates import relative_due
from followup_tui.plan import State
from followup_tui.review import UPCOMING, ReviewItem, group
from followup_tui.text import clean_line


def item_content(item: ReviewItem, today: date) -> Content:
    """Two lines: what, to whom, where; then when, and the detail needed to act (or what is missing)."""
    where = " · ".join(clean_line(p) for p in (item.company, item.role) if p)
    who = clean_line(item.person)
    if item.state is State.DONE:
        first = Content.assemble(("[x] ", "$text-muted"), (clean_line(item.what), "strike $text-muted"))
        if who:
            first += Content.assemble(("  " + who, "strike $text-muted"))
        return first + Content.assemble("\n    ", (f"done · {where}", "$text-muted"))
    days = (item.due - today).days
    due_style = "$warning bold" if days < 0 else ("$success bold" if days == 0 else "$text-muted")
    parts: list = ["[ ] ", (clean_line(item.what), "bold")]
    if who:
        parts.extend(["  ", who])
    parts.extend(["  ", (where, "$text-muted"), "\n    ", (relative_due(item.due, today), due_style)])
    if item.contact:
        parts.extend(["  ", (clean_line(item.contact), "$accent")])
    elif item.missing:
        parts.extend(["  ", ("! " + item.missing, "$warning")])
    if item.note:
        parts.extend(["  ", ("note: " + clean_line(item.note), "italic $text-muted")])
    return Content.assemble(*parts)


class ReviewList(OptionList):
    """Section headers are disabled options; option ids are action ids."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def show(self, items: list[ReviewItem], today: date, days: int, keep: int | None) -> None:
        """Show the items by section, keeping action `keep` highlighted (or the nearest row)."""
        previous = self.highlighted or 0
        self.clear_options()
        options: list[Option] = []
        for section, members in group(items, today).items():
            title = f"Next {days} days" if section == UPCOMING else section
            options.append(Option(Content.assemble((f"{title} ({len(members)})", "bold $accent")), disabled=True))
            if not members:
                options.append(Option(Content.assemble(("    nothing", "$text-muted")), disabled=True))
            options.extend(Option(item_content(item, today), id=str(item.id)) for item in members)
        self.add_options(options)
        selectable = [i for i, option in enumerate(options) if option.id]
        if not selectable:
            self.highlighted = None
            return
        wanted = next((i for i in selectable if options[i].id == str(keep)), None)
        if wanted is None:
            wanted = min(selectable, key=lambda i: (i < previous, abs(i - previous)))
        self.highlighted = wanted

    @property
    def selected_id(self) -> int | None:
        """The highlighted action's id."""
        if self.highlighted is None or not self.option_count:
            return None
        option = self.get_option_at_index(self.highlighted)
        return int(option.id) if option.id else None
