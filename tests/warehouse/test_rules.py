"""Every rule finds the anomalies planted in generated data, and nothing on clean data."""

import csv
import random
from datetime import date, timedelta

import pytest

from weerbaar.warehouse import rules, services
from weerbaar.warehouse.models import Alert, ImportRun, RuleSetting, ScanRun
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
        for vbo, surface, *_rest in list(self.addresses):
            for _ in range(self.rng.randint(1, max(1, surface // 40))):
                self.register(vbo, date(2015, 1, 1) + timedelta(days=self.rng.randint(0, 3000)))

    def address(self, vbo, *, surface, use, number_id=None, number=None):
        """A verblijfsobject's address; the same object again is one of its other addresses."""
        number = number or len(self.addresses) + 1
        self.addresses.append((vbo, surface, use, number_id or f"NUM{vbo}", number))

    def crowd(self, vbo="CROWD", persons=14):
        """A home of 96 m² with ``persons`` who arrived over the years (crowded, no churn)."""
        self.address(vbo, surface=96, use="woonfunctie")
        people = [(next(self.bsn), vbo, date(2012 + n % 10, 3, 1), None) for n in range(persons)]
        self.people += people
        return people

    def register(self, vbo, since, until=None):
        self.people.append((next(self.bsn), vbo, since, until))

    def load(self):
        bag, brp = self.tmp / "bag.csv", self.tmp / "brp.csv"
        with bag.open("w", newline="") as f:
            out = csv.writer(f, delimiter=";")
            out.writerow(BAG_HEADER)
            for vbo, surface, use, number_id, number in self.addresses:
                out.writerow(
                    [
                        number_id,
                        vbo,
                        "6981AB",
                        number,
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
    town.crowd()
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


KVK_HEADER = services.KVK_COLUMNS


def _kvk(tmp_path, rows):
    path = tmp_path / "kvk.csv"
    with path.open("w", newline="") as f:
        out = csv.writer(f, delimiter=";")
        out.writerow(KVK_HEADER)
        out.writerows(rows)
    return path


def _business(n, *, sbi="6201", founded="2015-04-01", postcode=None, number=None):
    return [
        f"{10000000 + n}",
        f"{100000000000 + n}",
        f"Bedrijf {n} B.V.",
        sbi,
        founded,
        postcode or f"{1000 + n % 9000:04d}AB",
        number or 1 + n,
        "",
        "",
        "Industrieweg",
        "Weerdam",
    ]


def _ordinary():
    return [_business(n, sbi=["6201", "4120", "8621"][n % 3]) for n in range(40)]


def test_kvk_import_checks_numbers_and_sbi_codes(tmp_path):
    rows = _ordinary() + [
        ["1234", "100000000999", "Te kort", "6201", "2020-01-01", "6981AB", 1, "", "", "X", "Y"],
        _business(41, sbi="99999"),
        _business(0),  # the same establishment again
        _business(42, founded="2999-01-01"),
    ]
    run = services.import_kvk(path=_kvk(tmp_path, rows))
    assert (run.status, run.rows_loaded) == ("loaded", 40)
    assert sorted(r.reason for r in run.rejections.all()) == [
        "KvK-nummer is geen 8 cijfers",
        "onbekende SBI-code",
        "oprichtingsdatum ligt in de toekomst",
        "vestiging 100000000000 komt al eerder voor",
    ]


def test_kvk_rules_find_clusters_and_risk_newcomers_only(tmp_path):
    services.import_kvk(path=_kvk(tmp_path, _ordinary()))
    scan()
    assert not Alert.objects.exists()  # clean: nothing
    cluster = [
        _business(100 + n, sbi=s, founded="2012-06-01", postcode="6981ZZ", number=7)
        for n, s in enumerate(["6201", "4120", "8621", "9602", "4511", "7711"])
    ]
    barber = _business(200, sbi="96021", founded="2016-03-01")
    rows = _ordinary() + cluster + [barber]
    services.import_kvk(path=_kvk(tmp_path, rows))
    scan()
    hits = _hits()
    assert ("business_cluster", "6981ZZ 7") in hits
    assert ("risk_branch_newcomers", "100000000200") in hits
    # the cluster's own barber and car dealer, founded in 2012, are not newcomers
    assert {k for r, k in hits if r == "risk_branch_newcomers"} == {"100000000200"}
    barber_alert = Alert.objects.get(rule="risk_branch_newcomers")
    assert "Bedrijf 200 B.V. (SBI 96021:" in barber_alert.explanation


def test_return_of_the_closed(tmp_path, regisseur, team):
    from tests.factories import make_address
    from weerbaar.cases import services as cases
    from weerbaar.cases.models import CaseType
    from weerbaar.interventions import services as interventions
    from weerbaar.interventions.models import Instrument

    closed = make_address("Loodsweg", 3, "6981AB", "Doesburg", bag_verblijfsobject_id="CLOSED")
    case = cases.case_open(
        actor=regisseur,
        case_type=CaseType.objects.get(code="hennep-sluiting"),
        title="Loodsweg 3",
        owner_team=team,
        subjects=[(closed, "location")],
    )
    closure = interventions.intervention_start(
        actor=regisseur, case=case, instrument=Instrument.objects.get(code="damocles-sluiting")
    )
    interventions.intervention_record(
        actor=regisseur,
        intervention=closure,
        opinion_skipped_reason="Spoed",
        decision_on=date(2023, 5, 1),
    )
    town = Town(tmp_path)
    town.address("CLOSED", surface=90, use="woonfunctie")
    town.address("ELSEWHERE", surface=90, use="woonfunctie")
    tenant = next(town.bsn)
    town.people.append((tenant, "CLOSED", date(2020, 1, 1), date(2023, 6, 1)))
    town.people.append((tenant, "ELSEWHERE", date(2023, 7, 1), None))
    town.load()
    scan()
    alert = Alert.objects.get(rule="return_of_closed")
    assert alert.key.endswith("→ ELSEWHERE")
    assert "Loodsweg 3" in alert.explanation and "2023-07-01" in alert.explanation


def test_one_alert_per_object_even_when_a_rule_repeats_a_key():
    """An extract that disagrees with itself (one address, two street names) can make a rule
    return the same object twice: the first (most severe) hit counts, once."""
    from django.utils import timezone

    from weerbaar.warehouse.alerts import store

    rule = rules.load(rules.FOLDER / "business_cluster.sql")
    hits = [
        {
            "key": "6981YY 9",
            "postcode": "6981YY",
            "street": "Industrieweg",
            "businesses": 7,
            "divisions": 1,
        },
        {
            "key": "6981YY 9",
            "postcode": "6981YY",
            "street": "Industrieweg (oud)",
            "businesses": 5,
            "divisions": 1,
        },
    ]
    counts = {"new": 0, "open": 0, "reopened": 0, "reviewed_unchanged": 0, "lapsed": 0}
    store(rule, rule.params, hits, counts, timezone.now())
    alert = Alert.objects.get(rule="business_cluster", key="6981YY 9")
    assert counts["new"] == 1 and alert.facts["businesses"] == 7


def test_an_open_alert_follows_new_thresholds_and_keeps_its_place(tmp_path):
    town = Town(tmp_path)
    town.crowd()
    town.load()
    scan()
    before = Alert.objects.get(rule="overcrowding")
    again = scan()
    assert (again["new"], again["open"]) == (0, 1)
    RuleSetting.objects.create(rule="overcrowding", params={"m2_per_person": 10})
    assert scan()["open"] == 1
    after = Alert.objects.get(rule="overcrowding")
    assert (after.pk, after.uuid, after.raised_at) == (before.pk, before.uuid, before.raised_at)
    assert after.params == {"m2_per_person": 10, "min_persons": 4}
    assert after.explanation.endswith("hoogstens 1 persoon per 10 m²")


@pytest.mark.parametrize("first", ["NUM1", "NUM2"])
def test_an_object_with_two_addresses_is_described_the_same_way_every_scan(tmp_path, first):
    """A verblijfsobject with a second address (nevenadres) gives one alert, always about
    the same address whatever the order of the extract, so a reviewed alert does not come
    back with other facts."""
    town = Town(tmp_path)
    numbers = {"NUM1": 10, "NUM2": 12}
    for number_id in sorted(numbers, key=lambda n: n != first):
        town.address(
            "CROWD", surface=96, use="woonfunctie", number_id=number_id, number=numbers[number_id]
        )
    for n in range(14):
        town.register("CROWD", date(2012 + n % 10, 3, 1))
    town.load()
    scan()
    alert = Alert.objects.get(rule="overcrowding")
    assert alert.facts["house_number"] == 10  # the address with the lowest identification


def test_a_cluster_address_spelled_two_ways_is_shown_the_same_way_every_scan(tmp_path):
    cluster = [
        _business(100 + n, sbi=s, founded="2012-06-01", postcode="6981ZZ", number=7)
        for n, s in enumerate(["6201", "4120", "8621", "9602", "4511"])
    ]
    for row in cluster[:2]:
        row[9] = "Zuidweg"  # an older spelling, first in the file
    services.import_kvk(path=_kvk(tmp_path, _ordinary() + cluster))
    scan()
    assert Alert.objects.get(rule="business_cluster").facts["street"] == "Industrieweg"


def test_a_warehouse_file_of_an_earlier_version_gets_its_persons_per_object_counted(tmp_path):
    from weerbaar.warehouse import db

    town = Town(tmp_path)
    town.crowd()
    town.load()
    with db.connect() as con:
        con.execute("DROP TABLE brp_occupancy")  # a file from before the counts were kept
    scan()
    assert ("overcrowding", "CROWD") in _hits()


def test_an_open_alert_the_rule_no_longer_finds_leaves_the_queue_until_found_again(
    tmp_path, regisseur
):
    from weerbaar.warehouse.selectors import alert_list

    analyst = regisseur
    town = Town(tmp_path)
    crowd = town.crowd()
    town.load()
    scan()
    town.people = [p for p in town.people if p not in crowd[4:]]  # ten have moved out
    town.load()
    result = scan()
    assert (result["lapsed"], result["open"]) == (1, 0)
    assert Alert.objects.get(rule="overcrowding").status == "lapsed"
    assert not alert_list(user=analyst, rule="overcrowding").exists()  # the default: open
    town.people += crowd[4:]
    town.load()
    assert scan()["new"] == 1
    assert Alert.objects.get(rule="overcrowding").status == "open"


def test_a_reviewed_alert_does_not_lapse(tmp_path):
    town = Town(tmp_path)
    crowd = town.crowd()
    town.load()
    scan()
    Alert.objects.update(status="dismissed", dismiss_reason="Bekend, vergunning")
    town.people = [p for p in town.people if p not in crowd[4:]]
    town.load()
    assert scan()["lapsed"] == 0
    assert Alert.objects.get(rule="overcrowding").status == "dismissed"


def test_a_risk_code_catches_the_codes_under_it_and_storage_is_a_risk_branch(tmp_path):
    # 52109 (other storage) lies under the class 5210 (storage) of the default risk list
    storage = _business(300, sbi="52109", founded="2016-03-01")
    haulier = _business(301, sbi="4941", founded="2016-03-01")  # road haulage: no risk
    services.import_kvk(path=_kvk(tmp_path, [*_ordinary(), storage, haulier]))
    scan()
    assert {k for r, k in _hits() if r == "risk_branch_newcomers"} == {"100000000300"}
    # a municipality's own list by class catches the same
    Alert.objects.all().delete()
    RuleSetting.objects.create(rule="risk_branch_newcomers", params={"risk_codes": "4941"})
    scan()
    assert {k for r, k in _hits() if r == "risk_branch_newcomers"} == {"100000000301"}


def test_a_date_typed_in_the_future_is_refused_and_the_churn_rule_still_finds(tmp_path):
    town = Town(tmp_path)
    town.address("CHURN", surface=120, use="woonfunctie")
    start = date(2025, 1, 10)
    for n in range(5):  # five people come and go within a year: ten changes
        town.register("CHURN", start + timedelta(days=30 * n), start + timedelta(days=30 * n + 20))
    town.register(town.addresses[0][0], date(2062, 3, 1))  # 2062 typed for 2026
    town.load()
    run = ImportRun.objects.filter(source="brp-csv").get()
    line = len(town.people) + 1  # the last line of the file, after the header
    assert [(r.row, r.reason) for r in run.rejections.all()] == [
        (f"regel {line}", "datum aanvang adreshouding ligt in de toekomst")
    ]
    assert (run.rows_read, run.rows_loaded) == (len(town.people), len(town.people) - 1)
    scan()
    assert ("registration_churn", "CHURN") in _hits()


def test_a_misspelled_threshold_stops_only_its_own_rule(tmp_path, regisseur):
    from django.test import Client
    from django.urls import reverse

    town = Town(tmp_path)
    town.crowd()
    town.address("SHOP", surface=300, use="winkelfunctie")
    town.register("SHOP", date(2024, 5, 1))
    town.load()
    # kept before thresholds were checked when saved
    RuleSetting.objects.create(rule="overcrowding", params={"min_persns": 4})
    client = Client()
    client.force_login(regisseur)
    client.post(reverse("warehouse:scan"))  # the worker runs it (in tests, at once)
    assert ("non_residential", "SHOP") in _hits() and ("overcrowding", "CROWD") not in _hits()
    run = ScanRun.objects.get()
    assert run.status == "done" and list(run.counts["failed"]) == ["overcrowding"]
    page = client.get(reverse("warehouse:alerts")).content.decode()
    assert "Deze regels konden niet draaien" in page
    assert "overcrowding heeft geen drempel min_persns" in page


def test_thresholds_are_checked_against_the_rule_when_saved_in_the_admin():
    from django.test import Client
    from django.urls import reverse

    from tests.factories import UserFactory

    client = Client()
    client.force_login(UserFactory(username="baas", is_staff=True, is_superuser=True))
    url = reverse("admin:warehouse_rulesetting_add")
    form = {"rule": "overcrowding", "_save": "1"}
    misspelled = client.post(url, {**form, "params": '{"min_persns": 4}'})
    assert misspelled.status_code == 200 and not RuleSetting.objects.exists()
    assert (
        "overcrowding heeft geen drempel min_persns; de regel kent m2_per_person, min_persons."
        in misspelled.content.decode()
    )
    text = client.post(url, {**form, "params": '{"min_persons": "vier"}'})
    assert "min_persons moet een getal zijn" in text.content.decode()
    unknown = client.post(url, {**form, "rule": "overcrowdng", "params": "{}"})
    assert "Er is geen regel met deze code." in unknown.content.decode()
    assert client.post(url, {**form, "params": '{"min_persons": 5}'}).status_code == 302
    assert RuleSetting.objects.get().params == {"min_persons": 5}
