"""Set up sync: the CalDAV/CardDAV server, the user, the password (kept in the system keyring, never in the
database) and, where the server has several, which task list and address book."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from textual.app import ComposeResult
from textual.widgets import Input

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


def needed(what: str) -> Callable[[str], str]:
    """A check that the field is not empty."""

    def check(text: str) -> str:
        if not text.strip():
            raise InputProblem(f"{what} is needed")
        return text.strip()

    return check


class SyncSetupForm(FormScreen[SyncSetup]):
    """Server, user and password; the task list and address book are found on the server."""

    TITLE_TEXT = "Sync with your calendar and contacts server"

    def __init__(self, initial: SyncSetup, problem: str = "") -> None:
        super().__init__()
        self.initial = initial
        self.problem = problem  # why the form is back: the last try's message (wrong password, no server…)

    @classmethod
    def from_settings(cls, settings: Settings, password: str = "", problem: str = "") -> SyncSetupForm:
        """The form for what is set up now (a first set-up: empty)."""
        return cls(
            SyncSetup(
                settings.sync_url, settings.sync_user, password, settings.sync_task_list, settings.sync_address_book
            ),
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
        user = self.check("user", needed("Your user name"))
        password = self.check("password", needed("The password"))
        if not all_valid(url, user, password):
            return None
        return SyncSetup(
            url.value, user.value, password.value, self.value("task_list").strip(), self.value("address_book").strip()
        )
