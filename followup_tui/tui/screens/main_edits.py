"""The main screen's edits: the forms behind a, c, e, s, n, d, h, p, m and `,`, and what their answers write.

Plain functions of the screen: each opens its form and hands the answer to `screen.write`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from textual.content import Content

from followup_tui import clock
from followup_tui.kinds import Kind, State, Status
from followup_tui.review import LETTER_KINDS
from followup_tui.store import queries
from followup_tui.store.errors import StoreError
from followup_tui.tui.screens import main_jobs
from followup_tui.tui.screens.main_jobs import RESULT
from followup_tui.wording import no_address_question, status_note

if TYPE_CHECKING:
    from followup_tui.records import ActionRow
    from followup_tui.tui.screens.action_form import ActionInput
    from followup_tui.tui.screens.main import MainScreen

Edited = TypeVar("Edited")  # what an edit form returns (an interview's or a person's fields)


def add_interview(screen: MainScreen) -> None:
    """Open the interview form."""

    def saved(data) -> None:
        from followup_tui.store import commands

        if data is not None:
            if screen.write(lambda: commands.add_interview(data, clock.today()), select=RESULT):
                screen.notify(
                    f"Interview added. Press c to capture {data.company}'s interviewers' cards.", markup=False
                )

    from followup_tui.tui.screens.interview_form import InterviewForm

    screen.app.push_screen(InterviewForm(), saved)


def capture_card(screen: MainScreen) -> None:
    """Open the card form for the selected interview."""
    detail = screen.detail
    if detail is None:
        screen.notify("Add or select an interview first (a).", severity="warning")
        return

    def saved(data) -> None:
        if data is not None:
            main_jobs.save_person(screen, detail, data)

    from followup_tui.tui.screens.person_form import PersonForm

    screen.app.push_screen(PersonForm(company=detail.company, region=screen.app.phone_region), saved)


def edit(screen: MainScreen) -> None:
    """Edit the focused pane's thing: the interview, the person shown, or the action."""
    detail = screen.detail
    if detail is None:
        return
    pane = screen._focused_pane()
    if pane == "card" and screen.card.current is not None:
        person = screen.card.current

        def saved_person(data) -> None:
            from followup_tui.store import commands

            if data is not None:
                write_checked(
                    screen,
                    lambda expected: commands.update_person(person.meeting_id, data, clock.today(), expected),
                    person.as_input(),
                    data,
                )

        from followup_tui.tui.screens.person_form import PersonForm

        screen.app.push_screen(PersonForm(person.as_input(), region=screen.app.phone_region), saved_person)
    elif pane == "checklist" and screen.checklist.selected_action_id is not None:
        action = next(a for a in detail.actions if a.id == screen.checklist.selected_action_id)

        def saved_action(data: ActionInput | None) -> None:
            from followup_tui.store import commands

            if data is not None:
                title = data.title if action.kind is Kind.CUSTOM else None
                screen.write(
                    lambda: commands.update_action(action.id, data.due, data.note, title),
                    keep_action=action.id,
                    row_only=True,
                )

        from followup_tui.tui.screens.action_form import ActionForm

        screen.app.push_screen(ActionForm(detail.people, action), saved_action)
    else:

        def saved_interview(data) -> None:
            from followup_tui.store import commands

            if data is not None:
                write_checked(
                    screen,
                    lambda expected: commands.update_interview(detail.id, data, clock.today(), expected),
                    detail.as_input(),
                    data,
                )

        from followup_tui.tui.screens.interview_form import InterviewForm

        screen.app.push_screen(InterviewForm(detail.as_input()), saved_interview)


def choose_status(screen: MainScreen) -> None:
    """Choose the selected interview's status."""
    detail = screen.detail
    if detail is None:
        return

    def chosen(status: Status | None) -> None:
        from followup_tui.store import commands

        if status is None or status is detail.status:
            return
        if screen.write(lambda: commands.set_status(detail.id, status, clock.today())):
            note = status_note(status)
            screen.notify(note or f"{detail.company}: {status.label}.", markup=False, timeout=10 if note else 4)

    from followup_tui.tui.screens.status import StatusScreen

    screen.app.push_screen(StatusScreen(detail.status, detail.company), chosen)


def new_action(screen: MainScreen) -> None:
    """Add an action of the user's own to the selected interview."""
    detail = screen.detail
    if detail is None:
        return

    def saved(data: ActionInput | None) -> None:
        from followup_tui.store import commands

        if data is not None:
            screen.write(
                lambda: commands.add_custom(detail.id, data.title, data.due, data.person_id, data.note, clock.today()),
                keep_action=RESULT,
            )

    from followup_tui.tui.screens.action_form import ActionForm

    screen.app.push_screen(ActionForm(detail.people), saved)


def show_history(screen: MainScreen) -> None:
    """Show the history of the person on the card."""
    person = screen.card.current
    if person is None:
        screen.notify("No person selected.", severity="warning")
        return
    try:
        entries = queries.histories([person.contact_id])[person.contact_id]
    except StoreError as error:
        screen.notify(str(error), severity="error", markup=False)
        return
    from followup_tui.tui.screens.history import HistoryScreen

    screen.app.push_screen(HistoryScreen(person.name, entries))


def edit_profile(screen: MainScreen) -> None:
    """Edit your profile."""
    from followup_tui.store import writing_notes

    try:
        current = writing_notes.profile()
    except StoreError as error:
        screen.notify(str(error), severity="error", markup=False)
        return

    def saved(profile) -> None:
        from followup_tui.store import writing_notes

        if profile is not None and screen.write(lambda: writing_notes.save_profile(profile)):
            screen.notify("Profile saved: new drafts use it.")

    from followup_tui.tui.screens.profile_form import ProfileForm

    screen.app.push_screen(ProfileForm(current), saved)


def edit_templates(screen: MainScreen) -> None:
    """Pick a template to edit."""

    def picked(name: str | None) -> None:
        from followup_tui.store import writing_notes

        if name is None:
            return

        def saved(text: str | None) -> None:
            from followup_tui.store import writing_notes

            if text is None:
                return
            from followup_tui.tui.screens.templates import TemplateForm

            restore = text == TemplateForm.RESTORE
            if screen.write(lambda: writing_notes.save_template(name, None if restore else text)):
                screen.notify("Template restored." if restore else "Template saved: new drafts use it.")

        try:
            current = writing_notes.template(name)
        except StoreError as error:
            screen.notify(str(error), severity="error", markup=False)
            return
        from followup_tui.tui.screens.templates import TemplateForm

        screen.app.push_screen(TemplateForm(name, current), saved)

    from followup_tui.tui.screens.templates import TemplateList

    screen.app.push_screen(TemplateList(), picked)


def delete(screen: MainScreen) -> None:
    """Delete the focused thing after a confirmation."""
    from followup_tui.store import commands

    detail = screen.detail
    if detail is None:
        return
    pane = screen._focused_pane()
    if pane == "card" and screen.card.current is not None:
        person = screen.card.current
        question = Content.assemble("Remove ", (person.name, "bold"), " from this interview, with their actions here?")
        change = lambda: commands.remove_person(person.meeting_id, clock.today())  # noqa: E731
    elif pane == "checklist" and screen.checklist.selected_action_id is not None:
        action = next(a for a in detail.actions if a.id == screen.checklist.selected_action_id)
        if action.kind is Kind.LETTER and action.state is State.OPEN:
            drop_letter(screen, action)
            return
        if action.kind is not Kind.CUSTOM:
            screen.notify("Planned actions can't be deleted: tick it, or close the interview with s.")
            return
        question = Content.assemble("Delete the action ", (action.label, "bold"), "?")
        change = lambda: commands.delete_action(action.id)  # noqa: E731
    else:
        question = Content.assemble(
            "Delete the interview at ",
            (detail.company, "bold"),
            f", its {len(detail.actions)} actions and the cards of people met nowhere else?",
        )
        change = lambda: commands.delete_interview(detail.id, clock.today())  # noqa: E731

    def answered(yes: bool | None) -> None:
        if yes and screen.write(change):
            screen.notify("Deleted.")

    from followup_tui.tui.screens.confirm import ConfirmScreen

    screen.app.push_screen(ConfirmScreen(question), answered)


def drop_letter(screen: MainScreen, action: ActionRow) -> None:
    """Drop a postal letter with a reason (kept in its note); the plan never brings it back."""
    from followup_tui.store import commands
    from followup_tui.tui.screens.small_forms import DropForm

    def given(reason: str | None) -> None:
        if reason and screen.write(
            lambda: commands.drop_letter(action.id, reason, clock.today()), keep_action=action.id, row_only=True
        ):
            screen.notify("Letter dropped; space brings it back.")

    screen.app.push_screen(DropForm(action.label), given)


def edit_settings(screen: MainScreen) -> None:
    """Open the settings form."""
    from dataclasses import replace

    from followup_tui import public_holidays
    from followup_tui.settings import Settings
    from followup_tui.tui.screens.settings_form import SettingsForm

    def saved(edited: Settings | None) -> None:
        if edited is None:
            return

        def store() -> None:
            from followup_tui.store import commands

            # Only what the form edits: a profile saved meanwhile in another copy stays.
            commands.change_settings(
                lambda stored: replace(
                    stored,
                    phone_region=edited.phone_region,
                    holiday_region=edited.holiday_region,
                    start_screen=edited.start_screen,
                    similarity_threshold=edited.similarity_threshold,
                )
            )

        if screen.write(store):
            screen.app.phone_region = edited.phone_region
            holidays = f"the public holidays of {edited.holiday_region}" if edited.holiday_region else "no holidays"
            screen.notify(
                f"Saved. Numbers without +country code are read as {edited.phone_region} numbers; "
                f"follow-ups skip weekends and {holidays}.",
                markup=False,
            )

    try:
        stored = queries.settings()
    except StoreError:
        stored = Settings()
    shown = replace(stored, phone_region=screen.app.phone_region)
    # The holidays in effect, the default included: what the form shows is what the plan uses.
    shown = replace(shown, holiday_region=public_holidays.region_in_effect(shown))
    screen.app.push_screen(SettingsForm(shown), saved)


def write_checked(
    screen: MainScreen, change: Callable[[Edited | None], object], opened_with: Edited, mine: Edited
) -> None:
    """An edit that is refused if another window changed the record since the form opened; then the
    user chooses: keep theirs, or overwrite with mine."""
    from followup_tui.store import commands

    try:
        change(opened_with)
    except commands.Conflict as conflict:

        def chosen(answer: str | None) -> None:
            if answer == "overwrite":
                screen.write(lambda: change(None))
            else:
                screen.reload()
                screen.notify("Kept the version saved in the other window.")

        from followup_tui.tui.screens.conflict import ConflictScreen

        screen.app.push_screen(ConflictScreen(conflict, mine), chosen)
        return
    except StoreError as error:
        screen.notify(str(error), severity="error", markup=False, timeout=8)
        return
    screen.reload()


def tick(screen: MainScreen) -> None:
    """Tick or untick the highlighted action; written at once."""
    from followup_tui.store import commands

    ident = screen.checklist.selected_action_id
    if ident is None or screen.detail is None:
        return
    action = next(a for a in screen.detail.actions if a.id == ident)
    if action.state is State.CANCELLED:
        screen.notify("This interview is closed, so its actions are paused. Set it back to active with s.")
        return
    if action.state is State.DROPPED:
        from followup_tui.tui.screens.confirm import ConfirmScreen

        def back(yes: bool | None) -> None:
            if yes:
                screen.write(lambda: commands.set_done(ident, False, clock.today()), keep_action=ident, row_only=True)

        question = Content.assemble("Put ", (action.label, "bold"), " back on the list?")
        screen.app.push_screen(ConfirmScreen(question, "Bring back"), back)
        return
    if action.state is State.OPEN and action.kind in (Kind.CALL, Kind.WEEKLY_CALL):
        # As in the daily review: a call is ticked with how it went (no answer keeps it open).
        from followup_tui.tui.screens.call_outcome import CallOutcomeScreen

        def answered(outcome: commands.CallOutcome | None) -> None:
            if outcome is not None:
                screen.write(lambda: commands.complete(ident, clock.today(), outcome), keep_action=ident, row_only=True)

        screen.app.push_screen(CallOutcomeScreen(action.person_name), answered)
        return
    person = next((p for p in screen.detail.people if p.contact_id == action.person_id), None)
    if action.state is State.OPEN and action.kind in LETTER_KINDS and not (person and person.address.strip()):
        from followup_tui.tui.screens.confirm import ConfirmScreen

        def posted(yes: bool | None) -> None:
            if yes:
                screen.write(lambda: commands.set_done(ident, True, clock.today()), keep_action=ident, row_only=True)

        screen.app.push_screen(ConfirmScreen(Content(no_address_question(action.person_name)), "Posted"), posted)
        return
    screen.write(
        lambda: commands.set_done(ident, action.state is State.OPEN, clock.today()),
        keep_action=ident,
        row_only=True,
    )


def shift_due(screen: MainScreen, days: int) -> None:
    """Move the highlighted action's due date by a day."""
    from followup_tui.store import commands

    ident = screen.checklist.selected_action_id
    if ident is not None:
        screen.write(lambda: commands.move_due(ident, days, clock.today()), keep_action=ident, row_only=True)
