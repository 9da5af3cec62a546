"""$FOLLOWUP_NOW fixes the clock of a `followup` process everywhere a date or time is written down: the
backups' names, the records' created_at, the export's stamp (they used to take the machine's clock)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

# Far from any real run, so a stamp taken from the machine's clock cannot pass for it.
MOMENT = {"FOLLOWUP_NOW": "2031-02-03T04:05:06"}

CARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zed Quinn\r\nEMAIL:zed@quinn.example\r\nEND:VCARD\r\n"


def test_a_backup_is_named_after_the_frozen_clock(yesterday_db, followup):
    made = followup(yesterday_db, "backup", env=MOMENT)
    assert made.code == 0, made.err
    assert "followup-20310203-040506-manual.db" in made.out
    listed = followup(yesterday_db, "restore")  # with no file: the list of backups
    assert "2031-02-03 04:05:06  manual" in listed.out


def test_records_and_exports_carry_the_frozen_clock(yesterday_db, followup, tmp_path: Path):
    cards = tmp_path / "zed.vcf"
    cards.write_text(CARD)
    assert followup(yesterday_db, "import", str(cards), env=MOMENT).code == 0
    with sqlite3.connect(yesterday_db) as raw:
        (created,) = raw.execute("SELECT created_at FROM contact WHERE name = 'Zed Quinn'").fetchone()
    assert created.startswith("2031-02-03 04:05:06")

    target = tmp_path / "all.json"
    assert followup(yesterday_db, "export", str(target), env=MOMENT).code == 0
    exported = json.loads(target.read_text())
    assert exported["exported_at"] == "2031-02-03T04:05:06"


def test_backups_taken_in_the_same_second_list_newest_first(yesterday_db, followup):
    """Under a fixed clock every backup shares one second; the later one (named -1) is the newer."""
    first = followup(yesterday_db, "backup", env=MOMENT).out.split(": ", 1)[1].strip()
    second = followup(yesterday_db, "backup", env=MOMENT).out.split(": ", 1)[1].strip()
    assert second.endswith("-manual-1.db") and first.endswith("-manual.db")
    listed = [line.split()[-1] for line in followup(yesterday_db, "restore").out.splitlines()]
    assert listed.index(second) < listed.index(first)
