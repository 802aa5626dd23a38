"""Permits from the permit system, and hits that open the right subject pages."""

import csv
from datetime import date, timedelta

import duckdb
import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.factories import make_address, make_person
from tests.warehouse.test_rules import Town
from weerbaar.signals.models import Signal
from weerbaar.subjects import services as subject_services
from weerbaar.subjects.selectors import subjects_for_registry
from weerbaar.warehouse import db, permits, services
from weerbaar.warehouse.models import Alert
from weerbaar.warehouse.scan import scan

pytestmark = pytest.mark.django_db
TENANT_BSN = "999990019"


@pytest.fixture(autouse=True)
def warehouse(settings, tmp_path):
    settings.WAREHOUSE_PATH = str(tmp_path / "warehouse.duckdb")


def _permits(tmp_path, rows, name="permits.csv", header=permits.COLUMNS, delimiter=";"):
    path = tmp_path / name
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, delimiter=delimiter)
        out.writerow(header)
        out.writerows(rows)
    return path


def _permit(number, *, kvk="", bsn="", postcode="6981AB", house="5", granted="2024-02-01",
            until="", kind="Exploitatievergunning horeca"):  # fmt: skip
    return [number, kind, "Houder", kvk, bsn, postcode, house, "", "", "Markt", "Doesburg",
            granted, until]  # fmt: skip


def _table():
    with db.connect() as con:
        return con.execute("SELECT permit_number FROM permit ORDER BY 1").fetchall()


def test_permits_are_loaded_and_bad_lines_reported(tmp_path):
    future = (date.today() + timedelta(days=30)).isoformat()
    rows = [
        _permit("V-1", kvk="12345678"),
        _permit("V-2", bsn=TENANT_BSN, until="2026-02-01"),
        _permit("V-1"),
        _permit("V-3", house="0"),
        _permit("V-4", granted=future),
        _permit("V-5", until="2020-01-01"),
        _permit("V-6", bsn="123456789"),
        _permit("V-7", kvk="1234"),
        _permit("V-8", granted="2024-13-01"),
        _permit("V-9", postcode="69810A"),
    ]
    run = services.import_permits(path=_permits(tmp_path, rows))
    assert (run.status, run.rows_read, run.rows_loaded, run.rows_rejected) == ("loaded", 10, 2, 8)
    assert [(r.row, r.reason) for r in run.rejections.all()] == [
        ("regel 4", "vergunning V-1 komt al eerder voor"),
        ("regel 5", "huisnummer moet een getal van 1 of hoger zijn"),
        ("regel 6", "datum van verlening ligt in de toekomst"),
        ("regel 7", "geldig tot ligt vóór de datum van verlening"),
        ("regel 8", "BSN voldoet niet aan de 11-proef"),
        ("regel 9", "KvK-nummer is geen 8 cijfers"),
        ("regel 10", "datum is geen geldige datum (JJJJ-MM-DD)"),
        ("regel 11", "ongeldige postcode"),
    ]
    assert _table() == [("V-1",), ("V-2",)]
    assert TENANT_BSN.encode() not in (tmp_path / "warehouse.duckdb").read_bytes()
    # the same file again changes nothing; a broken delivery leaves the permits as they were
    assert services.import_permits(path=_permits(tmp_path, rows)).status == "unchanged"
    wrong = _permits(tmp_path, [_permit("V-10")], name="komma.csv", delimiter=",")
    failed = services.import_permits(path=wrong)
    assert failed.status == "failed" and "puntkomma" in failed.error and "komma.csv" in failed.error
    short = _permits(tmp_path, [["V-11"]], name="kort.csv", header=["vergunningnummer"])
    assert "kolommen ontbreken: soort" in services.import_permits(path=short).error
    latin = tmp_path / "latin.csv"
    latin.write_bytes(
        (";".join(permits.COLUMNS) + "\n").encode()
        + ";".join(_permit("V-12")).encode()
        + b"\n"
        + ";".join(_permit("V-13", kind="Café-vergunning")).encode("cp1252")
        + b"\n"
    )
    assert "regel 3: het bestand is niet in UTF-8" in services.import_permits(path=latin).error
    assert _table() == [("V-1",), ("V-2",)]


def _closed_case(regisseur, team, subjects, decided):
    from weerbaar.cases import services as cases
    from weerbaar.cases.models import CaseType
    from weerbaar.interventions import services as interventions
    from weerbaar.interventions.models import Instrument

    case = cases.case_open(
        actor=regisseur,
        case_type=CaseType.objects.get(code="hennep-sluiting"),
        title="Loodsweg 3",
        owner_team=team,
        subjects=subjects,
    )
    closure = interventions.intervention_start(
        actor=regisseur, case=case, instrument=Instrument.objects.get(code="damocles-sluiting")
    )
    interventions.intervention_record(
        actor=regisseur, intervention=closure, opinion_skipped_reason="Spoed", decision_on=decided
    )


def test_a_closed_operator_with_a_new_permit_elsewhere_opens_their_subject_pages(
    tmp_path, regisseur, team
):
    closed = make_address("Loodsweg", 3, "6981AB", "Doesburg", bag_verblijfsobject_id="CLOSED")
    firm = subject_services.organisation_create(
        actor=None, source="test", name="Loods B.V.", kvk_number="12345678"
    )
    tenant = make_person("Piet Jansen", bsn=TENANT_BSN)
    elsewhere = make_address("Markt", 5, "6981AB", "Doesburg")
    _closed_case(
        regisseur,
        team,
        [(closed, "location"), (firm, "involved"), (tenant, "involved")],
        date(2023, 5, 1),
    )
    town = Town(tmp_path)
    town.address("CLOSED", surface=90, use="woonfunctie")
    town.load()
    rows = [
        _permit("V-1", kvk="12345678", granted="2024-02-01"),  # the firm, elsewhere: a hit
        _permit("V-2", bsn=TENANT_BSN, granted="2024-03-01"),  # the tenant, elsewhere: a hit
        _permit("V-3", kvk="12345678", granted="2022-01-01"),  # before the closure
        _permit("V-4", kvk="12345678", postcode="6981AB", house="3"),  # the closed premises
        _permit("V-5", kvk="87654321"),  # somebody else
    ]
    services.import_permits(path=_permits(tmp_path, rows))
    scan()
    hits = {a.key: a for a in Alert.objects.filter(rule="return_of_closed")}
    assert set(hits) == {"vergunning V-1", "vergunning V-2"}
    assert (
        'vergunning "Exploitatievergunning horeca" op Markt 5' in hits["vergunning V-1"].explanation
    )

    client = Client()
    client.force_login(regisseur)
    page = client.get(reverse("warehouse:alert", args=[hits["vergunning V-2"].uuid]))
    html = page.content.decode()
    for subject in (tenant, elsewhere):  # found by hashed BSN, and by postcode and number
        assert reverse("subjects:detail", args=[subject.uuid]) in html
    assert reverse("subjects:detail", args=[firm.uuid]) not in html
    assert "bsn_hash" not in html and hits["vergunning V-2"].facts["bsn_hash"] not in html
    assert "<dt>Sinds</dt>" in html and "<dt>since</dt>" not in html  # Dutch labels

    client.post(reverse("warehouse:to_signal", args=[hits["vergunning V-1"].uuid]))
    signal = Signal.objects.get(channel="warehouse")
    linked = {link.subject_id: link.role for link in signal.subject_links.all()}
    assert linked == {firm.pk: "involved", elsewhere.pk: "location"}
    assert signal.address_id == elsewhere.pk


def test_registry_links_keep_need_to_know(medewerker, team, other_team):
    ours = make_person("Kees de Vries", bsn=TENANT_BSN, owner_team=team)
    theirs = subject_services.organisation_create(
        actor=None, source="test", name="Ander B.V.", kvk_number="87654321", owner_team=other_team
    )
    found = subjects_for_registry(
        user=medewerker,
        bsn_hashes=[ours.person.bsn_hash],
        kvk_numbers=["87654321"],
        addresses=[("6981AB", None, "", "")],  # no house number: no address door
    )
    assert found == [ours] and theirs not in found


def test_the_closures_step_counts_what_it_read(regisseur, team):
    from weerbaar.audit.models import AuditRecord

    none = services.import_closures()
    assert (none.status, none.rows_read, none.rows_loaded) == ("loaded", 0, 0)
    firm = subject_services.organisation_create(
        actor=None, source="test", name="Loods B.V.", kvk_number="12345678"
    )
    tenant = make_person("Piet Jansen", bsn=TENANT_BSN)
    closed = make_address("Loodsweg", 3, "6981AB", "Doesburg", bag_verblijfsobject_id="CLOSED")
    subjects = [(closed, "location"), (firm, "involved"), (tenant, "involved")]
    _closed_case(regisseur, team, subjects, date(2023, 5, 1))
    run = services.import_closures()
    # one row per person or organisation concerned
    assert (run.status, run.rows_read, run.rows_loaded) == ("loaded", 2, 2)
    with duckdb.connect(str(settings.WAREHOUSE_PATH), read_only=True) as con:
        rows = con.execute(
            "SELECT closed_object_id, closed_house_number, bsn_hash IS NULL, kvk_number "
            "FROM closure ORDER BY kvk_number NULLS LAST"
        ).fetchall()
    assert rows == [("CLOSED", 3, True, "12345678"), ("CLOSED", 3, False, None)]
    assert services.import_closures().status == "unchanged"
    assert AuditRecord.objects.filter(action="warehouse.import").count() == 3
