"""Writing on yesterday's database: the mail program gets the draft the user wrote, a letter has one
closing and says what really happened, and placeholders fill in once the profile exists."""

from __future__ import annotations

import email
import json
import os
import sqlite3
import subprocess
from contextlib import closing
from email import policy
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from onscreen import notifications

from followup_tui import mail_client
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.confirm import ConfirmScreen
from followup_tui.tui.screens.draft import DraftScreen
from followup_tui.tui.screens.mail_fallback import MailFallbackScreen
from followup_tui.tui.screens.profile_form import ProfileForm
from followup_tui.tui.widgets.draft_editor import DraftEditor
from followup_tui.tui.widgets.review_list import ReviewList

SIZE = (120, 40)
SIGNATURE = "Sam Rivera"  # the demo profile's


def sql(path: Path, statement: str, *params) -> list[tuple]:
    """Change yesterday's file as yesterday's session left it, without opening it through the app's store."""
    with closing(sqlite3.connect(path)) as connection, connection:
        return connection.execute(statement, params).fetchall()


def action_id(path: Path, kind: str, person: str) -> int:
    rows = sql(
        path,
        "SELECT a.id FROM action a JOIN contact c ON c.id = a.contact_id WHERE a.kind = ? AND c.name = ?",
        kind,
        person,
    )
    assert len(rows) == 1, (kind, person, rows)
    return rows[0][0]


def edit_profile(path: Path, **changes) -> None:
    (value,) = sql(path, "SELECT value FROM setting WHERE key = 'profile'")[0]
    sql(path, "UPDATE setting SET value = ? WHERE key = 'profile'", json.dumps({**json.loads(value), **changes}))


def notes(app) -> str:
    return "\n".join(notifications(app))


async def highlight(pilot, ident: int) -> None:
    pilot.app.screen.query_one(ReviewList).select_id(ident)
    await pilot.pause()
    assert pilot.app.screen.selected.id == ident


async def write(pilot, ident: int) -> DraftScreen:
    """`w` on an item of the daily review."""
    await highlight(pilot, ident)
    await pilot.press("w")
    await pilot.pause()
    assert isinstance(pilot.app.screen, DraftScreen), pilot.app.screen
    return pilot.app.screen


def mailed(url: str) -> tuple[str, str, str]:
    """(address, subject, body) of a mailto: link."""
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    return unquote(parts.path), query["subject"][0], query["body"][0]


async def test_o_mails_the_saved_draft_with_the_signature_not_a_generic_note(yesterday_db, monkeypatch):
    dana = action_id(yesterday_db, "thank_you_email", "Dana Whitfield")
    marcus = action_id(yesterday_db, "thank_you_email", "Marcus Lee")
    # Written yesterday, before the signature existed: the placeholder is still in it.
    sql(
        yesterday_db,
        "UPDATE action SET draft = ? WHERE id = ?",
        "Subject: Thanks, and the docking station\n\nDear Dana,\n\nThank you for showing me the docking station "
        "trial with the ward nurses.\n\n{signature}",
        dana,
    )
    opened: list[str] = []
    monkeypatch.setattr(mail_client, "open_mailto", lambda url: opened.append(url) or True)
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await highlight(pilot, dana)
        await pilot.press("o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await highlight(pilot, marcus)  # no draft yet: the template, filled from the profile
        await pilot.press("o")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert len(opened) == 2
    assert mailed(opened[0]) == (
        "dana@bluefin.example",
        "Thanks, and the docking station",
        f"Dear Dana,\n\nThank you for showing me the docking station trial with the ward nurses.\n\n{SIGNATURE}",
    )
    to, subject, body = mailed(opened[1])
    assert to == "marcus.lee@bluefin.example" and subject == "Thank you for the Product Manager, Autonomy interview"
    assert body.startswith("Dear Marcus,") and "Sprint planning across hardware and software teams" in body
    assert body.endswith(f"\n\n{SIGNATURE}") and "{" not in body and "Best regards" not in body


async def test_ctrl_g_without_a_mail_program_offers_an_eml_file_with_the_current_text(yesterday_db, monkeypatch):
    dana = action_id(yesterday_db, "thank_you_email", "Dana Whitfield")
    monkeypatch.setattr(mail_client, "open_mailto", lambda url: False)  # nothing on this machine takes mailto:
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        draft = await write(pilot, dana)
        editor = draft.query_one(DraftEditor)
        editor.text = editor.text.replace("Dear Dana,", "Dear Dana,\n\nA line typed just now.")  # not saved
        await pilot.pause()
        await pilot.press("ctrl+g")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MailFallbackScreen)
        assert "No mail program" in str(app.screen.message)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
        shown = notes(app)
    files = list((yesterday_db.parent / "letters").glob("*.eml"))
    assert len(files) == 1 and str(files[0]) in shown
    raw = files[0].read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")  # RFC 5322 line ends
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message["To"].addresses[0].addr_spec == "dana@bluefin.example"
    assert message["From"].addresses[0].addr_spec == "sam.rivera@example.com"
    assert message["Subject"] == "Thank you for the Product Manager, Autonomy interview"
    body = message.get_content().replace("\r\n", "\n")
    assert body.startswith("Dear Dana,\n\nA line typed just now.\n\nThank you for your time and your interest in")
    assert body.rstrip().endswith(SIGNATURE)
    assert os.stat(files[0]).st_mode & 0o777 == 0o600


async def test_o_without_a_mail_program_can_copy_the_email_instead(yesterday_db, monkeypatch):
    dana = action_id(yesterday_db, "thank_you_email", "Dana Whitfield")
    saved = sql(yesterday_db, "SELECT draft FROM action WHERE id = ?", dana)[0][0]
    monkeypatch.setattr(mail_client, "open_mailto", lambda url: False)
    app = FollowupApp(yesterday_db)
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await highlight(pilot, dana)
        await pilot.press("o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MailFallbackScreen)
        await pilot.press("c")
        await pilot.pause()
        shown = notes(app)
    assert copied == [saved.split("\n\n", 1)[1].rstrip()]  # the body; the subject line is shown instead
    assert "dana@bluefin.example" in shown and "Thank you for the Product Manager, Autonomy interview" in shown


async def test_a_signature_with_its_own_closing_gives_the_letter_one_closing(yesterday_db):
    letter = action_id(yesterday_db, "letter", "Dana Whitfield")
    edit_profile(yesterday_db, signature="Best regards,\nSam Rivera")
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = (await write(pilot, letter)).query_one(DraftEditor).text
    assert text.count("Best regards,") == 1 and "Yours sincerely" not in text
    assert text.rstrip().endswith("Best regards,\nSam Rivera")


async def test_the_letter_says_what_happened_on_the_call(yesterday_db, followup_command):
    letter = action_id(yesterday_db, "letter", "Dana Whitfield")
    call = action_id(yesterday_db, "call", "Dana Whitfield")
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = (await write(pilot, letter)).query_one(DraftEditor).text
        await pilot.press("ctrl+r")  # not kept: the next opening writes from the template again
        await pilot.pause()
    assert "phone" not in before and "voicemail" not in before  # no call yet
    assert "Thank you again for your time at our interview on Tue 24 Nov." in before
    sql(yesterday_db, "UPDATE action SET draft = '' WHERE id = ?", letter)
    # The call went to voicemail, recorded from the shell by another process.
    environment = {**os.environ, "FOLLOWUP_NOW": "2026-11-25T09:30"}
    subprocess.run(
        [*followup_command, "--db", str(yesterday_db), "done", str(call), "--outcome", "voicemail"],
        check=True,
        env=environment,
        capture_output=True,
    )
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        after = (await write(pilot, letter)).query_one(DraftEditor).text
    assert "on the phone" not in after
    assert "I left you a voicemail on Wed 25 Nov" in after


async def test_a_draft_from_before_the_profile_takes_the_profile_now(yesterday_db):
    marcus = action_id(yesterday_db, "thank_you_email", "Marcus Lee")
    sql(
        yesterday_db,
        "UPDATE action SET draft = ? WHERE id = ?",
        "Dear Marcus,\n\nThank you. Sprint planning across hardware and software teams was fun. "
        "What I bring: {strength}.\n\n{signature}",
        marcus,
    )
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        draft = await write(pilot, marcus)
        text = draft.query_one(DraftEditor).text
        problems = list(draft.problems)
        shown = notes(app)
    assert "{" not in text and text.endswith(f"\n\n{SIGNATURE}")
    assert "What I bring: led a five-person team through a warehouse migration" in text  # Marcus: the 2nd strength
    assert not any("not filled in" in p for p in problems)
    assert "{strength}" in shown and "{signature}" in shown  # says what it filled in


async def test_an_unfilled_placeholder_is_named_and_mark_sent_asks(yesterday_db):
    marcus = action_id(yesterday_db, "thank_you_email", "Marcus Lee")
    edit_profile(yesterday_db, strengths=[])
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        draft = await write(pilot, marcus)
        assert "{strength}" in draft.query_one(DraftEditor).text
        assert any("{strength} is not filled in" in p and "profile" in p for p in draft.problems)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and "{strength}" in str(app.screen.question)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
    assert sql(yesterday_db, "SELECT state FROM action WHERE id = ?", marcus) == [("open",)]


async def test_the_first_w_with_an_empty_profile_asks_for_the_profile_first(yesterday_db):
    marcus = action_id(yesterday_db, "thank_you_email", "Marcus Lee")
    sql(yesterday_db, "DELETE FROM setting WHERE key = 'profile'")
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await highlight(pilot, marcus)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, ProfileForm)
        app.screen.query_one("#my_name").value = "Raj Patel"
        app.screen.query_one("#signature").text = "Kind regards,\nRaj Patel"
        app.screen.query_one("#strengths").text = "ten years of supply-chain analytics"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
        text = app.screen.query_one(DraftEditor).text
    assert "ten years of supply-chain analytics" in text and text.endswith("Kind regards,\nRaj Patel")
    assert "Raj Patel" in sql(yesterday_db, "SELECT value FROM setting WHERE key = 'profile'")[0][0]


async def test_a_letter_is_dated_the_day_it_is_sent(yesterday_db):
    letter = action_id(yesterday_db, "letter", "Dana Whitfield")
    sql(yesterday_db, "UPDATE contact SET address = ? WHERE name = 'Dana Whitfield'", "1 Dock Road\nBoston, MA 02110")
    drafted = (
        "Sam Rivera\n12 Oak Lane\nPortland, OR 97201\n\n20 November 2026\n\nDana Whitfield\nVP Product\n"
        "Bluefin Robotics\n1 Dock Road\nBoston, MA 02110\n\nDear Dana,\n\nThank you again.\n\n"
        "Yours sincerely,\n\n\nSam Rivera\n"
    )
    sql(yesterday_db, "UPDATE action SET draft = ? WHERE id = ?", drafted, letter)
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        draft = await write(pilot, letter)
        assert "\n\n25 November 2026\n\n" in draft.query_one(DraftEditor).text
        await pilot.press("ctrl+t")
        await pilot.pause()
        if isinstance(app.screen, ConfirmScreen):
            await pilot.press("y")
            await pilot.pause()
    (sent,) = sql(yesterday_db, "SELECT sent_text FROM action WHERE id = ?", letter)[0]
    assert "25 November 2026" in sent and "20 November 2026" not in sent
    assert sent.replace("25 November 2026", "20 November 2026") == drafted
