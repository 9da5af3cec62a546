"""The hostile database: built once per run, copied fresh for each test that uses it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hostile import poison


@pytest.fixture(scope="session")
def hostile_template(yesterday_template: Path, tmp_path_factory) -> Path:
    """Yesterday's database with every payload in every text column (hostile.poison), written once:
    poisoning takes most of a second (36 MB), a copy a few milliseconds."""
    path = tmp_path_factory.mktemp("hostile") / "followup.db"
    shutil.copy2(yesterday_template, path)
    poison(path)
    return path


@pytest.fixture
def hostile_db(hostile_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the hostile database, which no process has opened since it was written."""
    path = tmp_path / "data" / "followup.db"
    path.parent.mkdir(parents=True, mode=0o700)
    shutil.copy2(hostile_template, path)
    return path
