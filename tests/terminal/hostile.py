"""Hostile text, and a database holding it in every text column, written straight into the file (as an
older followup or another program could have): nothing of ours cleaned it on the way in.

Each payload carries a marker word of its own, so a test can tell the payload's bytes from the escape
sequences Textual itself writes.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

LONG_LINE = 100_000

PAYLOADS = {
    "osc0-bel": "\x1b]0;ZQTITLEA\x07",
    "osc0-st": "\x1b]0;ZQTITLEB\x1b\\",
    "osc2-bel": "\x1b]2;ZQTITLEC\x07",
    "osc2-st": "\x1b]2;ZQTITLED\x1b\\",
    "osc52": "\x1b]52;c;ZQCLIPBOARDX\x07",
    "dcs": "\x1bPZQDEVICE\x1b\\",
    "csi-2j": "ZQWIPE\x1b[2J",
    "sgr": "ZQRED\x1b[31mred",
    "rlo": "ZQRLO\u202eevil",
    "nul": "ZQNUL\x00nul",
    "click": "[@click=app.quit]ZQCLICK[/]",
    "close-tag": "Acme [/] Ltd",
    "bold": "[bold]ZQBOLD[/]",
    "long": "ZQLONG" + "x" * LONG_LINE,
}
MARKERS = re.compile(rb"ZQ[A-Z]+")
ALL = " ".join(PAYLOADS.values())  # the long line last: what comes after it would never be seen
SHORT = " ".join(v for k, v in PAYLOADS.items() if k != "long")

# Every column that holds user text. `people` is the interview's copy of its people's names.
COLUMNS = {
    "interview": ("company", "role", "notes", "people"),
    "contact": (
        "name",
        "title",
        "company",
        "email",
        "phone",
        "phone_e164",
        "mobile",
        "mobile_e164",
        "fax",
        "website",
        "linkedin",
        "address",
        "notes",
    ),
    "meeting": ("topic",),
    "action": ("title", "note", "draft", "sent_text"),
}
PROFILE_FIELDS = ("name", "email", "phone", "address", "signature")


def poisoned(value: str) -> str:
    """A stored value with every payload after it (what was there stays first, so rows stay apart)."""
    return f"{value} {ALL}" if value else ALL


def poison(path: Path, long_rows: int | None = None) -> None:
    """Put every payload in every text column of every row of the database at `path`, and in the
    settings the app reads (profile, templates, phone region, start screen); with `long_rows`, the
    100,000-character line goes only into that many rows of each table (the others get the rest)."""
    con = sqlite3.connect(path)
    try:
        for table, columns in COLUMNS.items():
            for column in columns:
                rows = con.execute(f'SELECT id, "{column}" FROM "{table}" ORDER BY id').fetchall()
                con.executemany(
                    f'UPDATE "{table}" SET "{column}" = ? WHERE id = ?',
                    [
                        (poisoned(value or "") if long_rows is None or n < long_rows else f"{value} {SHORT}", ident)
                        for n, (ident, value) in enumerate(rows)
                    ],
                )
        # Custom action titles are shown only for kind custom; every action gets one anyway.
        found = con.execute("SELECT value FROM setting WHERE key = 'profile'").fetchone()
        profile = json.loads(found[0]) if found else {}
        profile.update({name: poisoned(str(profile.get(name, ""))) for name in PROFILE_FIELDS})
        profile["strengths"] = [poisoned(s) for s in profile.get("strengths", ["analysis"])]
        settings = {
            "profile": json.dumps(profile),
            "template:thank_you_email": "Dear {name},\n\nThank you. " + ALL + "\n\n{signature}",
            "phone_region": "US" + SHORT,
            "start_screen": "list" + SHORT,
        }
        con.executemany("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", settings.items())
        con.commit()
    finally:
        con.close()


_OSC_OR_DCS = re.compile(rb"\x1b[\]P](.*?)(?:\x07|\x1b\\)", re.S)


def leaks(raw: bytes) -> list[str]:
    """What of the payloads reached the terminal as a control: empty when nothing did."""
    found = []
    for match in _OSC_OR_DCS.finditer(raw):
        if MARKERS.search(match.group(1)):
            found.append(f"payload inside OSC/DCS: {match.group(0)[:80]!r}")
    for marker, code in ((b"ZQWIPE", b"\x1b[2J"), (b"ZQRED", b"\x1b[31m")):
        if marker + code in raw:
            found.append(f"payload's {code!r} reached the terminal")
    for name, code in (("U+202E", "\u202e".encode()), ("NUL", b"\x00"), ("C1 CSI", "\x9b".encode())):
        if code in raw:
            found.append(f"{name} reached the terminal")
    for marker in (b"ZQTITLE", b"ZQCLIPBOARD", b"ZQDEVICE"):
        at = raw.find(marker)
        while at != -1:
            # The payload's own ESC ] / ESC P right before its marker, even unterminated.
            if re.search(rb"\x1b[\]P][0-9;c]*$", raw[max(0, at - 12) : at]):
                found.append(f"{marker.decode()} right after ESC ] or ESC P")
                break
            at = raw.find(marker, at + 1)
    return found
