"""What cleaning keeps and removes: control codes never, emoji always whole."""

from __future__ import annotations

import json
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from followup_tui.text import (
    ELLIPSIS,
    MAX_STORED,
    MAX_STORED_LINE,
    clean,
    clean_line,
    clean_text,
    clip,
    json_visible,
)

# Emoji that are several code points: ZWJ sequences, a skin tone, a keycap, a subdivision flag (tags).
EMOJI = [
    "👩\u200d💻",
    "👨\u200d👩\u200d👧\u200d👦",
    "🧑🏽\u200d🚀",
    "🏳\ufe0f\u200d🌈",
    "❤\ufe0f",
    "☺\ufe0e",
    "1\ufe0f\u20e3",
    "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",
]
HOSTILE = "\x1b]0;title\x07\x1b]52;c;aGk=\x1b\\\x1bP+q\x1b\\\x1b[2J\x1b[31m\u202e\u2066\u200e\x00\x9b\ufeff\ud800"
FORBIDDEN = (
    set("\u061c\u200e\u200f\ufeff") | {chr(c) for c in range(0x202A, 0x202F)} | {chr(c) for c in range(0x2066, 0x206A)}
)


def _bad(ch: str, allowed: str) -> bool:
    category = unicodedata.category(ch)
    return (category == "Cc" and ch not in allowed) or category == "Cs" or ch in FORBIDDEN


def test_emoji_sequences_are_kept_whole():
    for emoji in EMOJI:
        assert clean(emoji) == emoji
        assert clean_text(f"Thanks {emoji}") == f"Thanks {emoji}"
        assert clean_line(f"Ana {emoji} Ruiz") == f"Ana {emoji} Ruiz"


def test_terminal_codes_go_and_the_words_stay():
    # Whole sequences go, payloads too (a title, a clipboard write, a DCS, a clear screen, a colour).
    assert clean(f"Acme{HOSTILE} Ltd") == "Acme Ltd"


def test_stored_text_keeps_its_spacing_and_line_breaks_become_newlines():
    assert clean("  Dear Ana,\r\n\r\n  Thanks\rBye\u2028PS\t ") == "  Dear Ana,\n\n  Thanks\nBye\nPS\t "


def test_stored_text_is_cut_at_the_limit_with_an_ellipsis():
    long = "x" * (MAX_STORED + 5)
    cut = clean(long)
    assert len(cut) == MAX_STORED and cut.endswith(ELLIPSIS)
    assert clean("abc", limit=3) == "abc"


def test_json_escapes_bidi_and_controls_but_not_emoji():
    dumped = json_visible(json.dumps({"company": f"Acme\u202eLtd\x9b {EMOJI[0]}"}, ensure_ascii=False))
    assert "\\u202e" in dumped and "\\u009b" in dumped and "\u202e" not in dumped
    assert EMOJI[0] in dumped
    assert json.loads(dumped)["company"] == f"Acme\u202eLtd\x9b {EMOJI[0]}"


@given(st.text())
def test_clean_output_has_no_control_other_than_newline_and_tab(value):
    assert not any(_bad(ch, "\n\t") for ch in clean(value))
    assert not any(_bad(ch, "\n\t") for ch in clean_text(value))
    assert not any(_bad(ch, "") or ch in "\n\t" for ch in clean_line(value))


@given(st.text())
def test_cleaning_twice_changes_nothing(value):
    assert clean(clean(value)) == clean(value)
    assert clean(clean(value, limit=7), limit=7) == clean(value, limit=7)
    assert clean_text(clean_text(value)) == clean_text(value)
    assert clean_line(clean_line(value)) == clean_line(value)


@given(st.lists(st.sampled_from(EMOJI) | st.text(alphabet=st.characters(categories=["L", "N", "P", "Zs"]))))
def test_emoji_among_plain_text_are_unchanged(parts):
    value = "".join(parts)
    assert clean(value) == value
    assert clean_line(value) == " ".join(value.split())


@given(st.text())
def test_json_output_is_safe_and_reads_back_the_same(value):
    dumped = json_visible(json.dumps([value], ensure_ascii=False))
    assert json.loads(dumped) == [value]
    assert not any(_bad(ch, "") for ch in dumped)


def test_the_spelled_out_set_is_exactly_what_unicode_calls_control_format_and_surrogate():
    from followup_tui.text import _DROP

    def dropped(ch: str) -> bool:
        category = unicodedata.category(ch)
        if category == "Cc":
            return ch not in "\n\t"
        if category == "Cf":
            return ch not in "\u200c\u200d" and not 0xE0020 <= ord(ch) < 0xE0080
        return category == "Cs"

    wrong = [hex(c) for c in range(0x110000) if bool(_DROP.fullmatch(chr(c))) != dropped(chr(c))]
    assert not wrong, f"text._DROP differs from unicodedata {unicodedata.unidata_version} at {wrong[:20]}"


def test_a_long_hostile_row_is_cleaned_whole():
    value = ("\x1b]0;x\x07 " + "y" * 1000) * 100
    assert clean(value, limit=10**6) == (" " + "y" * 1000) * 100
    # One line is cut at MAX_STORED_LINE characters, after cleaning.
    assert clean_line(value) == clip(" ".join(((" " + "y" * 1000) * 100).split()), MAX_STORED_LINE)


def test_a_whole_escape_sequence_goes_not_just_its_control_characters():
    from followup_tui.text import clean, clean_line

    cases = {
        "Ana\x1b]0;pwned\x07 Silva": "Ana Silva",  # OSC title, ended by BEL
        "Ana\x1b]52;c;ZXZpbA==\x1b\\ Silva": "Ana Silva",  # OSC 52 clipboard, ended by ST
        "\x1b[2J\x1b[1;31mRed\x1b[0m": "Red",  # CSI clear screen and colours
        "A\x1bPq#0;2;0;0;0\x1b\\B": "AB",  # DCS
        "Acme\x1b]0;never ended": "Acme",  # an OSC with no terminator runs to the end
        "x\x9b31my": "xy",  # the one-byte CSI
        "Café 🇬🇧 [bold]": "Café 🇬🇧 [bold]",  # text, emoji and brackets stay
    }
    for raw, shown in cases.items():
        assert clean(raw) == shown and clean_line(raw) == shown, raw
