"""Handing a mailto: link to the user's mail program, and knowing when nothing took it.

Textual's `App.open_url` calls `webbrowser.open` and drops its answer, so a machine with no mail
program looked the same as a sent link; and with no display, `webbrowser` falls back to console
browsers that would draw over the app. Here each candidate runs detached with no terminal, and its
exit status says whether it took the link.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys

# xdg-open exits at once when it fails (status 3 or 4: no handler) or hands over to a desktop service;
# one still running after this long has started the mail program itself in the foreground.
HANDOFF_SECONDS = 5.0


def handlers() -> list[list[str]]:
    """The commands that may open a mailto: link here, best first; empty when there is none."""
    if sys.platform == "darwin":
        return [["open"]] if shutil.which("open") else []
    found: list[list[str]] = []
    has_display = bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if has_display and shutil.which("xdg-open"):  # without a display it falls back to console browsers
        found.append(["xdg-open"])
    for entry in os.environ.get("BROWSER", "").split(os.pathsep):
        try:
            command = shlex.split(entry)
        except ValueError:
            continue
        if command and shutil.which(command[0]):
            found.append(command)
    return found


def _argv(command: list[str], url: str) -> list[str]:
    # $BROWSER entries may say where the link goes with %s; otherwise it comes last.
    if any("%s" in part for part in command):
        return [part.replace("%s", url) for part in command]
    return [*command, url]


def open_mailto(url: str) -> bool:
    """Hand `url` to the first program that takes it; False when none is installed or each refused.

    Blocks for up to HANDOFF_SECONDS per candidate: call it from a worker thread."""
    if sys.platform == "win32":
        try:
            os.startfile(url)  # type: ignore[attr-defined]  # Windows only
        except OSError:
            return False
        return True
    for command in handlers():
        try:
            process = subprocess.Popen(
                _argv(command, url),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,  # no terminal: it cannot draw over the app
            )
        except OSError:
            continue
        try:
            if process.wait(timeout=HANDOFF_SECONDS) == 0:
                return True
        except subprocess.TimeoutExpired:
            return True
    return False
