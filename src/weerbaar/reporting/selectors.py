"""The reporting app's reads: its public API, the yearly report's figures (aggregates only)."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet

from weerbaar.accounts.access import can_use
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.reporting import figures, snapshot
from weerbaar.reporting.constants import CHANGE_PERMISSION, VIEW_PERMISSION, YearStatus
from weerbaar.reporting.models import Narrative, ReportYear


def may_view(user) -> bool:
    return can_use(user, VIEW_PERMISSION)


def may_write(user) -> bool:
    return can_use(user, CHANGE_PERMISSION)


def adopted_years(years: range) -> QuerySet[ReportYear]:
    return ReportYear.objects.filter(
        year__gte=years.start, year__lt=years.stop, status=YearStatus.ADOPTED
    )


def _sections(user, years: range) -> list:
    sections = figures.build(user=user, years=years)
    for adopted in adopted_years(years):
        snapshot.apply(sections, adopted.year - years.start, adopted.figures, len(years))
    return sections


def public_report(*, years: range) -> list:
    """The report as the public gets it (the council's PDF, infographic and letter are
    published): every number from 1 to 4 as "< 5", whoever makes the file. The file itself
    is recorded as an export by its caller."""
    return _sections(AnonymousUser(), years)


def yearly_report(*, user, years: range, request=None) -> list:
    """The report's sections for ``years`` as ``user`` may see them, an adopted year with its
    adopted figures; the read is recorded."""
    sections = _sections(user, years)
    audit_record(
        actor=user,
        action=AuditAction.REPORT_VIEWED,
        request=request,
        extra={"from": years.start, "to": years.stop - 1},
    )
    return sections


def report_year(year: int) -> ReportYear | None:
    return ReportYear.objects.select_related("adopted_by").filter(year=year).first()


def narratives(year: int) -> dict[str, Narrative]:
    """The narratives of ``year`` by theme (they hold no personal data by their purpose)."""
    rows = Narrative.objects.filter(report_year__year=year).select_related("updated_by")
    return {n.theme: n for n in rows}


def overview(*, user, request=None) -> list:
    """The mayor's overview as ``user`` may see it; the read is recorded."""
    from weerbaar.reporting import overview as parts

    grids = parts.build(user=user)
    audit_record(
        actor=user, action=AuditAction.REPORT_VIEWED, request=request, extra={"page": "overzicht"}
    )
    return grids


def area_map(*, user, layer: str, year: int, level: str, request=None):
    """The map's areas as ``user`` may see them (``geography.build``); the read is recorded,
    with what was shown."""
    from weerbaar.reporting import geography

    if level not in geography.levels_for(user, layer):
        level = "pc4"
    data = geography.build(user=user, layer=layer, year=year, level=level)
    audit_record(
        actor=user,
        action=AuditAction.REPORT_VIEWED,
        request=request,
        extra={"page": "kaart", "layer": layer, "year": year, "level": level},
    )
    return data
