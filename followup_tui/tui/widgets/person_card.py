"""The interviewer card: one person met at the selected interview, shown as a business card."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

from followup_tui import contact
from followup_tui.contact import PERSON_FIELDS, Entry
from followup_tui.records import PersonCard
from followup_tui.text import clean_line, clean_shown
from followup_tui.tui.widgets.hanging import Hanging, under_the_second_column

EMPTY = "No one recorded for this interview yet.\n\nPress c to capture an interviewer's business card."
NO_INTERVIEW = "Select an interview to see the people you met."


class PersonCardView(Widget, can_focus=True):
    """Shows one of the selected interview's people; left/right or [ ] move between them."""

    # Arrows only: h is the person's history everywhere (the pane itself says "h: full history").
    BINDINGS = [
        Binding("left", "step(-1)", "Previous person", show=False),
        Binding("right", "step(1)", "Next person", show=False),
    ]

    index: reactive[int] = reactive(0)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._histories: dict = {}
        self._tallest = 0  # the pane's height so far, border included
        self._drawn: dict[tuple, list[Strip]] = {}  # see _lines

    @property
    def histories(self) -> dict:
        """Contact id -> history entries, set by the screen before show(); a change repaints."""
        return self._histories

    @histories.setter
    def histories(self, value: dict) -> None:
        if value != self._histories:
            self._histories = value
            self.refresh()

    people: reactive[tuple[PersonCard, ...] | None] = reactive(None, always_update=True)

    def show(self, people: list[PersonCard] | None, keep_meeting: int | None = None) -> None:
        """Show these people, keeping the one with `keep_meeting` when present."""
        people_tuple = tuple(people) if people is not None else None
        index = 0
        for position, person in enumerate(people_tuple or ()):
            if person.meeting_id == keep_meeting:
                index = position
        if people_tuple == self.people and index == self.index:
            return  # nothing the card shows has changed (a tick, a moved date): no repaint
        self.set_reactive(PersonCardView.index, index)
        self.people = people_tuple

    @property
    def current(self) -> PersonCard | None:
        """The person shown, if any."""
        if not self.people:
            return None
        return self.people[min(self.index, len(self.people) - 1)]

    def action_step(self, delta: int) -> None:
        """Move to the previous or next person."""
        if self.people:
            self.index = (self.index + delta) % len(self.people)

    def watch_index(self) -> None:
        self._retitle()

    def watch_people(self) -> None:
        self._retitle()

    def _retitle(self) -> None:
        count = len(self.people or ())
        self.border_subtitle = f"{self.index + 1} of {count} · [ ]" if count > 1 else ""
        # The pane grows to the tallest card shown so far and keeps that height: moving through
        # the interviews neither makes the checklist below jump nor costs a screen-wide layout
        # (10 ms, and a late frame for the scrollbars) each time a card is a line shorter or longer.
        self.refresh()
        width = self.content_size.width
        if not width:
            return
        height = len(self._lines(width)) + self.styles.gutter.height
        if height > self._tallest:
            self._tallest = height
            self.styles.min_height = height  # a layout, only when the pane must grow

    def render(self) -> Hanging:
        return Hanging(self._content(self.current), under_the_second_column)

    def _content(self, person: PersonCard | None) -> Content:
        if self.people is None:
            return Content(NO_INTERVIEW).stylize("dim")
        if person is None:
            return Content(EMPTY).stylize("dim")
        return card_content(person, self.histories.get(person.contact_id, []))

    # Drawn lines are kept by what they show, so the main screen can draw the cards of the
    # interviews either side of the cursor ahead of time (prepare) and a move only shows them.

    def _key(self, person: PersonCard | None, histories: dict, width: int) -> tuple:
        history = tuple(histories.get(person.contact_id, ())) if person is not None else ()
        return (self.people is None, person, history, width)

    def _lines(self, width: int) -> list[Strip]:
        key = self._key(self.current, self.histories, width)
        lines = self._drawn.get(key)
        if lines is None:
            lines = self._draw(self._content(self.current), width)
            self._remember(key, lines)
        return lines

    def _draw(self, content: Content, width: int) -> list[Strip]:
        style = self.visual_style
        return [
            strip.extend_cell_length(width, style.rich_style)
            for strip in Visual.to_strips(self, Hanging(content, under_the_second_column), width, None, style, pad=True)
        ]

    def _remember(self, key: tuple, lines: list[Strip]) -> None:
        self._drawn[key] = lines
        while len(self._drawn) > 8:
            self._drawn.pop(next(iter(self._drawn)))

    def prepare(self, people: list[PersonCard], histories: dict) -> None:
        """Draw the first person's card of another interview ahead of showing it."""
        width = self.content_size.width
        if not width or not people:
            return
        person = people[0]
        key = (False, person, tuple(histories.get(person.contact_id, ())), width)
        if key not in self._drawn:
            self._remember(key, self._draw(card_content(person, histories.get(person.contact_id, [])), width))

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        lines = self._lines(width)
        return lines[y] if y < len(lines) else Strip.blank(width, self.visual_style.rich_style)

    def notify_style_update(self) -> None:
        """A theme change makes the drawn lines stale."""
        super().notify_style_update()
        self._drawn.clear()


def card_content(person: PersonCard, history: list | None = None) -> Content:
    """A person's card as styled content; every value is plain text, never markup."""
    parts: list = [(clean_line(person.name), "bold")]
    if person.is_lead:
        parts.extend(["  ", ("lead interviewer", "$accent")])
    parts.append("\n")
    role = " · ".join(p for p in (clean_line(person.title), clean_line(person.company)) if p)
    if role:
        parts.extend([(role, "italic"), "\n"])
    parts.append("\n")
    rows = []
    for name in PERSON_FIELDS:
        about = contact.about(name)
        if not about.shown:
            continue
        value = getattr(person, name)
        if about.entry is Entry.CHOICE:
            value = value.label
        else:
            value = clean_shown(value) if about.entry is Entry.TEXT else clean_line(value)
        # A phone's dash would say "no number" beside a mobile number.
        empty = "" if name == "phone" and person.mobile else about.empty
        rows.append((about.shown, value or empty))
    for label, value in rows:
        if not value:
            continue
        value = value.replace("\n", "\n" + " " * 10)
        parts.extend([(f"{label:<9} ", "$text-muted"), value, "\n"])
    if history:
        parts.extend(["\n", ("Last contact", "bold $accent"), ("  h: full history", "$text-muted"), "\n"])
        for entry in history[:2]:
            first_line = clean_line((entry.text or "").split("\n", 1)[0])
            parts.extend([(entry.day.strftime("%d %b"), "$text-muted"), "  ", clean_line(entry.what), "\n"])
            if first_line:
                parts.extend(["        ", (first_line[:60], "italic $text-muted"), "\n"])
    return Content.assemble(*parts)
