"""Writing a follow-up in the app: draft, fix a typo, mark sent; the item ticks and the text stays."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from followup_tui.contact import PersonInput
from followup_tui.inputs import InterviewInput
from followup_tui.kinds import Kind, State
from followup_tui.store import commands, queries, writing_notes
from followup_tui.store.database import close_database, open_database
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.call_script import CallScriptScreen
from followup_tui.tui.screens.compare import CompareScreen
from followup_tui.tui.screens.confirm import ConfirmScreen
from followup_tui.tui.screens.draft import DraftScreen
from followup_tui.tui.screens.suggest import SuggestScreen
from followup_tui.tui.widgets.checklist import Checklist
from followup_tui.tui.widgets.draft_editor import DraftEditor
from followup_tui.writing.profile import Profile

SIZE = (120, 40)
DAY = date(2026, 11, 24)


@pytest.fixture
def interview(db_path):
    open_database(db_path)
    commands.change_settings(lambda stored: replace(stored, start_screen="main"))
    writing_notes.save_profile(
        Profile(
            "Sam Rivera",
            "sam@example.com",
            "+1 503 555 0100",
            "12 Oak Lane\nPortland",
            "Sam",
            ("six years turning messy data into decisions",),
        )
    )
    ident = commands.add_interview(InterviewInput("Northwind Analytics", DAY, "Data Analyst"), DAY)
    commands.add_person(
        ident,
        PersonInput(
            "Priya Raman",
            email="priya@northwind.example",
            phone="+1 415 555 0142",
            phone_e164="+14155550142",
            topic="the churn dashboard",
            is_lead=True,
        ),
        DAY,
    )
    commands.add_person(ident, PersonInput("Tom Becker", email="tom@northwind.example", topic="dbt models"), DAY)
    actions = {(a.kind, a.person_name): a.id for a in queries.interview_detail(ident).actions}
    close_database()
    return ident, actions


async def open_draft(pilot, action_id: int) -> DraftScreen:
    checklist = pilot.app.screen.query_one(Checklist)
    checklist.focus()
    checklist.select_action(action_id)
    await pilot.pause()
    await pilot.press("w")
    await pilot.pause()
    assert isinstance(pilot.app.screen, DraftScreen)
    return pilot.app.screen


async def test_draft_fix_a_typo_mark_sent_and_the_text_is_kept(db_path, interview):
    ident, actions = interview
    thanks = actions[(Kind.THANK_YOU_EMAIL, "Priya Raman")]
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        draft = await open_draft(pilot, thanks)
        editor = draft.query_one(DraftEditor)
        assert "Dear Priya," in editor.text and "the churn dashboard" in editor.text
        assert draft.problems == []
        editor.text = editor.text.replace("in meeting with me", "in meetting with me")
        await pilot.pause()
        assert [m.word for m in editor.misspelled] == ["meetting"]
        assert "Misspelled: meetting" in str(draft.query_one("#draft-problems").render())
        await pilot.press("ctrl+t")  # mark sent with a typo: asks, naming the word
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and "meetting" in str(app.screen.question)
        await pilot.press("n")
        await pilot.pause()
        word = editor.misspelled[0]
        editor.cursor_location = (word.line, word.start + 1)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, SuggestScreen)
        await pilot.press("enter")  # the best suggestion: meeting
        await pilot.pause()
        assert "in meeting with me" in editor.text and editor.misspelled == []
        sent_text = editor.text
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert not isinstance(app.screen, DraftScreen)
        row = next(a for a in app.screen.detail.actions if a.id == thanks)
        assert row.state is State.DONE
    open_database(db_path)
    try:
        data = writing_notes.draft_data(thanks)
        history = queries.histories([queries.interview_detail(ident).people[0].contact_id])
    finally:
        close_database()
    assert data.sent_text == sent_text
    assert any(entry.text == sent_text for entries in history.values() for entry in entries)


async def test_near_identical_thank_yous_are_flagged_and_compared(db_path, interview):
    _, actions = interview
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        draft = await open_draft(pilot, actions[(Kind.THANK_YOU_EMAIL, "Priya Raman")])
        await pilot.press("escape")  # keeps the draft
        await pilot.pause()
        draft = await open_draft(pilot, actions[(Kind.THANK_YOU_EMAIL, "Tom Becker")])
        editor = draft.query_one(DraftEditor)
        # Make Tom's note a copy of Priya's but for the name and topic: the check must notice.
        priya = [text for who, text in draft.data.others if who == "Priya Raman"][0]
        editor.text = priya.replace("Priya", "Tom").replace("the churn dashboard", "dbt models")
        await pilot.pause()
        assert any("like the note to Priya Raman" in p for p in draft.problems)
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)


async def test_a_call_shows_its_scripts_and_records_the_outcome(db_path, interview):
    _, actions = interview
    call = actions[(Kind.CALL, "Priya Raman")]
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        checklist = app.screen.query_one(Checklist)
        checklist.focus()
        checklist.select_action(call)
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, CallScriptScreen)
        await pilot.press("v")
        await pilot.pause()
        row = next(a for a in app.screen.detail.actions if a.id == call)
        assert row.state is State.DONE and "voicemail" in row.note


async def test_letter_files_are_written_beside_the_database(db_path, interview):
    _, actions = interview
    letter = actions[(Kind.LETTER, "Priya Raman")]
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_draft(pilot, letter)
        await pilot.press("ctrl+o")
        await pilot.pause()
    letters = db_path.parent / "letters"
    pdfs, texts = list(letters.glob("*.pdf")), list(letters.glob("*.txt"))
    assert len(pdfs) == 1 and len(texts) == 1
    assert "Sam Rivera" in texts[0].read_text() and pdfs[0].read_bytes().startswith(b"%PDF")
