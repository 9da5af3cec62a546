"""Finding the user's task lists (calendars that take VTODO) and address books on the server."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import urlsplit

from followup_tui.sync.dav import CARDDAV, DAV, Remote
from followup_tui.sync.errors import ServerRefused, SyncError

_HOME_BODY = (
    '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav">'
    "<d:prop><c:addressbook-home-set/><d:current-user-principal/></d:prop></d:propfind>"
)
_BOOKS_BODY = (
    '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:">'
    "<d:prop><d:resourcetype/><d:displayname/></d:prop></d:propfind>"
)


@dataclass(frozen=True)
class Collection:
    """A task list or address book: its URL and the name the server shows."""

    url: str
    name: str
    takes_tasks: bool = True  # for calendars: whether VTODO is among its supported components


@dataclass(frozen=True)
class Found:
    """What the server offers this user."""

    calendars: list[Collection]
    address_books: list[Collection]


def discover(remote: Remote) -> Found:
    """The principal's calendars (through caldav) and address books (CardDAV home set, where the server has one)."""
    from caldav.lib import error

    remote.request(remote.url, "PROPFIND", "", {"Depth": "0"})  # a wrong password or no server: our own message
    try:
        principal = remote.client.principal()
        calendars = [
            Collection(str(c.url), str(c.get_display_name() or _last(str(c.url))), "VTODO" in _components(c))
            for c in principal.calendars()
        ]
    except error.DAVError as problem:
        raise ServerRefused(f"The server at {remote.url} offers no calendars to this user ({problem}).") from None
    return Found(calendars, _address_books(remote))


def _components(calendar: object) -> list[str]:
    try:
        return [str(c) for c in calendar.get_supported_components()]  # type: ignore[attr-defined]
    except Exception:  # a server that does not say: assume the RFC's default, every component
        return ["VEVENT", "VTODO"]


def _last(url: str) -> str:
    return urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]


def _address_books(remote: Remote) -> list[Collection]:
    try:
        response = remote.request(remote.url, "PROPFIND", _HOME_BODY, {"Depth": "0", "Content-Type": "application/xml"})
        root = ET.fromstring(response._raw)
        home = root.find(f".//{{{CARDDAV}}}addressbook-home-set/{{{DAV}}}href")
        if home is None or not home.text:
            principal = root.find(f".//{{{DAV}}}current-user-principal/{{{DAV}}}href")
            if principal is None or not principal.text:
                return []
            response = remote.request(
                remote.absolute(principal.text),
                "PROPFIND",
                _HOME_BODY,
                {"Depth": "0", "Content-Type": "application/xml"},
            )
            home = ET.fromstring(response._raw).find(f".//{{{CARDDAV}}}addressbook-home-set/{{{DAV}}}href")
            if home is None or not home.text:
                return []
        response = remote.request(
            remote.absolute(home.text), "PROPFIND", _BOOKS_BODY, {"Depth": "1", "Content-Type": "application/xml"}
        )
        books = []
        for item in ET.fromstring(response._raw).findall(f"{{{DAV}}}response"):
            href = item.find(f"{{{DAV}}}href")
            if href is None or not href.text or item.find(f".//{{{CARDDAV}}}addressbook") is None:
                continue
            name = item.find(f".//{{{DAV}}}displayname")
            books.append(
                Collection(
                    remote.absolute(href.text), name.text if name is not None and name.text else _last(href.text)
                )
            )
        return books
    except SyncError:
        raise
    except ET.ParseError:
        return []  # no CardDAV here: tasks only


def choose(found: list[Collection], wanted: str, what: str) -> Collection | None:
    """The collection named (by its name or URL), or the only one; None when there is none to choose."""
    if wanted:
        for c in found:
            if wanted in (c.name, c.url, _last(c.url)) or c.url.rstrip("/").endswith(wanted.rstrip("/")):
                return c
        names = ", ".join(repr(c.name) for c in found) or "none"
        raise SyncError(f"No {what} named {wanted!r} on the server; it has: {names}.")
    if len(found) == 1:
        return found[0]
    if not found:
        return None
    names = ", ".join(repr(c.name) for c in found)
    option = "--task-list" if what == "task list" else "--address-book"
    raise SyncError(f"The server has several {what}s ({names}): choose one with {option} NAME.")
