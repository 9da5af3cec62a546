"""Business days skip the user's public holidays: no call on 25 December, no letter on Thanksgiving, no
snooze from Christmas Eve onto Christmas Day; thank-yous keep their day (same day or next morning)."""

from __future__ import annotations

import locale
from dataclasses import replace
from datetime import date, datetime, time

import pytest

from followup_tui import clock, public_holidays
from followup_tui.contact import PersonInput
from followup_tui.dates import next_business_day, snoozed_day
from followup_tui.inputs import InterviewInput
from followup_tui.kinds import Kind
from followup_tui.plan import InterviewFacts, PersonFacts, plan
from followup_tui.settings import Settings
from followup_tui.store import commands, queries
from followup_tui.validate import InputProblem

US = public_holidays.days_off("US", 2026, 2027)
GB = public_holidays.days_off("GB", 2026, 2027)
CHRISTMAS_EVE, CHRISTMAS = date(2026, 12, 24), date(2026, 12, 25)  # a Thursday and a Friday
THANKSGIVING = date(2026, 11, 26)  # the fourth Thursday of November


def planned(interview: InterviewFacts, days_off: frozenset[date]) -> dict[Kind, date]:
    """The due date of each kind the plan creates for one interviewer."""
    created = plan(interview, [PersonFacts(1, interview.day)], [], interview.day, days_off).create
    return {action.kind: action.due for action in created}


def test_holidays_the_letter_never_falls_on_christmas():
    thursday = date(2026, 12, 17)  # day 8 is Friday 25 December
    assert planned(InterviewFacts(thursday), frozenset())[Kind.LETTER] == CHRISTMAS  # weekends only: as before
    assert planned(InterviewFacts(thursday), US)[Kind.LETTER] == date(2026, 12, 28)
    # In Britain Boxing Day falls on a Saturday and is observed on Monday 28th: the letter goes on Tuesday.
    assert planned(InterviewFacts(thursday), GB)[Kind.LETTER] == date(2026, 12, 29)


def test_holidays_the_call_never_falls_on_christmas(store):
    """An unanswered call on Christmas Eve is tried again after Christmas, not on the 25th."""
    commands.change_settings(lambda s: replace(s, holiday_region="US"))
    clock.freeze(datetime(2026, 12, 18, 10))
    iid = commands.add_interview(InterviewInput("Acme", date(2026, 12, 18), "Analyst"), date(2026, 12, 18))
    commands.add_person(iid, PersonInput(name="Dana Reyes"), date(2026, 12, 18))
    call = next(a for a in queries.interview_detail(iid).actions if a.kind is Kind.CALL)
    assert call.due == date(2026, 12, 23)  # day 5

    clock.freeze(datetime(2026, 12, 24, 10))
    commands.complete(call.id, CHRISTMAS_EVE, commands.CallOutcome.NO_ANSWER)

    assert queries.review_item(call.id).due == date(2026, 12, 28)
    assert next_business_day(CHRISTMAS_EVE, frozenset()) == CHRISTMAS  # what weekends alone would do


def test_holidays_the_letter_never_falls_on_thanksgiving_in_the_us():
    wednesday = date(2026, 11, 18)  # day 8 is Thanksgiving
    assert planned(InterviewFacts(wednesday), frozenset())[Kind.LETTER] == THANKSGIVING
    assert planned(InterviewFacts(wednesday), US)[Kind.LETTER] == date(2026, 11, 27)


def test_holidays_of_a_subdivision_count_where_the_country_has_none():
    wednesday = date(2026, 11, 18)
    # California also takes the day after Thanksgiving off: the letter waits until Monday.
    california = public_holidays.days_off("US-CA", 2026, 2027)
    assert planned(InterviewFacts(wednesday), california)[Kind.LETTER] == date(2026, 11, 30)
    # Scotland keeps St Andrew's Day (Monday 30 November); England does not.
    friday = date(2026, 11, 20)  # day 8 is Saturday 28th: Monday 30th
    scotland = public_holidays.days_off("GB-SCT", 2026, 2027)
    assert planned(InterviewFacts(friday), GB)[Kind.LETTER] == date(2026, 11, 30)
    assert planned(InterviewFacts(friday), scotland)[Kind.LETTER] == date(2026, 12, 1)
    # Quebec's Thanksgiving is in October: American Thanksgiving is a business day there.
    quebec = public_holidays.days_off("CA-QC", 2026, 2027)
    assert planned(InterviewFacts(wednesday), quebec)[Kind.LETTER] == THANKSGIVING


def test_holidays_a_snooze_from_christmas_eve_lands_after_christmas():
    assert snoozed_day(CHRISTMAS_EVE, CHRISTMAS_EVE, US) == date(2026, 12, 28)
    assert snoozed_day(CHRISTMAS_EVE, CHRISTMAS_EVE, frozenset()) == CHRISTMAS


def test_holidays_a_uk_bank_holiday_is_no_business_day_with_country_gb():
    bank_holiday = date(2026, 12, 28)  # Boxing Day observed
    assert bank_holiday in GB and bank_holiday not in US
    assert snoozed_day(CHRISTMAS_EVE, CHRISTMAS_EVE, GB) == date(2026, 12, 29)
    england = public_holidays.days_off("GB-ENG", 2026, 2027)
    assert next_business_day(date(2026, 8, 28), england) == date(2026, 9, 1)  # the late summer bank holiday


def test_holidays_never_move_a_thank_you():
    """The method: the thank-you goes the same day or the next morning, holiday or not."""
    evening = InterviewFacts(date(2026, 11, 25), ended_at=time(16))
    due = planned(evening, US)
    assert due[Kind.THANK_YOU_EMAIL] == THANKSGIVING  # the next morning, though it is Thanksgiving
    assert due[Kind.REFERENCES] == THANKSGIVING


def test_holidays_none_when_the_setting_is_empty(store, monkeypatch):
    monkeypatch.setenv(public_holidays.HOLIDAYS_ENV, "US")  # what would be assumed, were nothing set
    commands.change_settings(lambda s: replace(s, holiday_region=""))
    clock.freeze(datetime(2026, 12, 17, 10))
    iid = commands.add_interview(InterviewInput("Acme", date(2026, 12, 17), "Analyst"), date(2026, 12, 17))
    commands.add_person(iid, PersonInput(name="Dana Reyes"), date(2026, 12, 17))
    letter = next(a for a in queries.interview_detail(iid).actions if a.kind is Kind.LETTER)
    assert letter.due == CHRISTMAS


def test_holidays_changing_them_re_plans_every_interview_but_keeps_what_was_moved_by_hand(store):
    commands.change_settings(lambda s: replace(s, holiday_region=""))
    clock.freeze(datetime(2026, 12, 17, 10))
    iid = commands.add_interview(InterviewInput("Acme", date(2026, 12, 17), "Analyst"), date(2026, 12, 17))
    commands.add_person(iid, PersonInput(name="Dana Reyes"), date(2026, 12, 17))
    actions = {a.kind: a for a in queries.interview_detail(iid).actions}
    assert actions[Kind.LETTER].due == CHRISTMAS
    commands.reschedule(actions[Kind.CALL].id, CHRISTMAS, date(2026, 12, 17))  # the user's own choice

    commands.change_settings(lambda s: replace(s, holiday_region="US"))

    after = {a.kind: a for a in queries.interview_detail(iid).actions}
    assert after[Kind.LETTER].due == date(2026, 12, 28)
    assert after[Kind.CALL].due == CHRISTMAS


def test_holidays_a_region_another_program_stored_that_is_unknown_means_weekends_only(store):
    import sqlite3

    with sqlite3.connect(store) as raw:
        raw.execute("""INSERT INTO "setting" VALUES ('holiday_region', 'XX-YY')""")
    clock.freeze(datetime(2026, 12, 17, 10))
    iid = commands.add_interview(InterviewInput("Acme", date(2026, 12, 17), "Analyst"), date(2026, 12, 17))
    commands.add_person(iid, PersonInput(name="Dana Reyes"), date(2026, 12, 17))
    assert next(a for a in queries.interview_detail(iid).actions if a.kind is Kind.LETTER).due == CHRISTMAS


@pytest.mark.parametrize(
    ("typed", "region"),
    [("us", "US"), ("us-ca", "US-CA"), (" GB-sct ", "GB-SCT"), ("ca-qc", "CA-QC"), ("de-augsburg", "DE-Augsburg")],
)
def test_holidays_region_is_a_country_and_an_optional_subdivision(typed, region):
    assert public_holidays.check_region(typed) == region


def test_holidays_region_empty_means_none():
    assert public_holidays.check_region("  ") == ""


def test_holidays_an_unknown_region_names_what_is_accepted():
    with pytest.raises(InputProblem, match=r"No holiday calendar for ZZ: give a country code \(US, GB, .*US-CA"):
        public_holidays.check_region("zz")
    with pytest.raises(InputProblem, match=r"US has no region XX: one of AK, AL, .* and \d+ more"):
        public_holidays.check_region("us-XX")
    with pytest.raises(InputProblem, match=r"GB has no region Kent: one of ENG, NIR, SCT, WLS$"):
        public_holidays.check_region("GB-Kent")


def test_holidays_default_to_the_phone_region_then_the_locale_like_phone_numbers(monkeypatch):
    monkeypatch.delenv(public_holidays.HOLIDAYS_ENV)
    monkeypatch.setattr(locale, "getlocale", lambda *args: ("de_DE", "UTF-8"))
    monkeypatch.setattr(locale, "setlocale", lambda *args: "C")
    assert public_holidays.region_in_effect(Settings(phone_region="GB")) == "GB"
    assert public_holidays.region_in_effect(Settings()) == "DE"
    assert public_holidays.region_in_effect(Settings(holiday_region="")) == ""  # set to none: none
    assert public_holidays.region_in_effect(Settings(holiday_region="US-CA")) == "US-CA"
    monkeypatch.setattr(locale, "getlocale", lambda *args: (None, None))
    assert public_holidays.region_in_effect(Settings()) == "US"  # no country anywhere: as for phone numbers


def test_holidays_the_setting_round_trips_and_unset_stays_unset(store):
    assert queries.settings().holiday_region is None
    commands.change_settings(lambda s: replace(s, holiday_region="GB-SCT"))
    assert queries.settings().holiday_region == "GB-SCT"
    commands.change_settings(lambda s: replace(s, holiday_region=""))
    assert queries.settings().holiday_region == ""  # none, not "unset": the default does not come back
