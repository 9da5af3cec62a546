"""The installed `followup` under a pseudo-terminal, read through a terminal emulator (pyte).

What the terminal receives is only visible here: Pilot runs the app headless and never sees the bytes.
The harness keeps every byte the app wrote (`raw`), and a pyte screen shows what a person would see.
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import termios
import time
from pathlib import Path

import pyte

COLUMNS, LINES = 100, 30
WAIT = 20.0  # seconds: generous, the machine may be loaded

KEYS = {
    "escape": "\x1b",
    "enter": "\r",
    "tab": "\t",
    "shift+tab": "\x1b[Z",
    "space": " ",
    "backspace": "\x7f",
    "home": "\x1b[H",
    "end": "\x1b[F",
    "up": "\x1b[A",
    "down": "\x1b[B",
    "right": "\x1b[C",
    "left": "\x1b[D",
    "ctrl+p": "\x10",
    "ctrl+s": "\x13",
    "ctrl+c": "\x03",
    "ctrl+q": "\x11",
}


class AppGone(AssertionError):
    """The app exited while a test still expected it to answer."""


def environment(home: Path, now: str = "2026-11-25T09:30") -> dict[str, str]:
    """A user's environment inside `home`: the app's data, config and logs stay in the test's folder."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("XDG_", "FOLLOWUP_"))}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        TERM="xterm-256color",
        COLORTERM="truecolor",
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
        FOLLOWUP_NOW=now,
        COLUMNS=str(COLUMNS),
        LINES=str(LINES),
    )
    env.pop("TEXTUAL", None)
    env.pop("NO_COLOR", None)
    return env


def _become_terminal_owner() -> None:
    """In the child: a new session whose controlling terminal is the pty (as in a real terminal)."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class PtyApp:
    """One run of a command under a pseudo-terminal of COLUMNS x LINES."""

    def __init__(self, command: list[str], env: dict[str, str], cwd: Path) -> None:
        self.raw = bytearray()
        self.screen = pyte.Screen(COLUMNS, LINES)
        self.stream = pyte.ByteStream(self.screen)
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
        self.master = master
        try:
            self.process = subprocess.Popen(
                command,
                stdin=slave,
                stdout=slave,
                stderr=slave,
                env=env,
                cwd=cwd,
                preexec_fn=_become_terminal_owner,
                close_fds=True,
            )
        finally:
            os.close(slave)

    # Reading -------------------------------------------------------------------------------------

    def _pump(self, timeout: float) -> bool:
        """Read what the app wrote within `timeout`; False once the terminal is closed."""
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # EIO: every holder of the slave side is gone
            return False
        if not chunk:
            return False
        self.raw += chunk
        self.stream.feed(chunk)
        return True

    def lines(self) -> list[str]:
        """The screen, as a person sees it, one string a row."""
        return list(self.screen.display)

    def text(self) -> str:
        """The whole screen as one string (rows joined by newlines)."""
        return "\n".join(self.lines())

    def wait_for(self, *wanted: str, timeout: float = WAIT) -> str:
        """Wait until every string in `wanted` is on the screen; the screen's text."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.text()
            if all(w in screen for w in wanted):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"not on screen after {timeout} s: {wanted!r}\n{screen}\n{self.tail()}")
            if not self._pump(0.1):
                if self.process.poll() is not None or not self._pump(0):
                    raise AppGone(f"the app ended ({self.process.poll()}) waiting for {wanted!r}\n{self.tail()}")

    def wait_without(self, unwanted: str, timeout: float = WAIT) -> str:
        """Wait until `unwanted` has gone from the screen."""
        deadline = time.monotonic() + timeout
        while unwanted in self.text():
            if time.monotonic() > deadline:
                raise AssertionError(f"still on screen after {timeout} s: {unwanted!r}\n{self.text()}")
            if not self._pump(0.1):
                raise AppGone(f"the app ended waiting for {unwanted!r} to go\n{self.tail()}")
        return self.text()

    def settle(self, quiet: float = 0.5, timeout: float = WAIT) -> None:
        """Read until the app has written nothing for `quiet` seconds (it finished drawing)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            before = len(self.raw)
            if not self._pump(quiet):
                return
            if len(self.raw) == before:
                return

    def tail(self, size: int = 2000) -> str:
        """The last bytes received, for failure messages."""
        return bytes(self.raw[-size:]).decode("utf-8", "replace")

    # Writing -------------------------------------------------------------------------------------

    def press(self, *keys: str) -> None:
        """Send keys by name ("escape", "ctrl+p", "enter") or as text ("j", "hello")."""
        for key in keys:
            os.write(self.master, KEYS.get(key, key).encode())
            # A lone ESC is only an escape key once nothing follows it for a moment.
            self._pump(0.15 if key == "escape" else 0.02)

    def answers(self, timeout: float = WAIT) -> None:
        """Prove the app is alive and reading keys: open the help screen and close it again."""
        self.press("?")
        self.wait_for("Keys", timeout=timeout)
        self.press("escape")
        self.wait_without("Keys", timeout=timeout)

    def finish(self, timeout: float = WAIT) -> int:
        """Wait for the app to exit on its own (after q); its exit status."""
        deadline = time.monotonic() + timeout
        while self.process.poll() is None:
            if time.monotonic() > deadline:
                raise AssertionError(f"the app did not exit within {timeout} s\n{self.text()}")
            self._pump(0.1)
        while self._pump(0.05) and len(self.raw):
            if not select.select([self.master], [], [], 0)[0]:
                break
        return self.process.returncode

    def close(self) -> None:
        """Kill the app if it still runs, and close the terminal."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=WAIT)
        os.close(self.master)
