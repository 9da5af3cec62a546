"""`followup capture PHOTO`: a card's photo read in the shell, with its steps shown on a terminal."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from followup_tui.capture.photo import PhotoError, PhotoSupportMissing, read_photo
from followup_tui.contact import CardFields
from followup_tui.shell.output import printable
from followup_tui.text import clean_line


def read_photo_card(path: Path, region: str, err: TextIO) -> tuple[CardFields, str] | int:
    """The card's fields and a note on where they came from; or, after a message, the exit status."""
    width = {"shown": 0}

    def report(step: str) -> None:
        if err.isatty():  # piped stderr gets no progress, only the outcome
            line = f"{step}…"
            err.write("\r" + line.ljust(width["shown"]))
            width["shown"] = len(line)
            err.flush()

    try:
        try:
            photo = read_photo(path, region, report)
        finally:
            if width["shown"]:
                err.write("\r" + " " * width["shown"] + "\r")
    except PhotoSupportMissing as missing:
        err.write(f"followup: {missing}\n")
        return 2
    except PhotoError as problem:
        err.write(printable(f"followup: {problem}\n"))
        return 1
    if photo.code and photo.code != "web address":
        return photo.fields, f"\nRead from the card's QR code ({photo.code}).\n"
    text = "\n".join(f"  {clean_line(line)}" for line in photo.text.splitlines())
    source = f" and its QR code ({photo.code})" if photo.code else ""
    return photo.fields, f"\nRead from the photo's text{source}; check the fields against it:\n{text}\n"
