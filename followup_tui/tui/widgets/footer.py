"""The footer: the keys that fit the terminal's width, rebuilt only when the keys it shows change."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

# Cells a key takes besides its key and label (Textual's FooterKey styles): a space either side
# of the key and one after the label; compact, one space between them and one after.
ROOMY_EXTRA, COMPACT_EXTRA = 3, 2
# The palette key (docked right, always compact): "^p palette", its border and its margin.
PALETTE = 12
DEFAULT_FIRST = ("help", "app.quit")


class FooterItem(NamedTuple):
    """One key as the footer shows it."""

    key: str
    display: str
    label: str
    action: str
    enabled: bool
    tooltip: str

    def cells(self, compact: bool) -> int:
        return cell_len(self.display) + cell_len(self.label) + (COMPACT_EXTRA if compact else ROOMY_EXTRA)


def fit(items: Sequence[FooterItem], first: Iterable[str], width: int) -> tuple[tuple[FooterItem, ...], bool]:
    """The keys to show in `width` cells and whether compact: all of them, roomy, when they fit;
    otherwise compact, the actions named in `first` claiming space before the rest, shown in their
    own order. The keys left out stay in help (?) and the palette (ctrl+p)."""
    if sum(item.cells(False) for item in items) + PALETTE <= width:
        return tuple(items), False
    rank = {action: n for n, action in enumerate(first)}
    room, chosen = width - PALETTE, set()
    for item in sorted(items, key=lambda item: rank.get(item.action, len(rank))):
        if item.cells(True) <= room:
            chosen.add(item)
            room -= item.cells(True)
    return tuple(item for item in items if item in chosen), True


def shown_keys(screen: Screen) -> tuple[FooterItem, ...]:
    """Every key a footer on `screen` could show (one per action), in the screen's order."""
    items: dict[str, FooterItem] = {}
    for _, binding, enabled, tooltip in screen.active_bindings.values():
        if binding.show and binding.action not in items:
            display = screen.app.get_key_display(binding)
            items[binding.action] = FooterItem(
                binding.key, display, binding.description, binding.action, enabled, tooltip
            )
    return tuple(items.values())


class KeyFooter(Footer):
    """Textual's Footer, showing what fits and rebuilt only when that changes.

    At 80 columns every key of the main screen does not fit (Textual's footer cut it to "d De"
    and hid / t ? q): a screen names the actions that come first in FOOTER_FIRST.

    Textual's Footer recomposes whenever bindings *might* have changed: a screen coming back, a
    focus change, a refresh_bindings call. Each recompose re-lays-out the screen; returning to the
    daily review cost three of them (about 60 ms) to show the keys it already showed."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple | None = None

    def _choice(self, screen: Screen) -> tuple[tuple[FooterItem, ...], bool]:
        first = getattr(screen, "FOOTER_FIRST", DEFAULT_FIRST)
        return fit(shown_keys(screen), first, self.app.size.width)

    def bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen and screen.app.app_focus:
            choice = self._choice(screen)
            if choice == self._shown:
                return
            self._shown = choice
        super().bindings_changed(screen)

    def on_resize(self, event: events.Resize) -> None:
        if self._bindings_ready and self._choice(self.screen) != self._shown:
            self._shown = None
            self.bindings_changed(self.screen)

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        items, compact = self._choice(self.screen)
        self.compact = compact
        for item in items:
            yield FooterKey(
                item.key, item.display, item.label, item.action, disabled=not item.enabled, tooltip=item.tooltip
            ).data_bind(compact=Footer.compact)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
            if palette is not None:
                _, binding, enabled, tooltip = palette
                yield FooterKey(
                    binding.key,
                    self.app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    classes="-command-palette",
                    disabled=not enabled,
                    tooltip=binding.tooltip or binding.description,
                )
