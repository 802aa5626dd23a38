"""The copy for the person concerned: the advice and the screening as a PDF, with the parties
in a business relationship and every finding naming them removed from the file itself."""

import io
import zlib
from datetime import timedelta

import pikepdf
import pypdf
import pytest
from django.urls import reverse
from django.utils import timezone

from tests.exports import confirmed
from tests.factories import OrganisationFactory, ScreeningFactory, login, make_person
from weerbaar.audit.models import AuditRecord
from weerbaar.screening import services
from weerbaar.screening.models import ChecklistItem

pytestmark = pytest.mark.django_db
THIRD = [b"Derdenaam", b"Geldschieter", b"Dubai"]


def _day(days_ago: int):
    return timezone.localdate() - timedelta(days=days_ago)


@pytest.fixture
def screening(bibob_coordinator):
    s = ScreeningFactory(
        actor=bibob_coordinator,
        applicant=OrganisationFactory(name="Cafe Zwaanhof"),
        application_received_on=_day(60),
    )
    for subject, role in [
        (make_person("Frits Derdenaam"), "financier"),
        (OrganisationFactory(name="Geldschieter Holding B.V."), "aandeelhouder"),
    ]:
        services.party_add(actor=bibob_coordinator, screening=s, subject=subject, role=role)
    for code, text in [
        ("identiteit", "Identiteitsbewijs van de aanvrager gecontroleerd: Zwaanhofcontrole"),
        ("financiering", "Lening van F. DERDENAAM via een rekening in Dubai"),
        ("antecedenten", "geldschieter holding in het nieuws over faillissementen"),
    ]:
        services.finding_record(
            actor=bibob_coordinator,
            screening=s,
            item=ChecklistItem.objects.get(code=code),
            text=text,
            source_grade="B",
            info_grade="2",
        )
    return services.screening_record_steps(
        actor=bibob_coordinator,
        screening=s,
        version=s.version,
        questionnaire_sent_on=_day(55),
        questionnaire_returned_on=_day(50),
        lbb_requested_on=_day(45),
        lbb_advised_on=_day(5),
        lbb_degree="lesser",
    )


def _streams(data: bytes) -> bytes:
    """Every stream of the PDF decompressed, beside the file's own bytes."""
    pdf = pikepdf.Pdf.open(io.BytesIO(data))
    parts = [data]
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream):
            try:
                parts.append(obj.read_bytes())
            except pikepdf.PdfError:
                parts.append(zlib.decompress(obj.read_raw_bytes()))
    return b"\n".join(parts)


def test_the_copy_leaves_third_parties_out_of_the_file(screening, bibob_coordinator):
    client = login(bibob_coordinator)
    url = reverse("screening:copy", args=[screening.uuid])
    asked = client.get(url)
    assert asked.status_code == 302 and asked.url.startswith(reverse("accounts:reauth"))
    assert not AuditRecord.objects.filter(action="screening.copy_made").exists()

    response = confirmed(client).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    data = b"".join(response.streaming_content)
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    # the search is live: the applicant and its own finding are found by it
    assert "Cafe Zwaanhof" in text and "Zwaanhofcontrole" in text
    assert screening.reference in text
    for name in THIRD:
        assert name.decode().lower() not in text.lower()
        assert name.lower() not in _streams(data).lower()
    # no official's name in the document's metadata either
    meta = " ".join(str(v) for v in (reader.metadata or {}).values())
    assert bibob_coordinator.username not in meta and bibob_coordinator.username not in text
    record = AuditRecord.objects.get(action="screening.copy_made")
    assert record.object_id == str(screening.uuid)
    assert record.changes["new"] == {"findings": 1, "findings_left_out": 2}


def test_a_copy_without_parties_keeps_every_finding(bibob_coordinator):
    s = ScreeningFactory(actor=bibob_coordinator, applicant=OrganisationFactory(name="Bakkerij"))
    services.finding_record(
        actor=bibob_coordinator,
        screening=s,
        item=ChecklistItem.objects.get(code="identiteit"),
        text="Geen bijzonderheden gevonden",
        source_grade="A",
        info_grade="1",
    )
    response = confirmed(login(bibob_coordinator)).get(reverse("screening:copy", args=[s.uuid]))
    text = "\n".join(
        p.extract_text()
        for p in pypdf.PdfReader(io.BytesIO(b"".join(response.streaming_content))).pages
    )
    assert "Geen bijzonderheden gevonden" in text
    assert AuditRecord.objects.get(action="screening.copy_made").changes["new"] == {
        "findings": 1,
        "findings_left_out": 0,
    }


def test_only_the_bibob_role_makes_the_copy(screening, bibob_coordinator, behandelaar, regisseur):
    services.screening_share(
        actor=bibob_coordinator,
        screening=screening,
        user=behandelaar,
        until=timezone.localdate(),
        purpose="Juridische toets",
    )
    url = reverse("screening:copy", args=[screening.uuid])
    shared = confirmed(login(behandelaar))
    assert shared.get(reverse("screening:detail", args=[screening.uuid])).status_code == 200
    assert shared.get(url).status_code == 404
    assert confirmed(login(regisseur)).get(url).status_code == 404
    assert not AuditRecord.objects.filter(action="screening.copy_made").exists()
