"""The main screen and the daily review hand over: which opens first, opening the review, and
enter there selecting its item here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Input

from followup_tui import clock
from followup_tui.store import queries
from followup_tui.store.errors import StoreError

if TYPE_CHECKING:
    from followup_tui.tui.screens.main import MainScreen


def opens_on_review() -> bool:
    """The review opens first when something is due today or overdue, unless a setting says otherwise."""
    try:
        start = queries.settings().start_screen
        if start != "auto":
            return start == "review"
        return queries.anything_due(clock.today())
    except StoreError:
        return False


def open_review(screen: MainScreen) -> None:
    """Open the daily review; enter there brings its interview back here."""
    # One review screen, kept installed: opening it again re-reads its items, not its widgets,
    # and its undo history lasts the session.
    from followup_tui.tui.screens.review import ReviewScreen

    if not screen.app.is_screen_installed("review"):
        screen.app.install_screen(ReviewScreen(), "review")
    else:
        review = screen.app.get_screen("review", ReviewScreen)
        if review.is_mounted:
            review.refresh_if_stale()  # before the switch, so its first frame is the fresh list
    screen.app.push_screen("review", screen.focus_on)


def focus_on(screen: MainScreen, target: tuple[int, int, int | None] | None) -> None:
    """Select an interview, its action and the person it concerns (from the review's enter)."""
    if target is None:
        return
    interview_id, action_id, person_id = target
    box = screen.query_one("#filter", Input)
    box.value, box.display = "", False
    if any(row.id == interview_id for row in screen.rows):
        # Select it in the rows held (on_screen_resume re-reads them in the background if the
        # review changed anything), rather than re-reading 10,000 rows while the user waits.
        screen.select_row(interview_id)
        screen.load_detail(keep_action=action_id)
    else:
        screen.reload(select=interview_id, keep_action=action_id)
    if screen.detail is not None:
        for person in screen.detail.people:
            if person.contact_id == person_id:
                screen.card.show(screen.detail.people, person.meeting_id)
    screen.checklist.focus()
