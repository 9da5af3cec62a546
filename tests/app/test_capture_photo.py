"""ctrl+o in the capture form: a photo of the card (made here) read by the real recogniser off the UI thread,
its text in the paste box and its fields in the form; a QR code's fields exactly; clear messages otherwise."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from textual.widgets import Input

from followup_tui.capture import photo
from followup_tui.inputs import InterviewInput
from followup_tui.store import commands
from followup_tui.store.database import close_database, open_database
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.person_form import PersonForm
from followup_tui.tui.screens.photo_file import PhotoFileForm
from followup_tui.tui.widgets.person_card import PersonCardView
from tests.card_images import Look, card_photo

SIZE = (120, 40)
CARD = """Priya Raman
Head of Analytics
Northwind Analytics, Inc.
priya.raman@northwind.example
+1 415 555 0142
500 Market Street, Suite 400
San Francisco, CA 94105"""
VCARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Priya Raman\r\nTITLE:VP, Analytics\r\nORG:Northwind Analytics\r\n"
    "EMAIL:priya@northwind.example\r\nTEL;TYPE=WORK:+1 415 555 0142\r\nEND:VCARD\r\n"
)


@pytest.fixture
def interview(db_path):
    open_database(db_path)
    commands.change_settings(lambda stored: replace(stored, start_screen="main"))
    commands.add_interview(InterviewInput("Northwind Analytics", date(2026, 11, 24)), date(2026, 11, 24))
    close_database()
    return db_path


async def read_photo_in_form(pilot, path):
    """c, ctrl+o, the path typed, enter; then wait for the recognition worker."""
    await pilot.press("c")
    await pilot.pause()
    await pilot.press("ctrl+o")
    await pilot.pause()
    assert isinstance(pilot.app.screen, PhotoFileForm)
    pilot.app.screen.query_one("#path", Input).value = str(path)
    await pilot.press("enter")
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, PersonForm)
    await form.workers.wait_for_complete()
    await pilot.pause()
    return form


async def test_a_card_photo_fills_the_paste_box_and_the_fields(interview, tmp_path):
    picture = tmp_path / "priya.jpg"
    card_photo(CARD, Look(angle=-4, noise=6)).save(picture, quality=90)
    app = FollowupApp(interview, phone_region="US")
    async with app.run_test(size=SIZE) as pilot:
        form = await read_photo_in_form(pilot, picture)
        assert form.value("paste").splitlines()[:4] == CARD.splitlines()[:4]  # the text shown beside the fields
        values = {name: form.value(name) for name in ("name", "title", "company", "email", "address")}
        assert values == {
            "name": "Priya Raman",
            "title": "Head of Analytics",
            "company": "Northwind Analytics, Inc.",
            "email": "priya.raman@northwind.example",
            "address": "500 Market Street, Suite 400\nSan Francisco, CA 94105",
        }
        assert str(form.query_one("#paste-msg").render()).startswith("Found: name, title, company, email, phone")
        await pilot.press("ctrl+s")
        await pilot.pause()
        person = app.screen.query_one(PersonCardView).current
        assert (person.name, person.phone_e164) == ("Priya Raman", "+14155550142")


async def test_a_qr_code_on_the_card_fills_the_fields_exactly(interview, tmp_path):
    picture = tmp_path / "priya.png"
    card_photo(CARD, Look(dark=True), qr_payload=VCARD).save(picture)
    app = FollowupApp(interview, phone_region="US")
    async with app.run_test(size=SIZE) as pilot:
        form = await read_photo_in_form(pilot, picture)
        values = {name: form.value(name) for name in ("name", "title", "company", "email", "phone", "address")}
        assert values == {
            "name": "Priya Raman",
            "title": "VP, Analytics",  # the code's, not the printed "Head of Analytics"
            "company": "Northwind Analytics",
            "email": "priya@northwind.example",
            "phone": "+1 415 555 0142",
            "address": "",
        }
        assert str(form.query_one("#paste-msg").render()).startswith("From the card's QR code (vCard): name, title")


async def test_the_photo_path_completes_as_it_is_typed(interview, tmp_path):
    (tmp_path / "cards").mkdir()
    card_photo(CARD).save(tmp_path / "cards" / "priya.png")
    (tmp_path / "cards" / "notes.txt").write_text("not a photo", encoding="utf-8")
    app = FollowupApp(interview, phone_region="US")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        field = app.screen.query_one("#path", Input)
        field.value = str(tmp_path / "ca")
        field.cursor_position = len(field.value)
        await pilot.pause()
        await pilot.press("right")  # accepts the suggestion: the folder
        await pilot.pause()
        assert field.value == f"{tmp_path}/cards/"
        await pilot.press("right")  # then the one photo in it (the .txt is no photo)
        await pilot.pause()
        assert field.value == f"{tmp_path}/cards/priya.png"


async def test_a_file_that_is_no_photo_is_explained_under_the_paste_box(interview, tmp_path):
    fake = tmp_path / "card.png"
    fake.write_text("Priya Raman\n", encoding="utf-8")
    app = FollowupApp(interview, phone_region="US")
    async with app.run_test(size=SIZE) as pilot:
        form = await read_photo_in_form(pilot, fake)
        message = form.query_one("#paste-msg")
        assert str(message.render()).startswith("card.png is not a photo followup can read")
        assert message.has_class("-error")
        assert form.value("paste") == "" and form.value("name") == ""


async def test_without_the_photo_extra_the_key_says_how_to_add_it(interview, monkeypatch):
    monkeypatch.setattr(photo, "NEEDED", (*photo.NEEDED, "rapidocr_not_installed"))
    app = FollowupApp(interview, phone_region="US")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PersonForm)  # no file picker for photos that cannot be read
        assert str(form.query_one("#paste-msg").render()) == (
            "Reading photos needs the photo extra, which is not installed here: pip install 'followup-tui[photo]'"
        )


def test_the_app_starts_without_loading_the_recognition_libraries():
    """Start-up and the capture form load none of them: only ctrl+o's first photo does."""
    import subprocess
    import sys

    code = (
        "import sys; import followup_tui.tui.app, followup_tui.tui.screens.main, "
        "followup_tui.tui.screens.person_form, followup_tui.tui.screens.photo_file; "
        "heavy = {'PIL', 'numpy', 'cv2', 'zxingcpp', 'onnxruntime', 'rapidocr_onnxruntime', 'pillow_heif'}; "
        "loaded = sorted(heavy & set(sys.modules)); assert not loaded, loaded"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
