"""The findings of an inspection in words, as a signal or case carries them."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from weerbaar.inspections.constants import FindingResult


def findings_text(inspection) -> str:
    day = inspection.held_on or inspection.planned_on
    lines = [
        _("%(kind)s %(reference)s of %(day)s")
        % {
            "kind": inspection.kind.name,
            "reference": inspection.reference,
            "day": date_format(day),
        },
        ", ".join(a.label for a in inspection.addresses.all()),
    ]
    if inspection.outcome:
        lines.append(_("Outcome: %(outcome)s") % {"outcome": inspection.get_outcome_display()})
    if inspection.outcome_text:
        lines.append(inspection.outcome_text)
    findings = inspection.findings.select_related("partner_kind", "item").exclude(
        result=FindingResult.NOT_CHECKED
    )
    for finding in findings:
        line = f"- {finding.partner_kind.name}: {finding.item.text}: {finding.get_result_display()}"
        lines.append(f"{line} ({finding.note})" if finding.note else line)
    for participation in inspection.participations.select_related("partner_kind"):
        if participation.notes:
            lines.append(f"{participation.partner_kind.name}: {participation.notes}")
        if participation.follows_up:
            lines.append(
                _("Follow-up by %(partner)s") % {"partner": participation.partner_kind.name}
            )
    return "\n".join(line for line in lines if line)
