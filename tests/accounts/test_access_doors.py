"""``may_see_any`` answers like ``visible_q(...).exists()``, door by door."""

import pytest

from tests.factories import UserFactory, make_person
from weerbaar.accounts.access import may_see_any, visible_q
from weerbaar.accounts.services import share_grant
from weerbaar.subjects.models import Subject

pytestmark = pytest.mark.django_db


def _both(user):
    args = {"model": Subject, "see_all_perm": None, "team_field": "owner_team"}
    return may_see_any(user, **args), Subject.objects.filter(visible_q(user, **args)).exists()


def test_every_door_agrees_with_visible_q(team, other_team, regisseur):
    member = UserFactory(username="lid", teams=[team])
    stranger = UserFactory(username="vreemde", teams=[other_team])
    assert _both(member) == (False, False)
    make_person("Anna de Vries", owner_team=team)
    assert _both(member) == (True, True)
    assert _both(stranger) == (False, False)
    shared = make_person("Bert Bakker", owner_team=None)
    share_grant(actor=regisseur, obj=shared, user=stranger, purpose="LIO")
    assert _both(stranger) == (True, True)
    stranger.is_active = False
    stranger.save()
    assert _both(stranger) == (False, False)
