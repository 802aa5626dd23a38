"""Sharing a case with a partner: a legal basis and a weighing per share, and ending it (P20)."""

import pytest
from django.urls import reverse

from tests.factories import TeamFactory, login
from weerbaar.accounts.models import Share
from weerbaar.accounts.services import team_add_member
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.models import AuditRecord
from weerbaar.cases import services
from weerbaar.cases.models import CaseType, PartnerShare

pytestmark = pytest.mark.django_db

WEIGHED = {
    "purpose": "RIEC-casus",
    "legal_basis": "RIEC-convenant 2024",
    "proportional": "on",
    "proportionality_text": "Alleen de kop van de casus, voor de RIEC-analyse.",
    "subsidiary": "on",
    "subsidiarity_text": "Zonder de kop kan het RIEC de casus niet bespreken.",
}


@pytest.fixture
def partner_team(ketenpartner):
    team = TeamFactory(name="RIEC Oost-Nederland", is_external=True)
    team_add_member(actor=None, team=team, user=ketenpartner)
    return team


@pytest.fixture
def case(regisseur, other_team):
    return services.case_open(
        actor=regisseur,
        case_type=CaseType.objects.get(code="hennep-sluiting"),
        title="Loodsweg 3",
        owner_team=other_team,
    )


def _share(client, case, **data):
    return client.post(reverse("cases:share", args=[case.uuid]), data)


def test_a_share_without_a_passing_weighing_shares_nothing(
    regisseur, ketenpartner, case, partner_team
):
    client = login(regisseur)
    unweighed = _share(
        client, case, team=partner_team.pk, **{**WEIGHED, "proportional": "", "subsidiary": ""}
    ).content.decode()
    assert "Deel alleen als de inbreuk op de privacy in verhouding staat tot het doel." in unweighed
    assert (
        "Deel alleen als het doel niet met minder ingrijpende middelen te bereiken is." in unweighed
    )
    short = _share(client, case, team=partner_team.pk, **{**WEIGHED, "subsidiarity_text": "kort"})
    assert "Zorg dat deze waarde ten minste 10 tekens bevat" in short.content.decode()
    assert not Share.objects.filter(object_uuid=case.uuid).exists()
    assert not PartnerShare.objects.exists()
    assert login(ketenpartner).get(reverse("cases:detail", args=[case.uuid])).status_code == 404


def test_a_weighed_share_is_recorded_shown_and_ended(regisseur, ketenpartner, case, partner_team):
    client = login(regisseur)
    response = _share(client, case, team=partner_team.pk, **WEIGHED)
    assert response.status_code == 302
    weighing = PartnerShare.objects.get(case=case)
    assert (
        weighing.share.team == partner_team and weighing.share.legal_basis == "RIEC-convenant 2024"
    )
    assert weighing.recorded_by == regisseur
    row = AuditRecord.objects.get(action=AuditAction.SHARE_GRANTED, object_id=str(case.uuid))
    assert row.changes["new"]["subsidiarity"] == WEIGHED["subsidiarity_text"]
    assert row.changes["new"]["legal_basis"] == "RIEC-convenant 2024"
    partner = login(ketenpartner)
    assert partner.get(reverse("cases:detail", args=[case.uuid])).status_code == 200

    page = client.get(reverse("cases:detail", args=[case.uuid])).content.decode()
    assert "RIEC Oost-Nederland" in page and WEIGHED["proportionality_text"] in page
    twice = _share(client, case, team=partner_team.pk, **WEIGHED).content.decode()
    assert "De casus is al gedeeld met deze partner." in twice

    ended = client.post(
        reverse("cases:share_stop", args=[case.uuid]), {"share": weighing.share.uuid}
    )
    assert ended.status_code == 302
    assert partner.get(reverse("cases:detail", args=[case.uuid])).status_code == 404
    assert (
        AuditRecord.objects.filter(action=AuditAction.SHARE_ENDED, object_id=str(case.uuid)).count()
        == 1
    )
    again = client.post(
        reverse("cases:share_stop", args=[case.uuid]), {"share": weighing.share.uuid}
    ).content.decode()
    assert "Dit delen bestaat niet of is al beëindigd." in again
    assert (
        AuditRecord.objects.filter(action=AuditAction.SHARE_ENDED, object_id=str(case.uuid)).count()
        == 1
    )
    page = client.get(reverse("cases:detail", args=[case.uuid])).content.decode()
    assert str(weighing.share.uuid) not in page
