"""What the shell commands print: messages that cannot drive the terminal, and quiet exits."""

from __future__ import annotations

import os
import sys


def printable(text: str) -> str:
    """A message for the terminal in which a quoted file name or file content cannot drive it:
    control and format characters (ESC, BEL, bidi overrides, ...) are shown as escapes such as \\x1b."""
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() or ch in "\n\u200c\u200d" else ch.encode("unicode_escape").decode("ascii") for ch in text
    )


def fail(error: Exception | str, code: int) -> int:
    """One line (or a few) on stderr, with any control character in a quoted name shown as an escape."""
    print(f"followup: {printable(str(error))}", file=sys.stderr)
    return code


def reader_left() -> int:
    """`followup today | head`: the reader left; stop quietly, as shell tools do."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
