"""A case handed over as a ZGW zaak (#18): every part validates against the schemas of the
Zaken API 1.5.1 (tests/specs, unmodified), the export asks its purpose and a confirmation
and is recorded, and no compartment or BSN goes in."""

import json
import time
from pathlib import Path

import pytest
import yaml
from django.urls import reverse
from jsonschema import Draft4Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from tests.factories import (
    CaseFactory,
    OrganisationFactory,
    ProvisionFactory,
    VehicleFactory,
    login,
    make_address,
    make_person,
)
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.models import AuditRecord
from weerbaar.cases import services
from weerbaar.core import reauth

pytestmark = pytest.mark.django_db
SPEC = Path(__file__).resolve().parents[1] / "specs" / "zgw-zaken-api-1.5.1.yaml"
CANARY = "Politiekanarie"


def _json_schema(node):
    """OpenAPI 3.0's ``nullable`` as JSON Schema: the type with null beside it."""
    if isinstance(node, dict):
        node = {k: _json_schema(v) for k, v in node.items()}
        if node.pop("nullable", False):
            if "type" in node:
                node["type"] = [node["type"], "null"]
            else:
                node = {"anyOf": [node, {"type": "null"}]}
        return node
    if isinstance(node, list):
        return [_json_schema(v) for v in node]
    return node


@pytest.fixture(scope="module")
def validator():
    spec = _json_schema(yaml.safe_load(SPEC.read_text()))
    registry = Registry().with_resource("spec", Resource(contents=spec, specification=DRAFT4))

    def check(schema: str, value):
        ref = {"$ref": f"spec#/components/schemas/{schema}"}
        errors = list(Draft4Validator(ref, registry=registry).iter_errors(value))
        assert errors == [], f"{schema}: {[e.message for e in errors[:5]]}"

    return check


def _export(client, case, purpose="Overdracht aan Open Zaak"):
    return client.get(reverse("cases:zgw", args=[case.uuid]), {"doel": purpose})


def test_a_closed_case_validates_against_the_zaken_api(regisseur, team, validator):
    person = make_person("Karel van der Bruijn", bsn="111222333")
    address = make_address(
        "Loodsweg", 3, "6981AB", "Doesburg", bag_nummeraanduiding_id="0221200000012345"
    )
    case = CaseFactory(actor=regisseur, owner_team=team, title="Loodsweg 3")
    for subject, role in (
        (person, "concerned"),
        (OrganisationFactory(), "operator"),
        (address, "location"),
        (VehicleFactory(), "vehicle"),
    ):
        services.case_link_subject(actor=regisseur, case=case, subject=subject, role=role)
    services.case_set_status(actor=regisseur, case=case, status=case.case_type.statuses[1])
    services.case_close(actor=regisseur, case=case, result=case.case_type.results[0])
    ProvisionFactory(actor=regisseur, case=case, summary=f"{CANARY} rapportage")

    client = login(regisseur)
    assert _export(client, case).status_code == 302  # confirm who you are first
    session = client.session
    session[reauth.SESSION_KEY] = time.time()
    session.save()
    response = _export(client, case)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    body = b"".join(response.streaming_content).decode()
    assert CANARY not in body and "111222333" not in body and person.person.bsn_hash not in body
    document = json.loads(body)

    validator("Zaak", document["zaak"])
    for status in document["statussen"]:
        validator("Status", status)
    validator("Resultaat", document["resultaat"])
    kinds = {
        "natuurlijk_persoon": "natuurlijk_persoon_Rol",
        "niet_natuurlijk_persoon": "niet_natuurlijk_persoon_Rol",
    }
    for rol in document["rollen"]:
        validator(kinds[rol["betrokkeneType"]], rol)
    for obj in document["zaakobjecten"]:
        validator(f"{obj['objectType']}_ZaakObject", obj)

    # the check itself can fail: a zaak without its bronorganisatie, a status without its zaak
    with pytest.raises(AssertionError):
        validator("Zaak", {k: v for k, v in document["zaak"].items() if k != "bronorganisatie"})
    with pytest.raises(AssertionError):
        validator("Status", {**document["statussen"][0], "indicatieLaatstGezetteStatus": "ja"})
    zaak = document["zaak"]
    assert zaak["identificatie"] == case.reference and zaak["einddatum"]
    assert zaak["status"] == document["statussen"][-1]["url"]
    assert [s["indicatieLaatstGezetteStatus"] for s in document["statussen"]][-1] is True
    assert len(document["rollen"]) == 2 and len(document["zaakobjecten"]) == 2
    names = {r["betrokkeneIdentificatie"].get("geslachtsnaam") for r in document["rollen"]}
    assert "Bruijn" in names
    adres = next(o for o in document["zaakobjecten"] if o["objectType"] == "adres")
    assert adres["objectIdentificatie"]["identificatie"] == "0221200000012345"
    row = AuditRecord.objects.get(action=AuditAction.EXPORT_MADE)
    assert row.purpose == "Overdracht aan Open Zaak" and row.object_id == str(case.uuid)


def test_an_open_case_validates_and_the_export_needs_a_purpose(regisseur, team, validator):
    case = CaseFactory(actor=regisseur, owner_team=team)
    client = login(regisseur)
    session = client.session
    session[reauth.SESSION_KEY] = time.time()
    session.save()
    asked = client.get(reverse("cases:zgw", args=[case.uuid]))
    assert asked.status_code == 200 and "Doel van de export" in asked.content.decode()
    refused = _export(client, case, purpose="kort")
    assert "Geef het doel van de export op" in refused.content.decode()
    assert not AuditRecord.objects.filter(action=AuditAction.EXPORT_MADE).exists()
    document = json.loads(b"".join(_export(client, case).streaming_content))
    validator("Zaak", document["zaak"])
    assert document["resultaat"] is None and document["zaak"]["einddatum"] is None


def test_only_readers_of_the_file_export_it(regisseur, team, outsider, ketenpartner):
    case = CaseFactory(actor=regisseur, owner_team=team)
    for user in (outsider, ketenpartner):
        assert _export(login(user), case).status_code == 404
