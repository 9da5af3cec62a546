"""The contact record (followup_tui.contact) is the one list of a person's fields: the model, the
migrated schema and what the store reads and writes must all agree with it."""

from __future__ import annotations

import sqlite3
from datetime import date

from followup_tui.contact import CARD_FIELDS, CONTACT_COLUMNS, MEETING_COLUMNS, PERSON_FIELDS, PersonInput
from followup_tui.inputs import InterviewInput
from followup_tui.kinds import Medium
from followup_tui.store import commands, queries
from followup_tui.store.models import Contact, Meeting

# Columns the store keeps for itself, not typed by anyone.
BOOKKEEPING = {"id", "uid", "created_at", "interview", "contact", "position", "added_on"}


def test_every_person_field_has_one_column_on_the_model_and_in_the_migrated_schema(store):
    assert set(CONTACT_COLUMNS) | set(MEETING_COLUMNS) == set(PERSON_FIELDS)
    assert set(Contact._meta.fields) - BOOKKEEPING == set(CONTACT_COLUMNS)
    assert set(Meeting._meta.fields) - BOOKKEEPING == set(MEETING_COLUMNS)
    with sqlite3.connect(store) as connection:
        contact = {row[1] for row in connection.execute('PRAGMA table_info("contact")')}
        meeting = {row[1] for row in connection.execute('PRAGMA table_info("meeting")')}
    assert set(CONTACT_COLUMNS) <= contact
    assert set(MEETING_COLUMNS) <= meeting


def test_a_person_with_every_field_filled_comes_back_whole_from_the_store(store):
    day = date(2026, 11, 20)
    interview = commands.add_interview(InterviewInput("Acme", day), day)
    # Every field a distinct value, so a column read into the wrong field shows.
    typed = {name: f"{name} value" for name in CARD_FIELDS} | {"notes": "notes value", "topic": "topic value"}
    person = PersonInput(**typed, preferred=Medium.POST, is_lead=True)
    commands.add_person(interview, person, day)

    (card,) = queries.interview_detail(interview).people
    assert card.as_input() == person
    assert queries.contact_cards() == [person.as_card()]
    found = queries.find_contact("email value", ())
    assert found is not None and found.as_card() == person.as_card()
