"""Every shell subcommand with every option and file format, run through the installed `followup` on a
database an earlier process made: yesterday's, and the oldest schema version's file, which every migration
step brings up to date (day_two_db; each other version's file migrates to the same records, proven in
test_schema_versions.py, and `followup today` runs on each there).

Each test is one user's session on a fresh copy: the commands in the order a person would type them,
what they print, their exit status, and what the file holds afterwards (read with sqlite3, as another
program would). The `followup` fixture fails any run that prints a traceback."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import date, timedelta
from pathlib import Path

from daytwo_files import read_rows, schema_file

from followup_tui.dates import show_date, snoozed_day
from followup_tui.store.schema import SCHEMA_VERSION

TODAY = date(2026, 11, 25)
TOMORROW = "2026-11-26"  # the next business day after Wednesday 25 November
CARD = "Oliver Grant\nHead of Delivery\nKestrel Digital Ltd\noliver.grant@kestrel.example\n020 7946 0958\n"
HAND_VCF = """BEGIN:VCARD\r
VERSION:3.0\r
FN:Zoë Ortiz\r
N:Ortiz;Zoë;;;\r
ORG:Kestrel Digital Ltd\r
TITLE:Talent Partner\r
EMAIL;TYPE=INTERNET,WORK:zoe.ortiz@kestrel.example\r
TEL;TYPE=CELL:+44 7911 123456\r
END:VCARD\r
BEGIN:VCARD\r
VERSION:3.0\r
FN:Dana Whitfield\r
N:Whitfield;Dana;;;\r
EMAIL:dana@bluefin.example\r
END:VCARD\r
"""
HAND_JSON = {
    "format": "followup",
    "version": 1,
    "interviews": [
        {
            "uid": "hand-interview-1",
            "company": "Kestrel Digital",
            "role": "Delivery Lead",
            "day": "2026-11-23",
            "status": "active",
        }
    ],
    "contacts": [{"uid": "hand-contact-1", "name": "Oliver Grant", "email": "oliver.grant@kestrel.example"}],
    "meetings": [
        {
            "uid": "hand-meeting-1",
            "interview": "hand-interview-1",
            "contact": "hand-contact-1",
            "is_lead": True,
            "added_on": "2026-11-23",
        }
    ],
    "actions": [
        {
            "uid": "hand-action-1",
            "interview": "hand-interview-1",
            "contact": "hand-contact-1",
            "kind": "thank_you_email",
            "due": "2026-11-24",
            "created_on": "2026-11-23",
        }
    ],
    "settings": {},
}
EXPORTS = (".vcf", ".json", ".csv", ".ics")


def _count(db: Path, table: str) -> int:
    return read_rows(db, f'SELECT count(*) FROM "{table}"')[0][0]


def _action(db: Path, ident: int) -> tuple:
    return read_rows(db, 'SELECT state, due, done_on, note FROM "action" WHERE id = ?', (ident,))[0]


def _open_items(db: Path, kinds: tuple[str, ...], exclude: bool = False) -> list[int]:
    """Open actions of active interviews, by due date: of these kinds, or (exclude) of any other."""
    marks = ", ".join("?" * len(kinds))
    return [
        ident
        for (ident,) in read_rows(
            db,
            f"""SELECT a.id FROM "action" a JOIN "interview" i ON i.id = a.interview_id
                WHERE a.state = 'open' AND i.status = 'active' AND a.kind {"NOT " if exclude else ""}IN ({marks})
                ORDER BY a.due, a.id""",
            kinds,
        )
    ]


def _review_ids(db: Path, days: int) -> set[int]:
    """What the daily review must list: open items up to `days` ahead (overdue too), and today's done ones."""
    horizon = (TODAY + timedelta(days=days)).isoformat()
    return {
        ident
        for (ident,) in read_rows(
            db,
            """SELECT a.id FROM "action" a JOIN "interview" i ON i.id = a.interview_id WHERE i.status = 'active'
               AND ((a.state = 'open' AND a.due <= ?) OR (a.state = 'done' AND a.done_on = ?))""",
            (horizon, TODAY.isoformat()),
        )
    }


def _an_interview(db: Path) -> int:
    return read_rows(db, """SELECT id FROM "interview" WHERE status = 'active' ORDER BY id LIMIT 1""")[0][0]


def test_today_with_every_option(day_two_db, followup):
    ran = followup(day_two_db, "today")
    assert (ran.code, ran.err) == (0, "")
    lines = ran.out.splitlines()
    assert lines[0].startswith("Wed 25 Nov 2026 · ") and "active interview" in lines[0]
    assert all(f"{section} (" in ran.out for section in ("Overdue", "Today", "Next 7 days"))
    printed = {int(line.split()[0]) for line in lines if line[:1].isdigit()}
    assert printed == _review_ids(day_two_db, 7)

    ran = followup(day_two_db, "today", "--days", "14")
    assert ran.code == 0 and "Next 14 days (" in ran.out
    printed = {int(line.split()[0]) for line in ran.out.splitlines() if line[:1].isdigit()}
    assert printed == _review_ids(day_two_db, 14) > _review_ids(day_two_db, 7)

    for days, options in ((7, ()), (14, ("--days", "14"))):
        ran = followup(day_two_db, "today", "--json", *options)
        data = json.loads(ran.out)
        assert ran.code == 0 and data["date"] == "2026-11-25"
        assert {item["id"] for item in data["items"]} == _review_ids(day_two_db, days)
        for item in data["items"]:
            state, due, _, note = _action(day_two_db, item["id"])
            assert (item["state"], item["due"], item["note"]) == (state, due, note)


def test_done_each_call_outcome_then_done_and_snooze_on_other_items(day_two_db, followup):
    calls = _open_items(day_two_db, ("call", "weekly_call"))
    assert len(calls) >= 3
    notes = {"reached": "Reached them, Wed 25 Nov 2026", "voicemail": "Left a voicemail, Wed 25 Nov 2026"}
    for call, outcome in zip(calls, ("reached", "voicemail", "no_answer"), strict=False):
        old_note = _action(day_two_db, call)[3]
        ran = followup(day_two_db, "done", str(call), "--outcome", outcome)
        assert ran.code == 0 and ran.err == "", (outcome, ran)
        state, due, done_on, note = _action(day_two_db, call)
        if outcome == "no_answer":
            assert ran.out.endswith(": kept open for the next business day\n")
            assert (state, due, done_on) == ("open", TOMORROW, None) and note.endswith("No answer, Wed 25 Nov 2026")
        else:
            assert ran.out.endswith(": done\n") and (state, done_on) == ("done", "2026-11-25")
            assert note == f"{old_note}\n{notes[outcome]}".strip()

    done = _open_items(day_two_db, ("call", "weekly_call"), exclude=True)[0]
    ran = followup(day_two_db, "done", str(done))
    assert ran.code == 0 and ran.out.endswith(": done\n")
    assert _action(day_two_db, done)[:3] == ("done", _action(day_two_db, done)[1], "2026-11-25")
    snoozed = _open_items(day_two_db, ("call", "weekly_call"), exclude=True)[0]  # ticking re-plans the rest
    due_before = _action(day_two_db, snoozed)[1]
    ran = followup(day_two_db, "snooze", str(snoozed))
    # Never earlier: the next business day after the later of today and its due date (tested on its own
    # in tests/unit/test_snooze.py).
    expected = snoozed_day(date.fromisoformat(due_before), TODAY, frozenset())
    assert ran.code == 0 and ran.out.endswith(f": snoozed to {show_date(expected, TODAY)}\n")
    assert _action(day_two_db, snoozed)[:2] == ("open", expected.isoformat())

    listed = {item["id"]: item for item in json.loads(followup(day_two_db, "today", "--json").out)["items"]}
    assert listed[done]["state"] == "done" and listed[calls[0]]["state"] == "done"


def test_capture_with_every_option(day_two_db, followup):
    interview = _an_interview(day_two_db)
    contacts, meetings = _count(day_two_db, "contact"), _count(day_two_db, "meeting")
    ran = followup(day_two_db, "capture", stdin=CARD)
    assert ran.code == 0 and "Name:     Oliver Grant\n" in ran.out and "Company:  Kestrel Digital Ltd\n" in ran.out
    ran = followup(day_two_db, "capture", "--json", "--region", "GB", stdin=CARD)
    fields = json.loads(ran.out)
    assert ran.code == 0 and (fields["name"], fields["phone_e164"]) == ("Oliver Grant", "+442079460958")
    ran = followup(day_two_db, "capture", "--region", "GB", "--interview", str(interview), stdin=CARD)
    assert ran.code == 0 and "Phone:    020 7946 0958\n" in ran.out
    assert (_count(day_two_db, "contact"), _count(day_two_db, "meeting")) == (contacts, meetings)  # printed only

    ran = followup(day_two_db, "capture", "--save", "--region", "GB", stdin=CARD)
    assert ran.code == 0 and ran.err == "added: Oliver Grant\n"
    assert read_rows(day_two_db, """SELECT phone_e164 FROM "contact" WHERE name = 'Oliver Grant'""") == [
        ("+442079460958",)
    ]
    ran = followup(day_two_db, "capture", "--save", "--json", "--interview", str(interview), stdin=CARD)
    assert ran.code == 0 and json.loads(ran.out)["email"] == "oliver.grant@kestrel.example"
    assert ran.err == f"linked existing contact: Oliver Grant -> interview {interview}\n"
    assert _count(day_two_db, "contact") == contacts + 1 and _count(day_two_db, "meeting") == meetings + 1
    assert read_rows(
        day_two_db,
        """SELECT m.interview_id FROM "meeting" m JOIN "contact" c ON c.id = m.contact_id
                                    WHERE c.name = 'Oliver Grant'""",
    ) == [(interview,)]


def test_import_vcards_exported_by_the_command_and_written_by_hand(day_two_db, followup, tmp_path):
    contacts = _count(day_two_db, "contact")
    exported = tmp_path / "contacts.vcf"
    assert followup(day_two_db, "export", str(exported)).code == 0
    ran = followup(day_two_db, "import", str(exported))
    assert ran.code == 0 and ran.err == ""
    assert ran.out.count("already stored: ") == len(ran.out.splitlines()) == contacts  # its own cards: no doubles
    assert _count(day_two_db, "contact") == contacts

    hand = tmp_path / "hand.vcf"
    hand.write_text(HAND_VCF, encoding="utf-8")
    interview = _an_interview(day_two_db)
    meetings = _count(day_two_db, "meeting")
    ran = followup(day_two_db, "import", str(hand), "--interview", str(interview))
    assert ran.code == 0
    assert f"added: Zoë Ortiz -> interview {interview}" in ran.out
    assert read_rows(day_two_db, """SELECT company, mobile_e164 FROM "contact" WHERE name = 'Zoë Ortiz'""") == [
        ("Kestrel Digital Ltd", "+447911123456")
    ]
    assert _count(day_two_db, "contact") == contacts + 1 and _count(day_two_db, "meeting") > meetings
    ran = followup(day_two_db, "import", str(hand))
    assert ran.code == 0 and ran.out.count("already stored: ") == 2 and _count(day_two_db, "contact") == contacts + 1


def test_import_json_exported_by_the_command_and_written_by_hand(
    day_two_db, yesterday_template, followup, tmp_path, request
):
    tables = ("interview", "contact", "meeting", "action")
    before = {table: _count(day_two_db, table) for table in tables}
    own = tmp_path / "own.json"
    assert followup(day_two_db, "export", str(own)).code == 0
    ran = followup(day_two_db, "import", str(own))
    assert ran.code == 0 and ran.out.startswith("imported: 0 interviews, 0 contacts, 0 meetings, 0 actions")
    assert {table: _count(day_two_db, table) for table in tables} == before

    hand = tmp_path / "hand.json"
    hand.write_text(json.dumps(HAND_JSON), encoding="utf-8")
    ran = followup(day_two_db, "import", str(hand))
    assert ran.code == 0 and ran.out.startswith("imported: 1 interviews, 1 contacts, 1 meetings, 1 actions")
    assert read_rows(
        day_two_db,
        """SELECT a.state, a.due FROM "action" a JOIN "interview" i ON i.id = a.interview_id
                                    WHERE i.company = 'Kestrel Digital'""",
    ) == [("open", "2026-11-24")]
    listed = json.loads(followup(day_two_db, "today", "--json").out)["items"]
    assert any(item["company"] == "Kestrel Digital" and item["person"] == "Oliver Grant" for item in listed)

    other = tmp_path / "other.json"  # exported by the command from another database
    yesterday = request.node.callspec.params["day_two_db"] == "yesterday"
    source = tmp_path / "source.db"
    shutil.copy2(schema_file(SCHEMA_VERSION) if yesterday else yesterday_template, source)
    assert followup(source, "export", str(other)).code == 0
    expected = json.loads(other.read_text(encoding="utf-8"))
    added = {key: len(expected[key]) for key in ("interviews", "contacts", "meetings", "actions")}
    ran = followup(day_two_db, "import", str(other))
    assert ran.code == 0
    assert ran.out.startswith("imported: " + ", ".join(f"{n} {table}" for table, n in added.items()))


def test_export_every_format(day_two_db, followup, tmp_path):
    for suffix in EXPORTS:
        target = tmp_path / f"out{suffix}"
        ran = followup(day_two_db, "export", str(target))
        assert ran.code == 0 and ran.out.startswith("exported ") and str(target) in ran.out, (suffix, ran)
        assert target.stat().st_mode & 0o777 == 0o600
    assert open(tmp_path / "out.vcf", encoding="utf-8").read().count("BEGIN:VCARD") == _count(day_two_db, "contact")
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert data["format"] == "followup" and len(data["actions"]) == _count(day_two_db, "action")
    assert sorted(c["name"] for c in data["contacts"]) == sorted(
        n for (n,) in read_rows(day_two_db, 'SELECT name FROM "contact"')
    )
    table = list(csv.DictReader(io.StringIO((tmp_path / "out.csv").read_text(encoding="utf-8"))))
    assert sorted(row["company"] for row in table) == sorted(
        c for (c,) in read_rows(day_two_db, 'SELECT company FROM "interview"')
    )
    ics = (tmp_path / "out.ics").read_text(encoding="utf-8")
    assert ics.startswith("BEGIN:VCALENDAR") and ics.count("BEGIN:VTODO") == _count(day_two_db, "action")


def test_backup_list_and_restore(day_two_db, followup):
    ran = followup(day_two_db, "backup")
    assert ran.code == 0 and ran.out.startswith("backup made and checked: ")
    made = Path(ran.out.split(": ", 1)[1].strip())
    assert made.exists() and read_rows(made, "PRAGMA integrity_check") == [("ok",)]
    ran = followup(day_two_db, "restore")
    assert ran.code == 0 and str(made) in ran.out and "manual" in ran.out

    item = _open_items(day_two_db, ("call",), exclude=True)[0]
    assert followup(day_two_db, "done", str(item)).code == 0
    ran = followup(day_two_db, "restore", str(made))  # stdin is not a terminal: no one to ask
    assert ran.code == 2 and "--yes" in ran.err and _action(day_two_db, item)[0] == "done"
    ran = followup(day_two_db, "restore", str(made), "--yes")
    assert ran.code == 0 and ran.out.startswith(f"restored {made}; the data it replaced is kept in ")
    aside = Path(ran.out.rsplit(" kept in ", 1)[1].strip())
    assert _action(day_two_db, item)[0] == "open" and _action(aside, item)[0] == "done"
    listed = followup(day_two_db, "restore").out
    assert str(aside) in listed and "before-restore" in listed
    assert json.loads(followup(day_two_db, "today", "--json").out)["done_today"] == len(
        read_rows(
            day_two_db,
            """SELECT 1 FROM "action" a JOIN "interview" i ON i.id = a.interview_id
                                 WHERE a.done_on = '2026-11-25' AND i.status = 'active'""",
        )
    )
