"""The police compartment (Wpg) in the privacy lifecycle: its retention term and its records
in a data subject's overview. A provision's record is a compartment record: the FG sees that
it exists, the copy for the person never holds it (Wpg art. 7; the police decide on access
to their own information)."""

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from weerbaar.core import practice, subject_records
from weerbaar.core.retention import Kind
from weerbaar.core.subject_records import Record
from weerbaar.police.models import Provision
from weerbaar.privacy import holds

CODE = "police_information"


def _due(today, days):
    cutoff = today - timedelta(days=days)
    return Provision.objects.filter(case__closed_on__lt=cutoff).exclude(case__in=holds.held_cases())


def _remove(rows) -> int:
    return rows.delete()[1].get(Provision._meta.label, 0)


KIND = Kind(
    code=CODE,
    title=gettext_lazy("Police information"),
    default_days=365,
    reason=gettext_lazy(
        "Counted from the closing of the case the police provided it for: then its purpose "
        "has been reached (Wpg art. 7). A case under objection or appeal stays."
    ),
    due=_due,
    remove=_remove,
    # Counted only: a provision's number is for the compartment.
    label=lambda p: "",
    # Before the cases, which would take it with them at their own, longer term.
    order=48,
)


def _provisions(subject):
    rows = Provision.objects.filter(subject=subject).select_related("purpose", "case")
    for p in rows.order_by("received_on", "pk"):
        yield Record(
            group=_("Police information"),
            object_type="police.provision",
            object_id=str(p.uuid),
            reference=p.reference,
            title=p.purpose.name,
            day=p.received_on,
            facts=(
                (_("Purpose"), p.purpose.name),
                (_("Legal basis"), p.get_basis_display()),
                (_("Received on"), p.received_on.strftime("%d-%m-%Y")),
            ),
            compartment="police",
            terms=(CODE,),
            parents=(f"cases.case:{p.case.uuid}",),
        )


def _practice():
    year_ago = timezone.localdate() - timedelta(days=365)
    counts = (
        Provision.objects.values("purpose__name", "basis")
        .annotate(year=Count("pk", filter=Q(received_on__gte=year_ago)), held=Count("pk"))
        .order_by("purpose__name", "basis")
    )
    bases = dict(Provision._meta.get_field("basis").choices)
    for row in counts:
        label = f"{row['purpose__name']}: {bases.get(row['basis'], row['basis'])}"
        yield practice.Row(label, (str(row["year"]), str(row["held"])))


def register(order: int) -> None:
    subject_records.register("police", _provisions, order=order)
    practice.register(
        "police",
        practice.Section(
            gettext_lazy("Police information received (Wpg), per purpose and legal basis"),
            (gettext_lazy("Received in the last year"), gettext_lazy("Held now")),
            _practice,
        ),
    )
