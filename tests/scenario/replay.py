"""Eight weeks of a job hunt replayed day by day through the store, as a user who does what is due."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import NamedTuple

from followup_tui import clock
from followup_tui.contact import PersonInput
from followup_tui.inputs import InterviewInput
from followup_tui.kinds import Kind, Medium, State, Status
from followup_tui.store import commands, queries
from followup_tui.store.commands import CallOutcome
from followup_tui.store.database import close_database, open_database
from followup_tui.writing.profile import Profile, Reference

START = date(2026, 11, 16)  # a Monday; Thanksgiving (US) is Thursday 26 November
WEEKS = 8


class Done(NamedTuple):
    """One thing the user did: when, for which interview, what, to whom, and how a call went."""

    day: date
    company: str
    kind: str
    person: str
    outcome: str = ""


def _people(day: date) -> dict[str, PersonInput]:
    return {
        "priya": PersonInput(
            "Priya Raman",
            title="Head of Analytics",
            email="priya@northwind.example",
            phone="+1 415 555 0142",
            address="500 Market Street\nSan Francisco, CA 94105",
            topic="the churn dashboards",
            is_lead=True,
        ),
        "tom": PersonInput("Tom Becker", title="Data Engineer", email="tom@northwind.example", topic="dbt models"),
        "helen": PersonInput(
            "Helen Okafor",
            title="HR Partner",
            address="12 Wharf Road\nBoston, MA 02110",
            preferred=Medium.POST,
            topic="the onboarding plan",
        ),
        "dana": PersonInput(
            "Dana Whitfield",
            title="VP Product",
            email="dana@bluefin.example",
            phone="+1 617 555 0199",
            topic="the docking trials",
            is_lead=True,
        ),
    }


def _events(day: date, ids: dict[str, int]) -> None:
    """What happens on `day` besides the follow-ups: interviews, people, a status change."""
    people = _people(day)
    if day == START:
        commands.change_settings(
            lambda s: replace(
                s,
                holiday_region="US",
                profile=Profile(name="Sam Rivera", references=(Reference("Ana Ruiz", "former manager"),)),
            )
        )
        # Ended at 16:00, after the cut-off: the thank-yous are due the next morning.
        a = commands.add_interview(InterviewInput("Northwind", day, "Analyst", time(16, 0), date(2026, 12, 4)), day)
        ids["northwind"] = a
        for who in ("priya", "tom", "helen"):
            commands.add_person(a, people[who], day)
    if day == date(2026, 11, 24):
        b = commands.add_interview(InterviewInput("Bluefin", day, "Product Manager", time(11, 0)), day)
        ids["bluefin"] = b
        commands.add_person(b, people["dana"], day)
        commands.set_status(b, Status.WITHDRAWN, day)  # not for me, decided on the day: still a thank-you
    if day == date(2026, 12, 10):
        second = commands.add_interview(InterviewInput("Northwind", day, "Analyst, round 2", time(10, 0)), day)
        ids["round 2"] = second
        priya = next(p for p in queries.interview_detail(ids["northwind"]).people if p.name == "Priya Raman")
        commands.add_person(second, replace(people["priya"], topic="the team's roadmap"), day, priya.contact_id)


def replay(path: Path) -> list[Done]:
    """Eight weeks from START: each working day the user does everything due (thank-yous on any day);
    Priya's first call goes unanswered twice, then a voicemail is left."""
    open_database(path)
    ids: dict[str, int] = {}
    log: list[Done] = []
    tries = 0
    try:
        day = START
        while day < START + timedelta(weeks=WEEKS):
            clock.freeze(datetime.combine(day, time(17, 30) if day == START else time(9, 0)))
            _events(day, ids)
            for item in sorted(queries.review_items(day, 0), key=lambda i: (i.due, i.id)):
                if item.state is not State.OPEN or item.due > day:
                    continue
                if day.weekday() >= 5 and item.kind not in (Kind.THANK_YOU_EMAIL, Kind.THANK_YOU_LETTER):
                    continue  # weekends are for thank-yous only
                outcome = None
                if item.kind is Kind.CALL and item.interview_id == ids["northwind"]:
                    tries += 1
                    outcome = CallOutcome.NO_ANSWER if tries <= 2 else CallOutcome.VOICEMAIL
                elif item.kind in (Kind.CALL, Kind.WEEKLY_CALL):
                    outcome = CallOutcome.REACHED
                commands.complete(item.id, day, outcome)
                company = item.company + (" 2" if item.interview_id == ids.get("round 2") else "")
                log.append(Done(day, company, item.kind.value, item.person, outcome.value if outcome else ""))
            day += timedelta(days=1)
    finally:
        close_database()
        clock.freeze(None)
    return log


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps([[d.day.isoformat(), d.company, d.kind, d.person, d.outcome] for d in replay(Path(sys.argv[1]))]))
