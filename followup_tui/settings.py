"""The user's settings as one typed record, and how each is stored as text in the setting table.

The store loads them in one read (store.queries.settings) and changes them in one write transaction
(store.commands.change_settings); nothing else names a setting's key."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import NamedTuple

from followup_tui.writing.profile import Profile

START_SCREENS = ("auto", "review", "main")
"""Where the app opens: the review when something is due (else the interviews), always the review, always
the interviews. A stored value outside these (another program, an import) opens the interviews."""

SYNC_KEYS = ("sync_url", "sync_user", "sync_task_list", "sync_address_book")
"""The sync settings, stored under their own names (text)."""

DEFAULT_SIMILARITY = 0.8
_TEMPLATE = "template:"  # a key per edited template: template:<name>


class Notified(NamedTuple):
    """The actions `followup notify` named on one day, by uid (the day before's are forgotten)."""

    day: date | None
    uids: frozenset[str]

    def new_on(self, today: date, uids: Iterable[str]) -> list[str]:
        """Of `uids`, those not yet named today, in their order."""
        seen = self.uids if self.day == today else frozenset()
        return [uid for uid in uids if uid not in seen]

    def adding(self, today: date, uids: Iterable[str]) -> Notified:
        """These named too, today."""
        return Notified(today, (self.uids if self.day == today else frozenset()) | frozenset(uids))


@dataclass(frozen=True)
class Settings:
    """Every setting, with its default where nothing is stored."""

    phone_region: str = ""  # "" until set: the locale's region is assumed (validate.default_region)
    # Public holidays that are not business days, "US-CA" or "GB": None until set (public_holidays.default_region
    # assumes one), "" for none (weekends only).
    holiday_region: str | None = None
    start_screen: str = "auto"  # kept as stored: see START_SCREENS
    similarity_threshold: float = DEFAULT_SIMILARITY  # two thank-yous this alike get a warning
    keep_hunting_shown_on: date | None = None  # the keep-hunting reminder shows once a day
    profile: Profile = field(default_factory=Profile)
    words: tuple[str, ...] = ()  # words the user taught the spell check
    templates: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # edited, by name
    # What `followup notify` showed: the day, and the uids of the actions it named that day (once a day each).
    notified: Notified = field(default_factory=lambda: Notified(None, frozenset()))
    # Calendar and contacts sync (`followup sync`); "" until set up. The password is never a setting: it
    # comes from the system keyring or $FOLLOWUP_SYNC_PASSWORD (followup_tui.sync.password).
    sync_url: str = ""  # the server, as the user gave it
    sync_user: str = ""
    sync_task_list: str = ""  # the CalDAV task list's URL, found by discovery
    sync_address_book: str = ""  # the CardDAV address book's URL ("" when the server has none)

    @classmethod
    def from_stored(cls, rows: Mapping[str, str]) -> Settings:
        """From the setting table's rows (key -> text); an unreadable value counts as not set."""
        return cls(
            phone_region=rows.get("phone_region") or "",
            holiday_region=rows.get("holiday_region"),
            start_screen=rows.get("start_screen") or "auto",
            similarity_threshold=_threshold(rows.get("similarity_threshold")),
            keep_hunting_shown_on=_day(rows.get("keep_hunting_shown_on")),
            profile=Profile.from_json(rows.get("profile")),
            words=_words(rows.get("words")),
            **{key: rows.get(key) or "" for key in SYNC_KEYS},
            templates=MappingProxyType(
                {key.removeprefix(_TEMPLATE): text for key, text in rows.items() if key.startswith(_TEMPLATE)}
            ),
            notified=_notified(rows.get("notified")),
        )

    def to_stored(self) -> dict[str, str]:
        """As the setting table's rows (a day not yet set, or a template not edited, has none)."""
        rows = {
            "phone_region": self.phone_region,
            "start_screen": self.start_screen,
            "similarity_threshold": str(self.similarity_threshold),
            "profile": self.profile.to_json(),
            "words": json.dumps(list(self.words)),
            **{_TEMPLATE + name: text for name, text in self.templates.items()},
        }
        rows.update({key: getattr(self, key) for key in SYNC_KEYS if getattr(self, key)})
        if self.holiday_region is not None:
            rows["holiday_region"] = self.holiday_region
        if self.keep_hunting_shown_on is not None:
            rows["keep_hunting_shown_on"] = self.keep_hunting_shown_on.isoformat()
        if self.notified.day is not None:
            rows["notified"] = json.dumps({"day": self.notified.day.isoformat(), "uids": sorted(self.notified.uids)})
        return rows


def _threshold(text: str | None) -> float:
    try:
        return min(1.0, max(0.1, float(text or DEFAULT_SIMILARITY)))
    except ValueError:
        return DEFAULT_SIMILARITY


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _notified(text: str | None) -> Notified:
    try:
        found = json.loads(text or "{}")
        return Notified(date.fromisoformat(found["day"]), frozenset(str(uid) for uid in found["uids"]))
    except (ValueError, TypeError, KeyError):
        return Notified(None, frozenset())


def _words(text: str | None) -> tuple[str, ...]:
    try:
        found = json.loads(text or "[]")
    except ValueError:
        return ()
    return tuple(str(w) for w in found) if isinstance(found, list) else ()
