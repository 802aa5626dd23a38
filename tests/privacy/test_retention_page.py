"""The retention page: the FG and the beheerder see terms, holds and the register; the FG
runs the trial and places and lifts holds; everyone else gets the missing page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from tests.factories import CaseFactory, SignalFactory, login
from weerbaar.audit.models import AuditRecord
from weerbaar.privacy.models import LegalHold
from weerbaar.privacy.services import hold_place, retention_run
from weerbaar.signals.constants import SignalStatus
from weerbaar.signals.models import Signal
from weerbaar.signals.services import signal_set_status

pytestmark = pytest.mark.django_db

PAGE = reverse("privacy:retention")


def test_the_fg_sees_every_term_with_its_reason_and_the_register(fg, regisseur):
    signal = SignalFactory()
    signal_set_status(actor=regisseur, signal=signal, status=SignalStatus.CLOSED, reason="Niets.")
    with freeze_time(timezone.localdate() + timedelta(days=400)):
        retention_run()
    page = login(fg).get(PAGE)
    text = page.content.decode()
    assert page.status_code == 200
    for words in (
        "Contactgegevens van melders",
        "Signalen afgesloten zonder actie",
        "per zaaktype",
        "Verwijderregister",
        "de nachtelijke taak",
    ):
        assert words in text, words
    assert signal.reference not in text  # the register counts, it does not name
    assert AuditRecord.objects.filter(action="privacy.retention_viewed").exists()


def test_the_beheerder_sees_the_page_and_a_link_to_change_the_terms_but_no_holds(
    beheerder, fg, regisseur
):
    case = CaseFactory(actor=regisseur)
    hold_place(actor=fg, reference=case.reference, reason="Beroep bij de rechtbank.")
    text = login(beheerder).get(PAGE).content.decode()
    assert case.reference not in text and "rechtbank" not in text
    assert reverse("configuration:section", args=["bewaartermijnen"]) in text
    assert reverse("privacy:dry_run") not in text
    assert login(beheerder).post(reverse("privacy:dry_run")).status_code == 404


@pytest.mark.parametrize("role", ["regisseur", "medewerker", "burgemeester"])
def test_other_roles_get_the_missing_page(request, role):
    assert login(request.getfixturevalue(role)).get(PAGE).status_code == 404


def test_the_trial_run_lists_what_would_go_and_removes_nothing(fg, regisseur):
    signal = SignalFactory()
    signal_set_status(actor=regisseur, signal=signal, status=SignalStatus.CLOSED, reason="Niets.")
    with freeze_time(timezone.localdate() + timedelta(days=400)):
        page = login(fg).post(reverse("privacy:dry_run"))
    assert signal.reference in page.content.decode()
    assert Signal.objects.filter(pk=signal.pk).exists()
    assert AuditRecord.objects.filter(action="privacy.retention_dry_run").exists()


def test_the_fg_places_and_lifts_a_hold_on_the_page(fg, regisseur):
    case = CaseFactory(actor=regisseur)
    client = login(fg)
    refused = client.post(reverse("privacy:hold_add"), {"reference": "C-1999-1", "reason": "x"})
    assert refused.status_code == 200 and "Geen casus of signaal" in refused.content.decode()
    client.post(
        reverse("privacy:hold_add"),
        {"reference": case.reference.lower(), "reason": "Beroep bij de rechtbank."},
    )
    hold = LegalHold.objects.get(case=case)
    assert case.reference in client.get(PAGE).content.decode()
    url = reverse("privacy:hold_lift", args=[hold.uuid])
    client.post(url, {"reason": ""})
    assert LegalHold.objects.get(pk=hold.pk).lifted_at is None
    client.post(url, {"reason": "De rechtbank heeft uitspraak gedaan."})
    assert LegalHold.objects.get(pk=hold.pk).lifted_at is not None
    assert client.post(url, {"reason": "Nog een keer opheffen."}).status_code == 404
