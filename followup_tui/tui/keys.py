"""Key tables for help, built from the bindings themselves."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import App
from textual.binding import Binding

Section = tuple[str, list[tuple[str, str]]]


def binding_rows(app: App, bindings: Iterable[Binding]) -> list[tuple[str, str]]:
    """(keys, what they do) for each binding, merging keys bound to the same action."""
    rows: dict[str, tuple[list[str], str]] = {}
    for binding in bindings:
        for key in binding.key.split(","):
            shown = app.get_key_display(Binding(key.strip(), binding.action, key_display=binding.key_display))
            keys, _ = rows.setdefault(binding.action, ([], binding.tooltip or binding.description))
            if shown not in keys:
                keys.append(shown)
    return [(" ".join(keys), text) for keys, text in rows.values()]
