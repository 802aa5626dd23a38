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
