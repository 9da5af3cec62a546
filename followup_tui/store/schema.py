"""The database's schema: the ordered migrations, the version they reach and the application id.

Its one home, read by store.database (which runs the steps) and by store.lite (which `followup today`
uses without peewee): importing this module loads no peewee; each step imports what it needs when it runs."""

from __future__ import annotations

from typing import Any

APPLICATION_ID = 0x466F4C55  # "FoLU": marks the file as a followup database


def _db() -> Any:
    """peewee's database, bound to the file being migrated (by store.database, or by hand in tests)."""
    from followup_tui.store.models import db

    return db


def _schema_v1() -> None:
    """The first schema: interviews, contacts, the meetings between them, actions and settings."""
    db = _db()
    for statement in (
        """CREATE TABLE "interview" (
            "id" INTEGER NOT NULL PRIMARY KEY,
            "company" VARCHAR(255) NOT NULL,
            "role" VARCHAR(255) NOT NULL DEFAULT '',
            "day" DATE NOT NULL,
            "ended_at" VARCHAR(255),
            "status" VARCHAR(255) NOT NULL DEFAULT 'active',
            "decision_expected" DATE,
            "notes" TEXT NOT NULL DEFAULT '',
            "created_at" DATETIME NOT NULL)""",
        'CREATE INDEX "interview_status_day" ON "interview" ("status", "day")',
        """CREATE TABLE "contact" (
            "id" INTEGER NOT NULL PRIMARY KEY,
            "name" VARCHAR(255) NOT NULL,
            "title" VARCHAR(255) NOT NULL DEFAULT '',
            "company" VARCHAR(255) NOT NULL DEFAULT '',
            "email" VARCHAR(255) NOT NULL DEFAULT '',
            "phone" VARCHAR(255) NOT NULL DEFAULT '',
            "phone_e164" VARCHAR(255) NOT NULL DEFAULT '',
            "address" TEXT NOT NULL DEFAULT '',
            "preferred" VARCHAR(255) NOT NULL DEFAULT 'email',
            "notes" TEXT NOT NULL DEFAULT '',
            "created_at" DATETIME NOT NULL)""",
        'CREATE INDEX "contact_email" ON "contact" ("email")',
        'CREATE INDEX "contact_phone_e164" ON "contact" ("phone_e164")',
        """CREATE TABLE "meeting" (
            "id" INTEGER NOT NULL PRIMARY KEY,
            "interview_id" INTEGER NOT NULL REFERENCES "interview" ("id") ON DELETE CASCADE,
            "contact_id" INTEGER NOT NULL REFERENCES "contact" ("id") ON DELETE CASCADE,
            "topic" TEXT NOT NULL DEFAULT '',
            "is_lead" INTEGER NOT NULL DEFAULT 0,
            "position" INTEGER NOT NULL DEFAULT 0,
            "added_on" DATE NOT NULL)""",
        'CREATE UNIQUE INDEX "meeting_interview_contact" ON "meeting" ("interview_id", "contact_id")',
        'CREATE INDEX "meeting_contact" ON "meeting" ("contact_id")',
        """CREATE TABLE "action" (
            "id" INTEGER NOT NULL PRIMARY KEY,
            "interview_id" INTEGER NOT NULL REFERENCES "interview" ("id") ON DELETE CASCADE,
            "contact_id" INTEGER REFERENCES "contact" ("id") ON DELETE CASCADE,
            "kind" VARCHAR(255) NOT NULL,
            "seq" INTEGER NOT NULL DEFAULT 0,
            "title" VARCHAR(255) NOT NULL DEFAULT '',
            "due" DATE NOT NULL,
            "window_end" DATE,
            "state" VARCHAR(255) NOT NULL DEFAULT 'open',
            "done_on" DATE,
            "moved" INTEGER NOT NULL DEFAULT 0,
            "note" TEXT NOT NULL DEFAULT '',
            "created_on" DATE NOT NULL)""",
        'CREATE INDEX "action_interview_state_due" ON "action" ("interview_id", "state", "due")',
        'CREATE INDEX "action_state_due" ON "action" ("state", "due")',
        'CREATE INDEX "action_contact" ON "action" ("contact_id")',
        """CREATE TABLE "setting" ("key" VARCHAR(255) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)""",
        f"PRAGMA application_id = {APPLICATION_ID}",
    ):
        db.execute_sql(statement)


def _schema_v2() -> None:
    """Business cards carry a mobile, a fax, a website and a LinkedIn profile."""
    db = _db()
    from playhouse.migrate import SqliteMigrator, migrate

    from followup_tui.store.models import Contact

    migrator = SqliteMigrator(db)
    migrate(
        *(
            migrator.add_column("contact", name, Contact._meta.fields[name])
            for name in ("mobile", "mobile_e164", "fax", "website", "linkedin")
        )
    )
    db.execute_sql('CREATE INDEX "contact_mobile_e164" ON "contact" ("mobile_e164")')


def _schema_v3() -> None:
    """Actions keep their draft, and the text that was sent and when."""
    db = _db()
    from playhouse.migrate import SqliteMigrator, migrate

    from followup_tui.store.models import Action

    migrator = SqliteMigrator(db)
    migrate(
        *(migrator.add_column("action", name, Action._meta.fields[name]) for name in ("draft", "sent_text", "sent_at"))
    )


def _schema_v4() -> None:
    """Every record gets a stable uid, so an export imports back (and merges) without doubling."""
    db = _db()
    from uuid import uuid4

    for table in ("interview", "contact", "meeting", "action"):
        db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "uid" VARCHAR(255)')
        ids = [row[0] for row in db.execute_sql(f'SELECT id FROM "{table}"').fetchall()]
        for ident in ids:
            db.execute_sql(f'UPDATE "{table}" SET uid = ? WHERE id = ?', (uuid4().hex, ident))
        db.execute_sql(f'CREATE UNIQUE INDEX "{table}_uid" ON "{table}" ("uid")')


def _schema_v5() -> None:
    """Each interview keeps its next open action and its people's names: the list becomes one
    indexed query instead of an aggregate over every action (benchmarks/run.py)."""
    db = _db()
    for statement in (
        'ALTER TABLE "interview" ADD COLUMN "next_action_id" INTEGER',
        'ALTER TABLE "interview" ADD COLUMN "next_due" DATE',
        """ALTER TABLE "interview" ADD COLUMN "people" TEXT NOT NULL DEFAULT ''""",
        'CREATE INDEX "interview_status_next_due" ON "interview" ("status", "next_due")',
    ):
        db.execute_sql(statement)
    from followup_tui.store.summary import refresh_all

    refresh_all()


def _schema_v6() -> None:
    """The daily review's "done today" half reads by (state, done_on)."""
    db = _db()
    db.execute_sql('CREATE INDEX "action_state_done_on" ON "action" ("state", "done_on")')


def _schema_v7() -> None:
    """The list's order kept as an indexed column, so the first screenful is read without sorting
    every interview: start-up then costs the same with 10 interviews or 10,000."""
    db = _db()
    db.execute_sql('ALTER TABLE "interview" ADD COLUMN "list_rank" TEXT')
    db.execute_sql('CREATE INDEX "interview_list_rank" ON "interview" ("list_rank")')
    from followup_tui.store.summary import refresh_all

    refresh_all()


def _schema_v8() -> None:
    """The method never skips a thank-you: the cards and thank-yous that earlier versions cancelled
    when an interview closed in the last week are open again (older ones are left as they were: the
    moment has passed). From this version on, actions may also be weekly letters, which an older
    followup cannot read: the version number makes it refuse this file rather than misread it."""
    from datetime import timedelta

    from followup_tui import clock

    db = _db()
    since = (clock.today() - timedelta(days=7)).isoformat()
    db.execute_sql(
        """UPDATE "action" SET state = 'open'
           WHERE state = 'cancelled' AND kind IN ('card', 'thank_you_email', 'thank_you_letter')
             AND interview_id IN (SELECT id FROM "interview" WHERE day >= ?)""",
        (since,),
    )
    from followup_tui.store.summary import refresh_all

    refresh_all()


def _schema_v9() -> None:
    """A letter can be dropped with a reason (state 'dropped'), and each interviewer with a mailing
    address gets a letter of their own. Nothing to change in the rows: the cards an earlier version
    ticked on one contact detail stay ticked (done items are the user's record, never reopened), and
    the letters appear as each interview is next re-planned. The version number is the point: an
    older followup cannot read the new state, so it refuses this file rather than misread it."""


def _schema_v10() -> None:
    """The schedule the interviewer outlined: when the interview started (an end an hour later is
    assumed when none is given), and when the next step is expected."""
    db = _db()
    db.execute_sql('ALTER TABLE "interview" ADD COLUMN "started_at" VARCHAR(255)')
    db.execute_sql('ALTER TABLE "interview" ADD COLUMN "next_step_expected" DATE')


def _schema_v11() -> None:
    """Calendar and contacts sync (`followup sync`): per synced item its server address, ETag and what was
    last agreed with the server (the fields as both sides had them, JSON), so a change here can be told from
    a change there; per server collection its change tag (ctag or sync-token), so an unchanged one costs one
    request."""
    db = _db()
    for statement in (
        """CREATE TABLE "sync_item" (
            "id" INTEGER NOT NULL PRIMARY KEY,
            "kind" VARCHAR(255) NOT NULL,
            "local_uid" VARCHAR(255) NOT NULL,
            "href" TEXT NOT NULL,
            "etag" TEXT NOT NULL DEFAULT '',
            "agreed" TEXT NOT NULL DEFAULT '{}')""",
        'CREATE UNIQUE INDEX "sync_item_kind_local_uid" ON "sync_item" ("kind", "local_uid")',
        """CREATE TABLE "sync_collection" (
            "url" TEXT NOT NULL PRIMARY KEY,
            "kind" VARCHAR(255) NOT NULL,
            "tag" TEXT NOT NULL DEFAULT '')""",
    ):
        db.execute_sql(statement)


# Ordered steps: MIGRATIONS[n] takes a version-n file to version n+1. Append, never edit.
MIGRATIONS = (
    _schema_v1,
    _schema_v2,
    _schema_v3,
    _schema_v4,
    _schema_v5,
    _schema_v6,
    _schema_v7,
    _schema_v8,
    _schema_v9,
    _schema_v10,
    _schema_v11,
)
SCHEMA_VERSION = len(MIGRATIONS)
"""The schema this followup writes (PRAGMA user_version); a newer file is refused, an older one migrated."""
