"""`followup notify`: one desktop notification of what is due today or overdue, each item once a day.

Made for cron and systemd timers, which mail or log whatever a job prints: it prints nothing unless the
database is damaged. desktop-notifier and dbus-fast are imported here only, and only with a session bus."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TextIO

from followup_tui import clock
from followup_tui.review import OVERDUE, ReviewItem
from followup_tui.shell.output import printable
from followup_tui.text import clean_line

BUS_ENV = "DBUS_SESSION_BUS_ADDRESS"
SERVICE, SERVICE_PATH = "org.freedesktop.Notifications", "/org/freedesktop/Notifications"
# For the whole exchange with the bus: a job run by cron must not hang on a stuck desktop session. A
# notification server answers in a few milliseconds; 3 s also covers one being started by D-Bus activation.
TIMEOUT_SECONDS = 3.0
SHOWN = 5  # items named in the notification; the rest are counted ("`followup today` lists them")


def run_notify(path: Path, err: TextIO | None = None) -> int:
    """Notify what is newly due; returns the exit status: 0 unless the database is damaged or not ours."""
    err = err or sys.stderr
    if not os.environ.get(BUS_ENV) or not path.exists():
        return 0  # no desktop session to show it in, or no database yet: nothing to say, and nowhere
    from followup_tui.store import commands, queries
    from followup_tui.store.database import close_database, is_read_only, open_database
    from followup_tui.store.errors import DatabaseBusy, StoreError

    today = clock.today()
    try:
        open_database(path)
        due = queries.due_now(today)
        notified = queries.settings().notified
        new = set(notified.new_on(today, (uid for uid, _ in due)))
        items = [item for uid, item in due if uid in new]
        if not items or not deliver(*notification(items, today)):
            return 0
        if not is_read_only():  # a read-only file cannot remember: its items are named again next time
            commands.change_settings(lambda s: replace(s, notified=s.notified.adding(today, new)))
        return 0
    except DatabaseBusy:
        return 0  # the app is writing at this moment: the user is at it, and the next run tells the rest
    except StoreError as error:
        # Damaged, not ours, or from a newer followup: the one thing a morning job must report.
        err.write(printable(f"followup: {error}\n"))
        return 2
    finally:
        close_database()


def _line(item: ReviewItem, today: date) -> str:
    company = f" ({item.company})" if item.company else ""
    late = f", {item.due_text(today)}" if item.section(today) == OVERDUE else ""
    return clean_line(f"{item.label}{company}{late}")


def notification(items: list[ReviewItem], today: date) -> tuple[str, str]:
    """The title and body: how many are due, then the first few by due day, oldest first.

    One notification for all of them: servers show one banner at a time (or drop past a limit), and ten
    banners at once teach the user to dismiss them unread."""
    ordered = sorted(items, key=lambda item: (item.due, item.id))
    overdue = sum(item.section(today) == OVERDUE for item in items)
    title = f"{len(items)} follow-up{'s' if len(items) != 1 else ''} due" + (f", {overdue} overdue" if overdue else "")
    lines = [_line(item, today) for item in ordered[:SHOWN]]
    if len(items) > SHOWN:
        lines.append(f"and {len(items) - SHOWN} more: `followup today` lists them all")
    return title, "\n".join(lines)


def deliver(title: str, body: str) -> bool:
    """Show the notification through the session bus; False when there is none to show it (no server,
    a bus that does not answer in time, a refusal). Never raises: a reminder is not worth a traceback."""
    import asyncio
    import logging

    # desktop-notifier logs a failed send, traceback included, rather than raising it; logging's
    # last-resort handler would print that to stderr, which cron mails.
    for name in ("desktop_notifier", "dbus_fast"):
        logging.getLogger(name).addHandler(logging.NullHandler())
        logging.getLogger(name).propagate = False
    try:
        return asyncio.run(asyncio.wait_for(_deliver(title, body), TIMEOUT_SECONDS))
    except Exception:  # noqa: BLE001 - any failure of the bus or the server: no desktop to show it on
        return False


async def _deliver(title: str, body: str) -> bool:
    from dbus_fast import Message, MessageType
    from dbus_fast.aio import MessageBus
    from desktop_notifier import DesktopNotifier

    # Asked first, on a connection of ours: whether a server is there at all (desktop-notifier only logs
    # its absence), and whether it reads the body as markup, where the user's text must be escaped.
    bus = await MessageBus().connect()
    try:
        reply = await bus.call(
            Message(destination=SERVICE, path=SERVICE_PATH, interface=SERVICE, member="GetCapabilities")
        )
    finally:
        bus.disconnect()
    if reply is None or reply.message_type is not MessageType.METHOD_RETURN:
        return False
    if "body-markup" in reply.body[0]:
        body = body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    shown: list[bool] = []
    notifier = DesktopNotifier(app_name="followup", app_icon=None)
    await notifier.send(title, body, on_dispatched=lambda: shown.append(True))
    return bool(shown)
