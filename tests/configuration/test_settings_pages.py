"""The functioneel beheerder's settings pages, in the product's look and in Dutch (#14)."""

import pytest
from django.urls import reverse

from tests.factories import login
from weerbaar.audit.models import AuditRecord
from weerbaar.cases.models import CaseType
from weerbaar.interventions.models import Instrument, PolicyRule
from weerbaar.signals.models import Phenomenon
from weerbaar.warehouse.models import RuleSetting
from weerbaar.warehouse.rules import all_rules

pytestmark = pytest.mark.django_db


def test_the_beheerder_finds_every_section_in_the_menu(beheerder):
    client = login(beheerder)
    home = client.get(reverse("home")).content.decode()
    assert reverse("configuration:index") in home and "Instellingen" in home
    index = client.get(reverse("configuration:index")).content.decode()
    for title in (
        "Zaaktypen",
        "Fenomenen",
        "Beleidsmatrix",
        "Bewaartermijnen",
        "Teams",
        "Drempels",
    ):
        assert title in index, title
    for slug in (
        "zaaktypen",
        "fenomenen",
        "maatregelen",
        "beleidsmatrix",
        "bewaartermijnen",
        "teams",
    ):
        page = client.get(reverse("configuration:section", args=[slug]))
        assert page.status_code == 200, slug


def test_other_roles_do_not_see_the_settings(regisseur, medewerker, fg):
    for user in (regisseur, medewerker, fg):
        client = login(user)
        assert reverse("configuration:index") not in client.get(reverse("home")).content.decode()
        assert client.get(reverse("configuration:index")).status_code == 404
        assert client.get(reverse("configuration:section", args=["zaaktypen"])).status_code == 404


def test_a_case_type_is_added_with_statuses_one_per_line_and_audited(beheerder):
    client = login(beheerder)
    data = {
        "code": "huisjesmelkerij",
        "name": "Huisjesmelkerij",
        "statuses": "Nieuw\nOnderzoek\nAfgerond",
        "results": "Maatregel\nGeen maatregel",
        "retention_years": "5",
        "visible_to_roles": ["burgemeester"],
        "active": "on",
    }
    one_status = client.post(
        reverse("configuration:create", args=["zaaktypen"]), {**data, "statuses": "Nieuw"}
    )
    assert "ten minste twee statussen" in one_status.content.decode()
    assert 'value="huisjesmelkerij"' in one_status.content.decode()  # what was typed is kept
    client.post(reverse("configuration:create", args=["zaaktypen"]), data)
    case_type = CaseType.objects.get(code="huisjesmelkerij")
    assert case_type.statuses == ["Nieuw", "Onderzoek", "Afgerond"]
    assert case_type.visible_to_roles == ["burgemeester"]
    record = AuditRecord.objects.get(action="configuration.changed")
    assert record.changes["new"]["name"] == "Huisjesmelkerij" and record.changes["extra"]["created"]


def test_a_code_is_fixed_once_made_and_changes_keep_old_and_new(beheerder):
    phenomenon = Phenomenon.objects.create(code="drugs", name="Drugs")
    client = login(beheerder)
    url = reverse("configuration:edit", args=["fenomenen", phenomenon.pk])
    client.post(url, {"code": "anders", "name": "Drugshandel", "order": "3", "public": "on"})
    phenomenon.refresh_from_db()
    assert (phenomenon.code, phenomenon.name) == ("drugs", "Drugshandel")
    record = AuditRecord.objects.filter(action="configuration.changed").get()
    assert (
        record.changes["old"]["name"] == "Drugs" and record.changes["new"]["name"] == "Drugshandel"
    )


def test_a_policy_cell_is_removed_only_after_confirmation(beheerder):
    measure = Instrument.objects.filter(active=True).first()
    cell = PolicyRule.objects.create(
        policy="Proefbeleid", premise_type="house", finding="trade", offence=1, measure=measure
    )
    client = login(beheerder)
    url = reverse("configuration:remove", args=["beleidsmatrix", cell.pk])
    client.post(url)
    assert PolicyRule.objects.filter(pk=cell.pk).exists()
    client.post(url, {"confirm": "yes"})
    assert not PolicyRule.objects.filter(pk=cell.pk).exists()
    assert AuditRecord.objects.filter(action="configuration.removed").count() == 1


def test_a_measure_cannot_be_added_only_changed(beheerder):
    client = login(beheerder)
    assert client.get(reverse("configuration:create", args=["maatregelen"])).status_code == 404


def test_thresholds_are_typed_and_the_standard_comes_back_when_left_empty(beheerder):
    rule = next(r for r in all_rules() if r.params)
    name, default = next(iter(rule.params.items()))
    client = login(beheerder)
    url = reverse("configuration:threshold", args=[rule.code])
    page = client.get(url).content.decode()
    assert f"Standaard: {default}" in page
    wrong = client.post(url, {name: "veel"}).content.decode()
    assert "getal" in wrong and not RuleSetting.objects.filter(rule=rule.code).exists()
    own = default + 1 if isinstance(default, int) else default + 0.5
    client.post(url, {name: own})
    assert RuleSetting.objects.get(rule=rule.code).params == {name: own}
    client.post(url, {name: ""})
    assert not RuleSetting.objects.filter(rule=rule.code).exists()
    assert AuditRecord.objects.filter(action="configuration.changed").count() == 2


def test_the_beheerder_rewrites_a_standard_text_and_officers_send_the_new_words(
    beheerder, regisseur, client
):
    from weerbaar.intake.models import Message, StandardText
    from weerbaar.intake.services import report_submit_public
    from weerbaar.signals.models import Signal

    text = StandardText.objects.get(code="ontvangen")
    login(beheerder).post(
        reverse("configuration:edit", args=["standaardteksten", text.pk]),
        {
            "title": "Ontvangen",
            "text": "Bedankt! Uw melding is binnen.",
            "active": "on",
            "order": "0",
        },
    )
    report_submit_public(description="Veel verkeer bij de loods aan de Havenweg")
    signal = Signal.objects.get()
    officer = login(regisseur)
    page = officer.get(reverse("intake:dialogue", args=[signal.uuid])).content.decode()
    assert "Bedankt! Uw melding is binnen." in page  # the words, before choosing them
    officer.post(reverse("intake:dialogue", args=[signal.uuid]), {"template": "ontvangen"})
    assert Message.objects.get().text == "Bedankt! Uw melding is binnen."


def test_the_letter_texts_are_under_settings_in_the_menu(beheerder):
    page = login(beheerder).get(reverse("interventions:letter_texts")).content.decode()
    current = page.split('aria-current="page"', 1)[1][:120]
    assert "Instellingen" in current
