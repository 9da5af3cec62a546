"""The command palette's search: a command named by what was typed comes first."""

from __future__ import annotations

from textual.command import Hit, Hits
from textual.system_commands import SystemCommandsProvider

EXACT, PREFIX, WORD, FUZZY = 3, 2, 1, 0
TIER = 1000.0  # above any fuzzy score Textual gives a command title


def tier(query: str, title: str) -> int:
    """How well `title` answers `query`: its name (first word) exactly, its start, the start of one of
    its words, or only letters in order."""
    query, title = query.strip().casefold(), title.casefold()
    words = title.replace(":", " ").replace(",", " ").split()
    if title == query or (words and words[0] == query):
        return EXACT
    if title.startswith(query):
        return PREFIX
    if any(word.startswith(query) for word in words):
        return WORD
    return FUZZY


class KeyCommands(SystemCommandsProvider):
    """Every key of the screen, and Textual's own commands, searched by name first.

    Textual's fuzzy score alone put "Import business cards (.vcf) or a followup export (.json)" above
    "Export: contacts..." for the query "export" (more matched letters at word starts in a longer
    title), so Enter on "export" opened Import."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback, *_ in self.app.get_system_commands(self.screen):
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    tier(query, name) * TIER + min(score, TIER - 1), matcher.highlight(name), callback, help=help_text
                )
