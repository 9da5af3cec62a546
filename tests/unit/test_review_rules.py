"""The daily review's pure rules: sections, progress, contact details."""

from __future__ import annotations

from datetime import date

from followup_tui.dates import next_business_day
from followup_tui.kinds import Kind, State
from followup_tui.review import OVERDUE, TODAY, UPCOMING, ReviewItem, group, summarise

DAY = date(2026, 11, 25)


def make(ident, kind, due, state=State.OPEN, done_on=None, **kw) -> ReviewItem:
    return ReviewItem(
        id=ident,
        interview_id=1,
        kind=kind,
        label="",
        title=kw.pop("title", ""),
        due=due,
        state=state,
        company=kw.pop("company", "Acme"),
        role=kw.pop("role", "Analyst"),
        done_on=done_on,
        **kw,
    )


def test_sections_and_progress():
    items = [
        make(1, Kind.CALL, date(2026, 11, 24), person="Ana", phone="+1 415 555 0142"),
        make(2, Kind.THANK_YOU_EMAIL, DAY, State.DONE, DAY, person="Ana", email="a@x.example"),
        make(3, Kind.LETTER, date(2026, 11, 30), person="Ana", address="1 Main St\nSpringfield"),
        make(4, Kind.REFERENCES, DAY),
    ]
    sections = group(items, DAY)
    assert [i.id for i in sections[OVERDUE]] == [1]
    assert [i.id for i in sections[TODAY]] == [2, 4]  # a done item stays where it was due
    assert [i.id for i in sections[UPCOMING]] == [3]
    assert summarise(items, DAY, 2).line() == "1 of 3 done today · 2 active interviews"


def test_contact_detail_matches_the_medium():
    assert make(1, Kind.CALL, DAY, person="Ana", phone="555", email="a@x").contact == "555"
    assert make(1, Kind.WEEKLY_EMAIL, DAY, person="Ana", phone="555", email="a@x").contact == "a@x"
    assert make(1, Kind.LETTER, DAY, person="Ana", address="1 Main St\nSpringfield").contact == "1 Main St"
    assert make(1, Kind.CALL, DAY, person="Ana").missing == "no phone on file"
    assert make(1, Kind.THANK_YOU_LETTER, DAY, person="Ana").missing == "no mailing address on file"
    assert make(1, Kind.CALL, DAY).missing == "no interviewer on file"
    # The references item's "who" is the references in the profile; with none, it says to add them.
    assert make(1, Kind.REFERENCES, DAY).missing == "add your references to your profile (p)"
    assert make(1, Kind.REFERENCES, DAY, person="Ana Ruiz, Tom Lee").missing == ""


def test_next_business_day_skips_the_weekend():
    assert next_business_day(date(2026, 11, 25), frozenset()) == date(2026, 11, 26)
    assert next_business_day(date(2026, 11, 27), frozenset()) == date(2026, 11, 30)  # Friday -> Monday
    assert next_business_day(date(2026, 11, 28), frozenset()) == date(2026, 11, 30)
