"""Pick a file to read: a path field that completes folder and file names, and a folder tree, both showing
only folders and the kinds of file the form reads. The photo and import forms differ only in what they read."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.suggester import Suggester
from textual.widgets import DirectoryTree, Input

from followup_tui.tui.screens.form import FormScreen, all_valid
from followup_tui.validate import InputProblem


def shown(entry: Path, suffixes: frozenset[str]) -> bool:
    """Folders (not hidden ones) and files of the kinds read."""
    if entry.name.startswith("."):
        return False
    try:
        return entry.is_dir() or entry.suffix.lower() in suffixes
    except OSError:  # a broken link or a folder we may not enter
        return False


class PathSuggester(Suggester):
    """Completes the last part of a typed path with the first folder or readable file it begins; folders end
    in /."""

    def __init__(self, suffixes: frozenset[str]) -> None:
        # Paths are case-sensitive, and folders change as files arrive: no casefolding, no cache.
        super().__init__(use_cache=False, case_sensitive=True)
        self.suffixes = suffixes

    async def get_suggestion(self, value: str) -> str | None:
        if not value.strip():
            return None
        typed = Path(value).expanduser()
        folder, start = (typed, "") if value.endswith("/") else (typed.parent, typed.name)
        try:
            entries = sorted(folder.iterdir(), key=lambda entry: entry.name.lower())
        except OSError:
            return None
        for entry in entries:
            if entry.name.startswith(start) and entry.name != start and shown(entry, self.suffixes):
                return value + entry.name[len(start) :] + ("/" if entry.is_dir() else "")
        return None


class FileTree(DirectoryTree):
    """Folders and the files of the kinds read."""

    def __init__(self, path: Path, suffixes: frozenset[str], *, id: str | None = None) -> None:  # noqa: A002
        self.suffixes = suffixes  # set first: the tree lists its root while it is built
        super().__init__(path, id=id)

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [path for path in paths if shown(path, self.suffixes)]


def existing_file(
    text: str, suffixes: frozenset[str], *, missing: str, wrong_kind: str, cap: Callable[[Path], int]
) -> Path:
    """The file a typed path names, checked to exist, to be of a kind read and under its size cap."""
    path = Path(text.strip()).expanduser()
    if not text.strip():
        raise InputProblem(missing)
    if not path.is_file():
        raise InputProblem(f"No file at {path}")
    if path.suffix.lower() not in suffixes:
        raise InputProblem(wrong_kind)
    size, limit = path.stat().st_size, cap(path)
    if size > limit:
        raise InputProblem(f"{size / 1024 / 1024:.1f} MB is too big; files up to {limit // 1024 // 1024} MB")
    return path


class FilePickForm(FormScreen[Path]):
    """A path field with completion and a folder tree; enter on a file, or on the typed path, picks it."""

    SUFFIXES: frozenset[str] = frozenset()
    LABEL = "File"
    PLACEHOLDER = ""

    def __init__(self, start: Path) -> None:
        super().__init__()
        self.start = start

    def check_path(self, text: str) -> Path:
        """The file the typed text names (a subclass says which files it reads, and their caps)."""
        raise NotImplementedError

    def compose_fields(self) -> ComposeResult:
        yield from self.field(self.LABEL, "path", "", self.PLACEHOLDER)
        yield FileTree(self.start, self.SUFFIXES, id="tree")

    def on_mount(self) -> None:
        self.query_one("#path", Input).suggester = PathSuggester(self.SUFFIXES)
        self.query_one("#path", Input).focus()

    @on(DirectoryTree.FileSelected)
    def _picked(self, event: DirectoryTree.FileSelected) -> None:
        self.query_one("#path", Input).value = str(event.path)
        self.action_save()

    @on(Input.Submitted, "#path")
    def _submitted(self) -> None:
        self.action_save()

    def collect(self) -> Path | None:
        path = self.check("path", self.check_path)
        return path.value if all_valid(path) else None
