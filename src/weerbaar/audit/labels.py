"""Names instead of model names and identifiers on the privacy officer's page.

A record keeps its object as ``app.model`` and an id (a UUID where the model has one); for the
rows of one page the objects are looked up by model in one query each and named the way the
product names them: by their number (``S-2026-0042``) where they have one, else their label.
The audit app imports no other app: the model is found by the label the record stores.
"""

from collections import defaultdict

from django.apps import apps
from django.contrib.auth import get_user_model


def _model(label: str):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def kind(label: str) -> str:
    """The Dutch name of the kind of object a record names (``signals.signal``: signaal)."""
    model = _model(label) if label else None
    return str(model._meta.verbose_name) if model else label


def _name(obj) -> str:
    for attribute in ("reference", "label"):
        value = getattr(obj, attribute, "")
        if value:
            return str(value)
    return str(obj)


def _objects(model, ids: set[str]) -> dict[str, str]:
    field = "uuid" if any(f.name == "uuid" for f in model._meta.fields) else "pk"
    clean = [i for i in ids if field == "uuid" or i.isdigit()]
    try:
        rows = model._default_manager.filter(**{f"{field}__in": clean})
        return {str(getattr(row, field)): _name(row) for row in rows[: len(clean)]}
    except (ValueError, TypeError):
        return {}


def describe(records) -> None:
    """Give each record ``object_kind``, ``object_label``, ``subject_label`` and ``actor_name``."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for record in records:
        if record.object_type and record.object_id:
            wanted[record.object_type].add(record.object_id)
        if record.subject_ref:
            wanted["subjects.subject"].add(record.subject_ref)
    names, kinds = {}, {}
    for label, ids in wanted.items():
        model = _model(label)
        if model is not None:
            kinds[label] = str(model._meta.verbose_name)
            names[label] = _objects(model, ids)
    usernames = {r.actor_username for r in records if r.actor_username}
    people = {
        u.username: u.get_full_name() or u.username
        for u in get_user_model().objects.filter(username__in=usernames)
    }
    for record in records:
        record.object_kind = kinds.get(record.object_type, record.object_type)
        record.object_label = names.get(record.object_type, {}).get(record.object_id, "")
        record.subject_label = names.get("subjects.subject", {}).get(record.subject_ref, "")
        record.actor_name = people.get(record.actor_username, "")
