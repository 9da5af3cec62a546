"""followup: a keyboard-driven terminal desk for the follow-up after an interview."""

__version__ = "0.1.0"
