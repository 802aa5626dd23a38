"""Possible duplicates found by the linkage, and judgements that outlive the next run (#18)."""

import pytest
from django.urls import reverse

from tests.factories import login, make_person
from tests.warehouse.test_linkage import population, warehouse  # noqa: F401 - fixtures
from weerbaar.subjects import services
from weerbaar.subjects.models import DuplicatePair, Person, Subject
from weerbaar.warehouse.link_registry import link_all
from weerbaar.warehouse.models import RegistryLink

pytestmark = pytest.mark.django_db


def _copies(population, n):  # noqa: F811
    """Copies of ``n`` recorded persons with their BSN, as a registry import would make."""
    copies = {}
    for pk, bsn in list(population.items())[:n]:
        person = Person.objects.get(pk=pk)
        copy = make_person(
            f"{person.given_names} {person.surname}", bsn=bsn, birth=person.birth_date
        )
        copies[pk] = copy.pk
    return copies


def _open_pairs():
    return {
        tuple(sorted(p)) for p in DuplicatePair.objects.filter(status="open").values_list(
            "first", "second"
        )
    }  # fmt: skip


def test_the_linkage_proposes_pairs_and_the_judgements_stay(population, regisseur, tmp_path):  # noqa: F811
    copies = _copies(population, 6)
    counts = link_all()
    linked = set(
        RegistryLink.objects.filter(status="linked", subject_id__in=copies).values_list(
            "subject_id", flat=True
        )
    )
    assert counts["person"]["duplicates"]["new"] == len(linked) >= 4
    assert _open_pairs() == {tuple(sorted((pk, copies[pk]))) for pk in linked}
    pair = DuplicatePair.objects.filter(status="open").first()
    assert set(pair.explanation["sides"]) == {str(pair.first_id), str(pair.second_id)}
    hows = {side["how"] for side in pair.explanation["sides"].values()}
    assert hows == {"linked", "number"}

    distinct, merged, *rest = DuplicatePair.objects.filter(status="open").order_by("pk")
    services.duplicate_distinct(actor=regisseur, pair=distinct, note="Niet dezelfde.")
    typed = merged.first if merged.first_id in copies else merged.second
    services.subject_merge(
        actor=regisseur, kept=Subject.objects.get(pk=copies[typed.pk]), absorbed=typed,
        reason="Dubbel.",
    )  # fmt: skip

    again = link_all()
    assert again["person"]["duplicates"] == {"new": 0, "open": len(rest), "judged": 1}
    assert _open_pairs() == {(p.first_id, p.second_id) for p in rest}
    assert DuplicatePair.objects.get(pk=distinct.pk).status == "distinct"
    # the merged duplicate is not linked again: its link went with it to the subject kept
    assert not RegistryLink.objects.filter(subject=typed).exists()


def test_the_pair_page_explains_each_side(population, regisseur):  # noqa: F811
    _copies(population, 3)
    link_all()
    pair = DuplicatePair.objects.filter(status="open").first()
    page = login(regisseur).get(reverse("subjects:duplicate", args=[pair.uuid])).content.decode()
    assert "Geboortedatum" in page  # a comparison of the linked side, in Dutch
    assert "Samenvoegen" in page or "samenvoegen" in page
