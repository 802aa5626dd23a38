"""The 4-weekly list of new businesses by branch and area, as a candidate source and a page
with pagination, and planning a control from one (#15)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import AddressFactory, OrganisationFactory, login
from weerbaar.warehouse import db

pytestmark = pytest.mark.django_db


def _business(n, *, days_ago=3, sbi="5630", postcode="3131AB", number=None):
    founded = timezone.localdate() - timedelta(days=days_ago)
    return [
        f"{100000000000 + n:012d}",
        f"{10000000 + n}",
        f"Zaak {n}",
        [sbi],
        founded,
        postcode,
        number or n + 1,
        "Havenstraat",
        "Weerdam",
    ]


def _load(rows):
    with db.connect() as con:
        for e, kvk, name, codes, founded, postcode, number, street, place in rows:
            con.execute(
                "INSERT INTO kvk_business VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)",
                [e, kvk, name, codes, founded, postcode, number, street, place],
            )


@pytest.fixture
def extract():
    rows = [_business(n) for n in range(30)]  # 30 cafés in 3131
    rows += [_business(100 + n, sbi="9602", postcode="3132CD") for n in range(2)]  # hairdressers
    rows += [_business(200, days_ago=40)]  # founded before the four weeks
    _load(rows)


def test_the_page_groups_by_branch_and_area_and_pages_the_establishments(toezichthouder, extract):
    client = login(toezichthouder)
    page = client.get(reverse("warehouse:new_businesses"))
    groups = [(g.division, g.area, g.count) for g in page.context["groups"]]
    assert groups == [("56", "3131", 30), ("96", "3132", 2)]
    assert page.context["groups"][0].branch.startswith("Eet- en drinkgelegenheden")
    assert page.context["page"].paginator.count == 32 and len(page.context["rows"]) == 25
    second = client.get(reverse("warehouse:new_businesses"), {"pagina": 2})
    assert len(second.context["rows"]) == 7
    hair = client.get(reverse("warehouse:new_businesses"), {"afdeling": "96", "gebied": "3132"})
    assert [row.name for row, _url in hair.context["rows"]] == ["Zaak 100", "Zaak 101"]
    odd = client.get(reverse("warehouse:new_businesses"), {"afdeling": "x'", "gebied": "1"})
    assert odd.context["division"] == "" and odd.context["page"].paginator.count == 32


def test_the_planning_page_lists_the_groups_as_candidates(toezichthouder, extract):
    page = login(toezichthouder).get(reverse("inspections:planning"))
    sources = {source.name: (source, rows) for source, rows in page.context["sources"]}
    source, rows = sources["newcomers"]
    assert source.more_url == reverse("warehouse:new_businesses")
    assert rows[0].reference.startswith("56 ") and rows[0].url.endswith("afdeling=56&gebied=3131")


def test_planning_from_a_new_business_fills_its_address_and_known_kvk_number(
    toezichthouder, extract
):
    AddressFactory(street="Havenstraat", number=1, postcode="3131AB")
    OrganisationFactory(name="Zaak 0", kvk_number="10000000")
    client = login(toezichthouder)
    rows = client.get(reverse("warehouse:new_businesses"), {"afdeling": "56"}).context["rows"]
    url = next(u for row, u in rows if row.name == "Zaak 0")
    form = client.get(url).context["form"]
    assert form.initial["addresses"] == "3131 AB 1" and form.initial["businesses"] == "10000000"
    assert "Zaak 0" in form.initial["purpose"]
    unknown = next(u for row, u in rows if row.name == "Zaak 5")
    assert "businesses" not in client.get(unknown).context["form"].initial


def test_who_plans_no_controls_and_reviews_no_alerts_gets_no_list(medewerker, extract):
    client = login(medewerker)
    assert client.get(reverse("warehouse:new_businesses")).status_code == 404
    plan = reverse("inspections:plan")
    assert client.get(plan, {"van": "kvk", "id": "100000000000"}).status_code == 404
