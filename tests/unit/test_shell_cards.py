"""`followup capture`, `import` and `export`."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from followup_tui import cli
from followup_tui.inputs import InterviewInput
from followup_tui.store import commands, queries
from followup_tui.store.database import close_database, open_database

MIXED = Path(__file__).parent.parent / "data" / "mixed.vcf"
CARD = "Priya Raman\nHead of Analytics\nNorthwind Analytics, Inc.\npriya@northwind.example\n(415) 555-0142\n"


@pytest.fixture
def interview(db_path):
    open_database(db_path)
    from datetime import date

    ident = commands.add_interview(InterviewInput("Northwind Analytics", date(2026, 11, 24)), date(2026, 11, 24))
    close_database()
    return ident


def run(capsys, monkeypatch, db_path, *args, stdin: str = ""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = cli.main(["--db", str(db_path), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_capture_prints_and_saves_to_an_interview(capsys, monkeypatch, db_path, interview):
    code, out, _ = run(capsys, monkeypatch, db_path, "capture", "--json", "--region", "US", stdin=CARD)
    fields = json.loads(out)
    assert code == 0 and fields["company"] == "Northwind Analytics, Inc." and fields["phone_e164"] == "+14155550142"
    code, out, err = run(capsys, monkeypatch, db_path, "capture", "--save", "--interview", str(interview), stdin=CARD)
    assert code == 0 and "Name:     Priya Raman" in out and f"-> interview {interview}" in err
    code, _, err = run(capsys, monkeypatch, db_path, "capture", "--save", "--interview", str(interview), stdin=CARD)
    assert "already on interview" in err
    open_database(db_path)
    try:
        assert [p.name for p in queries.interview_detail(interview).people] == ["Priya Raman"]
    finally:
        close_database()


def test_import_then_export_round_trip(capsys, monkeypatch, db_path, tmp_path, interview):
    code, out, _ = run(capsys, monkeypatch, db_path, "import", str(MIXED), "--interview", str(interview))
    assert code == 0 and out.count("added:") == 2
    code, out, _ = run(capsys, monkeypatch, db_path, "import", str(MIXED))
    assert out.count("already stored") == 2  # never silently doubled
    target = tmp_path / "out.vcf"
    code, out, _ = run(capsys, monkeypatch, db_path, "export", str(target))
    assert code == 0 and "exported 2 contacts" in out
    assert (target.stat().st_mode & 0o777) == 0o600
    from followup_tui.capture.vcards import read_vcards

    assert {c.name for c in read_vcards(target.read_bytes())} == {"Anna Müller", "Chloe Nguyen"}


def test_bad_input_from_the_shell(capsys, monkeypatch, db_path, tmp_path, interview):
    code, _, err = run(capsys, monkeypatch, db_path, "capture", stdin="word " * 2000)
    assert code == 1 and "a card holds at most" in err
    binary = tmp_path / "photo.vcf"
    binary.write_bytes(b"\x89PNG\x00\x00\x00binary")
    code, _, err = run(capsys, monkeypatch, db_path, "import", str(binary))
    assert code == 1 and "binary" in err
    code, _, err = run(capsys, monkeypatch, db_path, "import", str(tmp_path / "missing.vcf"))
    assert code == 1 and "No such file" in err
    code, _, err = run(capsys, monkeypatch, db_path, "import", str(MIXED), "--interview", "999")
    assert code == 1 and "no interview 999" in err
