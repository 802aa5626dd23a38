from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from weerbaar.accounts.models import Team


def owner_team_for(actor, team: Team | None) -> Team:
    """The team that owns a new inspection or check: the chosen one, else the actor's first."""
    team = team or Team.objects.filter(memberships__user=actor).order_by("name").first()
    if team is None:
        raise ValidationError({"owner_team": _("Choose the team that owns this.")})
    return team
