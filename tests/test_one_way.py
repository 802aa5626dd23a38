"""One way to do each thing (#13): no view writes its own try/except around a service, no
service locks a versioned row by hand. Views use core.forms.form_submit or attempt;
services use core.locking.lock_current."""

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "weerbaar"


def _handlers(path: Path, name: str) -> list[int]:
    tree = ast.parse(path.read_text())
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.ExceptHandler)
        and isinstance(node.type, ast.Name | ast.Tuple)
        and name in ast.unparse(node.type)
    ]


def test_no_view_catches_a_services_refusal_itself():
    found = [
        f"{path.relative_to(SRC)}:{line}"
        for path in sorted(SRC.glob("*/views.py"))
        for line in _handlers(path, "ValidationError")
    ]
    assert found == [], "use core.forms.form_submit (a form) or core.forms.attempt (a button)"


def test_no_service_checks_a_version_by_hand():
    found = [
        f"{path.relative_to(SRC)}"
        for path in sorted(SRC.glob("*/services.py"))
        if ".version != version" in path.read_text()
    ]
    assert found == [], "use core.locking.lock_current"
