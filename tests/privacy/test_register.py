"""The processing register (P38): the seeded activities with their legal bases and criminal
data, the terms configured beside what the job applied and what is past its term now, the
shares per recipient, the users per role and the sources the warehouse imported; as a page
and as the DPIA annex in PDF, for the FG and the beheerder; the beheerder keeps the
activities on the settings page."""

import io
from datetime import timedelta

import pypdf
import pytest
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from tests.factories import ImportRunFactory, SignalFactory, login
from weerbaar.accounts.models import Share
from weerbaar.audit.models import AuditRecord
from weerbaar.privacy.models import ProcessingActivity
from weerbaar.privacy.services import retention_run
from weerbaar.signals.constants import SignalStatus
from weerbaar.signals.services import signal_set_status

pytestmark = pytest.mark.django_db
PAGE = reverse("privacy:register")


def _row(text: str, title: str) -> str:
    start = text.index(f"<td>{title}</td>")
    return text[start : text.index("</tr>", start)]


def test_the_register_lists_the_seeded_activities(fg):
    text = login(fg).get(PAGE).content.decode()
    assert ProcessingActivity.objects.count() == 9
    for name in ("Meldpunt ondermijning", "Bibob-onderzoeken", "Informatiepakhuis"):
        assert name in text
    assert "Opiumwet art. 13b" in text
    assert "strafrechtelijke gegevens (art. 33 UAVG)" in text
    assert AuditRecord.objects.filter(action="privacy.register_viewed").count() == 1


def test_the_terms_applied_and_past_their_term(fg, regisseur):
    signal = SignalFactory()
    signal_set_status(actor=regisseur, signal=signal, status=SignalStatus.CLOSED, reason="Niets.")
    later = timezone.localdate() + timedelta(days=400)
    with freeze_time(later):
        overdue = login(fg).get(PAGE).content.decode()
    assert "<strong>1</strong>" in _row(overdue, "Signalen afgesloten zonder actie")
    with freeze_time(later), TestCase.captureOnCommitCallbacks(execute=True):
        retention_run()
    with freeze_time(later):
        applied = _row(login(fg).get(PAGE).content.decode(), "Signalen afgesloten zonder actie")
    assert "<td>1</td>" in applied and later.strftime("%-d-%-m-%Y") in applied


def test_shares_per_recipient_users_per_role_and_sources(fg, regisseur, other_team):
    from django.contrib.contenttypes.models import ContentType

    signal = SignalFactory()
    Share.objects.create(
        content_type=ContentType.objects.get_for_model(signal),
        object_uuid=signal.uuid,
        team=other_team,
        purpose="Casusoverleg",
        legal_basis="Convenant LIO",
        granted_by=regisseur,
    )
    ImportRunFactory(source="brp-csv", status="loaded", rows_loaded=1234)
    text = login(fg).get(PAGE).content.decode()
    assert "<td>Andere afdeling</td><td>1</td><td>1</td>" in text.replace("\n", "")
    assert "Privacy officer (FG)</td><td>1</td>" in text
    assert "BRP: platte CSV" in text or "BRP: flat CSV" in text
    assert "1.234" in text


def test_the_annex_is_a_pdf_with_the_register(fg):
    response = login(fg).get(reverse("privacy:register_annex"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    data = b"".join(response.streaming_content)
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)
    assert "Verwerkingsregister" in text and "Meldpunt ondermijning" in text
    assert AuditRecord.objects.filter(action="privacy.register_annex").count() == 1


def test_the_beheerder_keeps_the_activities(beheerder):
    activity = ProcessingActivity.objects.get(code="pakhuis")
    url = reverse("configuration:edit", args=["verwerkingsregister", activity.pk])
    page = login(beheerder).get(url)
    assert page.status_code == 200 and "Informatiepakhuis" in page.content.decode()


@pytest.mark.parametrize("role", ["regisseur", "medewerker", "burgemeester"])
def test_other_roles_get_the_missing_page(request, role):
    client = login(request.getfixturevalue(role))
    assert client.get(PAGE).status_code == 404
    assert client.get(reverse("privacy:register_annex")).status_code == 404
