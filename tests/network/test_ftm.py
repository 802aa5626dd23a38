"""The network handed over as FollowTheMoney (#18): every entity is checked by the
``followthemoney`` library itself (its schema exists, every property is one of the schema's
and valid for its type, required ones are there, references point at entities of the bundle
of the right schema), the export asks its purpose and a confirmation and is recorded, a
subject the reader may not see is absent, and no compartment or BSN goes in."""

import json
import time

import pytest
from django.urls import reverse
from followthemoney import model
from followthemoney.exc import InvalidData

from tests.factories import (
    CaseFactory,
    OrganisationFactory,
    ProvisionFactory,
    ScreeningFactory,
    TeamFactory,
    UserFactory,
    VehicleFactory,
    login,
    make_address,
    make_person,
)
from tests.network.test_network import _relate
from weerbaar.accounts.services import share_grant, team_add_member
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.models import AuditRecord
from weerbaar.cases import services as cases
from weerbaar.core import reauth

pytestmark = pytest.mark.django_db
CANARY = "Politiekanarie"


def check(bundle: list[dict]) -> None:
    """Every entity of ``bundle`` as FollowTheMoney's model reads it."""
    by_id = {e["id"]: e for e in bundle}
    assert len(by_id) == len(bundle), "an id twice"
    for entity in bundle:
        schema = model.get(entity["schema"])
        assert schema is not None and not schema.abstract, entity["schema"]
        unknown = set(entity["properties"]) - set(schema.properties)
        assert not unknown, f"{schema.name}: {unknown}"
        schema.validate(entity)  # raises InvalidData on a value its type refuses
        missing = {p for p in schema.required if not entity["properties"].get(p)}
        assert not missing, f"{schema.name} {entity['id']}: {missing}"
        for name, values in entity["properties"].items():
            prop = schema.properties[name]
            if prop.type.name == "entity":
                for value in values:
                    other = model.get(by_id[value]["schema"])
                    assert other.is_a(prop.range), f"{schema.name}.{name} -> {other.name}"
        proxy = model.get_proxy(entity)  # and the library builds it
        assert proxy.schema == schema and proxy.id == entity["id"]


@pytest.fixture
def world(regisseur, team):
    """A case: Karel lives at Loodsweg 3, directs Loods B.V. and keeps a car; his sister
    Carla; police information and a Bibob file on the case, and a person of another team who
    works at the firm."""
    karel = make_person("Karel van der Bruijn", bsn="111222333")
    carla = make_person("Carla Bruijn")
    loods = make_address("Loodsweg", 3, "6981AB", "Doesburg", house_letter="A")
    firm = OrganisationFactory(name="Loods B.V.", kvk_number="12345678")
    car = VehicleFactory()
    _relate(regisseur, "lives_at", karel, loods, valid_from=__import__("datetime").date(2020, 1, 1))
    _relate(regisseur, "directs", karel, firm)
    _relate(regisseur, "vehicle_owner", karel, car)
    _relate(regisseur, "family_of", karel, carla)
    # a firm without a KvK number is no asset in FtM: owning it is a plain link
    quiet = OrganisationFactory(name="Stille Holding", kvk_number="")
    _relate(regisseur, "owns", karel, quiet)
    other_team = TeamFactory(name="Team Noord")
    stranger = make_person("Geheime Getuige", owner_team=other_team)
    _relate(regisseur, "works_at", stranger, firm)
    case = CaseFactory(actor=regisseur, owner_team=team)
    for subject, role in ((karel, "concerned"), (loods, "location"), (firm, "operator")):
        cases.case_link_subject(actor=regisseur, case=case, subject=subject, role=role)
    ProvisionFactory(actor=regisseur, case=case, summary=f"{CANARY} rapportage")
    ScreeningFactory(applicant=firm)
    return {"case": case, "karel": karel, "stranger": stranger, "firm": firm, "quiet": quiet}


def _export(client, **params):
    return client.get(reverse("network:handover"), {"formaat": "ftm", **params})


def _confirmed(user):
    client = login(user)
    session = client.session
    session[reauth.SESSION_KEY] = time.time()
    session.save()
    return client


def test_a_case_network_is_handed_over_as_valid_followthemoney(regisseur, world):
    case = world["case"]
    client = login(regisseur)
    asked = _export(client, case=case.uuid)
    assert asked.status_code == 200 and "Doel van de export" in asked.content.decode()
    assert _export(client, case=case.uuid, doel="Overdracht aan het RIEC").status_code == 302
    client = _confirmed(regisseur)
    refused = _export(client, case=case.uuid, doel="kort")
    assert "Geef het doel van de export op" in refused.content.decode()
    response = _export(client, case=case.uuid, doel="Overdracht aan het RIEC")
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    body = b"".join(response.streaming_content).decode()
    assert CANARY not in body and "111222333" not in body
    assert world["karel"].person.bsn_hash not in body
    bundle = [json.loads(line) for line in body.splitlines()]
    check(bundle)
    schemata = {e["schema"] for e in bundle}
    assert {"Project", "ProjectParticipant", "Person", "Company", "Address", "Vehicle",
            "Directorship", "Family", "Ownership", "UnknownLink", "Employment"} <= schemata  # fmt: skip
    karel = next(e for e in bundle if e["id"] == str(world["karel"].uuid))
    assert karel["properties"]["lastName"] == ["van der Bruijn"]
    assert karel["properties"]["addressEntity"]
    lives = next(
        e for e in bundle
        if e["schema"] == "UnknownLink" and e["properties"]["subject"] == [karel["id"]]
    )  # fmt: skip
    assert lives["properties"]["startDate"] == ["2020-01-01"]
    assert "Politie" in lives["properties"]["summary"][0]  # the source and its grading
    owned = next(e for e in bundle if str(world["quiet"].uuid) in json.dumps(e["properties"]))
    assert owned["schema"] == "UnknownLink"
    row = AuditRecord.objects.get(action=AuditAction.EXPORT_MADE)
    assert row.purpose == "Overdracht aan het RIEC" and row.changes["extra"]["format"] == "ftm"
    assert row.object_id == str(case.uuid)

    # the check itself can fail: a property the schema lacks, a date that is none
    with pytest.raises(AssertionError):
        check([{**karel, "properties": {**karel["properties"], "bsn": ["x"]}}])
    with pytest.raises(InvalidData):
        check([{**karel, "properties": {**karel["properties"], "birthDate": ["gisteren"]}}])


def test_what_the_reader_may_not_see_is_absent(regisseur, world):
    """A partner given Karel and his address hands over Karel's network: the firm he
    directs, his car and his sister are not theirs to see and are not in the file."""
    partner_team = TeamFactory(name="Politie basisteam", is_external=True)
    partner = UserFactory(roles=["ketenpartner"])
    team_add_member(actor=None, team=partner_team, user=partner)
    loods = next(s for s in world["karel"].relations_out.all() if s.kind == "lives_at").to_subject
    for subject in (world["karel"], loods):
        share_grant(actor=regisseur, obj=subject, team=partner_team, purpose="LIO",
                    legal_basis="LIO")  # fmt: skip
    response = _export(_confirmed(partner), subject=world["karel"].uuid, doel="Voor de LIO")
    bundle = [json.loads(line) for line in b"".join(response.streaming_content).splitlines()]
    check(bundle)
    assert {e["id"] for e in bundle if e["schema"] in ("Person", "Address")} == {
        str(world["karel"].uuid),
        str(loods.uuid),
    }
    assert {e["schema"] for e in bundle} == {"Person", "Address", "UnknownLink"}
    text = json.dumps(bundle)
    assert "Loods B.V." not in text and "Carla" not in text and str(world["firm"].uuid) not in text
    # the regisseur, who sees every subject, gets them all, the other team's person too
    full = b"".join(
        _export(
            _confirmed(regisseur), case=world["case"].uuid, doel="Voor het RIEC"
        ).streaming_content
    ).decode()
    assert str(world["stranger"].uuid) in full and "Employment" in full


def test_only_readers_of_the_file_hand_it_over(world, outsider, ketenpartner):
    for user in (outsider, ketenpartner):
        response = _export(_confirmed(user), case=world["case"].uuid, doel="Voor het RIEC")
        assert response.status_code == 404
    assert not AuditRecord.objects.filter(action=AuditAction.EXPORT_MADE).exists()


def test_the_filters_shown_are_the_filters_handed_over(regisseur, world):
    """Filtered to relations from reliable sources (A) only, the file holds no relation of a
    B source: the same graph as the page."""
    client = _confirmed(regisseur)
    page = client.get(reverse("network:network"), {"case": world["case"].uuid,
                                                   "betrouwbaarheid": "A"})  # fmt: skip
    assert "betrouwbaarheid=A" in page.content.decode()  # the hand-over link carries it
    asked = _export(client, case=world["case"].uuid, betrouwbaarheid="A", doel="kort")
    assert 'name="betrouwbaarheid" value="A"' in asked.content.decode()
    assert 'value="kort"' in asked.content.decode()  # what was typed is kept
    response = _export(client, case=world["case"].uuid, betrouwbaarheid="A", doel="Voor het RIEC")
    bundle = [json.loads(line) for line in b"".join(response.streaming_content).splitlines()]
    check(bundle)
    schemata = {e["schema"] for e in bundle}
    assert "Project" in schemata and not schemata & {"Directorship", "Family", "Ownership"}
