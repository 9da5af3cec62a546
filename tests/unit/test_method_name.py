"""Text shown to the user calls the method "the method": never "the seed" (the spec's file name)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import followup_tui

PACKAGE = Path(followup_tui.__file__).parent
SEED = re.compile(r"\bseed", re.IGNORECASE)


def user_strings(path: Path) -> list[tuple[int, str]]:
    """Every string literal of a module that is not a docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def test_no_user_visible_string_says_seed():
    found = [
        f"{path.relative_to(PACKAGE)}:{line}: {text!r}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line, text in user_strings(path)
        if SEED.search(text)
    ]
    assert found == []


def test_readme_does_not_say_seed():
    readme = PACKAGE.parent / "README.md"
    assert not SEED.search(readme.read_text(encoding="utf-8"))
