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

import re

# Everything `clean` removes: Cc but newline and tab, Cf but the emoji glue (U+200C, U+200D and the tag
# characters U+E0020-7F), Cs. Spelled out, as Unicode 14 (Python 3.11) has them, so that cleaning is one
# pass of the regular-expression engine: a 100,000-character row cleaned a character at a time in
# Python froze the app for seconds. tests/unit/test_text.py checks it against unicodedata.
_DROP = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b"
    "\u200e-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ud800-\udfff\ufeff\ufff9-\ufffb\U000110bd"
    "\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001]"
)
# Whole terminal escape sequences (ECMA-48), removed before the control characters: removing only ESC
# and BEL left the payload as text ("Ana\x1b]0;pwned\x07 Silva" became "Ana]0;pwned Silva").
# CSI (ESC [ or U+009B, parameters, one final byte); OSC, DCS, SOS, PM and APC strings up to their
# terminator (BEL, ESC \\ or U+009C), or to the end of the text when it has none; other two-byte ESC codes.
_ESCAPE = re.compile(
    "(?:\x1b\\[|\x9b)[0-?]*[ -/]*[@-~]?"
    "|(?:\x1b[\\]P^_X]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\\\|\x9c)?"
    "|\x1b[ -/]*[0-~]"
)
_BREAK = re.compile("\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_BREAK_OR_TAB = re.compile("\r\n?|[\u2028\u2029\x0b\x0c\x85\n\t]")
_EMOJI_GLUE = frozenset("\u200c\u200d")
# What is stored is cut here when it did not come through a form (which refuses more than
# validate.TEXT_LIMIT with a message): an import or another program's 10 MB note must not make every
# pane lay out 10 million cells.
MAX_STORED = 100_000
# The same for a one-line field (a company, a name): the forms allow validate.LINE_LIMIT.
MAX_STORED_LINE = 1_000
# What a pane or a dialog shows of a note or an address (the forms allow validate.TEXT_LIMIT, so what
# was typed shows whole): wrapping one 100,000-character word took Rich seconds, per item, per pane.
MAX_SHOWN = 5_000
ELLIPSIS = "…"


def _without_codes(value: str) -> str:
    return _DROP.sub("", _BREAK.sub("\n", _ESCAPE.sub("", value)))


def clean(value: str, limit: int = MAX_STORED) -> str:
    """`value` without control and format codes, as it was otherwise (spaces and blank lines kept), cut
    to `limit` characters; what the store reads and writes goes through this."""
    if not value.replace("\n", "").replace("\t", "").isprintable():
        value = _without_codes(value)
    return clip(value, limit)


def clip(value: str, limit: int) -> str:
    """`value` cut to at most `limit` characters, the cut marked with an ellipsis."""
    return value if len(value) <= limit else value[: limit - 1] + ELLIPSIS


def clean_text(value: str) -> str:
    """Multi-line text without control, escape or invisible format characters, trimmed (for a form)."""
    if not value.replace("\n", "").replace("\t", "").isprintable():
        value = _without_codes(value)
    # The usual case costs a few C-speed passes: nothing to remove (isprintable is False for Cc, Cf, breaks).
    return "\n".join(line.rstrip() for line in value.strip("\n").split("\n")).strip()


def clean_line(value: str) -> str:
    """One line of text: line breaks and tabs become spaces, runs of spaces one, codes are removed; at
    most MAX_STORED_LINE characters (a form refuses more than validate.LINE_LIMIT before that)."""
    if not value.isprintable():
        value = _DROP.sub("", _BREAK_OR_TAB.sub(" ", _ESCAPE.sub("", value)))
    return clip(" ".join(value.split()), MAX_STORED_LINE)


# A name or a company in a dialog's title or a heading: one of 300 characters (an import, another
# program) wrapped over five lines and pushed the dialog's keys off an 80x24 screen.
TITLE_PART = 50  # "Status of " and 50 fit the narrowest dialog's line (66 cells)


def title_part(value: str, limit: int = TITLE_PART) -> str:
    """User text for a title or a heading: one clean line, cut with an ellipsis at `limit` characters."""
    return clip(clean_line(value), limit)


def clean_shown(value: str) -> str:
    """Multi-line text as a pane or a dialog shows it: cleaned, trimmed, at most MAX_SHOWN characters."""
    return clip(clean_text(value), MAX_SHOWN)


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
