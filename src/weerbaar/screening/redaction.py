"""The copy of a screening for the person concerned (the applicant): the advice and the
steps of the screening, without the data of third parties (Wet Bibob art. 28: a third
party's data go to that party only). Third parties are removed, not hidden: the parties in
a business relationship are left out, and so is every finding whose text names one of
them, so the document made from this copy does not contain them at all."""

import re

from django.utils.translation import gettext as _

from weerbaar.accounts.models import User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.core.normalize import key
from weerbaar.screening.models import Screening

# Shorter names than this would match inside ordinary words and remove findings needlessly.
MIN_NAME = 3


# Legal forms a finding may leave out when it names an organisation ("Holding X" for
# "Holding X B.V.").
LEGAL_FORMS = re.compile(
    r"\b(b\.?\s?v\.?|n\.?\s?v\.?|v\.?o\.?f\.?|c\.?v\.?|u\.?a\.?|stichting|vereniging|"
    r"co[oö]peratie|eenmanszaak)(?=\s|$)",
    re.IGNORECASE,
)


def _names(party) -> set[str]:
    """The ways a party may be written in a finding, as search keys: the name as recorded,
    an organisation's name without its legal form, a person's surname with and without its
    prefix."""
    subject = party.subject
    names = {subject.label, LEGAL_FORMS.sub(" ", subject.label)}
    person = getattr(subject, "person", None) if subject.kind == "person" else None
    if person is not None:
        names.add(f"{person.prefix} {person.surname}")
        names.add(person.surname)
    return {k for k in map(key, names) if len(k) >= MIN_NAME}


def _third_parties(screening: Screening) -> set[str]:
    parties = screening.parties.select_related("subject__person").exclude(
        subject=screening.applicant_id
    )
    return {name for party in parties for name in _names(party)}


def _steps(screening: Screening) -> list[tuple[str, object]]:
    s = screening
    rows = [
        (_("Application received on"), s.application_received_on),
        (_("Questionnaire sent on"), s.questionnaire_sent_on),
        (_("Questionnaire returned complete on"), s.questionnaire_returned_on),
        (_("Advice asked of the LBB on"), s.lbb_requested_on),
        (_("Applicant informed of the request on"), s.applicant_informed_on),
        (_("Advice received on"), s.lbb_advised_on),
    ]
    return [(label, day) for label, day in rows if day]


def applicant_copy(*, actor: User, screening: Screening, request=None) -> dict:
    """What the copy for the applicant shows, with the read audited
    (``screening.copy_made``: how many findings were left out, no names)."""
    withheld = _third_parties(screening)
    findings, left_out = [], 0
    for finding in screening.findings.select_related("item"):
        if any(name in key(finding.text) for name in withheld):
            left_out += 1
        else:
            findings.append(finding)
    audit_record(
        actor=actor,
        action=AuditAction.SCREENING_COPY_MADE,
        obj=screening,
        request=request,
        new={"findings": len(findings), "findings_left_out": left_out},
    )
    return {
        "screening": screening,
        "steps": _steps(screening),
        "findings": findings,
        "left_out": bool(withheld) or left_out > 0,
    }
