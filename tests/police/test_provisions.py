"""Recording, reading, correcting and destroying police information (SECURITY.md P20a, P42):
only for a purpose of the recorder's role, on a case they work on; encrypted at rest and
masked in the trail; a share of the case does not open it; a purpose of the regisseur alone
stays closed to the case team."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from tests.factories import CaseFactory, UserFactory, login, make_person
from weerbaar.accounts.services import share_grant
from weerbaar.audit.models import AuditRecord
from weerbaar.cases.services import case_link_subject, member_set
from weerbaar.core.locking import is_stale
from weerbaar.police import selectors, services
from weerbaar.police.models import Provision, Purpose

pytestmark = pytest.mark.django_db
CANARY = "Quorvaxpolitie"


@pytest.fixture
def case(regisseur, team):
    return CaseFactory(actor=regisseur, owner_team=team, title="Loodsweg 4")


def _record(actor, case, **extra):
    fields = {
        "purpose": Purpose.objects.get(code="sluiting"),
        "basis": "art16",
        "provided_by": "Politie eenheid Den Haag",
        "received_on": timezone.localdate(),
        "summary": f"{CANARY}: hennepkwekerij aangetroffen",
        "content": f"De rapportage van {CANARY} in twee alinea's.",
        "police_reference": "PL1500-2026-654321",
        **extra,
    }
    return services.provision_record(actor=actor, case=case, **fields)


def _raw(pk):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT summary, content, police_reference FROM police_provision WHERE id = %s", [pk]
        )
        return cursor.fetchone()


def test_the_information_is_encrypted_at_rest_and_masked_in_the_trail(regisseur, case):
    provision = _record(regisseur, case)
    raw = _raw(provision.pk)
    assert all(v.startswith("wbenc1:") for v in raw) and not any(CANARY in v for v in raw)
    assert Provision.objects.get(pk=provision.pk).summary.startswith(CANARY)
    trail = " ".join(
        str(r.changes) for r in AuditRecord.objects.filter(object_type="police.provision")
    )
    assert CANARY not in trail and "PL1500" not in trail and "[encrypted" in trail
    assert provision.reference.startswith("WPG")


def test_a_purpose_of_another_role_a_future_day_and_a_stranger_are_refused(behandelaar, case):
    member_set(actor=behandelaar, case=case, user=behandelaar, role="behandelaar")
    riec = Purpose.objects.get(code="riec-casus")
    with pytest.raises(ValidationError) as refused:
        _record(behandelaar, case, purpose=riec)
    assert "purpose" in refused.value.message_dict
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        _record(behandelaar, case, received_on=tomorrow)
    assert "received_on" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        _record(behandelaar, case, subject=make_person("Niet In De Zaak"))
    assert "subject" in refused.value.message_dict
    assert not Provision.objects.exists()


def test_a_user_outside_the_case_may_not_record(regisseur, other_team, case):
    stranger = UserFactory(roles=["behandelaar"], teams=[other_team])
    assert not selectors.may_record(stranger, case)
    with pytest.raises(ValidationError):
        _record(stranger, case)


def test_the_riec_purpose_is_for_the_regisseur_alone(regisseur, behandelaar, case):
    riec = _record(regisseur, case, purpose=Purpose.objects.get(code="riec-casus"))
    closure = _record(regisseur, case)
    assert set(selectors.provisions_visible_to(behandelaar)) == {closure}
    assert set(selectors.provisions_visible_to(regisseur)) == {riec, closure}
    page = login(behandelaar).get(reverse("police:detail", args=[riec.uuid]))
    assert page.status_code == 404


def test_a_share_of_the_case_does_not_open_it(regisseur, case, other_team):
    partner = UserFactory(roles=["behandelaar"], teams=[other_team])
    provision = _record(regisseur, case)
    share_grant(actor=regisseur, obj=case, user=partner, purpose="Afstemming aanpak")
    client = login(partner)
    assert client.get(reverse("cases:detail", args=[case.uuid])).status_code == 200
    panel = client.get(reverse("police:for_case", args=[case.uuid]))
    assert panel.status_code == 200 and provision.reference.encode() not in panel.content
    assert client.get(reverse("police:detail", args=[provision.uuid])).status_code == 404
    member_set(actor=regisseur, case=case, user=partner, role="behandelaar")
    assert client.get(reverse("police:detail", args=[provision.uuid])).status_code == 200


def test_a_stale_correction_is_refused_and_a_correction_is_versioned(regisseur, case):
    provision = _record(regisseur, case)
    services.provision_correct(
        actor=regisseur, provision=provision, version=0, summary="Gecorrigeerde samenvatting"
    )
    with pytest.raises(ValidationError) as stale:
        services.provision_correct(
            actor=regisseur, provision=provision, version=0, summary="Te laat"
        )
    assert is_stale(stale.value)
    current = Provision.objects.get(pk=provision.pk)
    assert (current.version, current.summary) == (1, "Gecorrigeerde samenvatting")
    changed = AuditRecord.objects.get(action="police.changed")
    assert set(changed.changes["new"]) == {"summary"}
    assert "Gecorrigeerde" not in str(changed.changes)


def test_destroying_needs_a_reason_and_the_trail_keeps_only_number_and_reason(regisseur, case):
    provision = _record(regisseur, case)
    with pytest.raises(ValidationError):
        services.provision_destroy(actor=regisseur, provision=provision, reason="  ")
    services.provision_destroy(actor=regisseur, provision=provision, reason="Doel bereikt.")
    assert not Provision.objects.exists()
    destroyed = AuditRecord.objects.get(action="police.destroyed")
    assert destroyed.purpose == "Doel bereikt." and CANARY not in str(destroyed.changes)
    assert destroyed.object_id == str(provision.uuid)


def test_the_case_team_records_reads_corrects_and_destroys_it_in_the_pages(behandelaar, case):
    member_set(actor=behandelaar, case=case, user=behandelaar, role="behandelaar")
    person = make_person("Piet Pander")
    case_link_subject(actor=behandelaar, case=case, subject=person, role="concerned")
    client = login(behandelaar)
    form = client.get(reverse("police:create", args=[case.uuid]))
    riec = Purpose.objects.get(code="riec-casus").name
    assert form.status_code == 200 and riec not in form.content.decode()
    data = {
        "purpose": Purpose.objects.get(code="sluiting").pk,
        "basis": "art16",
        "form": "report",
        "provided_by": "Politie Westland",
        "received_on": timezone.localdate().isoformat(),
        "summary": f"{CANARY} in de loods",
        "content": "",
        "police_reference": "",
        "subject": person.pk,
    }
    future = client.post(
        reverse("police:create", args=[case.uuid]),
        {**data, "received_on": (timezone.localdate() + timedelta(days=2)).isoformat()},
    )
    assert future.status_code == 200 and "in de toekomst" in future.content.decode()
    created = client.post(reverse("police:create", args=[case.uuid]), data)
    provision = Provision.objects.get()
    assert created.status_code == 302 and created.url == reverse(
        "police:detail", args=[provision.uuid]
    )
    detail = client.get(created.url).content.decode()
    assert CANARY in detail and "Piet Pander" in detail
    viewed = AuditRecord.objects.filter(action="police.viewed").get()
    assert viewed.subject_ref == str(person.uuid)
    panel = client.get(reverse("police:for_case", args=[case.uuid])).content.decode()
    assert provision.reference in panel
    edited = client.post(
        reverse("police:edit", args=[provision.uuid]),
        {**data, "summary": "Anders verwoord", "version": 0},
    )
    assert edited.status_code == 302
    assert Provision.objects.get().summary == "Anders verwoord"
    confirm = client.get(reverse("police:destroy", args=[provision.uuid]))
    assert confirm.status_code == 200 and provision.reference in confirm.content.decode()
    assert Provision.objects.exists()  # the confirmation page destroys nothing
    gone = client.post(reverse("police:destroy", args=[provision.uuid]), {"reason": "Onjuist"})
    assert gone.status_code == 302 and gone.url == reverse("cases:detail", args=[case.uuid])
    assert not Provision.objects.exists()


def test_the_list_finds_by_number_only_and_is_empty_for_a_new_user(regisseur, case, team):
    provision = _record(regisseur, case)
    other = _record(regisseur, CaseFactory(actor=regisseur, owner_team=team))
    client = login(regisseur)
    by_number = client.get(reverse("police:list"), {"q": provision.reference}).content.decode()
    assert provision.reference in by_number and other.reference not in by_number
    by_case = client.get(reverse("police:list"), {"q": case.reference}).content.decode()
    assert provision.reference in by_case and other.reference not in by_case
    by_text = client.get(reverse("police:list"), {"q": CANARY}).content.decode()
    assert provision.reference not in by_text
    newcomer = UserFactory(roles=["behandelaar"], teams=[])
    empty = login(newcomer).get(reverse("police:list"))
    assert empty.status_code == 200 and provision.reference not in empty.content.decode()


def test_the_beheerder_names_the_roles_of_a_purpose(beheerder, regisseur, behandelaar, case):
    provision = _record(regisseur, case)
    purpose = Purpose.objects.get(code="sluiting")
    client = login(beheerder)
    url = reverse("configuration:edit", args=["politie-doelen", purpose.pk])
    page = client.get(url).content.decode()
    assert 'value="behandelaar"' in page and 'value="ketenpartner"' not in page
    data = {"code": "sluiting", "name": purpose.name, "description": "", "active": "on"}
    partner = client.post(url, {**data, "roles": ["ketenpartner"]})
    assert partner.status_code == 200 and "geldige keuze" in partner.content.decode()
    assert Purpose.objects.get(pk=purpose.pk).roles == purpose.roles
    client.post(url, {**data, "roles": ["regisseur"]})
    assert Purpose.objects.get(pk=purpose.pk).roles == ["regisseur"]
    assert AuditRecord.objects.filter(action="configuration.changed").count() == 1
    assert not selectors.provisions_visible_to(behandelaar).filter(pk=provision.pk).exists()
    assert selectors.provisions_visible_to(regisseur).filter(pk=provision.pk).exists()


def test_a_correction_of_the_same_length_is_saved(regisseur, case):
    provision = _record(regisseur, case)
    summary = provision.summary
    typo = summary[:-1] + ("x" if summary[-1] != "x" else "y")
    services.provision_correct(actor=regisseur, provision=provision, version=0, summary=typo)
    assert Provision.objects.get().summary == typo and Provision.objects.get().version == 1


def test_a_provision_of_a_purpose_gone_out_of_use_can_still_be_corrected(regisseur, case):
    provision = _record(regisseur, case)
    Purpose.objects.filter(code="sluiting").update(active=False)
    client = login(regisseur)
    page = client.get(reverse("police:edit", args=[provision.uuid])).content.decode()
    assert "Sluiting van een woning of lokaal" in page
    services.provision_correct(
        actor=regisseur, provision=provision, version=0, summary="Opnieuw verwoord."
    )
    assert Provision.objects.get().summary == "Opnieuw verwoord."
    with pytest.raises(ValidationError):
        _record(regisseur, case)  # but no new information for it
