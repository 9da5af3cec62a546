"""The server, through caldav's DAVClient: its authentication and sessions, with our own conditional requests.

caldav's object API saves without a caller-chosen If-Match, so items are written with plain requests on its
client: every update carries the ETag last seen, every creation If-None-Match: *."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from followup_tui.sync.errors import Refused, ServerRefused, SyncError, Unreachable, WrongPassword

DAV, CS, CALDAV, CARDDAV = (
    "DAV:",
    "http://calendarserver.org/ns/",
    "urn:ietf:params:xml:ns:caldav",
    ("urn:ietf:params:xml:ns:carddav"),
)
REFUSALS = (400, 403, 405, 415, 422)  # a server that will not store an item: wrong kind, read-only, too large
TIMEOUT = 30  # seconds: a phone hotspot can be slow, a dead server must not hang the shell

_TAG_BODY = (
    '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:" xmlns:cs="http://calendarserver.org/ns/">'
    "<d:prop><cs:getctag/><d:sync-token/></d:prop></d:propfind>"
)
_ETAGS_BODY = (
    '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>'
)


@dataclass(frozen=True)
class Written:
    """The answer to a conditional write: its status and the new ETag ("" if the server gave none)."""

    status: int
    etag: str


class _Forbidden:
    """A 403 answer, as the responses the callers check (caldav raises on it, as on a wrong password)."""

    status = 403
    headers: dict[str, str] = {}
    _raw = b""


def _path(href: str) -> str:
    return unquote(urlsplit(href).path)


class Remote:
    """One server session: the user's client, its errors turned into SyncError with a message."""

    def __init__(self, url: str, user: str, password: str) -> None:
        from caldav.davclient import DAVClient

        self.url = url
        # Basic from the first request (what Nextcloud, Fastmail, iCloud and Radicale take): no 401 round trip
        # per session; a server that wants Digest answers 401 with its challenge and caldav switches.
        self.client: Any = DAVClient(url=url, username=user, password=password, timeout=TIMEOUT, auth_type="basic")

    def close(self) -> None:
        """Ends the session."""
        self.client.close()

    def request(self, url: str, method: str, body: str = "", headers: dict[str, str] | None = None) -> Any:
        """One request; a refused login, an unreachable server and a failed connection as SyncError."""
        from caldav.lib import error

        try:
            return self.client.request(url, method, body, headers or {})
        except error.AuthorizationError as problem:
            if getattr(problem, "status", None) == 403:  # logged in, but not allowed this (caldav raises for both)
                return _Forbidden()
            raise WrongPassword(
                f"The server refused the user name or password ({getattr(problem, 'reason', '') or 'HTTP 401'}); "
                "check them with `followup sync --setup`."
            ) from None
        except (OSError, error.DAVError) as problem:
            raise Unreachable(f"The server at {self.url} did not answer ({type(problem).__name__}).") from None
        except Exception as problem:  # niquests' connection errors, which are not OSErrors
            if type(problem).__module__.split(".")[0] in ("niquests", "requests", "urllib3", "urllib3_future"):
                raise Unreachable(f"The server at {self.url} did not answer ({type(problem).__name__}).") from None
            raise

    def absolute(self, href: str) -> str:
        """An href from the server as a full URL."""
        return urljoin(self.url, href)

    def tag(self, collection: str) -> str:
        """The collection's change tag (ctag, else sync-token): the same tag means nothing changed there."""
        response = self.request(collection, "PROPFIND", _TAG_BODY, {"Depth": "0", "Content-Type": "application/xml"})
        self._check(response, collection, (207,))
        root = ET.fromstring(response._raw)
        for name in (f"{{{CS}}}getctag", f"{{{DAV}}}sync-token"):
            found = root.find(f".//{name}")
            if found is not None and found.text:
                return name.split("}")[1] + ":" + found.text
        return ""

    def components(self, collection: str) -> list[str] | None:
        """The components the calendar takes (VEVENT, VTODO...); None when the server does not say."""
        body = (
            '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">'
            "<d:prop><c:supported-calendar-component-set/></d:prop></d:propfind>"
        )
        response = self.request(collection, "PROPFIND", body, {"Depth": "0", "Content-Type": "application/xml"})
        self._check(response, collection, (207,))
        found = ET.fromstring(response._raw).find(f".//{{{CALDAV}}}supported-calendar-component-set")
        if found is None:
            return None
        return [str(comp.get("name", "")).upper() for comp in found.findall(f"{{{CALDAV}}}comp")]

    def etags(self, collection: str) -> dict[str, str]:
        """Every member's path and ETag, in one request."""
        response = self.request(collection, "PROPFIND", _ETAGS_BODY, {"Depth": "1", "Content-Type": "application/xml"})
        self._check(response, collection, (207,))
        found: dict[str, str] = {}
        own = _path(collection).rstrip("/")
        for item in ET.fromstring(response._raw).findall(f"{{{DAV}}}response"):
            href, etag = item.find(f"{{{DAV}}}href"), item.find(f".//{{{DAV}}}getetag")
            if href is None or not href.text or _path(href.text).rstrip("/") == own:
                continue
            found[_path(href.text)] = etag.text if etag is not None and etag.text else ""
        return found

    def get(self, href: str) -> tuple[str, str] | None:
        """An item's text and ETag; None when it is gone."""
        response = self.request(self.absolute(href), "GET")
        if response.status == 404:
            return None
        self._check(response, href, (200,))
        raw = response._raw
        text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
        return text, str(response.headers.get("ETag") or "")

    def put(self, href: str, body: str, content_type: str, etag: str | None) -> Written:
        """Write an item: with `etag`, only over that version (If-Match); without, only if new (If-None-Match)."""
        headers = {"Content-Type": f"{content_type}; charset=utf-8"}
        headers["If-Match" if etag else "If-None-Match"] = etag or "*"
        response = self.request(self.absolute(href), "PUT", body, headers)
        if response.status == 412:
            return Written(412, "")
        if response.status in REFUSALS:
            raise Refused(f"The server refused to store {href} (HTTP {response.status}).", response.status)
        self._check(response, href, (200, 201, 204))
        return Written(response.status, str(response.headers.get("ETag") or ""))

    def delete(self, href: str, etag: str) -> int:
        """Delete an item, only that version of it when `etag` is given; returns the status (404: gone already)."""
        response = self.request(self.absolute(href), "DELETE", "", {"If-Match": etag} if etag else {})
        if response.status not in (200, 204, 404, 412):
            self._check(response, href, (204,))
        return int(response.status)

    @staticmethod
    def _check(response: Any, what: str, expected: tuple[int, ...]) -> None:
        if response.status not in expected:
            if response.status == 404:
                raise ServerRefused(f"{what} is not on the server (HTTP 404); run `followup sync --setup` again.")
            if response.status == 403:
                raise ServerRefused(f"The server does not let this user at {what} (HTTP 403).")
            raise ServerRefused(f"The server answered HTTP {response.status} for {what}.")


__all__ = ["Remote", "SyncError", "Written"]
