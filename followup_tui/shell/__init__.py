"""The shell commands (`followup today`, `done`, `capture`, ...): typed arguments in, an exit status out; no Textual."""
