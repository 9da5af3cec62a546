"""The user's public holidays (the `holidays` library): the days that are not business days.

A holiday region is a country code, with a subdivision after a dash where holidays differ inside the
country ("US", "US-CA", "GB-SCT", "CA-QC"), or "" for none: weekends only. The library is imported here
only, and only when a plan is made or the setting is edited: about 60 ms to import and 80-120 ms for the
first calendar (it loads every country's module), so `followup today` and the first screen never load it."""

from __future__ import annotations

import os
from datetime import date, timedelta
from functools import lru_cache

from followup_tui.settings import Settings
from followup_tui.text import clean_line
from followup_tui.validate import InputProblem, locale_countries

HOLIDAYS_ENV = "FOLLOWUP_HOLIDAYS"  # the region assumed until one is set ("" for none): for a demo, the tests
EXAMPLES = "US, GB, DE, FR, CA, AU, IN; a region after a dash: US-CA, GB-SCT, CA-QC"
_NAMED = 30  # subdivisions a message names (the US has 56)


def _supported() -> dict[str, list[str]]:
    import holidays

    return holidays.list_supported_countries()


def check_region(text: str) -> str:
    """A holiday region as typed ("us-ca", "gb", "de-by") in the library's spelling ("US-CA"), or "" for
    none; an unknown country or subdivision raises InputProblem naming what is accepted."""
    cleaned = clean_line(text)
    if not cleaned:
        return ""
    country, _, wanted = cleaned.partition("-")
    country, wanted = country.strip().upper(), wanted.strip()
    supported = _supported()
    if country not in supported:
        raise InputProblem(
            f"No holiday calendar for {country or cleaned}: give a country code ({EXAMPLES}), "
            "or leave it empty for weekends only"
        )
    if not wanted:
        return country
    subdivisions = supported[country]
    match = next((code for code in subdivisions if code.casefold() == wanted.casefold()), None)
    if match is not None:
        return f"{country}-{match}"
    if not subdivisions:
        raise InputProblem(f"{country} has no regions with holidays of their own: give {country} alone")
    named = ", ".join(subdivisions[:_NAMED])
    more = len(subdivisions) - _NAMED
    raise InputProblem(f"{country} has no region {wanted}: one of {named}{f' and {more} more' if more > 0 else ''}")


def default_region(settings: Settings) -> str:
    """The holidays assumed until the user sets them: $FOLLOWUP_HOLIDAYS when set, else the phone region's
    country when it has a calendar (the user's own word on where they live), else the locale's, else the
    US, as for phone numbers."""
    assumed = os.environ.get(HOLIDAYS_ENV)
    if assumed is not None:
        try:
            return check_region(assumed)
        except InputProblem:
            pass  # a typo in the environment: the usual default, which the settings form shows
    supported = _supported()
    for country in (settings.phone_region.upper(), *locale_countries(), "US"):
        if country in supported:
            return country
    return ""


def region_in_effect(settings: Settings) -> str:
    """The holiday region the plan uses: the one set ("" when set to none), else the default."""
    return settings.holiday_region if settings.holiday_region is not None else default_region(settings)


@lru_cache(maxsize=16)
def days_off(region: str, first_year: int, last_year: int) -> frozenset[date]:
    """The public holidays of `region` (observed days included) from `first_year` to `last_year`."""
    calendar = _calendar(region, first_year, last_year)
    return frozenset(calendar) if calendar is not None else frozenset()


def next_holiday(region: str, today: date) -> tuple[date, str] | None:
    """The first public holiday from today on within a year, and its name (for the settings form)."""
    calendar = _calendar(region, today.year, today.year + 1)
    if calendar is None:
        return None
    ahead = sorted(day for day in calendar if today <= day < today + timedelta(days=366))
    return (ahead[0], str(calendar[ahead[0]])) if ahead else None


def _calendar(region: str, first_year: int, last_year: int) -> dict[date, str] | None:
    if not region:
        return None
    import holidays

    country, _, subdivision = region.partition("-")
    try:
        years = range(first_year, last_year + 1)
        return dict(holidays.country_holidays(country, subdiv=subdivision or None, years=years))
    except NotImplementedError:
        # A region stored by another program or a later library: weekends only, never a crash.
        return None
