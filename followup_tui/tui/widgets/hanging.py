"""Text whose wrapped lines hang under the line's text instead of starting at column 0."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from rich.cells import cell_len
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

Indent = Callable[[str], int]
BOXES = ("[ ] ", "[x] ", "[-] ")
_COLUMN_GAP = re.compile(r"\S {2,}(?=\S)")


def under_the_box(line: str) -> int:
    """A checklist line hangs under its text: after its leading spaces and an item's "[ ] " box."""
    body = line.lstrip(" ")
    return len(line) - len(body) + (4 if body.startswith(BOXES) else 0)


def under_the_second_column(line: str) -> int:
    """A two-column line ("Topic     text", "  w    Write...") hangs under its second column;
    a line indented with spaces alone, under its first character."""
    body = line.lstrip(" ")
    if body != line:
        gap = _COLUMN_GAP.search(body)
        return len(line) - len(body) + (gap.end() if gap else 0)
    gap = _COLUMN_GAP.search(line)
    return gap.end() if gap else 0


def hang(content: Content, width: int, indent: Indent) -> Content:
    """`content` wrapped to `width`, each line's continuation lines indented by `indent(line)`
    (never by more than half the width, so some text always fits beside the indent)."""
    if width < 2:
        return content
    # Keyed by the spans too: Content's == compares the text alone, and the same words change colour.
    return _hang(content.plain, tuple(content.spans), width, indent)


@lru_cache(maxsize=1024)
def _hang(plain: str, spans: tuple, width: int, indent: Indent) -> Content:
    content = Content(plain, list(spans))
    lines: list[Content] = []
    for line in content.split("\n", allow_blank=True):
        first, *more = line.wrap(width) or [line]
        lines.append(first)
        if not more:
            continue
        rest = line[len(first.plain) :]
        rest = rest[len(rest.plain) - len(rest.plain.lstrip(" ")) :]
        # Less indent rather than a word cut in two ("marcus.lee@bluefin.exa / mple").
        longest = max((cell_len(word) for word in rest.plain.split()), default=0)
        margin = max(0, min(indent(line.plain), width // 2, width - longest))
        lines.extend(Content(" " * margin) + part for part in rest.wrap(width - margin))
    return Content("\n").join(lines)


class Hanging(Visual):
    """Content that wraps with a hanging indent (Textual wraps every line back to column 0)."""

    def __init__(self, content: Content, indent: Indent) -> None:
        self.content = content
        self.indent = indent

    def __str__(self) -> str:
        return self.content.plain

    def wrapped(self, width: int) -> Content:
        return hang(self.content, width, self.indent)

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return self.wrapped(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.content.get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.wrapped(width).get_height(rules, width)
