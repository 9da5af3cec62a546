"""The daily review, driven by keys: a whole morning's follow-ups."""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import unquote

import pytest
from onscreen import footer_actions

from followup_tui import clock, mail_client
from followup_tui.contact import PersonInput
from followup_tui.inputs import InterviewInput
from followup_tui.kinds import Kind, State
from followup_tui.store import commands, queries
from followup_tui.store.database import close_database, open_database
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.call_outcome import CallOutcomeScreen
from followup_tui.tui.screens.confirm import ConfirmScreen
from followup_tui.tui.screens.main import MainScreen
from followup_tui.tui.screens.review import ReviewScreen
from followup_tui.tui.widgets.checklist import Checklist
from followup_tui.tui.widgets.person_card import PersonCardView
from followup_tui.tui.widgets.review_list import ReviewList

SIZE = (120, 40)
TODAY = date(2026, 11, 25)  # Wednesday


@pytest.fixture
def morning(db_path):
    """Three companies: overdue thank-yous, a call due today, a letter next week."""
    open_database(db_path)
    ids = {}
    # Friday 20th: call due today (day 5), letter on Monday 30th.
    ids["acme"] = commands.add_interview(
        InterviewInput("Acme", date(2026, 11, 20), "Analyst", None), date(2026, 11, 20)
    )
    commands.add_person(
        ids["acme"],
        PersonInput(
            "Ana Ruiz", email="ana@acme.example", phone="+1 415 555 0142", phone_e164="+14155550142", topic="dashboards"
        ),
        date(2026, 11, 20),
    )
    for a in queries.interview_detail(ids["acme"]).actions:
        if a.kind in (Kind.THANK_YOU_EMAIL, Kind.REFERENCES):
            commands.set_done(a.id, True, date(2026, 11, 20))
    # Monday 23rd: thank-yous overdue.
    ids["bluefin"] = commands.add_interview(InterviewInput("Bluefin", date(2026, 11, 23), "PM"), date(2026, 11, 23))
    commands.add_person(ids["bluefin"], PersonInput("Dana Lee", email="dana@bluefin.example"), date(2026, 11, 23))
    commands.add_person(ids["bluefin"], PersonInput("Bo Chen"), date(2026, 11, 23))
    ids["cedar"] = commands.add_interview(
        InterviewInput("Cedar", date(2026, 11, 24), "Coordinator"), date(2026, 11, 24)
    )
    close_database()
    return ids


def item(app, kind: Kind, person: str = ""):
    return next(i for i in app.screen.items.values() if i.kind is kind and (not person or i.person == person))


async def highlight(pilot, ident: int) -> None:
    pilot.app.screen.query_one(ReviewList).select_id(ident)
    await pilot.pause()


async def test_opens_on_the_review_with_sections_and_contact_details(db_path, morning):
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        titles = app.screen.query_one(ReviewList).section_titles()
        assert any(t.startswith("Overdue (") for t in titles)
        assert any(t.startswith("Today (") for t in titles)
        assert any(t.startswith("Next 7 days (") for t in titles)
        call = item(app, Kind.CALL, "Ana Ruiz")
        assert call.due == TODAY and call.contact == "+1 415 555 0142"
        assert item(app, Kind.THANK_YOU_EMAIL, "Bo Chen").missing == "no email on file"
        summary = str(app.screen.query_one("#review-summary").render())
        assert "0 of" in summary and "3 active interviews" in summary


async def test_a_whole_morning_then_restart(db_path, morning):
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        thanks = item(app, Kind.THANK_YOU_EMAIL, "Dana Lee")
        await highlight(pilot, thanks.id)
        await pilot.press("space")
        await pilot.pause()
        assert app.screen.items[thanks.id].state is State.DONE  # stays listed, struck through
        assert "1 of" in str(app.screen.query_one("#review-summary").render())

        call = item(app, Kind.CALL, "Ana Ruiz")
        await highlight(pilot, call.id)
        await pilot.press("space")
        await pilot.pause()
        assert isinstance(app.screen, CallOutcomeScreen)
        await pilot.press("v")  # left a voicemail: counts as done
        await pilot.pause()
        logged = app.screen.items[call.id]
        assert logged.state is State.DONE and "voicemail" in logged.note

        refs = item(app, Kind.REFERENCES)  # Bluefin's, overdue
        await highlight(pilot, refs.id)
        await pilot.press("z")
        await pilot.pause()
        assert app.screen.items[refs.id].due == date(2026, 11, 26)

        await pilot.press("u")  # undo the snooze
        await pilot.pause()
        assert app.screen.items[refs.id].due == refs.due
        await pilot.press("u")  # undo the voicemail
        await pilot.pause()
        assert app.screen.items[call.id].state is State.OPEN

        card = item(app, Kind.CARD, "Bo Chen")
        await highlight(pilot, card.id)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.detail.id == morning["bluefin"]
        assert app.screen.query_one(Checklist).selected_action_id == card.id
        assert app.screen.query_one(PersonCardView).current.name == "Bo Chen"
        await pilot.press("q")

    open_database(db_path)
    try:
        kept = {i.id: i for i in queries.review_items(TODAY, 7)}
    finally:
        close_database()
    assert kept[thanks.id].state is State.DONE
    assert kept[call.id].state is State.OPEN
    assert kept[refs.id].due == refs.due


async def test_no_answer_keeps_the_call_open_for_the_next_business_day(db_path, morning):
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        call = item(app, Kind.CALL, "Ana Ruiz")
        await highlight(pilot, call.id)
        await pilot.press("space")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        after = app.screen.items[call.id]
        assert after.state is State.OPEN and after.due == date(2026, 11, 26) and "No answer" in after.note


async def test_reschedule_and_note(db_path, morning):
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        thanks = item(app, Kind.THANK_YOU_EMAIL, "Bo Chen")
        await highlight(pilot, thanks.id)
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#day").value = "fri"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.items[thanks.id].due == date(2026, 11, 27)
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#note").text = "Ask Dana for Bo's email"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.items[thanks.id].note == "Ask Dana for Bo's email"


async def test_ticking_a_weekly_follow_up_shows_the_next_one(db_path, morning):
    open_database(db_path)
    for done in [a for a in queries.interview_detail(morning["acme"]).actions if a.kind in (Kind.CALL, Kind.LETTER)]:
        commands.set_done(done.id, True, date(2026, 11, 18))  # the call and letter a week ago: weekly email due today
    close_database()
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        weekly = item(app, Kind.WEEKLY_EMAIL)
        assert weekly.due == TODAY
        await highlight(pilot, weekly.id)
        await pilot.press("space")
        await pilot.pause()
        nxt = item(app, Kind.WEEKLY_CALL)
        assert nxt.due == TODAY + timedelta(days=7) and nxt.state is State.OPEN


async def test_mail_and_copy(db_path, morning, monkeypatch):
    app = FollowupApp(db_path)
    opened, copied = [], []
    monkeypatch.setattr(mail_client, "open_mailto", lambda url: opened.append(url) or True)
    monkeypatch.setattr(app, "copy_to_clipboard", lambda text: copied.append(text))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        thanks = item(app, Kind.THANK_YOU_EMAIL, "Dana Lee")
        await highlight(pilot, thanks.id)
        await pilot.press("o")  # no profile yet: asks before mailing placeholders
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and "{signature}" in str(app.screen.question)
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.press("y")
        await pilot.pause()
        assert opened and opened[0].startswith("mailto:dana%40bluefin.example?subject=")
        assert "Bluefin" in unquote(opened[0])
        assert copied == ["dana@bluefin.example"]
        bo = item(app, Kind.THANK_YOU_EMAIL, "Bo Chen")
        await highlight(pilot, bo.id)
        await pilot.press("o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(opened) == 1  # no email on file: a message, not a broken mailto


async def test_t_and_escape_move_between_the_screens(db_path, morning):
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_keep_hunting_reminder_shows_once_a_day(db_path, morning):
    from followup_tui.kinds import Status

    open_database(db_path)
    commands.set_status(morning["cedar"], Status.WITHDRAWN, TODAY)  # two left in play
    close_database()
    for expected in (True, False):
        app = FollowupApp(db_path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            summary = str(app.screen.query_one("#review-summary").render())
            assert ("keep the search going" in summary) is expected


async def test_nothing_due_opens_the_interviews(db_path):
    open_database(db_path)
    commands.add_interview(InterviewInput("Future Co", TODAY + timedelta(days=10)), TODAY)
    close_database()
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_a_tick_on_the_main_screen_shows_in_the_review_and_back(db_path, morning):
    """The review's warm copy never shows what was true before a write; the list catches up on return."""
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        call = item(app, Kind.CALL).id
        thanks = item(app, Kind.THANK_YOU_EMAIL, "Dana Lee").id
        await pilot.press("escape")  # to the interviews
        await pilot.pause()
        app.review_data.warm(clock.today())  # what the screen's 0.3 s timer calls: the review read again
        await app.workers.wait_for_complete()
        main = app.screen
        main.focus_on((morning["acme"], call, None))
        await pilot.pause()
        assert main.checklist.selected_action_id == call
        await pilot.press("space", "r")  # tick the call here: it asks how it went (reached)
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.items[call].state is State.DONE
        main.focus_on((morning["bluefin"], thanks, None))  # what the main screen shows behind
        await highlight(pilot, thanks)
        await pilot.press("space")  # tick Dana's thank-you in the review
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is main
        assert next(a for a in main.detail.actions if a.id == thanks).state is State.DONE
        open_database(db_path)
        fresh = queries.list_interviews()
        assert [(r.id, r.next_kind, r.next_due) for r in main.rows] == [(r.id, r.next_kind, r.next_due) for r in fresh]


async def test_the_footer_follows_what_the_keys_can_do(db_path, morning):
    """Undo shows in the footer once there is something to undo, and again after a round trip."""
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()

        def footer_keys() -> set[str]:
            return footer_actions(app.screen)

        assert "Undo" not in footer_keys()
        await highlight(pilot, item(app, Kind.THANK_YOU_EMAIL, "Dana Lee").id)
        await pilot.press("space")
        await pilot.pause()
        assert "Undo" in footer_keys()
        await pilot.press("escape", "t")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen) and "Undo" in footer_keys()


async def test_z_on_a_future_item_moves_it_later_never_earlier(yesterday_db):
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        decision = item(app, Kind.DECISION)  # "no word yet?" on Tue 1 Dec in yesterday's hunt
        assert decision.due == date(2026, 12, 1)
        await highlight(pilot, decision.id)
        await pilot.press("z")
        await pilot.pause()
        assert app.screen.items[decision.id].due == date(2026, 12, 2)
