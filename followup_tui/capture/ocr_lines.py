"""Recognised pieces of text -> lines in reading order (pure geometry, no recognition library).

A text recogniser returns boxes in no reliable order. A card is read top to bottom, and left to right
within a line; a photo taken at a slant tilts every line, so positions are measured along the text's own
direction (the median tilt of the boxes). Pieces far apart on one row (a card in two columns) stay apart:
each becomes its own line, as the card parser expects one thing per line.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import median

# Pieces on one row further apart than this many line heights are separate columns.
COLUMN_GAP = 2.5


@dataclass(frozen=True)
class Piece:
    """A piece of recognised text: its four corners (top-left, top-right, bottom-right, bottom-left), score."""

    text: str
    corners: tuple[tuple[float, float], ...]
    score: float = 1.0

    def tilt(self) -> float:
        """The angle of its top edge, in radians."""
        (x0, y0), (x1, y1) = self.corners[0], self.corners[1]
        return math.atan2(y1 - y0, x1 - x0)

    def width(self) -> float:
        """The length of its top edge."""
        (x0, y0), (x1, y1) = self.corners[0], self.corners[1]
        return math.hypot(x1 - x0, y1 - y0)

    def height(self) -> float:
        """The height of its letters."""
        (x0, y0), (x3, y3) = self.corners[0], self.corners[3]
        return math.hypot(x3 - x0, y3 - y0)


@dataclass(frozen=True)
class _Placed:
    piece: Piece
    left: float
    right: float
    middle: float  # vertical centre, along the text's direction
    height: float


def _placed(piece: Piece, tilt: float) -> _Placed:
    cos, sin = math.cos(-tilt), math.sin(-tilt)
    xs = [x * cos - y * sin for x, y in piece.corners]
    ys = [x * sin + y * cos for x, y in piece.corners]
    return _Placed(piece, min(xs), max(xs), sum(ys) / len(ys), max(piece.height(), 1.0))


def reading_order(pieces: list[Piece]) -> str:
    """The pieces' text as lines, top to bottom, left to right; columns on one row as separate lines."""
    pieces = [p for p in pieces if p.text.strip() and len(p.corners) == 4]
    if not pieces:
        return ""
    tilt = median(p.tilt() for p in pieces)
    placed = sorted((_placed(p, tilt) for p in pieces), key=lambda p: p.middle)
    rows: list[list[_Placed]] = []
    for item in placed:
        row = rows[-1] if rows else None
        # The same row: its centre within half a letter height of the row's.
        if row and abs(item.middle - median(p.middle for p in row)) < 0.5 * min(item.height, row[0].height):
            row.append(item)
        else:
            rows.append([item])
    lines: list[str] = []
    for row in rows:
        row.sort(key=lambda p: p.left)
        line = [row[0]]
        for item in row[1:]:
            if item.left - line[-1].right > COLUMN_GAP * max(item.height, line[-1].height):
                lines.append(" ".join(p.piece.text.strip() for p in line))
                line = []
            line.append(item)
        lines.append(" ".join(p.piece.text.strip() for p in line))
    return "\n".join(lines)
