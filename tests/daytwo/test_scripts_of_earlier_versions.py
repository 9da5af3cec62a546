"""A database filled by a script written against the first versions' public imports (the very first
version's `from followup_tui.records import InterviewInput, PersonInput`, later `followup_tui.inputs`; the
first fields given in order), in a process of its own; then the shell commands on it, as a user's cron job
or their own tooling would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
import sys
from datetime import date, time
from pathlib import Path
from followup_tui.{module} import InterviewInput, PersonInput
from followup_tui.store import commands
from followup_tui.store.database import close_database, open_database

open_database(Path(sys.argv[1]))
day = date(2026, 11, 24)
ident = commands.add_interview(InterviewInput("Acme", day, "Analyst", time(11, 0)), day)
commands.add_person(ident, PersonInput("Ana Ruiz", "Lead", "Acme", "ana@acme.example", topic="dashboards"), day)
close_database()
"""


@pytest.mark.parametrize("module", ["records", "inputs"])
def test_a_database_filled_by_a_script_of_the_first_versions_api_works_with_every_command(
    tmp_path: Path, followup_command, module: str
):
    db = tmp_path / "a.db"
    subprocess.run([sys.executable, "-c", SCRIPT.replace("{module}", module), str(db)], check=True)
    env = {**os.environ, "FOLLOWUP_NOW": "2026-11-25T09:30"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([*followup_command, "--db", str(db), *args], capture_output=True, text=True, env=env)
        assert done.returncode == 0, (args, done.stderr)
        return done

    items = json.loads(run("today", "--json").stdout)["items"]
    assert any(i["kind"] == "thank_you_email" and i["person"] == "Ana Ruiz" for i in items)
    assert "Ana Ruiz" in run("today").stdout
    for suffix in (".json", ".vcf", ".ics", ".csv"):
        run("export", str(tmp_path / f"x{suffix}"))
        assert (tmp_path / f"x{suffix}").stat().st_size > 0
    run("import", str(tmp_path / "x.json"))
    assert "backup made and checked" in run("backup").stdout
