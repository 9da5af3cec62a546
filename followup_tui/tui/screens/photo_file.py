"""Pick a photo of a business card (a path field that completes names, and a folder tree)."""

from __future__ import annotations

from pathlib import Path

from followup_tui.capture.photo import MAX_BYTES, SUFFIXES
from followup_tui.tui.screens.file_pick import FilePickForm, existing_file

PHOTO_SUFFIXES = frozenset(SUFFIXES.split())


def existing_photo(text: str) -> Path:
    """The photo file a typed path names (checked to exist and be of a photo's kind and size)."""
    return existing_file(
        text,
        PHOTO_SUFFIXES,
        missing="Choose a photo of the card (type its path, → completes it, or pick it below)",
        wrong_kind="followup reads photos: .jpg, .png, .webp or .heic",
        cap=lambda _path: MAX_BYTES,
    )


class PhotoFileForm(FilePickForm):
    """Folders and photos; enter on a photo picks it."""

    TITLE_TEXT = "Read a photo of the card"
    SUFFIXES = PHOTO_SUFFIXES
    LABEL = "Photo"
    PLACEHOLDER = "~/Pictures/card.jpg  (→ completes)"

    def check_path(self, text: str) -> Path:
        return existing_photo(text)
