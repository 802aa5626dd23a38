"""Demo police information (Wpg): a bestuurlijke rapportage on two closures still running,
given for the closure, read by the regisseur and the behandelaar of the Handhaving team."""

from datetime import timedelta

from django.utils import timezone

from weerbaar.accounts.models import User
from weerbaar.cases.models import Case, CaseSubject
from weerbaar.police import services
from weerbaar.police.models import Purpose

REPORT = (
    "Bij een controle op {day} is in de woning een in werking zijnde hennepkwekerij "
    "aangetroffen ({plants} planten, twee kweekruimtes). De elektriciteit werd buiten de meter "
    "om afgenomen. Bewoner is aangehouden; proces-verbaal volgt."
)


def create_provisions(*, seed: int) -> int:
    regisseur = User.objects.filter(username="regisseur").first()
    if regisseur is None:
        return 0
    running = Case.objects.filter(title__startswith="Hennep, lopend:").order_by("pk")[:2]
    closure = Purpose.objects.get(code="sluiting")
    today = timezone.localdate()
    made = 0
    for k, case in enumerate(running):
        received = min(case.opened_on + timedelta(days=5), today)
        link = CaseSubject.objects.filter(case=case).select_related("subject").first()
        services.provision_record(
            actor=regisseur,
            case=case,
            purpose=closure,
            basis="art16",
            form="report",
            provided_by="Politie eenheid Den Haag, district Westland",
            received_on=received,
            police_reference=f"PL1500-{today.year}-{310400 + seed * 10 + k}",
            summary="Hennepkwekerij aangetroffen bij controle; stroom afgetapt.",
            content=REPORT.format(day=received.strftime("%d-%m-%Y"), plants=180 + 40 * k),
            subject=link.subject if link else None,
        )
        made += 1
    return made
