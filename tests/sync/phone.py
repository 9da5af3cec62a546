"""The phone: a second client on the same Radicale, through the caldav library, as a task or contacts app is."""

from __future__ import annotations

import warnings
from datetime import date
from typing import Any

import caldav
from radicale_server import PASSWORD, USER, Radicale


class Phone:
    """Reads, completes, moves and deletes the tasks; reads and edits the cards."""

    def __init__(self, server: Radicale, task_list: str = "followups", book: str = "contacts") -> None:
        self.server = server
        self.client = caldav.DAVClient(url=server.url, username=USER, password=PASSWORD)
        self.list_url, self.book_url = f"{server.home}{task_list}/", f"{server.home}{book}/"

    def close(self) -> None:
        self.client.close()

    def _todos(self) -> list[Any]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return list(self.client.calendar(url=self.list_url).todos(include_completed=True))

    def tasks(self) -> dict[str, Any]:
        """Every task on the list by UID (its icalendar VTODO); a duplicate UID fails here."""
        found: dict[str, Any] = {}
        for todo in self._todos():
            component = todo.icalendar_component
            uid = str(component["uid"])
            assert uid not in found, f"two tasks with UID {uid}"
            found[uid] = component
        return found

    def _todo(self, uid: str) -> Any:
        for todo in self._todos():
            if str(todo.icalendar_component["uid"]) == uid:
                return todo
        raise KeyError(uid)

    def complete(self, uid: str) -> None:
        self._todo(uid).complete()

    def move(self, uid: str, due: date) -> None:
        todo = self._todo(uid)
        component = todo.icalendar_component
        del component["due"]
        component.add("due", due)
        todo.save()

    def delete(self, uid: str) -> None:
        self._todo(uid).delete()

    def cards(self) -> dict[str, tuple[str, str]]:
        """Every card in the address book: UID -> (href, vCard text)."""
        import xml.etree.ElementTree as ET

        response = self.client.request(self.book_url, "PROPFIND", "", {"Depth": "1"})
        found: dict[str, tuple[str, str]] = {}
        for item in ET.fromstring(response._raw).findall("{DAV:}response"):
            href = item.findtext("{DAV:}href") or ""
            if not href.endswith(".vcf"):
                continue
            text = self.client.request(self.server.url.rstrip("/") + href, "GET").raw
            uid = next(line[4:] for line in text.splitlines() if line.startswith("UID:"))
            assert uid not in found, f"two cards with UID {uid}"
            found[uid] = (href, text)
        return found

    def edit_card(self, uid: str, old: str, new: str) -> None:
        """Change one line of the card, as a contacts app saving the user's edit (with its ETag)."""
        href, text = self.cards()[uid]
        url = self.server.url.rstrip("/") + href
        etag = self.client.request(url, "GET").headers["ETag"]
        assert old in text, text
        response = self.client.request(
            url, "PUT", text.replace(old, new), {"If-Match": etag, "Content-Type": "text/vcard"}
        )
        assert response.status in (201, 204), response.status
