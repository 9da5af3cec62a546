"""The method's rules about each person met (../shared/seed/after-the-interview.txt): the business card
("name of the interviewer, title, email address, phone number and mailing address") and "individual
thank you notes and letters to each person who interviewed you ... try to vary each a bit".

The plan engine with explicit dates; the wording, the drafts and the store as a user meets them."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from followup_tui.contact import PersonInput
from followup_tui.inputs import InterviewInput
from followup_tui.kinds import Kind, Medium, State, Status
from followup_tui.plan import ActionFacts, InterviewFacts, PersonFacts, plan
from followup_tui.review import as_json, summarise
from followup_tui.store import commands, portable, queries, writing_notes
from followup_tui.store.errors import StoreError
from followup_tui.wording import card_gaps, missing_detail
from followup_tui.writing.checks import all_problems, similarity
from followup_tui.writing.drafts import REACHED, TEMPLATES, DraftContext, render
from followup_tui.writing.profile import Profile
from tests.unit.test_plan import apply, find

MON = date(2026, 11, 16)  # a Monday
TODAY = date(2026, 11, 25)  # the frozen clock
WEEKLY = (Kind.WEEKLY_EMAIL, Kind.WEEKLY_CALL, Kind.WEEKLY_LETTER)


def person(pid: int, **kw) -> PersonFacts:
    return PersonFacts(person_id=pid, added_on=MON, **kw)


def with_state(actions: list[ActionFacts], target: ActionFacts, **fields) -> list[ActionFacts]:
    return [ActionFacts(**{**a.__dict__, **fields}) if a is target else a for a in actions]


# ---- the business card ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("card", "missing"),
    [
        (dict(name="Grace Kim"), ("title", "a way to reach them")),
        (dict(name="Grace Kim", title="Hiring Manager"), ("a way to reach them",)),
        (dict(name="Grace Kim", email="grace@meridian.example"), ("title",)),
        (dict(name="Grace Kim", title="Hiring Manager", email="grace@meridian.example"), ()),
        (dict(name="Grace Kim", title="Hiring Manager", phone="+1 415 555 0100"), ()),
        (dict(name="Grace Kim", title="Hiring Manager", address="1 Main St\nSpringfield"), ()),
        (dict(name="Grace Kim", title="   ", email="  "), ("title", "a way to reach them")),
    ],
)
def test_the_card_needs_a_name_a_title_and_a_way_to_reach_them(card, missing):
    fields = {"name": "", "title": "", "email": "", "phone": "", "address": "", **card}
    assert card_gaps(**fields) == missing


def test_the_card_item_says_what_is_still_missing():
    assert missing_detail(Kind.CARD, "", "", "", True, "Grace Kim", "") == "title, a way to reach them missing"
    assert missing_detail(Kind.CARD, "", "+1 415 555 0100", "", True, "Grace Kim", "") == "title missing"
    assert missing_detail(Kind.CARD, "g@m.example", "", "", True, "Grace Kim", "Hiring Manager") == ""


def test_the_card_stays_open_with_one_detail_and_ticks_itself_once_complete():
    # Under the first rule, an email alone ticked the card. Now it waits for the title too.
    actions = apply([], InterviewFacts(MON), [person(1, card_complete=False)], MON)
    assert find(actions, Kind.CARD)[0].state is State.OPEN
    later = MON + timedelta(days=2)
    actions = apply(actions, InterviewFacts(MON), [person(1, card_complete=True)], later)
    card = find(actions, Kind.CARD)[0]
    assert (card.state, card.done_on) == (State.DONE, later)


def test_the_card_ticked_by_hand_stays_ticked():
    actions = apply([], InterviewFacts(MON), [person(1)], MON)
    actions = with_state(actions, find(actions, Kind.CARD)[0], state=State.DONE, done_on=MON)
    changes = plan(InterviewFacts(MON), [person(1, card_complete=False)], actions, MON + timedelta(days=3))
    card_id = find(actions, Kind.CARD)[0].id
    assert card_id not in changes.delete and all(change.id != card_id for change in changes.update)


def test_the_card_in_the_store_waits_for_the_title_and_ticks_itself_the_day_it_is_complete(store):
    interview = commands.add_interview(InterviewInput("Meridian Energy", MON, "Business Analyst"), MON)
    meeting = commands.add_person(
        interview, PersonInput("Grace Kim", company="Meridian Energy", email="grace@meridian.example"), MON
    )
    card = next(a for a in queries.interview_detail(interview).actions if a.kind is Kind.CARD)
    assert card.state is State.OPEN and card.missing == "title missing"
    commands.update_person(
        meeting, PersonInput("Grace Kim", title="Hiring Manager", email="grace@meridian.example"), TODAY
    )
    card = next(a for a in queries.interview_detail(interview).actions if a.kind is Kind.CARD)
    assert (card.state, card.done_on, card.missing) == (State.DONE, TODAY, "")


def test_the_card_in_the_daily_review_says_what_is_missing(store):
    interview = commands.add_interview(InterviewInput("Meridian Energy", TODAY, "Business Analyst"), TODAY)
    commands.add_person(interview, PersonInput("Grace Kim", title="Hiring Manager"), TODAY)
    items = queries.review_items(TODAY, 7)
    review = as_json(items, TODAY, summarise(items, TODAY, 1))
    (card,) = [i for i in review["items"] if i["kind"] == "card"]
    assert card["person"] == "Grace Kim" and card["missing"] == "a way to reach them missing"


# ---- letters to each person ----------------------------------------------------------------------


def test_letters_to_each_person_with_a_mailing_address_and_always_to_the_lead():
    people = [person(1, is_lead=True), person(2, has_address=True, position=1), person(3, position=2)]
    actions = apply([], InterviewFacts(MON), people, MON)
    letters = {a.person_id: a.due for a in find(actions, Kind.LETTER)}
    # The lead's letter even with no address (the item then says so); Tom's once his address is known.
    assert letters == {1: date(2026, 11, 24), 2: date(2026, 11, 24)}
    people[2] = person(3, position=2, has_address=True)
    actions = apply(actions, InterviewFacts(MON), people, MON + timedelta(days=1))
    assert sorted(a.person_id for a in find(actions, Kind.LETTER)) == [1, 2, 3]
    assert len(find(actions, Kind.CALL)) == 1  # the call stays the lead's


def test_letters_to_each_person_someone_added_late_is_not_given_an_overdue_letter():
    late = PersonFacts(person_id=2, added_on=date(2026, 11, 28), has_address=True, position=1)
    actions = apply([], InterviewFacts(MON), [person(1, is_lead=True), late], date(2026, 11, 28))
    assert find(actions, Kind.LETTER, 2)[0].due == date(2026, 11, 30)  # the Saturday's next business day


def test_letters_to_each_person_a_dropped_letter_is_never_reopened_nor_made_again():
    people = [person(1, is_lead=True), person(2, has_address=True, position=1)]
    actions = apply([], InterviewFacts(MON), people, MON)
    dropped = find(actions, Kind.LETTER, 2)[0]
    actions = with_state(actions, dropped, state=State.DROPPED)
    for status in (Status.WITHDRAWN, Status.ACTIVE):  # a pause and a return re-plan everything
        actions = apply(actions, InterviewFacts(MON, status=status), people, MON + timedelta(days=9))
    # Nor when the address goes (a letter no longer wanted) or the interview day moves.
    people[1] = person(2, position=1)
    actions = apply(actions, InterviewFacts(MON + timedelta(days=1)), people, MON + timedelta(days=10))
    assert find(actions, Kind.LETTER, 2) == [ActionFacts(**{**dropped.__dict__, "state": State.DROPPED})]


def test_letters_to_each_person_the_weekly_cycle_stays_with_the_lead():
    people = [person(1, is_lead=True), person(2, has_address=True, position=1)]
    actions = apply([], InterviewFacts(MON), people, MON)
    actions = with_state(actions, find(actions, Kind.CALL)[0], state=State.DONE, done_on=date(2026, 11, 23))
    # Tom's letter ticked first: no weekly follow-up yet, the lead's letter is still to go.
    tom = find(actions, Kind.LETTER, 2)[0]
    actions = apply(
        with_state(actions, tom, state=State.DONE, done_on=date(2026, 11, 24)),
        InterviewFacts(MON),
        people,
        date(2026, 11, 24),
    )
    assert not [a for a in actions if a.kind in WEEKLY]
    lead = find(actions, Kind.LETTER, 1)[0]
    actions = apply(
        with_state(actions, lead, state=State.DONE, done_on=date(2026, 11, 26)),
        InterviewFacts(MON),
        people,
        date(2026, 11, 26),
    )
    (weekly,) = [a for a in actions if a.kind in WEEKLY]
    assert weekly.person_id == 1 and weekly.due == date(2026, 12, 3)  # a week after the lead's letter


def test_letters_to_each_person_a_dropped_lead_letter_lets_the_weekly_cycle_go_on():
    people = [person(1, is_lead=True)]
    actions = apply([], InterviewFacts(MON), people, MON)
    actions = with_state(actions, find(actions, Kind.CALL)[0], state=State.DONE, done_on=date(2026, 11, 23))
    actions = with_state(actions, find(actions, Kind.LETTER)[0], state=State.DROPPED)
    actions = apply(actions, InterviewFacts(MON), people, date(2026, 11, 24))
    (weekly,) = [a for a in actions if a.kind in WEEKLY]
    # A week after the letter's day, as if it had gone: the cycle is not held up, nor hurried.
    assert weekly.due == date(2026, 12, 1) and find(actions, Kind.LETTER)[0].state is State.DROPPED


PROFILE = Profile(
    name="Sam Rivera",
    strengths=(
        "six years turning messy operational data into decisions executives act on",
        "led a five-person team through a warehouse migration with no missed reports",
    ),
)


def letter(name: str, position: int, **kw) -> str:
    context = DraftContext(
        Kind.LETTER, name, "", "Northwind Analytics", "Senior Data Analyst", MON, "", PROFILE, position=position, **kw
    )
    return render(TEMPLATES["post_call_letter"][1], context.values(TODAY))


def test_letters_to_each_person_are_each_worded_a_bit_differently():
    priya, tom = letter("Priya Raman", 0), letter("Tom Becker", 1)
    # More than the names differ: the sentences, and the order the strengths come in.
    assert priya.replace("Priya", "Tom") != tom
    assert similarity(priya, tom.replace("Tom", "Priya")) < 0.8  # under the warning's default threshold
    assert priya.index("six years") < priya.index("led a five-person") and tom.index("led a five-") < tom.index("six")
    # Every wording leaves nothing unfilled and still says what the method's letter says.
    for position in range(4):
        body = letter("Tom Becker", position)
        assert "{" not in body and "Senior Data Analyst position at Northwind Analytics" in body
        assert "further" in body


def test_letters_to_each_person_alike_are_flagged_like_thank_yous():
    priya = letter("Priya Raman", 0)
    copied = priya.replace("Priya", "Tom")
    problems = all_problems(copied, Kind.LETTER, "", "email", "", "1 Main St", set(), [("Priya Raman", priya)], 0.8)
    assert any("like the note to Priya Raman" in p for p in problems)


def test_letters_to_each_person_only_the_lead_s_letter_speaks_of_the_call(store):
    interview = commands.add_interview(InterviewInput("Northwind Analytics", MON, "Senior Data Analyst"), MON)
    for name, lead in (("Priya Raman", True), ("Tom Becker", False)):
        commands.add_person(interview, PersonInput(name, title="Analyst", address="1 Main St", is_lead=lead), MON)
    detail = queries.interview_detail(interview)
    call = next(a for a in detail.actions if a.kind is Kind.CALL)
    commands.complete(call.id, date(2026, 11, 23), commands.CallOutcome.REACHED)
    letters = {a.person_name: a.id for a in queries.interview_detail(interview).actions if a.kind is Kind.LETTER}
    assert set(letters) == {"Priya Raman", "Tom Becker"}
    assert writing_notes.draft_data(letters["Priya Raman"]).context.call == REACHED
    tom = writing_notes.draft_data(letters["Tom Becker"]).context
    body = render(TEMPLATES["post_call_letter"][1], tom.values(TODAY))
    assert "phone" not in body and "voicemail" not in body


def _two_letters(store) -> tuple[int, dict[str, int]]:
    interview = commands.add_interview(InterviewInput("Northwind Analytics", MON, "Senior Data Analyst"), MON)
    for name, lead in (("Priya Raman", True), ("Tom Becker", False)):
        commands.add_person(interview, PersonInput(name, title="Analyst", address="1 Main St", is_lead=lead), MON)
    actions = queries.interview_detail(interview).actions
    return interview, {a.person_name: a.id for a in actions if a.kind is Kind.LETTER}


def test_letters_to_each_person_a_letter_is_dropped_with_its_reason_and_stays_dropped(store):
    interview, letters = _two_letters(store)
    tom = letters["Tom Becker"]
    with pytest.raises(StoreError, match="Say why"):
        commands.drop_letter(tom, "   ", TODAY)
    before = commands.drop_letter(tom, "He asked for email only", TODAY)
    assert before.state is State.OPEN
    row = next(a for a in queries.interview_detail(interview).actions if a.id == tom)
    assert row.state is State.DROPPED and row.note == "Dropped, Wed 25 Nov 2026: He asked for email only"
    # The review no longer lists it, nor does anything the plan does bring it back.
    assert tom not in {i.id for i in queries.review_items(TODAY, 30)}
    commands.set_status(interview, Status.WITHDRAWN, TODAY)
    commands.set_status(interview, Status.ACTIVE, TODAY)
    commands.update_interview(
        interview, InterviewInput("Northwind Analytics", MON + timedelta(days=1), "Analyst"), TODAY
    )
    assert next(a for a in queries.interview_detail(interview).actions if a.id == tom).state is State.DROPPED
    assert sorted(a.id for a in queries.interview_detail(interview).actions if a.kind is Kind.LETTER) == sorted(
        letters.values()
    )
    # Ticking it or snoozing it is refused with the reason why; the user's own untick brings it back.
    for change in (lambda: commands.complete(tom, TODAY), lambda: commands.snooze(tom, TODAY)):
        with pytest.raises(StoreError, match="dropped"):
            change()
    commands.restore(before, TODAY)  # undo (u in the review)
    assert next(a for a in queries.interview_detail(interview).actions if a.id == tom).state is State.OPEN
    commands.drop_letter(tom, "He asked for email only", TODAY)
    commands.set_done(tom, False, TODAY)  # space in the checklist, confirmed: back on the list
    assert next(a for a in queries.interview_detail(interview).actions if a.id == tom).state is State.OPEN


def test_letters_to_each_person_only_a_postal_letter_can_be_dropped(store):
    interview, _ = _two_letters(store)
    thanks = next(a for a in queries.interview_detail(interview).actions if a.kind is Kind.THANK_YOU_EMAIL)
    with pytest.raises(StoreError, match="thank-you is never skipped"):
        commands.drop_letter(thanks.id, "not for me", TODAY)


def test_letters_to_each_person_a_dropped_letter_in_the_exports(store, tmp_path):
    interview, letters = _two_letters(store)
    commands.drop_letter(letters["Tom Becker"], "email only", TODAY)
    from icalendar import Calendar

    todos = Calendar.from_ical(portable.followups_ics(datetime(2026, 11, 25, 12))).walk("VTODO")
    (tom,) = [t for t in todos if "Post Tom Becker a letter" in str(t["summary"])]
    assert str(tom["status"]) == "CANCELLED" and "email only" in str(tom["description"])
    target = tmp_path / "export.json"
    portable.export_json(target)
    assert '"state": "dropped"' in target.read_text(encoding="utf-8")
    commands.delete_interview(interview)
    portable.import_json(target)
    (again,) = [i.id for i in queries.list_interviews()]
    states = {a.person_name: a.state for a in queries.interview_detail(again).actions if a.kind is Kind.LETTER}
    assert states == {"Priya Raman": State.OPEN, "Tom Becker": State.DROPPED}


def test_letters_to_each_person_a_preference_for_post_keeps_its_own_thank_you_letter_too():
    # A person who prefers post gets the thank-you letter and, with an address, the letter after the call.
    people = [person(1, is_lead=True), person(2, preferred=Medium.POST, has_address=True, position=1)]
    actions = apply([], InterviewFacts(MON), people, MON)
    assert find(actions, Kind.THANK_YOU_LETTER, 2) and find(actions, Kind.LETTER, 2)


def test_letters_to_each_person_the_lead_s_letter_keeps_its_id_when_the_lead_is_added_later():
    # Planned before anyone was added (a note on it already): the lead's letter becomes theirs, not a new one.
    actions = apply([], InterviewFacts(MON), [], MON)
    (before,) = find(actions, Kind.LETTER)
    actions = apply(actions, InterviewFacts(MON), [person(1, is_lead=True), person(2, position=1)], MON)
    assert [(a.id, a.person_id) for a in find(actions, Kind.LETTER)] == [(before.id, 1)]


def test_letters_to_each_person_a_new_lead_takes_over_the_lead_s_letter_unless_the_old_one_has_an_address():
    first = [person(1, is_lead=True), person(2, position=1)]
    actions = apply([], InterviewFacts(MON), first, MON)
    (letter,) = find(actions, Kind.LETTER)
    switched = [person(1), person(2, position=1, is_lead=True)]
    moved = apply(actions, InterviewFacts(MON), switched, MON)
    assert [(a.id, a.person_id) for a in find(moved, Kind.LETTER)] == [(letter.id, 2)]
    # The old lead with a mailing address keeps their own letter; the new lead gets one too.
    switched[0] = person(1, has_address=True)
    kept = apply(actions, InterviewFacts(MON), switched, MON)
    assert sorted((a.id == letter.id, a.person_id) for a in find(kept, Kind.LETTER)) == [(False, 2), (True, 1)]
