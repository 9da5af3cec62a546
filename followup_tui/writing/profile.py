"""The user's own details, used in every draft."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from followup_tui.text import clean_line, clean_text

_MULTILINE = ("address", "signature")


@dataclass(frozen=True)
class Profile:
    """Name, contact details, letter-head address, signature and the strengths drafts draw from."""

    name: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    signature: str = ""
    strengths: tuple[str, ...] = field(default_factory=tuple)

    @property
    def is_empty(self) -> bool:
        """Nothing filled in yet: drafts would be all placeholders."""
        return self == Profile()

    def to_json(self) -> str:
        """Stored form."""
        return json.dumps({**asdict(self), "strengths": list(self.strengths)})

    @classmethod
    def from_json(cls, text: str | None) -> Profile:
        """From the stored form; anything unreadable gives an empty profile."""
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
            if k in cls.__dataclass_fields__ and k != "strengths"
        }
        strengths = data.get("strengths", [])
        strengths = tuple(s for s in (clean_line(str(s)) for s in strengths if isinstance(strengths, list)) if s)
        return cls(**known, strengths=strengths)
