"""Police information in the privacy lifecycle: it goes a year after its case closed (the
case stays at its own term, a held case keeps it), the deletion register counts it without
naming it, the FG sees it in a data subject's overview as a compartment record and the copy
for the person leaves it out."""

import io
from datetime import timedelta

import pypdf
import pytest
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from tests.exports import confirmed
from tests.factories import CaseFactory, ProvisionFactory, login, make_person
from weerbaar.cases.models import Case
from weerbaar.cases.services import case_link_subject
from weerbaar.police.models import Provision
from weerbaar.privacy import services
from weerbaar.privacy.services import hold_place, retention_plan, retention_run

pytestmark = pytest.mark.django_db


def _closed_case(regisseur, team, days_ago):
    with freeze_time(timezone.now() - timedelta(days=days_ago)):
        case = CaseFactory(actor=regisseur, owner_team=team, closed=True)
        provision = ProvisionFactory(actor=regisseur, case=case)
    return case, provision


def _run():
    with TestCase.captureOnCommitCallbacks(execute=True):
        return retention_run()


def test_it_goes_a_year_after_its_case_closed_and_the_case_stays(regisseur, team):
    old_case, old = _closed_case(regisseur, team, days_ago=370)
    _recent_case, recent = _closed_case(regisseur, team, days_ago=300)
    planned = {p.kind.code: p for p in retention_plan(actor=None)}
    assert planned["police_information"].count == 1
    assert old.reference not in str(planned["police_information"].labels)
    run = _run()
    assert list(Provision.objects.values_list("pk", flat=True)) == [recent.pk]
    assert Case.objects.filter(pk=old_case.pk).exists()
    assert dict(run.deletions.values_list("kind", "count"))["police_information"] == 1


def test_a_held_case_keeps_its_police_information(regisseur, team, fg):
    case, provision = _closed_case(regisseur, team, days_ago=400)
    hold_place(actor=fg, reference=case.reference, reason="Bezwaar tegen de sluiting.")
    _run()
    assert Provision.objects.filter(pk=provision.pk).exists()


def test_the_overview_shows_it_as_compartment_and_the_copy_leaves_it_out(fg, regisseur, team):
    person = make_person("Karel de Vries", bsn="111222333")
    case = CaseFactory(actor=regisseur, owner_team=team)
    case_link_subject(actor=regisseur, case=case, subject=person, role="concerned")
    provision = ProvisionFactory(actor=regisseur, case=case, subject=person)
    request = services.request_open(
        actor=fg,
        kind="access",
        subject=person,
        requester="K. de Vries",
        received_on=timezone.localdate(),
    )
    client = login(fg)
    overview = client.get(reverse("privacy:request", args=[request.uuid])).content.decode()
    assert ">Politie-informatie</h2>" in overview and provision.reference in overview
    assert "hennepkwekerij" not in overview  # the FG sees that it exists, not what it says
    response = confirmed(client).get(reverse("privacy:request_copy", args=[request.uuid]))
    data = b"".join(response.streaming_content)
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)
    assert case.reference in text
    assert provision.reference not in text and "Politie-informatie" not in text
