"""Two thank-yous side by side, with the passages they share marked, so one can be varied."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from followup_tui.text import MAX_SHOWN, clean_line, clean_text, clip
from followup_tui.writing.checks import shared_passages, similarity


def marked(text: str, passages: list[str]) -> Content:
    """The text with the shared passages highlighted."""
    content = Content(clean_text(text))
    plain = content.plain
    for passage in passages:
        words = passage.split()
        start = 0
        while True:
            index = _find_words(plain, words, start)
            if index is None:
                break
            begin, end = index
            content = content.stylize("reverse $warning", begin, end)
            start = end
    return content


def _find_words(text: str, words: list[str], start: int) -> tuple[int, int] | None:
    """Where the run of words occurs in text (any whitespace between), from `start`."""
    import re

    pattern = r"\s+".join(re.escape(w) for w in words)
    match = re.compile(pattern, re.IGNORECASE).search(text, start)
    return (match.start(), match.end()) if match else None


class CompareScreen(ModalScreen[None]):
    """This note and the most similar note to a colleague; escape closes."""

    BINDINGS = [Binding("escape,ctrl+b", "dismiss", "Close")]

    def __init__(self, mine_to: str, mine: str, other_to: str, other: str) -> None:
        super().__init__()
        # A note is a page: what is longer (rows another program wrote) is compared on its first 5,000
        # characters, so marking the shared passages stays quick.
        mine, other = clip(mine, MAX_SHOWN), clip(other, MAX_SHOWN)
        self.mine_to, self.mine, self.other_to, self.other = mine_to, mine, other_to, other

    def compose(self) -> ComposeResult:
        passages = shared_passages(self.mine, self.other)
        score = similarity(self.mine, self.other)
        with Vertical(classes="dialog compare"):
            yield Label(
                Content.assemble(
                    ("Variation: ", "bold $accent"),
                    f"{score:.0%} alike · ",
                    (f"{len(passages)} shared passage{'s' if len(passages) != 1 else ''} marked", "reverse $warning"),
                ),
                classes="dialog-title",
            )
            with Horizontal(classes="compare-panes"):
                for who, text in ((self.mine_to, self.mine), (self.other_to, self.other)):
                    with VerticalScroll(classes="compare-pane") as pane:
                        pane.border_title = Content(f"to {clean_line(who)}")
                        yield Static(marked(text, passages))
            yield Label("escape back to the draft: vary the marked passages in one of them", classes="dialog-keys")
