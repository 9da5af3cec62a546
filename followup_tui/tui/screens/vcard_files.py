"""Pick a .vcf or .json file to import, or a file to export to."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, Label, Select

from followup_tui.capture.vcards import MAX_BYTES
from followup_tui.store.portable import MAX_IMPORT_BYTES
from followup_tui.tui.screens.file_pick import FilePickForm, existing_file
from followup_tui.tui.screens.form import FormScreen, all_valid
from followup_tui.validate import InputProblem

IMPORT_SUFFIXES = frozenset((".vcf", ".json"))


def _existing_vcf(text: str) -> Path:
    return existing_file(
        text,
        IMPORT_SUFFIXES,
        missing="Choose a .vcf or .json file (type its path, → completes it, or pick it below)",
        wrong_kind="followup imports vCard (.vcf) files and its own exports (.json)",
        cap=lambda path: MAX_BYTES if path.suffix.lower() == ".vcf" else MAX_IMPORT_BYTES,
    )


class ImportForm(FilePickForm):
    """Folders, .vcf and .json files; enter on a file picks it."""

    TITLE_TEXT = "Import business cards (.vcf) or a followup export (.json)"
    SUFFIXES = IMPORT_SUFFIXES
    PLACEHOLDER = "~/Downloads/contacts.vcf  (→ completes)"

    def check_path(self, text: str) -> Path:
        return _existing_vcf(text)


FORMATS = (
    ("contacts as vCards (.vcf)", ".vcf"),
    ("everything, to move or keep (.json)", ".json"),
    ("interviews for a spreadsheet (.csv)", ".csv"),
    ("follow-ups for a calendar (.ics)", ".ics"),
)


@dataclass(frozen=True)
class ExportChoice:
    """Where to write, what, and (for contacts) whom."""

    path: Path
    scope: str  # "person", "interview" or "all"

    @property
    def kind(self) -> str:
        """The format, by the file's suffix."""
        return self.path.suffix.lower()


def _writable_target(text: str) -> Path:
    path = Path(text.strip()).expanduser()
    if not text.strip():
        raise InputProblem("A file name is needed")
    if path.suffix.lower() not in (".vcf", ".json", ".csv", ".ics"):
        path = path.with_suffix(".vcf")
    if not path.parent.is_dir():
        raise InputProblem(f"No folder {path.parent}")
    if path.is_dir():
        raise InputProblem(f"{path} is a folder")
    return path


class ExportForm(FormScreen[ExportChoice]):
    """A file name and whom to export."""

    TITLE_TEXT = "Export"

    def __init__(self, default: Path, person: str | None, company: str | None) -> None:
        super().__init__()
        self.default = default
        self.person = person
        self.company = company

    def compose_fields(self) -> ComposeResult:
        with Horizontal(classes="field-row"):
            yield Label("What", classes="field-label")
            yield Select(FORMATS, value=".vcf", allow_blank=False, id="format", compact=True)
        yield from self.field("File", "path", str(self.default))
        choices: list[tuple[Content | str, str]] = []
        if self.person:
            choices.append((Content(f"only {self.person}"), "person"))
        if self.company:
            choices.append((Content(f"everyone met at {self.company}"), "interview"))
        choices.append(("every contact", "all"))
        with Horizontal(classes="field-row", id="scope-row"):
            yield Label("Whom", classes="field-label")
            yield Select(choices, value=choices[0][1], allow_blank=False, id="scope", compact=True)

    @on(Select.Changed, "#format")
    def _format_changed(self) -> None:
        suffix = self.choice("format", str)
        field = self.query_one("#path", Input)
        path = Path(field.value or str(self.default))
        stem = (
            "followup-contacts"
            if suffix == ".vcf"
            else {".json": "followup-export", ".csv": "followup-interviews", ".ics": "followup-follow-ups"}[suffix]
        )
        if suffix != ".vcf" or path.suffix.lower() != ".vcf":
            field.value = str(path.with_name(stem + suffix))
        self.query_one("#scope-row").display = suffix == ".vcf"

    def collect(self) -> ExportChoice | None:
        path = self.check("path", _writable_target)
        return ExportChoice(path.value, self.choice("scope", str)) if all_valid(path) else None
