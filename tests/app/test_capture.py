"""Quick capture in the app: a pasted card fills the form; duplicates are offered for linking; vCards in and out."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from followup_tui.contact import PersonInput
from followup_tui.inputs import InterviewInput
from followup_tui.store import commands
from followup_tui.store.database import close_database, open_database
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.duplicate import DuplicateScreen
from followup_tui.tui.screens.person_form import PersonForm
from followup_tui.tui.widgets.person_card import PersonCardView

SIZE = (120, 40)
MIXED = Path(__file__).parent.parent / "data" / "mixed.vcf"
CARD = """--
Best regards,
Priya Raman, PhD
Head of Analytics
Northwind Analytics, Inc.
500 Market Street, Suite 400
San Francisco, CA 94105
T: (415) 555-0142 x204
M: +1 415 555 0199
priya.raman@northwind.example"""


@pytest.fixture
def interviews(db_path):
    open_database(db_path)
    commands.change_settings(lambda stored: replace(stored, start_screen="main"))
    first = commands.add_interview(InterviewInput("Northwind Analytics", date(2026, 11, 24)), date(2026, 11, 24))
    commands.add_person(first, PersonInput("Ana Ruiz", email="ana@recruit.example"), date(2026, 11, 24))
    second = commands.add_interview(InterviewInput("Bluefin", date(2026, 11, 25)), date(2026, 11, 25))
    close_database()
    return first, second


async def open_capture(pilot):
    await pilot.press("c")
    await pilot.pause()
    assert isinstance(pilot.app.screen, PersonForm)


async def test_pasting_a_card_fills_the_form_live(db_path, interviews):
    app = FollowupApp(db_path, phone_region="US")
    async with app.run_test(size=SIZE) as pilot:
        await open_capture(pilot)
        form = app.screen
        assert form.focused is form.query_one("#paste")
        form.query_one("#title", Input).value = "Analytics lead"  # typed by hand first: kept
        await pilot.pause()
        form.query_one("#paste", TextArea).text = CARD
        await pilot.pause()
        names = ("name", "title", "company", "email", "phone", "mobile", "address")
        values = {name: form.value(name) for name in names}
        assert values == {
            "name": "Priya Raman",
            "title": "Analytics lead",
            "company": "Northwind Analytics, Inc.",
            "email": "priya.raman@northwind.example",
            "phone": "(415) 555-0142 x204",
            "mobile": "+1 415 555 0199",
            "address": "500 Market Street, Suite 400\nSan Francisco, CA 94105",
        }
        assert "Found:" in str(form.query_one("#paste-msg").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        person = app.screen.query_one(PersonCardView).current
        assert (person.name, person.phone_e164, person.mobile_e164) == ("Priya Raman", "+14155550142", "+14155550199")


UK_CARD = """Sophie Turner
Recruitment Consultant
Brightwater Ltd
12 Wharf Road
London N1 7GR
United Kingdom
020 7946 0958
sophie@brightwater.example"""


async def test_the_form_reads_phones_for_the_cards_own_country_not_the_default_region(db_path, interviews):
    app = FollowupApp(db_path, phone_region="US")
    async with app.run_test(size=SIZE) as pilot:
        await open_capture(pilot)
        form = app.screen
        form.query_one("#paste", TextArea).text = UK_CARD
        await pilot.pause()
        assert form.value("phone") == "020 7946 0958"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, PersonForm), "the form refused the card's own UK number"
        person = app.screen.query_one(PersonCardView).current
        assert (person.name, person.phone_e164) == ("Sophie Turner", "+442079460958")


async def test_a_number_typed_for_an_address_abroad_is_read_for_that_country(db_path, interviews):
    app = FollowupApp(db_path, phone_region="US")
    async with app.run_test(size=SIZE) as pilot:
        await open_capture(pilot)
        form = app.screen
        form.query_one("#name", Input).value = "Jonas Weber"
        form.query_one("#address", TextArea).text = "Königsallee 60\n40212 Düsseldorf\nGermany"
        form.query_one("#mobile", Input).value = "0151 23456789"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        person = app.screen.query_one(PersonCardView).current
        assert person.mobile_e164 == "+4915123456789"


async def test_a_pasted_novel_gets_a_message(db_path, interviews):
    app = FollowupApp(db_path, phone_region="US")
    async with app.run_test(size=SIZE) as pilot:
        await open_capture(pilot)
        app.screen.query_one("#paste", TextArea).text = "Call me Ishmael. " * 400
        await pilot.pause()
        assert "a card holds at most" in str(app.screen.query_one("#paste-msg").render())
        assert app.screen.value("name") == ""


async def test_same_email_offers_to_link_the_existing_contact(db_path, interviews):
    first, second = interviews
    app = FollowupApp(db_path, phone_region="US")
    async with app.run_test(size=SIZE) as pilot:
        app.screen.reload(select=second)
        await pilot.pause()
        await open_capture(pilot)
        app.screen.query_one("#name", Input).value = "Ana Ruiz"
        app.screen.query_one("#email", Input).value = "ana@recruit.example"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DuplicateScreen)
        await pilot.press("l")
        await pilot.pause()
        shared = app.screen.detail.people[0]
        app.screen.reload(select=first)
        await pilot.pause()
        assert app.screen.detail.people[0].contact_id == shared.contact_id  # one contact, two interviews


async def test_import_a_vcf_confirming_each_card(db_path, interviews):
    app = FollowupApp(db_path, phone_region="US")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(MIXED)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, PersonForm) and app.screen.value("name") == "Anna Müller"
        await pilot.press("ctrl+s")  # save the first
        await pilot.pause()
        assert app.screen.value("name") == "Chloe Nguyen"
        await pilot.press("escape")  # skip the second
        await pilot.pause()
        names = [p.name for p in app.screen.detail.people]
        assert names == ["Ana Ruiz", "Anna Müller"]


async def test_import_of_a_bad_file_is_refused_in_the_form(db_path, interviews, tmp_path):
    big = tmp_path / "huge.vcf"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # 50 MB, sparse
    app = FollowupApp(db_path, phone_region="US")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(big)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "too big" in str(app.screen.query_one("#path-msg").render())


async def test_export_the_interview_people(db_path, interviews, tmp_path):
    target = tmp_path / "people.vcf"
    app = FollowupApp(db_path, phone_region="US")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert "FN:Ana Ruiz" in target.read_text()
