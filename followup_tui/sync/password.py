"""The sync password: from $FOLLOWUP_SYNC_PASSWORD or the system keyring, never from the database."""

from __future__ import annotations

import os

PASSWORD_ENV = "FOLLOWUP_SYNC_PASSWORD"
KEYRING_SERVICE = "followup"


def find_password(user: str) -> str | None:
    """The password for `user`: the environment variable first (scripts, cron), else the keyring."""
    value = os.environ.get(PASSWORD_ENV)
    if value:
        return value
    try:
        import keyring

        found = keyring.get_password(KEYRING_SERVICE, user)
    except Exception:  # no keyring backend (a headless server): as if nothing were stored
        return None
    return found or None


def keep_password(user: str, password: str) -> bool:
    """Store the password in the system keyring; False when there is no usable keyring."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, user, password)
    except Exception:  # keyring.errors.NoKeyringError and the backends' own errors
        return False
    return True
