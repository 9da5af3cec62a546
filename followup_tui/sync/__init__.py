"""Calendar and contacts sync with the user's CalDAV/CardDAV server (`followup sync`, and the app's sync key).

The app and the shell call `followup_tui.sync.engine.run`; nothing here loads unless a sync runs."""
