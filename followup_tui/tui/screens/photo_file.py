"""Pick a photo of a business card: a path field that completes folder and file names, and a folder tree."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.suggester import Suggester
from textual.widgets import DirectoryTree, Input

from followup_tui.capture.photo import MAX_BYTES, SUFFIXES
from followup_tui.tui.screens.form import FormScreen, all_valid
from followup_tui.validate import InputProblem

PHOTO_SUFFIXES = frozenset(SUFFIXES.split())


def _shown(entry: Path) -> bool:
    """Folders (not hidden ones) and photos."""
    if entry.name.startswith("."):
        return False
    try:
        return entry.is_dir() or entry.suffix.lower() in PHOTO_SUFFIXES
    except OSError:  # a broken link or a folder we may not enter
        return False


class PathSuggester(Suggester):
    """Completes the last part of a typed path with the first folder or photo it begins; folders end in /."""

    def __init__(self) -> None:
        # Paths are case-sensitive, and the folder changes as photos arrive: no casefolding, no cache.
        super().__init__(use_cache=False, case_sensitive=True)

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
            if entry.name.startswith(start) and entry.name != start and _shown(entry):
                return value + entry.name[len(start) :] + ("/" if entry.is_dir() else "")
        return None


class PhotoTree(DirectoryTree):
    """Folders and photos only."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [path for path in paths if _shown(path)]


def existing_photo(text: str) -> Path:
    """The photo file a typed path names (checked to exist and be of a photo's kind and size)."""
    path = Path(text.strip()).expanduser()
    if not text.strip():
        raise InputProblem("Choose a photo of the card (type its path, → completes it, or pick it below)")
    if not path.is_file():
        raise InputProblem(f"No file at {path}")
    if path.suffix.lower() not in PHOTO_SUFFIXES:
        raise InputProblem("followup reads photos: .jpg, .png, .webp or .heic")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputProblem(f"{size / 1024 / 1024:.0f} MB is too big; photos up to {MAX_BYTES // 1024 // 1024} MB")
    return path


class PhotoFileForm(FormScreen[Path]):
    """A path field with completion and a folder tree; enter on a photo picks it."""

    TITLE_TEXT = "Read a photo of the card"

    def __init__(self, start: Path) -> None:
        super().__init__()
        self.start = start

    def compose_fields(self) -> ComposeResult:
        yield from self.field("Photo", "path", "", "~/Pictures/card.jpg  (→ completes)")
        yield PhotoTree(self.start, id="tree")

    def on_mount(self) -> None:
        self.query_one("#path", Input).suggester = PathSuggester()
        self.query_one("#path", Input).focus()

    @on(DirectoryTree.FileSelected)
    def _picked(self, event: DirectoryTree.FileSelected) -> None:
        self.query_one("#path", Input).value = str(event.path)
        self.action_save()

    @on(Input.Submitted, "#path")
    def _submitted(self) -> None:
        self.action_save()

    def collect(self) -> Path | None:
        path = self.check("path", existing_photo)
        return path.value if all_valid(path) else None
