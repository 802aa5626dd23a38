"""Demo reports from every inflow, spread over two years, with feedback and statuses."""

import io
import random
from datetime import timedelta

from django.utils import timezone
from PIL import Image

from weerbaar.accounts.models import User
from weerbaar.core.uploads import CleanFile
from weerbaar.intake import mma
from weerbaar.intake.models import Message, Report
from weerbaar.intake.services import (
    feedback_send,
    report_import_mma,
    report_submit_public,
    report_submit_staff,
)
from weerbaar.signals.constants import Channel, SignalStatus
from weerbaar.signals.models import Phenomenon, Signal
from weerbaar.signals.services import signal_set_status, signal_triage
from weerbaar.subjects.models import Address

TEXTS = {
    "hennep-drugs": "Uit de schuur achter {a} komt een sterke hennepgeur en de ramen zijn afgeplakt.",
    "drugslab": "Bij de bedrijfsunit naast {a} staan 's nachts busjes en er ligt blauw vaten-afval.",
    "witwassen": "De kapsalon op {a} heeft nooit klanten maar is elke dag open, met dure auto's voor de deur.",
    "adresfraude": "Op {a} staan volgens mij meer dan tien mensen ingeschreven; er wonen steeds anderen.",
    "arbeidsuitbuiting": "Elke ochtend wordt een groep arbeiders opgehaald bij {a}; ze lijken erg moe.",
    "mensenhandel": "Bij {a} komen 's avonds veel mannen langs voor korte bezoeken.",
    "gokken": "In de achterkamer van het café op {a} wordt om geld gespeeld op automaten.",
    "vastgoedfraude": "Het pand {a} is dit jaar drie keer verkocht, steeds voor meer geld.",
    "overig": "Er gebeurt iets vreemds rond {a}: steeds andere mensen met sleutels.",
}


def _day(rng: random.Random):
    return timezone.localdate() - timedelta(days=rng.randint(0, 730))


def _set_dates(report: Report, day) -> None:
    Report.objects.filter(pk=report.pk).update(submitted_on=day)
    Signal.objects.filter(pk=report.signal_id).update(reported_on=day)
    Message.objects.filter(report=report).update(sent_on=day + timedelta(days=3))


def _photo(n: int) -> CleanFile:
    """A small picture as a reporter's photo (the demo makes no real ones)."""
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (40 + n % 200, 90, 60)).save(out, "PNG")
    return CleanFile(f"foto-{n + 1}.png", "image/png", out.getvalue())


def _named(report: Report, n: int) -> None:
    """A reporter who left a name and an address, set afterwards so no mail goes out."""
    Report.objects.filter(pk=report.pk).update(
        contact_name=f"Melder {n + 1}", contact_email=f"melder{n + 1}@example.org"
    )


def _follow_up(rng, report, regisseur) -> None:
    """Most reporters already heard from us; some signals moved on in the flow."""
    if rng.random() < 0.8:
        feedback_send(
            actor=regisseur,
            report=report,
            text="Dank voor uw melding. We hebben hem ontvangen en gaan ermee aan de slag.",
        )
    if rng.random() < 0.25:
        feedback_send(
            actor=regisseur,
            report=report,
            is_question=True,
            text="Weet u sinds wanneer dit speelt?",
        )
    step = rng.random()
    if step < 0.5:
        signal_set_status(actor=regisseur, signal=report.signal, status=SignalStatus.IN_PROGRESS)
    if step < 0.15:
        signal_set_status(
            actor=regisseur,
            signal=report.signal,
            status=SignalStatus.CLOSED,
            reason="Geen aanknopingspunten na navraag bij handhaving en politie.",
        )
    if step < 0.35:
        signal_triage(
            actor=regisseur,
            signal=report.signal,
            version=None,
            phenomenon=report.signal.phenomenon,
            urgency=rng.choice(["normal", "high", "urgent"]),
            summary=report.signal.description[:80],
            assigned_to=regisseur,
        )


def _content(rng, phenomena, addresses):
    phenomenon = rng.choice(phenomena)
    address = rng.choice(addresses)
    text = TEXTS.get(phenomenon.code, TEXTS["overig"]).format(a=address)
    return phenomenon, address, text


def create_reports(*, seed: int, per_inflow: int = 30) -> dict[str, str]:
    rng = random.Random(f"demo-reports-{seed}")
    phenomena = list(Phenomenon.objects.all())
    addresses = [a.display for a in Address.objects.order_by("subject_id")[:500]]
    users = {
        u.username: u
        for u in User.objects.filter(username__in=["regisseur", "medewerker", "ketenpartner"])
    }
    regisseur, example = users["regisseur"], {}
    for n in range(per_inflow):
        phenomenon, address, text = _content(rng, phenomena, addresses)
        receipt = report_submit_public(
            description=text,
            phenomenon=phenomenon,
            location_text=address,
            attachments=[_photo(n)] if n % 2 else [],
        )
        if n % 3 == 0:
            _named(receipt.report, n)
        if n == 0:
            example = {"code": receipt.code, "secret": receipt.secret}
        reports = [receipt.report]
        phenomenon, address, text = _content(rng, phenomena, addresses)
        reports.append(
            report_submit_staff(
                actor=users["medewerker"],
                channel=Channel.INTERNAL,
                description=text,
                phenomenon=phenomenon,
                location_text=address,
                team="Publiekszaken",
                shielded=rng.random() < 0.3,
            )
        )
        phenomenon, address, text = _content(rng, phenomena, addresses)
        reports.append(
            report_submit_staff(
                actor=users["ketenpartner"],
                channel=Channel.PARTNER,
                description=text,
                phenomenon=phenomenon,
                location_text=address,
                partner_reference=f"PL0900-{2025 + n % 2}-{400 + n}",
            )
        )
        day = _day(rng)
        reports.append(
            report_import_mma(
                actor=regisseur,
                mma=mma.MMAReport(
                    reference=f"M{day:%y}-{1000 + n}",
                    received_on=day,
                    text=_content(rng, phenomena, addresses)[2],
                ),
            )
        )
        for report in reports:
            _follow_up(rng, report, regisseur)
            _set_dates(report, report.submitted_on if report.channel == Channel.MMA else _day(rng))
    return example
