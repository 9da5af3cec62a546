"""A notification server for the tests: org.freedesktop.Notifications on a bus the test started."""

# No `from __future__ import annotations`: dbus-fast reads the D-Bus signatures from the live annotations.
import asyncio
import os
import threading
from typing import Annotated, Any

from dbus_fast.aio import MessageBus
from dbus_fast.annotations import DBusInt32, DBusSignature, DBusStr, DBusUInt32
from dbus_fast.service import ServiceInterface, dbus_method

Strings = Annotated[list[str], DBusSignature("as")]


class Notifications(ServiceInterface):
    """org.freedesktop.Notifications as a desktop's server offers it, recording every Notify."""

    def __init__(self, capabilities: list[str]) -> None:
        super().__init__("org.freedesktop.Notifications")
        self.capabilities = capabilities
        self.received: list[dict[str, Any]] = []

    @dbus_method()
    def Notify(  # noqa: N802 - the method names are the specification's
        self,
        app_name: DBusStr,
        replaces_id: DBusUInt32,
        app_icon: DBusStr,
        summary: DBusStr,
        body: DBusStr,
        actions: Strings,
        hints: Annotated[dict[str, Any], DBusSignature("a{sv}")],
        expire_timeout: DBusInt32,
    ) -> DBusUInt32:
        self.received.append({"app_name": app_name, "summary": summary, "body": body})
        return len(self.received)

    @dbus_method()
    def GetCapabilities(self) -> Strings:  # noqa: N802
        return self.capabilities

    @dbus_method()
    def GetServerInformation(self) -> Annotated[tuple[str, str, str, str], DBusSignature("ssss")]:  # noqa: N802
        return ("test server", "followup tests", "1.0", "1.2")

    @dbus_method()
    def CloseNotification(self, identifier: DBusUInt32) -> None:  # noqa: N802
        pass


class NotificationServer:
    """A notification server on its own thread and event loop, connected to the test's bus."""

    def __init__(self, address: str, capabilities: list[str]) -> None:
        self.interface = Notifications(capabilities)
        self.address = address
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    @property
    def received(self) -> list[dict[str, Any]]:
        """What was shown, in order: app name, summary (the title) and body."""
        return list(self.interface.received)

    async def _start(self) -> MessageBus:
        bus = await MessageBus(bus_address=self.address).connect()
        bus.export("/org/freedesktop/Notifications", self.interface)
        await bus.request_name("org.freedesktop.Notifications")
        return bus

    def start(self) -> None:
        self.thread.start()
        self.bus = asyncio.run_coroutine_threadsafe(self._start(), self.loop).result(timeout=10)

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.bus.disconnect)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)


def desktop_env(address: str | None, now: str = "2026-11-25T09:30") -> dict[str, str]:
    """The environment of a `followup` run from a desktop session's cron job (or, without a bus, a headless one)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DBUS_")}
    env["FOLLOWUP_NOW"] = now
    if address:
        env["DBUS_SESSION_BUS_ADDRESS"] = address
    return env
