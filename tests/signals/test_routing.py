"""Routing rules propose the team and analyst of a signal by phenomenon and area (#14)."""

import pytest
from django.urls import reverse

from tests.factories import SignalFactory, TeamFactory, UserFactory, login, make_address
from weerbaar.audit.models import AuditRecord
from weerbaar.signals.models import Phenomenon, RoutingRule, Signal
from weerbaar.signals.routing import proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def rules(db):
    drugs = Phenomenon.objects.create(code="drugs-test", name="Drugs (test)")
    general, centre, harbour = (TeamFactory(name=n) for n in ("Algemeen", "Centrum", "Haven"))
    analyst = UserFactory(
        username="analist", first_name="Anna", last_name="Lyse", roles=["regisseur"]
    )
    RoutingRule.objects.create(team=general, order=9)
    RoutingRule.objects.create(phenomenon=drugs, team=centre, analyst=analyst)
    RoutingRule.objects.create(phenomenon=drugs, area="6981", team=harbour)
    RoutingRule.objects.create(phenomenon=drugs, area="Weerdam", team=general, active=False)
    return drugs, general, centre, harbour, analyst


def test_the_most_specific_active_rule_proposes(rules):
    drugs, general, centre, harbour, _analyst = rules
    at_harbour = make_address("Havenweg", 7, postcode="6981AB", place="Weerdam")
    assert proposal(SignalFactory(phenomenon=drugs, address=at_harbour)).team == harbour
    assert proposal(SignalFactory(phenomenon=drugs, location_text="Dorpsstraat")).team == centre
    assert proposal(SignalFactory()).team == general


def test_the_regisseur_takes_over_the_proposal_on_the_signal_page(rules, regisseur):
    drugs, _general, centre, _harbour, analyst = rules
    signal = SignalFactory(phenomenon=drugs)
    client = login(regisseur)
    url = reverse("signals:detail", args=[signal.uuid])
    page = client.get(url).content.decode()
    assert "De routeringsregels stellen voor: team Centrum, analist Anna Lyse." in page
    stale = client.post(
        reverse("signals:route", args=[signal.uuid]), {"version": signal.version + 5}
    )
    assert Signal.objects.get(pk=signal.pk).owner_team != centre and stale.status_code == 302
    client.post(reverse("signals:route", args=[signal.uuid]), {"version": signal.version})
    signal.refresh_from_db()
    assert (signal.owner_team, signal.assigned_to) == (centre, analyst)
    record = AuditRecord.objects.get(action="signals.routed")
    assert record.object_id == str(signal.uuid)
    assert "staat al bij dit team" in client.get(url).content.decode()


def test_the_beheerder_keeps_the_rules_on_the_settings_page(beheerder, team):
    client = login(beheerder)
    client.post(
        reverse("configuration:create", args=["routering"]),
        {"area": "6982", "team": team.pk, "order": "1", "active": "on"},
    )
    rule = RoutingRule.objects.get()
    assert (rule.area, rule.team) == ("6982", team)
    listing = client.get(reverse("configuration:section", args=["routering"])).content.decode()
    assert "6982" in listing and "Routeringsregels" in listing
