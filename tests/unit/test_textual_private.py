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
