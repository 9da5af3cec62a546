"""What a user sees that Textual keeps under private names, read in one place.

Textual has no public way to read back the notifications shown, the footer's keys, the composed screen,
or to hand a key to the app without waiting for it to look idle. The tests use these helpers rather than
the names, so a Textual release that renames one breaks this file only, and
tests/unit/test_textual_private.py says which name went (TEST_PRIVATE lists them).
"""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.keys import key_to_character
from textual.pilot import Pilot
from textual.screen import Screen


def notifications(app: App) -> list[str]:
    """The messages of the notifications the app is showing (toasts), oldest first."""
    return [str(notification.message) for notification in app._notifications]


def footer_keys(screen: Screen) -> list:
    """The footer's key widgets on `screen` (FooterKey is not exported by textual.widgets)."""
    from textual.widgets._footer import FooterKey

    return list(screen.query(FooterKey))


def footer_actions(screen: Screen) -> set[str]:
    """What the footer offers on `screen`: the description of each key not greyed out."""
    return {key.description for key in footer_keys(screen) if not key.has_class("-disabled")}


def screen_strips(app: App) -> list:
    """The screen's lines as the terminal gets them (the screenshot's source: every layer composed)."""
    return app.screen._compositor.render_strips()


def screen_lines(app: App) -> list[str]:
    """The screen's text, one string per row, every layer composed."""
    return [strip.text for strip in screen_strips(app)]


def send_key(app: App, key: str) -> None:
    """Queue a key as the terminal driver does, without waiting for it to be handled (several sent in a
    row arrive in one burst, as a fast typist's do)."""
    event = events.Key(key, key_to_character(key))
    event.set_sender(app)
    app._driver.send_message(event)


async def quick_press(pilot: Pilot, key: str) -> None:
    """One key, as `pilot.press` sends it, waiting until the app and then the focused widget have
    handled it (pilot.press also waits for the process to look idle, at least 40 ms a key: a sweep
    presses hundreds)."""
    app = pilot.app
    send_key(app, key)
    for _ in range(100):  # the key hops from the app to the focused widget, then bubbles up to the screen
        await pilot._wait_for_screen()
        if all(node._message_queue.empty() for node in (app, *app.screen.walk_children(with_self=True))):
            return
    await pilot.pause()


def app_error(app: App) -> BaseException | None:
    """The exception that stopped the app, if one did."""
    return app._exception
