"""The footer, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


def shown_keys(screen: Screen) -> tuple:
    """What a footer on `screen` would show: each visible binding's key, label and whether it is enabled."""
    return tuple(
        (binding.key, binding.description, enabled, tooltip)
        for _, binding, enabled, tooltip in screen.active_bindings.values()
        if binding.show
    )


class KeyFooter(Footer):
    """Textual's Footer, minus the rebuilds that would show the same keys.

    Textual's Footer recomposes whenever bindings *might* have changed: a screen coming back, a
    focus change, a refresh_bindings call. Each recompose re-lays-out the screen; returning to the
    daily review cost three of them (about 60 ms) to show the keys it already showed."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._keys: tuple | None = None

    def bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen and screen.app.app_focus:
            keys = shown_keys(screen)
            if keys == self._keys:
                return
            self._keys = keys
        super().bindings_changed(screen)
