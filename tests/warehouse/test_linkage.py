"""Record linkage (Splink on DuckDB): known duplicates with Dutch variation are found, with
the weights per comparison visible, and persons without a BSN open from the warehouse."""

import csv

import duckdb
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from splink import DuckDBAPI

from tests.factories import make_person
from weerbaar.audit.models import AuditRecord
from weerbaar.demo.linkage_data import two_sources
from weerbaar.warehouse import linkage, services
from weerbaar.warehouse.link_persons import link_persons
from weerbaar.warehouse.models import Alert, PersonLink
from weerbaar.warehouse.selectors import alert_subjects

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def warehouse(settings, tmp_path):
    settings.WAREHOUSE_PATH = str(tmp_path / "warehouse.duckdb")


def _engine(left, right):
    con = duckdb.connect()
    for name, rows in (("left_raw", left), ("right_raw", right)):
        con.execute(
            f"CREATE TABLE {name} (unique_id VARCHAR, surname VARCHAR, prefix VARCHAR, "
            "given_names VARCHAR, birth_date DATE, postcode VARCHAR)"
        )
        con.executemany(f"INSERT INTO {name} VALUES (?, ?, ?, ?, ?, ?)", rows)  # noqa: S608
    con.execute("CREATE TABLE lsrc AS " + linkage.NORMALISE.format(table="left_raw"))
    con.execute("CREATE TABLE rsrc AS " + linkage.NORMALISE.format(table="right_raw"))
    return con


def test_known_duplicates_are_found_with_precision_and_recall():
    left, right, truth = two_sources(3000, 3000, 1500, seed=7)
    pairs = linkage.link(DuckDBAPI(connection=_engine(left, right)), "lsrc", "rsrc")
    linked = {(p.left, p.right) for p in pairs if p.match_probability >= 0.95}
    precision = len(linked & truth) / len(linked)
    recall = len(linked & truth) / len(truth)
    assert precision >= 0.99 and recall >= 0.95, (precision, recall)
    # the weights say why: each comparison's outcome and its weight, summing to the total
    levels = {level for p in pairs for level, _w in p.weights.values()}
    assert {"prefix_differs", "initial_same", "day_month_swapped", "very_similar"} <= levels
    some = pairs[0]
    assert set(some.weights) == {"surname", "given_name", "birth_date", "postcode"}


def test_variations_one_by_one():
    base = ("L1", "Berg", "van den", "Pieter Jan", "1980-03-05", "6981AB")
    unrelated = [
        (f"L{n}", s, "", g, f"19{50 + n % 40}-0{1 + n % 9}-1{n % 9}", f"{1000 + n}XX")
        for n, (s, g) in enumerate(
            [("Jansen", "Kees"), ("Bakker", "Anna"), ("Visser", "Tom"), ("Smit", "Eva")] * 60,
            start=2,
        )
    ]
    variants = {
        "R1": ("R1", "Vandenberg", "", "P.J.", "1980-05-03", "6981AB"),  # glued, initials, swap
    }
    left = [base, *unrelated]
    right = [*variants.values(), *[(f"R{r[0][1:]}", *r[1:]) for r in unrelated]]
    pairs = linkage.link(DuckDBAPI(connection=_engine(left, right)), "lsrc", "rsrc")
    pair = next(p for p in pairs if p.left == "L1")
    assert pair.right == "R1"
    assert pair.weights["surname"][0] == "prefix_differs"
    assert pair.weights["given_name"][0] == "initial_same"
    assert pair.weights["birth_date"][0] == "day_month_swapped"
    assert pair.weights["birth_date"][1] > 0


def _brp(tmp_path, rows):
    path = tmp_path / "brp.csv"
    header = ["bsn", "geslachtsnaam", "voorvoegsel", "voornamen", "geboortedatum", "geslacht",
              "adresseerbaar_object_id", "nummeraanduiding_id", "straat", "huisnummer",
              "postcode", "datum_aanvang", "datum_einde"]  # fmt: skip
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, delimiter=";")
        out.writerow(header)
        out.writerows(rows)
    assert services.import_brp(path=path, fmt="csv").status == "loaded"


def _bsn(n):
    from weerbaar.demo.names import valid_bsn

    return valid_bsn(n)


@pytest.fixture
def population(tmp_path):
    """The BRP extract of a town, and some of its inhabitants recorded in the application
    from reports: without a BSN, the names as a reporter wrote them."""
    left, right, truth = two_sources(400, 2000, 300, seed=3)
    brp = []
    for n, (_uid, surname, prefix, given, birth, postcode) in enumerate(left):
        brp.append([_bsn(n), surname, prefix, given, birth.isoformat(), "V", f"V{n}", f"N{n}",
                    "Markt", 1 + n % 80, postcode, "2015-01-01", ""])  # fmt: skip
    _brp(tmp_path, brp)
    recorded = {}
    by_uid = {r[0]: r for r in right}
    for uid_l, uid_r in sorted(truth)[:60]:
        _uid, surname, prefix, given, birth, _postcode = by_uid[uid_r]
        name = " ".join(filter(None, [given, prefix, surname]))
        subject = make_person(name, birth=birth)
        recorded[subject.pk] = brp[int(uid_l[1:])][0]
    return recorded


def test_persons_without_a_bsn_are_linked_and_open_from_an_alert(population, regisseur):
    from weerbaar.core.bsn import bsn_hash

    counts = link_persons()
    assert counts["linked"] >= 50
    links = PersonLink.objects.filter(status="linked")
    assert all(bsn_hash(population[link.subject_id]) == link.bsn_hash for link in links)
    link = links.first()
    alert = Alert.objects.create(
        rule="return_of_closed",
        rule_version="t",
        key="persoon x",
        facts={"bsn_hash": link.bsn_hash},
        facts_hash="x",
        explanation="x",
        raised_at=timezone.now(),
    )
    assert link.subject in alert_subjects(user=regisseur, alert=alert)


def test_the_analyst_judges_uncertain_pairs_and_the_judgement_stays(population, regisseur):
    link_persons()
    client = Client()
    client.force_login(regisseur)
    PersonLink.objects.update(status="linked")
    PersonLink.objects.filter(pk__in=PersonLink.objects.values("pk")[:2]).update(status="review")
    page = client.get(reverse("warehouse:person_links")).content.decode()
    assert "Geboortedatum" in page and "Te beoordelen" in page
    same, other = PersonLink.objects.filter(status="review")
    client.post(reverse("warehouse:link_decide", args=[same.uuid]), {"same": "ja"})
    client.post(reverse("warehouse:link_decide", args=[other.uuid]), {"same": "nee"})
    assert AuditRecord.objects.filter(action="warehouse.person_link_decided").count() == 2
    client.post(reverse("warehouse:run_linkage"))  # linking again keeps both judgements
    assert PersonLink.objects.get(pk=same.pk).status == "confirmed"
    assert PersonLink.objects.get(pk=other.pk).status == "rejected"
    assert PersonLink.objects.filter(subject=other.subject, bsn_hash=other.bsn_hash).count() == 1


def test_the_links_are_for_the_analysts_only(population, behandelaar):
    client = Client()
    client.force_login(behandelaar)
    assert client.get(reverse("warehouse:person_links")).status_code == 404
    assert client.post(reverse("warehouse:run_linkage")).status_code == 404
