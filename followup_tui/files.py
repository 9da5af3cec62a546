"""Files the app writes for the user: private (0600) from the first byte."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from followup_tui.text import clean_line

# What a suggested file name keeps of a person's name: letters, digits and a little punctuation. A name
# is user text: "Acme [/] Ltd" or "../x" put a folder separator in the path, a code made junk of it.
_NOT_IN_A_NAME = re.compile(r"[^\w' .,&()+-]+")
# 60 characters are at most 240 bytes of UTF-8: with the suffix, within every file system's 255.
_LONGEST = 60


def write_private(path: Path, text: str) -> None:
    """Write `text` to `path`, readable only by the user; an existing file is replaced whole."""
    temporary = path.with_name(f".{path.name}.tmp")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def file_name(text: str, suffix: str, fallback: str) -> str:
    """A file name made from user text (a person's name): no folder separators, codes or leading dots;
    `fallback` + `suffix` when nothing of it is left."""
    stem = _NOT_IN_A_NAME.sub(" ", clean_line(unicodedata.normalize("NFC", text)))
    stem = " ".join(stem.split()).strip(" .-")[:_LONGEST].rstrip(" .-")
    return (stem or fallback) + suffix
