"""Handing a mailto: link to the mail program, with real programs on PATH: taken, refused, or none there."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from followup_tui import mail_client

pytestmark = pytest.mark.skipif(sys.platform in ("darwin", "win32"), reason="xdg-open and $BROWSER are the Unix way")
URL = "mailto:ana%40acme.example?subject=Thank%20you&body=Dear%20Ana%2C"


def program(folder: Path, name: str, status: int) -> Path:
    """A stand-in for a real opener: records the link it was given, exits with `status`."""
    script = folder / name
    script.write_text(f'#!/bin/sh\nprintf "%s" "$1" > "{folder}/{name}.got"\nexit {status}\n')
    script.chmod(0o700)
    return folder / f"{name}.got"


@pytest.fixture
def machine(tmp_path, monkeypatch):
    """A machine with a display, and on PATH only what the test puts there (and sh)."""
    monkeypatch.setenv("PATH", f"{tmp_path}:/bin:/usr/bin")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("BROWSER", raising=False)
    monkeypatch.setattr(
        mail_client.shutil, "which", lambda name: str(tmp_path / name) if (tmp_path / name).exists() else None
    )
    return tmp_path


def test_xdg_open_that_takes_the_link(machine):
    got = program(machine, "xdg-open", 0)
    assert mail_client.open_mailto(URL) is True
    assert got.read_text() == URL


def test_no_mail_program_is_reported_not_hidden(machine):
    got = program(machine, "xdg-open", 3)  # xdg-open: "no handler for mailto"
    assert mail_client.open_mailto(URL) is False and got.read_text() == URL


def test_nothing_installed_at_all(machine):
    assert mail_client.handlers() == [] and mail_client.open_mailto(URL) is False


def test_browser_variable_is_tried_after_a_refusal_with_its_percent_s(machine, monkeypatch):
    program(machine, "xdg-open", 4)
    got = program(machine, "webmail", 0)
    monkeypatch.setenv("BROWSER", f"{machine / 'webmail'} %s")
    assert mail_client.open_mailto(URL) is True and got.read_text() == URL


def test_without_a_display_xdg_open_is_not_used(machine, monkeypatch):
    program(machine, "xdg-open", 0)  # it would fall back to a console browser drawing over the app
    monkeypatch.delenv("DISPLAY")
    assert mail_client.handlers() == []
