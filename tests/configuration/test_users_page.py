"""Users and roles on the settings pages, with the four-eyes rule for privileged roles (#14)."""

import pytest
from django.urls import reverse

from tests.factories import TeamFactory, UserFactory, login
from weerbaar.accounts.models import RoleGrantRequest, User
from weerbaar.audit.models import AuditRecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_beheerder(db):
    return UserFactory(username="beheerder2", roles=["beheerder"], is_staff=True)


def _new(client, team, **extra):
    data = {
        "username": "j.devries",
        "first_name": "Jan",
        "last_name": "de Vries",
        "email": "j.devries@weerdam.nl",
        "roles": ["medewerker"],
        "teams": [team.pk],
        "password": "Lange-zin-voor-de-eerste-keer-42",
        **extra,
    }
    return client.post(reverse("configuration:user_create"), data)


def test_an_account_is_made_and_a_privileged_role_waits_for_a_second_person(
    beheerder, second_beheerder
):
    team = TeamFactory(name="Handhaving")
    client = login(beheerder)
    _new(client, team, roles=["medewerker", "regisseur"])
    account = User.objects.get(username="j.devries")
    assert account.role_names() == {"medewerker"}
    assert set(account.teams.all()) == {team}
    grant = RoleGrantRequest.objects.get(user=account, role="regisseur", status="pending")
    page = client.get(reverse("configuration:users")).content.decode()
    assert "Rolverzoeken die wachten op een tweede persoon" in page
    # the one who asked cannot approve
    client.post(reverse("configuration:grant", args=[grant.uuid]), {"decision": "approve"})
    assert account.role_names() == {"medewerker"}
    login(second_beheerder).post(
        reverse("configuration:grant", args=[grant.uuid]), {"decision": "approve"}
    )
    assert account.role_names() == {"medewerker", "regisseur"}
    actions = set(AuditRecord.objects.values_list("action", flat=True))
    assert {
        "accounts.user_created",
        "accounts.team_member_added",
        "accounts.role_grant_requested",
        "accounts.role_grant_approved",
    } <= actions


def test_a_taken_user_name_and_a_weak_password_are_refused(beheerder):
    team = TeamFactory()
    client = login(beheerder)
    weak = _new(client, team, password="welkom").content.decode()
    assert "wachtwoord" in weak.lower() and not User.objects.filter(username="j.devries").exists()
    _new(client, team)
    taken = _new(client, team, username="J.DeVries").content.decode()
    assert "Deze gebruikersnaam is al in gebruik" in taken


def test_details_teams_and_roles_change_and_a_deactivation_needs_confirmation(beheerder):
    old_team, new_team = TeamFactory(name="Oud"), TeamFactory(name="Nieuw")
    account = UserFactory(username="piet", roles=["medewerker", "regisseur"], teams=[old_team])
    client = login(beheerder)
    url = reverse("configuration:user", args=[account.uuid])
    client.post(
        url,
        {
            "first_name": "Piet",
            "last_name": "Pieters",
            "roles": ["medewerker"],
            "teams": [new_team.pk],
        },
    )
    account.refresh_from_db()
    assert account.last_name == "Pieters" and account.role_names() == {"medewerker"}
    assert set(account.teams.all()) == {new_team}
    changed = AuditRecord.objects.get(action="accounts.user_changed")
    assert changed.changes["new"]["last_name"] == "Pieters"
    assert AuditRecord.objects.filter(action="accounts.team_member_removed").count() == 1
    client.post(reverse("configuration:user_active", args=[account.uuid]))
    account.refresh_from_db()
    assert account.is_active
    client.post(reverse("configuration:user_active", args=[account.uuid]), {"confirm": "on"})
    account.refresh_from_db()
    assert not account.is_active


def test_only_the_beheerder_manages_users(regisseur, fg, medewerker):
    for user in (regisseur, fg, medewerker):
        assert login(user).get(reverse("configuration:users")).status_code == 404
        assert (
            login(user).get(reverse("configuration:user", args=[medewerker.uuid])).status_code
            == 404
        )
