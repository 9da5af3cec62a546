"""The method: "Do alert your references ... that they may be getting a phone call from the employer."
References live in the profile; the item names them, drafts a heads-up for each and records who was told."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from followup_tui.contact import PersonInput
from followup_tui.inputs import InterviewInput
from followup_tui.kinds import Kind, State
from followup_tui.store import commands, queries, references, writing_notes
from followup_tui.validate import InputProblem
from followup_tui.writing.drafts import TEMPLATES, template_problems
from followup_tui.writing.heads_up import TEMPLATE, Interviewer, heads_up
from followup_tui.writing.profile import (
    Profile,
    Reference,
    references_from_text,
    references_named,
    still_to_tell,
    told_references,
)

TODAY = date(2026, 11, 25)
ANA = Reference("Ana Ruiz", "my manager at Acme", "ana@acme.example", "+1 503 555 0101")
TOM = Reference("Tom Lee", "former colleague", "", "+1 503 555 0102")
ME = Profile(name="Sam Rivera", strengths=("six years turning messy data into decisions",), references=(ANA, TOM))


# ---- the profile keeps them ------------------------------------------------------------------------


def test_references_round_trip_through_the_stored_profile():
    assert Profile.from_json(ME.to_json()) == ME


def test_references_a_profile_stored_before_references_existed_still_loads():
    old = json.dumps({"name": "Sam Rivera", "email": "sam@example.com", "strengths": ["clear writing"]})
    loaded = Profile.from_json(old)
    assert (loaded.name, loaded.strengths, loaded.references) == ("Sam Rivera", ("clear writing",), ())


def test_references_another_programs_odd_entries_are_skipped_and_cleaned():
    stored = json.dumps({"references": [{"name": "Ana Ruiz\x1b\x07"}, {"relationship": "no name"}, "Tom", 3]})
    assert Profile.from_json(stored).references == (Reference("Ana Ruiz"),)  # no terminal codes kept
    assert Profile.from_json(json.dumps({"references": "Ana"})).references == ()


def test_references_are_typed_one_per_line_name_relationship_email_phone():
    typed = "Ana Ruiz; my manager at Acme; Ana@Acme.example; +1 503 555 0101\n\n  Tom Lee ; former colleague\n"
    assert references_from_text(typed) == (
        Reference("Ana Ruiz", "my manager at Acme", "Ana@acme.example", "+1 503 555 0101"),
        Reference("Tom Lee", "former colleague"),
    )
    # And the form shows them back the same way.
    assert references_from_text("\n".join(r.as_line() for r in (ANA, TOM))) == (ANA, TOM)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("; my manager", "Reference 1: the name comes first"),
        ("Ana Ruiz; manager; not-an-email", "Reference 1 (Ana Ruiz)"),
        ("Tom Lee\nAna; a; b@c.example; 1; 2", "Reference 2: at most four parts"),
    ],
)
def test_references_typed_wrong_say_which_line_to_fix(typed, message):
    with pytest.raises(InputProblem, match=message.replace("(", r"\(").replace(")", r"\)")):
        references_from_text(typed)


# ---- who was told ------------------------------------------------------------------------------------


def test_references_told_are_read_from_the_items_note_lines():
    note = "Call Ana first\nTold Ana Ruiz, Wed 25 Nov 2026"
    assert told_references(note) == {"ana ruiz": "Wed 25 Nov 2026"}
    assert still_to_tell((ANA, TOM), note) == (TOM,)
    assert references_named((ANA, TOM), note) == "Tom Lee"  # who is still to tell
    assert references_named((ANA, TOM), note + "\nTold Tom Lee, Thu 26 Nov 2026") == "Ana Ruiz, Tom Lee"


# ---- the heads-up draft --------------------------------------------------------------------------------


PEOPLE = [
    Interviewer("Tom Becker", "Data Engineer", topic="Their dbt migration"),
    Interviewer("Priya Raman", "Head of Analytics", is_lead=True, topic="Cutting the churn dashboard's refresh time."),
]


def test_references_heads_up_names_the_company_the_role_who_may_call_and_what_to_stress():
    text = heads_up(TEMPLATES[TEMPLATE][1], ANA, "Northwind Analytics", "Senior Data Analyst", PEOPLE, ME)
    assert text.startswith("Subject: A heads-up: Northwind Analytics may call you\n\nHi Ana,")
    assert "the Senior Data Analyst position at Northwind Analytics" in text
    assert "Priya Raman (Head of Analytics) may get in touch" in text  # the lead, not the first met
    assert "my work on Their dbt migration and Cutting the churn dashboard's refresh time" in text
    assert text.rstrip().endswith("Sam Rivera") and "{" not in text


def test_references_heads_up_with_no_topics_stresses_your_strengths_and_with_no_one_met_the_company():
    text = heads_up(TEMPLATES[TEMPLATE][1], TOM, "Acme", "Analyst", [], ME)
    assert "someone from Acme may get in touch" in text
    assert "six years turning messy data into decisions" in text and "Hi Tom," in text


def test_references_heads_up_template_is_editable_and_checked_like_the_others():
    assert not template_problems(TEMPLATES[TEMPLATE][1])
    mine = "Hi {reference_first_name}: {company} may call about {role}. {stress}."
    assert heads_up(mine, ANA, "Acme", "Analyst", [], Profile()) == "Hi Ana: Acme may call about Analyst. {stress}."


# ---- the store: the item names them, and is done when everyone was told ----------------------------------


@pytest.fixture
def hunt(store):
    interview = commands.add_interview(InterviewInput("Northwind Analytics", TODAY, "Senior Data Analyst"), TODAY)
    commands.add_person(interview, PersonInput(name="Priya Raman", title="Head of Analytics", is_lead=True), TODAY)
    item = next(a for a in queries.interview_detail(interview).actions if a.kind is Kind.REFERENCES)
    return interview, item.id


def references_item(interview: int):
    return next(a for a in queries.interview_detail(interview).actions if a.kind is Kind.REFERENCES)


def test_references_with_none_in_the_profile_the_item_says_to_add_them(hunt):
    interview, _ = hunt
    item = references_item(interview)
    assert item.label == "Alert your references: they may get a call"
    assert item.missing == "add your references to your profile (p)"


def test_references_the_item_names_them_in_the_checklist_and_the_review(hunt):
    interview, ident = hunt
    writing_notes.save_profile(ME)
    assert references_item(interview).label == "Alert your references: Ana Ruiz, Tom Lee"
    assert references_item(interview).missing == ""
    review = queries.review_item(ident)
    assert (review.person, review.label) == ("Ana Ruiz, Tom Lee", "Alert your references: Ana Ruiz, Tom Lee")


def test_references_telling_each_is_recorded_with_the_date_and_the_last_one_ticks_the_item(hunt):
    interview, ident = hunt
    writing_notes.save_profile(ME)
    references.tell(ident, ANA, TODAY)
    item = references_item(interview)
    assert item.state is State.OPEN and item.note == "Told Ana Ruiz, Wed 25 Nov 2026"
    assert item.label == "Alert your references: Tom Lee"
    references.tell(ident, ANA, date(2026, 11, 26))  # told twice: the first day stays
    references.tell(ident, TOM, date(2026, 11, 26))
    item = references_item(interview)
    assert (item.state, item.done_on) == (State.DONE, date(2026, 11, 26))
    assert item.note.split("\n") == ["Told Ana Ruiz, Wed 25 Nov 2026", "Told Tom Lee, Thu 26 Nov 2026"]
    told = references.heads_ups(ident)
    assert [told.told_on(r) for r, _ in told.drafts] == ["Wed 25 Nov 2026", "Thu 26 Nov 2026"]


def test_references_heads_ups_come_from_the_edited_template(hunt):
    _, ident = hunt
    writing_notes.save_profile(ME)
    writing_notes.save_template(TEMPLATE, "Dear {reference_name}, {who_may_call} may call.")
    drafts = references.heads_ups(ident).drafts
    assert [text for _, text in drafts] == [
        "Dear Ana Ruiz, Priya Raman (Head of Analytics) may call.",
        "Dear Tom Lee, Priya Raman (Head of Analytics) may call.",
    ]


def test_references_only_the_references_item_records_who_was_told(hunt):
    interview, _ = hunt
    writing_notes.save_profile(replace(ME, references=(ANA,)))
    call = next(a for a in queries.interview_detail(interview).actions if a.kind is Kind.CALL)
    with pytest.raises(Exception, match="not the one about your references"):
        references.tell(call.id, ANA, TODAY)
