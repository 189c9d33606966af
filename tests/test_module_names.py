"""No module binds the same top-level name twice.

The engine is mostly module-level regexes and word lists; a second `_POINTS_BACK = ...`
further down silently replaces the first, and the questions the first one served are
answered differently without any error. Ruff flags a function defined twice, not a
constant, so this test does.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted(p for folder in ("bot", "ingest") for p in (ROOT / folder).rglob("*.py"))


def top_level_names(source: str) -> list[str]:
    """Names a module's own top-level statements bind (not those inside if/try blocks)."""
    names = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.append(node.name)
    return names


def test_a_name_bound_twice_is_found():
    assert top_level_names("A = 1\ndef f(): pass\nA = 2\n").count("A") == 2


def test_no_module_binds_a_name_twice():
    twice = []
    for path in MODULES:
        counts = Counter(top_level_names(path.read_text(encoding="utf-8")))
        twice += [f"{path.relative_to(ROOT)}: {name}" for name, n in counts.items() if n > 1]
    assert twice == []
