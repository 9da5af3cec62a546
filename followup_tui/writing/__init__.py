"""The writing of notes and letters: drafts from templates, the checks before sending, letters for the post (pure)."""
