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


# Apps without services or selectors of their own; a new app must have both or a reason here.
NO_PUBLIC_API = {
    "core": "shared building blocks every app imports directly",
    "demo": "the top tier: builds the demo municipality through the other apps' services",
}


def _apps() -> list[str]:
    return sorted(p.parent.name for p in SRC.glob("*/apps.py"))


def _module(app: str, name: str) -> Path | None:
    """``<app>/<name>.py``, or the ``__init__.py`` of ``<app>/<name>/`` once it is a package."""
    for path in (SRC / app / f"{name}.py", SRC / app / name / "__init__.py"):
        if path.exists():
            return path
    return None


def test_every_app_is_found():
    assert {"accounts", "cases", "signals", "warehouse"} <= set(_apps())


@pytest.mark.parametrize("app", [a for a in _apps() if a not in NO_PUBLIC_API])
def test_every_app_documents_its_public_api(app):
    for name in ("services", "selectors"):
        path = _module(app, name)
        assert path, f"{app} has no {name}"
        tree = ast.parse(path.read_text())
        assert "public api" in (ast.get_docstring(tree) or "").lower(), f"{app}/{name}"


def test_apps_without_a_public_api_have_none():
    for app in NO_PUBLIC_API:
        assert not (_module(app, "services") or _module(app, "selectors")), app


def _reaches_through_relations(path: Path) -> list[str]:
    return [
        f"{path.relative_to(SRC)}:{node.lineno}"
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Attribute) and node.attr == "related_model"
    ]


def test_no_app_reaches_another_apps_table_through_a_relation():
    """``Model.rel.related_model`` is an import in disguise: a lower app reaching a higher one's
    table escapes the import-linter contract. A higher app registers what it adds instead."""
    found = [hit for path in sorted(SRC.rglob("*.py")) for hit in _reaches_through_relations(path)]
    assert found == []


# Apps being split up (#13 item 5) that the checks below leave out until the split lands.
UNDER_REWORK: set[str] = set()


def _string_literals(path: Path) -> list[tuple[int, str]]:
    return [
        (node.lineno, node.value)
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


@pytest.mark.django_db
def test_permission_names_are_named_once_in_their_apps_constants():
    """A permission is spelled in one place, its app's ``constants.py``, and imported where it
    is checked, so a renamed permission cannot leave a check that silently refuses everyone."""
    from django.contrib.auth.models import Permission

    names = {
        f"{app}.{codename}"
        for app, codename in Permission.objects.values_list("content_type__app_label", "codename")
    }
    found = [
        f"{path.relative_to(SRC)}:{line} {value}"
        for path in sorted(SRC.rglob("*.py"))
        if path.name != "constants.py"
        and "migrations" not in path.parts
        and path.relative_to(SRC).parts[0] not in UNDER_REWORK
        for line, value in _string_literals(path)
        if value in names
    ]
    assert found == []


# Modules whose functions Django or huey finds by name or place, not by a reference in code.
FOUND_BY_THE_FRAMEWORK = {"views.py", "urls.py", "admin.py", "tasks.py", "apps.py", "settings.py"}
FOUND_BY_PLACE = {"migrations", "management", "templatetags"}
ROOT = SRC.parents[1]


def _public_functions(path: Path) -> list[str]:
    # A decorated function is registered by its decorator (a system check, a task).
    return [
        node.name
        for node in ast.parse(path.read_text()).body
        if isinstance(node, ast.FunctionDef)
        and not node.name.startswith("_")
        and not node.decorator_list
    ]


def _texts() -> list[str]:
    kinds = {".py", ".html", ".txt", ".js"}
    return [
        p.read_text(errors="ignore")
        for folder in ("src", "tests", "benchmarks")
        for p in (ROOT / folder).rglob("*")
        if p.suffix in kinds and p.is_file() and "__pycache__" not in p.parts
    ]


def test_no_public_function_is_unused():
    """A function nothing calls is a second way that nobody maintains; remove it."""
    import re

    texts = _texts()
    unused = [
        f"{path.relative_to(SRC)} {name}"
        for path in sorted(SRC.rglob("*.py"))
        if path.name not in FOUND_BY_THE_FRAMEWORK
        and not FOUND_BY_PLACE & set(path.parts)
        and path.relative_to(SRC).parts[0] not in UNDER_REWORK
        for name in _public_functions(path)
        if sum(len(re.findall(rf"\b{name}\b", text)) for text in texts) < 2
    ]
    assert unused == []


def _untyped_actors(path: Path) -> list[str]:
    return [
        f"{path.relative_to(SRC)}:{node.lineno} {node.name}"
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.FunctionDef)
        for arg in node.args.args + node.args.kwonlyargs
        if arg.arg == "actor" and arg.annotation is None
    ]


def test_every_service_types_its_actor():
    """``actor: User`` where a person must act, ``User | None`` where the system may."""
    modules = [
        p
        for p in sorted([*SRC.glob("*/services.py"), *SRC.glob("*/services/*.py")])
        if p.relative_to(SRC).parts[0] not in UNDER_REWORK
    ]
    assert modules
    assert [hit for path in modules for hit in _untyped_actors(path)] == []


def test_no_module_is_over_400_lines():
    """STYLE.md: split a module into a package by aggregate or screen before ~400 lines (#13)."""
    long = [
        f"{path.relative_to(SRC)}: {count}"
        for path in sorted(SRC.rglob("*.py"))
        if "migrations" not in path.parts and (count := len(path.read_text().splitlines())) > 400
    ]
    assert long == []
