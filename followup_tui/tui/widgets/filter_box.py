"""The filter box above the interview list."""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.signal import Signal
from textual.widgets import Input


class FilterBox(Input):
    """An Input that announces each edit at once, through a signal.

    Input.Changed is a message: the box painted the typed letter in one frame and the filtered list
    followed a frame or two later. A subscriber called at once (immediate=True) filters the list in
    the same frame as the letter appears."""

    # Input sets its virtual size to the text's width on every edit; the inherited reactive asks for
    # a layout of the whole screen each time (10 ms, and the list's scrollbar drawn a frame later).
    # The box has a fixed size and scrolls its text itself: a repaint is all an edit needs.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.edited: Signal[str] = Signal(self, "edited")

    def watch_value(self, value: str) -> None:
        self.edited.publish(value)
