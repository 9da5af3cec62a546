"""The user's own details, used in every draft, and the references who may get a call."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date

from followup_tui import validate
from followup_tui.dates import show_date
from followup_tui.text import clean_line, clean_text
from followup_tui.validate import InputProblem

_MULTILINE = ("address", "signature")
TOLD_NOTE = "Told"  # a references item's note line per reference told: "Told Ana Ruiz, Wed 25 Nov 2026"
REFERENCE_SEPARATOR = ";"  # the profile form's one line per reference: name; relationship; email; phone


@dataclass(frozen=True)
class Reference:
    """Someone who vouches for you: the method says to alert them that an employer may call."""

    name: str
    relationship: str = ""
    email: str = ""
    phone: str = ""

    @property
    def first_name(self) -> str:
        """How a heads-up greets them."""
        return self.name.split()[0] if self.name else ""

    def as_line(self) -> str:
        """The reference as the profile form's line shows it."""
        parts = [self.name, self.relationship, self.email, self.phone]
        while parts and not parts[-1]:
            parts.pop()
        return f"{REFERENCE_SEPARATOR} ".join(parts)


@dataclass(frozen=True)
class Profile:
    """Name, contact details, letter-head address, signature, the strengths drafts draw from, and references."""

    name: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    signature: str = ""
    strengths: tuple[str, ...] = field(default_factory=tuple)
    references: tuple[Reference, ...] = field(default_factory=tuple)

    @property
    def is_empty(self) -> bool:
        """Nothing filled in yet: drafts would be all placeholders."""
        return self == Profile()

    def to_json(self) -> str:
        """Stored form."""
        return json.dumps(
            {**asdict(self), "strengths": list(self.strengths), "references": [asdict(r) for r in self.references]}
        )

    @classmethod
    def from_json(cls, text: str | None) -> Profile:
        """From the stored form; anything unreadable gives an empty profile (a profile stored before
        references existed has none)."""
        try:
            data = json.loads(text or "{}")
        except ValueError:
            return cls()
        if not isinstance(data, dict):
            return cls()
        # Cleaned here: the stored JSON spells a control as \u001b, which no cleaning of the row can see.
        known = {
            k: (clean_text if k in _MULTILINE else clean_line)(str(v))
            for k, v in data.items()
            if k in cls.__dataclass_fields__ and k not in ("strengths", "references")
        }
        strengths = data.get("strengths", [])
        strengths = tuple(s for s in (clean_line(str(s)) for s in strengths if isinstance(strengths, list)) if s)
        return cls(**known, strengths=strengths, references=references_from_json(data.get("references")))


def references_from_json(data: object) -> tuple[Reference, ...]:
    """The stored references; an entry that is not a reference with a name (another program's) is skipped."""
    if not isinstance(data, list):
        return ()
    found = []
    for entry in data:
        if not isinstance(entry, dict):
            continue
        values = {k: clean_line(str(entry.get(k) or "")) for k in Reference.__dataclass_fields__}
        if values["name"]:
            found.append(Reference(**values))
    return tuple(found)


def told_references(note: str) -> dict[str, str]:
    """Who was told, from the references item's note lines ("Told Ana Ruiz, Wed 25 Nov 2026"): the
    name, folded, to the day as written. The note is the record: the user can read and correct it."""
    told = {}
    prefix = TOLD_NOTE + " "
    for line in note.split("\n"):
        if line.startswith(prefix) and ", " in line:
            name, day = line[len(prefix) :].rsplit(", ", 1)
            told[name.strip().casefold()] = day.strip()
    return told


def still_to_tell(references: tuple[Reference, ...], note: str) -> tuple[Reference, ...]:
    """The references not yet told, in the profile's order."""
    told = told_references(note)
    return tuple(r for r in references if r.name.casefold() not in told)


def told_line(reference: Reference, day: date) -> str:
    """The note line that records a reference as told on `day`."""
    return f"{TOLD_NOTE} {reference.name}, {show_date(day)}"


def references_from_text(text: str) -> tuple[Reference, ...]:
    """The profile form's lines, one reference each: name; relationship; email; phone (the last three
    may be left out). Raises InputProblem naming the line to fix."""
    found = []
    for number, line in enumerate((raw for raw in text.split("\n") if raw.strip()), start=1):
        parts = [validate.line(part) for part in line.split(REFERENCE_SEPARATOR)]
        if len(parts) > 4:
            raise InputProblem(f"Reference {number}: at most four parts (name; relationship; email; phone)")
        name, relationship, email, phone = (parts + ["", "", ""])[:4]
        if not name:
            raise InputProblem(f"Reference {number}: the name comes first")
        try:
            email = validate.email(email)
        except InputProblem as problem:
            raise InputProblem(f"Reference {number} ({name}): {problem}") from problem
        found.append(Reference(name, relationship, email, phone))
    return tuple(found)


def references_named(references: tuple[Reference, ...], note: str) -> str:
    """Who the references item names: those still to tell, or all of them once everyone was told."""
    left = still_to_tell(references, note)
    return ", ".join(r.name for r in (left or references))
