"""Data safety in the app: everything exported and imported with a progress bar, read-only mode, conflicts."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from onscreen import notifications
from textual.widgets import Input, Select

from followup_tui.inputs import InterviewInput
from followup_tui.store import commands
from followup_tui.store.database import close_database, open_database
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.conflict import ConflictScreen
from followup_tui.tui.screens.interview_form import InterviewForm

SIZE = (120, 40)
DAY = date(2026, 11, 24)


@pytest.fixture
def one_interview(db_path):
    open_database(db_path)
    commands.change_settings(lambda stored: replace(stored, start_screen="main"))
    ident = commands.add_interview(InterviewInput("Acme", DAY, "Analyst"), DAY)
    close_database()
    return ident


async def test_export_everything_then_import_it_into_a_new_file(db_path, one_interview, tmp_path):
    target = tmp_path / "all.json"
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one("#format", Select).value = ".json"
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert json.loads(target.read_text())["interviews"][0]["company"] == "Acme"

    fresh = tmp_path / "fresh" / "followup.db"
    app = FollowupApp(fresh)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.detail is not None and app.screen.detail.company == "Acme"


async def test_read_only_database_says_so_and_refuses_edits(db_path, one_interview, monkeypatch):
    real_access = __import__("os").access
    monkeypatch.setattr("os.access", lambda p, mode: False if str(p) == str(db_path) else real_access(p, mode))
    before = db_path.read_bytes()
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "READ-ONLY" in app.sub_title
        checklist = app.screen.query_one("#checklist")
        checklist.focus()
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        assert any("read-only" in message for message in notifications(app))
        assert app.is_running
    assert db_path.read_bytes() == before


async def test_an_edit_made_in_another_window_is_detected_and_the_user_chooses(db_path, one_interview):
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, InterviewForm)
        with sqlite3.connect(db_path) as other:  # the other window saves first
            other.execute("UPDATE interview SET role = 'Senior Analyst'")
        app.screen.query_one("#company", Input).value = "Acme Corp"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConflictScreen)
        assert "role" in str(app.screen.conflict)
        await pilot.press("k")  # keep theirs
        await pilot.pause()
        assert (app.screen.detail.company, app.screen.detail.role) == ("Acme", "Senior Analyst")


@pytest.mark.parametrize(("prefix", "suffix"), [("../[/]", "\x1b]0;x\x07"), (".", "/"), ("[@click=app.quit] ", "")])
async def test_the_export_dialog_suggests_a_file_in_home_named_after_the_person(yesterday_db, prefix, suffix):
    with sqlite3.connect(yesterday_db) as raw:  # names as another program (or an import) may have left them
        names = {row[0] for row in raw.execute('SELECT name FROM "contact"')}
        raw.execute('UPDATE "contact" SET name = ? || name || ?', (prefix, suffix))
    raw.close()
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # from the review to the interviews
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        suggested = Path(app.screen.query_one("#path", Input).value)
        assert suggested.parent == Path.home(), suggested
        assert suggested.suffix == ".vcf" and not suggested.name.startswith(".")
        assert suggested.name.isprintable() and "[" not in suggested.name
        assert any(name in suggested.stem for name in names), suggested.name


async def test_the_export_dialog_suggests_contact_vcf_when_nothing_of_the_name_is_usable(yesterday_db):
    with sqlite3.connect(yesterday_db) as raw:
        raw.execute("""UPDATE "contact" SET name = '../..//'""")
    raw.close()
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert app.screen.query_one("#path", Input).value == str(Path.home() / "contact.vcf")


async def test_the_import_path_completes_to_folders_and_cards_only(yesterday_db, tmp_path):
    """The import form completes a typed path as the photo form does: a folder, then the one .vcf in it
    (a .txt beside it is not offered)."""
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "a-notes.txt").write_text("not a card", encoding="utf-8")
    (tmp_path / "inbox" / "card.vcf").write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Wen Okafor\r\nEMAIL:wen@okafor.example\r\nEND:VCARD\r\n", encoding="utf-8"
    )
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape", "i")
        await pilot.pause()
        field = app.screen.query_one("#path", Input)
        assert app.focused is field
        field.value = str(tmp_path / "in")
        field.cursor_position = len(field.value)
        await pilot.pause()
        await pilot.press("right")
        await pilot.pause()
        assert field.value == f"{tmp_path}/inbox/"
        await pilot.press("right")
        await pilot.pause()
        assert field.value == f"{tmp_path}/inbox/card.vcf"
