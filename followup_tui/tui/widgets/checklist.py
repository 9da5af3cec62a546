"""The checklist of next actions for the selected interview, grouped by person."""

from __future__ import annotations

from datetime import date

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from followup_tui.dates import relative_due, show_date
from followup_tui.plan import State
from followup_tui.records import ActionRow, InterviewDetail
from followup_tui.text import clean_line, clean_text

GENERAL = "General"


def action_content(action: ActionRow, today: date) -> Content:
    """One checklist item: box and wording, then the due date and what is missing, then any note."""
    box = {State.OPEN: "[ ] ", State.DONE: "[x] ", State.CANCELLED: "[-] "}[action.state]
    if action.state is State.OPEN:
        days = (action.due - today).days
        due_style = "$warning bold" if days < 0 else ("$success bold" if days == 0 else "$text-muted")
        due = relative_due(action.due, today)
        if action.window_end and action.window_end > action.due:
            due += f", window to {show_date(action.window_end, today)}"
        parts: list = [box, clean_line(action.label), "\n    ", (due, due_style)]
        if action.missing:
            parts.extend(["  ", ("! " + action.missing, "$warning")])
        content = Content.assemble(*parts)
    else:
        when = f"done {show_date(action.done_on, today)}" if action.state is State.DONE and action.done_on else "cancelled"
        content = Content.assemble(
            (box, "$text-muted"), (clean_line(action.label), "strike $text-muted"), "\n    ", (when, "$text-muted")
        )
    if action.note:
        # Whitespace stays outside styled spans: a styled span loses its leading spaces when wrapped.
        content = content + Content.assemble("\n    ", ("note: " + clean_text(action.note), "$text-muted italic"))
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


class Checklist(OptionList):
    """Next actions; option ids are the action ids, group headers are disabled options."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def show(self, detail: InterviewDetail | None, today: date, keep: int | None = None) -> None:
        """Show the interview's actions, keeping action `keep` highlighted when present."""
        keep = keep if keep is not None else self.selected_action_id
        if detail is None:
            self.clear_options()
            self._shown = {}
            return
        if not detail.actions:
            self.clear_options()
            self._shown = {}
            self.add_option(Option(Content("No actions: the interview is closed or has no plan yet."), disabled=True))
            return
        options: list[Option] = []
        shown: dict[str, ActionRow] = {}
        for name, rows in _groups(detail):
            options.append(Option(Content.assemble((clean_line(name), "bold $accent")), disabled=True,
                                  id=f"group:{name}:{len(options)}"))
            for row in rows:
                shown[str(row.id)] = row
                options.append(Option(action_content(row, today), id=str(row.id)))
        previous = getattr(self, "_shown", {})
        if [o.id for o in options] == [o.id for o in self._options] and previous.keys() == shown.keys():
            # The same items in the same order (a tick, a moved date): redraw only the ones that changed.
            for ident, row in shown.items():
                if previous[ident] != row:
                    self.replace_option_prompt(ident, action_content(row, today))
        else:
            self.clear_options()
            self.add_options(options)
        self._shown = shown
        target = None
        if keep is not None and str(keep) in shown:
            target = self.get_option_index(str(keep))
        else:
            # Start on the first open item; fall back to the first item of all.
            states = {str(a.id): a.state for a in detail.actions}
            enabled = [i for i, o in enumerate(options) if o.id in shown]
            open_items = [i for i in enabled if states[options[i].id] is State.OPEN]
            target = (open_items or enabled or [None])[0]
        self.highlighted = target

    @property
    def selected_action_id(self) -> int | None:
        """The highlighted action's id, if an action is highlighted."""
        if self.highlighted is None or self.option_count == 0:
            return None
        option = self.get_option_at_index(self.highlighted)
        return int(option.id) if option.id and option.id.isdigit() else None
