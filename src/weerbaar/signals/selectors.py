"""Public API of the signals app for reads, with need-to-know built in.

Visibility rule for signals: the regisseur/analist role (permission ``signals.view_signal``)
sees every signal; anyone else sees the signals of their own team or shared with them or
their team; nobody else sees anything, and a hidden signal answers like a missing one.
"""

import re
from collections.abc import Callable, Iterable
from uuid import UUID

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.access import may_see_any, visible_q
from weerbaar.accounts.lookup import visible_get
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.models import AuditRecord
from weerbaar.audit.services import audit_record
from weerbaar.core.references import typed_reference
from weerbaar.signals import routing, text_index
from weerbaar.signals.constants import SEE_ALL_PERMISSION, SignalStatus, Visibility
from weerbaar.signals.models import Enrichment, Phenomenon, SavedView, Signal, SignalSubject
from weerbaar.subjects.selectors import subjects_visible_to

# What a reporter is told: enough to know it is being handled, no internal steps.
PUBLIC_STATUS = {
    SignalStatus.NEW: _("Received"),
    SignalStatus.IN_PROGRESS: _("Being looked into"),
    SignalStatus.FOR_LIO: _("Being looked into"),
    SignalStatus.DECIDED: _("Being looked into"),
    SignalStatus.CLOSED: _("Closed"),
}


def signals_visible_to(user) -> QuerySet[Signal]:
    return Signal.objects.filter(
        visible_q(user, model=Signal, see_all_perm=SEE_ALL_PERMISSION, team_field="owner_team")
    )


def may_see_signals(user) -> bool:
    return may_see_any(user, model=Signal, see_all_perm=SEE_ALL_PERMISSION, team_field="owner_team")


URGENCY_ORDER = Case(
    *[When(urgency=u, then=Value(i)) for i, u in enumerate(["urgent", "high", "normal", "low"])],
    output_field=IntegerField(),
)


def signal_list(
    *,
    user,
    status: str = "",
    phenomenon=None,
    channel: str = "",
    assigned: str = "",
    date_from=None,
    date_until=None,
    sort: str = "",
    q: str = "",
    area: str = "",
    request=None,
) -> QuerySet[Signal]:
    """The inbox: visible signals, filtered, newest (or most urgent) first.

    ``q`` is full text (Dutch stemming on PostgreSQL); ``area`` matches the postcode area
    (the four digits) or the place of the signal's address.
    """
    signals = signals_visible_to(user).select_related("phenomenon", "assigned_to")
    if q:
        signals = _matching(signals, q)
        audit_record(
            actor=user,
            action=AuditAction.SIGNAL_SEARCHED,
            request=request,
            extra={"query": q[:200]},
        )
    if area:
        signals = signals.filter(**_area_filter(area))
    conditions = {
        "status": status,
        "phenomenon": phenomenon,
        "channel": channel,
        "reported_on__gte": date_from,
        "reported_on__lte": date_until,
    }
    signals = signals.filter(**{k: v for k, v in conditions.items() if v})
    if assigned == "me":
        signals = signals.filter(assigned_to=user)
    elif assigned == "nobody":
        signals = signals.filter(assigned_to__isnull=True)
    elif assigned.isdigit():
        signals = signals.filter(assigned_to_id=int(assigned))
    if sort == "urgency":
        return signals.order_by(URGENCY_ORDER, "-reported_on", "-id")
    return signals.order_by("-reported_on", "-id")


def _matching(signals: QuerySet[Signal], q: str) -> QuerySet[Signal]:
    """Signals whose text matches ``q``; a typed reference (S-2026-0042, 2026-42) finds its
    signal, since officers quote the number from a letter or a call."""
    reference = typed_reference(q, "S")
    if reference is not None:
        return signals.filter(reference=reference)
    clause = text_index.where(q)
    return signals.filter(pk__in=RawSQL(*clause)) if clause else signals.none()  # noqa: S611


def _area_filter(area: str) -> dict:
    """A postcode area (four digits), a full postcode, or a place: each its own indexed
    lookup, never an OR of them (which the database can only answer by scanning)."""
    code = area.replace(" ", "").upper()
    if re.fullmatch(r"\d{4}", code):
        upper = f"{int(code) + 1:04d}"
        return {"address__address__postcode__gte": code, "address__address__postcode__lt": upper}
    if re.fullmatch(r"\d{4}[A-Z]{2}", code):
        return {"address__address__postcode": code}
    return {"address__address__place__iexact": area.strip()}


def status_counts(*, user) -> dict[str, int]:
    """How many visible signals are in each status (one query)."""
    rows = signals_visible_to(user).values("status").annotate(n=Count("id"))
    counts = {status: 0 for status in SignalStatus.values}
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


# Open signals a start page counts as someone's work, in the order of the flow.
OPEN_STATUSES = [s for s in SignalStatus if s != SignalStatus.CLOSED]


def work_counts(*, user) -> dict:
    """For the start page, in one query: how many visible signals are new (``new``, as the
    inbox filtered on that status lists them) and, per open status, how many are assigned
    to ``user`` (``mine``: status to count, only statuses with any)."""
    counts = {"new": Count("id", filter=Q(status=SignalStatus.NEW))}
    for status in OPEN_STATUSES:
        counts[f"mine_{status}"] = Count("id", filter=Q(assigned_to=user.pk, status=status))
    row = signals_visible_to(user).aggregate(**counts)
    mine = {s: row[f"mine_{s}"] for s in OPEN_STATUSES if row[f"mine_{s}"]}
    return {"new": row["new"], "mine": mine}


def signal_get(
    *, user, signal_id: UUID, request=None, allowed: bool = True, audit: bool = True
) -> Signal:
    """The signal if ``user`` may see it and ``allowed``; audited as viewed unless ``audit``
    is False (a write that records itself); Http404 otherwise."""
    return visible_get(
        signals_visible_to(user).select_related("phenomenon", "address"),
        user=user,
        object_id=signal_id,
        action=AuditAction.SIGNAL_VIEWED if audit else None,
        request=request,
        allowed=allowed,
    )


def public_status(*, signal: Signal) -> str:
    """The status as told to the reporter (intake's follow-up page); a merged duplicate
    reports the status of the signal it was merged into."""
    if signal.merged_into_id:
        signal = signal.merged_into
    return str(PUBLIC_STATUS[SignalStatus(signal.status)])


def phenomena_for_public() -> QuerySet[Phenomenon]:
    return Phenomenon.objects.filter(public=True).order_by("order", "name")


def signal_family(signal: Signal) -> list[int]:
    """The signal and every signal merged into it: their reports all belong to it now."""
    return [signal.pk, *Signal.objects.filter(merged_into=signal).values_list("pk", flat=True)]


def merged_signals(*, signal: Signal) -> QuerySet[Signal]:
    return Signal.objects.filter(merged_into=signal).order_by("reported_on", "id")


def _signals_about(subject_ids: list[int], cap: int = 500) -> tuple[set[int], set[int]]:
    """Ids of signals linked to these subjects and of signals at these addresses: two index
    lookups, instead of one OR over a join that the database can only scan."""
    if not subject_ids:
        return set(), set()
    linked = SignalSubject.objects.filter(subject_id__in=subject_ids).values_list(
        "signal_id", flat=True
    )
    located = Signal.objects.filter(address_id__in=subject_ids).values_list("pk", flat=True)
    return set(linked[:cap]), set(located[:cap])


def signals_about(*, user, subject) -> QuerySet[Signal]:
    """The signals about ``subject`` that ``user`` may see: linked to it, or at it when it
    is an address (two index lookups, not an OR over a join)."""
    linked = SignalSubject.objects.filter(subject=subject).values("signal_id")
    return signals_visible_to(user).filter(Q(pk__in=linked) | Q(address=subject))


def signal_subjects(*, user, signal: Signal) -> list[dict]:
    """The subjects linked to the signal that ``user`` may see, each with what the
    municipality already knows: the other visible signals about it."""
    links = (
        SignalSubject.objects.filter(signal=signal, subject__in=subjects_visible_to(user))
        .select_related("subject")
        .order_by("subject__kind", "subject__label")
    )
    rows = []
    visible = signals_visible_to(user).exclude(pk=signal.pk).filter(merged_into__isnull=True)
    for link in links:
        linked, located = _signals_about([link.subject_id])
        earlier = visible.filter(pk__in=linked | located).order_by("-reported_on", "-id")
        rows.append({"link": link, "subject": link.subject, "earlier": list(earlier[:10])})
    return rows


def related_suggestions(*, user, signal: Signal, limit: int = 10) -> list[tuple[Signal, str]]:
    """Visible signals that may be about the same thing: the same address or linked subjects,
    or the same location as typed. Signals already related or merged are left out."""
    subject_ids = list(signal.subject_links.values_list("subject_id", flat=True))
    if signal.address_id:
        subject_ids.append(signal.address_id)
    linked, located = _signals_about(subject_ids)
    same_place = set()
    if signal.location_text:
        same_place = set(
            Signal.objects.annotate(place=Upper("location_text"))
            .filter(place=signal.location_text.upper())
            .values_list("pk", flat=True)[:500]
        )
    candidates = (
        signals_visible_to(user)
        .filter(pk__in=linked | located | same_place, merged_into__isnull=True)
        .exclude(pk=signal.pk)
        .exclude(pk__in=signal.related.values("pk"))
        .select_related("phenomenon")
        .order_by("-reported_on", "-id")[:limit]
    )
    result = []
    for other in candidates:
        if other.pk in located:
            reason = _("same address")
        elif other.pk in same_place:
            reason = _("same location")
        else:
            reason = _("same subject")
        result.append((other, str(reason)))
    return result


def related_signals(*, user, signal: Signal) -> QuerySet[Signal]:
    return signal.related.filter(pk__in=signals_visible_to(user).values("pk")).order_by(
        "-reported_on"
    )


def enrichments(
    *, signal: Signal, lio_only: bool = False, tombstones: bool = False
) -> QuerySet[Enrichment]:
    """A signal's enrichment; ``lio_only`` for readers outside the municipality. Removed
    items only with ``tombstones`` (the signal page shows who removed what when and why)."""
    rows = Enrichment.objects.filter(signal=signal).select_related("added_by", "removed_by")
    if not tombstones:
        rows = rows.filter(removed_at__isnull=True)
    if lio_only:
        rows = rows.filter(visibility=Visibility.LIO)
    return rows.order_by("-source_date", "-id")


def registry_facts(*, user, signal: Signal, linked=None) -> list[tuple[str, str, str]]:
    """Hard facts from the municipality's own registrations about the linked subjects the
    user may see, as (subject, fact, source): shown beside the graded soft information.
    ``linked`` is the result of ``signal_subjects`` when the caller already has it."""
    linked = signal_subjects(user=user, signal=signal) if linked is None else linked
    subjects = [row["subject"] for row in linked]
    if signal.address_id and signal.address_id not in {s.pk for s in subjects}:
        subjects += list(subjects_visible_to(user).filter(pk=signal.address_id))
    facts = []
    for subject in subjects:
        for fact in _facts_of(subject):
            facts.append((subject.label, fact, subject.source or str(_("municipal registration"))))
    return facts


def _address_facts(detail) -> list[str]:
    facts = []
    if detail.surface_m2:
        facts.append(_("surface area %(m2)s m²") % {"m2": detail.surface_m2})
    if detail.use_purpose:
        facts.append(_("use purpose: %(purpose)s") % {"purpose": detail.get_use_purpose_display()})
    return facts


def _organisation_facts(detail) -> list[str]:
    facts = []
    if detail.kvk_number:
        facts.append(_("KvK number %(kvk)s") % {"kvk": detail.kvk_number})
    if detail.founded_on:
        facts.append(_("founded on %(day)s") % {"day": detail.founded_on.strftime("%d-%m-%Y")})
    if detail.sbi_codes:
        facts.append(_("SBI codes: %(codes)s") % {"codes": ", ".join(detail.sbi_codes)})
    return facts


def _person_facts(detail) -> list[str]:
    if detail.birth_date:
        return [_("born on %(day)s") % {"day": detail.birth_date.strftime("%d-%m-%Y")}]
    return []


def _vehicle_facts(detail) -> list[str]:
    return [" ".join(filter(None, [detail.make, detail.model_name, detail.colour]))]


FACTS = {
    "address": _address_facts,
    "organisation": _organisation_facts,
    "person": _person_facts,
    "vehicle": _vehicle_facts,
}


def _facts_of(subject) -> list[str]:
    # Each kind has its detail row under its own name (subject.person, subject.address ...).
    detail = getattr(subject, subject.kind, None)
    if detail is None:
        return []
    return [str(f) for f in FACTS[subject.kind](detail) if f]


# Reads are not history: the timeline shows what changed and what was said.
TIMELINE_HIDDEN = {
    AuditAction.SIGNAL_VIEWED,
    AuditAction.ACCESS_DENIED,
    AuditAction.SIGNAL_SEARCHED,
}


# What a higher app keeps about a signal (intake: the reports behind it), registered from that
# app's ready(): this app may not import it, and the timeline still shows what happened there.
_timeline_parts: list[Callable[[QuerySet[Signal]], Iterable[UUID]]] = []


def timeline_part_register(ids_of: Callable[[QuerySet[Signal]], Iterable[UUID]]) -> None:
    """Add the ids of the objects another app keeps for a set of signals to their timeline."""
    if ids_of not in _timeline_parts:
        _timeline_parts.append(ids_of)


def signal_timeline(*, signal: Signal, limit: int = 200) -> list[AuditRecord]:
    """Everything that happened to the signal, its merged signals and what the apps that
    registered a timeline part keep for them (their reports), from the audit trail."""
    family = Signal.objects.filter(pk__in=signal_family(signal))
    ids = [str(u) for u in family.values_list("uuid", flat=True)]
    ids += [str(u) for ids_of in _timeline_parts for u in ids_of(family)]
    return list(
        AuditRecord.objects.filter(object_id__in=ids)
        .exclude(action__in=[str(a) for a in TIMELINE_HIDDEN])
        .order_by("-id")[:limit]
    )


def saved_views(*, user) -> QuerySet[SavedView]:
    return SavedView.objects.filter(user=user).order_by("name")


def routing_proposal(*, signal: Signal):
    """The routing rule that fits the signal best, or None (``signals.routing``)."""
    return routing.proposal(signal)


# The counts for the yearly report and the overview live in their own module.
from weerbaar.signals.counts import map_counts, open_counts, yearly_counts  # noqa: E402, F401
