"""The analyst's warehouse pages in a real browser: an import with its progress bar, an
alert that opens the subject found by record linkage, and judging an uncertain pair."""

import csv

import pytest
from django.utils import timezone

from tests.browser.conftest import axe_violations, sign_in
from tests.factories import UserFactory, make_person
from weerbaar.warehouse import services
from weerbaar.warehouse.models import Alert, RegistryLink

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def analyst(settings, tmp_path):
    settings.WAREHOUSE_PATH = str(tmp_path / "warehouse.duckdb")
    UserFactory(username="rianne", roles=["regisseur"], first_name="Rianne")
    person = make_person("Fiene Vogelaár")
    link = RegistryLink.objects.create(
        subject=person,
        registry_key="a" * 64,
        registry_record={"name": "Fiene Vogelaar", "birth_date": "1936-12-28", "postcode": ""},
        match_weight=3.1,
        match_probability=0.81,
        weights={
            "surname": {"level": "very_similar", "weight": 4.2},
            "given_name": {"level": "same", "weight": 6.0},
            "birth_date": {"level": "missing", "weight": 0.0},
            "postcode": {"level": "missing", "weight": 0.0},
        },
        status="review",
        found_at=timezone.now(),
    )
    Alert.objects.create(
        rule="return_of_closed",
        rule_version="t",
        key="persoon aaaa → X",
        facts={"measure": "Sluiting", "bsn_hash": "a" * 64, "since": "2024-07-27"},
        facts_hash="x",
        explanation="Betrokken bij de maatregel Sluiting",
        raised_at=timezone.now(),
    )
    bag = tmp_path / "bag-weerdam.csv"
    with bag.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, delimiter=";")
        out.writerow(services.CSV_COLUMNS)
        out.writerow(
            ["N1", "V1", "6981AB", 1, "", "", "Markt", "Doesburg", 80, "woonfunctie", 1990]
        )
        out.writerow(
            ["N2", "V2", "6981AB", 0, "", "", "Markt", "Doesburg", 80, "woonfunctie", 1990]
        )
    return person, link, bag


def test_import_link_and_open_the_subject(page, live_server, analyst):
    person, link, bag = analyst
    sign_in(page, live_server, "rianne")
    page.goto(f"{live_server.url}/pakhuis/imports/")
    assert axe_violations(page) == []
    page.get_by_label("Wat is het?").select_option("bag-csv")
    page.get_by_label("Bestand").set_input_files(str(bag))
    page.get_by_role("button", name="Start de import").click()
    page.get_by_text("Ingelezen", exact=True).wait_for()
    assert page.locator("#import-bar").get_attribute("value") == "100"
    assert "regel 3: huisnummer moet 1 of hoger zijn" in page.inner_text("main")
    assert axe_violations(page) == []

    # the pair is uncertain: the analyst judges it, and from then on the alert opens the person
    page.goto(f"{live_server.url}/pakhuis/koppelingen/")
    assert "lijkt sterk" in page.inner_text("main")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Dezelfde persoon", exact=True).click()
    page.get_by_text("Vastgelegd: dezelfde.").wait_for()
    link.refresh_from_db()
    assert link.status == "confirmed"
    page.goto(f"{live_server.url}/pakhuis/attenderingen/{Alert.objects.get().uuid}/")
    page.get_by_role("link", name=person.label).click()
    page.get_by_role("heading", name=person.label).wait_for()
    assert page.foreign_requests == []
