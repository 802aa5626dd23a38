"""Case files: opening from a signal, status, tasks, closing, need-to-know and repeats."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    SignalFactory,
    TeamFactory,
    UserFactory,
    login,
    make_address,
    make_person,
)
from weerbaar.accounts.models import Notification
from weerbaar.accounts.services import share_grant
from weerbaar.audit.models import AuditRecord
from weerbaar.cases import services
from weerbaar.cases.models import Case, CaseType
from weerbaar.signals import services as signals

pytestmark = pytest.mark.django_db


def _type(code="hennep-sluiting"):
    return CaseType.objects.get(code=code)


def test_the_westland_case_types_are_seeded():
    names = set(CaseType.objects.values_list("name", flat=True))
    assert {"Hennep/drugs sluiting gemeente", "Illegale gokhal", "Witwassen"} <= names
    assert CaseType.objects.filter(riec=True).count() == 3


def test_open_a_case_from_a_signal(regisseur, team):
    address = make_address("Loodsweg", 3, "6981AB", "Doesburg")
    person = make_person("Karel de Bruijn")
    signal = SignalFactory(address=address, weighed="case")
    signals.signal_link_subject(actor=None, signal=signal, subject=person, role="suspected")
    client = login(regisseur)
    page = client.get(reverse("signals:detail", args=[signal.uuid])).content.decode()
    assert f"{reverse('cases:create')}?signal={signal.uuid}" in page
    response = client.post(
        reverse("cases:create"),
        {"signal": signal.uuid, "case_type": _type().pk, "title": "Loodsweg 3"},
    )
    case = Case.objects.get()
    assert response["Location"] == reverse("cases:detail", args=[case.uuid])
    assert case.status == "Intake" and case.owner_team == team
    assert set(case.subject_links.values_list("subject", "role")) == {
        (address.pk, "location"),
        (person.pk, "concerned"),
    }
    assert list(case.signals.all()) == [signal]
    signal.refresh_from_db()
    assert signal.led_to_case
    assert AuditRecord.objects.filter(action="cases.opened", object_id=str(case.uuid)).exists()


def test_no_case_without_the_privacy_weighing(regisseur):
    signal = SignalFactory()
    response = login(regisseur).post(
        reverse("cases:create"), {"signal": signal.uuid, "case_type": _type().pk, "title": "X"}
    )
    assert "Leg eerst de privacyafweging" in response.content.decode()
    assert not Case.objects.exists()


def _case(actor, team, **extra):
    return services.case_open(
        actor=actor, case_type=_type(), title="Loodsweg 3", owner_team=team, **extra
    )


def test_status_steps_and_stale_pages(regisseur, team):
    case = _case(regisseur, team)
    client = login(regisseur)
    client.post(reverse("cases:status", args=[case.uuid]), {"version": 0, "status": "Onderzoek"})
    case.refresh_from_db()
    assert case.status == "Onderzoek" and case.history.count() == 2
    stale = client.post(
        reverse("cases:status", args=[case.uuid]), {"version": 0, "status": "Nazorg"}
    )
    assert stale.status_code == 409 and "Iemand anders heeft deze casus" in stale.content.decode()
    with pytest.raises(ValidationError):
        services.case_set_status(actor=regisseur, case=case, status="Verzonnen")


def test_tasks_and_closing(regisseur, behandelaar, team):
    case = _case(regisseur, team)
    client = login(regisseur)
    past = client.post(
        reverse("cases:task", args=[case.uuid]),
        {"description": "Dossier", "owner": behandelaar.pk, "due_on": "2020-01-01"},
    )
    assert "De einddatum ligt in het verleden" in past.content.decode()
    due = (timezone.localdate() + timedelta(days=7)).isoformat()
    client.post(
        reverse("cases:task", args=[case.uuid]),
        {"description": "Dossier", "owner": behandelaar.pk, "due_on": due},
    )
    assert Notification.objects.filter(user=behandelaar, text__contains="Dossier").exists()
    refused = client.post(
        reverse("cases:close", args=[case.uuid]),
        {"version": case.version, "result": "Maatregel uitgevoerd", "confirm": "on"},
    )
    assert "open taken" in refused.content.decode()
    task = case.tasks.get()
    login(behandelaar).post(reverse("cases:task_done", args=[task.uuid]))
    task.refresh_from_db()
    assert task.done_on == timezone.localdate()
    bad = client.post(
        reverse("cases:close", args=[case.uuid]), {"version": 0, "result": "Verzonnen"}
    )
    assert bad.status_code == 200
    unconfirmed = {"version": 0, "result": "Maatregel uitgevoerd"}
    asked = client.post(reverse("cases:close", args=[case.uuid]), unconfirmed)
    assert "Bevestig dat u de casus wilt sluiten." in asked.content.decode()
    case.refresh_from_db()
    assert case.closed_on is None
    client.post(reverse("cases:close", args=[case.uuid]), {**unconfirmed, "confirm": "on"})
    case.refresh_from_db()
    assert case.closed_on and case.result == "Maatregel uitgevoerd"
    with pytest.raises(ValidationError):
        services.case_set_status(actor=regisseur, case=case, status="Nazorg")


def test_need_to_know(regisseur, behandelaar, burgemeester, medewerker, other_team):
    case = _case(regisseur, other_team)
    gokhal = services.case_open(
        actor=regisseur, case_type=_type("illegale-gokhal"), title="Gokhal", owner_team=other_team
    )
    witwassen = services.case_open(
        actor=regisseur, case_type=_type("witwassen"), title="Zwartgeldzaak", owner_team=other_team
    )
    outsider = login(medewerker)
    missing = outsider.get(reverse("cases:detail", args=["00000000-0000-4000-8000-000000000000"]))
    hidden = outsider.get(reverse("cases:detail", args=[case.uuid]))
    assert hidden.status_code == 404 and hidden.content == missing.content
    # the mayor sees the case types that name the role, not the others
    mayor = login(burgemeester)
    assert mayor.get(reverse("cases:detail", args=[gokhal.uuid])).status_code == 200
    assert mayor.get(reverse("cases:detail", args=[witwassen.uuid])).status_code == 404
    listing = mayor.get(reverse("cases:list")).content.decode()
    assert "Gokhal" in listing and "Zwartgeldzaak" not in listing
    assert AuditRecord.objects.filter(action="cases.viewed", actor_id=burgemeester.pk).count() == 1
    # a member of the team sees it
    member = UserFactory(username="teamlid", roles=["behandelaar"], teams=[other_team])
    assert login(member).get(reverse("cases:detail", args=[case.uuid])).status_code == 200


def test_repeat_offence_is_shown(regisseur, team):
    address = make_address("Loodsweg", 3, "6981AB", "Doesburg")
    first = _case(regisseur, team, subjects=[(address, "location")])
    services.case_close(actor=regisseur, case=first, result="Maatregel uitgevoerd")
    Case.objects.filter(pk=first.pk).update(opened_on=timezone.localdate() - timedelta(days=400))
    second = _case(regisseur, team, subjects=[(address, "location")])
    page = login(regisseur).get(reverse("cases:detail", args=[second.uuid])).content.decode()
    assert "herhaling" in page and reverse("cases:detail", args=[first.uuid]) in page
    assert "Loodsweg 3" in page


def test_partner_with_a_share_sees_the_heading_only(regisseur, ketenpartner, other_team):
    case = services.case_open(
        actor=regisseur,
        case_type=_type("riec-georganiseerde-criminaliteit"),
        title="Malafide uitzendbureau",
        owner_team=other_team,
        riec_reference="RIEC-ON-2026-014",
        subjects=[(make_person("Geheime Canarynaam"), "concerned")],
    )
    services.note_add(actor=regisseur, case=case, text="Interne notitie canaryqq")
    partner = login(ketenpartner)
    assert partner.get(reverse("cases:detail", args=[case.uuid])).status_code == 404
    share_grant(
        actor=regisseur,
        obj=case,
        user=ketenpartner,
        purpose="RIEC-casus",
        legal_basis="RIEC-convenant",
    )
    html = partner.get(reverse("cases:detail", args=[case.uuid])).content.decode()
    assert "Malafide uitzendbureau" in html and "RIEC-ON-2026-014" in html
    assert "Canarynaam" not in html and "canaryqq" not in html
    assert partner.post(reverse("cases:note", args=[case.uuid]), {"text": "x"}).status_code == 404


def test_link_a_subject(regisseur, team):
    case = _case(regisseur, team)
    person = make_person("Anna de Vries")
    client = login(regisseur)
    found = client.post(reverse("cases:subject_find", args=[case.uuid]), {"q": "Anna de Vries"})
    assert "Anna de Vries" in found.content.decode()
    client.post(
        reverse("cases:subject_link", args=[case.uuid]), {"subject": person.uuid, "role": "owner"}
    )
    assert case.subject_links.filter(subject=person, role="owner").exists()


def test_team_defaults_to_the_type_then_the_opener(regisseur, team):
    other = TeamFactory(name="Handhaving")
    case_type = _type()
    case_type.default_team = other
    case_type.save()
    assert _case(regisseur, None).owner_team == other


def _pdf_upload(name="rapport.pdf"):
    import io

    import pikepdf
    from django.core.files.uploadedfile import SimpleUploadedFile

    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.docinfo["/Author"] = "Bart Hendriks"
    out = io.BytesIO()
    pdf.save(out)
    return SimpleUploadedFile(name, out.getvalue(), content_type="application/pdf")


def test_documents_are_type_checked_versioned_and_cleaned(regisseur, team, medewerker, other_team):
    from django.core.files.uploadedfile import SimpleUploadedFile

    case = _case(regisseur, team)
    client = login(regisseur)
    url = reverse("cases:document_upload", args=[case.uuid])
    bad = client.post(
        url,
        {
            "title": "Macro",
            "kind": "other",
            "file": SimpleUploadedFile("x.docx", b"PK\x03\x04 macro"),
        },
    )
    assert bad.status_code == 200 and not case.documents.exists()
    assert (
        "alleen foto&#x27;s (JPEG, PNG) en PDF-bestanden worden aangenomen" in bad.content.decode()
    )
    client.post(url, {"title": "Rapportage", "kind": "official_report", "file": _pdf_upload()})
    document = case.documents.get()
    client.post(url, {"document": document.uuid, "file": _pdf_upload("rapport-v2.pdf")})
    assert list(document.versions.values_list("number", flat=True)) == [2, 1]
    newest = document.versions.first()
    response = client.get(reverse("cases:document", args=[newest.uuid]))
    content = b"".join(response.streaming_content)
    assert response["Content-Disposition"].startswith("attachment")
    assert b"Bart Hendriks" not in content and content.startswith(b"%PDF")
    assert AuditRecord.objects.filter(action="cases.document_read").count() == 1
    hidden_case = _case(regisseur, other_team)
    services.document_add(
        actor=regisseur,
        case=hidden_case,
        clean=__import__("weerbaar.core.uploads", fromlist=["CleanFile"]).CleanFile(
            "a.pdf", "application/pdf", b"%PDF-1.4"
        ),
        title="Geheim",
        kind="other",
    )
    hidden = hidden_case.documents.get().versions.get()
    assert login(medewerker).get(reverse("cases:document", args=[hidden.uuid])).status_code == 404


def test_share_with_a_partner_team_and_the_timeline(regisseur, ketenpartner, other_team):
    partner_team = TeamFactory(name="Politie basisteam", is_external=True)
    from weerbaar.accounts.services import team_add_member

    team_add_member(actor=None, team=partner_team, user=ketenpartner)
    case = _case(regisseur, other_team)
    client = login(regisseur)
    missing = client.post(reverse("cases:share", args=[case.uuid]), {"team": partner_team.pk})
    assert "Dit veld is vereist" in missing.content.decode()
    client.post(
        reverse("cases:share", args=[case.uuid]),
        {
            "team": partner_team.pk,
            "purpose": "RIEC-casus",
            "legal_basis": "RIEC-convenant 2024",
            "proportional": "on",
            "proportionality_text": "Alleen de kop van de casus, voor de RIEC-analyse.",
            "subsidiary": "on",
            "subsidiarity_text": "Zonder de kop kan het RIEC de casus niet bespreken.",
        },
    )
    assert login(ketenpartner).get(reverse("cases:detail", args=[case.uuid])).status_code == 200
    page = client.get(reverse("cases:detail", args=[case.uuid])).content.decode()
    assert "Tijdlijn" in page and "Gedeeld" in page and "Casus geopend" in page


def test_case_team_members_see_the_case(regisseur, other_team):
    lawyer = UserFactory(username="jurist", roles=["behandelaar"])
    case = _case(regisseur, other_team)
    assert login(lawyer).get(reverse("cases:detail", args=[case.uuid])).status_code == 404
    login(regisseur).post(
        reverse("cases:member", args=[case.uuid]), {"user": lawyer.pk, "role": "lawyer"}
    )
    page = login(lawyer).get(reverse("cases:detail", args=[case.uuid]))
    assert page.status_code == 200 and "Jurist" in page.content.decode()
    assert "Loodsweg 3" in login(lawyer).get(reverse("cases:list")).content.decode()
