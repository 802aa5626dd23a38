"""Every rule finds the anomalies planted in generated data, and nothing on clean data."""

import csv
import random
from datetime import date, timedelta

import pytest

from weerbaar.warehouse import rules, services
from weerbaar.warehouse.models import Alert, RuleSetting
from weerbaar.warehouse.scan import scan

pytestmark = pytest.mark.django_db
BAG_HEADER = services.CSV_COLUMNS
BRP_HEADER = [
    "bsn", "geslachtsnaam", "voorvoegsel", "voornamen", "geboortedatum", "geslacht",
    "adresseerbaar_object_id", "nummeraanduiding_id", "straat", "huisnummer", "postcode",
    "datum_aanvang", "datum_einde",
]  # fmt: skip


@pytest.fixture(autouse=True)
def warehouse(settings, tmp_path):
    settings.WAREHOUSE_PATH = str(tmp_path / "warehouse.duckdb")


def _bsns():
    """Valid BSNs (11-proef) in the 9999xxxxx test range."""
    n = 999990000
    while True:
        n += 1
        digits = f"{n:09d}"
        total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
        if (total - int(digits[8])) % 11 == 0:
            yield digits


class Town:
    """A generated municipality: ordinary homes with plausible households."""

    def __init__(self, tmp_path, homes=60, seed=5):
        self.tmp, self.rng, self.bsn = tmp_path, random.Random(seed), _bsns()
        self.addresses, self.people = [], []
        for n in range(homes):
            self.address(f"A{n:03d}", surface=self.rng.randint(60, 160), use="woonfunctie")
        for vbo, surface, _use in list(self.addresses):
            for _ in range(self.rng.randint(1, max(1, surface // 40))):
                self.register(vbo, date(2015, 1, 1) + timedelta(days=self.rng.randint(0, 3000)))

    def address(self, vbo, *, surface, use):
        self.addresses.append((vbo, surface, use))

    def register(self, vbo, since, until=None):
        self.people.append((next(self.bsn), vbo, since, until))

    def load(self):
        bag, brp = self.tmp / "bag.csv", self.tmp / "brp.csv"
        with bag.open("w", newline="") as f:
            out = csv.writer(f, delimiter=";")
            out.writerow(BAG_HEADER)
            for n, (vbo, surface, use) in enumerate(self.addresses, start=1):
                out.writerow(
                    [
                        f"NUM{vbo}",
                        vbo,
                        "6981AB",
                        n,
                        "",
                        "",
                        "Kerkstraat",
                        "Doesburg",
                        surface,
                        use,
                        1960,
                    ]
                )
        with brp.open("w", newline="") as f:
            out = csv.writer(f, delimiter=";")
            out.writerow(BRP_HEADER)
            for bsn, vbo, since, until in self.people:
                out.writerow(
                    [
                        bsn,
                        "Jansen",
                        "",
                        "Piet",
                        "1980-01-01",
                        "M",
                        vbo,
                        f"NUM{vbo}",
                        "Kerkstraat",
                        1,
                        "6981AB",
                        since.isoformat(),
                        until.isoformat() if until else "",
                    ]
                )
        assert services.import_bag(path=bag, fmt="csv").status in ("loaded", "unchanged")
        assert services.import_brp(path=brp, fmt="csv").status in ("loaded", "unchanged")


def _hits():
    return {(a.rule, a.key) for a in Alert.objects.all()}


def test_clean_data_raises_nothing(tmp_path):
    Town(tmp_path).load()
    assert scan()["new"] == 0 and not Alert.objects.exists()


def test_each_rule_finds_what_was_planted(tmp_path):
    town = Town(tmp_path)
    town.address("CROWD", surface=96, use="woonfunctie")
    for n in range(14):  # arrived over the years: crowded, but no churn
        town.register("CROWD", date(2012 + n % 10, 3, 1))
    town.address("SHOP", surface=300, use="winkelfunctie")
    town.register("SHOP", date(2024, 5, 1))
    town.register("SHOP", date(2024, 5, 1))
    town.address("CHURN", surface=120, use="woonfunctie")
    start = date(2025, 1, 10)
    for n in range(5):  # five people come and go within a year: ten changes
        town.register("CHURN", start + timedelta(days=30 * n), start + timedelta(days=30 * n + 20))
    town.load()
    scan()
    assert _hits() == {
        ("overcrowding", "CROWD"),
        ("non_residential", "SHOP"),
        ("registration_churn", "CHURN"),
    }
    crowd = Alert.objects.get(rule="overcrowding")
    assert crowd.explanation == (
        "14 personen ingeschreven op 96 m² woonoppervlak; norm: hoogstens 1 persoon per 12 m²"
    )
    assert crowd.rule_version == rules.load(rules.FOLDER / "overcrowding.sql").version
    assert crowd.params == {"m2_per_person": 12, "min_persons": 4}
    assert crowd.area == "6981"


def test_reviewed_alerts_return_only_when_their_facts_change(tmp_path):
    town = Town(tmp_path)
    town.address("CROWD", surface=96, use="woonfunctie")
    for n in range(10):
        town.register("CROWD", date(2012 + n, 3, 1))
    town.load()
    scan()
    Alert.objects.update(status="dismissed", dismiss_reason="Studentenhuis met vergunning")
    assert scan()["reviewed_unchanged"] == 1
    assert Alert.objects.get().status == "dismissed"
    town.register("CROWD", date(2023, 6, 1))
    town.load()
    assert scan()["reopened"] == 1
    assert Alert.objects.get().status == "open" and Alert.objects.get().facts["persons"] == 11


def test_thresholds_are_configuration(tmp_path):
    town = Town(tmp_path)
    town.address("TIGHT", surface=60, use="woonfunctie")
    for n in range(6):  # six on 60 m²: too many at 12 m² each, not at 10 m²
        town.register("TIGHT", date(2012 + n, 3, 1))
    town.load()
    scan()
    assert ("overcrowding", "TIGHT") in _hits()
    Alert.objects.all().delete()
    RuleSetting.objects.create(rule="overcrowding", params={"m2_per_person": 10})
    scan()
    assert ("overcrowding", "TIGHT") not in _hits()
