"""Public API of the configuration app for writes: the one write path of the settings pages,
every change of policy data audited with what it was and what it became."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from weerbaar.accounts.models import User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.configuration.accounts import account_create, account_update  # noqa: F401
from weerbaar.configuration.sections import Section
from weerbaar.warehouse.models import RuleSetting
from weerbaar.warehouse.rules import Rule


def _values(instance, names) -> dict:
    found = {}
    for name in names:
        value = getattr(instance, name)
        found[name] = (
            value if isinstance(value, (bool, int, float, list, dict)) else str(value or "")
        )
    return found


@transaction.atomic
def setting_save(*, actor: User, section: Section, instance, data: dict):
    """Create (``instance`` without a primary key) or change one row of ``section``."""
    creating = instance.pk is None
    data = dict(data)
    if not creating:
        instance = section.model.objects.select_for_update().get(pk=instance.pk)
        for name in section.fixed_after_create:
            data.pop(name, None)
    names = list(data)
    old = {} if creating else _values(instance, names)
    for name, value in data.items():
        setattr(instance, name, value)
    instance.full_clean()
    instance.save()
    audit_record(
        actor=actor,
        action=AuditAction.CONFIG_CHANGED,
        obj=instance,
        old=old,
        new=_values(instance, names),
        extra={"section": section.slug, "created": creating},
    )
    return instance


@transaction.atomic
def setting_remove(*, actor: User, section: Section, instance) -> None:
    if not section.can_remove:
        raise ValidationError(_("Rows of this kind cannot be removed; set them out of use."))
    old = _values(instance, [f.name for f in section.model._meta.concrete_fields])
    audit_record(
        actor=actor,
        action=AuditAction.CONFIG_REMOVED,
        obj=instance,
        old=old,
        extra={"section": section.slug},
    )
    try:
        instance.delete()
    except ProtectedError:
        raise ValidationError(_("This row is still in use and cannot be removed.")) from None


@transaction.atomic
def thresholds_save(*, actor: User, rule: Rule, values: dict) -> RuleSetting:
    """The municipality's own thresholds of ``rule``: a value equal to the standard or left
    empty is the standard again."""
    params = {
        name: value
        for name, value in values.items()
        if value not in (None, "") and value != rule.params.get(name)
    }
    setting = RuleSetting.objects.select_for_update().filter(rule=rule.code).first()
    old = dict(setting.params) if setting else {}
    setting = setting or RuleSetting(rule=rule.code)
    setting.params = params
    if params:
        setting.full_clean()
        setting.save()
    audit_record(
        actor=actor,
        action=AuditAction.CONFIG_CHANGED,
        obj=setting if setting.pk else None,
        old={"params": old},
        new={"params": params},
        extra={"section": "drempels", "rule": rule.code},
    )
    if not params and setting.pk:
        setting.delete()  # nothing of its own left: the standard again
    return setting
