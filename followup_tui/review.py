"""The daily review: what to do today, for the app and for `followup today` (no Textual here)."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from followup_tui.dates import relative_due, show_date
from followup_tui.kinds import CALL_WINDOW, Kind, State
from followup_tui.wording import NO_ANSWER_NOTE, missing_detail

OVERDUE, TODAY, UPCOMING = "Overdue", "Today", "Next 7 days"
SECTION_KEYS = {OVERDUE: "overdue", TODAY: "today", UPCOMING: "upcoming"}  # stable names for JSON
SECTIONS = (OVERDUE, TODAY, UPCOMING)
DEFAULT_DAYS = 7
KEEP_HUNTING = (
    "Fewer than three interviews in play: keep the search going alongside these. "
    "The right job may be one you haven't found yet."
)
EMAIL_KINDS = {Kind.THANK_YOU_EMAIL, Kind.WEEKLY_EMAIL}
CALL_KINDS = {Kind.CALL, Kind.WEEKLY_CALL}
LETTER_KINDS = {Kind.THANK_YOU_LETTER, Kind.LETTER, Kind.WEEKLY_LETTER}

WHAT = {
    Kind.CARD: "get card",
    Kind.THANK_YOU_EMAIL: "thank-you email",
    Kind.THANK_YOU_LETTER: "thank-you letter",
    Kind.REFERENCES: "alert references",
    Kind.CALL: "follow-up call",
    Kind.LETTER: "postal letter",
    Kind.WEEKLY_EMAIL: "weekly email",
    Kind.WEEKLY_CALL: "weekly call",
    Kind.WEEKLY_LETTER: "weekly letter",
    Kind.DECISION: "no word yet?",
    Kind.NEXT_STEP: "next step?",
}


class ReviewItem(NamedTuple):
    """One action due in the review window, with what is needed to act on it.

    A named tuple rather than a dataclass: `followup today` builds thousands of these in a process
    whose whole budget is a few tens of milliseconds (a tuple is made in one call, store/lite.py)."""

    id: int
    interview_id: int
    kind: Kind
    label: str
    title: str
    due: date
    state: State
    company: str
    role: str
    person_id: int | None = None
    person: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    topic: str = ""
    note: str = ""
    done_on: date | None = None
    window_end: date | None = None  # a follow-up call's last day (day 7, or the Monday after)
    interview_day: date | None = None
    person_title: str = ""  # the title on their card (a business card item says when it is missing)

    @property
    def what(self) -> str:
        """What to do, in two or three words."""
        return self.title if self.kind is Kind.CUSTOM else WHAT[self.kind]

    @property
    def contact(self) -> str:
        """The detail needed to act: email for an email, phone for a call, first address line for a letter."""
        if self.kind in EMAIL_KINDS:
            return self.email
        if self.kind in CALL_KINDS or self.kind in (Kind.DECISION, Kind.NEXT_STEP):
            return self.phone or self.email
        if self.kind in LETTER_KINDS:
            return self.address.split("\n", 1)[0]
        return ""

    @property
    def missing(self) -> str:
        """What is missing to act, e.g. "no phone on file"."""
        if self.contact:
            return ""
        return missing_detail(
            self.kind, self.email, self.phone, self.address, bool(self.person), self.person, self.person_title
        )

    @property
    def is_call(self) -> bool:
        """Calls ask for an outcome when done."""
        return self.kind in CALL_KINDS

    def in_window(self, today: date) -> bool:
        """An open follow-up call inside its days 5 to 7: due, not yet overdue."""
        return self.kind is Kind.CALL and self.window_end is not None and self.due <= today <= self.window_end

    def section(self, today: date) -> str:
        """Overdue, Today or Next 7 days (a done item stays where it was due; a call is overdue only
        once its window has ended)."""
        if self.due < today and not (self.state is State.OPEN and self.in_window(today)):
            return OVERDUE
        return TODAY if self.due <= today else UPCOMING

    def due_text(self, today: date) -> str:
        """How the due date reads: "today", "2 days overdue", or where a call stands in its window."""
        return self.call_window(today) or relative_due(self.due, today)

    def call_window(self, today: date) -> str:
        """Where an open follow-up call stands in its window (see `call_window`)."""
        if self.kind is not Kind.CALL or self.state is not State.OPEN:
            return ""
        return call_window(self.due, self.window_end, self.interview_day, self.note, today)


def call_window(due: date, window_end: date | None, interview_day: date | None, note: str, today: date) -> str:
    """Where an open follow-up call stands in its days 5 to 7: "day 6 of 5–7"; on the last day, that
    a voicemail counts; after it, that the call is late and, after two tries without an answer, that
    an email will do. "" before the call is due."""
    if window_end is None or today < due:
        return ""
    if today > window_end:
        late = f"late: the window ended {show_date(window_end, today)}"
        tries = sum(1 for line in note.split("\n") if line.startswith(NO_ANSWER_NOTE + ","))
        if tries >= 2:
            late += f"; {tries} tries without an answer: send an email instead (o), then mark the call e"
        return late
    last_day = today == window_end
    if interview_day is None:
        return "last day: leave a voicemail, it counts" if last_day else "due, inside its window"
    day, last = (today - interview_day).days, (window_end - interview_day).days
    where = f"day {day} of {CALL_WINDOW[0]}–{last}"
    return f"{where}: last day, leave a voicemail, it counts" if last_day else where


class Summary(NamedTuple):
    """The header line's numbers."""

    done_today: int
    due_today: int
    active_interviews: int

    def line(self) -> str:
        """ "3 of 7 done today · 4 active interviews"."""
        plural = "s" if self.active_interviews != 1 else ""
        return f"{self.done_today} of {self.due_today} done today · {self.active_interviews} active interview{plural}"


def summarise(items: list[ReviewItem], today: date, active_interviews: int) -> Summary:
    """Today's progress: items done today out of those done today or due by today."""
    done = sum(1 for i in items if i.state is State.DONE and i.done_on == today)
    due = done + sum(1 for i in items if i.state is State.OPEN and i.due <= today)
    return Summary(done, due, active_interviews)


def group(items: list[ReviewItem], today: date) -> dict[str, list[ReviewItem]]:
    """Items by section, each section by due date then company."""
    sections: dict[str, list[ReviewItem]] = {name: [] for name in SECTIONS}
    for item in sorted(items, key=lambda i: (i.due, i.company.casefold(), i.id)):
        sections[item.section(today)].append(item)
    return sections


def needs_keep_hunting(active_interviews: int) -> bool:
    """The seed: don't stop job-hunting; said when fewer than three interviews are active."""
    return active_interviews < 3


def as_json(items: list[ReviewItem], today: date, summary: Summary) -> dict[str, object]:
    """The review as JSON-ready data; field names are documented in README.md and kept stable."""
    return {
        "date": today.isoformat(),
        "done_today": summary.done_today,
        "due_today": summary.due_today,
        "active_interviews": summary.active_interviews,
        "items": [
            {
                "id": i.id,
                "section": SECTION_KEYS[i.section(today)],
                "kind": i.kind.value,
                "what": i.what,
                "person": i.person,
                "company": i.company,
                "role": i.role,
                "due": i.due.isoformat(),
                "due_text": i.due_text(today),
                "window_end": i.window_end.isoformat() if i.window_end else None,
                "state": i.state.value,
                "contact": i.contact,
                "missing": i.missing,
                "note": i.note,
                "interview_id": i.interview_id,
            }
            for items_in_section in group(items, today).values()
            for i in items_in_section
        ],
    }
