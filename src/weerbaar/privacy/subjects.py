"""Subjects recorded in the product (by hand, from a report) that no record points at any
more, because their signals and cases went or they were never linked: the retention kind
``subject_recorded``. Subjects copied from the basisregistraties stay; the warehouse's links
go with the subject."""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.models import Share
from weerbaar.cases.models import CaseSubject
from weerbaar.core.retention import Kind
from weerbaar.inspections.models import AddressCheck, Inspection, ResearchNote, TypedCandidate
from weerbaar.police.models import Provision
from weerbaar.privacy.models import DataRequest
from weerbaar.screening.models import Screening, ScreeningParty
from weerbaar.signals.models import Signal, SignalSubject
from weerbaar.subjects import text_index
from weerbaar.subjects.constants import REGISTRY_SOURCES
from weerbaar.subjects.models import Relation, Subject

# Every field of the apps below ``privacy``, and of this one, that keeps a subject
# (tests/privacy/test_retention_subjects.py checks none is missing).
REFERENCES = [
    (SignalSubject, "subject"),
    (Signal, "address"),
    (CaseSubject, "subject"),
    (Screening, "applicant"),
    (ScreeningParty, "subject"),
    (Inspection, "addresses"),
    (Inspection, "businesses"),
    (ResearchNote, "business"),
    (AddressCheck, "address"),
    (AddressCheck, "persons"),
    (TypedCandidate, "address"),
    (DataRequest, "subject"),
    (Provision, "subject"),
]


def _due(today, days):
    rows = Subject.objects.filter(created_at__date__lt=today - timedelta(days=days)).exclude(
        source__in=REGISTRY_SOURCES
    )
    for model, field in REFERENCES:
        rows = rows.exclude(Exists(model.objects.filter(**{field: OuterRef("pk")})))
    # A relation is kept knowledge about both ends: a subject with one stays (a later
    # version may weigh the other end).
    related = Relation.objects.filter(Q(from_subject=OuterRef("pk")) | Q(to_subject=OuterRef("pk")))
    return rows.exclude(Exists(related))


def _remove(rows) -> int:
    ids = list(rows.values_list("pk", flat=True))
    kind = ContentType.objects.get_for_model(Subject)
    uuids = Subject.objects.filter(pk__in=ids).values_list("uuid", flat=True)
    Share.objects.filter(content_type=kind, object_uuid__in=uuids).delete()
    # The person, organisation, address or vehicle goes with it.
    Subject.objects.filter(pk__in=ids).delete()
    return len(ids)


KIND = Kind(
    code="subject_recorded",
    title=_("Recorded subjects"),
    default_days=365,
    reason=_(
        "A person, organisation, address or vehicle recorded here (by hand, from a report) "
        "goes once no signal, case, screening or control points at it, and not within this "
        "term of recording. Subjects from the basisregistraties stay."
    ),
    due=_due,
    remove=_remove,
    label=lambda s: _("subject %(id)s") % {"id": s.uuid},
    order=90,
    finish=text_index.purge_deleted,
)
