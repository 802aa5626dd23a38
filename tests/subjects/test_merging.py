"""Merging a duplicate subject and undoing it, with the history intact (#18)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import (
    CaseFactory,
    InspectionFactory,
    SignalFactory,
    login,
    make_address,
    make_person,
)
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.models import AuditRecord
from weerbaar.cases.models import CaseSubject
from weerbaar.cases.services import case_link_subject
from weerbaar.signals.models import SignalSubject
from weerbaar.signals.services import signal_link_subject
from weerbaar.subjects import selectors, services
from weerbaar.subjects.merging import subject_fields
from weerbaar.subjects.models import DuplicatePair, Relation, Subject

pytestmark = pytest.mark.django_db
BORN = datetime.date(1980, 4, 2)


@pytest.fixture
def twins():
    """The same man, once from the BRP (with his BSN) and once typed by hand."""
    kept = make_person("Karel de Bruijn", bsn="111222333", birth=BORN)
    double = make_person("K. de Bruijn", birth=BORN)
    return kept, double


def _state(subject):
    return {
        "signals": set(SignalSubject.objects.filter(subject=subject).values_list("signal", "role")),
        "cases": set(CaseSubject.objects.filter(subject=subject).values_list("case", "role")),
        "out": set(Relation.objects.filter(from_subject=subject).values_list("kind", "to_subject")),
        "in": set(Relation.objects.filter(to_subject=subject).values_list("kind", "from_subject")),
    }


def test_every_reference_to_a_subject_is_known():
    keys, many = subject_fields()
    assert ("signals.signalsubject", "subject") in keys
    assert ("subjects.relation", "from_subject") in keys
    assert ("subjects.relation", "to_subject") in keys
    assert ("warehouse.registrylink", "subject") in keys
    assert ("police.provision", "subject") in keys
    assert ("inspections.inspection", "addresses") in many
    # the subject's own details share its key and are not moved
    assert not any(label in ("subjects.person", "subjects.address") for label, _f in keys)


def test_merge_moves_everything_and_unmerge_puts_it_back(regisseur, twins):
    kept, double = twins
    signal, shared, case = SignalFactory(), SignalFactory(), CaseFactory()
    signal_link_subject(actor=None, signal=signal, subject=double, role="suspected")
    # on the one signal both are named: the double's row cannot move and is set aside
    signal_link_subject(actor=None, signal=shared, subject=kept, role="involved")
    signal_link_subject(actor=None, signal=shared, subject=double, role="suspected")
    case_link_subject(actor=regisseur, case=case, subject=double, role="concerned")
    shed = make_address("Loodsweg", 3, "6981AB", "Doesburg")
    services.relation_create(
        actor=regisseur, kind="rents", from_subject=double, to_subject=shed, source="test"
    )
    services.relation_create(
        actor=regisseur, kind="family_of", from_subject=double, to_subject=kept, source="test"
    )
    before = (_state(kept), _state(double))

    merge = services.subject_merge(
        actor=regisseur, kept=kept, absorbed=double, reason="Zelfde geboortedatum en adres."
    )
    after = _state(kept)
    assert {(signal.pk, "suspected"), (shared.pk, "involved")} <= after["signals"]
    assert (case.pk, "concerned") in after["cases"]
    assert ("rents", shed.pk) in after["out"]
    assert not any(other == kept.pk for _k, other in after["out"] | after["in"])
    assert _state(double) == {"signals": set(), "cases": set(), "out": set(), "in": set()}
    double.refresh_from_db()
    assert double.merged_into == kept
    assert len(merge.set_aside) == 2  # the shared signal's row and the relation between them

    # what is linked to the kept subject after the merge stays with it on unmerge
    later = SignalFactory()
    signal_link_subject(actor=None, signal=later, subject=kept, role="involved")
    services.subject_unmerge(actor=regisseur, merge=merge, reason="Toch een neef.")
    assert (_state(kept), _state(double)) == (
        {**before[0], "signals": before[0]["signals"] | {(later.pk, "involved")}},
        before[1],
    )
    double.refresh_from_db()
    assert double.merged_into is None
    pair = DuplicatePair.objects.get()
    assert pair.status == DuplicatePair.Status.DISTINCT
    actions = list(
        AuditRecord.objects.filter(object_id=str(merge.uuid)).values_list("action", "subject_ref")
    )
    assert sorted(actions) == sorted(
        [
            (AuditAction.SUBJECT_MERGED, str(kept.uuid)),
            (AuditAction.SUBJECT_MERGED, str(double.uuid)),
            (AuditAction.SUBJECT_UNMERGED, str(kept.uuid)),
            (AuditAction.SUBJECT_UNMERGED, str(double.uuid)),
        ]
    )
    with pytest.raises(ValidationError):
        services.subject_unmerge(actor=regisseur, merge=merge, reason="Nogmaals.")


def test_merge_follows_many_to_many_both_ways(regisseur):
    kept, double = (
        make_address("Loodsweg", 3, "6981AB", "Doesburg"),
        make_address("Loodsweg", 3, "6981AB", "Doesburg"),
    )
    alone, both = InspectionFactory(addresses=[double]), InspectionFactory(addresses=[double, kept])
    merge = services.subject_merge(actor=regisseur, kept=kept, absorbed=double, reason="Dubbel.")
    assert list(alone.addresses.all()) == [kept]
    assert list(both.addresses.all()) == [kept]
    services.subject_unmerge(actor=regisseur, merge=merge, reason="Twee panden.")
    assert list(alone.addresses.all()) == [double]
    assert set(both.addresses.all()) == {double, kept}


def test_merge_refuses_what_cannot_be_one(regisseur, twins):
    kept, double = twins
    other = make_person("Karel de Bruijn", bsn="123456782", birth=BORN)
    shed = make_address()
    cases = [
        (kept, kept, "zichzelf"),
        (kept, shed, "soort"),
        (kept, other, "BSN"),
        (double, kept, "registry number"),
    ]
    for one, two, _why in cases:
        with pytest.raises(ValidationError):
            services.subject_merge(actor=regisseur, kept=one, absorbed=two, reason="Test.")
    with pytest.raises(ValidationError):
        services.subject_merge(actor=regisseur, kept=kept, absorbed=double, reason=" ")
    assert not Subject.objects.filter(merged_into__isnull=False).exists()


def test_a_judged_pair_is_never_proposed_again(regisseur, twins):
    kept, double = twins
    proposal = services.Proposal(kept.pk, double.pk, 0.97, {"sides": {}}, "linkage with the BRP")
    assert services.duplicates_propose(actor=None, proposals=[proposal])["new"] == 1
    assert services.duplicates_propose(actor=None, proposals=[proposal])["open"] == 1
    pair = DuplicatePair.objects.get()
    services.duplicate_distinct(actor=regisseur, pair=pair, note="Vader en zoon.")
    assert services.duplicates_propose(actor=None, proposals=[proposal]) == {
        "new": 0, "open": 0, "judged": 1
    }  # fmt: skip
    assert not selectors.duplicates_open(regisseur).exists()
    with pytest.raises(ValidationError):
        services.duplicate_distinct(actor=regisseur, pair=pair)


def test_a_merged_subject_is_not_proposed_nor_found(regisseur, twins):
    kept, double = twins
    third = make_person("Karel de Bruin", birth=BORN)
    services.subject_merge(actor=regisseur, kept=kept, absorbed=double, reason="Dubbel.")
    proposal = services.Proposal(third.pk, double.pk, 0.9, {}, "linkage with the BRP")
    assert services.duplicates_propose(actor=None, proposals=[proposal])["new"] == 0
    hits = selectors.subject_search(user=regisseur, query="de Bruijn")
    assert double.pk not in {h.subject.pk for h in hits}
    assert kept.pk in {h.subject.pk for h in hits}


def test_merge_and_unmerge_through_the_pages(regisseur, twins):
    kept, double = twins
    services.duplicates_propose(
        actor=None,
        proposals=[services.Proposal(kept.pk, double.pk, 0.97, {"sides": {}}, "koppeling")],
    )
    pair = DuplicatePair.objects.get()
    client = login(regisseur)
    listing = client.get(reverse("subjects:duplicates")).content.decode()
    assert reverse("subjects:duplicate", args=[pair.uuid]) in listing
    url = reverse("subjects:duplicate", args=[pair.uuid])
    page = client.get(url).content.decode()
    # only the subject with the BSN can be kept
    assert f'value="{kept.uuid}"' in page and f'value="{double.uuid}"' not in page
    refused = client.post(url, {"keep": str(kept.uuid), "reason": "Dubbel."})
    assert refused.status_code == 200 and not Subject.objects.filter(merged_into=kept).exists()
    done = client.post(url, {"keep": str(kept.uuid), "reason": "Dubbel.", "confirm": "on"})
    assert done.status_code == 302
    double.refresh_from_db()
    assert double.merged_into == kept
    shell = client.get(reverse("subjects:detail", args=[double.uuid])).content.decode()
    assert reverse("subjects:detail", args=[kept.uuid]) in shell
    merge = selectors.subject_merges(kept)[0]
    undo = reverse("subjects:unmerge", args=[merge.uuid])
    assert undo in client.get(reverse("subjects:detail", args=[kept.uuid])).content.decode()
    assert client.post(undo, {"undo_reason": "Twee mensen.", "confirm": "on"}).status_code == 302
    double.refresh_from_db()
    assert double.merged_into is None


def test_only_who_may_merge_sees_the_pages(behandelaar, twins):
    kept, double = twins
    client = login(behandelaar)
    assert client.get(reverse("subjects:duplicates")).status_code == 404
    compare = reverse("subjects:merge_compare", args=[kept.uuid])
    assert client.get(compare, {"met": str(double.uuid)}).status_code == 404
    page = client.get(reverse("subjects:detail", args=[kept.uuid])).content.decode()
    assert reverse("subjects:merge_find", args=[kept.uuid]) not in page
