"""Sharing an LIO item with the partners needs a passing weighing of the sharing phase and a
legal basis, recorded with the share; a share of anything with a partner names its legal
basis (P20)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import WEIGHING, AgendaItemFactory, SignalFactory, TeamFactory, login, weigh
from weerbaar.accounts.services import share_grant
from weerbaar.audit.models import AuditRecord
from weerbaar.meetings.services import item_share
from weerbaar.signals.services import weighing_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(db):
    return AgendaItemFactory()


def test_no_share_without_the_weighing_of_sharing(item, regisseur):
    weigh(item.signal, phase="case", actor=regisseur)  # another phase does not count
    with pytest.raises(ValidationError, match="afweging"):
        item_share(actor=regisseur, item=item, shared=True, legal_basis="Convenant LIO")
    weighing_record(
        actor=regisseur,
        signal=item.signal,
        phase="sharing",
        **{**WEIGHING, "proportional": False, "proportionality_text": "Te zwaar middel."},
    )
    with pytest.raises(ValidationError):
        item_share(actor=regisseur, item=item, shared=True, legal_basis="Convenant LIO")
    item.refresh_from_db()
    assert not item.shared_with_partners


def test_no_share_without_a_legal_basis(item, regisseur):
    weigh(item.signal, phase="sharing", actor=regisseur)
    with pytest.raises(ValidationError) as refused:
        item_share(actor=regisseur, item=item, shared=True, legal_basis="  ")
    assert "legal_basis" in refused.value.error_dict


def test_the_share_keeps_its_basis_and_the_trail_records_it(item, regisseur):
    weigh(item.signal, phase="sharing", actor=regisseur)
    item_share(actor=regisseur, item=item, shared=True, legal_basis="Convenant LIO, art. 4")
    item.refresh_from_db()
    assert item.shared_with_partners and item.share_basis == "Convenant LIO, art. 4"
    row = AuditRecord.objects.filter(action="meetings.agenda_changed").order_by("id").last()
    assert row.changes["new"]["legal_basis"] == "Convenant LIO, art. 4"
    item_share(actor=regisseur, item=item, shared=False)
    item.refresh_from_db()
    assert not item.shared_with_partners and item.share_basis == ""


def test_the_meeting_page_asks_the_basis(item, regisseur):
    client = login(regisseur)
    detail = reverse("meetings:detail", args=[item.meeting.uuid])
    share = reverse("meetings:item_share", args=[item.uuid])
    assert "Grondslag van het delen" in client.get(detail).content.decode()
    refused = client.post(share, {"shared": "1", "legal_basis": "Convenant"}, follow=True)
    assert "afweging" in refused.content.decode()
    weigh(item.signal, phase="sharing", actor=regisseur)
    client.post(share, {"shared": "1", "legal_basis": "Convenant LIO"})
    item.refresh_from_db()
    assert item.shared_with_partners
    assert "op grond van: Convenant LIO" in client.get(detail).content.decode()


def test_a_share_with_a_partner_names_its_basis(regisseur, ketenpartner, medewerker):
    signal = SignalFactory()
    partner = TeamFactory(name="Politie", is_external=True)
    for recipient in ({"team": partner}, {"user": ketenpartner}):
        with pytest.raises(ValidationError):
            share_grant(actor=regisseur, obj=signal, purpose="LIO", **recipient)
    share_grant(actor=regisseur, obj=signal, purpose="Collega", user=medewerker)
    share = share_grant(
        actor=regisseur, obj=signal, purpose="LIO", team=partner, legal_basis="Convenant"
    )
    assert share.legal_basis == "Convenant"
