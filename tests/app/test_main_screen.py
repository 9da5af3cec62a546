"""The real app driven by keys, on a temporary database file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from onscreen import footer_keys, notifications, send_key
from textual.widgets import Input, TextArea

from followup_tui.contact import PersonInput
from followup_tui.inputs import InterviewInput
from followup_tui.kinds import Kind, State, Status
from followup_tui.store import commands, queries
from followup_tui.store.database import close_database, open_database
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.confirm import ConfirmScreen
from followup_tui.tui.screens.help import HelpScreen
from followup_tui.tui.screens.person_form import PersonForm
from followup_tui.tui.widgets.checklist import Checklist
from followup_tui.tui.widgets.interview_list import InterviewList
from followup_tui.tui.widgets.person_card import PersonCardView

SIZE = (120, 40)


@pytest.fixture(autouse=True)
def opens_on_interviews(db_path):
    """These tests drive the main screen; the daily review (which opens first when items are due) has its own."""
    open_database(db_path)
    commands.change_settings(lambda stored: replace(stored, start_screen="main"))
    close_database()


async def type_into(pilot, selector: str, text: str) -> None:
    widget = pilot.app.screen.query_one(selector)
    widget.focus()
    await pilot.pause()
    if isinstance(widget, TextArea):
        widget.text = text
    else:
        widget.value = text
    await pilot.pause()


def seeded(db_path) -> int:
    open_database(db_path)
    iid = commands.add_interview(InterviewInput("Acme Corp", date(2026, 11, 23), "Analyst"), date(2026, 11, 23))
    commands.add_person(iid, PersonInput("Ana Ruiz", email="ana@acme.example", topic="dashboards"), date(2026, 11, 23))
    close_database()
    return iid


async def test_empty_database_says_which_key_to_press(db_path):
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        empty = app.screen.query_one("#empty")
        assert empty.display
        assert "Press a to add" in str(empty.render())


async def test_add_interview_capture_card_tick_and_find_it_all_after_restart(db_path):
    app = FollowupApp(db_path, phone_region="US")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        await type_into(pilot, "#company", "Northwind Analytics")
        await type_into(pilot, "#role", "Data Analyst")
        await type_into(pilot, "#day", "yesterday")
        assert "Tue 24 Nov" in str(app.screen.query_one("#day-msg").render())
        await type_into(pilot, "#ended_at", "4pm")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.query_one(InterviewList).row_count == 1

        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, PersonForm)
        assert app.screen.query_one("#company", Input).value == "Northwind Analytics"
        await type_into(pilot, "#name", "Priya Raman")
        await type_into(pilot, "#title", "Head of Analytics")
        await type_into(pilot, "#email", "priya@northwind.example")
        await type_into(pilot, "#phone", "(415) 555-0142")
        await type_into(pilot, "#topic", "the churn dashboard")
        await pilot.press("ctrl+s")
        await pilot.pause()
        card = app.screen.query_one(PersonCardView)
        assert card.current.name == "Priya Raman"

        checklist = app.screen.query_one(Checklist)
        checklist.focus()
        await pilot.pause()
        detail = app.screen.detail
        # Ended at 16:00 yesterday: the thank-you is due this morning. The card ticked itself.
        first = next(a for a in detail.actions if a.kind is Kind.THANK_YOU_EMAIL)
        assert first.due == date(2026, 11, 25) and first.person_name == "Priya Raman"
        await pilot.press("home")
        for _ in range(12):
            if checklist.selected_action_id == first.id:
                break
            await pilot.press("j")
        await pilot.press("space")
        await pilot.pause()
        assert next(a for a in app.screen.detail.actions if a.id == first.id).state is State.DONE
        await pilot.press("q")

    again = FollowupApp(db_path)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        detail = again.screen.detail
        assert (detail.company, detail.role) == ("Northwind Analytics", "Data Analyst")
        person = detail.people[0]
        assert (person.name, person.phone_e164, person.topic) == ("Priya Raman", "+14155550142", "the churn dashboard")
        states = {a.kind: a.state for a in detail.actions}
        assert states[Kind.THANK_YOU_EMAIL] is State.DONE and states[Kind.CARD] is State.DONE


async def test_invalid_input_shows_inline_messages_and_saves_nothing(db_path):
    app = FollowupApp(db_path, phone_region="US")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        await type_into(pilot, "#day", "someday")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Company is required" in str(app.screen.query_one("#company-msg").render())
        assert "Not a date" in str(app.screen.query_one("#day-msg").render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#empty").display
    open_database(db_path)
    try:
        assert queries.list_interviews() == []
    finally:
        close_database()


async def test_bad_email_and_phone_are_refused_on_their_fields(db_path):
    seeded(db_path)
    app = FollowupApp(db_path, phone_region="US")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await type_into(pilot, "#name", "Bo")
        await type_into(pilot, "#email", "bo@")
        await type_into(pilot, "#phone", "12")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PersonForm)
        assert str(app.screen.query_one("#email-msg").render())
        assert "region US" in str(app.screen.query_one("#phone-msg").render())
        await pilot.press("escape")
        await pilot.pause()
        assert [p.name for p in app.screen.detail.people] == ["Ana Ruiz"]


async def test_markup_and_escape_codes_in_names_show_literally(db_path):
    open_database(db_path)
    iid = commands.add_interview(InterviewInput("[bold]Evil[/] Corp", date(2026, 11, 23)), date(2026, 11, 23))
    commands.add_person(iid, PersonInput("[@click=app.quit]Jo[/]\x1b]0;title\x07"), date(2026, 11, 23))
    close_database()
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        svg = app.export_screenshot()
        assert "[bold]Evil[/]" in svg.replace("&#160;", " ")
        assert "[@click=app.quit]Jo[/]" in svg.replace("&#160;", " ")
        assert "\x1b" not in svg and "\x07" not in svg
        app.screen.query_one(PersonCardView).focus()
        await pilot.pause()
        assert app.is_running


async def test_tick_space_toggles_and_plus_minus_move_the_due_date(db_path):
    seeded(db_path)
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        checklist = app.screen.query_one(Checklist)
        checklist.focus()
        await pilot.pause()
        ident = checklist.selected_action_id
        before = next(a for a in app.screen.detail.actions if a.id == ident)
        await pilot.press("plus", "plus", "minus")
        await pilot.pause()
        moved = next(a for a in app.screen.detail.actions if a.id == ident)
        assert (moved.due - before.due).days == 1 and moved.moved
        assert checklist.selected_action_id == ident  # the highlight stays on the item
        await pilot.press("space")
        await pilot.pause()
        assert next(a for a in app.screen.detail.actions if a.id == ident).state is State.DONE
        await pilot.press("space")
        await pilot.pause()
        assert next(a for a in app.screen.detail.actions if a.id == ident).state is State.OPEN


async def test_delete_asks_first_and_escape_keeps_everything(db_path):
    iid = seeded(db_path)
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.detail.id == iid
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.screen.query_one("#empty").display


async def test_status_change_pauses_the_follow_ups_keeps_the_thank_yous_and_encourages(db_path):
    seeded(db_path)
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        for _ in range(3):  # active -> offer -> accepted -> rejected
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen.detail
        assert detail.status is Status.REJECTED
        thanks = [a for a in detail.actions if a.kind in (Kind.THANK_YOU_EMAIL, Kind.THANK_YOU_LETTER)]
        assert thanks and all(a.state is not State.CANCELLED for a in thanks)  # the method: never skip one
        others = [a for a in detail.actions if a.kind not in (Kind.CARD, Kind.THANK_YOU_EMAIL, Kind.THANK_YOU_LETTER)]
        assert others and {a.state for a in others} <= {State.CANCELLED, State.DONE}
        assert any("better job waiting" in message for message in notifications(app))


async def test_filter_narrows_the_list_by_interviewer_name(db_path):
    seeded(db_path)
    open_database(db_path)
    commands.add_interview(InterviewInput("Bluefin", date(2026, 11, 24)), date(2026, 11, 24))
    close_database()
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(InterviewList)
        assert table.row_count == 2
        await pilot.press("slash")
        await pilot.press(*"ana")  # typing in the filter does not trigger the a key
        await pilot.pause()
        assert table.row_count == 1 and app.screen.detail.company == "Acme Corp"
        await pilot.press("escape")
        await pilot.pause()
        assert table.row_count == 2


async def test_people_cycle_with_brackets(db_path):
    iid = seeded(db_path)
    open_database(db_path)
    commands.add_person(iid, PersonInput("Bo Chen"), date(2026, 11, 23))
    close_database()
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        card = app.screen.query_one(PersonCardView)
        assert card.current.name == "Ana Ruiz"
        await pilot.press("right_square_bracket")
        assert card.current.name == "Bo Chen"
        card.focus()
        await pilot.press("right")
        assert card.current.name == "Ana Ruiz"


async def test_custom_action_and_edit(db_path):
    seeded(db_path)
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await type_into(pilot, "#title", "Send the portfolio link")
        await type_into(pilot, "#due", "fri")
        await pilot.press("ctrl+s")
        await pilot.pause()
        custom = next(a for a in app.screen.detail.actions if a.kind is Kind.CUSTOM)
        assert (custom.label, custom.due) == ("Send the portfolio link", date(2026, 11, 27))
        assert app.screen.query_one(Checklist).selected_action_id == custom.id


async def test_help_lists_every_main_screen_key(db_path):
    from followup_tui.tui.screens.main import MainScreen

    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        lines = "\n".join(str(s.render()) for s in app.screen.query("Static")).splitlines()
        for binding in MainScreen.BINDINGS:  # each key, on the line that says what it does
            key = app.get_key_display(binding).split()[0] if binding.key_display else binding.key.split(",")[0]
            assert any(line.strip().startswith(key) and binding.tooltip in line for line in lines), binding.key
        for key in ("tab", "ctrl+p", "ctrl+s"):
            assert any(line.strip().startswith(key) for line in lines), key


async def test_command_palette_offers_the_screen_actions(db_path):
    seeded(db_path)
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        names = [command.title for command in app.get_system_commands(app.screen)]
        for wanted in (
            "Add an interview",
            "Capture a person's business card for this interview",
            "Tick or untick the selected action",
            "Set the interview's status",
            "Show every key",
        ):
            assert wanted in names
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"add an interview")
        await app.workers.wait_for_complete()  # the palette searches in a worker
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "InterviewForm"


async def test_second_copy_sees_a_tick_made_by_the_first(db_path):
    iid = seeded(db_path)
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        ident = app.screen.query_one(Checklist).selected_action_id
        # Another copy (another connection) ticks the item.
        import sqlite3

        with sqlite3.connect(db_path) as other:
            other.execute("UPDATE action SET state='done', done_on='2026-11-25' WHERE id=?", (ident,))
        app.screen.poll_other_copies()  # what the 2 s timer calls: no sleep against our own timer
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert next(a for a in app.screen.detail.actions if a.id == ident).state is State.DONE
        assert app.screen.detail.id == iid


async def test_phone_region_setting_is_kept_and_used(db_path):
    seeded(db_path)
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("comma")
        await pilot.pause()
        await type_into(pilot, "#region", "zz")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Not a region code" in str(app.screen.query_one("#region-msg").render())
        await type_into(pilot, "#region", "gb")
        await type_into(pilot, "#similarity", "70")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.phone_region == "GB"
        from followup_tui.store import writing_notes

        assert writing_notes.similarity_threshold() == 0.7
    again = FollowupApp(db_path)
    async with again.run_test(size=SIZE) as pilot:
        assert again.phone_region == "GB"
        await pilot.press("c")
        await pilot.pause()
        await type_into(pilot, "#name", "Helen Okafor")
        await type_into(pilot, "#phone", "020 7946 0321")
        await pilot.press("ctrl+s")
        await pilot.pause()
        helen = next(p for p in again.screen.detail.people if p.name == "Helen Okafor")
        assert helen.phone_e164 == "+442079460321"


async def test_a_long_checklist_scrolls_with_the_cursor_and_skips_headers(db_path):
    """Forty items: end reaches the last, home the first, and the highlighted item is on screen."""
    seeded(db_path)
    open_database(db_path)
    interview = queries.list_interviews()[0].id
    for n in range(40):
        commands.add_custom(interview, f"Extra task {n:02}", date(2026, 12, 1), None, "", date(2026, 11, 25))
    close_database()
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        main = app.screen
        main.focus_on((interview, 0, None))
        await pilot.pause()
        checklist = main.checklist
        await pilot.press("end")
        await pilot.pause()
        last = main.detail.actions[-1]
        assert checklist.selected_action_id == last.id and checklist.scroll_offset.y > 0
        assert any("Extra task" in line for line in _visible_lines(checklist))
        await pilot.press("home")
        await pilot.pause()
        assert checklist.scroll_offset.y == 0
        assert checklist.selected_action_id == checklist.entries[checklist.selectable[0]].action.id
        await pilot.press("k")  # already at the first item: a header above is never selected
        await pilot.pause()
        assert checklist.selected_action_id is not None


def _visible_lines(widget) -> list[str]:
    return [widget.render_line(y).text for y in range(widget.scrollable_content_region.height)]


async def test_a_filter_longer_than_its_box_scrolls_to_show_the_cursor(db_path):
    """The box repaints without re-laying-out the screen, and still keeps what is typed in view."""
    seeded(db_path)
    app = FollowupApp(db_path)
    from textual import events

    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        box = app.screen.query_one("#filter", Input)
        # Pasted up to the box's edge (a paste is one event), then typed on past it letter by letter.
        pasted = ("a filter as long as the box " * 10)[: box.content_region.width - 1]
        box.post_message(events.Paste(pasted))
        await pilot.pause()
        assert box.value == pasted and box.scroll_offset.x == 0
        typed = "typed on"
        await pilot.press(*["space" if ch == " " else ch for ch in typed])
        await pilot.pause()
        assert box.value == pasted + typed
        assert box.scroll_offset.x > 0  # the end of the text, where the cursor is, is on screen
        assert app.screen.query_one(InterviewList).row_count == 0
        await pilot.press("home")
        await pilot.pause()
        assert box.scroll_offset.x == 0


async def test_letters_typed_straight_after_slash_go_into_the_filter(db_path):
    """A fast typist's "/ana" arrives in one burst: none of it may reach the list's keys (e edits...)."""

    seeded(db_path)
    open_database(db_path)
    commands.add_interview(InterviewInput("Bluefin", date(2026, 11, 24)), date(2026, 11, 24))
    close_database()
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in ("slash", "e", "d", "a"):  # queued before any is handled
            send_key(app, key)
        await pilot.pause()
        assert app.screen.query_one("#filter", Input).value == "eda"
        assert len(app.screen_stack) == 1  # no edit form, no delete question


async def test_a_slash_typed_in_the_filter_is_just_a_slash(db_path):
    seeded(db_path)
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", "a", "slash", "b")
        await pilot.pause()
        assert app.screen.query_one("#filter", Input).value == "a/b"


async def test_the_poll_for_other_copies_ignores_this_copys_own_tick(db_path, monkeypatch):
    """Only another copy's writes make the list re-read everything (10,000 rows: a visible stall)."""
    seeded(db_path)
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        screen.query_one(Checklist).focus()
        await pilot.pause()
        full_reads = []
        real = queries.list_interviews
        monkeypatch.setattr(
            queries, "list_interviews", lambda ids=None, limit=None: full_reads.append(ids) or real(ids, limit)
        )
        await pilot.press("space")
        await pilot.pause()
        screen.poll_other_copies()
        assert None not in full_reads  # the tick re-read its own row only
        # another writer (the same process here; data_version and the write count both move)
        commands.add_interview(InterviewInput("Bluefin", date(2026, 11, 24)), date(2026, 11, 24))
        screen.poll_other_copies()
        assert None in full_reads and any(row.company == "Bluefin" for row in screen.rows)


async def test_moving_onto_an_interview_read_ahead_shows_it_as_it_is_now(db_path):
    """The interviews either side are read while the user reads; a write since then is never hidden."""
    seeded(db_path)
    open_database(db_path)
    second = commands.add_interview(InterviewInput("Bluefin", date(2026, 11, 24)), date(2026, 11, 24))
    close_database()
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        screen.interview_list.focus()
        await pilot.pause()
        neighbour = next(row.id for row in screen.rows if row.id != screen.detail.id)
        assert neighbour in screen.ahead  # read and drawn ahead, after the first paint
        commands.add_custom(neighbour, "Send the portfolio link", date(2026, 11, 26), None, "", date(2026, 11, 25))
        await pilot.press("j" if screen.rows[0].id == screen.detail.id else "k")
        await pilot.pause()
        assert screen.detail.id == neighbour
        assert any(a.title == "Send the portfolio link" for a in screen.detail.actions)
        assert any("Send the portfolio link" in text for text in screen.checklist.option_texts())
        assert second in {row.id for row in screen.rows}


async def test_the_footer_is_rebuilt_only_when_its_keys_change(db_path):
    """A bindings refresh that shows the same keys keeps the footer as it is (a rebuild re-lays-out
    the screen); one that changes them rebuilds it."""
    seeded(db_path)
    app = FollowupApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = footer_keys(app.screen)
        app.screen.refresh_bindings()
        await pilot.pause()
        assert footer_keys(app.screen) == before  # the same widgets: not recomposed
        await pilot.press("slash")  # the filter box has the focus: the footer shows other keys
        await pilot.pause()
        assert footer_keys(app.screen) != before
