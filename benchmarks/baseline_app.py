"""The bare Textual app the benchmarks compare against: the same three panes, empty, no database."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header, OptionList, Static


class BaselineApp(App):
    """Header, a list on the left, a card and a checklist on the right, a footer."""

    CSS = """
    #left { width: 56%; border: round $panel-lighten-2; }
    #right { width: 1fr; }
    #card { height: 12; border: round $panel-lighten-2; }
    #checklist { height: 1fr; border: round $panel-lighten-2; }
    """

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield OptionList(id="left")
            with Vertical(id="right"):
                yield Static(id="card")
                yield OptionList(id="checklist")
        yield Footer()


if __name__ == "__main__":
    BaselineApp().run()
