"""Dates and times as people type them, and due dates as people read them."""

from __future__ import annotations

import re
from datetime import date, time, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
DATE_HINT = "e.g. today, tomorrow, fri, +3d, nov 20, 2026-11-20"
TIME_HINT = "e.g. 14:30, 2:30pm, 4pm"


class DateInputError(ValueError):
    """Text that is not a date or time this module understands."""


def _weekday(word: str) -> int | None:
    if len(word) < 3:
        return None
    for index, name in enumerate(WEEKDAYS):
        if name.startswith(word):
            return index
    return None


def _month(word: str) -> int | None:
    if len(word) < 3:
        return None
    for index, name in enumerate(MONTHS, start=1):
        if name.startswith(word):
            return index
    return None


def _nearest_year(month: int, day: int, today: date) -> date:
    """The date with that month and day closest to today (so "dec 30" in January is last year)."""
    candidates = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        raise DateInputError(f"{MONTHS[month - 1].title()} has no day {day}")
    return min(candidates, key=lambda d: abs((d - today).days))


_OFFSET = re.compile(r"^(?:in\s+)?([+-]?)\s*(\d{1,4})\s*(d|day|days|w|wk|week|weeks)(?:\s+ago)?$")


def parse_day(text: str, today: date, *, past: bool = False) -> date:
    """Parse a date: ISO, today/yesterday/tomorrow, weekday names, +3d, "nov 20" or "20 nov 2026".

    A bare weekday name means the coming one, or with `past` the latest one (today included):
    "mon" typed as an interview date is the Monday just gone, as a due date the Monday ahead.
    """
    words = " ".join(text.strip().lower().replace(",", " ").split())
    if not words:
        raise DateInputError("A date is needed")
    if words in ("today", "tod", "now"):
        return today
    if words in ("tomorrow", "tmr", "tom"):
        return today + timedelta(days=1)
    if words in ("yesterday", "yest"):
        return today - timedelta(days=1)
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", words):
        try:
            return date.fromisoformat("-".join(part.zfill(2) for part in words.split("-")))
        except ValueError as error:
            raise DateInputError(f"Not a real date: {text.strip()}") from error
    offset = _OFFSET.match(words)
    if offset:
        sign, amount, unit = offset.groups()
        days = int(amount) * (7 if unit.startswith("w") else 1)
        if sign == "-" or words.endswith(" ago"):
            days = -days
        return today + timedelta(days=days)
    parts = words.split()
    if len(parts) >= 3 and _weekday(parts[0]) is not None:
        parts = parts[1:]  # "Wed 25 Nov 2026", as the app shows dates
    target = _weekday(parts[-1]) if len(parts) in (1, 2) else None
    if target is not None:
        ahead = (target - today.weekday()) % 7
        if len(parts) == 1:
            if past:
                return today - timedelta(days=(today.weekday() - target) % 7)
            return today + timedelta(days=ahead)
        if parts[0] == "next":
            return today + timedelta(days=ahead or 7)
        if parts[0] in ("last", "past"):
            return today - timedelta(days=(today.weekday() - target) % 7 or 7)
    return _parse_month_day(parts, text, today)


def _parse_month_day(parts: list[str], text: str, today: date) -> date:
    year = None
    if len(parts) == 3 and re.fullmatch(r"\d{4}", parts[2]):
        year = int(parts[2])
        parts = parts[:2]
    if len(parts) == 2:
        first, second = parts
        month_first, month_second = _month(first), _month(second)
        if month_first and re.fullmatch(r"\d{1,2}(st|nd|rd|th)?", second):
            month, day = month_first, int(re.sub(r"\D", "", second))
        elif month_second and re.fullmatch(r"\d{1,2}(st|nd|rd|th)?", first):
            month, day = month_second, int(re.sub(r"\D", "", first))
        else:
            raise DateInputError(f"Not a date: {text.strip()} ({DATE_HINT})")
        if year is None:
            return _nearest_year(month, day, today)
        try:
            return date(year, month, day)
        except ValueError as error:
            raise DateInputError(f"Not a real date: {text.strip()}") from error
    raise DateInputError(f"Not a date: {text.strip()} ({DATE_HINT})")


_TIME = re.compile(r"^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a|p)?$")


def parse_time(text: str) -> time:
    """Parse a time of day: 14:30, 14.30, 2:30pm, 4pm, noon."""
    words = text.strip().lower().replace(" ", "")
    if words == "noon":
        return time(12, 0)
    match = _TIME.match(words)
    if not match:
        raise DateInputError(f"Not a time: {text.strip()} ({TIME_HINT})")
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    if half:
        if not 1 <= hour <= 12:
            raise DateInputError(f"Not a time: {text.strip()} ({TIME_HINT})")
        hour = hour % 12 + (12 if half.startswith("p") else 0)
    elif match.group(2) is None:
        raise DateInputError(f"Give minutes or am/pm: {text.strip()} ({TIME_HINT})")
    if hour > 23 or minute > 59:
        raise DateInputError(f"Not a time: {text.strip()} ({TIME_HINT})")
    return time(hour, minute)


def is_business_day(day: date, days_off: frozenset[date]) -> bool:
    """Monday to Friday, and not one of the user's public holidays (`days_off`, see days_off.py)."""
    return day.weekday() < 5 and day not in days_off


def next_business_day_on_or_after(day: date, days_off: frozenset[date]) -> date:
    """The day itself on a business day; else the first business day after it (Monday after a weekend,
    the 28th after a Christmas that falls on a Friday)."""
    while not is_business_day(day, days_off):
        day += timedelta(days=1)
    return day


def next_business_day(day: date, days_off: frozenset[date]) -> date:
    """The first business day after `day` (for snoozing and unanswered calls)."""
    return next_business_day_on_or_after(day + timedelta(days=1), days_off)


def snoozed_day(due: date, today: date, days_off: frozenset[date]) -> date:
    """Where snooze moves an item: the next business day after the later of today and its due date.

    Snooze means "not now": it must never pull a letter due next week, or a "no word yet?" check, forward."""
    return next_business_day(max(due, today), days_off)


def show_date(day: date, today: date | None = None) -> str:
    """A short, readable date: "Wed 25 Nov", with the year when it is not this year's."""
    text = f"{WEEKDAYS[day.weekday()][:3].title()} {day.day} {MONTHS[day.month - 1][:3].title()}"
    if today is None or day.year != today.year:
        text += f" {day.year}"
    return text


def relative_due(due: date, today: date) -> str:
    """How a due date reads: "today", "tomorrow", "in 3 days", "2 days overdue"."""
    days = (due - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days < 0:
        return f"{-days} day{'s' if days != -1 else ''} overdue"
    if days < 14:
        return f"in {days} days"
    return show_date(due, today)
