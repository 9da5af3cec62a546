"""The main screen's keys: one table, from which the footer, help (?) and the command palette are made."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from followup_tui.tui.keys import Section

MAIN_KEYS: list[BindingType] = [  # typed as Screen.BINDINGS is
    Binding("a", "add_interview", "Add", tooltip="Add an interview"),
    Binding("c", "capture", "Card", tooltip="Capture a person's business card for this interview"),
    Binding("e", "edit", "Edit", tooltip="Edit what has focus (interview, card or action)"),
    Binding("s", "status", "Status", tooltip="Set the interview's status"),
    Binding("n", "new_action", "To-do", tooltip="Add an action of your own"),
    Binding("space", "tick", "Tick", tooltip="Tick or untick the selected action"),
    Binding("w", "write", "Write", tooltip="Write the note, letter or call script for the selected action"),
    Binding("h", "history", "History", show=False, tooltip="What was sent, said and noted to this person"),
    Binding("p", "profile", "Profile", show=False, tooltip="Your profile: name, address, signature, strengths"),
    Binding("m", "templates", "Templates", show=False, tooltip="Edit the templates drafts start from"),
    Binding(
        "plus,equals_sign",
        "shift_due(1)",
        "Later",
        key_display="+",
        show=False,
        tooltip="Move the action a day later",
    ),
    Binding("minus", "shift_due(-1)", "Sooner", key_display="-", show=False, tooltip="Move the action a day earlier"),
    Binding("d", "delete", "Delete", tooltip="Delete what has focus (asks first); drop a postal letter, with a reason"),
    # priority: handled the moment it arrives, so the letters typed straight after it (already
    # on their way) find the filter box focused rather than the list's keys (e edits, d deletes).
    Binding(
        "slash",
        "filter",
        "Filter",
        key_display="/",
        tooltip="Filter interviews by company, role or name",
        priority=True,
    ),
    Binding(
        "left_square_bracket",
        "person(-1)",
        "Prev person",
        show=False,
        key_display="[",
        tooltip="Previous person met at this interview",
    ),
    Binding(
        "right_square_bracket",
        "person(1)",
        "Next person",
        show=False,
        key_display="]",
        tooltip="Next person met at this interview",
    ),
    Binding("i", "import", "Import", show=False, tooltip="Import business cards (.vcf) or a followup export (.json)"),
    Binding(
        "x",
        "export",
        "Export",
        show=False,
        tooltip="Export: contacts (.vcf), everything (.json), interviews (.csv), follow-ups (.ics)",
    ),
    Binding(
        "y",
        "sync",
        "Sync",
        show=False,
        tooltip="Sync follow-ups (as tasks) and people (as cards) with your phone's CalDAV/CardDAV server",
    ),
    Binding("Y", "sync_setup", "Sync set-up", show=False, tooltip="Set up sync: server, user, password"),
    Binding("t", "review", "Today", tooltip="Daily review: today's follow-ups across every interview"),
    Binding(
        "g",
        "stats",
        "Stats",
        show=False,
        tooltip="Stats: how well you follow the method, per interview and overall, and follow-ups per week",
    ),
    Binding(
        "comma",
        "settings",
        "Settings",
        show=False,
        key_display=",",
        tooltip="Settings: phone region, and the screen to open on",
    ),
    Binding("question_mark", "help", "Help", key_display="?", tooltip="Show every key"),
    Binding("q", "app.quit", "Quit", tooltip="Quit followup"),
]

# What the footer keeps when not every key fits (80 columns): the rest are in ? and the palette.
FOOTER_FIRST = ("filter", "review", "help", "app.quit", "tick", "write", "add_interview", "capture")

# The keys of the panes and forms, for help (?): their widgets handle them, not the screen's bindings.
MORE_HELP: list[Section] = [
    (
        "Moving around",
        [
            ("tab shift+tab", "Next / previous pane"),
            ("j k ↑ ↓", "Move in the interview list and the checklist"),
            ("← →", "Previous / next person, in the card pane ([ ] anywhere)"),
            ("enter", "In the filter box: back to the list"),
            ("escape", "In the filter box: clear the filter"),
            ("ctrl+p", "Command palette: every action by name"),
        ],
    ),
    (
        "In forms",
        [
            ("ctrl+s", "Save"),
            ("escape", "Cancel, saving nothing"),
            ("tab shift+tab", "Next / previous field"),
        ],
    ),
]
