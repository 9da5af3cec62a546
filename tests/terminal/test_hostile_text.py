"""Hostile text already in the file reaches no screen as a terminal code or as markup.

Every text column of yesterday's database holds every payload (tests/terminal/hostile.py), written with
the sqlite3 module as another program would. The installed app is driven under a pseudo-terminal
through every screen; the raw bytes it wrote are then searched for the payloads' codes.
"""

from __future__ import annotations

from hostile import PAYLOADS, leaks
from pty_app import PtyApp, environment

# Screens reached from the main screen: (what they are, keys to open, text they show, and for each escape
# that closes them, the text that goes with it).
# The interview list has focus at the start; Meridian Energy is selected.
FROM_MAIN = [
    ("help", ["?"], "Keys", ["Keys"]),
    ("stats", ["g"], "Follow-ups per week", ["Follow-ups per week"]),
    ("palette", ["ctrl+p"], "Daily review", ["Daily review"]),
    ("edit interview", ["e"], "Edit interview", ["Edit interview"]),
    ("status", ["s"], "Status of Meridian Energy", ["Status of Meridian Energy"]),
    ("history", ["h"], "History with Grace Kim", ["History with Grace Kim"]),
    ("profile", ["p"], "Your profile", ["Your profile"]),
    ("settings", [","], "Settings", ["Settings"]),
    ("templates", ["m"], "Templates", ["Templates"]),
    ("template", ["m", "enter"], "Placeholders:", ["Placeholders:"]),  # enter swaps the list for the form
    ("export", ["x"], "Whom", ["Whom"]),
    ("import", ["i"], "Import business cards", ["Import business cards"]),
    ("capture", ["c"], "Capture a business card", ["Capture a business card"]),
    ("add interview", ["a"], "Add an interview", ["Add an interview"]),
]
# From the checklist (two tabs from the list), on Meridian Energy: get card, thank-you email, call.
FROM_CHECKLIST = [
    ("edit action", ["e"], "Edit action", ["Edit action"]),
    ("new action", ["n"], "Add an action", ["Add an action"]),
    ("draft", ["j", "w"], "Email to Grace Kim", ["Email to Grace Kim"]),
    ("call script", ["j", "w"], "█ Call Grace Kim", ["█ Call Grace Kim"]),  # the dialog's edge, not the checklist
]
# A bracketed paste. (An ESC inside a paste is split off by Textual's own parser and reissued as keys, so
# the payload here is the controls that arrive whole: BEL, a C1 CSI, bidi overrides and isolates.)
PASTE = "\x1b[200~Ana\x07 Ruiz\u202e [/] \x9b2J \u2066CEO\u2069\x1b[201~"


def _visit(app: PtyApp, name: str, keys: list[str], shows: str, close: list[str], back: str) -> None:
    app.press(*keys)
    app.wait_for(shows)
    app.settle(0.1)  # a frame that follows the first one (a highlight, a count) is drawn too
    for goes in close:
        # Each escape handled before the next key: the dialog's own text goes (the panes stay visible
        # behind a dialog). A key sent sooner could follow the ESC so closely that the terminal parser
        # reads the two as one alt+key.
        app.press("escape")
        app.wait_without(goes)
    app.wait_for(back)
    assert not leaks(bytes(app.raw)), (name, leaks(bytes(app.raw)))


def test_every_screen_shows_hostile_rows_as_plain_text(followup_command, hostile_db, tmp_path):
    app = PtyApp([*followup_command, "--db", str(hostile_db)], environment(tmp_path / "home"), tmp_path)
    visited = []
    try:
        # The start-screen setting is hostile too: the app falls back to the list.
        screen = app.wait_for("Interviews", "Interviewer card", "Next actions · Meridian Energy")
        # Markup in the data shows literally, and is never a link or a style.
        app.wait_for("[bold]ZQBOLD[/]", "[@click=app.quit]ZQCLICK[/]", "Acme [/] Ltd")
        assert "ZQTITLEA" not in screen and "ZQWIPE" in screen  # a whole title sequence goes, words stay
        visited.append("main panes")
        for name, keys, shows, close in FROM_MAIN:
            _visit(app, name, keys, shows, close, "Interviews")
            visited.append(name)
        app.press("tab")
        app.wait_for("Interviewer card")
        _visit(app, "edit card", ["e"], "Edit card", ["Edit card"], "Interviews")
        visited.append("edit card")
        app.press("tab")
        for name, keys, shows, close in FROM_CHECKLIST:
            _visit(app, name, keys, shows, close, "Interviews")
            visited.append(name)
        # The draft of a sent thank-you on Bluefin.
        app.press("shift+tab", "shift+tab", "j")
        app.wait_for("Next actions · Bluefin Robotics")
        app.press("tab", "tab", "home", "j")  # Dana's card, then her sent thank-you
        _visit(app, "draft (sent)", ["w"], "Email to Dana Whitfield", ["Email to Dana Whitfield"], "Interviews")
        visited.append("draft (sent)")
        # A paste carries codes too: the capture box takes the text without them.
        app.press("c")
        app.wait_for("Capture a business card")
        app.press(PASTE)
        app.wait_for("Ana Ruiz [/]  CEO")  # the one-byte CSI goes with its "2J"
        app.press("escape")
        # The panes show behind the dialog: wait for the dialog itself to go, or the next key would
        # follow ESC so closely that the terminal parser reads the two as one alt+key.
        app.wait_without("Capture a business card")
        app.wait_for("Interviews")
        visited.append("capture paste")
        # The daily review, its note dialog and its draft.
        app.press("t")
        app.wait_for("Daily review")
        visited.append("review")
        keys_line = "ctrl+s save · escape cancel"
        _visit(app, "review note", ["n"], keys_line, [keys_line], "Daily review")
        _visit(app, "review help", ["?"], "Keys", ["Keys"], "Daily review")
        visited += ["review note", "review help"]
        app.press("t")
        app.wait_for("Interviews")
        app.answers()
        app.press("q")
        assert app.finish() == 0
    finally:
        app.close()
    raw = bytes(app.raw)
    assert not leaks(raw)
    assert b"Traceback" not in raw
    assert len(visited) == 25, visited
    print(f"{len(PAYLOADS)} payloads x {len(visited)} screens")
