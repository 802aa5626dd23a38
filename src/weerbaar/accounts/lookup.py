"""Fetching one object for a user: the one way every app's ``<entity>_get`` selector does it.

The caller passes a queryset already narrowed to what the user may see, so a hidden object
and a missing one take the same single query and leave the same trace: a *refused* audit row
(for a signed-in user) and Http404. A malformed id is a missing object, not a server error.
A found object leaves the app's *viewed* row, unless the caller says the read is part of a
larger one that is audited already.
"""

from uuid import UUID

from django.db.models import Model, QuerySet
from django.http import Http404

from weerbaar.accounts.access import is_active_user
from weerbaar.audit.constants import AuditAction, AuditResult
from weerbaar.audit.services import audit_record


def parse_uuid(value) -> UUID | None:
    """``value`` as a UUID, or None when it is not one (from a URL, a form or a query)."""
    if isinstance(value, UUID):
        return value
    try:
        return UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        return None


def parse_id(value) -> int | None:
    """``value`` as a positive database number, or None."""
    text = str(value)
    return int(text) if text.isdigit() and 0 < int(text) < 2**31 else None


def refuse(*, user, label: str, object_id="", request=None, subject: bool = False) -> None:
    """Record that ``user`` was refused an object of kind ``label``, then raise Http404."""
    if is_active_user(user):
        ident = str(object_id)[:64]
        audit_record(
            actor=user,
            action=AuditAction.ACCESS_DENIED,
            request=request,
            result=AuditResult.DENIED,
            subject_ref=ident if subject else "",
            extra={"object": label} if subject else {"object": label, "id": ident},
        )
    raise Http404


def visible_get(
    queryset: QuerySet,
    *,
    user,
    object_id,
    action: AuditAction | None,
    request=None,
    allowed: bool = True,
    field: str = "uuid",
    subject: bool = False,
    subject_of=None,
    parse=parse_uuid,
    **audit,
) -> Model:
    """The object of ``queryset`` whose ``field`` is ``object_id``, audited as ``action``.

    ``allowed`` False refuses even a found object (a rule beyond the queryset, such as
    "partners never read the file"), in the same way as a missing one. ``subject`` records
    the id as the subject reference, for objects that are subjects themselves;
    ``subject_of(found)`` gives it for an object about one subject (a screening's applicant),
    so the privacy officer finds the read by that person. Further
    keywords (``purpose``, ``subject_ref``, ``extra``) go to the viewed row. ``parse`` reads
    the id (``parse_id`` for a table keyed by number, such as policy data).
    """
    label = queryset.model._meta.label_lower
    ident = parse(object_id)
    # No user sees anything, whatever the queryset says (an owner filter on ``user.pk``
    # would otherwise match the objects without an owner).
    allowed = allowed and is_active_user(user)
    found = queryset.filter(**{field: ident}).first() if ident and allowed else None
    if found is None:
        refuse(user=user, label=label, object_id=object_id, request=request, subject=subject)
    if action:
        if subject:
            audit.setdefault("subject_ref", found.uuid)
        elif subject_of:
            audit.setdefault("subject_ref", subject_of(found))
        audit_record(actor=user, action=action, obj=found, request=request, **audit)
    return found
