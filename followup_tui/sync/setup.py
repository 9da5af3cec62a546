"""Setting up sync, the same from the shell (`followup sync --setup`) and the app (y): find the user's task
list and address book on the server, and the settings that keep the choice."""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from followup_tui.settings import Settings
from followup_tui.sync import discovery
from followup_tui.sync.dav import Remote
from followup_tui.sync.discovery import Collection
from followup_tui.sync.errors import NoTasks, ServerRefused
from followup_tui.validate import InputProblem

NOTHING_TO_SYNC = (
    "The server has no task list (a calendar that takes tasks, VTODO) and no address book for this user: make one "
    "in its web page or app, then set up again. Google's CalDAV takes no tasks: use `followup export "
    "followups.ics` there."
)


def server_address(text: str) -> str:
    """The server's address as typed, checked to be an http(s) address with a host (InputProblem if not)."""
    url = text.strip()
    parts = urlsplit(url)
    if not url:
        raise InputProblem("The server's address is needed, e.g. https://cloud.example/remote.php/dav")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputProblem(
            f"{url!r} is not a server's address: it starts https:// (or http:// for a server on this machine)"
        )
    return url


@dataclass(frozen=True)
class Chosen:
    """Where the follow-ups and the people go (None: the server has none of that kind)."""

    task_list: Collection | None
    address_book: Collection | None

    def lines(self) -> list[str]:
        """What was chosen, a line each, for the user."""
        tasks = self.task_list
        book = self.address_book
        return [
            f"tasks: {tasks.name} ({tasks.url})" if tasks else "tasks: none (no task list)",
            f"contacts: {book.name} ({book.url})" if book else "contacts: none (no address book)",
        ]

    def names(self) -> str:
        """Where each goes, in a few words: "tasks to followups, cards to contacts"."""
        return ", ".join(
            f"{what} to {found.name}" if found else f"no {what} (the server has no {kind})"
            for what, found, kind in (
                ("tasks", self.task_list, "task list"),
                ("cards", self.address_book, "address book"),
            )
        )


def find_collections(url: str, user: str, password: str, task_list: str = "", address_book: str = "") -> Chosen:
    """Log in and choose the task list and address book (by name or URL when given, else the only one).
    Raises SyncError with the user's message: a wrong password, no server, a calendar that refuses tasks,
    several to choose from, none at all."""
    remote = Remote(url, user, password)
    try:
        found = discovery.discover(remote)
    finally:
        remote.close()
    if task_list:
        named = discovery.choose(found.calendars, task_list, "task list")
        if named is not None and not named.takes_tasks:
            raise NoTasks(
                f"The calendar {named.name!r} refuses tasks (VTODO): choose one that takes tasks, or export the "
                "follow-ups with `followup export followups.ics` and import that file instead."
            )
    chosen = Chosen(
        discovery.choose([c for c in found.calendars if c.takes_tasks], task_list, "task list"),
        discovery.choose(found.address_books, address_book, "address book"),
    )
    if chosen.task_list is None and chosen.address_book is None:
        raise ServerRefused(NOTHING_TO_SYNC)
    return chosen


def with_sync(settings: Settings, url: str, user: str, chosen: Chosen) -> Settings:
    """The settings that sync with what was chosen."""
    return replace(
        settings,
        sync_url=url,
        sync_user=user,
        sync_task_list=chosen.task_list.url if chosen.task_list else "",
        sync_address_book=chosen.address_book.url if chosen.address_book else "",
    )
