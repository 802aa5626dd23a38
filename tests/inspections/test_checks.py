"""Address checks (BRP): planned from an address or a signal, outcome with its consequence."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.factories import AddressCheckFactory, AddressFactory, SignalFactory, login, make_person
from weerbaar.audit.models import AuditRecord
from weerbaar.inspections import services
from weerbaar.inspections.models import AddressCheck
from weerbaar.subjects.services import relation_create

pytestmark = pytest.mark.django_db


def test_a_check_is_not_planned_in_the_past(toezichthouder, team):
    with pytest.raises(ValidationError) as refused:
        AddressCheckFactory(
            actor=toezichthouder, owner_team=team, planned_on=timezone.localdate() - timedelta(1)
        )
    assert "planned_on" in refused.value.message_dict
    assert not AddressCheck.objects.exists()


def test_a_check_planned_from_a_signal_takes_its_address(toezichthouder, team):
    address = AddressFactory(street="Dijkweg", number=8, postcode="2611AA")
    signal = SignalFactory(address=address, owner_team=team)
    client = login(toezichthouder)
    response = client.post(
        reverse("inspections:check_plan"),
        {"signal": signal.reference, "planned_on": timezone.localdate().isoformat()},
    )
    check = AddressCheck.objects.get()
    assert response.status_code == 302
    assert check.address == address and check.signal == signal and check.owner_team == team


def test_without_an_address_the_plan_is_refused_next_to_the_field(toezichthouder):
    page = login(toezichthouder).post(
        reverse("inspections:check_plan"), {"planned_on": timezone.localdate().isoformat()}
    )
    assert "Noem het adres, of een signaal met een adres." in page.content.decode()
    assert not AddressCheck.objects.exists()


def test_incorrect_notes_the_brp_report_with_the_persons_concerned(toezichthouder, team):
    check = AddressCheckFactory(actor=toezichthouder, owner_team=team)
    person = make_person("Piet de Wit")
    relation_create(
        actor=None,
        kind="registered_at",
        from_subject=person,
        to_subject=check.address,
        source="BRP",
    )
    client = login(toezichthouder)
    form = client.get(reverse("inspections:check_detail", args=[check.uuid])).content.decode()
    assert "Piet de Wit" in form
    before = AuditRecord.objects.order_by("-id").first().id
    client.post(
        reverse("inspections:check_record", args=[check.uuid]),
        {
            "checked_on": timezone.localdate().isoformat(),
            "outcome": "incorrect",
            "persons": [person.pk],
        },
    )
    check.refresh_from_db()
    assert check.outcome == "incorrect" and check.brp_reported
    assert list(check.persons.all()) == [person]
    rows = AuditRecord.objects.filter(id__gt=before).values_list("action", flat=True)
    assert list(rows) == ["inspections.check_recorded"]
    page = client.get(reverse("inspections:check_detail", args=[check.uuid])).content.decode()
    assert "melding adresonderzoek BRP" in page


def test_nobody_found_plans_the_next_check(toezichthouder, team):
    check = AddressCheckFactory(actor=toezichthouder, owner_team=team)
    today = timezone.localdate()
    services.check_record(actor=toezichthouder, check=check, checked_on=today, outcome="nobody")
    check.refresh_from_db()
    assert check.follow_up.planned_on == today + timedelta(days=7)
    assert check.follow_up.address == check.address and not check.follow_up.outcome
    with pytest.raises(ValidationError):
        services.check_record(
            actor=toezichthouder, check=check, checked_on=today, outcome="correct"
        )


def test_a_check_date_in_the_future_is_refused(toezichthouder, team):
    check = AddressCheckFactory(actor=toezichthouder, owner_team=team)
    with pytest.raises(ValidationError) as refused:
        services.check_record(
            actor=toezichthouder,
            check=check,
            checked_on=timezone.localdate() + timedelta(days=1),
            outcome="correct",
        )
    assert "checked_on" in refused.value.message_dict


def test_the_list_filters_open_checks_and_hides_other_teams(
    toezichthouder, outsider, team, other_team
):
    open_one = AddressCheckFactory(actor=toezichthouder, owner_team=team)
    done = AddressCheckFactory(actor=toezichthouder, owner_team=team)
    services.check_record(
        actor=toezichthouder, check=done, checked_on=timezone.localdate(), outcome="correct"
    )
    client = login(toezichthouder)
    page = client.get(reverse("inspections:checks"), {"uitkomst": "open"})
    assert [c.pk for c in page.context["page"].object_list] == [open_one.pk]
    assert client.get(reverse("inspections:checks")).context["page"].paginator.count == 2
    assert login(outsider).get(reverse("inspections:checks")).status_code == 404
    before = AuditRecord.objects.count()
    assert (
        login(outsider).get(reverse("inspections:check_detail", args=[open_one.uuid])).status_code
        == 404
    )
    assert AuditRecord.objects.filter(id__gt=before).get().action == "access.denied"
