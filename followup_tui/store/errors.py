"""The storage failures, each with a message written for the user; their one home, imported by the
store's modules and by the screens and commands that show them."""

from __future__ import annotations


class StoreError(Exception):
    """A storage failure with a message written for the user."""


class NotOurDatabase(StoreError):
    """The file is not a followup database, or is damaged."""


class DamagedDatabase(NotOurDatabase):
    """A followup database whose file SQLite found damaged (cut short, or pages overwritten)."""


class NewerDatabase(StoreError):
    """The file was written by a newer followup."""


class DatabaseBusy(StoreError):
    """Another copy held the write lock for longer than the busy timeout."""


class WriteFailed(StoreError):
    """A write could not be made (read-only file, full disk, I/O error)."""
