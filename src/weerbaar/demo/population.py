"""A fictional municipality, generated deterministically from a seed, in bulk.

Scale 1 gives 2,000 persons, 800 addresses, 200 organisations and 600 vehicles; scale 500
reaches benchmark size (1,000,000 persons). Rows go in through the subjects services' row
builders and bulk inserts, in batches, so memory stays flat as the scale grows.
"""

import random
import uuid
from datetime import date, timedelta

from django.db import transaction
from faker import Faker

from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.core.normalize import fold, format_plate, key
from weerbaar.demo.names import given_names, surnames, valid_bsn
from weerbaar.subjects.constants import (
    REGISTRY_SOURCES,
    LegalForm,
    RelationKind,
    SubjectKind,
    UsePurpose,
)
from weerbaar.subjects.models import (
    Address,
    NameToken,
    Organisation,
    Person,
    Relation,
    Subject,
    Vehicle,
)
from weerbaar.subjects.services import PersonData, address_rows, person_rows, vocabulary_add

BATCH = 5000
PLACES = ["Weerdam", "Oosterweer", "Weerdijk", "Lageveen"]
SOURCE_BRP, SOURCE_BAG, SOURCE_KVK, SOURCE_RDW = REGISTRY_SOURCES
# A few SBI codes per branch, including the risk branches of DOMAIN.md.
SBI_CODES = [
    "9602",
    "96022",
    "9604",
    "4511",
    "4519",
    "7711",
    "4742",
    "5610",
    "56101",
    "5630",
    "6820",
    "4120",
    "4941",
    "7810",
    "8121",
    "4711",
    "4771",
    "6201",
    "8299",
    "5210",
]
MAKES = [
    ("Volkswagen", "Golf"),
    ("Renault", "Clio"),
    ("Toyota", "Yaris"),
    ("Mercedes-Benz", "Sprinter"),
    ("BMW", "3-serie"),
    ("Audi", "A4"),
    ("Peugeot", "208"),
    ("Kia", "Picanto"),
    ("Ford", "Transit"),
]
POSTCODE_LETTERS = "ABCDEGHJKLMNPRTVWXZ"
STREET_PREFIXES = ["", "Oude ", "Nieuwe ", "Korte ", "Lange "]
STREET_SUFFIXES = ["straat", "laan", "weg", "hof", "singel", "dreef", "plein", "kade"]


def _letters(number: int) -> str:
    """Postcode letters: about four houses per postcode, never SA, SD or SS."""
    return POSTCODE_LETTERS[(number // 80) % 19] + POSTCODE_LETTERS[(number // 4) % 19]


COLOURS = ["zwart", "grijs", "wit", "blauw", "rood", "zilver"]


class Generator:
    def __init__(self, *, seed: int, scale: float, progress=None):
        self.rng = random.Random(seed)
        self.faker = Faker("nl_NL")
        self.faker.seed_instance(seed)
        self.scale = scale
        self.progress = progress or (lambda label, done, total: None)
        self.counts = {
            "persons": int(2000 * scale),
            "addresses": int(800 * scale),
            "organisations": int(200 * scale),
            "vehicles": int(600 * scale),
        }

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def run(self) -> dict[str, int]:
        self.address_ids, self.residential_ids = self._addresses()
        self.person_ids = self._persons()
        self.organisation_ids = self._organisations()
        self._vehicles()
        self._family()
        audit_record(
            actor=None,
            action=AuditAction.SUBJECT_CREATED,
            route="demo-data",
            extra={k: v for k, v in self.counts.items()},
        )
        return self.counts

    def _streets(self) -> list[tuple[str, str, int]]:
        """(street, place, first postcode number) with about 80 addresses per street."""
        # About 45,000 distinct names exist (prefix x surname x suffix); beyond that streets
        # simply get more houses.
        wanted = min(max(self.counts["addresses"] // 80, 5), 40_000)
        names: dict[str, None] = {}
        while len(names) < wanted:
            prefix = self.rng.choices(STREET_PREFIXES, weights=(16, 1, 1, 1, 1))[0]
            surname = self.faker.last_name().split()[-1]
            names[f"{prefix}{surname}{self.rng.choice(STREET_SUFFIXES)}"] = None
        return [(s, PLACES[i % len(PLACES)], 1000 + (i * 7) % 8999) for i, s in enumerate(names)]

    def _save(self, subjects: list[Subject], details: list, model) -> list[int]:
        with transaction.atomic():
            Subject.objects.bulk_create(subjects, batch_size=BATCH)
            for subject, detail in zip(subjects, details, strict=True):
                detail.subject_id = subject.pk
            model.objects.bulk_create(details, batch_size=BATCH)
        return [s.pk for s in subjects]

    def _addresses(self) -> tuple[list[int], list[int]]:
        streets, total = self._streets(), self.counts["addresses"]
        ids, residential, subjects, details = [], [], [], []
        for n in range(total):
            street, place, pc = streets[n % len(streets)]
            number = n // len(streets) + 1
            purpose = (
                UsePurpose.WOON
                if self.rng.random() < 0.88
                else self.rng.choice(list(UsePurpose)[1:])
            )
            subject, address = address_rows(
                street=street,
                house_number=number,
                place=place,
                postcode=f"{pc}{_letters(number)}",
                house_letter=self.rng.choice(["", "", "", "", "", "", "A", "B"]),
                surface_m2=self.rng.randint(35, 180)
                if purpose == UsePurpose.WOON
                else self.rng.randint(40, 2500),
                use_purpose=purpose,
                bag_nummeraanduiding_id=f"9999200{n:09d}",
                bag_verblijfsobject_id=f"9999010{n:09d}",
            )
            subject.uuid, subject.source = self.uuid(), SOURCE_BAG
            subjects.append(subject)
            details.append(address)
            if len(subjects) == BATCH or n == total - 1:
                saved = self._save(subjects, details, Address)
                ids += saved
                residential += [
                    i
                    for i, d in zip(saved, details, strict=True)
                    if d.use_purpose == UsePurpose.WOON
                ]
                subjects, details = [], []
                self.progress("adressen", n + 1, total)
        vocabulary_add({NameToken.Kind.STREET: {key(s) for s, _p, _c in streets}})
        return ids, residential or ids

    def _person(self, n: int) -> PersonData:
        pairs, cumulative = surnames()
        prefix, surname = self.rng.choices(pairs, cum_weights=cumulative)[0]
        born = date(1940, 1, 1) + timedelta(days=self.rng.randint(0, 30000))
        return PersonData(
            surname=surname,
            prefix=prefix,
            given_names=given_names(self.rng),
            birth_date=born,
            bsn=valid_bsn(n),
        )

    def _persons(self) -> list[int]:
        total, ids, batch = self.counts["persons"], [], []
        surname_keys, given_keys = set(), set()
        for n in range(total):
            subject, person = person_rows(self._person(n))
            subject.uuid, subject.source = self.uuid(), SOURCE_BRP
            batch.append((subject, person))
            if len(batch) == BATCH or n == total - 1:
                saved = self._save([s for s, _ in batch], [p for _, p in batch], Person)
                self._registrations(saved)
                for _s, p in batch:
                    surname_keys.add(p.surname_key)
                    given_keys.update(key(g) for g in p.given_names.split())
                ids += saved
                batch = []
                self.progress("personen", n + 1, total)
        vocabulary_add({NameToken.Kind.SURNAME: surname_keys, NameToken.Kind.GIVEN: given_keys})
        return ids

    def _registrations(self, person_ids: list[int]) -> None:
        since = date(2000, 1, 1)
        relations = []
        for pid in person_ids:
            address = self.rng.choice(self.residential_ids)
            valid_from = since + timedelta(days=self.rng.randint(0, 9000))
            relations.append(
                Relation(
                    uuid=self.uuid(),
                    kind=RelationKind.REGISTERED_AT,
                    from_subject_id=pid,
                    to_subject_id=address,
                    valid_from=valid_from,
                    source=SOURCE_BRP,
                )
            )
        Relation.objects.bulk_create(relations, batch_size=BATCH)

    def _organisations(self) -> list[int]:
        total, ids, subjects, details, relations = self.counts["organisations"], [], [], [], []
        for n in range(total):
            name = self.faker.company()
            kvk = f"{60000000 + n * 3:08d}"
            subject = Subject(
                uuid=self.uuid(),
                kind=SubjectKind.ORGANISATION,
                label=name,
                search_text=fold(f"{name} {kvk}"),
                source=SOURCE_KVK,
            )
            org = Organisation(
                name=name,
                kvk_number=kvk,
                legal_form=self.rng.choice(list(LegalForm)),
                sbi_codes=self.rng.sample(SBI_CODES, self.rng.choice((1, 1, 2))),
                founded_on=date(1990, 1, 1) + timedelta(days=self.rng.randint(0, 13000)),
            )
            subjects.append(subject)
            details.append(org)
            if len(subjects) == BATCH or n == total - 1:
                saved = self._save(subjects, details, Organisation)
                for oid in saved:
                    relations.append(
                        Relation(
                            uuid=self.uuid(),
                            kind=RelationKind.REGISTERED_AT,
                            from_subject_id=oid,
                            to_subject_id=self.rng.choice(self.address_ids),
                            source=SOURCE_KVK,
                        )
                    )
                    relations.append(
                        Relation(
                            uuid=self.uuid(),
                            kind=RelationKind.DIRECTS,
                            from_subject_id=self.rng.choice(self.person_ids),
                            to_subject_id=oid,
                            source=SOURCE_KVK,
                        )
                    )
                Relation.objects.bulk_create(relations, batch_size=BATCH)
                ids += saved
                subjects, details, relations = [], [], []
                self.progress("organisaties", n + 1, total)
        return ids

    def _plate(self, n: int) -> str:
        letters = "BDFGHJKLNPRSTVXZ"
        a, b, c = letters[n % 16], letters[(n // 16) % 16], letters[(n // 256) % 16]
        return f"{(n // 4096) % 100:02d}{a}{b}{c}{(n // 409600) % 10}"

    def _vehicles(self) -> None:
        total, subjects, details, relations = self.counts["vehicles"], [], [], []
        for n in range(total):
            plate = self._plate(n)
            make, model = self.rng.choice(MAKES)
            subject = Subject(
                uuid=self.uuid(),
                kind=SubjectKind.VEHICLE,
                label=format_plate(plate),
                search_text=fold(f"{plate} {format_plate(plate)} {make} {model}"),
                source=SOURCE_RDW,
            )
            subjects.append(subject)
            details.append(
                Vehicle(plate=plate, make=make, model_name=model, colour=self.rng.choice(COLOURS))
            )
            if len(subjects) == BATCH or n == total - 1:
                saved = self._save(subjects, details, Vehicle)
                for vid in saved:
                    owner = self.rng.choice(
                        self.person_ids if self.rng.random() < 0.85 else self.organisation_ids
                    )
                    relations.append(
                        Relation(
                            uuid=self.uuid(),
                            kind=RelationKind.VEHICLE_OWNER,
                            from_subject_id=owner,
                            to_subject_id=vid,
                            source=SOURCE_RDW,
                        )
                    )
                Relation.objects.bulk_create(relations, batch_size=BATCH)
                subjects, details, relations = [], [], []
                self.progress("voertuigen", n + 1, total)

    def _family(self) -> None:
        relations = [
            Relation(
                uuid=self.uuid(),
                kind=RelationKind.FAMILY_OF,
                from_subject_id=a,
                to_subject_id=b,
                source=SOURCE_BRP,
            )
            for a, b in (
                self.rng.sample(self.person_ids, 2) for _ in range(len(self.person_ids) // 10)
            )
        ]
        Relation.objects.bulk_create(relations, batch_size=BATCH)
