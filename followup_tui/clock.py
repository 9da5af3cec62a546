"""The one place "today" and "now" come from; tests and screenshots freeze it."""

from __future__ import annotations

from datetime import date, datetime

_frozen: datetime | None = None


def now() -> datetime:
    """The current local time, or the frozen one."""
    return _frozen if _frozen is not None else datetime.now()


def today() -> date:
    """Today's date, or the frozen one."""
    return now().date()


def freeze(at: datetime | None) -> None:
    """Fix the clock at `at` (None lets it run again)."""
    global _frozen
    _frozen = at
