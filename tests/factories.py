"""Users, teams and the main objects of every app for tests. Objects with invariants or an
audit row are made through their app's service (a factory's ``_create`` calls it), so a
test's world has the same audit trail as one made through the pages."""

from datetime import timedelta

import factory
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from weerbaar.accounts.models import Team, TeamMembership, User
from weerbaar.cases.models import CaseType
from weerbaar.interventions.models import Instrument
from weerbaar.police.models import Purpose
from weerbaar.screening.models import PermitKind
from weerbaar.subjects import services as subject_services


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Gebruiker{n}")
    password = factory.PostGenerationMethodCall("set_password", "geheim-wachtwoord-123")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if extracted:
            self.groups.set([Group.objects.get(name=r) for r in extracted])
        self.save()

    @factory.post_generation
    def teams(self, create, extracted, **kwargs):
        for team in extracted or []:
            TeamMembership.objects.create(team=team, user=self)


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    name = factory.Sequence(lambda n: f"Team {n}")


def make_person(name: str = "Jan van der Berg", *, owner_team=None, bsn: str = "", birth=None):
    from weerbaar.core.normalize import parse_name

    parsed = parse_name(name)
    return subject_services.person_create(
        actor=None,
        data=subject_services.PersonData(
            surname=parsed.surname,
            prefix=parsed.prefix,
            given_names=parsed.given_names,
            bsn=bsn,
            birth_date=birth,
        ),
        source="test",
        owner_team=owner_team,
    )


def make_address(street="Kerkstraat", number=12, postcode="1234AB", place="Weerdam", **extra):
    return subject_services.address_create(
        actor=None,
        source="test",
        street=street,
        house_number=number,
        postcode=postcode,
        place=place,
        **extra,
    )


def login(user) -> Client:
    """A test client logged in as ``user``."""
    client = Client()
    client.force_login(user)
    return client


# A privacy weighing that passes: proportional and subsidiary, with the reasons written out.
WEIGHING = {
    "purpose": "administrative",
    "purpose_text": "Een sluiting voorbereiden.",
    "proportional": True,
    "proportionality_text": "Ernstige feiten op dit adres.",
    "subsidiary": True,
    "subsidiarity_text": "Een waarschuwing werkte niet.",
}


class _ServiceFactory(factory.django.DjangoModelFactory):
    """Rows made by the subclass's ``_service(**fields)``: invariants and audit row hold."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return cls._service(**kwargs)


# Subjects: each factory returns the Subject (what links, shares and selectors take).
class PersonFactory(_ServiceFactory):
    class Meta:
        model = "subjects.Subject"

    name = factory.Iterator(["Anna de Vries", "Piet Pietersen", "Karel de Bruijn", "Fatima Amrani"])
    owner_team = None
    bsn = ""

    @staticmethod
    def _service(*, name, **fields):
        return make_person(name, **fields)


class AddressFactory(_ServiceFactory):
    class Meta:
        model = "subjects.Subject"

    street = "Kerkstraat"
    number = factory.Sequence(lambda n: n + 1)
    postcode = "1234AB"
    place = "Weerdam"

    @staticmethod
    def _service(**fields):
        return make_address(**fields)


class OrganisationFactory(_ServiceFactory):
    class Meta:
        model = "subjects.Subject"

    name = factory.Sequence(lambda n: f"Handelsonderneming {n}")
    kvk_number = factory.Sequence(lambda n: f"{10000000 + n}")

    @staticmethod
    def _service(**fields):
        return subject_services.organisation_create(actor=None, source="test", **fields)


class VehicleFactory(_ServiceFactory):
    class Meta:
        model = "subjects.Subject"

    plate = factory.Sequence(lambda n: f"{10 + n % 90}-KBB-{1 + n % 9}")

    @staticmethod
    def _service(**fields):
        return subject_services.vehicle_create(actor=None, source="test", **fields)


def weigh(signal, *, phase="case", actor=None):
    """Record a passing weighing of ``signal`` for ``phase``, by ``actor`` or a regisseur."""
    from weerbaar.signals.services import weighing_record

    actor = actor or UserFactory(roles=["regisseur"])
    return weighing_record(actor=actor, signal=signal, phase=phase, **WEIGHING)


class SignalFactory(_ServiceFactory):
    """A new internal signal; ``weighed="case"`` adds a passing weighing for that phase
    (``weighed__actor`` who records it)."""

    class Meta:
        model = "signals.Signal"
        skip_postgeneration_save = True

    channel = "internal"
    description = "Hennepkwekerij in de schuur."

    @staticmethod
    def _service(**fields):
        from weerbaar.signals.services import signal_create

        return signal_create(actor=None, **fields)

    @factory.post_generation
    def weighed(self, create, phase, **kwargs):
        if phase:
            weigh(self, phase=phase, actor=kwargs.get("actor"))


class ReportFactory(_ServiceFactory):
    """A report a staff member made on the internal form, with the signal it became."""

    class Meta:
        model = "intake.Report"

    actor = factory.SubFactory(UserFactory, roles=["medewerker"])
    channel = "internal"
    description = "Drukte bij de loods."

    @staticmethod
    def _service(**fields):
        from weerbaar.intake.services import report_submit_staff

        return report_submit_staff(**fields)


class CaseFactory(_ServiceFactory):
    """An open case of the seeded type ``hennep-sluiting``; ``closed=True`` closes it."""

    class Meta:
        model = "cases.Case"

    class Params:
        closed = factory.Trait(result="Maatregel uitgevoerd")

    actor = factory.SubFactory(UserFactory, roles=["regisseur"])
    case_type = factory.LazyFunction(lambda: CaseType.objects.get(code="hennep-sluiting"))
    title = factory.Sequence(lambda n: f"Loodsweg {n + 1}")
    owner_team = factory.SubFactory(TeamFactory)
    result = ""

    @staticmethod
    def _service(*, result, **fields):
        from weerbaar.cases import services

        case = services.case_open(**fields)
        if result:
            case = services.case_close(actor=fields["actor"], case=case, result=result)
        return case


class MeetingSeriesFactory(_ServiceFactory):
    """A series with its planner as the one participant."""

    class Meta:
        model = "meetings.MeetingSeries"

    actor = factory.SubFactory(UserFactory, roles=["regisseur"])
    name = factory.Sequence(lambda n: f"LIO {n}")
    kind = "lio"
    interval_weeks = 4

    @staticmethod
    def _service(**fields):
        from weerbaar.meetings.services import series_create

        return series_create(participants=[fields["actor"]], **fields)


def _planner(series):
    return series.participants.order_by("id").first()


class MeetingFactory(_ServiceFactory):
    """A meeting of a new series, planned for tomorrow by the series' planner."""

    class Meta:
        model = "meetings.Meeting"

    series = factory.SubFactory(MeetingSeriesFactory)
    actor = factory.LazyAttribute(lambda o: _planner(o.series))
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=1))

    @staticmethod
    def _service(**fields):
        from weerbaar.meetings.services import meeting_plan

        return meeting_plan(**fields)


class AgendaItemFactory(_ServiceFactory):
    """A signal put on the agenda of a planned meeting."""

    class Meta:
        model = "meetings.AgendaItem"

    meeting = factory.SubFactory(MeetingFactory)
    signal = factory.SubFactory(SignalFactory)
    reason = "new"

    @staticmethod
    def _service(*, meeting, signal, reason):
        from weerbaar.meetings.services import agenda_add

        pairs = [(signal, reason)]
        agenda_add(actor=_planner(meeting.series), meeting=meeting, signals_with_reason=pairs)
        return meeting.items.get(signal=signal)


class InterventionFactory(_ServiceFactory):
    """A Damocles closure of three months started on a new case."""

    class Meta:
        model = "interventions.Intervention"

    case = factory.SubFactory(CaseFactory)
    actor = factory.SubFactory(UserFactory, roles=["regisseur"])
    instrument = factory.LazyFunction(lambda: Instrument.objects.get(code="damocles-sluiting"))
    duration_months = 3

    @staticmethod
    def _service(**fields):
        from weerbaar.interventions.services import intervention_start

        return intervention_start(**fields)


# Warehouse rows are written by its engines (a scan raises alerts, an import records its run),
# not by a service that makes one row; these are the rows as those engines leave them.
class AlertFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "warehouse.Alert"

    rule = "overcrowding"
    rule_version = "test"
    key = factory.Sequence(lambda n: f"{221010000330226 + n:016d}")
    facts = factory.LazyFunction(lambda: {"persons": 14, "surface_m2": 96})
    facts_hash = factory.Sequence(lambda n: f"facts{n}")
    explanation = "14 personen op 96 m²"
    raised_at = factory.LazyFunction(timezone.now)


class ImportRunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "warehouse.ImportRun"

    source = "bag-csv"
    file_name = "bag.csv"
    status = "loaded"


def _inspection_kind(code):
    from weerbaar.inspections.models import InspectionKind

    return InspectionKind.objects.get(code=code)


def _partner_kinds(*codes):
    from weerbaar.inspections.models import PartnerKind

    return list(PartnerKind.objects.filter(code__in=codes))


class InspectionFactory(_ServiceFactory):
    """An integrale controle of one address, planned for tomorrow, with the police and the
    fire brigade; the team is a new one unless ``owner_team`` is given."""

    class Meta:
        model = "inspections.Inspection"

    actor = factory.SubFactory(UserFactory, roles=["toezichthouder"])
    kind = factory.LazyFunction(lambda: _inspection_kind("integrale-controle"))
    planned_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=1))
    addresses = factory.LazyFunction(lambda: [AddressFactory()])
    partners = factory.LazyFunction(lambda: _partner_kinds("politie", "brandweer"))
    owner_team = factory.SubFactory(TeamFactory)

    @staticmethod
    def _service(**fields):
        from weerbaar.inspections.services import inspection_plan

        return inspection_plan(**fields)


class AddressCheckFactory(_ServiceFactory):
    """An address check planned for today, of a new address, for a new team."""

    class Meta:
        model = "inspections.AddressCheck"

    actor = factory.SubFactory(UserFactory, roles=["toezichthouder"])
    address = factory.SubFactory(AddressFactory)
    planned_on = factory.LazyFunction(timezone.localdate)
    owner_team = factory.SubFactory(TeamFactory)

    @staticmethod
    def _service(**fields):
        from weerbaar.inspections.services import check_plan

        return check_plan(**fields)


class ScreeningFactory(_ServiceFactory):
    """A Bibob screening of a drank- en horeca application received two weeks ago."""

    class Meta:
        model = "screening.Screening"

    actor = factory.SubFactory(UserFactory, roles=["bibob_coordinator"])
    permit_kind = factory.LazyFunction(lambda: PermitKind.objects.get(code="drank-horeca"))
    applicant = factory.SubFactory(OrganisationFactory)
    application_received_on = factory.LazyFunction(
        lambda: timezone.localdate() - timedelta(days=14)
    )

    @staticmethod
    def _service(**fields):
        from weerbaar.screening.services import screening_start

        return screening_start(**fields)


class ProvisionFactory(_ServiceFactory):
    """Police information of the purpose ``sluiting`` for a case, recorded by the regisseur
    (who reads every case) unless ``actor`` says otherwise."""

    class Meta:
        model = "police.Provision"

    actor = factory.SubFactory(UserFactory, roles=["regisseur"])
    case = factory.SubFactory(CaseFactory)
    purpose = factory.LazyFunction(lambda: Purpose.objects.get(code="sluiting"))
    basis = "art16"
    provided_by = "Politie eenheid Den Haag, district Westland"
    received_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=3))
    summary = "Bestuurlijke rapportage: hennepkwekerij aangetroffen."

    @staticmethod
    def _service(**fields):
        from weerbaar.police.services import provision_record

        return provision_record(**fields)
