"""Public API of the subjects app for reads, with need-to-know built in.

Visibility rule for subjects (prose, as decided in ``accounts.access``):
- roles whose permission includes ``subjects.view_subject`` (regisseur, behandelaar,
  toezichthouder, Bibob-coördinator) see every subject: the municipality's own registrations;
- anyone else sees a subject their team recorded, or one shared with them or their team
  (a ketenpartner sees exactly what was shared for the LIO);
- nobody else sees anything, and a hidden subject answers exactly like a missing one.
"""

from uuid import UUID

from django.db.models import Case, F, Q, QuerySet, When

from weerbaar.accounts.access import can_use, is_active_user, may_see_any, visible_q
from weerbaar.accounts.lookup import visible_get
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.services import audit_record
from weerbaar.subjects.constants import MERGE_PERMISSION, SEE_ALL_PERMISSION, RelationKind
from weerbaar.subjects.models import (
    DuplicatePair,
    Organisation,
    Person,
    Relation,
    Subject,
    SubjectMerge,
)
from weerbaar.subjects.search import SearchHit, search


def subjects_visible_to(user) -> QuerySet[Subject]:
    return Subject.objects.filter(
        visible_q(user, model=Subject, see_all_perm=SEE_ALL_PERMISSION, team_field="owner_team")
    )


def may_search_subjects(user) -> bool:
    """Whether the search screen is of use: a see-all role, or anything visible at all."""
    if can_use(user, SEE_ALL_PERMISSION):
        return True
    return may_see_any(user, model=Subject, see_all_perm=None, team_field="owner_team")


def subject_get(
    *, user, subject_id: UUID, request=None, purpose: str = "", allowed: bool = True
) -> Subject:
    """The subject with its kind's details if ``user`` may see it; Http404 otherwise.

    Every successful read is audited; a refused one is audited as denied.
    """
    return visible_get(
        subjects_visible_to(user).select_related(
            "person", "organisation", "address", "vehicle", "owner_team"
        ),
        user=user,
        object_id=subject_id,
        action=AuditAction.SUBJECT_VIEWED,
        request=request,
        subject=True,
        purpose=purpose,
        allowed=allowed,
    )


def subject_relations(*, user, subject: Subject) -> list[tuple[Relation, Subject, bool]]:
    """Relations of a subject the user can see, as (relation, other subject, outgoing).

    A relation is shown only when the subject at its other end is visible too.
    """
    visible = subjects_visible_to(user).values("pk")
    relations = (
        Relation.objects.filter(Q(from_subject=subject) | Q(to_subject=subject))
        .filter(Q(from_subject__in=visible) & Q(to_subject__in=visible))
        .select_related("from_subject", "to_subject")
        .order_by("kind", "-valid_from")
    )
    return [
        (
            r,
            r.to_subject if r.from_subject_id == subject.pk else r.from_subject,
            r.from_subject_id == subject.pk,
        )
        for r in relations[:500]
    ]


def relation_get(
    *, user, relation_id: UUID, request=None, allowed: bool = True, audit: bool = True
) -> Relation:
    """A relation whose two ends ``user`` may see; its read is audited unless the caller
    writes (and audits) it."""
    visible = subjects_visible_to(user).values("pk")
    return visible_get(
        Relation.objects.filter(from_subject__in=visible, to_subject__in=visible).select_related(
            "from_subject", "to_subject", "recorded_by"
        ),
        user=user,
        object_id=relation_id,
        action=AuditAction.RELATION_VIEWED if audit else None,
        request=request,
        allowed=allowed,
        subject_of=lambda relation: relation.from_subject.uuid,
    )


def subject_search(*, user, query: str, limit: int = 25, request=None) -> list[SearchHit]:
    """Ranked, typo-tolerant search over the subjects ``user`` may see; audited."""
    if not is_active_user(user):
        return []
    # A merged duplicate is reached through the subject it was merged into.
    hits = search(subjects_visible_to(user).filter(merged_into__isnull=True), query, limit=limit)
    audit_record(
        actor=user,
        action=AuditAction.SUBJECT_SEARCHED,
        request=request,
        extra={"query": query[:200], "results": len(hits)},
    )
    return hits


def subject_search_all(
    *, user, query: str, allowed: bool, purpose: str, limit: int = 25, request=None
) -> list[SearchHit]:
    """The same search over every subject, for a task beyond need-to-know whose right the
    caller checked (``allowed``: the FG answering a data subject's request); audited with its
    purpose. Refused (no hits) for anyone else."""
    if not (is_active_user(user) and allowed):
        return []
    hits = search(Subject.objects.all(), query, limit=limit)
    audit_record(
        actor=user,
        action=AuditAction.SUBJECT_SEARCHED,
        request=request,
        purpose=purpose,
        extra={"query": query[:200], "results": len(hits)},
    )
    return hits


def address_suggestions(*, query: str, limit: int = 8) -> list[Subject]:
    """Registry addresses (BAG) for the public form's autocomplete.

    Addresses from the base registration are public data; subjects recorded by a team are
    never offered. Nothing is audited: no personal data is read.
    """
    from weerbaar.subjects.search import address_candidates

    return address_candidates(query, limit=limit)


def registry_address_by_label(*, label: str) -> Subject | None:
    """The registry address whose label is exactly ``label``, to link a report to it."""
    return Subject.objects.filter(
        kind="address", owner_team__isnull=True, label=label.strip()
    ).first()


def subjects_for_registry(
    *,
    user,
    object_ids=(),
    addresses=(),
    kvk_numbers=(),
    bsn_hashes=(),
    subject_ids=(),
) -> list[Subject]:
    """The subjects the user may see that registry records point at, so a warehouse hit
    opens the right subject pages: addresses by BAG object id or by postcode and house
    number (``addresses`` holds (postcode, number, letter, addition) tuples), organisations
    by KvK number, persons by hashed BSN, and subjects already linked by record linkage."""
    door = Q(pk__in=[])
    if ids := [i for i in object_ids if i]:
        door |= Q(address__bag_verblijfsobject_id__in=ids)
    for postcode, number, letter, addition in addresses:
        if postcode and number:
            door |= Q(
                address__postcode=postcode,
                address__house_number=number,
                address__house_letter=letter or "",
                address__house_number_addition=addition or "",
            )
    if numbers := [n for n in kvk_numbers if n]:
        door |= Q(organisation__kvk_number__in=numbers)
    if hashes := [h for h in bsn_hashes if h]:
        door |= Q(person__bsn_hash__in=hashes)
    if subject_ids:
        door |= Q(uuid__in=list(subject_ids))
    return list(
        subjects_visible_to(user)
        .filter(door)
        .select_related("address", "organisation", "person")
        .order_by("kind", "label")[:20]
    )


def _addresses_for_linkage(kind: str) -> dict[int, tuple]:
    """(street, house number, postcode, place) per subject of ``kind`` recorded without a
    registry number: the address it lives or is registered at now, else any it is tied to."""
    unregistered = (
        {"from_subject__person__bsn_hash": ""}
        if kind == "person"
        else {"from_subject__organisation__kvk_number": ""}
    )
    found: dict[int, tuple] = {}
    rows = (
        Relation.objects.filter(from_subject__kind=kind, to_subject__kind="address", **unregistered)
        # lived or registered at first, ended relations last, then the newest: the first row
        # per subject wins
        .order_by(
            "from_subject_id",
            Case(
                When(kind__in=[RelationKind.LIVES_AT, RelationKind.REGISTERED_AT], then=0),
                default=1,
            ),
            F("valid_until").desc(nulls_first=True),
            "-pk",
        )  # fmt: skip
        .values_list(
            "from_subject_id",
            "to_subject__address__street",
            "to_subject__address__house_number",
            "to_subject__address__postcode",
            "to_subject__address__place",
        )
    )
    for pk, *address in rows.iterator(chunk_size=5000):
        found.setdefault(pk, tuple(address))
    return found


NO_ADDRESS = ("", "", "", "")


def persons_for_linkage():
    """(uuid, surname, prefix, given names or initials, birth date, street, house number,
    postcode, place) of every person recorded without a BSN, for record linkage against the
    BRP extract. A system job, not a user's read: the pairs it finds are shown through the
    usual need-to-know."""
    addresses = _addresses_for_linkage("person")
    rows = (
        Person.objects.filter(bsn_hash="", subject__merged_into__isnull=True)
        .values_list(
            "subject_id",
            "subject__uuid",
            "surname",
            "prefix",
            "given_names",
            "initials",
            "birth_date",
        )  # fmt: skip
        .order_by("subject_id")
    )
    for pk, uuid, surname, prefix, given, initials, birth in rows.iterator(chunk_size=5000):
        address = addresses.get(pk, NO_ADDRESS)
        yield str(uuid), surname, prefix, given or initials, birth or "", *address


def organisations_for_linkage():
    """(uuid, name, street, house number, postcode, place) of every organisation recorded
    without a KvK number, with the address it is registered or located at when one is
    recorded; for record linkage against the KvK extract (a system job, like
    ``persons_for_linkage``)."""
    addresses = _addresses_for_linkage("organisation")
    rows = Organisation.objects.filter(
        kvk_number="", subject__merged_into__isnull=True
    ).values_list("subject_id", "subject__uuid", "name")
    for pk, uuid, name in rows.order_by("subject_id").iterator(chunk_size=5000):
        yield str(uuid), name, *addresses.get(pk, NO_ADDRESS)


def subjects_for_export(*, user, uuids) -> QuerySet[Subject]:
    """The subjects among ``uuids`` that ``user`` may see, with what an export writes of them
    (an export's reads are recorded by the export itself)."""
    return (
        subjects_visible_to(user)
        .filter(uuid__in=list(uuids))
        .select_related("person", "organisation", "address", "vehicle")
    )


def subject_keys(uuids) -> dict[str, int]:
    """Primary keys of subjects by their public id (for a system job that stores links)."""
    return {
        str(u): pk
        for u, pk in Subject.objects.filter(uuid__in=list(uuids)).values_list("uuid", "pk")
    }


def may_merge(user) -> bool:
    return is_active_user(user) and can_use(user, MERGE_PERMISSION)


def duplicates_open(user, *, kind: str = "") -> QuerySet[DuplicatePair]:
    """The pairs waiting for the analyst's judgement, most likely first; none for anyone
    who may not merge (the judgement needs every subject in view)."""
    if not may_merge(user):
        return DuplicatePair.objects.none()
    rows = DuplicatePair.objects.filter(
        status=DuplicatePair.Status.OPEN,
        first__merged_into__isnull=True,
        second__merged_into__isnull=True,
    )
    if kind:
        rows = rows.filter(first__kind=kind)
    return rows.select_related("first", "second").order_by("-probability", "pk")


def duplicate_get(*, user, pair_id: UUID, request=None) -> DuplicatePair:
    """A possible duplicate with both its subjects, for the analyst who may merge."""
    return visible_get(
        DuplicatePair.objects.select_related(
            *(
                f"{side}__{d}"
                for side in ("first", "second")
                for d in ("person", "organisation", "address", "vehicle", "owner_team")
            )
        ),  # fmt: skip
        user=user,
        object_id=pair_id,
        action=AuditAction.DUPLICATE_VIEWED,
        request=request,
        allowed=may_merge(user),
        subject_of=lambda pair: pair.first.uuid,
    )


def subject_merges(subject: Subject) -> list[SubjectMerge]:
    """The merges the subject took part in, either side, newest first (for its page, which
    the caller has already read with need-to-know)."""
    return list(
        SubjectMerge.objects.filter(Q(kept=subject) | Q(absorbed=subject))
        .select_related("kept", "absorbed", "merged_by", "undone_by")
        .order_by("-created_at")
    )


def merge_get(*, user, merge_id: UUID, request=None) -> SubjectMerge:
    """A merge, to undo it; only for who may merge. The undoing audits itself."""
    return visible_get(
        SubjectMerge.objects.select_related("kept", "absorbed"),
        user=user,
        object_id=merge_id,
        action=None,
        request=request,
        allowed=may_merge(user),
    )


def subjects_by_registry_key(kind: str, keys) -> dict[str, list[int]]:
    """Subjects (by primary key) that carry one of ``keys`` themselves: the hashed BSN of a
    person, the KvK number of an organisation; merged duplicates left out. A system job's
    read, like ``persons_for_linkage``."""
    keys = [k for k in set(keys) if k]
    if kind == "person":
        rows = Person.objects.filter(bsn_hash__in=keys).values_list("bsn_hash", "subject_id")
    else:
        rows = Organisation.objects.filter(kvk_number__in=keys).values_list(
            "kvk_number", "subject_id"
        )
    found: dict[str, list[int]] = {}
    for key, pk in rows.filter(subject__merged_into__isnull=True):
        found.setdefault(key, []).append(pk)
    return found


def merged_into_visible(*, user, subject: Subject) -> Subject | None:
    """The subject a merged duplicate went into, when ``user`` may see it."""
    if not subject.merged_into_id:
        return None
    return subjects_visible_to(user).filter(pk=subject.merged_into_id).first()
