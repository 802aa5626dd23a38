"""What the retention job must keep past its term: held cases and signals."""

from django.db.models import Q, QuerySet

from weerbaar.cases.models import Case
from weerbaar.interventions.models import Intervention
from weerbaar.privacy.models import LegalHold
from weerbaar.signals.models import Signal

# An objection received and not decided, or an appeal lodged on a measure that is not
# finished: the file is evidence in a procedure that is still running.
IN_PROCEDURE = Q(objection_received_on__isnull=False, objection_decided_on__isnull=True) | Q(
    appeal_lodged_on__isnull=False, finished_on__isnull=True
)


def held_cases() -> QuerySet:
    """Ids of the cases held by the FG or by an objection or appeal in progress."""
    manual = LegalHold.objects.filter(lifted_at__isnull=True, case__isnull=False)
    procedure = Intervention.objects.filter(IN_PROCEDURE).values("case_id")
    return Case.objects.filter(Q(pk__in=manual.values("case_id")) | Q(pk__in=procedure)).values(
        "pk"
    )


def held_signals() -> QuerySet:
    """Ids of the signals held themselves, through a held case they led to, or through a
    signal merged into them that is (a merged signal goes with the one it went into)."""
    manual = LegalHold.objects.filter(lifted_at__isnull=True, signal__isnull=False)
    own = Q(pk__in=manual.values("signal_id")) | Q(cases__in=held_cases())
    merged = Signal.objects.filter(own, merged_into__isnull=False).values("merged_into_id")
    return Signal.objects.filter(own | Q(pk__in=merged)).values("pk")
