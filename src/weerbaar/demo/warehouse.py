"""A demo informatiepakhuis: the demo municipality's addresses, registrations and businesses
exported to the flat CSV formats and imported through the real importers, with a few planted
anomalies, then scanned, so the alerts page has something to review."""

import csv
import random
import tempfile
from datetime import date, timedelta
from pathlib import Path

from weerbaar.core import geo
from weerbaar.demo import linkage_data
from weerbaar.demo.names import valid_bsn
from weerbaar.demo.population import SOURCE_BRP
from weerbaar.interventions.selectors import closures_for_warehouse
from weerbaar.subjects.constants import RelationKind
from weerbaar.subjects.models import Address, Organisation, Person
from weerbaar.subjects.services import PersonData, person_create, relation_create
from weerbaar.warehouse import permits, places, services
from weerbaar.warehouse.link_registry import link_all
from weerbaar.warehouse.scan import scan

PANDEN = Path(__file__).resolve().parent / "data" / "0221PND15092020.zip"
BRP_HEADER = [
    "bsn", "geslachtsnaam", "voorvoegsel", "voornamen", "geboortedatum", "geslacht",
    "adresseerbaar_object_id", "nummeraanduiding_id", "straat", "huisnummer", "postcode",
    "datum_aanvang", "datum_einde",
]  # fmt: skip


def _write(path: Path, header: list[str], rows) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, delimiter=";")
        out.writerow(header)
        out.writerows(rows)
    return path


def _bag_rows(addresses, points):
    for a in addresses:
        x, y = points.get(a.bag_nummeraanduiding_id, ("", ""))
        yield [
            a.bag_nummeraanduiding_id, a.bag_verblijfsobject_id, a.postcode, a.house_number,
            a.house_letter, a.house_number_addition, a.street, a.place, a.surface_m2 or "",
            a.use_purpose, "", x, y,
        ]  # fmt: skip


def _points(addresses) -> dict[str, tuple[float, float]]:
    """The demo's addresses placed on Doesburg's real buildings (imported first, as the map's
    base layer): each street a run of neighbouring buildings, the streets spread over the
    town, so a postcode area is a neighbourhood on the map. The demo municipality itself
    stays synthetic: no address of it is real."""
    services.import_bag(path=PANDEN, fmt="pand")
    centres = places.building_centres()
    if not centres:
        return {}
    streets: dict[tuple, list] = {}
    for a in addresses:
        streets.setdefault((a.place, a.street), []).append(a)
    stride = max(1, len(centres) // max(1, len(streets)))
    lons, lats, ids = [], [], []
    for j, (_key, homes) in enumerate(sorted(streets.items())):
        homes.sort(key=lambda a: (a.house_number, a.house_letter))
        for k, a in enumerate(homes):
            lon, lat = centres[(j * stride + k) % len(centres)]
            lons.append(lon)
            lats.append(lat)
            ids.append(a.bag_nummeraanduiding_id)
    xs, ys = geo.to_rd(lons, lats)
    return {i: (x, y) for i, x, y in zip(ids, xs, ys, strict=True)}


class _Residents:
    """Who the demo BRP registers: first the demo municipality's own persons, with the BSNs
    they were created with (so hits open their subject pages), then newcomers the
    application does not know."""

    def __init__(self, rng):
        self.rng, self.count, self.newcomers = rng, 0, []
        self.known = list(
            Person.objects.filter(subject__source=SOURCE_BRP)
            .order_by("subject_id")
            .values_list("surname", "prefix", "given_names", "birth_date")
        )

    def next(self, *, newcomer: bool = False) -> tuple:
        n, self.count = self.count, self.count + 1
        if not newcomer and n < len(self.known):
            surname, prefix, given, born = self.known[n]
            return valid_bsn(n), surname, prefix, given, born
        p = linkage_data.person(self.rng)
        found = (valid_bsn(500_000 + n), p["surname"], p["prefix"], p["given_names"],
                 p["birth_date"])  # fmt: skip
        self.newcomers.append(found)
        return found


def _brp_rows(rng, addresses, planted: dict, residents: _Residents):
    homes = [a for a in addresses if a.use_purpose == "woonfunctie"]
    others = [a for a in addresses if a.use_purpose != "woonfunctie"]

    def person(address, since, until=None, newcomer=True):
        bsn, surname, prefix, given, born = residents.next(newcomer=newcomer)
        return [
            bsn, surname, prefix, given, (born or date(1980, 1, 1)).isoformat(),
            rng.choice("MV"), address.bag_verblijfsobject_id, address.bag_nummeraanduiding_id,
            address.street, address.house_number, address.postcode, since.isoformat(),
            until.isoformat() if until else "",
        ]  # fmt: skip

    for home in homes:
        for _ in range(rng.randint(1, max(1, (home.surface_m2 or 60) // 45))):
            since = date(2005, 1, 1) + timedelta(days=rng.randint(0, 6000))
            yield person(home, since, newcomer=False)
    crowded, churn = homes[3], homes[11]
    for k in range(13):  # planted: thirteen people on a small home
        yield person(crowded, date(2015 + k % 9, 2, 1))
    for k in range(5):  # planted: five people coming and going in a year
        start = date(2025, 1, 6) + timedelta(days=45 * k)
        yield person(churn, start, start + timedelta(days=30))
    if others:  # planted: people registered at a shop or office
        yield person(others[0], date(2024, 9, 1))
        yield person(others[0], date(2024, 9, 1))
    yield from _returned(person, homes, planted)


def _returned(person, homes, planted: dict):
    """Planted: someone living at a closed address who turns up elsewhere afterwards."""
    by_object = {a.bag_verblijfsobject_id: a for a in homes}
    for closure in closures_for_warehouse():
        links = closure.case.subject_links.all()
        closed = next(
            (
                by_object.get(link.subject.address.bag_verblijfsobject_id)
                for link in links
                if link.subject.kind == "address"
            ),
            None,
        )
        if closed is None:
            continue
        before = closure.decision_on - timedelta(days=400)
        row = person(closed, before, closure.decision_on + timedelta(days=30))
        planted.update(bsn=row[0], after=closure.decision_on, closed=closed)
        yield row
        elsewhere = homes[-1] if homes[-1] is not closed else homes[-2]
        yield [
            row[0],
            *row[1:6],
            elsewhere.bag_verblijfsobject_id,
            elsewhere.bag_nummeraanduiding_id,
            elsewhere.street,
            elsewhere.house_number,
            elsewhere.postcode,
            (closure.decision_on + timedelta(days=31)).isoformat(),
            "",
        ]
        return


def _kvk_rows(rng, addresses):
    organisations = list(Organisation.objects.order_by("subject_id")[:150])
    for n, org in enumerate(organisations):
        a = addresses[(n * 7) % len(addresses)]
        yield [
            org.kvk_number, f"{100000000000 + n:012d}", org.name, ",".join(org.sbi_codes),
            (org.founded_on or date(2000, 1, 1)).isoformat(), a.postcode, a.house_number, "", "",
            a.street, a.place,
        ]  # fmt: skip
    hub = addresses[5]
    for k, sbi in enumerate(["9602", "4511", "7711", "6201", "4742", "5630"]):  # planted cluster
        yield [
            f"{70000000 + k:08d}", f"{200000000000 + k:012d}", f"Vestiging {k} op één adres",
            sbi, "2010-05-01", hub.postcode, hub.house_number, "", "", hub.street, hub.place,
        ]  # fmt: skip
    newest = max((o.founded_on for o in organisations if o.founded_on), default=date(2024, 1, 1))
    yield [  # planted: a nail studio founded last
        "79999999", "299999999999", "Nagelstudio Glans", "96022",
        (newest + timedelta(days=10)).isoformat(), hub.postcode, hub.house_number + 2, "", "",
        hub.street, hub.place,
    ]  # fmt: skip


PERMIT_KINDS = [
    "Exploitatievergunning horeca",
    "Alcoholvergunning",
    "Evenementenvergunning",
    "Exploitatievergunning seksinrichting",
]


def _permit_rows(rng, addresses, planted: dict):
    organisations = list(Organisation.objects.exclude(kvk_number="").order_by("subject_id")[:40])
    for n, org in enumerate(organisations):
        a = addresses[(n * 11 + 3) % len(addresses)]
        granted = date(2018, 1, 1) + timedelta(days=rng.randint(0, 2500))
        yield [
            f"V-{2018 + n % 7}-{n + 1:04d}", PERMIT_KINDS[n % len(PERMIT_KINDS)], org.name,
            org.kvk_number, "", a.postcode, a.house_number, a.house_letter,
            a.house_number_addition, a.street, a.place, granted.isoformat(), "",
        ]  # fmt: skip
    if planted:  # planted: the tenant of a closed premises holds a new permit elsewhere
        other = next(a for a in reversed(addresses) if a is not planted["closed"])
        yield [
            "V-PLANT-0001", "Exploitatievergunning horeca", "Demo Persoon", "", planted["bsn"],
            other.postcode, other.house_number, other.house_letter, other.house_number_addition,
            other.street, other.place, (planted["after"] + timedelta(days=90)).isoformat(), "",
        ]  # fmt: skip


def create_warehouse(*, seed: int) -> dict:
    rng = random.Random(f"demo-warehouse-{seed}")
    addresses = list(Address.objects.exclude(bag_verblijfsobject_id="").order_by("subject_id"))
    if not addresses:
        return {}
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        rows = _bag_rows(addresses, _points(addresses))
        header = [*services.CSV_COLUMNS, "x", "y"]
        services.import_bag(path=_write(folder / "bag.csv", header, rows), fmt="csv")
        planted, residents = {}, _Residents(rng)
        rows = _brp_rows(rng, addresses, planted, residents)
        services.import_brp(path=_write(folder / "brp.csv", BRP_HEADER, rows), fmt="csv")
        services.import_kvk(
            path=_write(folder / "kvk.csv", services.KVK_COLUMNS, _kvk_rows(rng, addresses))
        )
        services.import_permits(
            path=_write(
                folder / "permits.csv", permits.COLUMNS, _permit_rows(rng, addresses, planted)
            )
        )
    _recorded_from_reports(rng, residents, planted)
    _recorded_twice(residents)
    _non_residents_twice(addresses)
    link_all()
    return scan()


def _recorded_from_reports(rng, residents: _Residents, planted: dict) -> None:
    """Some newcomers are known to the application only from reports: a name as a reporter
    wrote it, perhaps a date of birth, no BSN; record linkage finds them in the BRP."""
    newcomers = sorted(residents.newcomers, key=lambda r: r[0] != planted.get("bsn"))
    for _bsn, surname, prefix, given, born in newcomers[:16]:
        varied = linkage_data.vary(
            rng,
            {"surname": surname, "prefix": prefix, "given_names": given, "birth_date": born,
             **dict.fromkeys(linkage_data.ADDRESS, "")},
        )  # fmt: skip
        person_create(
            actor=None,
            data=PersonData(
                surname=varied["surname"],
                prefix=varied["prefix"],
                given_names=varied["given_names"] if "." not in varied["given_names"] else "",
                initials=varied["given_names"].replace(".", "")
                if "." in varied["given_names"]
                else "",
                birth_date=varied["birth_date"],
            ),
            source="melding",
        )


def _recorded_twice(residents: _Residents) -> None:
    """A few residents the application already knows from the BRP, recorded again from a
    report with only their initials: the linkage ties both to one BRP record, and the
    analyst finds them among the possible duplicates."""
    for surname, prefix, given, born in residents.known[3:6]:
        person_create(
            actor=None,
            data=PersonData(
                surname=surname,
                prefix=prefix,
                initials="".join(name[0] for name in given.split()),
                birth_date=born,
            ),
            source="melding",
        )


# Two seasonal workers registered nowhere in the town, each recorded twice from reports as
# different reporters wrote them: (given names, initials, surname, birth date) per record.
NON_RESIDENTS = [
    [("Dragan", "", "Petrović", date(1979, 4, 12)), ("", "D", "Petrovic", date(1979, 4, 12))],
    [("Ionela", "", "Popescu", date(1991, 11, 3)), ("Ionela", "", "Popesku", date(1991, 3, 11))],
]


def _non_residents_twice(addresses) -> None:
    """Persons in no BRP recorded twice at the address they were seen at: the linkage
    compares the persons without a BSN with each other and proposes each pair."""
    homes = [a for a in addresses if a.use_purpose == "woonfunctie"][-2:]
    for home, records in zip(homes, NON_RESIDENTS, strict=True):
        for given, initials, surname, born in records:
            subject = person_create(
                actor=None,
                data=PersonData(surname=surname, given_names=given, initials=initials,
                                birth_date=born),
                source="melding",
            )  # fmt: skip
            relation_create(actor=None, kind=RelationKind.LIVES_AT, from_subject=subject,
                            to_subject=home.subject, source="melding")  # fmt: skip
