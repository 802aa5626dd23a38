"""Public API of the subjects app for writes.

Every write normalises what was typed (names, postcodes, plates, KvK numbers), keeps the
search vocabulary up to date and writes its audit record in the same transaction.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from weerbaar.accounts.models import User
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.core.bsn import bsn_hash
from weerbaar.core.normalize import (
    fold,
    format_plate,
    key,
    normalize_kvk,
    normalize_plate,
    normalize_postcode,
)
from weerbaar.core.restrictions import refuse_if_restricted
from weerbaar.subjects.constants import SubjectKind
from weerbaar.subjects.duplicates import (  # noqa: F401
    Proposal,
    duplicate_distinct,
    duplicates_propose,
)
from weerbaar.subjects.merging import subject_merge, subject_unmerge  # noqa: F401
from weerbaar.subjects.models import (
    Address,
    NameToken,
    Organisation,
    Person,
    Relation,
    Subject,
    Vehicle,
)
from weerbaar.subjects.relations import (  # noqa: F401
    relation_check,
    relation_correct,
    relation_end,
    relation_record,
)


@dataclass
class PersonData:
    surname: str
    given_names: str = ""
    initials: str = ""
    prefix: str = ""
    birth_date: date | None = None
    bsn: str = ""


def person_rows(data: PersonData) -> tuple[Subject, Person]:
    """Unsaved rows for one person; used by ``person_create`` and bulk loaders alike."""
    given = " ".join(data.given_names.split())
    initials = data.initials or "".join(w[0] for w in given.split()).upper()
    person = Person(
        given_names=given,
        initials=initials,
        prefix=" ".join(data.prefix.lower().split()),
        surname=" ".join(data.surname.split()),
        birth_date=data.birth_date,
        bsn_hash=bsn_hash(data.bsn) if data.bsn else "",
        surname_key=key(data.surname),
        given_key=key(given.split()[0]) if given else "",
    )
    label = person.full_name
    subject = Subject(kind=SubjectKind.PERSON, label=label, search_text=fold(label))
    return subject, person


def vocabulary_add(tokens: dict[str, set[str]]) -> None:
    """Add new keys to the search vocabulary, ignoring the ones already known."""
    rows = [NameToken(kind=kind, token=t) for kind, values in tokens.items() for t in values if t]
    NameToken.objects.bulk_create(rows, ignore_conflicts=True, batch_size=5000)


def _person_tokens(person: Person) -> dict[str, set[str]]:
    return {
        NameToken.Kind.SURNAME: {person.surname_key},
        NameToken.Kind.GIVEN: {key(g) for g in person.given_names.split()},
    }


def _store(
    *, actor: User | None, subject: Subject, detail, source: str, owner_team=None
) -> Subject:
    """Validate and save a subject with the row of its kind, and audit the creation."""
    subject.source, subject.owner_team = source, owner_team
    subject.full_clean()
    subject.save()
    detail.subject = subject
    detail.full_clean(exclude=["subject"])
    detail.save()
    audit_record(
        actor=actor,
        action=AuditAction.SUBJECT_CREATED,
        obj=subject,
        subject_ref=subject.uuid,
        new={"kind": subject.kind, "source": source},
    )
    return subject


@transaction.atomic
def person_create(*, actor: User | None, data: PersonData, source: str, owner_team=None) -> Subject:
    if not key(data.surname):
        raise ValidationError({"surname": _("Enter a surname.")})
    subject, person = person_rows(data)
    _store(actor=actor, subject=subject, detail=person, source=source, owner_team=owner_team)
    vocabulary_add(_person_tokens(person))
    return subject


@transaction.atomic
def organisation_create(
    *,
    actor: User | None,
    name: str,
    source: str,
    kvk_number: str = "",
    legal_form: str = "",
    sbi_codes: list[str] | None = None,
    founded_on: date | None = None,
    owner_team=None,
) -> Subject:
    kvk = normalize_kvk(kvk_number) if kvk_number else ""
    if kvk and Organisation.objects.filter(kvk_number=kvk).exists():
        raise ValidationError(
            {"kvk_number": _("There already is an organisation with this KvK number.")}
        )
    subject = Subject(
        kind=SubjectKind.ORGANISATION,
        label=name.strip(),
        search_text=fold(f"{name} {kvk}").strip(),
    )
    org = Organisation(
        name=name.strip(),
        kvk_number=kvk,
        legal_form=legal_form,
        sbi_codes=sbi_codes or [],
        founded_on=founded_on,
    )
    return _store(actor=actor, subject=subject, detail=org, source=source, owner_team=owner_team)


def address_rows(
    *,
    street: str,
    house_number: int,
    place: str,
    postcode: str = "",
    house_letter: str = "",
    house_number_addition: str = "",
    **extra,
) -> tuple[Subject, Address]:
    address = Address(
        street=" ".join(street.split()),
        house_number=house_number,
        house_letter=house_letter.upper(),
        house_number_addition=house_number_addition.upper(),
        postcode=normalize_postcode(postcode) if postcode else "",
        place=place.strip(),
        street_key=key(street),
        **extra,
    )
    label = address.display
    subject = Subject(kind=SubjectKind.ADDRESS, label=label, search_text=fold(label))
    return subject, address


@transaction.atomic
def address_create(*, actor: User | None, source: str, owner_team=None, **fields) -> Subject:
    subject, address = address_rows(**fields)
    _store(actor=actor, subject=subject, detail=address, source=source, owner_team=owner_team)
    vocabulary_add({NameToken.Kind.STREET: {address.street_key}})
    return subject


@transaction.atomic
def vehicle_create(
    *,
    actor: User | None,
    plate: str,
    source: str,
    make: str = "",
    model_name: str = "",
    colour: str = "",
    owner_team=None,
) -> Subject:
    normalized = normalize_plate(plate)
    if Vehicle.objects.filter(plate=normalized).exists():
        raise ValidationError({"plate": _("This licence plate has already been recorded.")})
    label = format_plate(normalized)
    subject = Subject(
        kind=SubjectKind.VEHICLE,
        label=label,
        search_text=fold(f"{normalized} {label} {make} {model_name}").strip(),
    )
    vehicle = Vehicle(plate=normalized, make=make, model_name=model_name, colour=colour)
    return _store(
        actor=actor, subject=subject, detail=vehicle, source=source, owner_team=owner_team
    )


@transaction.atomic
def relation_create(
    *,
    actor: User,
    kind: str,
    from_subject: Subject,
    to_subject: Subject,
    source: str,
    valid_from: date | None = None,
    valid_until: date | None = None,
    note: str = "",
) -> Relation:
    relation_check(kind=kind, from_subject=from_subject, to_subject=to_subject)
    refuse_if_restricted(from_subject, to_subject)
    if valid_from and valid_until and valid_until < valid_from:
        raise ValidationError({"valid_until": _("The end date lies before the start date.")})
    relation = Relation(
        kind=kind,
        from_subject=from_subject,
        to_subject=to_subject,
        source=source,
        valid_from=valid_from,
        valid_until=valid_until,
        note=note,
    )
    relation.full_clean()
    relation.save()
    audit_record(
        actor=actor,
        action=AuditAction.RELATION_CREATED,
        obj=relation,
        subject_ref=from_subject.uuid,
        new={"kind": kind, "source": source, "to": str(to_subject.uuid)},
    )
    return relation


def _values(row, fields) -> dict:
    return {f: getattr(row, f) for f in fields}


def _changed(old: dict, new: dict) -> list[str]:
    return [f for f in old if old[f] != new[f]]


def _restore(actor: User, subject: Subject, detail, fields, old: dict, label: str, text=None):
    """Save corrected details and the subject's name and search text; audit old and new."""
    detail.full_clean(exclude=["subject"])
    new = _values(detail, fields)
    changed = _changed(old, new)
    if not changed:
        return subject
    detail.save()
    subject.label, subject.search_text = label, text or fold(label)
    subject.full_clean()
    subject.save(update_fields=["label", "search_text"])
    audit_record(
        actor=actor,
        action=AuditAction.SUBJECT_UPDATED,
        obj=subject,
        subject_ref=subject.uuid,
        old={f: str(old[f]) for f in changed},
        new={f: str(new[f]) for f in changed},
    )
    return subject


PERSON_FIELDS = ("given_names", "initials", "prefix", "surname", "birth_date")


@transaction.atomic
def person_update(
    *,
    actor: User,
    subject: Subject,
    surname: str,
    given_names: str = "",
    prefix: str = "",
    birth_date: date | None = None,
) -> Subject:
    """Correct a person's name or date of birth (the BSN is not changed here)."""
    if not key(surname):
        raise ValidationError({"surname": _("Enter a surname.")})
    person = Person.objects.select_for_update().get(subject=subject)
    old = _values(person, PERSON_FIELDS)
    initials = "" if given_names.strip() else person.initials
    data = PersonData(surname, given_names, initials, prefix, birth_date)
    _subject, fresh = person_rows(data)
    for name in (*PERSON_FIELDS, "surname_key", "given_key"):
        setattr(person, name, getattr(fresh, name))
    vocabulary_add(_person_tokens(person))
    return _restore(actor, subject, person, PERSON_FIELDS, old, person.full_name)


ADDRESS_FIELDS = tuple(
    "street house_number house_letter house_number_addition postcode place surface_m2 "
    "use_purpose".split()
)


@transaction.atomic
def address_update(*, actor: User, subject: Subject, **fields) -> Subject:
    """Correct an address (street, number, postcode, place, surface, use)."""
    address = Address.objects.select_for_update().get(subject=subject)
    old = _values(address, ADDRESS_FIELDS)
    _subject, fresh = address_rows(**fields)
    for name in (*ADDRESS_FIELDS, "street_key"):
        setattr(address, name, getattr(fresh, name))
    vocabulary_add({NameToken.Kind.STREET: {address.street_key}})
    return _restore(actor, subject, address, ADDRESS_FIELDS, old, address.display)


ORGANISATION_FIELDS = ("name", "kvk_number", "legal_form", "sbi_codes", "founded_on")


@transaction.atomic
def organisation_update(
    *,
    actor: User,
    subject: Subject,
    name: str,
    kvk_number: str = "",
    legal_form: str = "",
    sbi_codes: list[str] | None = None,
    founded_on: date | None = None,
) -> Subject:
    org = Organisation.objects.select_for_update().get(subject=subject)
    kvk = normalize_kvk(kvk_number) if kvk_number else ""
    if kvk and Organisation.objects.filter(kvk_number=kvk).exclude(pk=org.pk).exists():
        raise ValidationError(
            {"kvk_number": _("There already is an organisation with this KvK number.")}
        )
    old = _values(org, ORGANISATION_FIELDS)
    org.name, org.kvk_number, org.legal_form = name.strip(), kvk, legal_form
    org.sbi_codes, org.founded_on = sbi_codes or [], founded_on
    text = fold(f"{org.name} {kvk}").strip()
    return _restore(actor, subject, org, ORGANISATION_FIELDS, old, org.name, text)


VEHICLE_FIELDS = ("plate", "make", "model_name", "colour")


@transaction.atomic
def vehicle_update(
    *,
    actor: User,
    subject: Subject,
    plate: str,
    make: str = "",
    model_name: str = "",
    colour: str = "",
) -> Subject:
    vehicle = Vehicle.objects.select_for_update().get(subject=subject)
    normalized = normalize_plate(plate)
    if Vehicle.objects.filter(plate=normalized).exclude(pk=vehicle.pk).exists():
        raise ValidationError({"plate": _("This licence plate has already been recorded.")})
    old = _values(vehicle, VEHICLE_FIELDS)
    vehicle.plate, vehicle.make, vehicle.model_name = normalized, make.strip(), model_name.strip()
    vehicle.colour = colour.strip()
    label = format_plate(normalized)
    text = fold(f"{normalized} {label} {vehicle.make} {vehicle.model_name}").strip()
    return _restore(actor, subject, vehicle, VEHICLE_FIELDS, old, label, text)
