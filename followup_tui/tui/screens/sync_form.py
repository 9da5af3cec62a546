"""Set up sync: the CalDAV/CardDAV server, the user, the password (kept in the system keyring, never in the
database) and, where the server has several, which task list and address book."""

from __future__ import annotations

from functools import partial
from typing import NamedTuple

from textual.app import ComposeResult
from textual.widgets import Input

from followup_tui import validate
from followup_tui.settings import Settings
from followup_tui.sync.setup import server_address
from followup_tui.tui.screens.form import FormScreen, all_valid
from followup_tui.validate import InputProblem


class SyncSetup(NamedTuple):
    """What the form asks: where, who, the password, and which collections (empty: the only one)."""

    url: str
    user: str
    password: str
    task_list: str
    address_book: str


def _password(text: str) -> str:
    """Not empty; kept as typed (spaces at its ends may be part of it)."""
    if not text:
        raise InputProblem("The password is required")
    return text


class SyncSetupForm(FormScreen[SyncSetup]):
    """Server, user and password; the task list and address book are found on the server."""

    TITLE_TEXT = "Sync with your calendar and contacts server"

    def __init__(self, initial: SyncSetup, problem: str = "") -> None:
        super().__init__()
        self.initial = initial
        self.problem = problem  # why the form is back: the last try's message (wrong password, no server…)

    @classmethod
    def from_settings(cls, settings: Settings, problem: str = "") -> SyncSetupForm:
        """The form for what is set up now (a first set-up: empty); the password is asked again."""
        return cls(
            SyncSetup(settings.sync_url, settings.sync_user, "", settings.sync_task_list, settings.sync_address_book),
            problem,
        )

    def compose_fields(self) -> ComposeResult:
        start = self.initial
        yield from self.field("Server", "url", start.url, "https://cloud.example/remote.php/dav (CalDAV/CardDAV)")
        yield from self.field("User", "user", start.user, "your user name on the server")
        yield from self.field("Password", "password", "", "kept in the system keyring, never in followup's file")
        yield from self.field("Task list", "task_list", start.task_list, "its name, when the server has several")
        yield from self.field(
            "Address book", "address_book", start.address_book, "its name, when the server has several"
        )

    def on_mount(self) -> None:
        secret = self.query_one("#password", Input)
        secret.password = True
        secret.value = self.initial.password
        if self.problem:
            self.say("url", self.problem, error=True)
        self.say("password", "followup reads it from the system keyring, or $FOLLOWUP_SYNC_PASSWORD")

    def collect(self) -> SyncSetup | None:
        url = self.check("url", server_address)
        user = self.check("user", partial(validate.line, required="Your user name"))
        password = self.check("password", _password)
        task_list = self.check("task_list", validate.line)
        address_book = self.check("address_book", validate.line)
        if not all_valid(url, user, password, task_list, address_book):
            return None
        return SyncSetup(url.value, user.value, password.value, task_list.value, address_book.value)
