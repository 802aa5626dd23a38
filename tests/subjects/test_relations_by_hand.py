"""Relations recorded, corrected and ended by hand from the subject page (#18)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.factories import login, make_address, make_person
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.models import AuditRecord
from weerbaar.subjects import services
from weerbaar.subjects.models import Relation

pytestmark = pytest.mark.django_db

GRADED = {
    "source": "Politie, bestuurlijke rapportage",
    "source_grade": "B",
    "info_grade": "2",
    "valid_from": "2025-03-01",
    "valid_until": "",
    "note": "",
}


@pytest.fixture
def pair():
    return make_person("Karel de Bruijn"), make_address("Loodsweg", 3, "6981AB", "Doesburg")


def test_record_a_relation_from_the_address_reads_both_ways(regisseur, pair):
    person, address = pair
    client = login(regisseur)
    page = client.get(reverse("subjects:detail", args=[address.uuid])).content.decode()
    assert reverse("subjects:relation_find", args=[address.uuid]) in page

    found = client.post(reverse("subjects:relation_find", args=[address.uuid]), {"q": "Bruijn"})
    assert str(person.uuid) in found.content.decode()
    new = reverse("subjects:relation_new", args=[address.uuid])
    form = client.get(new, {"other": person.uuid}).content.decode()
    assert "is het adres van" in form and "is eigenaar van" not in form

    ungraded = client.post(
        new, {**GRADED, "other": person.uuid, "kind": "lives_at:andersom", "source_grade": ""}
    )
    assert ungraded.status_code == 200 and not Relation.objects.exists()
    assert "Dit veld is vereist" in ungraded.content.decode()

    done = client.post(new, {**GRADED, "other": person.uuid, "kind": "lives_at:andersom"})
    assert done.status_code == 302
    relation = Relation.objects.get()
    assert (relation.from_subject, relation.to_subject) == (person, address)
    assert relation.grading == "B2" and relation.recorded_by == regisseur
    assert AuditRecord.objects.filter(action=AuditAction.RELATION_CREATED).count() == 1

    from_address = client.get(reverse("subjects:detail", args=[address.uuid])).content.decode()
    from_person = client.get(reverse("subjects:detail", args=[person.uuid])).content.decode()
    assert "is het adres van" in from_address and "(andersom)" not in from_address
    assert "woont op" in from_person and "B2" in from_person

    twice = client.post(new, {**GRADED, "other": person.uuid, "kind": "lives_at:andersom"})
    assert "Deze relatie is al vastgelegd en niet beëindigd." in twice.content.decode()
    assert Relation.objects.count() == 1


def test_correct_and_end_a_relation_with_the_lock(regisseur, behandelaar, pair):
    person, address = pair
    relation = services.relation_record(
        actor=regisseur,
        kind="lives_at",
        from_subject=person,
        to_subject=address,
        **{**GRADED, "valid_from": None, "valid_until": None},
    )
    client = login(behandelaar)
    edit = reverse("subjects:relation_edit", args=[relation.uuid])
    assert client.get(edit).status_code == 200
    assert AuditRecord.objects.filter(action=AuditAction.RELATION_VIEWED).count() == 1

    not_so = client.post(edit, {**GRADED, "version": 0, "valid_until": "2025-06-01"})
    assert "Beëindig de relatie met de reden" in not_so.content.decode()
    corrected = client.post(edit, {**GRADED, "version": 0, "info_grade": "3"})
    assert corrected.status_code == 302
    relation.refresh_from_db()
    assert relation.info_grade == "3" and relation.version == 1
    row = AuditRecord.objects.get(action=AuditAction.RELATION_CHANGED)
    assert row.changes["old"]["info_grade"] == "2" and row.changes["new"]["info_grade"] == "3"
    stale = client.post(edit, {**GRADED, "version": 0, "info_grade": "4"})
    assert stale.status_code == 409
    relation.refresh_from_db()
    assert relation.info_grade == "3"

    end = reverse("subjects:relation_end", args=[relation.uuid])
    today = timezone.localdate().isoformat()
    no_reason = client.post(end, {"version": 1, "ended_on": today, "reason": ""})
    assert no_reason.status_code == 200
    too_early = client.post(end, {"version": 1, "ended_on": "2025-01-01", "reason": "Verhuisd"})
    assert "De einddatum ligt vóór de begindatum." in too_early.content.decode()
    assert (
        client.post(end, {"version": 1, "ended_on": today, "reason": "Verhuisd"}).status_code == 302
    )
    relation.refresh_from_db()
    assert relation.valid_until == timezone.localdate()
    ended = AuditRecord.objects.get(action=AuditAction.RELATION_ENDED)
    assert ended.changes["new"]["reason"] == "Verhuisd"
    again = client.post(end, {"version": 2, "ended_on": today, "reason": "Nogmaals"})
    assert "Deze relatie is al beëindigd." in again.content.decode()
    # ended, it stays in the history of both subjects
    page = client.get(reverse("subjects:detail", args=[address.uuid])).content.decode()
    assert "is het adres van" in page


def test_a_relation_from_an_import_is_corrected_at_its_source(regisseur, pair):
    person, address = pair
    relation = services.relation_create(
        actor=None,
        kind="registered_at",
        from_subject=person,
        to_subject=address,
        source="BRP",
    )
    page = login(regisseur).get(reverse("subjects:detail", args=[person.uuid])).content.decode()
    assert reverse("subjects:relation_edit", args=[relation.uuid]) not in page
    with pytest.raises(ValidationError):
        services.relation_correct(actor=regisseur, relation=relation, version=0, source="Hand")
    with pytest.raises(ValidationError):
        services.relation_end(
            actor=regisseur,
            relation=relation,
            version=0,
            ended_on=timezone.localdate(),
            reason="Verhuisd",
        )


def test_only_the_relating_roles_record_or_correct(medewerker, toezichthouder, regisseur, pair):
    person, address = pair
    relation = services.relation_record(
        actor=regisseur,
        kind="lives_at",
        from_subject=person,
        to_subject=address,
        **{**GRADED, "valid_from": None, "valid_until": None},
    )
    for user in (medewerker, toezichthouder):
        client = login(user)
        assert client.get(reverse("subjects:relation_find", args=[person.uuid])).status_code == 404
        new = reverse("subjects:relation_new", args=[person.uuid])
        assert client.get(new, {"other": address.uuid}).status_code == 404
        assert (
            client.get(reverse("subjects:relation_edit", args=[relation.uuid])).status_code == 404
        )
    page = login(toezichthouder).get(reverse("subjects:detail", args=[person.uuid]))
    assert reverse("subjects:relation_find", args=[person.uuid]) not in page.content.decode()


def test_a_relation_that_does_not_fit_the_kinds_is_refused(regisseur):
    one, other = make_person("Anna Smit"), make_person("Bert Smit")
    with pytest.raises(ValidationError):
        services.relation_record(
            actor=regisseur,
            kind="lives_at",
            from_subject=one,
            to_subject=other,
            **{**GRADED, "valid_from": None, "valid_until": None},
        )
    form = login(regisseur).get(
        reverse("subjects:relation_new", args=[one.uuid]), {"other": other.uuid}
    )
    assert "is familie van" in form.content.decode()
