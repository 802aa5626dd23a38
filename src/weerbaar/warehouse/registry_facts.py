"""What the registries say about an inspection's addresses and businesses, for its
preparation (``inspections.registry_facts``): the KvK establishments, the municipality's
permits, how many persons the BRP registers and the closures and warnings.

Need-to-know: the facts are read for the subjects of an inspection the user may see, and only
those the user may see themselves (the inspections app filters both). Nothing names a person:
the BRP gives a count, a permit its kind, number and term, not its holder. Every read leaves
one ``warehouse.facts_read`` row naming the inspection and the subjects.
"""

import duckdb
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.core.registry_facts import Fact, Unavailable
from weerbaar.warehouse import db

KVK = "KvK"


def _day(value) -> str:
    return date_format(value) if value else "—"


def _address_facts(con, subject) -> list[Fact]:
    details = subject.address
    key = [details.postcode, details.house_number]
    facts = []
    for name, kvk in con.execute(
        "SELECT name, kvk_number FROM kvk_business WHERE postcode = ? AND house_number = ? "
        "ORDER BY name",
        key,
    ).fetchall():
        facts.append(
            Fact(
                subject.pk,
                KVK,
                _("Establishment: %(name)s (KvK %(kvk)s)") % {"name": name, "kvk": kvk},
            )
        )
    (persons,) = con.execute(
        "SELECT count(DISTINCT bsn_hash) FROM brp_residence "
        "WHERE postcode = ? AND house_number = ? AND date_until IS NULL",
        key,
    ).fetchone()
    facts.append(Fact(subject.pk, "BRP", _("Persons registered now: %(n)s") % {"n": persons}))
    facts += _permits(con, subject, "postcode = ? AND house_number = ?", key)
    facts += _closures(con, subject, "closed_postcode = ? AND closed_house_number = ?", key)
    return facts


def _business_facts(con, subject) -> list[Fact]:
    kvk = subject.organisation.kvk_number
    facts = []
    for name, founded, codes, street, number, place in con.execute(
        "SELECT name, founded_on, sbi_codes, street, house_number, place FROM kvk_business "
        "WHERE kvk_number = ? ORDER BY establishment",
        [kvk],
    ).fetchall():
        text = _("%(name)s, founded %(day)s, SBI %(codes)s, at %(street)s %(number)s %(place)s")
        facts.append(
            Fact(
                subject.pk,
                KVK,
                text
                % {
                    "name": name,
                    "day": _day(founded),
                    "codes": ", ".join(codes or []) or "—",
                    "street": street or "",
                    "number": number or "",
                    "place": place or "",
                },
            )
        )
    facts += _permits(con, subject, "kvk_number = ?", [kvk])
    facts += _closures(con, subject, "kvk_number = ?", [kvk])
    return facts


def _permits(con, subject, where: str, key: list) -> list[Fact]:
    rows = con.execute(
        f"SELECT permit_type, permit_number, granted_on, valid_until FROM permit WHERE {where} "  # noqa: S608
        "ORDER BY granted_on DESC NULLS LAST",
        key,
    ).fetchall()
    text = _("%(kind)s %(number)s, granted %(granted)s, valid until %(until)s")
    return [
        Fact(
            subject.pk,
            _("Permits"),
            text % {"kind": kind, "number": number, "granted": _day(granted), "until": _day(until)},
        )
        for kind, number, granted, until in rows
    ]


def _closures(con, subject, where: str, key: list) -> list[Fact]:
    rows = con.execute(
        f"SELECT DISTINCT measure, decided_on, closed_address FROM closure WHERE {where} "  # noqa: S608
        "ORDER BY decided_on DESC",
        key,
    ).fetchall()
    text = _("%(measure)s decided on %(day)s (%(address)s)")
    return [
        Fact(
            subject.pk,
            _("Closures"),
            text % {"measure": measure, "day": _day(day), "address": address or "—"},
        )
        for measure, day, address in rows
    ]


def _read(subjects, *, user, obj, request, subject_ref="") -> list[Fact]:
    """The facts of ``subjects`` (addresses, and businesses by KvK number), the read recorded
    against ``obj``; ``Unavailable`` while an import or a scan holds the warehouse."""
    facts = []
    try:
        with db.connect() as con:
            for subject in subjects:
                if subject.kind == "address":
                    facts += _address_facts(con, subject)
                elif subject.kind == "organisation" and subject.organisation.kvk_number:
                    facts += _business_facts(con, subject)
    except duckdb.IOException as busy:
        raise Unavailable from busy
    audit_record(
        actor=user,
        action=AuditAction.WAREHOUSE_FACTS_READ,
        obj=obj,
        subject_ref=subject_ref,
        request=request,
        new={"subjects": [str(s.uuid) for s in subjects]},
    )
    return facts


def registry_facts(*, user, inspection, subjects, request=None) -> list[Fact]:
    return _read(subjects, user=user, obj=inspection, request=request)


def screening_facts(*, user, screening, subjects, request=None) -> list[Fact]:
    """The registry facts of a Bibob screening's applicant and parties (its own investigation,
    item "registerfeiten"); the caller is in the compartment. The read is recorded against
    the screening, naming its applicant (ADR 6)."""
    return _read(
        subjects,
        user=user,
        obj=screening,
        request=request,
        subject_ref=screening.applicant.uuid,
    )
