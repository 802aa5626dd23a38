"""Break the glass (SECURITY.md P22): a case officer or inspector opens a signal or case of
another team with a stated reason; it opens for them alone for a working day, is recorded as
such, every FG is told at once, and the FG judges it. Compartments never open this way."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from tests.factories import (
    CaseFactory,
    ProvisionFactory,
    ScreeningFactory,
    SignalFactory,
    TeamFactory,
    UserFactory,
    login,
)
from weerbaar.accounts.models import Notification
from weerbaar.audit.models import AuditRecord
from weerbaar.cases.selectors import cases_visible_to
from weerbaar.privacy import services
from weerbaar.privacy.models import EmergencyAccess
from weerbaar.privacy.unusual import unusual_access
from weerbaar.signals.selectors import signals_visible_to

pytestmark = pytest.mark.django_db
REASON = "Sluiting vannacht; niemand van Handhaving is bereikbaar."


@pytest.fixture
def night(other_team):
    """An inspector of another team than the records'."""
    return UserFactory(username="nachtdienst", roles=["toezichthouder"], teams=[other_team])


def _break(actor, number, reason=REASON):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return services.glass_break(actor=actor, number=number, reason=reason)


def test_the_record_opens_for_the_user_alone_until_the_end_of_the_day(night, team, fg):
    signal = SignalFactory(owner_team=team)
    colleague = UserFactory(roles=["toezichthouder"], teams=list(night.teams.all()))
    assert not signals_visible_to(night).filter(pk=signal.pk).exists()
    access = _break(night, signal.reference.lower())
    assert signals_visible_to(night).filter(pk=signal.pk).exists()
    assert not signals_visible_to(colleague).filter(pk=signal.pk).exists()
    broken = AuditRecord.objects.get(action="privacy.glass_broken")
    assert (broken.object_id, broken.changes["extra"]["reason"]) == (str(signal.uuid), REASON)
    shared = AuditRecord.objects.get(action="accounts.share_granted")
    assert "Sluiting" not in shared.purpose  # the record's team reads its timeline
    told = Notification.objects.get(user=fg)
    assert signal.reference in told.text and told.url.endswith(f"{access.uuid}/")
    with freeze_time(timezone.now() + timedelta(hours=8, minutes=1)):
        assert not signals_visible_to(night).filter(pk=signal.pk).exists()


def test_a_case_opens_too_and_the_user_ends_it_early(night, team, regisseur):
    case = CaseFactory(actor=regisseur, owner_team=team)
    access = _break(night, case.reference)
    assert cases_visible_to(night).filter(pk=case.pk).exists()
    services.glass_end(actor=night, access=access)
    assert not cases_visible_to(night).filter(pk=case.pk).exists()
    assert AuditRecord.objects.filter(action="privacy.glass_ended").count() == 1
    with pytest.raises(PermissionDenied):
        services.glass_end(actor=regisseur, access=access)


def test_a_short_reason_an_unknown_number_and_a_visible_record_are_refused(night, team):
    signal = SignalFactory(owner_team=team)
    with pytest.raises(ValidationError) as short:
        _break(night, signal.reference, reason="spoed")
    assert "20 tekens" in str(short.value)
    with pytest.raises(ValidationError):
        _break(night, "S-2026-9999")
    denied = AuditRecord.objects.get(action="access.denied")
    assert denied.result == "denied" and denied.changes["extra"]["number"] == "S-2026-9999"
    own = SignalFactory(owner_team=night.teams.get())
    with pytest.raises(ValidationError) as visible:
        _break(night, own.reference)
    assert "geen reden nodig" in str(visible.value)
    assert not EmergencyAccess.objects.exists()


def test_compartments_and_partners_never_open_this_way(night, team, bibob_coordinator):
    screening = ScreeningFactory(actor=bibob_coordinator)
    with pytest.raises(ValidationError):
        _break(night, screening.reference)
    partner = UserFactory(roles=["ketenpartner"])
    with pytest.raises(PermissionDenied):
        _break(partner, SignalFactory(owner_team=team).reference)


def test_the_fg_judges_it_and_a_not_justified_needs_a_note(night, team, fg):
    signal = SignalFactory(owner_team=team)
    access = _break(night, signal.reference)
    with pytest.raises(ValidationError):
        services.glass_judge(actor=fg, access=access, judgement="unjustified", note=" ")
    with pytest.raises(PermissionDenied):
        services.glass_judge(actor=night, access=access, judgement="justified")
    both = UserFactory(roles=["fg", "toezichthouder"], teams=[TeamFactory()])
    own = _break(both, SignalFactory(owner_team=team).reference)
    with pytest.raises(ValidationError):
        services.glass_judge(actor=both, access=own, judgement="justified")
    services.glass_judge(actor=fg, access=access, judgement="justified", note="Klopt.")
    judged = EmergencyAccess.objects.get(pk=access.pk)
    assert (judged.judgement, judged.judged_by) == ("justified", fg)
    assert AuditRecord.objects.filter(action="privacy.glass_judged").count() == 1


def test_the_weekly_report_names_every_opening(night, team):
    _break(night, SignalFactory(owner_team=team).reference)
    _break(night, SignalFactory(owner_team=team).reference)
    today = timezone.localdate()
    report = unusual_access(today - timedelta(days=today.weekday()), today)
    [finding] = report.of("glass")
    assert (finding.username, finding.count) == ("nachtdienst", 2)


def test_the_pages_as_the_inspector_and_the_fg(night, team, fg):
    signal = SignalFactory(owner_team=team)
    client = login(night)
    page = client.get(reverse("privacy:emergency"))
    assert page.status_code == 200 and "niemand van dat team" in page.content.decode()
    url = reverse("privacy:emergency")
    unconfirmed = client.post(url, {"number": signal.reference, "reason": REASON})
    assert unconfirmed.status_code == 200 and "Bevestig" in unconfirmed.content.decode()
    with TestCase.captureOnCommitCallbacks(execute=True):
        opened = client.post(
            url, {"number": signal.reference, "reason": REASON, "understood": "on"}
        )
    assert opened.status_code == 302
    assert opened.url == reverse("signals:detail", args=[signal.uuid])
    assert client.get(opened.url).status_code == 200
    access = EmergencyAccess.objects.get()
    listed = client.get(url).content.decode()
    assert f"Openen van {signal.reference} beëindigen" in listed

    fg_client = login(fg)
    to_judge = fg_client.get(reverse("privacy:openings")).content.decode()
    assert signal.reference in to_judge and night.get_full_name() in to_judge
    detail = fg_client.get(reverse("privacy:opening", args=[access.uuid])).content.decode()
    assert "Signaal bekeken" in detail  # the read under the opening
    judged = fg_client.post(
        reverse("privacy:opening", args=[access.uuid]), {"judgement": "justified", "note": ""}
    )
    assert judged.status_code == 302
    assert "Niets te beoordelen." in fg_client.get(reverse("privacy:openings")).content.decode()
    assert (
        signal.reference
        in fg_client.get(reverse("privacy:openings"), {"filter": "terecht"}).content.decode()
    )

    ended = client.post(reverse("privacy:emergency_end", args=[access.uuid]))
    assert ended.status_code == 302
    assert client.get(reverse("signals:detail", args=[signal.uuid])).status_code == 404


def test_an_opened_case_does_not_let_its_holder_decide_who_works_on_it(night, team, regisseur):
    case = CaseFactory(actor=regisseur, owner_team=team)
    provision = ProvisionFactory(actor=regisseur, case=case)
    behandelaar = UserFactory(roles=["behandelaar"], teams=[TeamFactory()])
    _break(behandelaar, case.reference)
    client = login(behandelaar)
    page = client.get(reverse("cases:detail", args=[case.uuid]))
    assert page.status_code == 200
    body = page.content.decode()
    for route in ("cases:member", "cases:team_set", "cases:share", "cases:share_stop"):
        assert reverse(route, args=[case.uuid]) not in body  # no form that would answer 404
    assert reverse("cases:note", args=[case.uuid]) in body  # the work itself stays possible
    member = {"user": behandelaar.pk, "role": "behandelaar"}
    assert client.post(reverse("cases:member", args=[case.uuid]), member).status_code == 404
    other = {"team": behandelaar.teams.get().pk}
    assert client.post(reverse("cases:team_set", args=[case.uuid]), other).status_code == 404
    assert client.post(reverse("cases:share", args=[case.uuid]), {}).status_code == 404
    assert client.post(reverse("cases:share_stop", args=[case.uuid]), {}).status_code == 404
    assert not case.members.filter(user=behandelaar).exists()
    # police information follows its purpose and the case team, not an opening
    assert client.get(reverse("police:detail", args=[provision.uuid])).status_code == 404
