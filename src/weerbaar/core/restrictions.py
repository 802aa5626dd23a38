"""Restriction of processing (AVG art. 18): while a data subject disputes the accuracy of
their data or objects, the FG restricts the processing of that subject, and the apps that
link a subject to new work (a signal, a case, a relation) refuse it. The privacy app keeps
the restrictions and registers the check here, since those apps may not import it."""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_checks: list[Callable[[int], bool]] = []


def register(check: Callable[[int], bool]) -> None:
    """``check(subject_pk)`` answers whether processing of that subject is restricted."""
    if check not in _checks:
        _checks.append(check)


def is_restricted(subject) -> bool:
    return any(check(subject.pk) for check in _checks)


def refuse_if_restricted(*subjects) -> None:
    """Refuse a new use of a subject whose processing is restricted, with a Dutch message."""
    for subject in subjects:
        if subject is not None and is_restricted(subject):
            raise ValidationError(
                _(
                    "The processing of %(label)s is restricted at the request of the person "
                    "concerned (AVG art. 18); it cannot be linked to new work. Ask the FG."
                )
                % {"label": subject.label},
                code="restricted",
            )
