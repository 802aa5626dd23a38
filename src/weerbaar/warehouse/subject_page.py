"""The warehouse's alerts about a subject on its page (``core.subject_page``), for those who
review alerts."""

from functools import cache

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from weerbaar.core import subject_page
from weerbaar.warehouse.models import Alert
from weerbaar.warehouse.records import alert_keys
from weerbaar.warehouse.selectors import may_review, rule_catalogue


def _rows(subject, user):
    keys = alert_keys(subject) if may_review(user) else None
    if keys is None:
        return Alert.objects.none()
    return Alert.objects.filter(keys).order_by("-raised_at", "-id")


@cache
def _rule_names() -> dict[str, str]:
    return {code: rule.name for code, rule in rule_catalogue().items()}


def _entry(alert) -> subject_page.Entry:
    name = _rule_names().get(alert.rule)
    return subject_page.Entry(
        reference=name or alert.rule,
        title=alert.explanation,
        url=reverse("warehouse:alert", args=[alert.uuid]),
        day=timezone.localdate(alert.raised_at),
        status=alert.get_status_display(),
    )


def register() -> None:
    subject_page.register("warehouse", gettext_lazy("Alerts"), _rows, _entry, order=70)
