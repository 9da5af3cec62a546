"""y in the app on yesterday's database, against a real Radicale: the first time it asks for the server and
password and sends everything; later it takes what the phone did; a wrong password brings the form back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from onscreen import notifications
from phone import Phone
from radicale_server import PASSWORD, USER, Radicale
from sync_shell import Shell
from textual.widgets import Input

from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.sync_form import SyncSetupForm

SIZE = (120, 40)


@pytest.fixture
def phone(radicale: Radicale) -> Phone:
    found = Phone(radicale)
    yield found
    found.close()


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine with no system keyring and no password in the environment: only the form can give it."""
    monkeypatch.delenv("FOLLOWUP_SYNC_PASSWORD", raising=False)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")


def _open_uids(db: Path) -> set[str]:
    with sqlite3.connect(db) as con:
        return {f"{uid}@followup" for (uid,) in con.execute("SELECT uid FROM action WHERE state = 'open'")}


async def _fill_setup(pilot, url: str, password: str) -> None:
    form = pilot.app.screen
    assert isinstance(form, SyncSetupForm)
    form.query_one("#url", Input).value = url
    form.query_one("#user", Input).value = USER
    form.query_one("#password", Input).value = password
    await pilot.press("ctrl+s")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_y_the_first_time_sets_up_sync_and_sends_every_follow_up(
    yesterday_db: Path, radicale: Radicale, phone: Phone, no_keyring: None
):
    radicale.make_task_list()
    radicale.make_address_book()
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, SyncSetupForm)
        assert app.screen.query_one("#password", Input).password  # typed as dots
        await _fill_setup(pilot, radicale.url, PASSWORD)
        shown = "\n".join(notifications(app))
        assert "Sync set up: tasks to followups, cards to contacts" in shown
        assert "no system keyring here: password kept until you quit" in shown
        assert "created" in shown and "Traceback" not in shown
        assert set(phone.tasks()) == _open_uids(yesterday_db)
        assert len(phone.cards()) >= 1
        # A second y syncs at once with the password typed for this run: nothing changed on either side.
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, SyncSetupForm)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Sync: nothing changed on either side." in notifications(app)[-1]
    with sqlite3.connect(yesterday_db) as con:
        stored = dict(con.execute("SELECT key, value FROM setting WHERE key LIKE 'sync_%'"))
    assert stored["sync_url"] == radicale.url and stored["sync_user"] == USER
    assert stored["sync_task_list"].endswith("/followups/")
    assert PASSWORD.encode() not in yesterday_db.read_bytes()


async def test_y_takes_what_was_done_on_the_phone(set_up: Shell, radicale: Radicale, phone: Phone, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_SYNC_PASSWORD", PASSWORD)
    set_up.ok("sync")
    [(action_id, uid)] = set_up.sql("SELECT id, uid FROM action WHERE state = 'open' ORDER BY due, id LIMIT 1")
    phone.complete(f"{uid}@followup")
    app = FollowupApp(set_up.db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape", "y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "1 completed there" in notifications(app)[-1]
    [(state, note)] = set_up.sql("SELECT state, note FROM action WHERE id = ?", (action_id,))
    assert state == "done" and "Done elsewhere" in note


async def test_a_wrong_password_brings_the_form_back_with_the_reason(
    yesterday_db: Path, radicale: Radicale, no_keyring: None
):
    radicale.make_task_list()
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape", "Y")
        await pilot.pause()
        await _fill_setup(pilot, radicale.url, "not-the-password")
        form = app.screen
        assert isinstance(form, SyncSetupForm)
        assert form.query_one("#url", Input).value == radicale.url  # as typed, to correct
        message = str(form.query_one("#url-msg").render())
        assert "password" in message.lower(), message
    with sqlite3.connect(yesterday_db) as con:
        assert con.execute("SELECT count(*) FROM setting WHERE key LIKE 'sync_%'").fetchone() == (0,)


@pytest.mark.parametrize(("key", "kept"), [("s", "Chief Product Officer"), ("l", "VP of Product"), ("escape", None)])
async def test_a_card_changed_on_the_phone_and_here_is_asked_about_in_the_app(
    set_up: Shell, phone: Phone, monkeypatch, key: str, kept: str | None
):
    """Never overwritten without asking: y shows both values and takes the server's (s), keeps this side's
    (l) on both sides, or leaves both as they are (escape)."""
    from followup_tui.tui.screens.sync_conflicts import SyncConflictScreen

    monkeypatch.setenv("FOLLOWUP_SYNC_PASSWORD", PASSWORD)
    set_up.ok("sync")
    uid = str(set_up.sql("SELECT uid FROM contact WHERE name = 'Dana Whitfield'")[0][0])
    phone.edit_card(f"{uid}@followup", "TITLE:VP Product", "TITLE:Chief Product Officer")
    set_up.sql("UPDATE contact SET title = 'VP of Product' WHERE uid = ?", (uid,))
    app = FollowupApp(set_up.db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape", "y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SyncConflictScreen)
        asked = " ".join(str(widget.render()) for widget in app.screen.query("Static"))
        assert "Dana Whitfield, title\n  here:          VP of Product\n  on the server: Chief Product Officer" in asked
        await pilot.press(key)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, SyncConflictScreen)
    here = set_up.sql("SELECT title FROM contact WHERE uid = ?", (uid,))[0][0]
    there = phone.cards()[f"{uid}@followup"][1]
    if kept is None:
        assert here == "VP of Product" and "TITLE:Chief Product Officer" in there
    else:
        assert here == kept and f"TITLE:{kept}" in there


async def test_y_with_no_password_anywhere_asks_for_it_and_syncs(set_up: Shell, phone: Phone, no_keyring: None):
    """Set up from the shell with $FOLLOWUP_SYNC_PASSWORD; the app, started without it and with no keyring,
    asks for the password (server and user as set up) and then syncs."""
    app = FollowupApp(set_up.db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape", "y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        form = app.screen
        assert isinstance(form, SyncSetupForm)
        assert str(form.query_one("#url-msg").render()) == f"No password for {USER} yet: type it below."
        assert form.query_one("#user", Input).value == USER
        form.query_one("#password", Input).value = PASSWORD
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "created" in notifications(app)[-1]
    assert set(phone.tasks()) == _open_uids(set_up.db)
