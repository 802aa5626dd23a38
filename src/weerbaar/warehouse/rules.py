"""Rules (attenderingen): parameterised SQL, one file per rule in ``rules/``.

Each file starts with comment lines a regisseur can read: ``name``, ``description``,
``params`` (defaults, overridable per municipality in the administration) and
``explanation`` (a template filled from each hit's columns and the parameters). The query
returns one row per hit with a ``key`` column (the object the hit is about). The rule's
version is the hash of its file, stored with every alert.
"""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

FOLDER = Path(__file__).resolve().parent / "rules"


@dataclass
class Rule:
    code: str
    name: str
    description: str
    explanation: str
    params: dict = field(default_factory=dict)
    sql: str = ""
    version: str = ""

    def explain(self, facts: dict, params: dict) -> str:
        values = {**params, **{k: ("" if v is None else v) for k, v in facts.items()}}
        return self.explanation.format(**values)


def _value(text: str):
    text = text.strip()
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            return text


def load(path: Path) -> Rule:
    sql = path.read_text(encoding="utf-8")
    header = {}
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        key, _sep, value = line[2:].partition(":")
        header[key.strip()] = value.strip()
    params = {}
    for pair in filter(None, (p.strip() for p in header.get("params", "").split(","))):
        name, _sep, value = pair.partition("=")
        params[name.strip()] = _value(value)
    return Rule(
        code=path.stem,
        name=header.get("name", path.stem),
        description=header.get("description", ""),
        explanation=header.get("explanation", ""),
        params=params,
        sql=sql,
        version=hashlib.sha256(sql.encode()).hexdigest()[:12],
    )


def all_rules() -> list[Rule]:
    return [load(path) for path in sorted(FOLDER.glob("*.sql"))]


def _type_problem(name: str, default, value) -> str | None:
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if isinstance(default, int | float) and not number:
        return _("%(name)s must be a number") % {"name": name}
    if isinstance(default, str) and not isinstance(value, str):
        return _("%(name)s must be text") % {"name": name}
    return None


def params_problem(rule: Rule, params: dict) -> str | None:
    """Why ``params`` cannot be the thresholds of ``rule`` (a name the rule does not
    declare, a value of the wrong kind), in the beheerder's words; None when they can."""
    if not isinstance(params, dict):
        return _('The thresholds must be names with values, like {"min_persons": 4}.')
    unknown = sorted(set(params) - set(rule.params))
    if unknown:
        return _("%(rule)s has no threshold %(names)s; it knows %(known)s.") % {
            "rule": rule.code,
            "names": ", ".join(unknown),
            "known": ", ".join(sorted(rule.params)) or "-",
        }
    problems = (_type_problem(n, rule.params[n], v) for n, v in params.items())
    return next((p for p in problems if p), None)
