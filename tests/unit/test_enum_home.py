"""The enums have one home, followup_tui.kinds: no module takes them from the plan engine (or anywhere
else that merely uses them), so a reader and a type checker find each where it is defined."""

from __future__ import annotations

import ast
from pathlib import Path

import followup_tui.kinds
import followup_tui.plan

ROOT = Path(__file__).resolve().parents[2]
ENUMS = {name for name in vars(followup_tui.kinds) if not name.startswith("_")} - {"annotations", "StrEnum"}


def test_every_enum_is_imported_from_kinds():
    strays = []
    for folder in ("followup_tui", "tests", "benchmarks"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("followup_tui"):
                    taken = ENUMS & {alias.name for alias in node.names}
                    if taken and node.module != "followup_tui.kinds":
                        strays.append(
                            f"{path.relative_to(ROOT)}:{node.lineno} {', '.join(sorted(taken))} from {node.module}"
                        )
    assert not strays, "import these from followup_tui.kinds:\n" + "\n".join(strays)


def test_the_plan_engine_does_not_offer_the_enums():
    assert not ENUMS & set(followup_tui.plan.__all__)
