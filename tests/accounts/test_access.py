"""Each need-to-know door on its own, on subjects as the first object kind."""

import pytest

from tests.factories import make_person
from weerbaar.accounts.services import share_grant
from weerbaar.subjects.selectors import subjects_visible_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden(other_team):
    return make_person("Henk Verborgen", owner_team=other_team)


def test_role_door_sees_everything(regisseur, hidden):
    assert hidden in subjects_visible_to(regisseur)


def test_no_role_no_team_no_share_sees_nothing(medewerker, hidden):
    assert hidden not in subjects_visible_to(medewerker)


def test_team_door(outsider, hidden):
    # The outsider has no role but belongs to the team that recorded the subject.
    assert hidden in subjects_visible_to(outsider)


def test_share_with_user(ketenpartner, regisseur, hidden):
    assert hidden not in subjects_visible_to(ketenpartner)
    share_grant(
        actor=regisseur, obj=hidden, user=ketenpartner, purpose="LIO", legal_basis="Convenant LIO"
    )
    assert hidden in subjects_visible_to(ketenpartner)


def test_share_with_team_reaches_members(ketenpartner, regisseur, hidden, team):
    share_grant(actor=regisseur, obj=hidden, team=team, purpose="LIO")
    assert hidden in subjects_visible_to(ketenpartner)


def test_expired_share_is_closed(ketenpartner, regisseur, hidden):
    from django.utils import timezone

    share_grant(
        actor=regisseur,
        obj=hidden,
        user=ketenpartner,
        purpose="LIO",
        legal_basis="Convenant LIO",
        expires_at=timezone.now() - timezone.timedelta(minutes=1),
    )
    assert hidden not in subjects_visible_to(ketenpartner)


def test_deactivated_and_anonymous_see_nothing(deactivated, hidden):
    from django.contrib.auth.models import AnonymousUser

    assert not subjects_visible_to(deactivated).exists()
    assert not subjects_visible_to(AnonymousUser()).exists()
    assert not subjects_visible_to(None).exists()


def test_revoked_role_takes_effect_at_once(regisseur, hidden):
    from weerbaar.accounts.models import User
    from weerbaar.accounts.services import user_set_roles

    user_set_roles(actor=None, user=regisseur, roles=[])
    assert hidden not in subjects_visible_to(User.objects.get(pk=regisseur.pk))


def test_query_count_is_flat_over_teams(django_assert_num_queries, ketenpartner):
    from tests.factories import TeamFactory
    from weerbaar.accounts.models import TeamMembership

    list(subjects_visible_to(ketenpartner)[:25])  # permission cache filled once per request
    counts = []
    for n in (1, 10, 100):
        for _ in range(n - ketenpartner.teams.count()):
            TeamMembership.objects.create(team=TeamFactory(), user=ketenpartner)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            list(subjects_visible_to(ketenpartner)[:25])
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1] == counts[2]
