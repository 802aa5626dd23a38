"""The deadlines of a case follow its team (registered with ``cases`` in ready()).

When a case moves to another team, the deadline rows of its interventions move to that team.
An intervention whose owner is not in the new team, with deadlines still open, moves with its
deadlines to the person the new team names; without one the move is refused, so no deadline
is left with someone who no longer sees the case.
"""

from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils.translation import gettext as _

from weerbaar.interventions.models import Deadline, Intervention


def deadlines_follow(*, case, team, owner=None) -> dict:
    """Move the case's deadlines to ``team``; returns what moved, for the case's audit row."""
    members = team.memberships.values("user_id")
    interventions = Intervention.objects.filter(case=case)
    stranded = interventions.exclude(owner_id__in=members).filter(deadlines__done=False).distinct()
    handed = list(stranded.values_list("pk", flat=True))
    if handed and owner is None:
        raise ValidationError(
            {
                "deadline_owner": _(
                    "Someone outside the new team owns open deadlines of this case: choose who "
                    "in the new team takes them over."
                )
            }
        )
    deadlines = Deadline.objects.filter(intervention__case=case)
    moved = deadlines.update(team=team)
    if handed:
        Intervention.objects.filter(pk__in=handed).update(owner=owner, version=F("version") + 1)
        deadlines.filter(intervention_id__in=handed).update(owner=owner)
    return {"deadlines_moved": moved, "deadlines_handed_to": owner.pk if handed else None}
