"""The facts a letter is filled with, taken from the intervention, its case and settings.

The values hold no user: letters are signed by the office, never by an official (DOMAIN.md,
staff safety). A fact the procedure has not reached yet is an empty string; the letter
kinds make sure a letter that needs it is not available (``kinds.refusal``).
"""

from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext_lazy, ngettext, pgettext

from weerbaar.core.deadlines import equated_days, term_end
from weerbaar.interventions.models import Intervention

UNITS = {
    "violation": gettext_lazy("per violation"),
    "day": gettext_lazy("per day"),
    "week": gettext_lazy("per week"),
}
# The mayor's own powers; the rest of the toolbox belongs to the college.
MAYOR_CODES = {"gebiedsverbod", "bestuurlijke-waarschuwing"}


def day(value) -> str:
    return formats.date_format(value, "j F Y") if value else ""


def place() -> str:
    return settings.MUNICIPALITY_NAME.removeprefix("Gemeente ").strip()


def signatory(intervention: Intervention) -> str:
    instrument = intervention.instrument
    if instrument.is_closure or instrument.code in MAYOR_CODES:
        return pgettext("letter", "The mayor of %(place)s") % {"place": place()}
    return pgettext("letter", "The mayor and aldermen of %(place)s") % {"place": place()}


def premises(intervention: Intervention) -> str:
    case = intervention.case
    if case.pk is None:  # the sample of the text editor's preview
        return case.title
    links = case.subject_links.select_related("subject").order_by("role", "id")
    location = next((link.subject.label for link in links if link.subject.kind == "address"), "")
    return location or case.title


def _duration(i: Intervention) -> str:
    if i.indefinite:
        return pgettext("letter", "an indefinite period")
    if i.duration_months:
        return ngettext("%(months)s month", "%(months)s months", i.duration_months) % {
            "months": i.duration_months
        }
    return ""


def measure(i: Intervention) -> str:
    """The measure as its name (capitals kept), with its duration."""
    name = i.instrument.name
    if i.indefinite:
        return pgettext("letter", "%(measure)s, for an indefinite period") % {"measure": name}
    if i.duration_months:
        return pgettext("letter", "%(measure)s for %(months)s months") % {
            "measure": name,
            "months": i.duration_months,
        }
    return name


def _money(amount) -> str:
    if amount is None:
        return ""
    return formats.number_format(amount, 2, use_l10n=True, force_grouping=True)


def _situation(i: Intervention) -> str:
    if not (i.premise_type and i.finding and i.offence):
        return ""
    return pgettext("letter", "%(premises)s; %(finding)s; offence number %(offence)s") % {
        "premises": i.get_premise_type_display(),
        "finding": i.get_finding_display(),
        "offence": i.offence,
    }


def _terms(i: Intervention) -> dict:
    ins = i.instrument
    opinion_end = (
        term_end(i.intention_sent_on, ins.opinion_weeks, "weeks", equated_days())
        if i.intention_sent_on
        else None
    )
    return {
        "zienswijzetermijn": ins.opinion_weeks,
        "einde_zienswijze": day(opinion_end),
        "bezwaartermijn": ins.objection_weeks,
        "beroepstermijn": ins.appeal_weeks,
        "begunstigingstermijn": ins.compliance_days or "",
    }


def values(i: Intervention) -> dict:
    """Every placeholder's value for this intervention (``texts.PLACEHOLDERS``)."""
    where = premises(i)
    return {
        "gemeente": place(),
        "bestuursorgaan": signatory(i),
        "kenmerk": i.case.reference,
        "maatregel": measure(i),
        "grondslag": i.instrument.legal_basis,
        "adres": where,
        "postadres": settings.MUNICIPALITY_POSTAL_ADDRESS,
        "mailbox": settings.GENERAL_MAILBOX,
        "datum_rapport": day(i.police_report_on),
        "kenmerk_rapport": i.police_report_reference,
        "bevinding": i.get_finding_display()
        if i.finding
        else pgettext("letter", "a violation of %(basis)s") % {"basis": i.instrument.legal_basis},
        "datum_voornemen": day(i.intention_sent_on),
        "datum_zienswijze": day(i.opinion_received_on),
        "zienswijze": i.opinion_summary,
        "reactie_zienswijze": i.opinion_answer,
        "reden_spoed": i.opinion_skipped_reason,
        "beleid": "Damoclesbeleid",
        "situatie": _situation(i),
        "beleidsmaatregel": i.suggestion,
        "reden_afwijking": i.deviation_reason,
        "evenredigheid": i.proportionality,
        "duur": _duration(i),
        "ingangsdatum": day(i.starts_on),
        "rechtbank": settings.COURT_NAME,
        "bedrag": _money(i.penalty_amount),
        "eenheid": UNITS.get(i.penalty_unit, ""),
        "maximum": _money(i.penalty_maximum),
        "datum_besluit": day(i.decision_on),
        "datum_bezwaar": day(i.objection_received_on),
        "uitkomst": _outcome(i),
        "motivering": i.objection_reasoning,
        **_terms(i),
    }


OUTCOMES = {
    "unfounded": gettext_lazy("unfounded"),
    "founded": gettext_lazy("well-founded"),
    "partly": gettext_lazy("partly well-founded"),
    "inadmissible": gettext_lazy("inadmissible"),
}


def _outcome(i: Intervention) -> str:
    return str(OUTCOMES.get(i.objection_outcome, ""))
