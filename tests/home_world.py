"""A start-page world: work for every persona of ``tests/conftest.py`` in their team, and the
same kinds of work in another team that they must not see counted."""

from datetime import timedelta

import factory
from django.utils import timezone
from freezegun import freeze_time

from tests.factories import (
    AgendaItemFactory,
    AlertFactory,
    CaseFactory,
    MeetingFactory,
    MeetingSeriesFactory,
    ReportFactory,
    SignalFactory,
    TeamFactory,
    UserFactory,
)
from weerbaar.accounts.services import share_grant, team_add_member
from weerbaar.cases.services import task_add
from weerbaar.intake.services import reveal_request
from weerbaar.meetings.services import action_add
from weerbaar.signals.services import signal_set_status, signal_triage


def _signals(p, team, other_team, size):
    for _n in range(size):
        SignalFactory(owner_team=team)
        SignalFactory(owner_team=other_team)  # hidden from the team's members
    mine = SignalFactory(owner_team=team)
    signal_triage(
        actor=p["regisseur"],
        signal=mine,
        version=None,
        phenomenon=None,
        urgency="normal",
        assigned_to=p["medewerker"],
    )
    signal_set_status(actor=p["regisseur"], signal=mine, status="in_progress")


def _reporters(p, size):
    with freeze_time(timezone.localdate() - timedelta(days=40)):
        for _n in range(size):
            ReportFactory()  # waiting since 40 days
    ReportFactory()  # reported today: not waiting yet
    shielded = ReportFactory(shielded=True)
    colleague = UserFactory(roles=["regisseur"])
    reveal_request(actor=colleague, report=shielded, reason="Nodig voor de weging in het LIO")
    return colleague


def _tasks(p, team, other_team, size):
    soon = timezone.localdate() + timedelta(days=3)
    case = CaseFactory(owner_team=team, actor=p["regisseur"])
    hidden = CaseFactory(owner_team=other_team, actor=p["regisseur"])
    # The partner reads the heading of the case and their own tasks (a RIEC share).
    share_grant(
        actor=p["regisseur"],
        obj=case,
        user=p["ketenpartner"],
        purpose="RIEC-casus",
        legal_basis="RIEC-convenant",
    )
    for _n in range(size):
        task_add(
            actor=p["regisseur"],
            case=case,
            description="Dossier",
            owner=p["toezichthouder"],
            due_on=soon,
        )
        task_add(
            actor=p["regisseur"],
            case=hidden,
            description="Verborgen",
            owner=p["toezichthouder"],
            due_on=soon,
        )
    return case


def _meetings(p, size):
    series = MeetingSeriesFactory(actor=p["regisseur"])
    for person in ("behandelaar", "ketenpartner"):
        series.participants.add(p[person])
    meeting = MeetingFactory(series=series, actor=p["regisseur"])
    item = AgendaItemFactory(meeting=meeting)
    for _n in range(size):
        action_add(
            actor=p["regisseur"],
            item=item,
            description="Buurtonderzoek",
            owner=p["behandelaar"],
            due_on=timezone.localdate() + timedelta(days=2),
        )
    return meeting


def _deadlines(p, case):
    from weerbaar.interventions.models import Instrument
    from weerbaar.interventions.services import intervention_start

    intervention_start(
        actor=p["regisseur"],
        case=case,
        instrument=Instrument.objects.get(code="damocles-sluiting"),
        owner=p["behandelaar"],
        duration_months=3,
    )


def _team(name, members):
    team = TeamFactory(name=factory.Sequence(lambda n: f"{name} {n}"))
    for member in members:
        team_add_member(actor=None, team=team, user=member)
    return team


def home_world(personas: dict, other_team, size: int = 1) -> dict:
    """Work of ``size`` rows of each kind; returns what the tests look at. The signals belong
    to the medewerker's reporting team, the case to a case team, as in a municipality: the
    personas' common team of ``tests/conftest.py`` owns nothing."""
    signal_team = _team("Meldpunt", [personas["medewerker"]])
    case_team = _team("Casusteam", [personas["behandelaar"], personas["toezichthouder"]])
    _signals(personas, signal_team, other_team, size)
    colleague = _reporters(personas, size)
    case = _tasks(personas, case_team, other_team, size)
    meeting = _meetings(personas, size)
    _deadlines(personas, case)
    for _n in range(size):
        AlertFactory()
    return {"case": case, "meeting": meeting, "colleague": colleague}
