"""A case as the Zaken API of ZGW describes it (the standard Open Zaak implements): zaak,
its statuses, its resultaat, the rollen of its persons and organisations and the zaakobjecten
of its addresses and vehicles, for handing a case over to a zaaksysteem.

The URLs in the file are identifiers under this application's address (``/zgw/...``), not a
live Zaken API; the receiving system maps them to its own zaaktypen and roltypen. Only the
case file goes in: never police information, Bibob files, notes, documents or the team's
names, and a person's BSN never (the application keeps only its keyed hash)."""

import uuid
from datetime import datetime, time

from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify

from weerbaar.cases.models import Case, CaseSubject

NAMESPACE = uuid.UUID("6f1c2a56-8f7e-4a53-9d5e-2c8d7f0b9a41")


def _id(*parts) -> str:
    """A stable uuid for a row that has none of its own (a status change, the result)."""
    return str(uuid.uuid5(NAMESPACE, ":".join(str(p) for p in parts)))


class _Urls:
    def __init__(self, base: str):
        self.base = base.rstrip("/") + "/zgw"

    def __call__(self, kind: str, key) -> str:
        return f"{self.base}/{kind}/{key}"


def _statuses(case: Case, url, zaak: str) -> list[dict]:
    changes = list(case.history.order_by("changed_at", "id"))
    code = case.case_type.code
    return [
        {
            "url": url("statussen", _id(case.uuid, "status", change.pk)),
            "uuid": _id(case.uuid, "status", change.pk),
            "zaak": zaak,
            "statustype": url("statustypen", f"{code}-{slugify(change.status) or 'status'}"),
            "datumStatusGezet": change.changed_at.isoformat(),
            "statustoelichting": change.status[:1000],
            "indicatieLaatstGezetteStatus": n == len(changes) - 1,
            "gezetdoor": "",
            "zaakinformatieobjecten": [],
        }
        for n, change in enumerate(changes)
    ]


def _result(case: Case, url, zaak: str) -> dict | None:
    if not case.closed_on:
        return None
    return {
        "url": url("resultaten", _id(case.uuid, "resultaat")),
        "uuid": _id(case.uuid, "resultaat"),
        "zaak": zaak,
        "resultaattype": url(
            "resultaattypen", f"{case.case_type.code}-{slugify(case.result) or 'resultaat'}"
        ),
        "toelichting": case.result[:1000],
    }


def _person(subject) -> dict:
    person = subject.person
    found = {
        "geslachtsnaam": person.surname[:200],
        "voorvoegselGeslachtsnaam": person.prefix[:80],
        "voorletters": person.initials[:20],
        "voornamen": person.given_names[:200],
    }
    if person.birth_date:
        found["geboortedatum"] = person.birth_date.isoformat()
    return found


def _role(link: CaseSubject, url, zaak: str) -> dict:
    subject = link.subject
    person = subject.kind == "person"
    role = str(link.get_role_display())
    return {
        "url": url("rollen", _id(link.case.uuid, "rol", subject.uuid)),
        "uuid": _id(link.case.uuid, "rol", subject.uuid),
        "zaak": zaak,
        "betrokkeneType": "natuurlijk_persoon" if person else "niet_natuurlijk_persoon",
        "roltype": url("roltypen", f"{link.case.case_type.code}-{link.role}"),
        "omschrijving": role[:20],
        "omschrijvingGeneriek": "belanghebbende",
        "roltoelichting": role,
        "registratiedatum": timezone.make_aware(
            datetime.combine(link.case.opened_on, time.min)
        ).isoformat(),
        "indicatieMachtiging": "",
        "statussen": [],
        "betrokkeneIdentificatie": _person(subject)
        if person
        else {"statutaireNaam": subject.organisation.name[:500]},
    }


def _object(link: CaseSubject, url, zaak: str) -> dict:
    subject = link.subject
    found = {
        "url": url("zaakobjecten", _id(link.case.uuid, "object", subject.uuid)),
        "uuid": _id(link.case.uuid, "object", subject.uuid),
        "zaak": zaak,
        "relatieomschrijving": str(link.get_role_display())[:80],
    }
    if subject.kind == "address":
        address = subject.address
        return found | {
            "objectType": "adres",
            "objectIdentificatie": {
                "identificatie": address.bag_nummeraanduiding_id or str(subject.uuid),
                "wplWoonplaatsNaam": address.place[:80],
                "gorOpenbareRuimteNaam": address.street[:80],
                "huisnummer": address.house_number,
                "huisletter": address.house_letter,
                "huisnummertoevoeging": address.house_number_addition,
                "postcode": address.postcode,
            },
        }
    return found | {
        "objectType": "overige",
        "objectTypeOverige": "voertuig",
        "objectIdentificatie": {"overigeData": {"kenteken": subject.vehicle.formatted_plate}},
    }


def zaak_document(case: Case, *, base: str) -> dict:
    """The case as ``{"zaak", "statussen", "resultaat", "rollen", "zaakobjecten"}``."""
    url = _Urls(base)
    zaak = url("zaken", case.uuid)
    links = list(
        case.subject_links.select_related(
            "case__case_type", "subject__person", "subject__organisation", "subject__address"
        ).select_related("subject__vehicle")
    )
    rollen = [
        _role(link, url, zaak) for link in links if link.subject.kind in ("person", "organisation")
    ]
    objecten = [
        _object(link, url, zaak) for link in links if link.subject.kind in ("address", "vehicle")
    ]
    statussen = _statuses(case, url, zaak)
    resultaat = _result(case, url, zaak)
    rsin = settings.MUNICIPALITY_RSIN
    document = {
        "url": zaak,
        "uuid": str(case.uuid),
        "identificatie": case.reference,
        "bronorganisatie": rsin,
        "omschrijving": case.case_type.name[:80],
        "toelichting": "",
        "zaaktype": url("zaaktypen", case.case_type.code),
        "registratiedatum": case.opened_on.isoformat(),
        "verantwoordelijkeOrganisatie": rsin,
        "startdatum": case.opened_on.isoformat(),
        "einddatum": case.closed_on.isoformat() if case.closed_on else None,
        "vertrouwelijkheidaanduiding": "vertrouwelijk",
        "betalingsindicatieWeergave": "",
        "deelzaken": [],
        "eigenschappen": [],
        "rollen": [r["url"] for r in rollen],
        "status": statussen[-1]["url"] if statussen else None,
        "zaakinformatieobjecten": [],
        "zaakobjecten": [o["url"] for o in objecten],
        "resultaat": resultaat["url"] if resultaat else None,
        "kenmerken": [{"kenmerk": case.riec_reference[:40], "bron": "RIEC"}]
        if case.riec and case.riec_reference
        else [],
    }
    return {
        "zaak": document,
        "statussen": statussen,
        "resultaat": resultaat,
        "rollen": rollen,
        "zaakobjecten": objecten,
    }
