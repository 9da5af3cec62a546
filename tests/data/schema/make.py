"""Builds a database file of every schema version: `python tests/data/schema/make.py [FOLDER]`.

vN.db is what a user of the followup that knew schema N has on disk: migrations 1..N of
store.schema run on a new file (the same SQL that version's code ran), then a small job hunt
written as that version stored it (only the columns it had; uids from v4, the interview summary
that v5's code kept on every change). The files are committed; rerun this after appending a
migration, then add the new file to the day-two tests.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from uuid import UUID, uuid5

HERE = Path(__file__).resolve().parent
UID_SPACE = UUID("5f0b1c8e-6a0e-4c55-9b7a-0f011c0f0dbe")

INTERVIEWS = [
    dict(
        id=1,
        company="Northwind Analytics",
        role="Senior Data Analyst",
        day="2026-11-16",
        ended_at="11:00",
        status="active",
        decision_expected="2026-11-30",
        notes="Panel of three; case study on churn.",
        started_at="09:30",  # from v10: the start, and the next step the interviewer outlined
        next_step_expected="2026-12-04",
        created_at="2026-11-16 12:05:00",
    ),
    dict(
        id=2,
        company="Bluefin Robotics",
        role="Product Manager",
        day="2026-11-24",
        ended_at="16:30",
        status="active",
        decision_expected=None,
        notes="",
        created_at="2026-11-24 17:10:00",
    ),
    dict(
        id=3,
        company="Cedar & Stone Architects",
        role="Project Coordinator",
        day="2026-11-09",
        ended_at="10:00",
        status="active",
        decision_expected=None,
        notes="Prefers letters.",
        created_at="2026-11-09 11:00:00",
    ),
    dict(
        id=4,
        company="Harbor Logistics",
        role="Operations Lead",
        day="2026-10-26",
        ended_at=None,
        status="rejected",
        decision_expected=None,
        notes="",
        created_at="2026-10-26 15:00:00",
    ),
]
CONTACTS = [
    dict(
        id=1,
        name="Priya Raman",
        title="Head of Analytics",
        company="Northwind Analytics",
        email="priya.raman@northwind.example",
        phone="+1 415 555 0142",
        phone_e164="+14155550142",
        address="500 Market Street, Suite 400\nSan Francisco, CA 94105",
        preferred="email",
        linkedin="linkedin.com/in/priyaraman",
        created_at="2026-11-16 12:06:00",
    ),
    dict(
        id=2,
        name="Tom Becker",
        title="Data Engineer",
        company="Northwind Analytics",
        email="tom.becker@northwind.example",
        created_at="2026-11-16 12:07:00",
    ),
    dict(
        id=3,
        name="Dana Whitfield",
        title="VP Product",
        company="Bluefin Robotics",
        email="dana@bluefin.example",
        phone="+1 617 555 0199",
        phone_e164="+16175550199",
        created_at="2026-11-24 17:11:00",
    ),
    dict(
        id=4,
        name="Marcus Lee",
        title="Engineering Manager",
        company="Bluefin Robotics",
        email="marcus.lee@bluefin.example",
        mobile="+1 617 555 0123",
        mobile_e164="+16175550123",
        website="bluefin.example",
        created_at="2026-11-24 17:12:00",
    ),
    dict(
        id=5,
        name="Helen Okafor",
        title="Studio Director",
        company="Cedar & Stone Architects",
        phone="+44 20 7946 0321",
        phone_e164="+442079460321",
        fax="+44 20 7946 0322",
        address="12 Wharf Road\nLondon N1 7GR\nUnited Kingdom",
        preferred="post",
        created_at="2026-11-09 11:01:00",
    ),
    dict(
        id=6,
        name="Ravi Menon",
        title="Director of Operations",
        company="Harbor Logistics",
        email="ravi.menon@harbor.example",
        created_at="2026-10-26 15:01:00",
    ),
]
MEETINGS = [
    dict(
        id=1,
        interview_id=1,
        contact_id=1,
        topic="Cutting the churn dashboard's refresh time",
        is_lead=1,
        position=0,
        added_on="2026-11-16",
    ),
    dict(id=2, interview_id=1, contact_id=2, topic="Their dbt migration", is_lead=0, position=1, added_on="2026-11-16"),
    dict(
        id=3,
        interview_id=2,
        contact_id=3,
        topic="Field tests with hospital staff",
        is_lead=1,
        position=0,
        added_on="2026-11-24",
    ),
    dict(
        id=4,
        interview_id=2,
        contact_id=4,
        topic="Sprint planning across teams",
        is_lead=0,
        position=1,
        added_on="2026-11-24",
    ),
    dict(id=5, interview_id=3, contact_id=5, topic="Site handovers", is_lead=1, position=0, added_on="2026-11-09"),
    dict(id=6, interview_id=4, contact_id=6, topic="", is_lead=1, position=0, added_on="2026-10-26"),
]
THANKS = "Dear Priya,\n\nThank you for Monday's conversation about the churn dashboard.\n\nBest regards,\nSam Rivera"


def _action(ident, interview, contact, kind, due, state="open", done_on=None, **more) -> dict:
    created = {1: "2026-11-16", 2: "2026-11-24", 3: "2026-11-09", 4: "2026-10-26"}[interview]
    return dict(
        id=ident,
        interview_id=interview,
        contact_id=contact,
        kind=kind,
        seq=more.pop("seq", 0),
        title=more.pop("title", ""),
        due=due,
        window_end=more.pop("window_end", None),
        state=state,
        done_on=done_on,
        moved=more.pop("moved", 0),
        note=more.pop("note", ""),
        created_on=created,
        draft=more.pop("draft", ""),
        sent_text=more.pop("sent_text", ""),
        sent_at=more.pop("sent_at", None),
    )


# On 25 Nov 2026 (the tests' clock): overdue, due today, upcoming within 7 and within 14 days, done
# (one today), cancelled on the closed interview; calls open in each window.
ACTIONS = [
    _action(1, 1, 1, "card", "2026-11-16", "done", "2026-11-16"),
    _action(
        2,
        1,
        1,
        "thank_you_email",
        "2026-11-16",
        "done",
        "2026-11-16",
        sent_text=THANKS,
        sent_at="2026-11-16 18:02:00",
        draft=THANKS,
    ),
    _action(3, 1, 2, "card", "2026-11-16", "done", "2026-11-16"),
    _action(4, 1, 2, "thank_you_email", "2026-11-16", "done", "2026-11-17"),
    _action(5, 1, None, "references", "2026-11-17", "done", "2026-11-17"),
    _action(6, 1, 1, "call", "2026-11-23", window_end="2026-11-23", note="Ask about the team's on-call rota."),
    _action(7, 1, 1, "letter", "2026-11-24"),
    _action(8, 1, 1, "decision", "2026-12-01"),
    _action(9, 2, 3, "card", "2026-11-24", "done", "2026-11-24"),
    _action(10, 2, 3, "thank_you_email", "2026-11-25", draft="Dear Dana,\n\nThank you for yesterday."),
    _action(11, 2, 4, "card", "2026-11-24"),
    _action(12, 2, 4, "thank_you_email", "2026-11-25", "done", "2026-11-25"),
    _action(13, 2, None, "references", "2026-11-25"),
    _action(14, 2, 3, "call", "2026-11-30", window_end="2026-12-01"),
    _action(15, 2, 3, "letter", "2026-12-02"),
    _action(16, 2, 3, "decision", "2026-12-07"),
    _action(17, 3, 5, "card", "2026-11-09", "done", "2026-11-09"),
    _action(18, 3, 5, "thank_you_letter", "2026-11-09", "done", "2026-11-10"),
    _action(19, 3, None, "references", "2026-11-10", "done", "2026-11-10"),
    _action(
        20,
        3,
        5,
        "call",
        "2026-11-16",
        "done",
        "2026-11-14",
        window_end="2026-11-16",
        note="Reached them, Sat 14 Nov 2026",
    ),
    _action(21, 3, 5, "letter", "2026-11-17", "done", "2026-11-18"),
    _action(22, 3, 5, "weekly_call", "2026-11-25", seq=2),  # a week after weekly #1 (27) was done
    _action(23, 3, None, "custom", "2026-11-27", title="Send the site-handover checklist", moved=1),
    _action(24, 4, 6, "thank_you_email", "2026-10-26", "done", "2026-10-26"),
    _action(25, 4, None, "references", "2026-10-27", "cancelled"),
    _action(26, 4, 6, "call", "2026-11-02", "cancelled", window_end="2026-11-03"),
    _action(27, 3, 5, "weekly_email", "2026-11-18", "done", "2026-11-18", seq=1),
]
PROFILE = {
    "name": "Sam Rivera",
    "email": "sam.rivera@example.com",
    "phone": "+1 503 555 0100",
    "address": "12 Oak Lane\nPortland, OR 97201",
    "signature": "Sam Rivera",
    "strengths": ["six years turning messy operational data into decisions executives act on"],
}
SETTINGS = {"phone_region": "US", "profile": json.dumps(PROFILE)}


def _columns(db, table: str) -> set[str]:
    return {row[1] for row in db.execute_sql(f'PRAGMA table_info("{table}")').fetchall()}


def _insert(db, table: str, rows: list[dict]) -> None:
    """Each row with the columns this version's table has; the others did not exist yet."""
    have = _columns(db, table)
    for row in rows:
        values = {name: value for name, value in row.items() if name in have}
        if "uid" in have:
            values["uid"] = uuid5(UID_SPACE, f"{table}/{row['id']}").hex
        names = ", ".join(f'"{name}"' for name in values)
        db.execute_sql(
            f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(values))})', tuple(values.values())
        )


def build(path: Path, version: int) -> None:
    """A version-`version` file at `path`, with the job hunt in it."""
    from followup_tui.store import database, schema, summary
    from followup_tui.store.models import db

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    db.init(str(path), pragmas=database.PRAGMAS)  # by hand: open_database would migrate to the current version
    db.connect()
    try:
        for step in schema.MIGRATIONS[:version]:
            with db.atomic():
                step()
        db.execute_sql(f"PRAGMA user_version = {version}")
        with db.atomic():
            _insert(db, "interview", INTERVIEWS)
            _insert(
                db,
                "contact",
                [
                    {
                        "address": "",
                        "preferred": "email",
                        "email": "",
                        "phone": "",
                        "phone_e164": "",
                        "title": "",
                        "mobile": "",
                        "mobile_e164": "",
                        "fax": "",
                        "website": "",
                        "linkedin": "",
                        "notes": "",
                        **c,
                    }
                    for c in CONTACTS
                ],
            )
            _insert(db, "meeting", MEETINGS)
            _insert(db, "action", ACTIONS)
            for key, value in SETTINGS.items():
                db.execute_sql('INSERT INTO "setting" ("key", "value") VALUES (?, ?)', (key, value))
            if "next_due" in _columns(db, "interview"):
                summary.refresh_all()  # from v5 on, the code kept each interview's summary current
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
        db.init(None)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def main(folder: Path) -> None:
    """Every version from 1 to the current one."""
    from followup_tui.store.schema import SCHEMA_VERSION

    for version in range(1, SCHEMA_VERSION + 1):
        build(folder / f"v{version}.db", version)
        print(f"v{version}.db")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
