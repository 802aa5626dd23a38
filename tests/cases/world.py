"""A case for the authorisation matrix: a case team, a type the mayor sees, a partner share."""

from datetime import timedelta

from django.utils import timezone

from weerbaar.accounts.services import share_grant, team_add_member, team_create
from weerbaar.cases import services
from weerbaar.cases.models import CaseType

CASE_CANARY = "Dossiernotitieqz"


def case_world(users):
    regisseur = users["regisseur"]
    case_team = team_create(actor=None, name="Casusteam Zuid")
    for role in ("behandelaar", "toezichthouder"):
        team_add_member(actor=None, team=case_team, user=users[role])
    case = services.case_open(
        actor=regisseur,
        case_type=CaseType.objects.get(code="hennep-sluiting"),
        title="Loods Havenweg",
        owner_team=case_team,
        riec_reference="RIEC-2026-7",
    )
    services.note_add(actor=regisseur, case=case, text=f"{CASE_CANARY} intern")
    task = services.task_add(
        actor=regisseur,
        case=case,
        description="Risicotaxatie politie aanvragen",
        owner=users["toezichthouder"],
        due_on=timezone.localdate() + timedelta(days=5),
    )
    share_grant(
        actor=regisseur,
        obj=case,
        user=users["ketenpartner"],
        purpose="RIEC-casus",
        legal_basis="RIEC-convenant",
    )
    from weerbaar.interventions.models import Instrument
    from weerbaar.interventions.services import intervention_start

    intervention = intervention_start(
        actor=regisseur,
        case=case,
        instrument=Instrument.objects.get(code="damocles-sluiting"),
        duration_months=3,
    )
    from weerbaar.core.uploads import CleanFile

    version = services.document_add(
        actor=regisseur,
        case=case,
        clean=CleanFile("rapport.pdf", "application/pdf", b"%PDF-1.4 canary"),
        title="Bestuurlijke rapportage",
        kind="official_report",
    )
    return {
        "case_id": case,
        "task_id": task,
        "intervention_id": intervention,
        "version_id": version,
    }
