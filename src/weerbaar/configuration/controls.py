"""Project wiring between two apps of one tier: the LIO's decisions "integrale controle"
(``meetings``) as candidates on the planning page of ``inspections``. Neither may import the
other, so this module of a higher app fills the inspections registry, from
``ConfigurationConfig.ready()``."""

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from weerbaar.inspections import candidates
from weerbaar.inspections.constants import CANDIDATES_SHOWN
from weerbaar.inspections.selectors import inspections_visible_to
from weerbaar.meetings.selectors import inspection_decisions


def lio_rows(user) -> list[candidates.Candidate]:
    """Decisions of the LIO for an integrale controle whose signal has no inspection yet."""
    planned = inspections_visible_to(user).filter(signal__isnull=False).values("signal")
    items = inspection_decisions(user=user).exclude(signal__in=planned)[:CANDIDATES_SHOWN]
    return [
        candidates.Candidate(
            reference=item.signal.reference,
            text=_("Decided in the meeting of %(day)s: %(decision)s")
            % {
                "day": date_format(timezone.localtime(item.meeting.starts_at).date()),
                "decision": item.decision_text or item.get_decision_display(),
            },
            url=reverse("meetings:detail", args=[item.meeting.uuid]),
            address=item.signal.address.label if item.signal.address else "",
            plan_url=candidates.plan_url("signal", item.signal.uuid),
        )
        for item in items
    ]


def register() -> None:
    candidates.register("lio", gettext_lazy("Decisions of the LIO"), lio_rows)
