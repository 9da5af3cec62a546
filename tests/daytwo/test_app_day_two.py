"""Day two in the app: every key of every screen and dialog, on a database an earlier process made.

`sweep` opens the app on a database file that this process has never opened and, before anything is
written, presses each key the screens declare (read from their bindings, so a new key is swept
without touching this file), opening every dialog and pressing its keys too. The keys that write
come last, and the database is compared row by row at each stage.

It runs on yesterday's file (made by the current code in an earlier process) and on the oldest schema
file, v1, which every migration step has to bring up to date. Each other version's file is proven to give
the screens the same records as a file that was always current (test_schema_versions.py), so a sweep of
its own would press the same keys on the same data.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from onscreen import app_error, notifications, quick_press
from textual.screen import Screen
from textual.widgets import Input, Label

from followup_tui import clock, mail_client
from followup_tui.kinds import Kind
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.form import FormScreen
from followup_tui.tui.screens.main import MainScreen
from followup_tui.tui.screens.review import ReviewScreen
from followup_tui.tui.widgets.checklist import Checklist
from followup_tui.tui.widgets.draft_editor import DraftEditor
from followup_tui.tui.widgets.interview_list import InterviewList
from followup_tui.tui.widgets.person_card import PersonCardView
from followup_tui.tui.widgets.review_list import ReviewList

SIZE = (100, 30)
OLDEST = Path(__file__).parents[1] / "data" / "schema" / "v1.db"  # every migration step runs on it

# What each key is expected to show, by the screen it is pressed on and its action's name (a key not
# listed here is still pressed; it must only keep the app alive and leave the database as it was).
OPENS = {
    ("MainScreen", "add_interview"): "InterviewForm",
    ("MainScreen", "capture"): "PersonForm",
    ("MainScreen", "status"): "StatusScreen",
    ("MainScreen", "new_action"): "ActionForm",
    ("MainScreen", "profile"): "ProfileForm",
    ("MainScreen", "templates"): "TemplateList",
    ("MainScreen", "import"): "ImportForm",
    ("MainScreen", "export"): "ExportForm",
    ("MainScreen", "review"): "ReviewScreen",
    ("MainScreen", "settings"): "SettingsForm",
    ("MainScreen", "help"): "HelpScreen",
    ("MainScreen", "stats"): "StatsScreen",
    ("StatsScreen", "help"): "HelpScreen",
    ("ReviewScreen", "reschedule"): "DayForm",
    ("ReviewScreen", "note"): "NoteForm",
    ("ReviewScreen", "help"): "HelpScreen",
    ("ReviewScreen", "back"): "MainScreen",
    ("ReviewScreen", "open_interview"): "MainScreen",
    ("DraftScreen", "compare"): "CompareScreen",
    ("DraftScreen", "close"): "MainScreen",
}
# Keys whose job is to write, pressed in the last stage only. Confirmations are answered "no" and
# the forms' ctrl+s is pressed where the form is empty, so it must refuse (see REFUSES).
WRITES = {
    "MainScreen": {"tick", "shift_due"},
    "ReviewScreen": {"done", "snooze"},
    "DraftScreen": {"save", "send", "close"},
    "FormScreen": {"save", "restore"},
    "ConfirmScreen": {"answer(True)"},
    "CallScriptScreen": {"outcome('reached')", "outcome('voicemail')", "outcome('no_answer')"},
    "SuggestScreen": {"add"},
    "DuplicateScreen": {"answer('link')", "answer('new')"},
    "ConflictScreen": {"answer('overwrite')"},
    "CallOutcomeScreen": {"choose('reached')", "choose('voicemail')", "choose('no_answer')"},
}
REFUSES = {"add_interview", "capture", "new_action", "import"}  # these open an empty form: ctrl+s refuses
LATER = {"write", "app.quit", "quit", "command_palette"}  # swept on their own, below


def action_name(action: str) -> str:
    return action.partition("(")[0]


def writes(screen: Screen, action: str) -> bool:
    """Whether `action` on `screen` is one of the keys that write."""
    names = set().union(*(WRITES.get(cls.__name__, set()) for cls in type(screen).__mro__))
    return action in names or action_name(action) in names


def own_bindings(node: object) -> set[str]:
    """The actions bound by the classes of ours a widget is made of (not Textual's TextArea keys)."""
    return {
        binding.action if not isinstance(binding, tuple) else binding[1]
        for cls in type(node).__mro__
        if cls.__module__.startswith("followup_tui")
        for binding in cls.__dict__.get("BINDINGS", [])
    }


def screen_keys(screen: Screen) -> list[tuple[str, str]]:
    """(key, action) for each key the screen and our own widgets on it bind: the screen's first, then
    the focused widget's (moving the cursor last, so the screen's keys act on the first row)."""
    keys, moves = [], []
    for key, active in screen.active_bindings.items():
        node = active.node
        if node is screen:
            keys.append((key, active.binding.action))
        elif node is not screen.app and active.binding.action in own_bindings(node):
            moves.append((key, active.binding.action))
    return keys + moves


def table_rows(path: Path) -> dict[str, set[tuple]]:
    """Every row of every table, read without writing (the app may still have the file open)."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
        tables = [name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {name: set(con.execute(f'SELECT * FROM "{name}"')) for name in tables}


def changed(before: dict[str, set[tuple]], after: dict[str, set[tuple]]) -> dict[str, tuple[set, set]]:
    """Per table: (rows gone, rows new); tables without a change are left out."""
    out = {}
    for name in before.keys() | after.keys():
        old, new = before.get(name, set()), after.get(name, set())
        if old != new:
            out[name] = (old - new, new - old)
    return out


def cut_labels(screen: Screen) -> list[str]:
    """The labels on screen whose text does not fit: wider or taller than their row lets them show."""
    cut = []
    for label in screen.query(Label):
        if not label.display or label.region.area == 0 or label.parent is None:
            continue
        lines = label.render_lines(label.region.reset_offset)  # the text as laid out in the label's cells
        text = str(label.render())
        shown = "".join(strip.text for strip in lines).replace(" ", "")
        # the row it sits in shows only part of it (a label taller than a one-line row)
        visible = label.region.intersection(label.parent.region)
        if shown != text.replace(" ", "").replace("\n", "") or visible.size != label.region.size:
            cut.append(text)
    return cut


@dataclass
class Sweep:
    """Presses keys on a running app and keeps count; asserts after each key that the app lives."""

    pilot: object
    out: Path
    pressed: Counter = field(default_factory=Counter)  # screen class name -> keys pressed there
    swept: set = field(default_factory=set)  # (dialog class, how it was opened): swept in full once
    urls: list[str] = field(default_factory=list)

    @property
    def app(self) -> FollowupApp:
        return self.pilot.app

    def alive(self, after: str) -> None:
        app = self.app
        assert app.is_running, f"the app ended after {after}"
        assert app_error(app) is None, f"{after}: {app_error(app)!r}"
        assert app.return_code is None, f"{after}: return code {app.return_code}"

    async def press(self, key: str) -> None:
        screen = self.app.screen
        await quick_press(self.pilot, key)
        if self.app.screen is not screen:
            await self.pilot.pause()  # a screen opened or closed: let it settle (mount, resume)
        self.pressed[type(screen).__name__] += 1
        self.alive(f"{key} on {type(screen).__name__}")

    def shows(self, name: str, after: str) -> Screen:
        screen = self.app.screen
        assert type(screen).__name__ == name, f"{after}: {type(screen).__name__} shown, not {name}"
        assert not cut_labels(screen), f"{after}: labels cut on {name}: {cut_labels(screen)}"
        return screen

    async def dialog(self, how: str, parent: Screen, reopen: Callable[[], Awaitable[None]] | None) -> None:
        """The dialog just opened over `parent`: press each of its keys (reopening it when a key closes
        it), then escape, which must lead back to `parent`."""
        dialog = self.app.screen
        kind = type(dialog).__name__
        if (kind, how) in self.swept or reopen is None:
            await self.press("escape")
            assert self.app.screen is parent, f"escape on {kind} left {type(self.app.screen).__name__}"
            return
        self.swept.add((kind, how))
        for key, action in screen_keys(dialog):
            if key == "escape" or action in LATER:
                continue
            if action_name(action) == "save" and isinstance(dialog, FormScreen):
                if how not in REFUSES:
                    continue
            elif writes(dialog, action):
                continue
            if self.app.screen is not dialog:
                await reopen()
                dialog = self.shows(kind, f"reopening {kind}")
            await self.press(key)
            if self.app.screen is dialog:
                continue
            if dialog in self.app.screen_stack:  # it opened one of its own (the draft's compare)
                expected = OPENS.get((kind, action_name(action)))
                if expected:
                    self.shows(expected, f"{key} on {kind}")
                await self.dialog(f"{how}/{key}", dialog, None)
            else:
                assert self.app.screen is parent, f"{key} on {kind} left {type(self.app.screen).__name__}"
        if self.app.screen is not dialog:
            await reopen()
        await self.press("escape")
        assert self.app.screen is parent, f"escape on {kind} left {type(self.app.screen).__name__}"

    async def keys_of(
        self,
        screen: Screen,
        focus: Callable[[], None] | None,
        skip: set[str] = frozenset(),
        opens: dict[str, str | None] | None = None,
    ) -> None:
        """Press each key of a full screen (the main screen, the review), the writing ones excepted;
        `opens` adds to OPENS what the keys open in this pane (None: nothing)."""
        name = type(screen).__name__
        opens = opens or {}
        for key, action in screen_keys(screen):
            if action in LATER or writes(screen, action) or action_name(action) in skip:
                continue
            assert self.app.screen is screen, f"before {key}: {type(self.app.screen).__name__} shown"
            if focus:
                focus()
                await self.pilot.pause()

            async def reopen(key: str = key) -> None:
                if focus:
                    focus()
                await self.press(key)

            await self.press(key)
            expected = opens.get(action_name(action), OPENS.get((name, action_name(action))))
            if callable(expected):
                expected = expected()
            top = self.app.screen
            if top is screen:
                if action_name(action) == "filter":  # the filter box has the focus: escape clears it
                    assert isinstance(screen.focused, Input)
                    await self.press("escape")
                    assert not isinstance(screen.focused, Input)
                assert expected is None or expected == name, f"{key} on {name} opened nothing"
                continue
            if expected:
                self.shows(expected, f"{key} on {name}")
            if screen in self.app.screen_stack:
                await self.dialog(action_name(action), screen, reopen)
            else:  # it left this screen (the review's t and enter): come back
                await self.back_to(screen)

    async def back_to(self, screen: Screen) -> None:
        """From the main screen to the review, or from the review to the main screen."""
        await self.press("t")
        assert self.app.screen is screen, f"t led to {type(self.app.screen).__name__}"

    async def to_item(self, wanted: Callable[[object], bool]) -> None:
        """Move the cursor (j, k) in the review to the first item that is `wanted`."""
        review = self.app.screen
        assert isinstance(review, ReviewScreen)
        review.query_one(ReviewList).focus()
        await self.press("home")
        for _ in range(len(review.items) + 1):
            if review.selected is not None and wanted(review.selected):
                return
            await self.press("j")
        raise AssertionError("no such item in the review")

    async def to_action(self, wanted: Callable[[object], bool], interview: Callable[[object], bool] = bool) -> None:
        """On the main screen, select the first `interview` with a `wanted` action, and that action."""
        main = self.app.screen
        assert isinstance(main, MainScreen)
        interviews = main.query_one(InterviewList)
        if not (main.detail and interview(main.detail) and any(wanted(a) for a in main.detail.actions)):
            interviews.focus()
            await self.press("home")
            for _ in range(len(main.rows)):
                if main.detail and interview(main.detail) and any(wanted(a) for a in main.detail.actions):
                    break
                await self.press("j")
        checklist = main.query_one(Checklist)
        checklist.focus()
        await self.press("home")
        for _ in range(checklist.cursor_count() + 1):
            ident = checklist.selected_action_id
            if ident is not None and wanted(next(a for a in main.detail.actions if a.id == ident)):
                return
            await self.press("j")
        raise AssertionError("no such action on the main screen")


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def sweep(db: Path, out: Path) -> Counter:
    """Every key of every screen and dialog on the app opened on `db`; returns the keys pressed per screen."""
    out.mkdir(parents=True, exist_ok=True)
    app = FollowupApp(db)
    run = Sweep(None, out)
    real_opener = mail_client.open_mailto
    mail_client.open_mailto = lambda url: run.urls.append(url) or True  # no mail program opens in a test
    try:
        await _sweep(app, run, db)
    finally:
        mail_client.open_mailto = real_opener
    return run.pressed


async def _sweep(app: FollowupApp, run: Sweep, db: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        run.pilot = pilot
        await settle(pilot)
        before = table_rows(db)  # after opening: an older file has been migrated by now
        if isinstance(app.screen, MainScreen):  # nothing due in this file: the review is one key away
            await run.press("t")
        review = run.shows("ReviewScreen", "opening the app")
        assert "Daily review" in review.query_one(ReviewList).border_title

        # 1. Reading only: the review, then the main screen in each pane, the palette.
        await run.keys_of(review, lambda: review.query_one(ReviewList).focus())
        await run.press("t")
        main = run.shows("MainScreen", "t on the review")
        run.swept.add(("ReviewScreen", "review"))  # swept above: t from here only checks it opens

        def history() -> str | None:  # h shows the history of the person on the card, if there is one
            return "HistoryScreen" if main.card.current else None

        def edit_person() -> str:
            return "PersonForm" if main.card.current else "InterviewForm"

        def delete_action() -> str | None:  # the method's own items cannot be deleted: d says so
            selected = main.checklist.selected_action_id
            action = next((a for a in main.detail.actions if a.id == selected), None)
            return "ConfirmScreen" if action is None or action.kind is Kind.CUSTOM else None

        panes = {
            InterviewList: {"edit": "InterviewForm", "delete": "ConfirmScreen", "history": history},
            PersonCardView: {"edit": edit_person, "delete": "ConfirmScreen"},
            Checklist: {"edit": "ActionForm", "delete": delete_action, "history": history},
        }
        main.query_one(InterviewList).focus()
        await run.press("home")
        for pane, opens in panes.items():
            await run.keys_of(main, lambda pane=pane: main.query_one(pane).focus(), skip={"export"}, opens=opens)

        # The templates: the list, then one template's text.
        async def template_form() -> None:
            await run.press("m")
            await run.press("enter")

        await template_form()
        run.shows("TemplateForm", "enter on the template list")
        await run.dialog("template form", main, template_form)
        await run.press("ctrl+p")
        run.shows("CommandPalette", "ctrl+p")
        await pilot.press(*"show every key")
        await settle(pilot)
        await run.press("enter")
        await settle(pilot)
        help_screen = run.shows("HelpScreen", "the palette's Show every key")
        assert "Main screen" in "".join(str(s.render()) for s in help_screen.query("Static"))
        await run.press("escape")
        assert app.screen is main
        assert changed(before, table_rows(db)) == {}, "reading keys wrote to the database"

        # 2. Export writes a file, not the database.
        await run.press("x")
        form = run.shows("ExportForm", "x")
        target = run.out / "everything.json"
        form.query_one("#path", Input).value = str(target)
        await run.press("ctrl+s")
        await settle(pilot)
        assert app.screen is main, type(app.screen).__name__
        assert '"interviews"' in target.read_text(encoding="utf-8")
        assert changed(before, table_rows(db)) == {}, "export wrote to the database"

        # 3. w: a thank-you, a letter and a call from the review; an item in the main checklist.
        drafted: set[int] = set()
        await run.press("t")
        for kind in (Kind.THANK_YOU_EMAIL, Kind.LETTER, Kind.CALL):
            await run.to_item(lambda item, kind=kind: item.kind is kind)
            review, item = app.screen, app.screen.selected
            await run.press("w")
            screen = run.shows("CallScriptScreen" if kind is Kind.CALL else "DraftScreen", f"w on a {kind.value}")
            if kind is Kind.CALL:
                await run.dialog("w", review, lambda: run.press("w"))
            else:
                drafted.add(item.id)
                await run.keys_of(screen, None, skip={"compare"})
                await run.press("escape")  # closes, keeping the draft
            assert app.screen is review
        await run.press("t")

        # In the checklist: a thank-you to one person, then to a colleague, compared with the first.
        def thanks(action) -> bool:
            return action.kind is Kind.THANK_YOU_EMAIL and action.id not in drafted

        def two_thanks(detail) -> bool:
            return sum(thanks(a) for a in detail.actions) >= 2

        first_of = None  # the interview of the first thank-you: the second is to a colleague there
        for _ in range(2):
            await run.to_action(thanks, two_thanks if first_of is None else (lambda d, first=first_of: d.id == first))
            first_of = main.detail.id
            drafted.add(main.query_one(Checklist).selected_action_id)
            await run.press("w")
            draft = run.shows("DraftScreen", "w in the checklist")
            assert draft.data.context.name in str(draft.query_one("#draft-heading").render())
            if draft.data.others:
                await run.press("ctrl+b")
                run.shows("CompareScreen", "ctrl+b in the draft")
                await run.dialog("ctrl+b", draft, lambda: run.press("ctrl+b"))
            await run.press("escape")
            assert app.screen is main
        wrote = changed(before, table_rows(db))
        assert set(wrote) <= {"action"}, wrote
        gone, new = wrote.get("action", (set(), set()))
        assert {row[0] for row in gone} == {row[0] for row in new} <= drafted  # only drafts were kept

        # 4. The keys that write, each undone by its pair: tick twice, + then -, review done then undo.
        await run.to_action(lambda a: a.state.value == "open" and a.kind is Kind.CUSTOM)
        ident = main.checklist.selected_action_id
        shown = lambda: next(a for a in main.detail.actions if a.id == ident)  # noqa: E731
        due = shown().due
        for key, state, days in (("space", "done", 0), ("space", "open", 0), ("plus", "open", 1), ("minus", "open", 0)):
            await run.press(key)
            assert (shown().state.value, (shown().due - due).days) == (state, days), key
        await run.press("d")
        run.shows("ConfirmScreen", "d on a to-do of your own")
        await run.press("n")
        assert app.screen is main and shown().state.value == "open"
        await run.press("t")
        # Not a card: "get card" ticks itself again when the card already has an email (as in the schema files).
        await run.to_item(lambda item: item.state.value == "open" and not item.is_call and item.kind is not Kind.CARD)
        review = app.screen
        ident, due = review.selected.id, review.selected.due
        steps = (("space", "done", False), ("u", "open", False), ("z", "open", True), ("u", "open", False))
        for key, state, moved in steps:
            await run.press(key)
            assert (review.items[ident].state.value, review.items[ident].due != due) == (state, moved), key
        await run.press("t")
        await pilot.press("q")
    assert app.return_code == 0
    # What stays written: the drafts that were opened, kept when each was closed.
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        columns = [row[1] for row in con.execute("PRAGMA table_info(action)")]
    after = changed(before, table_rows(db))
    assert set(after) <= {"action"}, after
    gone, new = after.get("action", (set(), set()))
    old_rows, new_rows = {row[0]: row for row in gone}, {row[0]: row for row in new}
    for ident, row in new_rows.items():
        differ = {name for name, a, b in zip(columns, old_rows[ident], row, strict=True) if a != b}
        assert differ == {"draft"}, (ident, differ, old_rows[ident], row)
    assert old_rows.keys() == new_rows.keys() <= drafted


@pytest.mark.parametrize("source", ["yesterday", OLDEST], ids=lambda s: Path(s).name)
async def test_every_key_of_every_screen_on_a_database_made_earlier(source, request, tmp_path):
    import shutil

    if source == "yesterday":
        db = request.getfixturevalue("yesterday_db")
    else:
        db = tmp_path / "data" / "followup.db"
        db.parent.mkdir(mode=0o700)
        shutil.copy2(source, db)
    pressed = await sweep(db, tmp_path / "out")
    print(f"{sum(pressed.values())} keys on {len(pressed)} screens and dialogs:", dict(sorted(pressed.items())))
    # every screen and dialog had its keys pressed
    for name in (
        "ReviewScreen",
        "MainScreen",
        "DraftScreen",
        "CallScriptScreen",
        "HistoryScreen",
        "ProfileForm",
        "TemplateList",
        "SettingsForm",
        "ExportForm",
        "ImportForm",
        "PersonForm",
        "StatusScreen",
        "HelpScreen",
        "StatsScreen",
        "CommandPalette",
        "CompareScreen",
        "DayForm",
        "NoteForm",
        "ConfirmScreen",
    ):
        assert pressed[name] > 0, f"no key pressed on {name}: {sorted(pressed)}"


# ---- The crashes of issue 11: each key pressed before anything is written since the app started ----


async def first_screen(pilot) -> Sweep:
    await settle(pilot)
    run = Sweep(pilot, Path())
    run.shows("ReviewScreen", "opening yesterday's database")
    return run


async def test_w_on_a_thank_you_due_today_in_the_review_opens_its_draft(yesterday_db):
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        run = await first_screen(pilot)
        await run.to_item(lambda item: item.kind is Kind.THANK_YOU_EMAIL and item.due == clock.today())
        person = app.screen.selected.person
        await run.press("w")
        draft = run.shows("DraftScreen", "w on a thank-you due today")
        assert person in str(draft.query_one("#draft-heading").render())
        assert f"Dear {person.split()[0]}," in draft.query_one(DraftEditor).text


async def test_w_in_the_main_checklist_opens_the_draft(yesterday_db):
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        run = await first_screen(pilot)
        await run.press("t")
        main = run.shows("MainScreen", "t")
        await run.to_action(lambda action: action.kind is Kind.THANK_YOU_EMAIL)
        action = next(a for a in main.detail.actions if a.id == main.checklist.selected_action_id)
        await run.press("w")
        draft = run.shows("DraftScreen", "w in the checklist")
        assert action.person_name and action.person_name in str(draft.query_one("#draft-heading").render())
        assert f"Dear {action.person_name.split()[0]}," in draft.query_one(DraftEditor).text


async def test_w_on_a_call_shows_the_call_script(yesterday_db):
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        run = await first_screen(pilot)
        await run.to_item(lambda item: item.kind is Kind.CALL)
        person = app.screen.selected.person
        await run.press("w")
        script = run.shows("CallScriptScreen", "w on a call")
        text = "".join(str(widget.render()) for widget in script.query("Static"))
        assert f"Call {person}" in text and "If they answer" in text and "If you reach voicemail" in text


async def test_x_then_ctrl_s_exports_to_the_file(yesterday_db, tmp_path):
    target = tmp_path / "contacts.vcf"
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=SIZE) as pilot:
        run = await first_screen(pilot)
        await run.press("t")
        main = run.shows("MainScreen", "t")
        await run.press("x")
        form = run.shows("ExportForm", "x")
        form.query_one("#path", Input).value = str(target)
        await run.press("ctrl+s")
        await settle(pilot)
        assert app.screen is main
        person = main.card.current.name
    text = target.read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCARD") and f"FN:{person}" in text


async def test_ctrl_e_where_the_terminal_cannot_hand_over_says_so_and_keeps_the_draft(yesterday_db):
    app = FollowupApp(yesterday_db)  # run_test's terminal cannot suspend, like textual serve's
    async with app.run_test(size=SIZE) as pilot:
        run = await first_screen(pilot)
        await run.to_item(lambda item: item.kind is Kind.THANK_YOU_EMAIL)
        await run.press("w")
        draft = run.shows("DraftScreen", "w")
        text = draft.query_one(DraftEditor).text
        await run.press("ctrl+e")
        assert app.screen is draft and draft.query_one(DraftEditor).text == text
        assert any("cannot hand over" in message for message in notifications(app))


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_the_capture_form_and_help_keep_their_keys_line_on_screen(yesterday_db, size):
    """The fields scrolled past the dialog's bottom edge, hiding 'ctrl+s save · escape cancel'."""
    app = FollowupApp(yesterday_db)
    async with app.run_test(size=size) as pilot:
        run = await first_screen(pilot)
        await run.press("t")
        for key, name in (("c", "PersonForm"), ("question_mark", "HelpScreen")):
            await run.press(key)
            dialog = run.shows(name, key)
            keys = dialog.query_one(".dialog-keys", Label)
            assert keys.region.bottom <= dialog.query_one(".dialog").content_region.bottom, keys.region
            await run.press("escape")
