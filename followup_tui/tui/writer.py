"""`w` from the checklist or the daily review: the draft for a note, the script for a call."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from followup_tui import clock
from followup_tui.kinds import Kind, Medium
from followup_tui.store import commands, writing_notes
from followup_tui.store.errors import StoreError
from followup_tui.writing.drafts import CALL_DRAFTS, TEMPLATE_FOR

if TYPE_CHECKING:
    from followup_tui.tui.app import FollowupApp

WRITABLE = set(TEMPLATE_FOR) | CALL_DRAFTS | {Kind.REFERENCES}


def letters_dir(app: FollowupApp) -> Path:
    """Letters and emails are written beside the database."""
    return Path(app.database_path).parent / "letters"


def open_writer(app: FollowupApp, action_id: int, kind: Kind, then: Callable[[], None]) -> None:
    """Open the draft (notes, letters, emails) or the call script (calls) for an action; with no profile
    yet, the profile form comes first, so the draft is not born full of placeholders."""
    from followup_tui.tui.screens.profile_form import ProfileForm

    if kind not in WRITABLE:
        app.notify(
            "Nothing to write for this item: w works on thank-yous, letters, weekly follow-ups, calls and references."
        )
        return
    if kind is Kind.REFERENCES:
        _alert_references(app, action_id, then)
        return
    try:
        empty = writing_notes.profile().is_empty
    except StoreError as error:
        app.notify(str(error), severity="error", markup=False)
        return
    if not empty:
        _open(app, action_id, kind, then)
        return

    def saved(profile) -> None:
        if profile is not None:
            try:
                writing_notes.save_profile(profile)
            except StoreError as error:
                app.notify(str(error), severity="error", markup=False)
        _open(app, action_id, kind, then)  # cancelled: the draft opens anyway, its placeholders named

    app.notify("First, your details: every note is signed with them.")
    app.push_screen(ProfileForm(writing_notes.profile()), saved)


def _open(app: FollowupApp, action_id: int, kind: Kind, then: Callable[[], None]) -> None:
    from followup_tui.tui.screens.call_script import CallScriptScreen
    from followup_tui.tui.screens.draft import DraftScreen

    try:
        data = writing_notes.draft_data(action_id) if kind in CALL_DRAFTS or kind is Kind.DECISION else None
        # "No word yet?" goes the way the person likes to be reached: a call to someone who prefers the
        # phone or the post (a letter is too slow to ask), an email otherwise.
        if data is not None and (kind in CALL_DRAFTS or data.context.preferred != Medium.EMAIL):

            def called(outcome) -> None:
                if outcome is not None:
                    try:
                        commands.complete(action_id, clock.today(), outcome)
                    except StoreError as error:
                        app.notify(str(error), severity="error", markup=False)
                then()

            app.push_screen(CallScriptScreen(data.context, data.context.phone), called)
            return
        app.push_screen(DraftScreen(action_id, letters_dir(app)), lambda sent: then())
    except StoreError as error:
        app.notify(str(error), severity="error", markup=False)


def _alert_references(app: FollowupApp, action_id: int, then: Callable[[], None]) -> None:
    """The heads-up to each reference; with none in the profile yet, the profile form first."""
    from followup_tui.tui.screens.profile_form import ProfileForm
    from followup_tui.tui.screens.references import ReferencesScreen

    def show() -> None:
        try:
            app.push_screen(ReferencesScreen(action_id, letters_dir(app)), lambda told: then())
        except StoreError as error:
            app.notify(str(error), severity="error", markup=False)

    try:
        profile = writing_notes.profile()
    except StoreError as error:
        app.notify(str(error), severity="error", markup=False)
        return
    if profile.references:
        show()
        return

    def saved(edited) -> None:
        if edited is None:
            return
        try:
            writing_notes.save_profile(edited)
        except StoreError as error:
            app.notify(str(error), severity="error", markup=False)
            return
        if edited.references:
            show()
        else:
            then()

    app.notify("First, your references: who may the employer call?")
    app.push_screen(ProfileForm(profile, focus="references"), saved)
