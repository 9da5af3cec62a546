"""A text area that underlines misspelled words and marks unfilled placeholders as you type."""

from __future__ import annotations

from rich.style import Style
from textual.widgets import TextArea
from textual.widgets.text_area import TextAreaTheme

from followup_tui.text import clean
from followup_tui.writing.checks import Misspelling, misspellings
from followup_tui.writing.drafts import PLACEHOLDER

THEME = TextAreaTheme(
    name="followup-draft",
    syntax_styles={
        "misspelled": Style(underline=True, color="#ff6b6b"),
        "placeholder": Style(bgcolor="#ffd166", color="#000000", bold=True),
    },
)


def _byte_offset(line: str, column: int) -> int:
    return len(line[:column].encode("utf-8"))


class DraftEditor(TextArea):
    """Highlights come from the checks, not from a grammar: rebuilt after every edit."""

    def __init__(self, text: str, known_words: set[str], **kwargs) -> None:
        # Set before TextArea's constructor: it builds the highlight map while loading the text.
        self.known_words = set(known_words)
        self.misspelled: list[Misspelling] = []
        super().__init__(clean(text), soft_wrap=True, tab_behavior="focus", **kwargs)
        self.register_theme(THEME)
        self.theme = THEME.name

    def _build_highlight_map(self) -> None:
        """Underline unknown words; mark {placeholders} left empty."""
        self._line_cache.clear()
        highlights = self._highlights
        highlights.clear()
        lines = self.text.split("\n")
        self.misspelled = misspellings(self.text, self.known_words)
        for word in self.misspelled:
            line = lines[word.line]
            highlights[word.line].append((_byte_offset(line, word.start), _byte_offset(line, word.end), "misspelled"))
        for number, line in enumerate(lines):
            for match in PLACEHOLDER.finditer(line):
                highlights[number].append(
                    (_byte_offset(line, match.start()), _byte_offset(line, match.end()), "placeholder")
                )

    def word_at_cursor(self) -> Misspelling | None:
        """The misspelled word under (or just before) the cursor, else the first one."""
        row, column = self.cursor_location
        for word in self.misspelled:
            if word.line == row and word.start <= column <= word.end:
                return word
        return self.misspelled[0] if self.misspelled else None

    def replace_word(self, word: Misspelling, replacement: str) -> None:
        """Put `replacement` where `word` is."""
        self.replace(replacement, (word.line, word.start), (word.line, word.end))

    def relearn(self, word: str) -> None:
        """Accept a word from now on."""
        self.known_words.add(word)
        self._build_highlight_map()
        self.refresh()
