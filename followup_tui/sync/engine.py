"""One sync: the follow-ups to the task list and the people to the address book, both ways, with ETags.

The order makes any interruption safe: an item is recorded as agreed only after the server holds it, in the
same transaction as what it changes here; a new item goes up with If-None-Match: * and a 412 adopts the copy
an interrupted sync left there, so the next run converges with no duplicates (the UIDs are the local ones)."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from followup_tui.contact import CARD_FIELDS, CardFields
from followup_tui.dates import show_date
from followup_tui.settings import Settings
from followup_tui.store import sync_state
from followup_tui.store.errors import StoreError
from followup_tui.store.sync_state import CONTACT, TASK, Synced
from followup_tui.sync.dav import Remote
from followup_tui.sync.errors import NoTasks, NotSetUp, Refused, ServerRefused
from followup_tui.sync.items import (
    COMPLETED,
    NEEDS_ACTION,
    Task,
    card_key,
    card_values,
    card_vcf,
    changed_there,
    merge_task,
    read_task,
    task_ical,
)
from followup_tui.sync.report import Conflict, SyncReport

OnItem = Callable[[str], None]
PREFER = ("server", "local")
_RETRIES = 3  # 412 after 412: the item keeps changing there while we write; reported, tried next time
# Items the server holds, recorded here in one transaction per this many: one disk flush per item cost about
# 6 ms (7 s of a first sync of 1,200 items). A kill -9 loses at most this many records, which the next sync
# adopts (its If-None-Match PUT gets 412, then one GET each): no duplicates, as after any interruption.
_BATCH = 50
_ICS, _VCF = "text/calendar", "text/vcard"


def run(
    path: Path | None,
    settings: Settings,
    password: str,
    now: datetime,
    prefer: str | None = None,
    on_item: OnItem | None = None,
) -> SyncReport:
    """Sync the database at `path` with the server in `settings`. `path` opens (and at the end closes) the
    process's database: a shell command's way. The app passes None to use the database it has open; from a
    thread worker, inside store.database.thread_connection().

    `prefer` settles card conflicts ("server" or "local"; None reports them); `on_item` is called with each
    item's href before it is written (progress for the app). Raises SyncError (with the user's message) or
    StoreError; what was agreed before either stays agreed."""
    if not (settings.sync_url and settings.sync_user and (settings.sync_task_list or settings.sync_address_book)):
        raise NotSetUp("Sync is not set up: run `followup sync --setup --url URL --user NAME` first.")
    if path is not None:
        from followup_tui.store.database import close_database, open_database

        open_database(path)
        try:
            return run(None, settings, password, now, prefer, on_item)
        finally:
            close_database()
    remote = Remote(settings.sync_url, settings.sync_user, password)
    report = SyncReport()
    try:
        quiet = True
        if settings.sync_task_list:
            quiet &= _Tasks(remote, settings.sync_task_list, now, report, on_item).sync()
        if settings.sync_address_book:
            quiet &= _Cards(remote, settings.sync_address_book, report, prefer, on_item).sync()
        report.unchanged = quiet
    finally:
        remote.close()
    return report


class _Pass:
    """What the task and card passes share: the collection, its listing, the final tag."""

    kind = ""

    def __init__(self, remote: Remote, collection: str, report: SyncReport, on_item: OnItem | None) -> None:
        self.remote, self.collection, self.report, self.on_item = remote, collection, report, on_item
        self.base = urlsplit(remote.absolute(collection)).path.rstrip("/") + "/"
        self.unsettled = False
        self.pending: list[tuple[str, Synced]] = []

    def sync(self) -> bool:
        """Returns True when nothing changed on either side. Stopped by an error (the server gone, Ctrl-C),
        the items the server already holds are still recorded as agreed."""
        try:
            return self._sync()
        except BaseException:
            with contextlib.suppress(StoreError):
                self.flush()
            raise

    def _sync(self) -> bool:
        raise NotImplementedError

    def agree(self, uid: str, row: Synced) -> None:
        """Record an item the server now holds as agreed (in the next batch)."""
        self.pending.append((uid, row))
        if len(self.pending) >= _BATCH:
            self.flush()

    def flush(self) -> None:
        """Write the pending records."""
        if self.pending:
            sync_state.agree_many(self.kind, self.pending)
            self.pending = []

    def href(self, uid: str, suffix: str) -> str:
        return f"{self.base}{uid}{suffix}"

    def writing(self, href: str) -> None:
        if self.on_item:
            self.on_item(href)

    def listing(self, stored_tag: str, tag: str) -> dict[str, str] | None:
        """The server's ETags when something may have changed there (None: the tag says nothing did)."""
        return None if tag and tag == stored_tag else self.remote.etags(self.collection)

    def finish(self, wrote: bool, tag: str) -> None:
        """Remember the collection's tag if every item is agreed: the next sync with nothing new stops there."""
        self.flush()
        if self.unsettled:
            sync_state.set_collection_tag(self.collection, self.kind, "")
            return
        if wrote:
            tag = self.remote.tag(self.collection)
            there = self.remote.etags(self.collection)
            rows = sync_state.synced(self.kind)
            if any(there.get(urlsplit(row.href).path) != row.etag for row in rows.values()):
                tag = ""  # changed there while we wrote: look again next time
        sync_state.set_collection_tag(self.collection, self.kind, tag)


class _Tasks(_Pass):
    """The follow-ups as tasks."""

    kind = TASK

    def __init__(
        self, remote: Remote, collection: str, now: datetime, report: SyncReport, on_item: OnItem | None
    ) -> None:
        super().__init__(remote, collection, report, on_item)
        self.now = now

    def _sync(self) -> bool:
        quiet = self._once()
        if self.report.completed_there or self.report.moved_there:
            self._once()  # what those changed here (the plan's next actions) goes up in the same sync
        return quiet

    def _once(self) -> bool:
        local, rows = sync_state.tasks(), sync_state.synced(TASK)
        stored_tag, tag = sync_state.collection_tag(self.collection), self.remote.tag(self.collection)
        changed_here = [
            uid
            for uid, item in local.items()
            if (uid not in rows and item.task.status == NEEDS_ACTION)
            or (uid in rows and Task.from_json(rows[uid].agreed) != item.task)
        ] + [uid for uid in rows if uid not in local]
        if tag and tag == stored_tag and not changed_here:
            return True
        if not stored_tag:  # first time on this list (or after one left unsettled): does it take tasks at all?
            components = self.remote.components(self.collection)
            if components is not None and "VTODO" not in components:
                _refused_tasks()
        there = self.listing(stored_tag, tag)
        wrote = False
        for uid in sorted(set(local) | set(rows)):
            item, row = local.get(uid), rows.get(uid)
            if item is None and row is not None:
                wrote |= self._delete(uid, row)
            elif item is not None and row is None:
                if item.task.status == NEEDS_ACTION:
                    wrote |= self._create(uid, item.action_id, item.task, self.href(uid, ".ics"))
            elif item is not None and row is not None:
                etag = row.etag if there is None else there.get(urlsplit(row.href).path)
                if etag is None:  # deleted there
                    if item.task.status == NEEDS_ACTION:
                        self.report.resent += 1
                        wrote |= self._create(uid, item.action_id, item.task, row.href, count=False)
                    else:
                        sync_state.forget(TASK, uid)
                elif etag != row.etag:
                    wrote |= self._merge(uid, item.action_id, item.task, row)
                elif Task.from_json(row.agreed) != item.task:
                    wrote |= self._push(uid, item.action_id, item.task, row)
        self.finish(wrote, tag)
        return False

    def _create(self, uid: str, action_id: int, task: Task, href: str, count: bool = True) -> bool:
        self.writing(href)
        try:
            written = self.remote.put(href, task_ical(uid, task, self.now), _ICS, None)
        except Refused as refused:
            raise NoTasks(
                f"The task list refused a task (HTTP {refused.status}): it may take events only (Google's CalDAV "
                "never takes tasks), or this user may not write to it. Choose another with `followup sync --setup`, "
                "or export the follow-ups with `followup export followups.ics` and import that file into your "
                "calendar."
            ) from None
        if written.status == 412:  # an interrupted sync left it there: adopt it, then merge as any other
            return self._merge(uid, action_id, task, Synced(href, "", ""))
        etag = written.etag or self._etag(href)
        self.agree(uid, Synced(href, etag, task.to_json()))
        self.report.created += count
        return True

    def _etag(self, href: str) -> str:
        got = self.remote.get(href)
        return got[1] if got else ""

    def _push(self, uid: str, action_id: int, task: Task, row: Synced) -> bool:
        self.writing(row.href)
        written = self.remote.put(row.href, task_ical(uid, task, self.now), _ICS, row.etag)
        if written.status == 412:  # changed there since we looked: merge with what is there now
            return self._merge(uid, action_id, task, row)
        agreed = Task.from_json(row.agreed)
        if task.status != NEEDS_ACTION and (agreed is None or agreed.status != task.status):
            self.report.completed_here += 1
        else:
            self.report.updated += 1
        self.agree(uid, Synced(row.href, written.etag or self._etag(row.href), task.to_json()))
        return True

    def _merge(self, uid: str, action_id: int, here: Task, row: Synced) -> bool:
        """Both sides may have changed: the field-wise merge, written there with If-Match, applied here."""
        agreed = Task.from_json(row.agreed)
        for _attempt in range(_RETRIES):
            got = self.remote.get(row.href)
            if got is None:
                _nothing_there(row)
                self.report.resent += 1
                return self._create(uid, action_id, here, row.href, count=False)
            text, etag = got
            there = read_task(text) or here  # unreadable there: this side's copy replaces it
            merged = merge_task(here, agreed, there)
            if merged.result != there:
                self.writing(row.href)
                written = self.remote.put(row.href, task_ical(uid, merged.result, self.now), _ICS, etag)
                if written.status == 412:
                    continue
                etag = written.etag or self._etag(row.href)
            self._count(here, there, merged.result, agreed)
            if merged.conflict:
                self.report.conflicts.append(
                    Conflict(here.summary, "due", show_date(here.due), show_date(there.due), "kept here")
                )
            sync_state.apply_task(
                action_id, merged.result, uid, Synced(row.href, etag, merged.result.to_json()), self.now.date()
            )
            return True
        self.unsettled = True
        self.report.conflicts.append(
            Conflict(here.summary, "task", "", "", "kept changing on the server during the sync; run it again")
        )
        return True

    def _count(self, here: Task, there: Task, result: Task, agreed: Task | None) -> None:
        if here.status == NEEDS_ACTION and result.status == COMPLETED:
            self.report.completed_there += 1
        elif here.status == NEEDS_ACTION and result.due != here.due:
            self.report.moved_there += 1
        elif result.status != there.status and result.status != NEEDS_ACTION:
            self.report.completed_here += 1
        elif result != there:
            self.report.updated += 1

    def _delete(self, uid: str, row: Synced) -> bool:
        """The action is gone here (its interview deleted): its task goes too, whatever happened to it there."""
        self.writing(row.href)
        status = self.remote.delete(row.href, row.etag)
        if status == 412:
            got = self.remote.get(row.href)
            status = self.remote.delete(row.href, got[1]) if got else 404
        sync_state.forget(TASK, uid)
        self.report.deleted += status != 404
        return True


def _nothing_there(row: Synced) -> None:
    """A creation refused with 412 (If-None-Match) though nothing is there: a server's limit, not another copy.
    Sending it again would meet the same answer for ever (Radicale answers so for an item over its size limit)."""
    if not row.agreed:  # adopting what a 412 said was there
        raise ServerRefused(
            f"The server refused to store {row.href}: it answered 412 (precondition failed) with nothing there, "
            "as for an item larger than it takes."
        )


def _refused_tasks() -> None:
    raise NoTasks(
        "The task list refuses tasks (VTODO): this calendar holds events only (Google's CalDAV never takes "
        "tasks). Choose another with `followup sync --setup`, or export the follow-ups with "
        "`followup export followups.ics` and import that file into your calendar."
    )


class _Cards(_Pass):
    """The people as vCards."""

    kind = CONTACT

    def __init__(
        self, remote: Remote, collection: str, report: SyncReport, prefer: str | None, on_item: OnItem | None
    ) -> None:
        super().__init__(remote, collection, report, on_item)
        self.prefer = prefer

    def _sync(self) -> bool:
        local, rows = sync_state.cards(), sync_state.synced(CONTACT)
        stored_tag, tag = sync_state.collection_tag(self.collection), self.remote.tag(self.collection)
        agreed = {uid: _agreed_card(row) for uid, row in rows.items()}
        changed_here = [uid for uid, (_id, card) in local.items() if agreed.get(uid, ("", {}))[0] != card_key(card)]
        changed_here += [uid for uid in rows if uid not in local]
        if tag and tag == stored_tag and not changed_here:
            return True
        there = self.listing(stored_tag, tag)
        wrote = False
        for uid in sorted(set(local) | set(rows)):
            row = rows.get(uid)
            if uid not in local and row is not None:
                wrote |= self._delete(uid, row)
                continue
            contact_id, card = local[uid]
            if row is None:
                wrote |= self._create(uid, contact_id, card, self.href(uid, ".vcf"))
                continue
            etag = row.etag if there is None else there.get(urlsplit(row.href).path)
            if etag is None:
                self.report.resent += 1
                wrote |= self._create(uid, contact_id, card, row.href, count=False)
            elif etag != row.etag:
                wrote |= self._merge(uid, contact_id, card, row)
            elif agreed[uid][0] != card_key(card):
                wrote |= self._push(uid, contact_id, card, row)
        self.finish(wrote, tag)
        return False

    def _put(self, uid: str, card: CardFields, href: str, etag: str | None) -> tuple[int, str]:
        self.writing(href)
        text = card_vcf(card, uid)
        written = self.remote.put(href, text, _VCF, etag)
        if written.status == 412:
            return 412, ""
        return written.status, written.etag or self._etag(href)

    def _etag(self, href: str) -> str:
        got = self.remote.get(href)
        return got[1] if got else ""

    def _agree(self, uid: str, card: CardFields, href: str, etag: str) -> None:
        values = card_values(card_vcf(card, uid)) or {}
        self.agree(uid, Synced(href, etag, json.dumps({"local": card_key(card), "fields": values})))

    def _create(self, uid: str, contact_id: int, card: CardFields, href: str, count: bool = True) -> bool:
        status, etag = self._put(uid, card, href, None)
        if status == 412:  # left there by an interrupted sync (perhaps edited since): merged as any other
            return self._merge(uid, contact_id, card, Synced(href, "", ""))
        self._agree(uid, card, href, etag)
        self.report.created += count
        return True

    def _push(self, uid: str, contact_id: int, card: CardFields, row: Synced) -> bool:
        status, etag = self._put(uid, card, row.href, row.etag)
        if status == 412:
            return self._merge(uid, contact_id, card, row)
        self._agree(uid, card, row.href, etag)
        self.report.updated += 1
        return True

    def _merge(self, uid: str, contact_id: int, card: CardFields, row: Synced) -> bool:
        """Changed there: the fields the user changed there are never overwritten without `prefer`."""
        got = self.remote.get(row.href)
        if got is None:
            _nothing_there(row)
            self.report.resent += 1
            return self._create(uid, contact_id, card, row.href, count=False)
        text, etag = got
        here = card_values(card_vcf(card, uid)) or {}
        there = card_values(text) or {}
        base = _agreed_card(row)[1] if row.agreed else here  # adopted: what this side sent is the base
        fields = changed_there(here, base, there)
        if fields and self.prefer is None:
            self.unsettled = True
            for name in fields:
                self.report.conflicts.append(
                    Conflict(
                        card.name,
                        name,
                        here.get(name, ""),
                        there.get(name, ""),
                        "left as is: settle it with `followup sync --prefer server` or `--prefer local`",
                        open=True,
                    )
                )
            return False
        if fields and self.prefer == "server":
            card = CardFields(**{n: there[n] if n in there and n in fields else getattr(card, n) for n in CARD_FIELDS})
            if any(n.startswith(("phone", "mobile")) for n in fields):
                card = CardFields(**{**{n: getattr(card, n) for n in CARD_FIELDS}, **_numbers(there)})
        if card_values(card_vcf(card, uid)) != there:
            status, etag = self._put(uid, card, row.href, etag)
            if status == 412:
                self.unsettled = True
                self.report.conflicts.append(
                    Conflict(card.name, "card", "", "", "changed during the sync; run it again")
                )
                return True
            self.report.updated += 1
        values = card_values(card_vcf(card, uid)) or {}
        agreed_text = json.dumps({"local": card_key(card), "fields": values})
        if self.prefer == "server" and fields:
            sync_state.apply_card(
                contact_id, {n: getattr(card, n) for n in CARD_FIELDS}, uid, Synced(row.href, etag, agreed_text)
            )
        else:
            sync_state.agree(CONTACT, uid, Synced(row.href, etag, agreed_text))
        return True

    def _delete(self, uid: str, row: Synced) -> bool:
        """The person is gone here: the card goes too, unless the user changed it there since (then kept)."""
        self.writing(row.href)
        status = self.remote.delete(row.href, row.etag)
        sync_state.forget(CONTACT, uid)
        if status == 412:
            name = (_agreed_card(row)[1] or {}).get("name", "")
            self.report.conflicts.append(Conflict(name, "card", "deleted here", "changed there", "left on the server"))
        else:
            self.report.deleted += status != 404
        return True


def _numbers(there: dict[str, str]) -> dict[str, str]:
    return {n: there.get(n, "") for n in ("phone", "phone_e164", "mobile", "mobile_e164")}


def _agreed_card(row: Synced) -> tuple[str, dict[str, str]]:
    try:
        found = json.loads(row.agreed)
        return str(found["local"]), {str(k): str(v) for k, v in found["fields"].items()}
    except (ValueError, KeyError, TypeError, AttributeError):
        return "", {}


__all__ = ["PREFER", "ServerRefused", "run"]
