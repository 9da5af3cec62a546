"""A realistic sample job hunt, dated around `today`, for `followup --demo` and the screenshots."""

from __future__ import annotations

from datetime import date, time, timedelta

from followup_tui.contact import PersonInput
from followup_tui.inputs import InterviewInput
from followup_tui.kinds import Kind, Medium, Status
from followup_tui.records import InterviewDetail
from followup_tui.store import commands, queries, writing_notes
from followup_tui.writing.drafts import TEMPLATES, render
from followup_tui.writing.profile import Profile

PROFILE = Profile(
    name="Sam Rivera",
    email="sam.rivera@example.com",
    phone="+1 503 555 0100",
    address="12 Oak Lane\nPortland, OR 97201",
    signature="Sam Rivera",
    strengths=(
        "six years turning messy operational data into decisions executives act on",
        "led a five-person team through a warehouse migration with no missed reports",
        "built the self-serve dashboards that cut ad-hoc requests by half",
    ),
)


def _detail(interview_id: int) -> InterviewDetail:
    """An interview the demo has just added."""
    detail = queries.interview_detail(interview_id)
    assert detail is not None, f"demo interview {interview_id} is missing"
    return detail


def _tick(interview_id: int, kinds: set[Kind], on: date, person: str | None = None) -> None:
    for action in _detail(interview_id).actions:
        if action.kind in kinds and action.state.value == "open" and (person is None or action.person_name == person):
            commands.set_done(action.id, True, on)


def build_demo(today: date) -> None:
    """Fill the open database with several interviews at different stages."""
    d = lambda days: today + timedelta(days=days)  # noqa: E731
    writing_notes.save_profile(PROFILE)

    # Nine days on: thank-yous sent, call made, the postal letter now overdue.
    north = commands.add_interview(
        InterviewInput("Northwind Analytics", d(-9), "Senior Data Analyst", time(11, 0), d(5)), d(-9)
    )
    commands.add_person(
        north,
        PersonInput(
            "Priya Raman",
            title="Head of Analytics",
            company="Northwind Analytics",
            email="priya.raman@northwind.example",
            phone="+1 415 555 0142",
            phone_e164="+14155550142",
            address="500 Market Street, Suite 400\nSan Francisco, CA 94105",
            preferred=Medium.EMAIL,
            topic="Cutting the churn dashboard's refresh from hours to minutes",
            is_lead=True,
            notes="Asked twice about stakeholder reporting.",
        ),
        d(-9),
    )
    commands.add_person(
        north,
        PersonInput(
            "Tom Becker",
            title="Data Engineer",
            company="Northwind Analytics",
            email="tom.becker@northwind.example",
            topic="Their dbt migration and how I ran ours at Lumen",
        ),
        d(-9),
    )
    _tick(north, {Kind.THANK_YOU_EMAIL}, d(-9))
    _tick(north, {Kind.REFERENCES}, d(-8))
    _tick(north, {Kind.CALL}, d(-4))

    # Yesterday afternoon: thank-yous due this morning, one card still missing.
    bluefin = commands.add_interview(
        InterviewInput("Bluefin Robotics", d(-1), "Product Manager, Autonomy", time(16, 30), d(8)), d(-1)
    )
    commands.add_person(
        bluefin,
        PersonInput(
            "Dana Whitfield",
            title="VP Product",
            company="Bluefin Robotics",
            email="dana@bluefin.example",
            phone="+1 617 555 0199",
            phone_e164="+16175550199",
            preferred=Medium.EMAIL,
            topic="Field-testing the docking station with hospital staff",
            is_lead=True,
        ),
        d(-1),
    )
    commands.add_person(
        bluefin,
        PersonInput(
            "Marcus Lee",
            title="Engineering Manager",
            company="Bluefin Robotics",
            email="marcus.lee@bluefin.example",
            topic="Sprint planning across hardware and software teams",
        ),
        d(-1),
    )
    commands.add_person(
        bluefin,
        PersonInput(
            "Sofia Alvarez",
            title="Recruiter",
            company="Bluefin Robotics",
            topic="Start date and relocation",
        ),
        d(-1),
    )
    # Dana's thank-you is already drafted, so Marcus's can be compared with it.
    dana = next(
        a for a in _detail(bluefin).actions if a.kind is Kind.THANK_YOU_EMAIL and a.person_name == "Dana Whitfield"
    )
    context = writing_notes.draft_data(dana.id).context
    writing_notes.save_draft(dana.id, render(TEMPLATES["thank_you_email"][1], context.values(today)))

    # Letter mailed a week ago: the weekly follow-ups have begun.
    cedar = commands.add_interview(
        InterviewInput("Cedar & Stone Architects", d(-16), "Project Coordinator", time(10, 0)), d(-16)
    )
    commands.add_person(
        cedar,
        PersonInput(
            "Helen Okafor",
            title="Studio Director",
            company="Cedar & Stone Architects",
            phone="+44 20 7946 0321",
            phone_e164="+442079460321",
            address="12 Wharf Road\nLondon N1 7GR\nUnited Kingdom",
            preferred=Medium.POST,
            topic="Keeping three site teams on one schedule",
            is_lead=True,
        ),
        d(-16),
    )
    _tick(cedar, {Kind.THANK_YOU_LETTER}, d(-15))
    _tick(cedar, {Kind.REFERENCES}, d(-15))
    _tick(cedar, {Kind.CALL}, d(-11))
    _tick(cedar, {Kind.LETTER}, d(-7))

    # Three days ago; the card was never collected.
    meridian = commands.add_interview(InterviewInput("Meridian Energy", d(-3), "Business Analyst", time(9, 30)), d(-3))
    commands.add_person(meridian, PersonInput("Grace Kim", title="Hiring Manager", company="Meridian Energy"), d(-3))
    commands.add_custom(meridian, "Send the process-mapping sample she asked for", d(1), None, "", d(-3))

    # Coming up: the interview itself is next week.
    quill = commands.add_interview(InterviewInput("Quill Health", d(6), "Data Engineer", None), d(-2))
    commands.add_custom(quill, "Research Quill's patient-data platform", d(4), None, "", d(-2))

    # Closed ones sink to the bottom.
    lumen = commands.add_interview(InterviewInput("Lumen Bank", d(-20), "Risk Analyst", time(14, 0)), d(-20))
    commands.add_person(
        lumen,
        PersonInput(
            "Ravi Menon",
            title="Director of Risk",
            company="Lumen Bank",
            email="ravi.menon@lumen.example",
            topic="Stress-testing models",
            is_lead=True,
        ),
        d(-20),
    )
    _tick(lumen, {Kind.THANK_YOU_EMAIL, Kind.REFERENCES}, d(-20))
    commands.set_status(lumen, Status.OFFER, d(-2))
    harbor = commands.add_interview(InterviewInput("Harbor Logistics", d(-30), "Operations Lead"), d(-30))
    commands.set_status(harbor, Status.REJECTED, d(-12))
    orbital = commands.add_interview(InterviewInput("Orbital Games", d(-41), "QA Lead"), d(-41))
    commands.set_status(orbital, Status.FILLED, d(-25))
