"""Four-eyes for privileged roles: one beheerder asks, another approves (SECURITY.md P23)."""

import pytest
from django.core.exceptions import ValidationError

from tests.factories import UserFactory
from weerbaar.accounts import services
from weerbaar.accounts.models import RoleGrantRequest
from weerbaar.audit.models import AuditRecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_beheerder(team):
    return UserFactory(username="beheerder2", roles=["beheerder"], teams=[team], is_staff=True)


@pytest.mark.parametrize("role", ["bibob_coordinator", "regisseur", "fg", "beheerder"])
def test_a_privileged_role_takes_effect_only_on_approval(
    role, beheerder, second_beheerder, medewerker
):
    grant = services.role_grant_request(actor=beheerder, user=medewerker, role=role)
    assert medewerker.role_names() == {"medewerker"}
    services.role_grant_approve(actor=second_beheerder, grant=grant)
    assert medewerker.role_names() == {"medewerker", role}
    actions = list(AuditRecord.objects.order_by("id").values_list("action", flat=True))
    assert actions[-2:] == ["accounts.role_grant_requested", "accounts.role_grant_approved"]
    approved = AuditRecord.objects.get(action="accounts.role_grant_approved")
    assert approved.changes["old"]["roles"] == ["medewerker"]
    assert approved.changes["new"]["roles"] == sorted(["medewerker", role])


def test_the_requester_cannot_approve_his_own(beheerder, medewerker):
    grant = services.role_grant_request(actor=beheerder, user=medewerker, role="regisseur")
    with pytest.raises(ValidationError):
        services.role_grant_approve(actor=beheerder, grant=grant)
    assert medewerker.role_names() == {"medewerker"}
    grant.refresh_from_db()
    assert grant.status == "pending"


def test_the_target_cannot_approve_a_grant_to_himself(beheerder, second_beheerder):
    grant = services.role_grant_request(actor=beheerder, user=second_beheerder, role="fg")
    with pytest.raises(ValidationError):
        services.role_grant_approve(actor=second_beheerder, grant=grant)
    assert second_beheerder.role_names() == {"beheerder"}


def test_only_a_beheerder_or_superuser_approves(beheerder, regisseur, medewerker):
    grant = services.role_grant_request(actor=beheerder, user=medewerker, role="fg")
    with pytest.raises(ValidationError):
        services.role_grant_approve(actor=regisseur, grant=grant)
    boss = UserFactory(username="baas", is_superuser=True, is_staff=True)
    services.role_grant_approve(actor=boss, grant=grant)
    assert "fg" in medewerker.role_names()


def test_nobody_asks_a_role_for_himself(beheerder):
    with pytest.raises(ValidationError):
        services.role_grant_request(actor=beheerder, user=beheerder, role="regisseur")
    assert not RoleGrantRequest.objects.exists()


def test_refused_request_grants_nothing(beheerder, second_beheerder, medewerker):
    grant = services.role_grant_request(actor=beheerder, user=medewerker, role="bibob_coordinator")
    services.role_grant_refuse(actor=second_beheerder, grant=grant)
    grant.refresh_from_db()
    assert grant.status == "refused" and medewerker.role_names() == {"medewerker"}
    with pytest.raises(ValidationError):
        services.role_grant_approve(actor=second_beheerder, grant=grant)
    assert AuditRecord.objects.filter(action="accounts.role_grant_refused").count() == 1


def test_the_same_request_is_not_pending_twice(beheerder, medewerker):
    services.role_grant_request(actor=beheerder, user=medewerker, role="regisseur")
    with pytest.raises(ValidationError):
        services.role_grant_request(actor=beheerder, user=medewerker, role="regisseur")


def test_set_roles_refuses_a_privileged_role_and_ones_own(beheerder, medewerker):
    with pytest.raises(ValidationError):
        services.user_set_roles(actor=beheerder, user=medewerker, roles=["bibob_coordinator"])
    with pytest.raises(ValidationError):
        services.user_set_roles(actor=beheerder, user=beheerder, roles=[])
    assert medewerker.role_names() == {"medewerker"}
    # Taking a privileged role away needs no second person.
    regisseur = UserFactory(username="r2", roles=["regisseur"])
    services.user_set_roles(actor=beheerder, user=regisseur, roles=[])
    assert regisseur.role_names() == set()


def test_only_a_superuser_sets_superuser(beheerder, medewerker):
    with pytest.raises(ValidationError):
        services.user_set_superuser(actor=beheerder, user=medewerker, value=True)
    medewerker.refresh_from_db()
    assert not medewerker.is_superuser
