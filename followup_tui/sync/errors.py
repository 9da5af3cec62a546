"""What can stop a sync, each with the one-line message the user sees."""

from __future__ import annotations


class SyncError(Exception):
    """A sync that could not run or finish; what was agreed before it stays agreed."""


class NotSetUp(SyncError):
    """No server, user or collection in the settings."""


class NoPassword(SyncError):
    """Neither the keyring nor $FOLLOWUP_SYNC_PASSWORD holds the password."""


class WrongPassword(SyncError):
    """The server refused the user name or password (401)."""


class Unreachable(SyncError):
    """The server did not answer (down, wrong address, no network)."""


class NoTasks(SyncError):
    """The calendar refuses tasks (VTODO): Google's CalDAV, an events-only calendar."""


class ServerRefused(SyncError):
    """The server answered an unexpected status."""


class Refused(ServerRefused):
    """The server refused to store an item (its status: 400, 403, 405, 415 or 422)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status
