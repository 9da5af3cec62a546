"""What a person sees on yesterday's database, read off the screen: at 80x24, at 200x50, in both
themes. Each test reads the characters (and, for styles, the cells) the terminal would show."""

from __future__ import annotations

import pytest
from onscreen import screen_strips
from rich.color import Color
from textual.widget import Widget

from followup_tui.kinds import State
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.help import HelpScreen
from followup_tui.tui.screens.history import HistoryScreen
from followup_tui.tui.screens.main import MainScreen
from followup_tui.tui.screens.review import ReviewScreen
from followup_tui.tui.screens.small_forms import DayForm
from followup_tui.tui.screens.vcard_files import ExportForm, ImportForm
from followup_tui.tui.widgets.checklist import Checklist
from followup_tui.tui.widgets.person_card import PersonCardView
from followup_tui.tui.widgets.review_list import ReviewList

SMALL = (80, 24)
LARGE = (200, 50)


def screen_lines(app) -> list[str]:
    return [strip.text for strip in screen_strips(app)]


def widget_lines(app, widget: Widget, within: Widget | None = None) -> list[str]:
    """The lines a widget shows inside its border and padding, as on screen (and inside `within`,
    which clips it)."""
    region = widget.content_region
    if within is not None:
        region = region.intersection(within.content_region)
    return [line[region.x : region.right] for line in screen_lines(app)[region.y : region.bottom]]


def footer_line(app) -> str:
    return screen_lines(app)[-1]


async def main_screen(pilot) -> None:
    """Yesterday's database has items due: the app opens on the review; escape goes to the interviews."""
    await pilot.pause()
    if isinstance(pilot.app.screen, ReviewScreen):
        await pilot.press("escape")
        await pilot.pause()
    assert isinstance(pilot.app.screen, MainScreen)


# ---- done items in the review ---------------------------------------------------------------


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_a_done_item_in_the_review_is_struck_through_and_dimmed(yesterday_db, theme):
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = theme
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        review = app.screen.query_one(ReviewList)
        item, other, elsewhere = [i for i in app.screen.items.values() if not i.is_call and i.state is State.OPEN][:3]
        review.select_id(item.id)
        await pilot.press("space")
        await pilot.pause()
        review.select_id(elsewhere.id)  # the cursor off both rows compared: each as it usually looks
        await pilot.pause()
        assert app.screen.items[item.id].state is State.DONE

        def cells(what: str, box: str):
            """The styled cells of the wording of the first row that starts with `box` and names `what`."""
            for strip in screen_strips(app):
                text = strip.text
                if f"{box} {what}" in text:
                    start = text.index(what)
                    cut = strip.crop(start, start + len(what))
                    return [segment.style for segment in cut if segment.text.strip()]
            raise AssertionError(f"no row {box} {what} on screen")

        done = cells(item.what, "[x]")
        open_ = cells(other.what, "[ ]")
        assert done and all(style.strike for style in done)
        background = Color.parse(app.theme_variables["surface"]).get_truecolor()
        normal = open_[0].color.get_truecolor()
        dimmed = done[0].color.get_truecolor()

        def contrast(colour) -> int:
            return sum(abs(a - b) for a, b in zip(colour, background, strict=True))

        assert contrast(dimmed) < contrast(normal), "the done item is as bright as the open ones"
        assert contrast(dimmed) > 150, "the done item is too faint to read"
        review.select_id(item.id)  # under the cursor: still struck through, in the cursor's text colour
        await pilot.pause()
        highlighted = cells(item.what, "[x]")
        assert all(style.strike for style in highlighted)
        assert highlighted[0].color != done[0].color


# ---- 80 columns -----------------------------------------------------------------------------


async def test_at_80_columns_the_main_footer_keeps_filter_today_help_and_quit(yesterday_db):
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SMALL) as pilot:
        await main_screen(pilot)
        footer = footer_line(app)
        for key, label in (("/", "Filter"), ("t", "Today"), ("?", "Help"), ("q", "Quit")):
            assert f"{key} {label}" in footer, footer
        assert "palette" in footer  # the way to every other key


async def test_at_80_columns_the_review_footer_keeps_done_back_help_and_quit(yesterday_db):
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        footer = footer_line(app)
        for key, label in (("space", "Done"), ("z", "Snooze"), ("t", "Back"), ("?", "Help"), ("q", "Quit")):
            assert f"{key} {label}" in footer, footer


async def test_the_footer_shows_every_key_again_when_the_terminal_widens(yesterday_db):
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SMALL) as pilot:
        await main_screen(pilot)
        assert "d Delete" not in footer_line(app)
        await pilot.resize_terminal(*LARGE)
        await pilot.pause()
        footer = footer_line(app)
        for label in ("a Add", "c Card", "space Tick", "w Write", "d Delete", "/ Filter", "t Today", "q Quit"):
            assert label in footer, footer


async def test_at_80_columns_the_reschedule_dialog_shows_its_whole_label(yesterday_db):
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        item = next(i for i in app.screen.items.values() if i.state is State.OPEN)
        app.screen.query_one(ReviewList).select_id(item.id)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, DayForm)
        lines = screen_lines(app)
        assert any(f"New date for {item.what}" in line for line in lines), "\n".join(lines)


async def test_at_80_columns_wrapped_checklist_lines_hang_under_the_text(yesterday_db):
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SMALL) as pilot:
        await main_screen(pilot)
        screen = app.screen
        checklist = screen.query_one(Checklist)
        people = {person.name for person in screen.detail.people} | {"General"}
        lines = [line.rstrip() for line in widget_lines(app, checklist)]
        assert any(line.startswith("    ") for line in lines)
        for line in lines:  # a person's name, an item's first line, or indented under the item
            body = line.rstrip("▁▂▃▄▅▆▇█ ")  # the scrollbar at the right edge
            if not body or body.startswith("[") or body in people:
                continue
            assert body.startswith("    "), f"a wrapped line starts at column 0: {body!r}"
        # The card pane wraps under its labels too ("Topic     — (the thank-you / should name one)").
        card = [line.rstrip() for line in widget_lines(app, screen.query_one(PersonCardView))]
        topic = next(n for n, line in enumerate(card) if line.startswith("Topic"))
        assert card[topic + 1].startswith(" " * 10), card
        # A word wider than the room beside the label gives up some indent rather than being cut.
        await pilot.press("j")
        await pilot.pause()
        emails = [person.email for person in screen.detail.people if len(person.email) > 22]
        assert emails, "no long email address in yesterday's database: the check below shows nothing"
        for _ in screen.detail.people:
            shown = "\n".join(widget_lines(app, screen.query_one(PersonCardView)))
            assert screen.query_one(PersonCardView).current.email in shown
            screen.query_one(PersonCardView).action_step(1)
            await pilot.pause()


async def test_at_80_columns_wrapped_help_lines_hang_under_the_description(yesterday_db):
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SMALL) as pilot:
        await main_screen(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        scroller = app.screen.query_one("VerticalScroll")
        lines = [line.rstrip() for line in widget_lines(app, scroller, within=app.screen.query_one(".dialog"))]
        titles = {title for title, _ in app.screen.sections}
        description_column = next(line.index("Add") for line in lines if line.startswith("  a "))
        continued = 0
        for line in lines:
            body = line.rstrip("▁▂▃▄▅▆▇█ ")  # the scrollbar at the right edge
            if not body or body in titles or body.startswith("  ") and body[2] != " ":
                continue
            assert body.startswith(" " * description_column), f"a wrapped help line starts at column 0: {body!r}"
            continued += 1
        assert continued, "nothing wrapped at 80 columns: the test no longer shows anything"


async def test_at_200_columns_the_interview_list_spreads_its_columns(yesterday_db):
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=LARGE) as pilot:
        await main_screen(pilot)
        box = app.screen.query_one("#list-box")
        lines = [line.rstrip() for line in widget_lines(app, box)]
        header, first = lines[0], lines[1]
        width = box.content_region.width
        assert header.index("When") >= 40, header  # 26 cells for company and role at 120 columns
        assert header.index("Next action") > width // 2, header
        row = app.screen.rows[0]
        assert first.index(row.day.strftime("%a")) == header.index("When")  # rows line up under the titles


# ---- the palette ----------------------------------------------------------------------------


async def test_the_palette_runs_the_command_named_exactly(yesterday_db):
    """Each name typed whole or in part, in one session (the palette starts afresh each time it opens)."""
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await main_screen(pilot)
        main = app.screen
        for typed, opens in (("export", ExportForm), ("import", ImportForm), ("exp", ExportForm), ("imp", ImportForm)):
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*typed)
            await app.workers.wait_for_complete()  # the palette searches in a worker
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, opens), (typed, type(app.screen).__name__)
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is main, typed


# ---- one meaning per key --------------------------------------------------------------------


async def test_h_in_the_card_pane_shows_the_history_and_arrows_change_the_person(yesterday_db):
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await main_screen(pilot)
        screen = app.screen
        card = screen.query_one(PersonCardView)
        while len(screen.detail.people) < 2:  # an interview with two people or more
            await pilot.press("j")
            await pilot.pause()
        card.focus()
        await pilot.pause()
        shown = card.current
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen), "h in the card pane did something else"
        assert app.screen.person == shown.name
        await pilot.press("escape")
        await pilot.pause()
        assert card.current == shown
        for key in ("right", "left", "right_square_bracket", "left_square_bracket"):
            before = card.current
            await pilot.press(key)
            await pilot.pause()
            assert card.current != before, key
