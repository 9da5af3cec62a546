"""What an interview, a person's medium and an action can be: plain enums, nothing else imported.

Kept apart from the plan engine so `followup today` can name them without loading the engine."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """Where an interview's process stands."""

    ACTIVE = "active"
    OFFER = "offer"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    FILLED = "filled"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        """How the status reads in the app."""
        return "filled by someone else" if self is Status.FILLED else self.value


class Medium(StrEnum):
    """How a person prefers to be reached."""

    EMAIL = "email"
    PHONE = "phone"
    POST = "post"

    @property
    def label(self) -> str:
        """How the medium reads in the app."""
        return "postal mail" if self is Medium.POST else self.value


class Kind(StrEnum):
    """What an action is."""

    CARD = "card"
    THANK_YOU_EMAIL = "thank_you_email"
    THANK_YOU_LETTER = "thank_you_letter"
    REFERENCES = "references"
    CALL = "call"
    LETTER = "letter"
    WEEKLY_EMAIL = "weekly_email"
    WEEKLY_CALL = "weekly_call"
    WEEKLY_LETTER = "weekly_letter"
    DECISION = "decision"
    NEXT_STEP = "next_step"  # "heard about the next step?" after the date the interviewer gave for it
    CUSTOM = "custom"


class State(StrEnum):
    """Whether an action is still to do."""

    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"
    DROPPED = "dropped"  # left out on purpose, with the reason in its note (a letter); schema v9 on


# The method's call: "5 to 7 days later". Here rather than in the plan engine, so the review can say
# where a call stands in its window without loading the engine.
CALL_WINDOW = (5, 7)

# Value -> member lookups for rows read from the database: calling an Enum per row was a tenth of
# the interview list's cost at 10,000 rows.
KIND_OF = {k.value: k for k in Kind}
STATE_OF = {s.value: s for s in State}
STATUS_OF = {s.value: s for s in Status}
MEDIUM_OF = {m.value: m for m in Medium}
