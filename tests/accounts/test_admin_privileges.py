"""The user and role admin cannot be used to raise one's own or anyone's privileges alone."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from tests.factories import UserFactory, login
from weerbaar.accounts.models import RoleGrantRequest
from weerbaar.audit.models import AuditRecord

pytestmark = pytest.mark.django_db

SEE_AUDIT = ("audit", "view_auditrecord")


def _user_form(user, **changes) -> dict:
    """What the admin's change form of ``user`` posts back, with ``changes`` applied."""
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "organisation": user.organisation,
        "date_joined_0": user.date_joined.strftime("%d-%m-%Y"),
        "date_joined_1": user.date_joined.strftime("%H:%M:%S"),
        "groups": [g.pk for g in user.groups.all()],
        "_save": "1",
    }
    if user.is_active:
        data["is_active"] = "on"
    if user.is_staff:
        data["is_staff"] = "on"
    data.update(changes)
    return data


def _post_user(client, user, **changes):
    url = reverse("admin:accounts_user_change", args=[user.pk])
    return client.post(url, _user_form(user, **changes))


def _perm(app_label, codename) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _group_pks(*names) -> list[int]:
    return [Group.objects.get(name=n).pk for n in names]


def test_beheerder_cannot_make_himself_superuser(beheerder):
    _post_user(
        login(beheerder),
        beheerder,
        is_superuser="on",
        user_permissions=[_perm(*SEE_AUDIT).pk],
    )
    beheerder.refresh_from_db()
    assert not beheerder.is_superuser
    assert not beheerder.user_permissions.exists()
    assert not beheerder.has_perm("audit.view_auditrecord")


def test_beheerder_cannot_make_another_superuser_or_give_permissions(beheerder, medewerker):
    response = _post_user(
        login(beheerder),
        medewerker,
        is_superuser="on",
        user_permissions=[_perm(*SEE_AUDIT).pk],
    )
    assert response.status_code == 302  # the rest of the form was saved
    medewerker.refresh_from_db()
    assert not medewerker.is_superuser
    assert not medewerker.user_permissions.exists()


def test_beheerder_cannot_add_permissions_to_a_role(beheerder):
    group = Group.objects.get(name="beheerder")
    before = set(group.permissions.values_list("pk", flat=True))
    see_audit = _perm(*SEE_AUDIT)
    login(beheerder).post(
        reverse("admin:auth_group_change", args=[group.pk]),
        {"name": "beheerder", "permissions": [*before, see_audit.pk], "_save": "1"},
    )
    assert set(group.permissions.values_list("pk", flat=True)) == before
    beheerder = type(beheerder).objects.get(pk=beheerder.pk)  # no cached permissions
    assert not beheerder.has_perm("audit.view_auditrecord")


def test_beheerder_cannot_rename_a_role(beheerder):
    group = Group.objects.get(name="regisseur")
    login(beheerder).post(
        reverse("admin:auth_group_change", args=[group.pk]), {"name": "iedereen", "_save": "1"}
    )
    group.refresh_from_db()
    assert group.name == "regisseur"


def test_nobody_changes_their_own_roles(beheerder):
    _post_user(
        login(beheerder),
        beheerder,
        groups=_group_pks("beheerder", "regisseur", "bibob_coordinator", "medewerker"),
    )
    assert beheerder.role_names() == {"beheerder"}
    assert not RoleGrantRequest.objects.exists()


def test_superuser_does_not_change_his_own_roles_either(db):
    boss = UserFactory(username="baas", is_staff=True, is_superuser=True)
    _post_user(login(boss), boss, is_superuser="on", groups=_group_pks("medewerker"))
    assert boss.role_names() == set()


def test_privileged_role_in_the_admin_waits_for_a_second_person(beheerder, medewerker):
    response = _post_user(
        login(beheerder), medewerker, groups=_group_pks("medewerker", "bibob_coordinator")
    )
    assert response.status_code == 302
    assert medewerker.role_names() == {"medewerker"}
    pending = RoleGrantRequest.objects.get()
    assert (pending.user, pending.role, pending.requested_by) == (
        medewerker,
        "bibob_coordinator",
        beheerder,
    )
    assert pending.status == "pending"


def test_second_beheerder_approves_in_the_admin(beheerder, medewerker, team):
    _post_user(login(beheerder), medewerker, groups=_group_pks("medewerker", "regisseur"))
    pending = RoleGrantRequest.objects.get()
    changelist = reverse("admin:accounts_rolegrantrequest_changelist")
    action = {"action": "approve", "_selected_action": [pending.pk], "index": "0"}

    # The requester's own approval is refused and changes nothing.
    login(beheerder).post(changelist, action)
    assert medewerker.role_names() == {"medewerker"}

    second = UserFactory(username="beheerder2", roles=["beheerder"], teams=[team], is_staff=True)
    page = login(second).get(changelist)
    assert "Rol toekennen: verzoeken" in page.content.decode()
    assert "Geselecteerde verzoeken goedkeuren" in page.content.decode()
    login(second).post(changelist, action)
    assert medewerker.role_names() == {"medewerker", "regisseur"}
    pending.refresh_from_db()
    assert (pending.status, pending.decided_by) == ("approved", second)


def test_ordinary_role_in_the_admin_applies_at_once(beheerder, medewerker):
    _post_user(login(beheerder), medewerker, groups=_group_pks("toezichthouder"))
    assert medewerker.role_names() == {"toezichthouder"}
    assert not RoleGrantRequest.objects.exists()


def test_beheerder_cannot_change_a_superuser(beheerder):
    boss = UserFactory(username="baas", is_staff=True, is_superuser=True)
    client = login(beheerder)
    password_url = reverse("admin:auth_user_password_change", args=[boss.pk])
    response = client.post(
        password_url,
        {"password1": "overgenomen-wachtwoord-1", "password2": "overgenomen-wachtwoord-1"},
    )
    assert response.status_code in (403, 404)
    boss.refresh_from_db()
    assert not boss.check_password("overgenomen-wachtwoord-1")


def test_superuser_flip_is_in_the_audit_record(medewerker):
    boss = UserFactory(username="baas", is_staff=True, is_superuser=True)
    _post_user(login(boss), medewerker, is_superuser="on")
    medewerker.refresh_from_db()
    assert medewerker.is_superuser
    record = AuditRecord.objects.filter(
        action="accounts.superuser_changed", object_id=str(medewerker.uuid)
    ).get()
    assert record.changes["old"]["is_superuser"] is False
    assert record.changes["new"]["is_superuser"] is True
    admin_record = AuditRecord.objects.filter(
        action="accounts.admin_change", object_id=str(medewerker.uuid)
    ).get()
    assert admin_record.changes["old"]["is_superuser"] is False
    assert admin_record.changes["new"]["is_superuser"] is True
