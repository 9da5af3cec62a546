"""A real D-Bus session bus started by the test, and a notification server on it that the test owns."""

from __future__ import annotations

import shutil
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.notify.desktop import NotificationServer

DBUS_DAEMON = "dbus-daemon"
# A bus of the test's own: a socket in its folder, no activatable services (so nothing else can answer
# for org.freedesktop.Notifications), any local client of this user allowed.
CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@pytest.fixture
def session_bus(tmp_path: Path) -> Iterator[str]:
    """The address of a session bus that lives for the test."""
    daemon = shutil.which(DBUS_DAEMON)
    # Not a skip: CI runs on this kind of machine, where dbus-daemon is installed (package dbus-daemon).
    assert daemon, "dbus-daemon is not installed (apt-get install dbus-daemon): the notify tests need a real bus"
    folder = tmp_path / "bus"
    folder.mkdir()
    config = folder / "bus.conf"
    config.write_text(CONFIG.format(socket=folder / "socket"))
    process = subprocess.Popen(
        [daemon, f"--config-file={config}", "--print-address", "--nofork", "--nopidfile", "--nosyslog"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        address = process.stdout.readline().strip()  # printed once the bus listens
        assert address.startswith("unix:"), f"dbus-daemon did not start: {address!r}"
        yield address
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=10)


@pytest.fixture
def notification_server(session_bus: str) -> Iterator[NotificationServer]:
    """A notification server that reads bodies as markup, as GNOME's, KDE's and dunst do."""
    server = NotificationServer(session_bus, ["body", "body-markup", "actions"])
    server.start()
    try:
        yield server
    finally:
        server.stop()
