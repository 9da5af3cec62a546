"""A real Radicale server per test, a phone (the caldav library as a second client), and `followup sync`
run through the installed command on yesterday's database."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from radicale_server import PASSWORD, USER, Radicale
from sync_shell import Shell

NOW_TEXT = "2026-11-25T09:30"


@pytest.fixture
def radicale(tmp_path: Path) -> Iterator[Radicale]:
    """Radicale on 127.0.0.1 at a random port, storage in tmp_path, htpasswd auth; stopped after the test."""
    server = Radicale(tmp_path / "radicale").start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def sync_env() -> dict[str, str]:
    return dict(os.environ, FOLLOWUP_SYNC_PASSWORD=PASSWORD, FOLLOWUP_NOW=NOW_TEXT)


@pytest.fixture
def followup(followup_command: list[str], yesterday_db: Path, sync_env: dict[str, str]) -> Shell:
    return Shell(followup_command, yesterday_db, sync_env)


@pytest.fixture
def set_up(radicale: Radicale, followup: Shell) -> Shell:
    """A task list and an address book on the server, and yesterday's database set up to sync with them."""
    radicale.make_task_list()
    radicale.make_address_book()
    followup.ok("sync", "--setup", "--url", radicale.url, "--user", USER)
    return followup
