"""Cleaning of user text: it is data, never markup or terminal codes.

Text reaches us from forms, pasted cards, .vcf and .json files, and rows another program (or an older
followup) wrote. A terminal obeys what it receives: ESC ] 0 sets its title, ESC ] 52 writes the
clipboard, ESC [ 2 J clears the screen, U+202E shows "moc.live" for "evil.com". Textual and Rich strip
only a few of these, so text is cleaned where it comes in (validate, the store's fields) and where it goes
out (the store's connections, the widgets, the shell).

What goes: every C0/C1 control (category Cc) except newline and tab; the invisible format characters
(category Cf), which include the bidi embeddings, overrides and isolates (U+202A-E, U+2066-9), the bidi
marks U+200E/F and U+061C (a terminal has no bidi algorithm to give them a use: they only make two
equal-looking names differ) and the byte order mark; lone surrogates (a JSON file can hold "\\ud800",
which no terminal encoding can write). Line breaks (CR, CRLF, U+2028/9, VT, FF, NEL) become newlines.
What stays: the zero-width joiner and non-joiner (U+200D, U+200C) and the tag characters (U+E0020-7F)
that emoji sequences and subdivision flags are made of; variation selectors and skin tones are not
format characters and stay anyway.
"""

from __future__ import annotations

import unicodedata

_LINE_BREAKS = "\r\n\u2028\u2029\x0b\x0c\x85"
_EMOJI_GLUE = frozenset("\u200c\u200d")
_TAGS = range(0xE0020, 0xE0080)
# What is stored is cut here when it did not come through a form (which refuses more than
# validate.TEXT_LIMIT with a message): an import or another program's 10 MB note must not make every
# pane lay out 10 million cells. Measured: 100,000 characters in a row still draw at once.
MAX_STORED = 100_000
# The same for a one-line field (a company, a name): the forms allow validate.LINE_LIMIT.
MAX_STORED_LINE = 1_000
ELLIPSIS = "…"


def _keep(ch: str, multiline: bool) -> bool:
    category = unicodedata.category(ch)
    if category == "Cc":
        return multiline and ch in "\n\t"
    if category == "Cf":
        return ch in _EMOJI_GLUE or ord(ch) in _TAGS
    return category != "Cs"


def _unbroken(value: str) -> str:
    value = value.replace("\r\n", "\n")
    return "".join("\n" if ch in _LINE_BREAKS else ch for ch in value)


def clean(value: str, limit: int = MAX_STORED) -> str:
    """`value` without control and format codes, as it was otherwise (spaces and blank lines kept), cut
    to `limit` characters; what the store reads and writes goes through this."""
    if not value.replace("\n", "").replace("\t", "").isprintable():
        value = "".join(ch for ch in _unbroken(value) if _keep(ch, multiline=True))
    return clip(value, limit)


def clip(value: str, limit: int) -> str:
    """`value` cut to at most `limit` characters, the cut marked with an ellipsis."""
    return value if len(value) <= limit else value[: limit - 1] + ELLIPSIS


def clean_text(value: str) -> str:
    """Multi-line text without control, escape or invisible format characters, trimmed (for a form)."""
    if value.replace("\n", "").replace("\t", "").isprintable():
        # The usual case, at C speed: nothing to remove (isprintable is False for Cc, Cf and breaks).
        return "\n".join(line.rstrip() for line in value.strip("\n").split("\n")).strip()
    cleaned = "".join(ch for ch in _unbroken(value) if _keep(ch, multiline=True))
    return "\n".join(line.rstrip() for line in cleaned.strip("\n").split("\n")).strip()


def clean_line(value: str) -> str:
    """One line of text: line breaks and tabs become spaces, runs of spaces one, codes are removed."""
    if value.isprintable():
        return " ".join(value.split())  # the usual case, at C speed
    value = "".join(" " if ch in _LINE_BREAKS or ch == "\t" else ch for ch in value)
    return " ".join("".join(ch for ch in value if _keep(ch, multiline=False)).split())


def _escape(ch: str) -> str:
    code = ord(ch)
    if code > 0xFFFF:  # JSON spells a character beyond the BMP as its surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def json_visible(dumped: str) -> str:
    """JSON text (from json.dumps with ensure_ascii=False) with every control, format and bidi character
    spelled as a \\u escape, so it reads the same and shows safely in a terminal; emoji stay as they are.

    json.dumps escapes only U+0000-U+001F; these characters can only occur inside JSON strings, where
    an escape means the same character."""
    if dumped.isprintable():
        return dumped
    return "".join(ch if ch.isprintable() or ch in " \n" or ch in _EMOJI_GLUE else _escape(ch) for ch in dumped)
