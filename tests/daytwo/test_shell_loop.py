"""The shell covers the daily loop (issue 15): `followup add`, `list`, `status` and `note` through the
installed command on yesterday's database (made by an earlier process), each result read back by a
further process (`followup list --json`, `followup today --json`) or with sqlite3 as another program would.

The `followup` fixture fails any run that prints a traceback."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from daytwo_files import read_rows

from followup_tui.wording import ENCOURAGEMENT

NO_HOLIDAYS = {"FOLLOWUP_HOLIDAYS": ""}
TODAY, TOMORROW = "2026-11-25", "2026-11-26"  # a Wednesday, and the next business day
VCF = """BEGIN:VCARD\r
VERSION:3.0\r
FN:Zoë Ortiz\r
ORG:Kestrel Digital Ltd\r
TITLE:Talent Partner\r
EMAIL;TYPE=INTERNET,WORK:zoe.ortiz@kestrel.example\r
TEL;TYPE=CELL:+44 7911 123456\r
END:VCARD\r
BEGIN:VCARD\r
VERSION:3.0\r
FN:Oliver Grant\r
TITLE:Head of Delivery\r
EMAIL:oliver.grant@kestrel.example\r
END:VCARD\r
"""
TEXT_CARD = "Dana Brook\nHead of Data\nKestrel Digital Ltd\ndana.brook@kestrel.example\n+44 20 7946 0958\n"


def _run(followup, db: Path, *args: str, now: str | None = None):
    env = {**NO_HOLIDAYS, **({"FOLLOWUP_NOW": now} if now else {})}
    return followup(db, *args, env=env)


def _listed(followup, db: Path) -> dict[str, dict]:
    ran = _run(followup, db, "list", "--json")
    assert ran.code == 0, ran.err
    return {interview["company"]: interview for interview in json.loads(ran.out)["interviews"]}


def _review(followup, db: Path, company: str, now: str | None = None) -> list[dict]:
    ran = _run(followup, db, "today", "--json", now=now)
    assert ran.code == 0, ran.err
    return [item for item in json.loads(ran.out)["items"] if item["company"] == company]


def _plan(db: Path, interview_id: int) -> list[tuple]:
    return read_rows(
        db,
        """SELECT a.kind, c.name, a.due, a.state FROM "action" a LEFT JOIN "contact" c ON c.id = a.contact_id
           WHERE a.interview_id = ? ORDER BY a.kind, c.name, a.due""",
        (interview_id,),
    )


def _counts(db: Path) -> tuple[int, ...]:
    return tuple(read_rows(db, f'SELECT count(*) FROM "{table}"')[0][0] for table in ("interview", "contact", "action"))


def test_add_gives_each_person_met_a_thank_you_due_today_or_next_morning_after_three(yesterday_db, followup, tmp_path):
    form_copy = shutil.copy2(yesterday_db, tmp_path / "form.db")
    morning = _run(
        followup,
        yesterday_db,
        "add",
        "Acme Robotics",
        "--role",
        "Data Engineer",
        "--start",
        "8:00",
        "--end",
        "9:00",
        "--person",
        "Priya Shah <priya@acme.example>",
        "--person",
        "Tom Lee <tom.lee@acme.example>",
    )
    assert morning.code == 0, morning.err
    morning_id = int(morning.out.strip())  # only the id on stdout: `id=$(followup add ...)`
    assert "added: Priya Shah" in morning.err and "added: Tom Lee" in morning.err
    afternoon = _run(
        followup, yesterday_db, "add", "Bramble Ltd", "--start", "15:00", "--end", "16:00", "--person", "Ann Fox"
    )
    assert afternoon.code == 0, afternoon.err

    # A further process: one thank-you to each person, due today before three, next morning after.
    thanks = {
        i["person"]: i["due"]
        for i in _review(followup, yesterday_db, "Acme Robotics")
        if i["kind"] == "thank_you_email"
    }
    assert thanks == {"Priya Shah": TODAY, "Tom Lee": TODAY}
    later = [i for i in _review(followup, yesterday_db, "Bramble Ltd") if i["kind"] == "thank_you_email"]
    assert [(i["person"], i["due"]) for i in later] == [("Ann Fox", TOMORROW)]
    listed = _listed(followup, yesterday_db)["Acme Robotics"]
    assert listed["id"] == morning_id and listed["people"] == ["Priya Shah", "Tom Lee"]

    # The same plan the app's Add form makes: its store commands on another copy of yesterday's file.
    plan = _plan(yesterday_db, morning_id)
    assert {"call", "letter", "thank_you_email"} <= {kind for kind, *_ in plan}
    call_to = {name for kind, name, *_ in plan if kind == "call"}
    assert call_to == {"Priya Shah"}  # the first person given is the lead
    assert plan == _plan_by_the_form(form_copy, morning_id)


def _plan_by_the_form(copy: Path, morning_id: int) -> list[tuple]:
    """What the Add form and the card form write, through the store commands they call, in another process."""
    script = f"""
from datetime import datetime, time
from followup_tui import clock
from followup_tui.contact import PersonInput
from followup_tui.inputs import InterviewInput
from followup_tui.store import commands
from followup_tui.store.database import close_database, open_database
clock.freeze(datetime(2026, 11, 25, 9, 30))
open_database({str(copy)!r})
today = clock.today()
ident = commands.add_interview(
    InterviewInput("Acme Robotics", today, "Data Engineer", time(9, 0), started_at=time(8, 0)), today
)
for name, email in (("Priya Shah", "priya@acme.example"), ("Tom Lee", "tom.lee@acme.example")):
    commands.add_person(ident, PersonInput(name=name, company="Acme Robotics", email=email), today)
close_database()
print(ident)
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env={**os.environ, **NO_HOLIDAYS}
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.split()[-1]) == morning_id
    return _plan(copy, morning_id)


def test_add_from_card_files_a_vcf_and_a_cards_text(yesterday_db, followup, tmp_path):
    vcf, text = tmp_path / "people.vcf", tmp_path / "card.txt"
    vcf.write_text(VCF, encoding="utf-8")
    text.write_text(TEXT_CARD, encoding="utf-8")
    ran = _run(
        followup, yesterday_db, "add", "Kestrel Digital Ltd", "--end", "9:00", "--card", str(vcf), "--card", str(text)
    )
    assert ran.code == 0, ran.err
    assert _listed(followup, yesterday_db)["Kestrel Digital Ltd"]["people"] == [
        "Zoë Ortiz",
        "Oliver Grant",
        "Dana Brook",
    ]
    thanks = {
        i["person"]: i["contact"]
        for i in _review(followup, yesterday_db, "Kestrel Digital Ltd")
        if i["kind"] == "thank_you_email"
    }
    assert thanks == {
        "Zoë Ortiz": "zoe.ortiz@kestrel.example",
        "Oliver Grant": "oliver.grant@kestrel.example",
        "Dana Brook": "dana.brook@kestrel.example",
    }
    cards = read_rows(
        yesterday_db,
        "SELECT name, title, mobile_e164, phone_e164 FROM contact WHERE name IN ('Zoë Ortiz', 'Dana Brook') "
        "ORDER BY name",
    )
    assert cards == [
        ("Dana Brook", "Head of Data", "", "+442079460958"),
        ("Zoë Ortiz", "Talent Partner", "+447911123456", ""),
    ]


def test_add_with_wrong_input_says_what_to_fix_in_one_line_and_stores_nothing(yesterday_db, followup, tmp_path):
    bad_vcf = tmp_path / "bad.vcf"
    bad_vcf.write_text(VCF.replace("oliver.grant@kestrel.example", "oliver.grant@"), encoding="utf-8")
    photo = tmp_path / "card.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\xff\xd9")
    before = _counts(yesterday_db)
    wrong = {
        ("--start", "14:00", "--end", "13:00"): "--end: It ended before it started",
        ("--person", "Priya <priya@>"): "--person Priya <priya@>: There must be something after the @-sign",
        ("--person", "priya@acme.example"): 'give a name too, as "Name <priya@acme.example>"',
        ("--person", " <priya@acme.example>"): "Name is required",
        ("--date", "blursday"): "--date: Not a date: blursday",
        ("--end", "25:00"): "--end: Not a time: 25:00",
        ("--card", str(bad_vcf)): "There must be something after the @-sign",
        ("--card", str(tmp_path / "missing.vcf")): "cannot read it: No such file or directory",
        ("--card", str(photo)): "not a .vcf nor a card's text; `followup capture PHOTO` reads a photo",
    }
    for options, message in wrong.items():
        ran = _run(followup, yesterday_db, "add", "Acme Robotics", "--person", "Ann Fox", *options)
        assert ran.code == 2, (options, ran)
        assert ran.out == "" and ran.err.count("\n") == 1 and ran.err.startswith("followup: "), (options, ran.err)
        assert message in ran.err and "nothing was stored" in ran.err, (options, ran.err)
    ran = _run(followup, yesterday_db, "add", "  ")
    assert (ran.code, ran.err) == (2, "followup: company: Company is required; nothing was stored\n")
    assert _counts(yesterday_db) == before
    assert "Acme Robotics" not in _listed(followup, yesterday_db)
    # An unknown status or id, as `followup done` says of an unknown action.
    ran = _run(followup, yesterday_db, "status", "1", "closed")
    assert (
        ran.code == 2
        and "unknown status 'closed': one of active, offer, accepted, rejected, filled, withdrawn" in ran.err
    )
    for args in (("status", "999", "rejected"), ("note", "999", "hello")):
        ran = _run(followup, yesterday_db, *args)
        assert (ran.code, ran.err) == (1, "followup: there is no interview 999; `followup list` lists the ids\n")
    assert _counts(yesterday_db) == before


def test_list_shows_every_interview_with_its_status_and_next_action(yesterday_db, followup):
    stored = read_rows(yesterday_db, 'SELECT id, company, status, next_action_id FROM "interview" ORDER BY id')
    ran = _run(followup, yesterday_db, "list")
    assert ran.code == 0, ran.err
    lines = ran.out.splitlines()
    assert lines[0].split() == ["id", "date", "status", "company", "·", "role", "people", "next", "due"]
    rows = {int(line.split()[0]): line for line in lines[1:]}
    assert set(rows) == {ident for ident, *_ in stored}
    meridian = next(line for line in lines if "Meridian Energy" in line)
    assert "active" in meridian and "Grace Kim" in meridian and "3 days overdue" in meridian
    assert "rejected" in rows[next(i for i, _, status, _ in stored if status == "rejected")]

    listed = json.loads(_run(followup, yesterday_db, "list", "--json").out)
    assert listed["date"] == TODAY
    by_id = {interview["id"]: interview for interview in listed["interviews"]}
    assert set(by_id) == {ident for ident, *_ in stored}
    for ident, company, status, next_action in stored:
        interview = by_id[ident]
        assert set(interview) == {"id", "company", "role", "day", "status", "people", "next"}
        assert (interview["company"], interview["status"]) == (company, status)
        assert isinstance(interview["people"], list) and all(isinstance(name, str) for name in interview["people"])
        if next_action is None:
            assert interview["next"] is None
        else:
            assert set(interview["next"]) == {"id", "kind", "what", "person", "due", "due_text"}
            assert interview["next"]["id"] == next_action
    meridian = next(i for i in listed["interviews"] if i["company"] == "Meridian Energy")
    assert meridian["people"] == ["Grace Kim"]
    assert meridian["next"]["due"] == "2026-11-22" and meridian["next"]["due_text"] == "3 days overdue"
    # The id given is the one `followup done` takes.
    ran = _run(followup, yesterday_db, "done", str(meridian["next"]["id"]))
    assert ran.code == 0 and "Grace Kim" in ran.out


def test_closing_pauses_the_cycle_but_never_the_thank_yous_and_reopening_replans_from_today(yesterday_db, followup):
    ran = _run(
        followup,
        yesterday_db,
        "add",
        "Acme Robotics",
        "--date",
        "nov 18",
        "--end",
        "11:00",
        "--person",
        "Priya Shah <priya@acme.example>",
    )
    ident = ran.out.strip()
    assert ran.code == 0, ran.err
    ran = _run(followup, yesterday_db, "status", ident, "rejected")
    assert (ran.code, ran.out.strip()) == (0, ENCOURAGEMENT)
    assert _listed(followup, yesterday_db)["Acme Robotics"]["status"] == "rejected"
    states = {kind: state for kind, _, _, state in _plan(yesterday_db, int(ident))}
    assert states["thank_you_email"] == "open" and states["call"] == states["letter"] == "cancelled"
    # The thank-you, a week late, is still in the review of a further process.
    kinds = {i["kind"] for i in _review(followup, yesterday_db, "Acme Robotics")}
    assert "thank_you_email" in kinds and not kinds & {"call", "letter"}

    # Two weeks later the process reopens: the call and letter come back, planned from that day.
    later = "2026-12-09T09:00"
    ran = _run(followup, yesterday_db, "status", ident, "active", now=later)
    assert (ran.code, ran.out) == (0, "Acme Robotics: active.\n")
    plan = {kind: (due, state) for kind, _, due, state in _plan(yesterday_db, int(ident))}
    assert plan["call"] == ("2026-12-09", "open") and plan["letter"][1] == "open" and plan["letter"][0] > "2026-12-09"
    kinds = {i["kind"] for i in _review(followup, yesterday_db, "Acme Robotics", now=later)}
    assert {"thank_you_email", "call"} <= kinds


def test_hostile_names_and_notes_are_printed_as_plain_text(yesterday_db, followup):
    company = "Acme \x1b]0;owned\x07[red]Labs[/red] \u202eLtd"
    ran = _run(
        followup,
        yesterday_db,
        "add",
        company,
        "--end",
        "9:00",
        "--person",
        "Eve \x1b[31m[bold]Mallory <eve@acme.example>",
    )
    assert ran.code == 0, ran.err
    ident = ran.out.strip()
    ran = _run(followup, yesterday_db, "note", ident, "ring \x1b[2J\x1b]52;c;cGF5bG9hZA==\x07[@click=app.quit]her[/]")
    assert ran.code == 0 and ran.out == "note added to Acme [red]Labs[/red] Ltd\n"
    notes = read_rows(yesterday_db, 'SELECT notes FROM "interview" WHERE id = ?', (int(ident),))[0][0]
    assert notes == "ring [@click=app.quit]her[/]"
    for args in (("list",), ("list", "--json"), ("today",), ("today", "--json")):
        ran = _run(followup, yesterday_db, *args)
        assert ran.code == 0
        assert "\x1b" not in ran.out and "\x07" not in ran.out and "\u202e" not in ran.out, args
    listed = _listed(followup, yesterday_db)["Acme [red]Labs[/red] Ltd"]  # markup kept as the text it is
    assert listed["people"] == ["Eve [bold]Mallory"]
    assert "Acme [red]Labs[/red] Ltd" in _run(followup, yesterday_db, "list").out


def test_note_adds_a_paragraph_to_the_interviews_notes_keeping_what_was_there(yesterday_db, followup):
    meridian = _listed(followup, yesterday_db)["Meridian Energy"]["id"]
    before = read_rows(yesterday_db, 'SELECT notes FROM "interview" WHERE id = ?', (meridian,))[0][0]
    for text in ("Grace said the team is hiring two.", "Second chat booked for Friday."):
        ran = _run(followup, yesterday_db, "note", str(meridian), text)
        assert (ran.code, ran.out) == (0, "note added to Meridian Energy\n")
    after = read_rows(yesterday_db, 'SELECT notes FROM "interview" WHERE id = ?', (meridian,))[0][0]
    expected = "Grace said the team is hiring two.\n\nSecond chat booked for Friday."
    assert after == (f"{before.rstrip()}\n\n{expected}" if before.strip() else expected)


def test_list_prints_text_another_program_stored_without_its_terminal_codes(yesterday_db, followup):
    # Another program (or an old import) wrote codes straight into the file, past the app's cleaning.
    with closing(sqlite3.connect(yesterday_db)) as connection, connection:
        connection.execute(
            """UPDATE "interview" SET company = 'Meridian \x1b]0;owned\x07\u202eEnergy', role = 'BA\x1b[2J',
               people = 'Grace \x1b]52;c;cGF5bG9hZA==\x07Kim' WHERE company = 'Meridian Energy'"""
        )
        connection.execute("""UPDATE "contact" SET name = 'Grace \x1b[31mKim' WHERE name = 'Grace Kim'""")
    ran = _run(followup, yesterday_db, "list")
    assert ran.code == 0, ran.err
    assert not set(ran.out) & {"\x1b", "\x07", "\u202e"}
    assert "Meridian Energy · BA" in ran.out
    ran = _run(followup, yesterday_db, "list", "--json")
    assert ran.code == 0, ran.err
    assert not set(ran.out) & {"\x1b", "\x07", "\u202e"}
    meridian = next(i for i in json.loads(ran.out)["interviews"] if i["id"] == 4)
    assert (meridian["company"], meridian["role"], meridian["people"]) == ("Meridian Energy", "BA", ["Grace Kim"])
    assert (meridian["next"]["person"], meridian["next"]["what"]) == ("Grace Kim", "Get Grace Kim's business card")
