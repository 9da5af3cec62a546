"""The peewee models; the schema itself is made by the migrations in store/schema.py."""

from __future__ import annotations

import sqlite3
from uuid import uuid4

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    Field,
    ForeignKeyField,
    IntegerField,
    Model,
    SqliteDatabase,
    TextField,
)

from followup_tui.store import lite
from followup_tui.store.database import bind_peewee
from followup_tui.text import MAX_STORED_LINE, clean, clean_line, clip


def read_text(raw: bytes) -> str:
    """Every text value read through peewee (drafts, exports, what a write checks), as the terminal may
    see it: decoded as the plain-SQL reads are (bad UTF-8 replaced), then without terminal codes. (The
    panes' plain-SQL reads clean in store.queries, only what they show: a Python call per value costs
    15 ms per 10,000 rows.)"""
    return clean(lite.read_text(raw))


class StoreDatabase(SqliteDatabase):
    """peewee's database, bound to whichever file store.database has open before every connection and
    cursor: a model query can never reach an unbound database, whichever module made it."""

    def connect(self, reuse_if_open: bool = False) -> bool:
        bind_peewee(self)
        return super().connect(reuse_if_open)

    def connection(self) -> sqlite3.Connection:
        bind_peewee(self)
        connection: sqlite3.Connection = super().connection()
        return connection

    def _connect(self) -> sqlite3.Connection:
        connection: sqlite3.Connection = super()._connect()  # type: ignore[misc]  # private: not in the stubs
        connection.text_factory = read_text
        return connection

    def cursor(self, named_cursor: object = None) -> sqlite3.Cursor:
        bind_peewee(self)
        if self.is_closed():
            self.connect()
        cursor: sqlite3.Cursor = super().cursor(named_cursor)
        return cursor


db = StoreDatabase(None)


class _Cleaned(Field):
    """A text field whose every write passes through `cleaned`: whatever writes it (a form, an import, a
    command), what is stored has no terminal codes."""

    @staticmethod
    def cleaned(value: str) -> str:
        return clean(value)

    def db_value(self, value: object) -> object:
        value = super().db_value(value)
        return self.cleaned(value) if isinstance(value, str) else value


class LineField(_Cleaned, CharField):
    """One line of user text: no terminal codes, no line breaks, at most MAX_STORED_LINE characters."""

    @staticmethod
    def cleaned(value: str) -> str:
        return clip(clean_line(value), MAX_STORED_LINE)


class TextBlockField(_Cleaned, TextField):
    """Multi-line user text (notes, an address, a draft), stored without terminal codes."""


class SettingField(_Cleaned, TextField):
    """A setting's value, often JSON: cleaned but never cut, since a cut JSON text cannot be read back."""

    @staticmethod
    def cleaned(value: str) -> str:
        return clean(value, limit=len(value))


def new_uid() -> str:
    """A stable id that survives export and import (row ids do not)."""
    return uuid4().hex


class BaseModel(Model):
    """Binds every model to the one database."""

    class Meta:
        database = db
        legacy_table_names = False


class Interview(BaseModel):
    """One interview: a company, a role, a day."""

    id = AutoField()  # what peewee adds by itself, spelled out so that `.id` has a type
    uid = CharField(unique=True, default=new_uid)
    company = LineField()
    role = LineField(default="")
    day = DateField()
    ended_at = CharField(null=True)  # "HH:MM"; decides when the thank-yous are due
    started_at = CharField(null=True)  # "HH:MM"; with no end given, the end is taken an hour later
    status = CharField(default="active")
    decision_expected = DateField(null=True)
    next_step_expected = DateField(null=True)
    notes = TextBlockField(default="")
    created_at = DateTimeField()
    # Kept by the store on every change, so the list is one indexed query (see store.summary).
    next_action_id = IntegerField(null=True)
    next_due = DateField(null=True)
    people = TextField(default="")
    list_rank = TextField(null=True)


class Contact(BaseModel):
    """A person's business card; one contact may be met at several interviews."""

    id = AutoField()  # what peewee adds by itself, spelled out so that `.id` has a type
    uid = CharField(unique=True, default=new_uid)
    name = LineField()
    title = LineField(default="")
    company = LineField(default="")
    email = LineField(default="")
    phone = LineField(default="")
    phone_e164 = LineField(default="")
    mobile = LineField(default="")
    mobile_e164 = LineField(default="")
    fax = LineField(default="")
    website = LineField(default="")
    linkedin = LineField(default="")
    address = TextBlockField(default="")
    preferred = CharField(default="email")
    notes = TextBlockField(default="")
    created_at = DateTimeField()


class Meeting(BaseModel):
    """A contact met at an interview; the topic discussed belongs here."""

    id = AutoField()  # what peewee adds by itself, spelled out so that `.id` has a type
    uid = CharField(unique=True, default=new_uid)
    interview = ForeignKeyField(Interview, on_delete="CASCADE", backref="meetings")
    contact = ForeignKeyField(Contact, on_delete="CASCADE", backref="meetings")
    interview_id: int  # the foreign keys' ids, which peewee provides (annotations only, for the type checker)
    contact_id: int
    topic = TextBlockField(default="")
    is_lead = BooleanField(default=False)
    position = IntegerField(default=0)
    added_on = DateField()


class Action(BaseModel):
    """One item of an interview's checklist."""

    id = AutoField()  # what peewee adds by itself, spelled out so that `.id` has a type
    uid = CharField(unique=True, default=new_uid)
    interview = ForeignKeyField(Interview, on_delete="CASCADE", backref="actions")
    contact = ForeignKeyField(Contact, null=True, on_delete="CASCADE")
    interview_id: int  # the foreign keys' ids, which peewee provides (annotations only, for the type checker)
    contact_id: int | None
    kind = CharField()
    seq = IntegerField(default=0)
    title = LineField(default="")
    due = DateField()
    window_end = DateField(null=True)
    state = CharField(default="open")
    done_on = DateField(null=True)
    moved = BooleanField(default=False)
    note = TextBlockField(default="")
    created_on = DateField()
    draft = TextBlockField(default="")
    sent_text = TextBlockField(default="")
    sent_at = DateTimeField(null=True)


class Setting(BaseModel):
    """A user setting, such as the default phone region."""

    key = CharField(primary_key=True)
    value = SettingField()


MODELS = (Interview, Contact, Meeting, Action, Setting)
