"""The briefing of one participating partner: a PDF holding only what that partner may see.

In it: the inspection's kind, reference and date, its addresses and businesses, the partners
taking part (so they know with whom), the partner's own checklist (with its own findings once
recorded) and the safety check for staff. Not in it: the purpose and origin (a signal, a case
or an alert may hold what a partner may not read), the open-source research, the registry
facts, the photos and every other partner's findings and notes (docs/inspections.md).
"""

from django.template.loader import render_to_string
from django.utils import timezone

from weerbaar.core import pdf


def briefing_context(inspection, participation) -> dict:
    partner = participation.partner_kind
    own = {f.item_id: f for f in inspection.findings.filter(partner_kind=partner)}
    items = [(item, own.get(item.pk)) for item in partner.items.filter(active=True)]
    return {
        "inspection": inspection,
        "partner": partner,
        "notes": participation.notes,
        "items": items,
        "addresses": inspection.addresses.all(),
        "businesses": inspection.businesses.all(),
        "partners": [
            p.partner_kind for p in inspection.participations.select_related("partner_kind")
        ],
        "made_on": timezone.localdate(),
    }


def briefing_pdf(inspection, participation) -> bytes:
    html = render_to_string(
        "inspections/briefing_pdf.html", briefing_context(inspection, participation)
    )
    return pdf.render(html)
