"""T1: every route x every principal; deny means no 2xx, and a hidden object never leaks."""

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from tests.authorization_table import (
    ADMIN_ALLOWED,
    ADMIN_PREFIX,
    CONFIRM_FIRST,
    EXPECTED_GET,
    PUBLIC,
    ROLES,
    SAMPLE_KWARGS,
    WORLD_OBJECTS,
)
from tests.cases.world import case_world
from tests.factories import (
    ProvisionFactory,
    SignalFactory,
    TeamFactory,
    UserFactory,
    make_address,
    make_person,
)
from tests.meetings.world import meeting_world
from weerbaar.accounts.services import user_set_roles

# In every field of the world's police information (tests/police/test_compartment.py).
POLICE_CANARY = "Politiekanarie"
PRINCIPALS = ["anonymous", *sorted(ROLES), "deactivated", "revoked", "outsider"]


def _walk(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _walk(pattern.url_patterns, inner)
        else:
            yield f"{namespace}{pattern.name or '?'}", sorted(pattern.pattern.regex.groupindex)


def routes():
    """(name, url) for every pattern, with sample values for its parameters."""
    found = {}
    for name, params in _walk(get_resolver().url_patterns):
        if name.endswith("?"):
            continue  # unnamed admin redirects; covered by the admin rule through their targets
        kwargs = {p: SAMPLE_KWARGS.get(p) for p in params}
        found.setdefault((name, tuple(params)), kwargs)
    return found


def test_every_route_has_a_row():
    names = {name for name, _params in routes()}
    missing = {n for n in names if not n.startswith(ADMIN_PREFIX) and n not in EXPECTED_GET}
    assert not missing, f"routes without an authorisation rule: {sorted(missing)}"
    assert not set(EXPECTED_GET) - names, "rows for routes that no longer exist"


@pytest.fixture
def world(db, team, other_team):
    users = {}
    for role in sorted(ROLES):
        users[role] = UserFactory(
            username=role, roles=[role], teams=[team], is_staff=role == "beheerder"
        )
    users["deactivated"] = UserFactory(username="deactivated", roles=["regisseur"], is_active=False)
    users["revoked"] = UserFactory(username="revoked", roles=["regisseur"], teams=[team])
    user_set_roles(actor=None, user=users["revoked"], roles=[])
    users["outsider"] = UserFactory(username="outsider", teams=[team])
    registry = make_person("Pieter Jansen")
    hidden = make_person("Canary Zzyzx", owner_team=other_team)
    from weerbaar.core.uploads import CleanFile
    from weerbaar.intake.services import report_submit_public

    png = CleanFile("foto.png", "image/png", b"\x89PNG\r\n\x1a\n canary Zzyzx")
    report = report_submit_public(
        description="Canary Zzyzx kweekt hennep in de schuur", attachments=[png]
    ).report
    SIGNALS["signal"] = report.signal
    SIGNALS["attachment"] = report.attachments.get()
    SIGNALS.update(meeting_world(users, report.signal))
    SIGNALS.update(case_world(users))
    SIGNALS["provision_id"] = ProvisionFactory(
        actor=users["regisseur"],
        case=SIGNALS["case_id"],
        summary=f"{POLICE_CANARY} rapportage",
        content=f"{POLICE_CANARY} inhoud van de rapportage",
        police_reference="PL1500-2026-123456",
    )
    SIGNALS["account_id"] = users["medewerker"]
    from weerbaar.subjects.services import relation_record

    SIGNALS["relation_id"] = relation_record(
        actor=users["regisseur"],
        kind="lives_at",
        from_subject=registry,
        to_subject=make_address("Loodsweg", 3, "6981AB", "Doesburg"),
        source="Politie",
        source_grade="B",
        info_grade="2",
    )
    from weerbaar.privacy.services import glass_break

    SIGNALS["access_id"] = glass_break(
        actor=UserFactory(username="nachtdienst", roles=["toezichthouder"], teams=[TeamFactory()]),
        number=SignalFactory(owner_team=other_team).reference,
        reason="Sluiting vannacht, het team zelf is niet bereikbaar.",
    )
    from weerbaar.privacy.services import hold_place

    SIGNALS["hold_id"] = hold_place(
        actor=users["fg"], reference=report.signal.reference, reason="Verzoek van de AP."
    )
    from weerbaar.privacy.services import request_open

    SIGNALS["request_id"] = request_open(
        actor=users["fg"],
        kind="access",
        subject=registry,
        requester="Pieter Jansen, paspoort gezien",
        received_on=timezone.localdate(),
    )
    from weerbaar.warehouse.models import Alert

    SIGNALS["alert_id"] = Alert.objects.create(
        rule="overcrowding",
        rule_version="test",
        key="0221010000330226",
        facts={"persons": 14, "surface_m2": 96},
        facts_hash="x",
        explanation="14 personen op 96 m²",
        raised_at=timezone.now(),
    )
    from weerbaar.warehouse.models import ImportRun

    SIGNALS["run_id"] = ImportRun.objects.create(
        source="bag-csv", file_name="bag.csv", status="loaded"
    )
    from weerbaar.warehouse.models import RegistryLink

    SIGNALS["link_id"] = RegistryLink.objects.create(
        subject=registry,
        registry_key="x" * 64,
        match_weight=3.2,
        match_probability=0.8,
        status="review",
        found_at=timezone.now(),
    )
    SIGNALS.update(duplicate_world(users))
    return users, registry, hidden


def duplicate_world(users) -> dict:
    """A pair of possible duplicates to judge, and a merge to undo."""
    from weerbaar.subjects.models import DuplicatePair
    from weerbaar.subjects.services import subject_merge

    one, two = make_person("Anna Visser"), make_person("A. Visser")
    kept, double = make_person("Bert Kok"), make_person("B. Kok")
    return {
        "pair_id": DuplicatePair.objects.create(
            first=one, second=two, probability=0.97, found_by="test"
        ),
        "merge_id": subject_merge(
            actor=users["regisseur"], kept=kept, absorbed=double, reason="Dubbel."
        ),
    }


def _client(users, principal):
    client = Client()
    if principal != "anonymous":
        client.force_login(users[principal])
    return client


SIGNALS = {}


def _url(name, kwargs, subject):
    kwargs = dict(kwargs)
    if "signal_id" in kwargs:
        kwargs["signal_id"] = SIGNALS["signal"].uuid
    if "attachment_id" in kwargs:
        kwargs["attachment_id"] = SIGNALS["attachment"].uuid
    for key in WORLD_OBJECTS:
        if key in kwargs:
            kwargs[key] = SIGNALS[key].uuid
    # API routes name their object "uuid": the route's basename says which world object.
    by_basename = {"case-": "case_id", "intervention-": "intervention_id"}
    for key in ("subject_id", "uuid"):
        if key in kwargs:
            world_key = next((v for k, v in by_basename.items() if name.startswith(k)), None)
            kwargs[key] = SIGNALS[world_key].uuid if world_key else subject.uuid
    return reverse(name, kwargs=kwargs)


@pytest.mark.django_db
@pytest.mark.parametrize("principal", PRINCIPALS)
def test_route_matrix(world, principal):
    users, registry, _hidden = world
    client = _client(users, principal)
    failures = []
    for (name, _params), kwargs in routes().items():
        response = client.get(_url(name, kwargs, registry))
        if name.startswith(ADMIN_PREFIX):
            allowed = principal in ADMIN_ALLOWED
            ok = response.status_code < 500 and (allowed or not 200 <= response.status_code < 300)
        elif principal in CONFIRM_FIRST.get(name, ()):
            allowed = True
            reauth = reverse("accounts:reauth")
            ok = response.status_code == 302 and response.url.startswith(reauth)
        else:
            expected = EXPECTED_GET[name]
            allowed = expected == PUBLIC or principal in expected
            ok = (200 <= response.status_code < 300) == allowed and response.status_code < 500
        if not ok:
            failures.append((name, response.status_code, "allowed" if allowed else "denied"))
    assert not failures, f"{principal}: {failures}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "principal",
    [p for p in PRINCIPALS if p != "anonymous" and p not in EXPECTED_GET["subject-detail"]],
)
def test_hidden_object_never_leaks(world, principal):
    """A subject of another team, with a canary name, is sought and opened everywhere.

    The query is misspelled on purpose: a page echoing the query must not count as a leak.
    """
    users, _registry, hidden = world
    client = _client(users, principal)
    bodies = [
        client.post(reverse("subjects:search"), {"q": "Canary Zzyzy"}).content,
        client.post("/api/v1/subjecten/zoeken/", {"q": "Canary Zzyzy"}).content,
        client.get("/api/v1/subjecten/").content,
    ]
    for (name, _params), kwargs in routes().items():
        # The privacy officer reads the trail about every subject, named (#14); what the
        # trail says is not the subject's file, which stays hidden from her like from anyone.
        if name == "audit:list" and principal == "fg":
            continue
        if not name.startswith(ADMIN_PREFIX):
            response = client.get(_url(name, kwargs, hidden))
            bodies.append(
                b"".join(response.streaming_content) if response.streaming else response.content
            )
    assert not [b for b in bodies if b"Zzyzx" in b]
    missing = client.get(reverse("subjects:detail", args=["00000000-0000-4000-8000-000000000000"]))
    assert client.get(reverse("subjects:detail", args=[hidden.uuid])).content == missing.content


@pytest.mark.django_db
def test_leak_probe_would_find_the_canary(world):
    """The misspelled probe does find the hidden subject for a role that may see it."""
    users, _registry, _hidden = world
    client = _client(users, "regisseur")
    assert b"Zzyzx" in client.post(reverse("subjects:search"), {"q": "Canary Zzyzy"}).content
