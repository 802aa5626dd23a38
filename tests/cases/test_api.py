"""Cases, interventions and deadlines through /api/v1/, with need-to-know."""

from datetime import date

import pytest
from freezegun import freeze_time
from rest_framework.test import APIClient

from tests.cases.world import CASE_CANARY
from weerbaar.accounts.services import share_grant
from weerbaar.cases import services
from weerbaar.cases.models import CaseType
from weerbaar.interventions import services as interventions
from weerbaar.interventions.models import Instrument

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(regisseur, other_team):
    from tests.factories import make_person

    case = services.case_open(
        actor=regisseur,
        case_type=CaseType.objects.get(code="hennep-sluiting"),
        title="Loods Havenweg",
        owner_team=other_team,
        subjects=[(make_person("Canary Persoonqz"), "concerned")],
    )
    services.note_add(actor=regisseur, case=case, text=CASE_CANARY)
    return case


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_case_list_and_file_follow_need_to_know(case, regisseur, behandelaar, ketenpartner):
    assert _api(behandelaar).get("/api/v1/casussen/").json()["results"] == []
    assert _api(behandelaar).get(f"/api/v1/casussen/{case.uuid}/").status_code == 404
    full = _api(regisseur).get(f"/api/v1/casussen/{case.uuid}/").json()
    assert full["subjects"][0]["label"] == "Canary Persoonqz"
    share_grant(
        actor=regisseur, obj=case, user=ketenpartner, purpose="RIEC", legal_basis="convenant"
    )
    heading = _api(ketenpartner).get(f"/api/v1/casussen/{case.uuid}/")
    assert heading.status_code == 200 and "subjects" not in heading.json()
    assert b"Canary" not in heading.content and CASE_CANARY.encode() not in heading.content


@freeze_time("2026-04-10")
def test_intervention_and_deadlines(case, regisseur):
    closure = interventions.intervention_start(
        actor=regisseur,
        case=case,
        instrument=Instrument.objects.get(code="damocles-sluiting"),
        duration_months=3,
    )
    interventions.intervention_record(
        actor=regisseur,
        intervention=closure,
        opinion_skipped_reason="Spoed",
        decision_on=date(2026, 3, 31),
        made_known_on=date(2026, 4, 2),
    )
    data = _api(regisseur).get(f"/api/v1/interventies/{closure.uuid}/").json()
    assert data["instrument"] == "damocles-sluiting"
    assert {"kind": "objection", "due_on": "2026-05-15"}.items() <= next(
        d for d in data["deadlines"] if d["kind"] == "objection"
    ).items()
    rows = _api(regisseur).get("/api/v1/termijnen/", {"window": "all"}).json()["results"]
    assert {r["kind"] for r in rows} >= {"objection"}
    schema = _api(regisseur).get("/api/v1/schema/").content.decode()
    assert "/api/v1/casussen/{uuid}/" in schema and "/api/v1/termijnen/" in schema
