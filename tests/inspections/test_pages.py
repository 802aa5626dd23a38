"""The inspection pages: need-to-know, bad input next to its field, the on-site page (#15)."""

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from tests.factories import login
from tests.inspections.world import items_of, planned
from weerbaar.audit.models import AuditRecord
from weerbaar.core import files
from weerbaar.inspections import candidates
from weerbaar.inspections.models import Finding, Inspection, PartnerKind, Photo, ResearchNote
from weerbaar.inspections.storage import FOLDER

pytestmark = pytest.mark.django_db


def _plan_data(**changes):
    data = {
        "kind": "",
        "planned_on": (timezone.localdate() + timedelta(days=7)).isoformat(),
        "addresses": "3131 AB 3",
        "businesses": "",
        "partners": [p.pk for p in PartnerKind.objects.filter(code__in=["politie", "brandweer"])],
        "purpose": "Signalen van drugshandel.",
    }
    from weerbaar.inspections.models import InspectionKind

    data["kind"] = InspectionKind.objects.get(code="integrale-controle").pk
    return data | changes


def test_a_control_planned_in_the_past_is_refused_next_to_its_field(toezichthouder):
    from tests.factories import AddressFactory

    AddressFactory(street="Havenstraat", number=3, postcode="3131AB")
    client = login(toezichthouder)
    past = (timezone.localdate() - timedelta(days=1)).isoformat()
    page = client.post(reverse("inspections:plan"), _plan_data(planned_on=past))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Een nieuwe controle kan niet in het verleden worden gepland." in html
    assert "Signalen van drugshandel." in html  # what was typed is kept
    assert not Inspection.objects.exists()
    done = client.post(reverse("inspections:plan"), _plan_data())
    inspection = Inspection.objects.get()
    assert done.status_code == 302 and done["Location"].endswith(f"{inspection.uuid}/")


def test_an_unknown_address_is_named_next_to_the_field(toezichthouder):
    page = login(toezichthouder).post(
        reverse("inspections:plan"), _plan_data(addresses="9999 ZZ 1")
    )
    assert "„9999 ZZ 1”: dit adres staat niet in het register." in page.content.decode()
    assert not Inspection.objects.exists()


def test_a_teams_inspection_is_hidden_from_an_outsider(toezichthouder, behandelaar, outsider, team):
    inspection = planned(toezichthouder, team)
    # The behandelaar is in the owning team: they read it, without the see-all role.
    assert (
        login(behandelaar).get(reverse("inspections:detail", args=[inspection.uuid])).status_code
        == 200
    )
    before = AuditRecord.objects.count()
    for name in ("inspections:detail", "inspections:site"):
        response = login(outsider).get(reverse(name, args=[inspection.uuid]))
        assert response.status_code == 404
    denied = AuditRecord.objects.filter(id__gt=before).values_list("action", flat=True)
    assert list(denied) == ["access.denied", "access.denied"]
    assert login(outsider).get(reverse("inspections:list")).status_code == 404


def test_the_behandelaar_of_the_team_reads_but_does_not_record(toezichthouder, behandelaar, team):
    inspection = planned(toezichthouder, team)
    police = PartnerKind.objects.get(code="politie")
    response = login(behandelaar).post(
        reverse("inspections:findings", args=[inspection.uuid]), {"partner": police.pk}
    )
    assert response.status_code == 404 and not Finding.objects.exists()


def _findings_data(partner, result="violation"):
    prefix = f"p{partner.pk}"
    data = {"partner": partner.pk, f"{prefix}-notes": "Samen met de eigenaar gelopen."}
    for item in partner.items.all():
        data[f"{prefix}-item_{item.pk}"] = result
        data[f"{prefix}-note_{item.pk}"] = "Gezien"
    return data


def test_a_finding_for_a_partner_that_did_not_take_part_is_refused_on_the_page(
    toezichthouder, team
):
    inspection = planned(toezichthouder, team)
    absent = PartnerKind.objects.get(code="netbeheerder")
    page = login(toezichthouder).post(
        reverse("inspections:findings", args=[inspection.uuid]), _findings_data(absent)
    )
    assert page.status_code == 200
    assert "Netbeheerder heeft niet deelgenomen aan deze controle." in page.content.decode()
    assert not Finding.objects.exists()


def test_findings_are_recorded_per_partner_on_the_site_page(toezichthouder, team):
    inspection = planned(toezichthouder, team)
    client = login(toezichthouder)
    site = client.get(reverse("inspections:site", args=[inspection.uuid])).content.decode()
    for partner in ("Politie", "Brandweer", "Eigen toezicht gemeente"):
        assert partner in site
    assert items_of("brandweer")[0].text in site
    brandweer = PartnerKind.objects.get(code="brandweer")
    done = client.post(
        reverse("inspections:findings", args=[inspection.uuid]), _findings_data(brandweer)
    )
    assert done.status_code == 302
    assert Finding.objects.filter(partner_kind=brandweer, result="violation").count() == len(
        items_of("brandweer")
    )
    assert inspection.participations.get(partner_kind=brandweer).notes


def test_a_research_note_with_a_non_web_source_is_refused_on_the_page(toezichthouder, team):
    inspection = planned(toezichthouder, team)
    page = login(toezichthouder).post(
        reverse("inspections:research", args=[inspection.uuid]),
        {
            "business": inspection.businesses.get().pk,
            "source_url": "javascript:alert(1)",
            "consulted_on": timezone.localdate().isoformat(),
            "found": "Iets gevonden",
            "source_grade": "B",
            "info_grade": "2",
        },
    )
    assert page.status_code == 200
    assert "Vul een webadres in (http of https)." in page.content.decode()
    assert not ResearchNote.objects.exists()


def _jpeg_with_place():
    picture = Image.new("RGB", (40, 30), "red")
    exif = Image.Exif()
    exif[0x010F] = "CameraMerk"  # Make
    out = io.BytesIO()
    picture.save(out, format="JPEG", exif=exif.tobytes())
    out.seek(0)
    out.name = "pand.jpg"
    return out


def test_a_photo_is_stored_without_its_metadata_and_read_by_need_to_know(
    toezichthouder, outsider, team
):
    inspection = planned(toezichthouder, team)
    client = login(toezichthouder)
    upload = _jpeg_with_place()
    assert b"CameraMerk" in upload.getvalue()
    client.post(reverse("inspections:photo_add", args=[inspection.uuid]), {"photo": upload})
    photo = Photo.objects.get()
    stored = files.readable_path(FOLDER, photo.uuid).read_bytes()
    assert stored.startswith(b"\xff\xd8") and b"CameraMerk" not in stored
    download = client.get(reverse("inspections:photo", args=[photo.uuid]))
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment")
    assert login(outsider).get(reverse("inspections:photo", args=[photo.uuid])).status_code == 404


def test_a_pdf_is_not_a_photo(toezichthouder, team):
    inspection = planned(toezichthouder, team)
    pdf = io.BytesIO(b"%PDF-1.4\n%%EOF")
    pdf.name = "a.pdf"
    login(toezichthouder).post(
        reverse("inspections:photo_add", args=[inspection.uuid]), {"photo": pdf}
    )
    assert not Photo.objects.exists()


def test_the_planning_page_counts_against_the_target(toezichthouder, team):
    from weerbaar.inspections import services

    held = planned(toezichthouder, team)
    planned(toezichthouder, team, days=10)
    police = PartnerKind.objects.get(code="politie")
    services.findings_record(
        actor=toezichthouder,
        inspection=held,
        partner=police,
        results={items_of("politie")[0]: ("in_order", "")},
    )
    page = login(toezichthouder).get(reverse("inspections:planning")).content.decode()
    table = page.split('id="voortgang"', 1)[1].split("</table>", 1)[0]
    row = table.split("Integrale controle", 1)[1].split("</tr>", 1)[0]
    assert "<td>1</td><td>20</td><td>5%</td>" in row
    # every source is connected and has nothing for this world
    assert page.count("Geen kandidaten.") == 5 and "Nog geen bron" not in page


def test_a_registered_candidate_source_shows_on_the_planning_page(toezichthouder):
    rows = lambda user: [candidates.Candidate("S-2026-0042", "LIO: integrale controle")]  # noqa: E731
    candidates.register("elders", "Besluiten van het LIO", rows)
    try:
        page = login(toezichthouder).get(reverse("inspections:planning")).content.decode()
    finally:
        candidates.unregister("elders")
    assert "Besluiten van het LIO" in page and "S-2026-0042" in page


def test_the_list_filters_and_paginates(toezichthouder, team):
    for _n in range(3):
        planned(toezichthouder, team, days=2)
    client = login(toezichthouder)
    page = client.get(reverse("inspections:list"), {"periode": "komend"})
    assert page.context["page"].paginator.count == 3
    assert (
        client.get(reverse("inspections:list"), {"status": "closed"})
        .context["page"]
        .paginator.count
        == 0
    )
