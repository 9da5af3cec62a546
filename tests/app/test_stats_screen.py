"""The stats screen on yesterday's database (made by an earlier process): g on the main screen or the
palette opens it; the figures per interview and overall; the plot of follow-ups per week, and n for
the numbers behind it; readable at 80x24."""

from __future__ import annotations

from onscreen import screen_lines
from textual.widgets import DataTable, Static
from textual_plotext import PlotextPlot

from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.main import MainScreen
from followup_tui.tui.screens.review import ReviewScreen
from followup_tui.tui.screens.stats import StatsScreen


async def open_stats(pilot, *keys: str) -> StatsScreen:
    await pilot.pause()  # the app opens on the review when something is due
    if isinstance(pilot.app.screen, ReviewScreen):
        await pilot.press("t")
        await pilot.pause()
    assert isinstance(pilot.app.screen, MainScreen)
    await pilot.press(*keys)
    await pilot.pause()
    assert isinstance(pilot.app.screen, StatsScreen), type(pilot.app.screen).__name__
    return pilot.app.screen


def table_rows(screen: StatsScreen) -> list[list[str]]:
    table = screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(index)] for index in range(table.row_count)]


async def test_the_stats_show_each_interviews_figures_under_the_overall_row(yesterday_db):
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_stats(pilot, "g")
        rows = table_rows(screen)
        assert rows[0] == ["All interviews", "4/5", "2/2", "1/2", "–", "0/0/0", "1 offer"]
        north = next(row for row in rows if row[0].startswith("Northwind Analytics"))
        assert north[1:] == ["2/2", "1/1", "0/1", "–", "0/0/0", "active"]
        meridian = next(row for row in rows if row[0].startswith("Meridian Energy"))
        assert meridian[1] == "0/1"  # Grace Kim's thank-you was never sent
        assert not any(row[0].startswith("Quill Health") for row in rows)  # next week's interview
        summary = str(screen.query_one("#stats-summary", Static).render())
        assert "Interviews held 4 active · 1 offer · 1 rejected · 1 filled" in summary
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_n_shows_the_numbers_behind_the_plot_and_n_again_the_plot(yesterday_db):
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_stats(pilot, "g")
        plot, numbers = screen.query_one(PlotextPlot), screen.query_one("#stats-numbers", Static)
        assert plot.display and not numbers.display
        axis = "\n".join(screen_lines(app))
        assert "9 Nov" in axis and "23 Nov" in axis  # the plot names every other week, up to this one
        await pilot.press("n")
        await pilot.pause()
        assert numbers.display and not plot.display
        shown = "\n".join(screen_lines(app))
        # Lumen's thank-you; Cedar's; Northwind's two thank-yous and call with Cedar's letter; this week.
        for week, count in (("2 Nov", 1), ("9 Nov", 2), ("16 Nov", 4), ("23 Nov", 0), ("7 Sep", 0)):
            assert f"week of {week:<6} {count:>3}" in shown, week
        assert "the numbers" in str(screen.query_one("#stats-weeks").border_title)
        await pilot.press("n")
        await pilot.pause()
        assert plot.display and not numbers.display


async def test_the_palette_opens_the_stats_by_name(yesterday_db):
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_stats(pilot, "ctrl+p", *"stats", "enter")


async def test_the_stats_are_readable_at_80_by_24(yesterday_db):
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_stats(pilot, "g")
        lines = screen_lines(app)
        table = screen.query_one(DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width  # no sideways scrolling
        overall = next(line for line in lines if "All interviews" in line)
        assert "4/5" in overall and "1 offer" in overall  # the whole row, its last column included
        plot = screen.query_one(PlotextPlot)
        assert plot.size.height >= 8 and plot.size.width >= 70
        assert any("23 Nov" in line for line in lines)  # this week is named on the axis
        assert "Numbers" in lines[-1]  # the toggle is in the footer
        await pilot.press("n")
        await pilot.pause()
        shown = screen_lines(app)
        assert any("week of 16 Nov   4" in line for line in shown)
        assert any("week of 7 Sep" in line for line in shown) and any("week of 23 Nov" in line for line in shown)
