"""Key tables for help, built from the bindings themselves."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import App
from textual.binding import Binding, BindingType

Section = tuple[str, list[tuple[str, str]]]


def binding_rows(app: App[Any], bindings: Iterable[BindingType]) -> list[tuple[str, str]]:
    """(keys, what they do) for each binding, merging keys bound to the same action."""
    rows: dict[str, tuple[list[str], str]] = {}
    for binding in bindings:
        if isinstance(binding, tuple):  # BINDINGS may hold (key, action[, description]) as Textual does
            binding = Binding(*binding)
        for key in binding.key.split(","):
            shown = app.get_key_display(Binding(key.strip(), binding.action, key_display=binding.key_display))
            keys, _ = rows.setdefault(binding.action, ([], binding.tooltip or binding.description))
            if shown not in keys:
                keys.append(shown)
    return [(" ".join(keys), text) for keys, text in rows.values()]
