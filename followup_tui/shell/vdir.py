"""`followup export --vdir FOLDER`: each open follow-up as an .ics file of its own, for vdirsyncer.

A vdir (the layout vdirsyncer's filesystem storage reads) is a folder with one calendar item per file. The
files this export owns are named after their to-do's UID (`<action uid>@followup.ics`); the rest of the
folder (the user's or another program's, vdirsyncer's status files) is never touched."""

from __future__ import annotations

import hashlib
import os
import re
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from followup_tui.files import write_private
from followup_tui.store import portable

SUFFIX = portable.ICS_UID_DOMAIN + ".ics"
# An action's uid as the app makes it (32 hex digits) or as an import may bring it: kept as the file name
# when it is made of these characters only, otherwise replaced by its SHA-1 (no separator, no dot-file).
_SAFE = re.compile(r"[A-Za-z0-9_-]{1,100}")
OWNED = re.compile(r"[A-Za-z0-9_-]{1,100}" + re.escape(SUFFIX))
_STAMP = re.compile(rb"^DTSTAMP:[^\r\n]*\r?\n", re.MULTILINE)


class VdirResult(NamedTuple):
    """What an export changed in the folder."""

    written: int
    unchanged: int
    removed: int


def file_name(uid: str) -> str:
    """The file of the action with this uid."""
    stem = uid if _SAFE.fullmatch(uid) else hashlib.sha1(uid.encode("utf-8")).hexdigest()
    return stem + SUFFIX


def _same(old: Path, new: bytes) -> bool:
    """Whether the file already says this, its time stamp aside: rewriting it would make vdirsyncer upload
    every item again on each export, as if all had changed."""
    try:
        return _STAMP.sub(b"", old.read_bytes()) == _STAMP.sub(b"", new)
    except OSError:
        return False


def export_vdir(folder: Path, now: datetime) -> VdirResult:
    """Write each open follow-up to `folder` (made 0700 if missing), update changed ones in place (atomically),
    and remove this export's files of follow-ups no longer open."""
    folder.mkdir(mode=0o700, exist_ok=True)
    items = {file_name(uid): ical for uid, ical in portable.open_followups_one_by_one(now).items()}
    written = unchanged = removed = 0
    for name, ical in items.items():
        target = folder / name
        if _same(target, ical):
            unchanged += 1
            continue
        write_private(target, ical.decode("utf-8"))
        written += 1
    for entry in os.scandir(folder):
        if OWNED.fullmatch(entry.name) and entry.name not in items and entry.is_file(follow_symlinks=False):
            os.unlink(entry.path)
            removed += 1
    return VdirResult(written, unchanged, removed)
