"""The architecture's rules as tests (STYLE.md: making the architecture executable)."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "weerbaar"
THIN = ("views.py", "api.py", "forms.py")


def _writes(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name = node.func.attr
            owner = node.func.value
            if name in ("save", "delete", "bulk_create", "update"):
                found.append(f"{path.name}:{node.lineno} .{name}()")
            if (
                name in ("get", "get_or_create", "create")
                and isinstance(owner, ast.Attribute)
                and owner.attr == "objects"
            ):
                found.append(f"{path.name}:{node.lineno} objects.{name}()")
    return found


@pytest.mark.parametrize("path", sorted(p for p in SRC.rglob("*.py") if p.name in THIN), ids=str)
def test_views_api_and_forms_do_not_write(path):
    """Writes go through services; reads through selectors."""
    assert _writes(path) == []


def test_every_app_documents_its_public_api():
    for app in ("audit", "accounts", "subjects"):
        for module in ("services.py", "selectors.py"):
            tree = ast.parse((SRC / app / module).read_text())
            assert "public api" in (ast.get_docstring(tree) or "").lower(), f"{app}/{module}"
