"""Imports started from the web page, run by the background worker, with a progress bar in
the page and in the terminal."""

import csv
import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from weerbaar.core import files
from weerbaar.warehouse import bag, permits, services
from weerbaar.warehouse.models import ImportRun
from weerbaar.warehouse.progress import Throttle

pytestmark = pytest.mark.django_db
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "bag-doesburg-sample"


@pytest.fixture(autouse=True)
def warehouse(settings, tmp_path):
    settings.WAREHOUSE_PATH = str(tmp_path / "warehouse.duckdb")


def _bag_csv(rows=3) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(services.CSV_COLUMNS)
    for n in range(1, rows + 1):
        writer.writerow([f"N{n}", f"V{n}", "6981AB", n, "", "", "Markt", "Doesburg", 80, "woonfunctie", 1990])  # fmt: skip
    writer.writerow(["N0", "V0", "6981AB", 0, "", "", "Markt", "Doesburg", 80, "woonfunctie", 1990])  # fmt: skip
    return out.getvalue().encode()


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_an_import_started_on_the_page_runs_and_reports(regisseur):
    client = _client(regisseur)
    upload = SimpleUploadedFile("bag-weerdam.csv", _bag_csv(), content_type="text/csv")
    response = client.post(reverse("warehouse:imports"), {"kind": "bag-csv", "upload": upload})
    run = ImportRun.objects.get()
    assert response["Location"] == reverse("warehouse:import", args=[run.uuid])
    # the worker ran it (in tests the queue works in the request)
    assert (run.status, run.progress, run.rows_loaded, run.rows_rejected) == ("loaded", 100, 3, 1)
    assert run.started_by == regisseur and run.file_name == "bag-weerdam.csv"
    assert not any(files.folder(services.UPLOADS).iterdir())  # the upload is gone
    page = client.get(response["Location"]).content.decode()
    assert 'value="100"' in page and "regel 5: huisnummer moet 1 of hoger zijn" in page
    assert "hx-trigger" not in page  # finished: the page stops asking


def test_the_page_polls_while_the_import_waits_or_runs(regisseur):
    run = ImportRun.objects.create(source="bag-csv", file_name="x.csv", status="running")
    ImportRun.objects.filter(pk=run.pk).update(progress=42, rows_read=12000)
    client = _client(regisseur)
    fragment = client.get(reverse("warehouse:import", args=[run.uuid]), HTTP_HX_REQUEST="true")
    html = fragment.content.decode()
    assert "<html" not in html and 'hx-trigger="every 1s"' in html
    assert 'value="42"' in html and "12.000 rijen gelezen" in html


def test_a_wrong_file_or_a_user_without_the_right_starts_nothing(regisseur, behandelaar):
    client = _client(regisseur)
    wrong = SimpleUploadedFile("bag.xlsx", b"PK\x03\x04", content_type="application/zip")
    page = client.post(reverse("warehouse:imports"), {"kind": "bag-csv", "upload": wrong})
    assert "een bestand nodig dat eindigt op .csv" in page.content.decode()
    upload = SimpleUploadedFile("bag.csv", _bag_csv(), content_type="text/csv")
    refused = _client(behandelaar).post(
        reverse("warehouse:imports"), {"kind": "bag-csv", "upload": upload}
    )
    assert refused.status_code == 404 and not ImportRun.objects.exists()


def test_a_broken_upload_fails_cleanly_and_says_so(regisseur):
    client = _client(regisseur)
    broken = SimpleUploadedFile("bag.csv", b"a,b,c\n1,2,3\n", content_type="text/csv")
    response = client.post(reverse("warehouse:imports"), {"kind": "bag-csv", "upload": broken})
    page = client.get(response["Location"]).content.decode()
    assert "Mislukt" in page and "puntkomma" in page


def test_progress_moves_through_a_nested_zip_to_the_end():
    shares = [done() for _part, _kind, _record, done in bag.records(SAMPLE / "lv-nested")]
    assert shares == sorted(shares) and len(set(shares)) > 5
    assert 0 <= shares[0] < 0.2 and 0.9 < shares[-1] <= 1.0


def test_progress_of_a_python_read_import_and_the_terminal_bar(tmp_path, capsys):
    seen = []
    path = tmp_path / "permits.csv"
    with path.open("w", encoding="utf-8") as f:
        f.write(";".join(permits.COLUMNS) + "\n")
        for n in range(25_000):
            f.write(f"V-{n};Horeca;Houder;;;6981AB;{1 + n % 90};;;Markt;Doesburg;2024-01-01;\n")
    services.import_permits(path=path, progress=Throttle(lambda c, p: seen.append(p), 0))
    assert seen == sorted(seen) and seen[-1] == 100 and len([p for p in seen if p < 60]) >= 2
    call_command("warehouse", "import", "permits", str(path))
    assert "100%" in capsys.readouterr().err
