"""The beheerder keeps kinds, partners and checklists; the counts against the yearly target."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from tests.factories import AddressCheckFactory, login
from tests.inspections.world import items_of, planned
from weerbaar.audit.models import AuditRecord
from weerbaar.inspections import selectors, services
from weerbaar.inspections.models import ChecklistItem, InspectionKind, PartnerKind

pytestmark = pytest.mark.django_db


def test_the_beheerder_changes_a_yearly_target_on_the_settings_page(beheerder, toezichthouder):
    client = login(beheerder)
    for slug in ("controlesoorten", "controlepartners", "controlechecklists"):
        assert client.get(reverse("configuration:section", args=[slug])).status_code == 200
    kind = InspectionKind.objects.get(code="integrale-controle")
    client.post(
        reverse("configuration:edit", args=["controlesoorten", kind.pk]),
        {
            "code": kind.code,
            "name": kind.name,
            "yearly_target": "24",
            "measure": "inspections",
            "active": "on",
        },
    )
    kind.refresh_from_db()
    assert kind.yearly_target == 24
    assert AuditRecord.objects.filter(action="configuration.changed").exists()
    assert (
        login(toezichthouder)
        .get(reverse("configuration:section", args=["controlesoorten"]))
        .status_code
        == 404
    )


def test_a_new_checklist_item_appears_for_its_partner(beheerder, toezichthouder, team):
    police = PartnerKind.objects.get(code="politie")
    login(beheerder).post(
        reverse("configuration:create", args=["controlechecklists"]),
        {"partner_kind": police.pk, "text": "Camera’s bij de ingang", "order": "9", "active": "on"},
    )
    assert ChecklistItem.objects.filter(partner_kind=police, text="Camera’s bij de ingang").exists()
    inspection = planned(toezichthouder, team)
    site = login(toezichthouder).get(reverse("inspections:site", args=[inspection.uuid]))
    assert "Camera’s bij de ingang" in site.content.decode()


def _progress(user):
    return {row.kind.code: row.done for row in selectors.progress(user=user)}


def test_counts_against_the_target_take_this_years_held_inspections_and_done_checks(
    toezichthouder, team
):
    today = timezone.localdate()
    with freeze_time(today.replace(month=1, day=1) - timedelta(days=3)):
        last_year = planned(toezichthouder, team)
        services.findings_record(
            actor=toezichthouder,
            inspection=last_year,
            partner=PartnerKind.objects.get(code="politie"),
            results={items_of("politie")[0]: ("in_order", "")},
        )
    for _n in range(2):
        held = planned(toezichthouder, team)
        services.inspection_close(actor=toezichthouder, inspection=held, outcome="none")
    planned(toezichthouder, team, days=5)  # planned, not held: does not count
    for outcome in ("correct", "incorrect"):
        check = AddressCheckFactory(actor=toezichthouder, owner_team=team)
        services.check_record(actor=toezichthouder, check=check, checked_on=today, outcome=outcome)
    AddressCheckFactory(actor=toezichthouder, owner_team=team)  # open: does not count
    assert _progress(toezichthouder) == {
        "integrale-controle": 2,
        "alcoholwet": 0,
        "brp-adrescontrole": 2,
    }
    row = next(
        r for r in selectors.progress(user=toezichthouder) if r.kind.code == "brp-adrescontrole"
    )
    assert row.share == 0 and row.kind.yearly_target == 1000


def test_counts_are_of_what_the_user_may_see(toezichthouder, outsider, team):
    held = planned(toezichthouder, team)
    services.inspection_close(actor=toezichthouder, inspection=held, outcome="none")
    assert _progress(outsider)["integrale-controle"] == 0
