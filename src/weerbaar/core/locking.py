"""Optimistic locking: a page carries the version of the row it showed, and a write made
from a page that is no longer current is refused, so nobody overwrites a colleague's change
unseen. The one helper every service uses; ``core.forms.form_submit`` turns its refusal
into 409 Conflict with what the user typed kept."""

from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet

STALE = "stale"


def lock_current(queryset: QuerySet, *, pk, version: int | None, message) -> Model:
    """The row ``pk`` of ``queryset``, locked until the transaction ends; refused with
    ``message`` when its ``version`` is no longer the one the page was made from (``None``:
    the caller does not check, e.g. a write that does not come from a versioned page)."""
    current = queryset.select_for_update().get(pk=pk)
    if version is not None and current.version != version:
        raise ValidationError(message, code=STALE)
    return current


def is_stale(exc: ValidationError) -> bool:
    """Whether a service refused because the page was out of date (see ``lock_current``)."""
    errors = (
        [e for errors in exc.error_dict.values() for e in errors]
        if hasattr(exc, "error_dict")
        else exc.error_list
    )
    return any(e.code == STALE for e in errors)
