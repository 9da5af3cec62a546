"""What the shell commands do with the files a user really has: a mistyped path, a damaged file, a
read-only one, several databases in one folder, and input that holds nothing or holds terminal codes.
Each runs the installed command on a database an earlier process made."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from daytwo_files import read_rows

from followup_tui.store.backup import list_backups

WRITES = (
    ("done", "29"),
    ("snooze", "29"),
    ("capture", "--save"),
    ("import", "cards.vcf"),
    ("export", "out.vcf"),
    ("backup",),
    ("restore",),
)
CARD = "Oliver Grant\nKestrel Digital Ltd\noliver.grant@kestrel.example\n"


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.rglob("*")}


@pytest.mark.parametrize("command", [("today",), ("today", "--json"), *WRITES], ids=lambda c: " ".join(c))
def test_a_mistyped_path_is_refused_and_nothing_is_created(command, tmp_path, followup):
    typo = tmp_path / "folowup.db"
    (tmp_path / "cards.vcf").write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Ana Ruiz\nEND:VCARD\n", encoding="utf-8")
    before = _files(tmp_path)
    args = [a if a not in ("cards.vcf", "out.vcf") else str(tmp_path / a) for a in command]
    ran = followup(typo, *args, stdin=CARD)
    assert ran.code != 0 and ran.out == ""
    assert ran.err == f"followup: no database at {typo}; `followup --db {typo}` creates one\n"
    assert _files(tmp_path) == before


def test_capture_without_save_needs_no_database(tmp_path, followup):
    ran = followup(tmp_path / "none.db", "capture", stdin=CARD)
    assert ran.code == 0 and "Name:     Oliver Grant" in ran.out and not (tmp_path / "none.db").exists()


def _damage(db: Path, how: str) -> None:
    """Cut the file in half, or overwrite one page of a table with random bytes."""
    data = db.read_bytes()
    if how == "truncated":
        db.write_bytes(data[: len(data) // 2])
        return
    table = {"garbage": "action", "garbage unread": "meeting"}[how]
    with sqlite3.connect(db) as raw:
        page = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0] - 1
    raw.close()
    middle = bytearray(data)
    middle[page * 4096 : page * 4096 + 4096] = os.urandom(4096)
    db.write_bytes(bytes(middle))


# `today` reports the damage it reads (a truncated file, a damaged page of its tables) and stays quick;
# the other commands have SQLite check every page first, so they find damage no query reads ("unread").
DAMAGE = [
    (("today",), "truncated"),
    (("today",), "garbage"),
    (("today", "--json"), "garbage"),
    *((command, how) for command in WRITES[:5] for how in ("truncated", "garbage", "garbage unread")),
]


@pytest.mark.parametrize(("command", "how"), DAMAGE, ids=lambda v: v if isinstance(v, str) else " ".join(v))
def test_a_damaged_file_is_named_with_its_backups_and_nothing_is_printed(how, command, yesterday_db, followup):
    folder = yesterday_db.parent
    (folder / "cards.vcf").write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Ana Ruiz\nEND:VCARD\n", encoding="utf-8")
    made = followup(yesterday_db, "backup")
    assert made.code == 0
    saved = made.out.split(": ", 1)[1].strip()
    _damage(yesterday_db, how)
    before = yesterday_db.read_bytes()
    args = [a if a not in ("cards.vcf", "out.vcf") else str(folder / a) for a in command]
    ran = followup(yesterday_db, *args, stdin=CARD)
    assert ran.code != 0 and ran.out == ""
    assert f"{yesterday_db} is damaged" in ran.err
    assert f"followup --db {yesterday_db} restore {saved}" in ran.err
    assert yesterday_db.read_bytes() == before and not (folder / "out.vcf").exists()


@pytest.mark.parametrize("how", ["truncated", "garbage", "garbage unread"])
def test_restore_mends_a_damaged_file_and_keeps_a_plain_copy_of_it(how, yesterday_db, followup):
    saved = followup(yesterday_db, "backup").out.split(": ", 1)[1].strip()
    _damage(yesterday_db, how)
    damaged = yesterday_db.read_bytes()
    ran = followup(yesterday_db, "restore", saved, "--yes")
    assert ran.code == 0, ran.err
    aside = Path(ran.out.rsplit(" kept in ", 1)[1].strip())
    assert "damaged" in aside.name and aside.read_bytes() == damaged  # kept as it was, byte for byte
    assert read_rows(yesterday_db, "PRAGMA integrity_check") == [("ok",)]
    ran = followup(yesterday_db, "today")
    assert ran.code == 0 and "Grace Kim" in ran.out


def _without_write_permission(tmp_path: Path) -> tuple:
    """A prefix that runs the command without the power to ignore file permissions.

    Tests run as root here, and root writes to read-only files; setpriv drops the capabilities that let
    it (DAC override), so the file's mode counts as it does for any user."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    prefix = (setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner,-linux_immutable", "--inh-caps=-all")
    if setpriv is None or subprocess.run([*prefix, "true"], capture_output=True).returncode != 0:
        pytest.skip("running as root without setpriv: root ignores file permissions")
    closed = tmp_path / "probe"
    closed.mkdir(mode=0o555)
    if subprocess.run([*prefix, "touch", str(closed / "x")], capture_output=True).returncode == 0:
        pytest.skip("dropping DAC capabilities does not make files read-only here")
    return prefix


@pytest.mark.parametrize("read_only", ["folder", "file"])
def test_a_read_only_database_shows_everything_and_refuses_changes(
    read_only, yesterday_db, followup, followup_command, tmp_path
):
    prefix = _without_write_permission(tmp_path)
    folder = yesterday_db.parent
    listed = followup(yesterday_db, "today", "--json").out
    figures = followup(yesterday_db, "stats", "--json").out
    for suffix in ("-wal", "-shm"):
        Path(f"{yesterday_db}{suffix}").unlink(missing_ok=True)  # closed cleanly, as the app leaves it
    (folder if read_only == "folder" else yesterday_db).chmod(0o555 if read_only == "folder" else 0o444)
    try:
        before = yesterday_db.read_bytes()
        ran = followup(yesterday_db, "today", "--json", prefix=prefix)
        assert ran.code == 0 and ran.out == listed
        ran = followup(yesterday_db, "stats", "--json", prefix=prefix)
        assert ran.code == 0 and ran.out == figures and '"interviews_held": 7' in figures
        target = tmp_path / "out.json"
        ran = followup(yesterday_db, "export", str(target), prefix=prefix)
        assert ran.code == 0 and target.exists()
        for command in (("done", "29"), ("snooze", "29"), ("capture", "--save")):
            ran = followup(yesterday_db, *command, stdin=CARD, prefix=prefix)
            assert ran.code != 0 and "read-only" in ran.err, (command, ran)
        assert yesterday_db.read_bytes() == before
    finally:
        folder.chmod(0o700)
        yesterday_db.chmod(0o600)


def test_backups_belong_to_their_own_database(tmp_path, yesterday_db, followup):
    folder = yesterday_db.parent
    other = folder / "side-project.db"
    shutil.copy2(yesterday_db, other)
    mine = followup(yesterday_db, "backup").out.split(": ", 1)[1].strip()
    theirs = followup(other, "backup").out.split(": ", 1)[1].strip()
    assert Path(theirs).name.startswith("side-project-") and Path(mine).name.startswith("followup-")
    ran = followup(other, "restore")
    assert theirs in ran.out and mine not in ran.out
    _damage(other, "truncated")
    ran = followup(other, "today")
    assert ran.code != 0 and theirs in ran.err and mine not in ran.err
    assert [b.path for b in list_backups(yesterday_db)] == [Path(mine)]


@pytest.mark.parametrize("name", ["followup.db", "work.db"])
def test_old_backups_are_still_listed_for_the_database_they_belong_to(name, yesterday_db, followup):
    """Before, every backup was named followup-...: they belong to followup.db, or to the folder's only
    database."""
    db = yesterday_db.rename(yesterday_db.with_name(name))
    backups = db.parent / "backups"
    backups.mkdir()
    old = backups / "followup-20261120-080000-daily.db"
    shutil.copy2(db, old)
    ran = followup(db, "restore")
    assert ran.code == 0 and str(old) in ran.out and "daily" in ran.out
    shutil.copy2(db, db.with_name("other.db"))
    assert str(old) not in followup(db.with_name("other.db"), "restore").out


def test_capture_of_input_without_card_details_says_so(yesterday_db, followup):
    contacts = read_rows(yesterday_db, 'SELECT count(*) FROM "contact"')
    for options in ((), ("--save",), ("--json",)):
        ran = followup(yesterday_db, "capture", *options, stdin="\n  \n---\n")
        assert (ran.code, ran.out) == (1, "") and ran.err == "followup: no card details found in the input\n"
    assert read_rows(yesterday_db, 'SELECT count(*) FROM "contact"') == contacts


@pytest.mark.parametrize("outcome", ["reached", "voicemail", "no_answer"])
def test_an_outcome_is_refused_on_an_action_that_is_not_a_call(outcome, yesterday_db, followup):
    before = read_rows(yesterday_db, 'SELECT state, due, note FROM "action" WHERE id = 29')
    ran = followup(yesterday_db, "done", "29", "--outcome", outcome)  # 29: a thank-you email
    assert ran.code != 0 and ran.out == ""
    assert ran.err.startswith("followup: outcomes are for calls;") and "thank-you email" in ran.err
    assert read_rows(yesterday_db, 'SELECT state, due, note FROM "action" WHERE id = 29') == before


def test_an_unknown_export_format_is_refused_with_the_formats(yesterday_db, followup, tmp_path):
    ran = followup(yesterday_db, "export", str(tmp_path / "x.txt"))
    assert ran.code != 0 and ran.out == "" and not (tmp_path / "x.txt").exists()
    assert ran.err == (
        f"followup: cannot export to {tmp_path / 'x.txt'}: name the file .vcf (contacts), .json "
        "(everything), .csv (interviews) or .ics (follow-ups)\n"
    )


@pytest.mark.parametrize("suffix", [".vcf", ".json", ".csv", ".ics"])
def test_exporting_into_a_missing_folder_says_which(suffix, yesterday_db, followup, tmp_path):
    target = tmp_path / "no-such-folder" / f"out{suffix}"
    ran = followup(yesterday_db, "export", str(target))
    assert ran.code != 0 and ran.out == ""
    assert ran.err == f"followup: cannot export to {target}: the folder {target.parent} does not exist\n"


def test_exporting_into_a_folder_that_cannot_be_written_says_so(yesterday_db, followup, followup_command, tmp_path):
    prefix = _without_write_permission(tmp_path)
    closed = tmp_path / "closed"
    closed.mkdir(mode=0o555)
    ran = followup(yesterday_db, "export", str(closed / "out.json"), prefix=prefix)
    assert ran.code != 0 and ran.err == f"followup: cannot export to {closed / 'out.json'}: permission denied\n"
    assert list(closed.iterdir()) == []


HOSTILE = "typo\x1b]0;pwned\x07\x1b[2J\u202e.db"


def test_messages_quote_file_names_without_terminal_codes(tmp_path, yesterday_db, followup):
    ran = followup(tmp_path / HOSTILE, "today")
    assert ran.code != 0 and "\x1b" not in ran.err and "\x07" not in ran.err and "\u202e" not in ran.err
    assert "typo\\x1b]0;pwned\\x07\\x1b[2J\\u202e.db" in ran.err
    ran = followup(yesterday_db, "import", str(tmp_path / f"card{HOSTILE}.vcf"))
    assert ran.code != 0 and "\x1b" not in ran.err and "\\x1b]0;pwned" in ran.err
    card = tmp_path / "card.vcf"
    card.write_bytes(b"\x1b]52;c;cHduZWQ=\x07 not a card at all")
    ran = followup(yesterday_db, "import", str(card))
    assert ran.code != 0 and "\x1b" not in ran.err and "\x07" not in ran.err
