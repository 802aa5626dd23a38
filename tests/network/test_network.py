"""The network view (#18): only what the reader may see, expanded a subject at a time, the
shortest path between two subjects, filters, and a picture recorded with its purpose."""

import json

import pytest
from django.urls import reverse

from tests.factories import (
    CaseFactory,
    SignalFactory,
    TeamFactory,
    UserFactory,
    login,
    make_address,
    make_person,
)
from weerbaar.accounts.services import share_grant, team_add_member
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.models import AuditRecord
from weerbaar.cases import services as cases
from weerbaar.core import reauth
from weerbaar.network import selectors
from weerbaar.signals import services as signals
from weerbaar.subjects.services import relation_create, relation_record

pytestmark = pytest.mark.django_db


def _relate(actor, kind, one, other, grade="B", **dates):
    return relation_record(
        actor=actor,
        kind=kind,
        from_subject=one,
        to_subject=other,
        source="Politie",
        source_grade=grade,
        info_grade="2",
        **dates,
    )


@pytest.fixture
def chain(regisseur):
    """Anna – lives at – Loodsweg 3 – is the address of – Bert – family of – Carla – Dijkweg."""
    anna, bert, carla = make_person("Anna Smit"), make_person("Bert Smit"), make_person("Carla Vos")
    loods, dijk = make_address("Loodsweg", 3, "6981AB"), make_address("Dijkweg", 8, "6981AC")
    _relate(regisseur, "lives_at", anna, loods)
    _relate(regisseur, "lives_at", bert, loods, grade="C")
    _relate(regisseur, "family_of", bert, carla)
    relation_create(
        actor=None, kind="registered_at", from_subject=carla, to_subject=dijk, source="BRP"
    )
    return {"anna": anna, "bert": bert, "carla": carla, "loods": loods, "dijk": dijk}


def _ids(data) -> set[str]:
    return {n["id"] for n in data["nodes"]}


def _config(response) -> dict:
    page = response.content.decode()
    start = page.index('id="network-data"')
    body = page[page.index(">", start) + 1 : page.index("</script>", start)]
    return json.loads(body)


def test_the_network_of_a_subject_and_its_expansion(regisseur, chain):
    client = login(regisseur)
    page = client.get(reverse("network:network"), {"subject": chain["loods"].uuid})
    assert page.status_code == 200
    graph = _config(page)["graph"]
    assert _ids(graph) == {str(chain[k].uuid) for k in ("anna", "bert", "loods")}
    assert "Anna Smit" in page.content.decode()  # the table view holds the same graph
    expanded = client.get(reverse("network:expand"), {"subject": chain["bert"].uuid}).json()
    assert str(chain["carla"].uuid) in _ids(expanded)
    viewed = AuditRecord.objects.filter(action=AuditAction.SUBJECT_VIEWED)
    assert viewed.filter(subject_ref=str(chain["bert"].uuid)).exists()


def test_a_hidden_subject_is_absent_and_not_counted(regisseur, chain):
    partner_team = TeamFactory(name="Politie basisteam", is_external=True)
    partner = UserFactory(roles=["ketenpartner"])
    team_add_member(actor=None, team=partner_team, user=partner)
    for key in ("anna", "loods"):
        share_grant(
            actor=regisseur, obj=chain[key], team=partner_team, purpose="LIO", legal_basis="LIO"
        )
    client = login(partner)
    graph = _config(client.get(reverse("network:network"), {"subject": chain["loods"].uuid}))[
        "graph"
    ]
    assert _ids(graph) == {str(chain["anna"].uuid), str(chain["loods"].uuid)}
    assert len(graph["edges"]) == 1 and graph["more"] == {}
    hidden = client.get(reverse("network:expand"), {"subject": chain["bert"].uuid})
    assert hidden.status_code == 404
    path = client.get(
        reverse("network:path"), {"van": chain["anna"].uuid, "naar": chain["carla"].uuid}
    )
    assert path.status_code == 404
    page = client.get(reverse("network:network"), {"subject": chain["loods"].uuid}).content.decode()
    assert "Bert Smit" not in page and str(chain["bert"].uuid) not in page


def test_the_shortest_path_and_its_bounds(regisseur, chain, monkeypatch):
    client = login(regisseur)
    answer = client.get(
        reverse("network:path"), {"van": chain["anna"].uuid, "naar": chain["dijk"].uuid}
    ).json()
    assert answer["found"] and len(answer["edges"]) == 4
    assert _ids(answer) == {str(s.uuid) for s in chain.values()}
    monkeypatch.setattr(selectors, "PATH_DEPTH", 3)
    too_far = client.get(
        reverse("network:path"), {"van": chain["anna"].uuid, "naar": chain["dijk"].uuid}
    ).json()
    assert not too_far["found"] and "3 relaties" in too_far["message"]
    monkeypatch.setattr(selectors, "PATH_DEPTH", 6)
    monkeypatch.setattr(selectors, "PATH_FRONTIER", 0)
    wide = client.get(
        reverse("network:path"), {"van": chain["anna"].uuid, "naar": chain["dijk"].uuid}
    ).json()
    assert not wide["found"] and "te breed" in wide["message"]
    monkeypatch.setattr(selectors, "PATH_FRONTIER", 20_000)
    stranger = make_person("Eva Zwart")
    none = client.get(reverse("network:path"), {"van": chain["anna"].uuid, "naar": stranger.uuid})
    assert none.json()["found"] is False


def test_filters_by_kind_period_and_grade(regisseur, chain):
    client = login(regisseur)

    def nodes(**params):
        answer = client.get(reverse("network:expand"), {"subject": chain["bert"].uuid, **params})
        return _ids(answer.json())

    assert str(chain["carla"].uuid) not in nodes(soort="lives_at")
    assert str(chain["loods"].uuid) not in nodes(betrouwbaarheid="AB")  # graded C
    assert str(chain["carla"].uuid) in nodes(betrouwbaarheid="AB")  # graded B
    carla = client.get(
        reverse("network:expand"), {"subject": chain["carla"].uuid, "betrouwbaarheid": "A"}
    )
    assert str(chain["dijk"].uuid) in _ids(carla.json())  # a registry relation has no grade
    ended = _relate(regisseur, "works_at", chain["anna"], make_organisation(), valid_until=None)
    ended.valid_from, ended.valid_until = _date("2020-01-01"), _date("2021-01-01")
    ended.save()
    recent = client.get(
        reverse("network:expand"), {"subject": chain["anna"].uuid, "vanaf": "2024-01-01"}
    )
    assert str(ended.uuid) not in {e["id"] for e in recent.json()["edges"]}
    old = client.get(
        reverse("network:expand"), {"subject": chain["anna"].uuid, "tot": "2020-06-01"}
    )
    assert str(ended.uuid) in {e["id"] for e in old.json()["edges"]}


def make_organisation():
    from tests.factories import OrganisationFactory

    return OrganisationFactory()


def _date(text):
    from datetime import date

    return date.fromisoformat(text)


def test_from_a_case_and_a_signal(regisseur, ketenpartner, team, chain):
    case = CaseFactory(actor=regisseur, owner_team=team)
    cases.case_link_subject(actor=regisseur, case=case, subject=chain["bert"], role="concerned")
    client = login(regisseur)
    graph = _config(client.get(reverse("network:network"), {"case": case.uuid}))["graph"]
    assert f"case:{case.uuid}" in _ids(graph) and str(chain["carla"].uuid) in _ids(graph)
    signal = SignalFactory(owner_team=team)
    signals.signal_link_subject(
        actor=regisseur, signal=signal, subject=chain["anna"], role="suspected"
    )
    graph = _config(client.get(reverse("network:network"), {"signal": signal.uuid}))["graph"]
    assert str(chain["loods"].uuid) in _ids(graph)
    # a partner who has the heading of the case does not get its subjects
    assert (
        login(ketenpartner).get(reverse("network:network"), {"case": case.uuid}).status_code == 404
    )


def test_a_picture_is_recorded_with_its_purpose_after_confirming(regisseur, chain):
    client = login(regisseur)
    start = f"subject:{chain['loods'].uuid}"
    data = {"format": "png", "doel": "RIEC-analyse", "start": start, "nodes": 3, "edges": 2}
    asked = client.post(reverse("network:picture"), data)
    assert asked.status_code == 401 and "reauth" in asked.json()
    session = client.session
    session[reauth.SESSION_KEY] = __import__("time").time()
    session.save()
    assert client.post(reverse("network:picture"), {**data, "doel": "kort"}).status_code == 400
    assert client.post(reverse("network:picture"), data).status_code == 200
    row = AuditRecord.objects.get(action=AuditAction.EXPORT_MADE)
    assert row.purpose == "RIEC-analyse" and row.changes["extra"]["list"] == "netwerk"
    assert row.subject_ref == str(chain["loods"].uuid)
    hidden = {**data, "start": "subject:00000000-0000-4000-8000-00000000abcd"}
    assert client.post(reverse("network:picture"), hidden).status_code == 404
    assert AuditRecord.objects.filter(action=AuditAction.EXPORT_MADE).count() == 1
