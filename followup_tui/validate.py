"""Checks of what users type into the forms, shared by the app and the shell."""

from __future__ import annotations

import locale
from dataclasses import dataclass
from datetime import date, time
from typing import Literal, overload

from followup_tui import contact
from followup_tui.contact import Entry
from followup_tui.dates import DATE_HINT, parse_day
from followup_tui.text import clean_line, clean_text

# Generous but finite: a huge paste gets a message instead of a slow app and a bloated file.
LINE_LIMIT = 200
TEXT_LIMIT = 4000


class InputProblem(ValueError):
    """A value the user must correct; the message says how."""


def locale_countries() -> list[str]:
    """The two-letter countries the locale names ("en_GB.UTF-8" -> GB), the likeliest first."""
    found = []
    for name in (locale.getlocale()[0], locale.setlocale(locale.LC_CTYPE, None)):
        if name and "_" in name:
            found.append(name.split("_", 1)[1][:2].upper())
    return found


def default_region() -> str:
    """The phone region to assume for numbers without a +country code, from the locale."""
    import phonenumbers

    for region in locale_countries():
        if region in phonenumbers.SUPPORTED_REGIONS:
            return region
    return "US"


def line(value: str, *, required: str = "") -> str:
    """One cleaned line; `required` names the field when it may not be empty."""
    cleaned = clean_line(value)
    if required and not cleaned:
        raise InputProblem(f"{required} is required")
    if len(cleaned) > LINE_LIMIT:
        raise InputProblem(f"Too long: {len(cleaned)} characters, at most {LINE_LIMIT}")
    return cleaned


def text(value: str) -> str:
    """Cleaned multi-line text within the size limit."""
    cleaned = clean_text(value)
    if len(cleaned) > TEXT_LIMIT:
        raise InputProblem(f"Too long: {len(cleaned)} characters, at most {TEXT_LIMIT}")
    return cleaned


def email(value: str) -> str:
    """A normalised email address, or "" for none; no network lookup."""
    from email_validator import EmailNotValidError, validate_email

    cleaned = line(value)
    if not cleaned:
        return ""
    try:
        return validate_email(cleaned, check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise InputProblem(str(error)) from error


@dataclass(frozen=True)
class Phone:
    """A phone number as the user typed it and in E.164 form."""

    typed: str
    e164: str


def phone(value: str, region: str) -> Phone:
    """A phone number checked against `region` (a +country code works from anywhere)."""
    import phonenumbers

    cleaned = line(value)
    if not cleaned:
        return Phone("", "")
    try:
        number = phonenumbers.parse(cleaned, region)
    except phonenumbers.NumberParseException as error:
        raise InputProblem(f"Not a phone number ({error.args[0] if error.args else 'unreadable'})") from error
    if not phonenumbers.is_valid_number(number):
        raise InputProblem(f"Not a valid number for region {region}; start with +country code")
    return Phone(cleaned, phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def region(value: str) -> str:
    """A phone region code such as US, GB or DE."""
    import phonenumbers

    code = clean_line(value).upper()
    if code not in phonenumbers.SUPPORTED_REGIONS:
        raise InputProblem(f"Not a region code: {code or 'empty'} (two letters, e.g. US, GB, DE, FR, IN, AU)")
    return code


@overload
def day(value: str, today: date, *, required: Literal[True], past: bool = False) -> date: ...


@overload
def day(value: str, today: date, *, required: bool, past: bool = False) -> date | None: ...


def day(value: str, today: date, *, required: bool, past: bool = False) -> date | None:
    """A date as typed in a form or given to a command ("today", "fri", "nov 20"); None for an empty
    optional one. A bad date raises DateInputError (a ValueError) with its hint."""
    if not value.strip():
        if required:
            raise InputProblem(f"A date is needed ({DATE_HINT})")
        return None
    return parse_day(value, today, past=past)


def times(started: time | None, ended: time | None) -> None:
    """An interview's start and end, when both are given, in that order."""
    if started and ended and ended <= started:
        raise InputProblem("It ended before it started: check both times")


def card_field(name: str, value: str, phone_region: str) -> str | Phone:
    """One typed field of a person's card checked as the person form checks it (a phone gives a Phone)."""
    about = contact.about(name)
    if about.entry is Entry.PHONE:
        return phone(value, phone_region)
    if about.entry is Entry.EMAIL:
        return email(value)
    if about.entry is Entry.TEXT:
        return text(value)
    return line(value, required=about.label if about.required else "")
