"""Cleaning of user text: it is data, never markup or terminal codes."""

from __future__ import annotations

import unicodedata

_LINE_BREAKS = "\r\n\u2028\u2029\x0b\x0c\x85"


def _keep(ch: str, multiline: bool) -> bool:
    category = unicodedata.category(ch)
    if category == "Cc":
        return multiline and ch in "\n\t"
    # Cf holds the bidi overrides (U+202A-E, U+2066-9) and other invisible format marks.
    return category != "Cf"


def clean_text(value: str) -> str:
    """Multi-line text without control, escape or invisible format characters."""
    if value.replace("\n", "").replace("\t", "").isprintable():
        # The usual case, at C speed: nothing to remove (isprintable is False for Cc, Cf and breaks).
        return "\n".join(line.rstrip() for line in value.strip("\n").split("\n")).strip()
    value = value.replace("\r\n", "\n")
    value = "".join("\n" if ch in _LINE_BREAKS else ch for ch in value)
    cleaned = "".join(ch for ch in value if _keep(ch, multiline=True))
    return "\n".join(line.rstrip() for line in cleaned.strip("\n").split("\n")).strip()


def clean_line(value: str) -> str:
    """One line of text: line breaks and tabs become spaces, codes are removed."""
    if value.isprintable():
        return " ".join(value.split())  # the usual case, at C speed
    value = "".join(" " if ch in _LINE_BREAKS or ch == "\t" else ch for ch in value)
    return " ".join("".join(ch for ch in value if _keep(ch, multiline=False)).split())
