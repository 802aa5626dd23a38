from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse

from weerbaar.core.locking import is_stale

# A date field's widget: the browser's date picker, the value in ISO form so it shows again.
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

# What a 64-bit integer column holds; SQLite fails on a larger value instead of finding nothing.
_INT_RANGE = range(-(2**63), 2**63)


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, refusing an id beyond the database's integer range as an unknown
    choice (a crafted form value) instead of failing on it."""

    def _check_values(self, value):
        meta = self.queryset.model._meta
        key_field = meta.get_field(self.to_field_name) if self.to_field_name else meta.pk
        if isinstance(key_field, models.AutoField | models.IntegerField):
            for item in value:
                try:
                    out_of_range = int(str(item)) not in _INT_RANGE
                except ValueError:
                    continue  # Django's own check names it
                if out_of_range:
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": item},
                    )
        return super()._check_values(value)


def add_service_errors(form, exc: ValidationError) -> None:
    """Show a service's refusal on the form: field errors next to their field when the form
    has it, everything else at the top."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def form_submit(
    form,
    call: Callable[[dict], object],
    *,
    done: Callable[[object], HttpResponse],
    again: Callable[[object, int], HttpResponse],
) -> HttpResponse:
    """The one way a page submits a form to a service.

    A valid form's cleaned data goes to ``call`` (the service); what it returns goes to
    ``done``, which answers (usually a message and a redirect). Otherwise ``again(form,
    status)`` shows the page with the bound form, so what was typed is kept: status 200 for
    an invalid form or a refusal by the service (its Dutch message next to its field), 409
    Conflict when the page was out of date (``core.locking``).
    """
    if not form.is_valid():
        return again(form, 200)
    try:
        result = call(form.cleaned_data)
    except ValidationError as exc:
        add_service_errors(form, exc)
        return again(form, 409 if is_stale(exc) else 200)
    return done(result)


def attempt(request, call: Callable[[], object], success: str) -> bool:
    """The one way a button without a form calls a service: its refusal becomes an error
    message and its success the ``success`` message, for the page the caller redirects to."""
    try:
        call()
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return False
    messages.success(request, success)
    return True
