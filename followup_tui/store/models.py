"""The peewee models; the schema itself is made by the migrations in database.py."""

from __future__ import annotations

from uuid import uuid4

from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    SqliteDatabase,
    TextField,
)

from followup_tui.store.database import bind_peewee

class StoreDatabase(SqliteDatabase):
    """peewee's database, bound to whichever file store.database has open before every connection and
    cursor: a model query can never reach an unbound database, whichever module made it."""

    def connect(self, reuse_if_open: bool = False) -> bool:
        bind_peewee(self)
        return super().connect(reuse_if_open)

    def connection(self):
        bind_peewee(self)
        return super().connection()

    def cursor(self, named_cursor=None):
        bind_peewee(self)
        if self.is_closed():
            self.connect()
        return super().cursor(named_cursor)


db = StoreDatabase(None)


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

    uid = CharField(unique=True, default=new_uid)
    company = CharField()
    role = CharField(default="")
    day = DateField()
    ended_at = CharField(null=True)  # "HH:MM"; decides when the thank-yous are due
    status = CharField(default="active")
    decision_expected = DateField(null=True)
    notes = TextField(default="")
    created_at = DateTimeField()
    # Kept by the store on every change, so the list is one indexed query (see store.summary).
    next_action_id = IntegerField(null=True)
    next_due = DateField(null=True)
    people = TextField(default="")
    list_rank = TextField(null=True)


class Contact(BaseModel):
    """A person's business card; one contact may be met at several interviews."""

    uid = CharField(unique=True, default=new_uid)
    name = CharField()
    title = CharField(default="")
    company = CharField(default="")
    email = CharField(default="")
    phone = CharField(default="")
    phone_e164 = CharField(default="")
    mobile = CharField(default="")
    mobile_e164 = CharField(default="")
    fax = CharField(default="")
    website = CharField(default="")
    linkedin = CharField(default="")
    address = TextField(default="")
    preferred = CharField(default="email")
    notes = TextField(default="")
    created_at = DateTimeField()


class Meeting(BaseModel):
    """A contact met at an interview; the topic discussed belongs here."""

    uid = CharField(unique=True, default=new_uid)
    interview = ForeignKeyField(Interview, on_delete="CASCADE", backref="meetings")
    contact = ForeignKeyField(Contact, on_delete="CASCADE", backref="meetings")
    topic = TextField(default="")
    is_lead = BooleanField(default=False)
    position = IntegerField(default=0)
    added_on = DateField()


class Action(BaseModel):
    """One item of an interview's checklist."""

    uid = CharField(unique=True, default=new_uid)
    interview = ForeignKeyField(Interview, on_delete="CASCADE", backref="actions")
    contact = ForeignKeyField(Contact, null=True, on_delete="CASCADE")
    kind = CharField()
    seq = IntegerField(default=0)
    title = CharField(default="")
    due = DateField()
    window_end = DateField(null=True)
    state = CharField(default="open")
    done_on = DateField(null=True)
    moved = BooleanField(default=False)
    note = TextField(default="")
    created_on = DateField()
    draft = TextField(default="")
    sent_text = TextField(default="")
    sent_at = DateTimeField(null=True)


class Setting(BaseModel):
    """A user setting, such as the default phone region."""

    key = CharField(primary_key=True)
    value = TextField()


MODELS = (Interview, Contact, Meeting, Action, Setting)
