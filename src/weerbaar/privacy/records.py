"""The records of the apps below ``privacy`` about one subject, for the overview of a data
subject's request (``core.subject_records``); the warehouse registers its own. Only what an
officer recorded about the subject goes in a record's facts: the reporter's own words and
the officials' names stay out of the copy by construction."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.cases.models import Case, CaseSubject
from weerbaar.core import subject_records
from weerbaar.core.subject_records import Record
from weerbaar.inspections.models import AddressCheck, Inspection, ResearchNote, TypedCandidate
from weerbaar.interventions.models import Intervention
from weerbaar.meetings.models import AgendaItem
from weerbaar.privacy import police
from weerbaar.screening.models import Screening
from weerbaar.signals.models import Signal, SignalSubject
from weerbaar.subjects.models import Relation


def _facts(*pairs) -> tuple[tuple[str, str], ...]:
    return tuple((str(label), str(value)) for label, value in pairs if value not in (None, ""))


def _day(value) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def _subject(subject):
    facts = [(_("Kind"), subject.get_kind_display()), (_("Name"), subject.label)]
    person = getattr(subject, "person", None) if subject.kind == "person" else None
    if person is not None:
        facts.append((_("Date of birth"), _day(person.birth_date)))
        facts.append((_("BSN"), _("recorded (as a keyed hash)") if person.bsn_hash else ""))
    facts.append((_("Source"), subject.source))
    yield Record(
        group=_("Recorded data"),
        object_type="subjects.subject",
        terms=("subject_recorded",),
        object_id=str(subject.uuid),
        reference=subject.label,
        title=_("The recorded data themselves"),
        day=timezone.localdate(subject.created_at),
        facts=_facts(*facts),
    )
    relations = Relation.objects.filter(
        Q(from_subject=subject) | Q(to_subject=subject)
    ).select_related("from_subject", "to_subject")
    for relation in relations:
        other = (
            relation.to_subject if relation.from_subject_id == subject.pk else relation.from_subject
        )
        yield Record(
            group=_("Relations"),
            object_type="subjects.relation",
            terms=("subject_recorded",),
            object_id=str(relation.uuid),
            reference=relation.get_kind_display(),
            title=other.label,
            day=relation.valid_from,
            facts=_facts(
                (_("Relation"), relation.get_kind_display()),
                (_("With"), other.label),
                (_("From"), _day(relation.valid_from)),
                (_("Until"), _day(relation.valid_until)),
                (_("Source"), relation.source),
            ),
        )


def signal_ids(subject) -> set[int]:
    """The signals about the subject: linked to it, or at it when it is an address."""
    linked = set(SignalSubject.objects.filter(subject=subject).values_list("signal_id", flat=True))
    return linked | set(Signal.objects.filter(address=subject).values_list("pk", flat=True))


def case_ids(subject) -> set[int]:
    own = set(CaseSubject.objects.filter(subject=subject).values_list("case_id", flat=True))
    through = Case.signals.through.objects.filter(signal_id__in=signal_ids(subject))
    return own | set(through.values_list("case_id", flat=True))


def _signals(subject):
    roles = dict(SignalSubject.objects.filter(subject=subject).values_list("signal_id", "role"))
    labels = dict(SignalSubject._meta.get_field("role").choices)
    signals = Signal.objects.filter(pk__in=signal_ids(subject)).select_related(
        "phenomenon", "address"
    )
    for signal in signals.order_by("reported_on", "pk"):
        yield Record(
            group=_("Signals"),
            object_type="signals.signal",
            terms=("signal_no_action", "signal_case", "reporter_contact"),
            object_id=str(signal.uuid),
            reference=signal.reference,
            title=signal.summary or str(signal.phenomenon or ""),
            day=signal.reported_on,
            facts=_facts(
                (_("Reported on"), _day(signal.reported_on)),
                (_("Phenomenon"), signal.phenomenon or ""),
                (_("Status"), signal.get_status_display()),
                (_("Role"), labels.get(roles.get(signal.pk), _("Address"))),
                (_("Address"), signal.address.label if signal.address else ""),
                (_("Summary"), signal.summary),
                (_("Closed on"), _day(signal.closed_on)),
            ),
        )


def _cases(subject):
    roles = dict(CaseSubject.objects.filter(subject=subject).values_list("case_id", "role"))
    labels = dict(CaseSubject._meta.get_field("role").choices)
    cases = Case.objects.filter(pk__in=case_ids(subject)).select_related("case_type")
    through = Case.signals.through.objects.filter(signal_id__in=signal_ids(subject))
    sources: dict[int, list[str]] = {}
    for case_id, uuid in through.values_list("case_id", "signal__uuid"):
        sources.setdefault(case_id, []).append(f"signals.signal:{uuid}")
    for case in cases.order_by("opened_on", "pk"):
        # Linked to the person itself, the case stands on its own; else it comes from them.
        parents = () if case.pk in roles else tuple(sources.get(case.pk, ()))
        yield Record(
            parents=parents,
            group=_("Cases"),
            object_type="cases.case",
            terms=("case",),
            object_id=str(case.uuid),
            reference=case.reference,
            # The type, not the title: a title made from a signal holds the reporter's words.
            title=case.case_type.name,
            day=case.opened_on,
            facts=_facts(
                (_("Case type"), case.case_type.name),
                (_("Status"), case.status),
                (_("Role"), labels.get(roles.get(case.pk), _("Through a signal"))),
                (_("Opened on"), _day(case.opened_on)),
                (_("Closed on"), _day(case.closed_on)),
                (_("Result"), case.result),
            ),
        )


def _measures(subject):
    measures = Intervention.objects.filter(case_id__in=case_ids(subject)).select_related(
        "instrument", "case"
    )
    for measure in measures.order_by("pk"):
        yield Record(
            parents=(f"cases.case:{measure.case.uuid}",),
            group=_("Measures"),
            object_type="interventions.intervention",
            terms=("intervention",),
            object_id=str(measure.uuid),
            # Not the case's number: a withheld case must not show through its measure.
            reference=measure.instrument.name,
            title="",
            day=measure.decision_on,
            facts=_facts(
                (_("Measure"), measure.instrument.name),
                (_("Stage"), measure.get_stage_display()),
                (_("Intention sent on"), _day(measure.intention_sent_on)),
                (_("Decision taken on"), _day(measure.decision_on)),
                (_("Takes effect on"), _day(measure.starts_on)),
            ),
        )


def _meetings(subject):
    items = AgendaItem.objects.filter(signal_id__in=signal_ids(subject)).select_related(
        "meeting__series", "signal"
    )
    for item in items.order_by("meeting__starts_at", "pk"):
        yield Record(
            parents=(f"signals.signal:{item.signal.uuid}",),
            group=_("Meetings"),
            object_type="meetings.agendaitem",
            terms=("meeting_minutes",),
            object_id=str(item.uuid),
            # Not the signal's number: a withheld signal must not show through its meeting.
            reference=str(item.meeting.series),
            title="",
            day=timezone.localdate(item.meeting.starts_at),
            facts=_facts(
                (_("Meeting"), item.meeting.series),
                (_("Date"), _day(timezone.localdate(item.meeting.starts_at))),
                (_("Decision"), item.get_decision_display()),
            ),
        )


def _controls(subject):
    inspections = Inspection.objects.filter(
        Q(addresses=subject) | Q(businesses=subject)
    ).select_related("kind")
    for inspection in inspections.distinct().order_by("planned_on", "pk"):
        yield Record(
            group=_("Controls"),
            object_type="inspections.inspection",
            terms=("inspection",),
            object_id=str(inspection.uuid),
            reference=inspection.reference,
            title=inspection.kind.name,
            day=inspection.held_on or inspection.planned_on,
            facts=_facts(
                (_("Kind"), inspection.kind.name),
                (_("Planned date"), _day(inspection.planned_on)),
                (_("Held on"), _day(inspection.held_on)),
                (_("Outcome"), inspection.get_outcome_display()),
            ),
        )
    checks = AddressCheck.objects.filter(Q(address=subject) | Q(persons=subject))
    for check in checks.distinct().order_by("planned_on", "pk"):
        yield Record(
            group=_("Controls"),
            object_type="inspections.addresscheck",
            terms=("inspection",),
            object_id=str(check.uuid),
            reference=check.reference,
            title=_("Address check"),
            day=check.checked_on or check.planned_on,
            facts=_facts(
                (_("Planned date"), _day(check.planned_on)),
                (_("Checked on"), _day(check.checked_on)),
                (_("Outcome"), check.get_outcome_display()),
            ),
        )


def _research_and_candidates(subject):
    notes = ResearchNote.objects.filter(business=subject).select_related("inspection")
    for note in notes.order_by("consulted_on", "pk"):
        yield Record(
            parents=(f"inspections.inspection:{note.inspection.uuid}",),
            group=_("Controls"),
            object_type="inspections.researchnote",
            terms=("inspection",),
            object_id=str(note.uuid),
            reference=note.inspection.reference,
            title=_("Open-source research"),
            day=note.consulted_on,
            facts=_facts(
                (_("Consulted on"), _day(note.consulted_on)),
                (_("Source"), note.source_url),
                (_("What was found"), note.found),
                (_("Grading"), note.grading),
            ),
        )
    # Kept until it is planned or removed, so no term of its own.
    for candidate in TypedCandidate.objects.filter(address=subject).order_by("created_at", "pk"):
        yield Record(
            group=_("Controls"),
            object_type="inspections.typedcandidate",
            object_id=str(candidate.uuid),
            reference=_("Candidate for a control"),
            title="",
            day=timezone.localdate(candidate.created_at),
            facts=_facts(
                (_("Added on"), _day(timezone.localdate(candidate.created_at))),
                (_("Why a control"), candidate.note),
            ),
        )


def _screenings(subject):
    # The screenings the person knows of: they applied, or a party was named in the
    # questionnaire they filled in. Bibob files never go in the copy (art. 28).
    screenings = Screening.objects.filter(
        Q(applicant=subject) | Q(parties__subject=subject)
    ).select_related("permit_kind")
    for screening in screenings.distinct().order_by("application_received_on", "pk"):
        yield Record(
            group=_("Bibob screenings"),
            object_type="screening.screening",
            terms=("screening",),
            object_id=str(screening.uuid),
            reference=screening.reference,
            title=screening.permit_kind.name,
            day=screening.application_received_on,
            facts=_facts(
                (_("Permit kind"), screening.permit_kind.name),
                (_("Application received on"), _day(screening.application_received_on)),
                (_("Status"), screening.get_status_display()),
            ),
            compartment="bibob",
        )


def register() -> None:
    for order, (name, finder) in enumerate(
        [
            ("subjects", _subject),
            ("signals", _signals),
            ("cases", _cases),
            ("interventions", _measures),
            ("meetings", _meetings),
            ("inspections", _controls),
            ("inspections-research", _research_and_candidates),
            ("screening", _screenings),
        ]
    ):
        subject_records.register(name, finder, order=order * 10)
    police.register(order=75)
