"""Hostile text through the shell commands: what they print, and what they store from a file."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
import unicodedata

from hostile import ALL, COLUMNS, SHORT, poison

# What must never reach a terminal from a payload: ESC, NUL, BEL, C1 controls, bidi controls.
RAW_CODE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _run(command, *args, stdin: str = "", env=None):
    return subprocess.run(
        [*command, *args],
        input=stdin.encode(),
        capture_output=True,
        timeout=120,
        env={"FOLLOWUP_NOW": "2026-11-25T09:30", "PATH": "/usr/bin:/bin", **(env or {})},
    )


def _printable(output: bytes) -> str:
    text = output.decode("utf-8")
    assert not RAW_CODE.search(text), RAW_CODE.findall(text)[:5]
    return text


def test_today_prints_hostile_rows_without_their_codes(followup_command, hostile_db):
    table = _run(followup_command, "--db", str(hostile_db), "today")
    assert table.returncode == 0, table.stderr
    text = _printable(table.stdout)
    # A whole escape sequence goes, payload and all; the words around a code stay.
    assert "ZQTITLEA" not in text and "ZQWIPE" in text
    _printable(table.stderr)


def test_stats_print_hostile_companies_without_their_codes(followup_command, hostile_db):
    table = _run(followup_command, "--db", str(hostile_db), "stats")
    assert table.returncode == 0, table.stderr
    text = _printable(table.stdout)
    assert "ZQWIPE" in text and "ZQTITLEA" not in text  # a company's words; whole escape sequences gone
    result = _run(followup_command, "--db", str(hostile_db), "stats", "--json")
    assert result.returncode == 0, result.stderr
    companies = [row["company"] for row in json.loads(_printable(result.stdout))["interviews"]]
    assert any("ZQWIPE" in company for company in companies)  # the words kept, the codes stripped on reading
    assert not any("ZQTITLEA" in company for company in companies)
    assert not any(RAW_CODE.search(company) for company in companies)


def test_today_json_spells_codes_as_escapes_and_keeps_emoji(followup_command, hostile_db):
    con = sqlite3.connect(hostile_db)
    con.execute("UPDATE contact SET name = name || ' 👩\u200d💻'")
    con.commit()
    con.close()
    result = _run(followup_command, "--db", str(hostile_db), "today", "--json")
    assert result.returncode == 0, result.stderr
    text = _printable(result.stdout)
    assert "\\u202e" in text and "\\u001b" in text
    assert "👩\u200d💻" in text
    data = json.loads(text)
    assert any("\u202e" in item["person"] for item in data["items"])  # the value itself is kept, escaped


def test_export_and_capture_messages_are_clean(followup_command, yesterday_db, tmp_path):
    # Every payload in every row; the 100,000-character line in one row of each table: the messages
    # name no record, and one long value is what the vCard and calendar writers must fold (a long value
    # in every row made each of those exports take 5 s of CPU, writing files no test reads).
    poison(yesterday_db, long_rows=1)
    for suffix in (".json", ".vcf", ".csv", ".ics"):
        result = _run(followup_command, "--db", str(yesterday_db), "export", str(tmp_path / f"out{suffix}"))
        assert result.returncode == 0, (suffix, result.stderr)
        _printable(result.stdout)
        _printable(result.stderr)
    card = f"Ana Ruiz {SHORT}\nHead of Data\nacme@example.com\n+1 415 555 0142"
    for args in ((), ("--json",)):
        result = _run(followup_command, "--db", str(yesterday_db), "capture", *args, stdin=card)
        _printable(result.stdout)
        _printable(result.stderr)


def _stored_text(db) -> list[str]:
    con = sqlite3.connect(db)
    try:
        values = []
        for table, columns in COLUMNS.items():
            for column in columns:
                values += [row[0] for row in con.execute(f'SELECT "{column}" FROM "{table}"')]
        return values
    finally:
        con.close()


def _clean_value(value: str) -> bool:
    return not any(unicodedata.category(ch) in ("Cc", "Cs") and ch not in "\n\t" for ch in value) and not (
        set(value) & set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    )


def test_json_import_stores_hostile_text_cleaned(followup_command, hostile_db, tmp_path):
    # An export of the hostile rows (json.dumps spells the codes as \u escapes, which read back as codes).
    exported = tmp_path / "hostile.json"
    assert _run(followup_command, "--db", str(hostile_db), "export", str(exported)).returncode == 0
    data = json.loads(exported.read_text(encoding="utf-8"))
    for table in ("interviews", "contacts", "meetings", "actions"):
        for record in data[table]:
            for name, value in record.items():
                if isinstance(value, str) and name not in (
                    "uid",
                    "interview",
                    "contact",
                    "day",
                    "due",
                    "created_at",
                    "created_on",
                    "added_on",
                    "kind",
                    "state",
                    "status",
                    "preferred",
                    "done_on",
                    "window_end",
                    "ended_at",
                    "sent_at",
                    "decision_expected",
                ):
                    record[name] = f"{value} {SHORT}"
    data["interviews"][0]["notes"] += " " + ALL  # one 100,000-character line (all of them: over 50 MB)
    exported.write_text(json.dumps(data), encoding="utf-8")
    fresh = tmp_path / "fresh" / "followup.db"
    # A new, empty database made by an earlier process (the shell commands refuse a path with none).
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, pathlib; from followup_tui.store.database import "
            "open_database; open_database(pathlib.Path(sys.argv[1]))",
            str(fresh),
        ],
        check=True,
    )
    result = _run(followup_command, "--db", str(fresh), "import", str(exported))
    assert result.returncode == 0, result.stderr
    _printable(result.stdout)
    _printable(result.stderr)
    stored = _stored_text(fresh)
    assert stored and all(_clean_value(v) for v in stored)
    assert any("ZQWIPE" in v for v in stored)  # the words stay; whole escape sequences go
    assert not any("ZQTITLEA" in v or "ZQCLIPBOARDX" in v for v in stored)


def test_vcf_import_stores_hostile_text_cleaned(followup_command, yesterday_db, tmp_path):
    # A NUL makes the file binary: refused, with a clean message (below, the same file without it).
    binary = tmp_path / "binary.vcf"
    binary.write_text(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë {SHORT}\r\nEND:VCARD\r\n", encoding="utf-8")
    refused = _run(followup_command, "--db", str(yesterday_db), "import", str(binary))
    assert refused.returncode == 1 and b"not a vCard file" in refused.stderr
    _printable(refused.stderr)
    hostile = SHORT.replace(";", " ").replace(",", " ").replace("\\", " ").replace("\x00", "")
    card = tmp_path / "cards.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\n"
        f"FN:Zoë {hostile}\r\nN:{hostile};Zoë;;;\r\nORG:Acme {hostile}\r\nTITLE:Lead {hostile}\r\n"
        f"EMAIL:zoe@example.com\r\nNOTE:{hostile}\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    result = _run(followup_command, "--db", str(yesterday_db), "import", str(card))
    assert result.returncode == 0, result.stderr
    _printable(result.stdout)
    _printable(result.stderr)
    con = sqlite3.connect(yesterday_db)
    row = con.execute("SELECT name, company, title FROM contact WHERE email = 'zoe@example.com'").fetchone()
    con.close()
    assert row is not None
    # The codes go whole (a title sequence with its payload); the name's own words stay.
    assert all(_clean_value(v) for v in row) and "Zoë" in row[0] and "ZQTITLEA" not in row[0]
