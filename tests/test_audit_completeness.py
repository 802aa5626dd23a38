"""T11 meta-test: every service writes exactly one audit record; every app's single-object
selector (``<entity>_get``) goes through ``accounts.lookup.visible_get`` and leaves exactly
one row: the app's *viewed* row on a read (where the getter records one), one
``access.denied`` row on a refusal. The getters are found by reading every app's selectors
with ``ast``, so a new one fails here until it uses the helper and has a row in ``GETTERS``.
"""

import ast
import importlib
import inspect
from pathlib import Path

import pytest
from freezegun import freeze_time

from tests.audit_table import GETTERS, NO_SINGLE_OBJECT_READS, SERVICES, SERVICES_UNDER_REWORK
from tests.factories import (
    WEIGHING,
    CaseFactory,
    ReportFactory,
    SignalFactory,
    UserFactory,
    make_address,
    make_person,
)
from tests.test_authorization import SIGNALS
from tests.test_authorization import world as world_fixture  # noqa: F401
from weerbaar.accounts import services as accounts
from weerbaar.audit.constants import AuditAction, AuditResult
from weerbaar.audit.models import AuditRecord
from weerbaar.subjects import selectors
from weerbaar.subjects import services as subjects

pytestmark = pytest.mark.django_db


def _one_record(action, call):
    before = AuditRecord.objects.count()
    call()
    records = AuditRecord.objects.filter(id__gt=before)
    assert [r.action for r in records] == [action]
    record = records.get()
    assert record.created_at and record.hash and record.route is not None
    return record


def test_subject_services(regisseur):
    person = make_person("Anna de Vries")
    address = make_address()
    _one_record("subjects.created", lambda: make_person("Piet Pietersen"))
    _one_record("subjects.created", lambda: make_address("Dorpsstraat", 3, "1234AC"))
    _one_record(
        "subjects.created",
        lambda: subjects.organisation_create(
            actor=regisseur, name="Belwinkel X", kvk_number="87654321", source="test"
        ),
    )
    _one_record(
        "subjects.created",
        lambda: subjects.vehicle_create(actor=regisseur, plate="99-KBB-1", source="test"),
    )
    record = _one_record(
        "subjects.relation_created",
        lambda: subjects.relation_create(
            actor=regisseur,
            kind="registered_at",
            from_subject=person,
            to_subject=address,
            source="BRP",
        ),
    )
    assert record.subject_ref == str(person.uuid) and record.actor_id == regisseur.pk


def test_sensitive_selectors(regisseur):
    person = make_person("Anna de Vries")
    _one_record(
        "subjects.viewed", lambda: selectors.subject_get(user=regisseur, subject_id=person.uuid)
    )
    _one_record("subjects.searched", lambda: selectors.subject_search(user=regisseur, query="Anna"))


def test_account_services(beheerder, regisseur, team):
    _one_record(
        "accounts.user_created",
        lambda: accounts.user_create(
            actor=beheerder,
            username="nieuw",
            password="lang-genoeg-wachtwoord",
            roles=["medewerker"],
        ),
    )
    _one_record(
        "accounts.roles_changed",
        lambda: accounts.user_set_roles(actor=beheerder, user=regisseur, roles=["medewerker"]),
    )
    grant = _one_record_value(
        "accounts.role_grant_requested",
        lambda: accounts.role_grant_request(actor=beheerder, user=regisseur, role="fg"),
    )
    boss = UserFactory(username="baas", is_superuser=True, is_staff=True)
    _one_record(
        "accounts.role_grant_approved",
        lambda: accounts.role_grant_approve(actor=boss, grant=grant),
    )
    refused = accounts.role_grant_request(actor=beheerder, user=regisseur, role="regisseur")
    _one_record(
        "accounts.role_grant_refused",
        lambda: accounts.role_grant_refuse(actor=boss, grant=refused),
    )
    _one_record(
        "accounts.active_changed",
        lambda: accounts.user_set_active(actor=beheerder, user=regisseur, active=False),
    )
    _one_record(
        "accounts.superuser_changed",
        lambda: accounts.user_set_superuser(actor=boss, user=regisseur, value=True),
    )
    _one_record(
        "accounts.team_created", lambda: accounts.team_create(actor=beheerder, name="Nieuw")
    )
    _one_record(
        "accounts.team_member_added",
        lambda: accounts.team_add_member(actor=beheerder, team=team, user=beheerder),
    )
    shared = make_person("Gedeeld Persoon")
    _one_record(
        "accounts.share_granted",
        lambda: accounts.share_grant(actor=regisseur, obj=shared, team=team, purpose="LIO"),
    )
    _one_record(
        "accounts.token_created", lambda: accounts.token_issue(actor=beheerder, scope="read")
    )
    _one_record(
        "accounts.token_revoked",
        lambda: accounts.tokens_revoke(actor=beheerder, user=beheerder),
    )


def test_failed_write_leaves_no_audit_record(regisseur):
    from django.core.exceptions import ValidationError

    before = AuditRecord.objects.count()
    with pytest.raises(ValidationError):
        subjects.vehicle_create(actor=regisseur, plate="not a plate", source="test")
    assert AuditRecord.objects.count() == before


def test_signal_and_meeting_services(regisseur, behandelaar):
    from datetime import date, timedelta

    from django.utils import timezone

    from weerbaar.meetings import services as meetings
    from weerbaar.signals import services as signals

    signal = signals.signal_create(actor=None, channel="internal", description="Drukte.")
    other = signals.signal_create(actor=None, channel="internal", description="Ook drukte.")
    person = make_person("Anna de Vries")
    _one_record(
        "signals.weighed",
        lambda: signals.weighing_record(
            actor=regisseur, signal=signal, phase="enrichment", **WEIGHING
        ),
    )
    _one_record(
        "signals.enriched",
        lambda: signals.enrichment_add(
            actor=regisseur,
            signal=signal,
            text="x",
            source="Politie",
            source_date=date(2026, 1, 1),
            source_grade="B",
            info_grade="2",
        ),
    )
    record = _one_record(
        "signals.subject_linked",
        lambda: signals.signal_link_subject(
            actor=regisseur, signal=signal, subject=person, role="involved"
        ),
    )
    assert record.subject_ref == str(person.uuid)
    _one_record(
        "signals.subject_unlinked",
        lambda: signals.signal_unlink_subject(actor=regisseur, signal=signal, subject=person),
    )
    _one_record(
        "signals.related",
        lambda: signals.signal_relate(actor=regisseur, signal=signal, other=other),
    )
    series = meetings.series_create(
        actor=regisseur, name="LIO", kind="lio", interval_weeks=4, participants=[regisseur]
    )
    meeting = _one_record_value(
        "meetings.planned",
        lambda: meetings.meeting_plan(
            actor=regisseur, series=series, starts_at=timezone.now() + timedelta(days=1)
        ),
    )
    _one_record(
        "meetings.agenda_changed",
        lambda: meetings.agenda_add(
            actor=regisseur, meeting=meeting, signals_with_reason=[(signal, "new")]
        ),
    )
    item = meeting.items.get()
    _one_record(
        "meetings.notes", lambda: meetings.item_notes(actor=regisseur, item=item, notes="x")
    )
    _one_record(
        "meetings.agenda_sent", lambda: meetings.agenda_send(actor=regisseur, meeting=meeting)
    )
    action = _one_record_value(
        "meetings.action_added",
        lambda: meetings.action_add(
            actor=regisseur,
            item=item,
            description="Bellen",
            owner=behandelaar,
            due_on=timezone.localdate(),
        ),
    )
    _one_record(
        "meetings.action_done", lambda: meetings.action_done(actor=behandelaar, action=action)
    )
    with freeze_time(meeting.starts_at):
        _one_record(
            "meetings.held",
            lambda: meetings.meeting_held(actor=regisseur, meeting=meeting, undecided_seen=True),
        )


def test_case_services(regisseur, behandelaar, team):
    from django.utils import timezone

    from weerbaar.cases import services as cases
    from weerbaar.core.uploads import CleanFile

    case = _one_record_value("cases.opened", lambda: CaseFactory(actor=regisseur, owner_team=team))
    _one_record(
        "cases.status_changed",
        lambda: cases.case_set_status(actor=regisseur, case=case, status="Onderzoek"),
    )
    _one_record("cases.note_added", lambda: cases.note_add(actor=regisseur, case=case, text="x"))
    task = _one_record_value(
        "cases.task_added",
        lambda: cases.task_add(
            actor=regisseur,
            case=case,
            description="Bellen",
            owner=behandelaar,
            due_on=timezone.localdate(),
        ),
    )
    _one_record("cases.task_done", lambda: cases.task_done(actor=behandelaar, task=task))
    person = make_person("Anna de Vries")
    _one_record(
        "cases.subject_linked",
        lambda: cases.case_link_subject(
            actor=regisseur, case=case, subject=person, role="concerned"
        ),
    )
    _one_record(
        "cases.riec_changed",
        lambda: cases.case_set_riec(
            actor=regisseur, case=case, riec=True, reference="RIEC-1", partners="Politie"
        ),
    )
    _one_record(
        "cases.document_added",
        lambda: cases.document_add(
            actor=regisseur,
            case=case,
            clean=CleanFile("rapport.pdf", "application/pdf", b"%PDF-1.4 x"),
            title="Rapport",
            kind="official_report",
        ),
    )
    _one_record(
        "cases.member_set",
        lambda: cases.member_set(actor=regisseur, case=case, user=behandelaar, role="lawyer"),
    )
    _one_record(
        "cases.closed",
        lambda: cases.case_close(actor=regisseur, case=case, result="Maatregel uitgevoerd"),
    )
    signal = SignalFactory(weighed="case", weighed__actor=regisseur)
    _one_record(
        "cases.opened",
        lambda: cases.case_open_from_signal(
            actor=regisseur, signal=signal, case_type=case.case_type, owner_team=team
        ),
    )


def test_intake_services(regisseur, medewerker):
    from weerbaar.intake import services as intake

    report = ReportFactory(actor=medewerker, shielded=True)
    _one_record(
        "intake.feedback_sent",
        lambda: intake.feedback_send(actor=regisseur, report=report, text="Dank."),
    )
    _one_record(
        "intake.reporter_message",
        lambda: intake.staff_reply_add(actor=medewerker, report=report, text="Graag."),
    )
    _one_record(
        "intake.reporter_message",
        lambda: intake.reporter_message_add(report=report, text="Nog iets."),
    )
    _one_record("intake.report_followed_up", lambda: intake.report_opened(report=report))
    _one_record("intake.follow_up_refused", intake.follow_up_refused)
    request = _one_record_value(
        "intake.reveal_requested",
        lambda: intake.reveal_request(actor=regisseur, report=report, reason="Nodig voor de zaak."),
    )
    boss = UserFactory(roles=["regisseur"])
    _one_record(
        "intake.reveal_approved", lambda: intake.reveal_approve(actor=boss, request=request)
    )


def test_intervention_services(regisseur, team):
    from decimal import Decimal

    from django.utils import timezone

    from weerbaar.interventions import services as interventions
    from weerbaar.interventions.models import Instrument

    case = CaseFactory(actor=regisseur, owner_team=team)
    penalty = _one_record_value(
        "interventions.started",
        lambda: interventions.intervention_start(
            actor=regisseur,
            case=case,
            instrument=Instrument.objects.get(code="last-onder-dwangsom"),
            penalty_amount=Decimal("1000"),
            penalty_unit="week",
            penalty_maximum=Decimal("10000"),
        ),
    )
    today = timezone.localdate()
    _one_record(
        "interventions.step",
        lambda: interventions.intervention_record(
            actor=regisseur,
            intervention=penalty,
            opinion_skipped_reason="Spoed: gevaar voor de omgeving.",
            decision_on=today,
            made_known_on=today,
        ),
    )
    _one_record(
        "interventions.forfeiture",
        lambda: interventions.forfeiture_add(
            actor=regisseur, intervention=penalty, forfeited_on=today, amount=Decimal("1000")
        ),
    )
    _one_record(
        "interventions.finished",
        lambda: interventions.intervention_finish(
            actor=regisseur, intervention=penalty, result="withdrawn"
        ),
    )


def _one_record_value(action, call):
    holder = {}
    _one_record(action, lambda: holder.setdefault("value", call()))
    return holder["value"]


# Single-object reads of every app.
SRC = Path(__file__).resolve().parents[1] / "src" / "weerbaar"
HELPERS = {"visible_get"}


def apps() -> list[str]:
    return sorted(p.parent.name for p in SRC.glob("*/apps.py"))


def _selector_modules(app: str) -> list[Path]:
    return sorted([*SRC.glob(f"{app}/selectors.py"), *SRC.glob(f"{app}/selectors/*.py")])


def getters(source: str) -> list[ast.FunctionDef]:
    """The public single-object selectors (``<entity>_get``) defined in ``source``."""
    return [
        node
        for node in ast.parse(source).body
        if isinstance(node, ast.FunctionDef)
        and node.name.endswith("_get")
        and not node.name.startswith("_")
    ]


def _calls(function: ast.FunctionDef) -> set[str]:
    return {
        node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        for node in ast.walk(function)
        if isinstance(node, ast.Call)
    }


def bypasses_helper(function: ast.FunctionDef, siblings: dict | None = None) -> bool:
    """Whether ``function`` fetches its object without the audited helper, itself or
    through another getter of its module (``siblings``) that uses it."""
    called = _calls(function)
    if called & HELPERS:
        return False
    others = {name: f for name, f in (siblings or {}).items() if name != function.name}
    return not any(name in others and not bypasses_helper(others[name], others) for name in called)


def _all_getters() -> dict[str, ast.FunctionDef]:
    found = {}
    for app in apps():
        for module in _selector_modules(app):
            for function in getters(module.read_text()):
                found[f"{app}.{function.name}"] = function
    return found


def test_every_app_is_classified():
    with_getters = {name.split(".")[0] for name in _all_getters()}
    unclassified = set(apps()) - with_getters - set(NO_SINGLE_OBJECT_READS)
    assert not unclassified, f"apps with neither a getter nor a reason: {sorted(unclassified)}"
    assert not with_getters & set(NO_SINGLE_OBJECT_READS)


def test_every_getter_of_every_app_uses_the_audited_helper():
    found = _all_getters()
    by_app = {}
    for name, function in found.items():
        by_app.setdefault(name.split(".")[0], {})[function.name] = function
    hand_written = [
        name for name, f in found.items() if bypasses_helper(f, by_app[name.split(".")[0]])
    ]
    assert hand_written == [], "fetch the object with accounts.lookup.visible_get"


def test_every_getter_has_a_row_in_the_registry():
    found = set(_all_getters())
    assert found - set(GETTERS) == set(), "add the getter to GETTERS: who reads what, audited how"
    assert set(GETTERS) - found == set(), "rows for getters that no longer exist"


def test_the_source_check_finds_a_hand_written_getter():
    source = (
        "def widget_get(*, user, widget_id):\n"
        "    widget = Widget.objects.filter(uuid=widget_id).first()\n"
        "    if widget is None:\n"
        "        raise Http404\n"
        "    return widget\n\n"
        "def gadget_get(*, user, gadget_id):\n"
        "    return visible_get(Gadget.objects.all(), user=user, object_id=gadget_id, action=None)\n\n"
        "def gadget_file_get(*, user, gadget_id):\n"
        "    return gadget_get(user=user, gadget_id=gadget_id)\n"
    )
    found = {f.name: f for f in getters(source)}
    assert [name for name, f in found.items() if bypasses_helper(f, found)] == ["widget_get"]


def _getter(name: str):
    app, function = name.split(".")
    return getattr(importlib.import_module(f"weerbaar.{app}.selectors"), function)


def _id_keyword(getter) -> str:
    return next(p for p in inspect.signature(getter).parameters if p.endswith("_id"))


def _rows(call) -> list[tuple[str, str]]:
    before = AuditRecord.objects.order_by("-id").values_list("id", flat=True).first() or 0
    call()
    return list(AuditRecord.objects.filter(id__gt=before).values_list("action", "result"))


def _target(world, users, source):
    _users, registry, _hidden = world
    if callable(source):
        return source(users)
    return registry if source == "registry" else SIGNALS[source]


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(GETTERS))
def test_a_read_leaves_one_viewed_row_and_a_refusal_one_denied_row(world_fixture, name):  # noqa: F811
    from django.http import Http404

    users = world_fixture[0]
    source, reader, action = GETTERS[name]
    getter = _getter(name)
    target = _target(world_fixture, users, source)
    ask = {_id_keyword(getter): target.uuid}
    found = []
    read = _rows(lambda: found.append(getter(user=users[reader], **ask)))
    assert found == [target]
    assert read == ([(action.value, AuditResult.ALLOWED.value)] if action else [])

    def refused():
        with pytest.raises(Http404):
            getter(user=users["outsider"], **ask)

    assert _rows(refused) == [(AuditAction.ACCESS_DENIED.value, AuditResult.DENIED.value)]


# Every public service function of every app, found with ast like the getters above.
def _service_modules(app: str) -> list[Path]:
    return sorted([*SRC.glob(f"{app}/services.py"), *SRC.glob(f"{app}/services/*.py")])


def services(source: str) -> dict[str, ast.FunctionDef]:
    """The public functions defined in a services module."""
    return {
        node.name: node
        for node in ast.parse(source).body
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_")
    }


def _module_functions(source: str) -> dict[str, ast.FunctionDef]:
    return {n.name: n for n in ast.parse(source).body if isinstance(n, ast.FunctionDef)}


# Modules of an app whose names its services module may import without passing them on.
NOT_WRITES = {"models", "constants", "selectors", "forms", "apps", "admin"}


def passed_on(app: str, source: str) -> dict[str, set[str]]:
    """The app's own modules whose public functions the services module passes on (imports
    without using them itself): a service split into a module by aggregate and re-exported is
    still a service of the app."""
    tree = ast.parse(source)
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    exported = {
        e.value
        for n in tree.body
        if isinstance(n, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in n.targets)
        for e in getattr(n.value, "elts", [])
    }
    found: dict[str, set[str]] = {}
    for node in tree.body:
        if not (isinstance(node, ast.ImportFrom) and node.module):
            continue
        parts = node.module.split(".")
        if parts[:2] != ["weerbaar", app] or len(parts) < 3 or parts[2] in NOT_WRITES:
            continue
        names = {
            alias.name
            for alias in node.names
            if not alias.name.startswith("_")
            and (alias.name in exported or (alias.asname or alias.name) not in used)
        }
        found.setdefault("/".join(parts[1:]), set()).update(names)
    return found


def _passed_on_services(app: str, source: str) -> dict[str, tuple[ast.FunctionDef, dict]]:
    found = {}
    for path, names in passed_on(app, source).items():
        target = SRC / f"{path}.py"
        other = target.read_text() if target.exists() else ""
        for name, function in services(other).items():
            if name in names:
                found[f"{app}.{name}"] = (function, _module_functions(other))
    return found


def _all_services() -> dict[str, tuple[ast.FunctionDef, dict]]:
    found = {}
    for app in apps():
        if app in SERVICES_UNDER_REWORK:
            continue
        for module in _service_modules(app):
            source = module.read_text()
            everything = _module_functions(source)
            for name, function in services(source).items():
                found[f"{app}.{name}"] = (function, everything)
            found.update(_passed_on_services(app, source))
    return found


def test_every_app_with_services_is_covered():
    covered = {name.split(".")[0] for name in SERVICES}
    with_services = {a for a in apps() if _service_modules(a)} - SERVICES_UNDER_REWORK
    assert with_services == covered
    assert {"cases", "intake", "interventions"} <= covered


def test_every_service_of_every_app_has_a_row_in_the_registry():
    found = set(_all_services())
    assert found - set(SERVICES) == set(), "add the service to SERVICES: its audit row or why none"
    assert set(SERVICES) - found == set(), "rows for services that no longer exist"


def _actions_used(function: ast.FunctionDef, module: dict, seen: set) -> set[str]:
    """``AuditAction`` members named in ``function`` or the module's functions it calls."""
    used = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Attribute) and getattr(node.value, "id", "") == "AuditAction":
            used.add(node.attr)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            callee = node.func.id
            if callee in module and callee not in seen:
                seen.add(callee)
                used |= _actions_used(module[callee], module, seen)
    return used


def test_a_service_with_an_audit_row_names_it():
    from weerbaar.audit.constants import AuditAction

    wrong = [
        name
        for name, (function, module) in _all_services().items()
        if isinstance(SERVICES.get(name), AuditAction)
        and SERVICES[name].name not in _actions_used(function, module, {function.name})
    ]
    assert wrong == []


def test_the_registry_check_follows_a_service_split_into_its_own_module():
    source = (
        "from weerbaar.signals.models import Signal\n"
        "from weerbaar.signals.corrections import signal_reopen as signal_reopen\n"
        "from weerbaar.signals.selectors import signal_get\n"
    )
    assert passed_on("signals", source) == {"signals/corrections": {"signal_reopen"}}


def test_the_registry_check_finds_a_new_service():
    source = (
        "def widget_create(*, actor, name):\n"
        "    return _store(name)\n\n"
        "def _store(name):\n"
        "    audit_record(actor=None, action=AuditAction.WIDGET_CREATED)\n"
    )
    found = services(source)
    assert list(found) == ["widget_create"]
    assert _actions_used(found["widget_create"], _module_functions(source), set()) == {
        "WIDGET_CREATED"
    }
