"""Model fields of the compartments: text encrypted at field level (``core.crypto``)."""

from django.core.exceptions import FieldError
from django.db import models

from weerbaar.core import crypto


class EncryptedTextField(models.TextField):
    """Text stored encrypted under the current key, with its column as associated data.

    It cannot be searched or compared in the database (the same text encrypts differently
    every time), so every lookup but ``isnull`` is refused instead of silently finding
    nothing."""

    def contribute_to_class(self, cls, name, *args, **kwargs):
        super().contribute_to_class(cls, name, *args, **kwargs)
        self.context = f"{cls._meta.label_lower}.{name}"

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return crypto.decrypt(value, context=self.context)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return crypto.encrypt(value, context=self.context)

    def get_lookup(self, lookup_name):
        if lookup_name != "isnull":
            raise FieldError(f"{self.context} is encrypted and cannot be searched")
        return super().get_lookup(lookup_name)


def encrypted_fields():
    """(model, field) of every encrypted column of the installed apps."""
    from django.apps import apps

    return [
        (model, field)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, EncryptedTextField)
    ]
