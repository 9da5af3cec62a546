"""Every private Textual name the code relies on, in one list: when a Textual release drops or renames
one, this fails naming the name and what needs it, instead of a key misbehaving at run time."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# (module, class or None for a module attribute, name): who needs it, and for what.
PRIVATE = {
    (
        "textual.app",
        "App",
        "_handle_exception",
    ): "tui/app.py FollowupApp: Textual's hook for an error no handler caught (a failed worker: reported, not fatal)",
    ("textual.app", "App", "_display"): "benchmarks: a spy on the frames each key causes",
    (
        "textual.widget",
        "Widget",
        "_scroll_update",
    ): "tui/widgets/cursor_list.py: heights changed in place, without a screen layout",
    (
        "textual.widgets._text_area",
        "TextArea",
        "_build_highlight_map",
    ): "tui/widgets/draft_editor.py: misspelt words and placeholders highlighted in the draft",
    (
        "textual.widgets._footer",
        "Footer",
        "_bindings_ready",
    ): "tui/widgets/footer.py KeyFooter: recompose only when the keys shown change",
    (
        "textual.widgets._footer",
        None,
        "FooterKey",
    ): "tui/widgets/footer.py: the footer's key widget, not exported by textual.widgets",
}


@pytest.mark.parametrize(("module", "owner", "name"), sorted(PRIVATE, key=str))
def test_each_private_textual_name_still_exists(module, owner, name):
    where = importlib.import_module(module)
    if owner is not None:
        where = getattr(where, owner)
    assert hasattr(where, name), (
        f"Textual no longer has {module}.{owner + '.' if owner else ''}{name}, which "
        f"{PRIVATE[module, owner, name]} relies on: replace that use, then drop it from this list."
    )


def _our_modules():
    for path in sorted([*ROOT.joinpath("followup_tui").rglob("*.py"), *ROOT.joinpath("benchmarks").glob("*.py")]):
        yield path, ".".join(path.relative_to(ROOT).with_suffix("").parts)


def test_the_code_uses_no_private_textual_name_outside_the_list():
    """The list stays complete: a new private name in the code fails here until it is listed."""
    listed = {(owner, name) for _, owner, name in PRIVATE}
    listed_modules = {(module, name) for module, owner, name in PRIVATE if owner is None}
    unlisted = []
    for path, dotted in _our_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("textual") and "._" in node.module:
                unlisted += [
                    f"{path.name}: from {node.module} import {a.name}"
                    for a in node.names
                    if (node.module, a.name) not in listed_modules
                ]
        if not dotted.startswith("followup_tui") or dotted.endswith("__main__"):
            continue  # benchmarks are scripts; __main__ runs the command when imported
        module = importlib.import_module(dotted)
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            obj = getattr(module, cls.name, None)
            if not inspect.isclass(obj):
                continue
            bases = [b for b in inspect.getmro(obj)[1:] if b.__module__.startswith("textual")]
            for node in ast.walk(cls):
                name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "name", None)
                if not isinstance(node, ast.Attribute | ast.FunctionDef | ast.AsyncFunctionDef):
                    continue
                if not name.startswith("_") or name.startswith("__"):
                    continue
                owner = next((b for b in bases if name in vars(b)), None)
                if owner is not None and not any((b.__name__, name) in listed for b in inspect.getmro(owner)):
                    unlisted.append(f"{path.name} {cls.name}: {owner.__qualname__}.{name}")
    assert not unlisted, "private Textual names used but not listed in PRIVATE: " + "; ".join(sorted(set(unlisted)))


# The private Textual names the tests read, all through tests/onscreen.py: (class, name): what for.
TEST_PRIVATE = {
    ("App", "_notifications"): "onscreen.notifications: the toasts shown",
    ("App", "_driver"): "onscreen.send_key: a key queued as the terminal sends it",
    ("App", "_exception"): "onscreen.app_error: the exception that stopped the app",
    ("Screen", "_compositor"): "onscreen.screen_lines: the screen as composed for the terminal",
    ("MessagePump", "_message_queue"): "onscreen.quick_press: whether a widget has handled its key",
    ("Pilot", "_wait_for_screen"): "onscreen.quick_press: the screen's messages processed",
    ("textual.widgets._footer", "FooterKey"): "onscreen.footer_keys: the footer's key widgets",
}
TESTS = ROOT / "tests"


def _textual_instance_names() -> set[str]:
    """Private names Textual's app, screen, widget and pilot objects carry (class or instance)."""
    from textual.app import App
    from textual.pilot import Pilot
    from textual.screen import Screen
    from textual.widget import Widget

    names = set()
    for cls in (App, Screen, Widget, Pilot):
        for base in inspect.getmro(cls):
            if base.__module__.startswith("textual"):
                names |= set(vars(base))
    names |= set(vars(App())) | set(vars(Screen())) | set(vars(Widget()))
    return {name for name in names if name.startswith("_") and not name.startswith("__")}


def test_each_private_textual_name_the_tests_read_still_exists():
    from textual.app import App
    from textual.pilot import Pilot
    from textual.screen import Screen

    owners = {
        "App": App(),
        "Screen": Screen(),
        "MessagePump": Screen(),
        "Pilot": Pilot,
        "textual.widgets._footer": importlib.import_module("textual.widgets._footer"),
    }
    gone = [
        f"{owner}.{name} ({why})" for (owner, name), why in TEST_PRIVATE.items() if not hasattr(owners[owner], name)
    ]
    assert not gone, "Textual no longer has: " + "; ".join(gone) + ". Change tests/onscreen.py, then this list."


def test_the_tests_read_private_textual_names_only_through_onscreen():
    """A private Textual name in a test file fails here: it belongs in tests/onscreen.py, listed above."""
    private = _textual_instance_names()
    ours = {"_poll_other_copies", "_ahead", "_replace", "_schema_v1"}  # our own names, and namedtuple's
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        if path.name in ("onscreen.py", "test_textual_private.py") or "data" in path.relative_to(TESTS).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in private and node.attr not in ours:
                found.append(f"{path.relative_to(TESTS)}:{node.lineno} .{node.attr}")
            if isinstance(node, ast.ImportFrom) and "._" in (node.module or "") and node.module.startswith("textual"):
                found.append(f"{path.relative_to(TESTS)}:{node.lineno} from {node.module}")
    assert not found, "private Textual names outside tests/onscreen.py: " + ", ".join(found)
