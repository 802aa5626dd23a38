from django import forms
from django.core.exceptions import ValidationError
from django.db import models

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
