"""Build a realistic benchmark database through the project's own code, reproducibly from a seed.

    python benchmarks/make_db.py --interviews 10000 [--seed 1] [--out PATH]

About three people per interview, the plan engine's items, a mix of statuses, interview dates spread
over two years up to today, some items done and some overdue.
"""

from __future__ import annotations

import argparse
import random
import time
from dataclasses import replace
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

from followup_tui import clock
from followup_tui.contact import PersonInput
from followup_tui.inputs import InterviewInput
from followup_tui.kinds import Status
from followup_tui.store import commands, queries
from followup_tui.store.database import close_database, open_database
from followup_tui.store.models import db

TODAY = date(2026, 11, 25)
FIRST = (
    "Ana",
    "Ben",
    "Chloe",
    "Dana",
    "Emil",
    "Farah",
    "Grace",
    "Hiro",
    "Ines",
    "Jon",
    "Kofi",
    "Lena",
    "Marcus",
    "Nina",
    "Omar",
    "Priya",
    "Quinn",
    "Ravi",
    "Sofia",
    "Tom",
    "Uma",
    "Vik",
    "Wen",
    "Yara",
    "Zoe",
)
LAST = (
    "Ruiz",
    "Becker",
    "Nguyen",
    "Whitfield",
    "Okafor",
    "Raman",
    "Kim",
    "Tanaka",
    "Silva",
    "Müller",
    "Mensah",
    "Novak",
    "Lee",
    "Rossi",
    "Haddad",
    "Iyer",
    "Walsh",
    "Menon",
    "Alvarez",
    "Chen",
    "Patel",
    "Park",
)
COMPANIES = (
    "Northwind",
    "Bluefin",
    "Cedar",
    "Meridian",
    "Quill",
    "Lumen",
    "Harbor",
    "Orbital",
    "Granite",
    "Solstice",
    "Pinecone",
    "Redwood",
    "Summit",
    "Cascade",
    "Thistle",
    "Kaveri",
    "Silverline",
)
SUFFIXES = ("Analytics", "Robotics", "Health", "Energy", "Bank", "Logistics", "Games", "Labs", "Systems", "Group")
ROLES = (
    "Data Analyst",
    "Product Manager",
    "Software Engineer",
    "Operations Lead",
    "Business Analyst",
    "QA Lead",
    "Designer",
    "Data Engineer",
    "Project Coordinator",
    "Recruiter",
)
TITLES = ("Head of Analytics", "VP Product", "Engineering Manager", "Recruiter", "Director", "Team Lead")


def default_path(interviews: int, seed: int) -> Path:
    """Where a database of this size and seed is kept between runs."""
    return Path(__file__).resolve().parent / ".data" / f"bench-{interviews}-{seed}.db"


def build(path: Path, interviews: int, seed: int = 1) -> Path:
    """Create the database at `path` (replacing an older one)."""
    rng = random.Random(seed)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    clock.freeze(datetime.combine(TODAY, clock_time(9, 30)))
    open_database(path)
    commands.change_settings(lambda stored: replace(stored, start_screen="main"))
    statuses = [Status.ACTIVE] * 6 + [Status.OFFER, Status.REJECTED, Status.FILLED, Status.WITHDRAWN]
    with db.atomic():  # one transaction: building, not measuring
        for n in range(interviews):
            day = TODAY - timedelta(days=rng.randint(-7, 730))  # two years, a few still to come
            company = f"{rng.choice(COMPANIES)} {rng.choice(SUFFIXES)} {n}"
            ended = clock_time(rng.choice((10, 11, 14, 16)), 0)
            ident = commands.add_interview(InterviewInput(company, day, rng.choice(ROLES), ended), day)
            for position in range(rng.choice((2, 3, 3, 4))):
                name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
                handle = name.lower().replace(" ", ".").replace("ü", "u")
                commands.add_person(
                    ident,
                    PersonInput(
                        name,
                        rng.choice(TITLES),
                        company,
                        f"{handle}.{n}@example.com" if rng.random() < 0.8 else "",
                        topic=f"topic {n}-{position}",
                        is_lead=position == 0,
                    ),
                    day,
                )
            # A coach keeps up: what fell due more than two weeks ago was done, including the weekly
            # follow-ups each tick plans next; of the last two weeks' items some are still open (overdue).
            # Most interviews older than four months have closed (the job was filled or offered).
            age = (TODAY - day).days
            closed_share = 0.97 if age > 120 else 0.8 if age > 30 else 0.0
            status = rng.choice(statuses[6:]) if rng.random() < closed_share else Status.ACTIVE
            closed_on = min(TODAY, day + timedelta(days=rng.randint(7, 60)))
            until = closed_on if status is not Status.ACTIVE else TODAY - timedelta(days=2)
            decided: set[int] = set()
            while True:
                detail = queries.interview_detail(ident)
                todo = [a for a in detail.actions if a.state.value == "open" and a.id not in decided and a.due < until]
                if not todo:
                    break
                for action in sorted(todo, key=lambda a: a.due):
                    decided.add(action.id)
                    if action.due < TODAY - timedelta(days=14) or rng.random() < 0.6:
                        commands.set_done(action.id, True, action.due)
            if status is not Status.ACTIVE:
                commands.set_status(ident, status, closed_on)
    close_database()
    clock.freeze(None)
    return path


def ensure(interviews: int, seed: int = 1) -> Path:
    """The cached database for this size and seed, built if missing."""
    path = default_path(interviews, seed)
    if not path.exists():
        build(path, interviews, seed)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--interviews", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    target = args.out or default_path(args.interviews, args.seed)
    start = time.perf_counter()
    build(target, args.interviews, args.seed)
    print(
        f"{target}: {args.interviews} interviews in {time.perf_counter() - start:.1f} s, "
        f"{target.stat().st_size / 1e6:.1f} MB"
    )


if __name__ == "__main__":
    main()
