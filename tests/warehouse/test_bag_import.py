"""Importing the official BAG extract (real Doesburg sample) and the flat CSV."""

import shutil
from pathlib import Path

import duckdb
import pytest

from weerbaar.audit.models import AuditRecord
from weerbaar.warehouse import services

pytestmark = pytest.mark.django_db
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "bag-doesburg-sample"
KOSTERSTRAAT = (
    "0221200000330227",
    "0221010000330226",
    "6981CH",
    4,
    None,
    None,
    "Kosterstraat",
    "Doesburg",
    223,
    "woonfunctie",
    1585,
)


COLUMNS = (
    "nummeraanduiding_id, verblijfsobject_id, postcode, house_number, house_letter, addition, "
    "street, place, surface_m2, use_purpose, building_year"
)


@pytest.fixture(autouse=True)
def warehouse(settings, tmp_path):
    settings.WAREHOUSE_PATH = str(tmp_path / "warehouse.duckdb")
    return settings.WAREHOUSE_PATH


def _rows(path):
    with duckdb.connect(path) as con:
        return con.execute(f"SELECT {COLUMNS} FROM bag_address ORDER BY 1").fetchall()  # noqa: S608


@pytest.fixture
def sample():
    return SAMPLE


def test_lv_xml_extract_gives_addresses_with_surface_use_and_year(sample, warehouse):
    run = services.import_bag(path=sample / "lv-expanded")
    assert run.status == "loaded"
    # 14 ended occurrences, and 2 superseded: the sample gives NUM 0221200000330998 and
    # ...999 a second current occurrence, beginning later, which holds
    assert (run.rows_loaded, run.rows_rejected, run.rows_historic) == (2, 0, 16)
    rows = _rows(warehouse)
    assert KOSTERSTRAAT in rows
    other = next(r for r in rows if r[0] != KOSTERSTRAAT[0])
    assert other[2] is None and other[9] == "overige gebruiksfunctie"  # no postcode: allowed
    assert AuditRecord.objects.filter(action="warehouse.import", object_id=str(run.uuid)).exists()


def test_nested_national_layout_gives_the_same(sample, warehouse, tmp_path):
    services.import_bag(path=sample / "lv-expanded")
    expanded = _rows(warehouse)
    run = services.import_bag(path=sample / "lv-nested" / "BAGNLDL-15092020-small.zip")
    assert run.status == "loaded" and _rows(warehouse) == expanded


def test_same_file_again_changes_nothing(sample, warehouse):
    services.import_bag(path=sample / "lv-expanded")
    before = _rows(warehouse)
    again = services.import_bag(path=sample / "lv-expanded")
    assert again.status == "unchanged" and _rows(warehouse) == before


def test_partial_or_broken_delivery_leaves_the_warehouse_as_it_was(sample, warehouse, tmp_path):
    services.import_bag(path=sample / "lv-expanded")
    before = _rows(warehouse)
    buildings = tmp_path / "buildings-only"
    buildings.mkdir()
    shutil.copy(next((sample / "lv-expanded").glob("*PND*.xml")), buildings)
    buildings_only = services.import_bag(path=buildings)
    assert buildings_only.status == "failed" and "niets om in te lezen" in buildings_only.error
    broken = tmp_path / "broken"
    shutil.copytree(sample / "lv-expanded", broken)
    vbo = next(broken.glob("*VBO*.xml"))
    vbo.write_bytes(vbo.read_bytes()[:-500])  # cut off mid-element
    assert services.import_bag(path=broken).status == "failed"
    assert _rows(warehouse) == before


def test_entity_expansion_is_refused(tmp_path, warehouse):
    bomb = tmp_path / "0221VBO-bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><x>&b;</x>'
    )
    run = services.import_bag(path=bomb)
    assert run.status == "failed" and "entit" in run.error.lower()


CSV = """nummeraanduiding_id;verblijfsobject_id;postcode;huisnummer;huisletter;toevoeging;straat;woonplaats;oppervlakte;gebruiksdoel;bouwjaar
0221200000000001;0221010000000001;6981AB;1;;;Kerkstraat;Doesburg;96;woonfunctie;1930
0221200000000002;0221010000000002;6981 AB;2;;;Kerkstraat;Doesburg;80;woonfunctie;1930
0221200000000003;0221010000000003;6981AB;drie;;;Kerkstraat;Doesburg;80;woonfunctie;1930
0221200000000001;0221010000000004;6981AB;4;;;Kerkstraat;Doesburg;70;winkelfunctie;1950
0221200000000005;0221010000000005;6981AB;5;a;2;Kerkstraat;Doesburg;veel;woonfunctie;1950
"""


def test_flat_csv_reports_every_rejected_line(tmp_path, warehouse):
    path = tmp_path / "bag.csv"
    path.write_text(CSV)
    run = services.import_bag(path=path, fmt="csv")
    assert (run.status, run.rows_read, run.rows_loaded) == ("loaded", 5, 1)
    reasons = {r.row: r.reason for r in run.rejections.all()}
    assert reasons == {
        "regel 3": "ongeldige postcode",
        "regel 4": "huisnummer is geen getal",
        "regel 5": "nummeraanduiding 0221200000000001 komt al eerder voor",
        "regel 6": "oppervlakte is geen getal",
    }
    assert _rows(warehouse)[0][:4] == ("0221200000000001", "0221010000000001", "6981AB", 1)


@pytest.mark.parametrize(
    "content, message",
    [
        (
            CSV.replace(";", ","),
            "bag.csv, regel 1: het scheidingsteken moet een puntkomma (;) zijn",
        ),
        (CSV.replace("bouwjaar", "jaar"), "bag.csv, regel 1: kolommen ontbreken: bouwjaar"),
        (CSV.replace("Kerkstraat", "Kérkstraat").encode("latin-1"), None),
    ],
)
def test_wrong_delimiter_columns_or_encoding_leave_everything(
    tmp_path, warehouse, content, message
):
    good = tmp_path / "good.csv"
    good.write_text(CSV)
    services.import_bag(path=good, fmt="csv")
    before = _rows(warehouse)
    path = tmp_path / "bag.csv"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    run = services.import_bag(path=path, fmt="csv")
    assert run.status == "failed" and _rows(warehouse) == before
    assert message in run.error if message else "UTF-8" in run.error or "utf-8" in run.error.lower()


def test_impossible_values_are_rejected_by_line(tmp_path, warehouse):
    path = tmp_path / "bag.csv"
    path.write_text(
        CSV.splitlines()[0]
        + "\n0221200000000011;0221010000000011;6981AB;0;;;Kerkstraat;Doesburg;96;woonfunctie;1930"
        + "\n0221200000000012;0221010000000012;6981AB;12;;;Kerkstraat;Doesburg;-5;woonfunctie;1930"
        + "\n0221200000000013;0221010000000013;6981AB;13;;;Kerkstraat;Doesburg;90;woonfunctie;2999"
        + "\n0221200000000014;0221010000000014;6981AB;14;;;Kerkstraat;Doesburg;90;woonfunctie;1999\n"
    )
    run = services.import_bag(path=path, fmt="csv")
    assert {r.row: r.reason for r in run.rejections.all()} == {
        "regel 2": "huisnummer moet 1 of hoger zijn",
        "regel 3": "oppervlakte moet groter dan 0 zijn",
        "regel 4": "bouwjaar ligt in de toekomst",
    }
    assert run.rows_loaded == 1


def _part(objects: int) -> bytes:
    """An LV XML part of ``objects`` nummeraanduidingen, in the layout of the delivery."""
    head = (
        '<?xml version="1.0" encoding="UTF-8"?><sl-bag-extract:bagStand '
        'xmlns:Objecten="www.kadaster.nl/schemas/lvbag/imbag/objecten/v20200601" '
        'xmlns:sl-bag-extract="http://www.kadaster.nl/schemas/lvbag/extract-deelbestand-lvc/v20200601" '
        'xmlns:sl="http://www.kadaster.nl/schemas/standlevering-generiek/1.0"><sl:standBestand>'
    )
    body = "".join(
        f"<sl:stand><sl-bag-extract:bagObject><Objecten:Nummeraanduiding>"
        f"<Objecten:identificatie>9999200{n:09d}</Objecten:identificatie>"
        f"<Objecten:huisnummer>{n % 200 + 1}</Objecten:huisnummer>"
        f"</Objecten:Nummeraanduiding></sl-bag-extract:bagObject></sl:stand>"
        for n in range(objects)
    )
    return (head + body + "</sl:standBestand></sl-bag-extract:bagStand>").encode()


def _peak_while_parsing(objects: int) -> int:
    import io
    import tracemalloc

    from weerbaar.warehouse.bag import parse_xml

    stream = io.BytesIO(_part(objects))
    tracemalloc.start()
    try:
        assert sum(1 for _ in parse_xml(stream)) == objects
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_stays_flat_as_an_xml_part_grows():
    """The national delivery's parts are read element by element: nothing read is kept,
    not even the empty wrappers around each object."""
    small, large = _peak_while_parsing(5_000), _peak_while_parsing(40_000)
    assert large < 1.3 * small, (small, large)


def _extract(folder: Path, numbers: list[tuple[str, str]], objects: list[tuple[str, str]]):
    """An unpacked extract: a NUM part with ``numbers`` (identification, begin of the
    occurrence) and a VBO part with ``objects`` (identification, main address)."""
    head = (
        '<?xml version="1.0" encoding="UTF-8"?><sl-bag-extract:bagStand '
        'xmlns:Objecten="www.kadaster.nl/schemas/lvbag/imbag/objecten/v20200601" '
        'xmlns:Objecten-ref="www.kadaster.nl/schemas/lvbag/imbag/objecten-ref/v20200601" '
        'xmlns:Historie="www.kadaster.nl/schemas/lvbag/imbag/historie/v20200601" '
        'xmlns:sl-bag-extract="http://www.kadaster.nl/schemas/lvbag/extract-deelbestand-lvc/v20200601" '
        'xmlns:sl="http://www.kadaster.nl/schemas/standlevering-generiek/1.0"><sl:standBestand>'
    )
    tail = "</sl:standBestand></sl-bag-extract:bagStand>"
    folder.mkdir()
    (folder / "9999NUM01012026-000001.xml").write_text(
        head
        + "".join(
            f"<sl:stand><sl-bag-extract:bagObject><Objecten:Nummeraanduiding>"
            f"<Objecten:identificatie>{num}</Objecten:identificatie>"
            f"<Objecten:huisnummer>{n + 1}</Objecten:huisnummer>"
            f"<Objecten:postcode>6981AB</Objecten:postcode><Objecten:voorkomen>"
            f"<Historie:Voorkomen><Historie:beginGeldigheid>{begin}</Historie:beginGeldigheid>"
            f"</Historie:Voorkomen></Objecten:voorkomen>"
            f"</Objecten:Nummeraanduiding></sl-bag-extract:bagObject></sl:stand>"
            for n, (num, begin) in enumerate(numbers)
        )
        + tail
    )
    (folder / "9999VBO01012026-000001.xml").write_text(
        head
        + "".join(
            f"<sl:stand><sl-bag-extract:bagObject><Objecten:Verblijfsobject>"
            f"<Objecten:heeftAlsHoofdadres><Objecten-ref:NummeraanduidingRef>{num}"
            f"</Objecten-ref:NummeraanduidingRef></Objecten:heeftAlsHoofdadres>"
            f"<Objecten:identificatie>{vbo}</Objecten:identificatie>"
            f"<Objecten:gebruiksdoel>woonfunctie</Objecten:gebruiksdoel>"
            f"<Objecten:oppervlakte>80</Objecten:oppervlakte>"
            f"</Objecten:Verblijfsobject></sl-bag-extract:bagObject></sl:stand>"
            for vbo, num in objects
        )
        + tail
    )
    return folder


def test_an_object_given_twice_or_a_main_address_given_to_two_is_reported(tmp_path, warehouse):
    extract = _extract(
        tmp_path / "extract",
        [("N1", "2010-01-01"), ("N2", "2019-03-05"), ("N2", "2012-01-01")],
        [("V2", "N1"), ("V1", "N1"), ("V3", "N2"), ("V3", "N2")],
    )
    run = services.import_bag(path=extract)
    assert run.status == "loaded" and run.rows_loaded == 2
    # an object twice: the occurrence that began last holds, the other counts as ended
    assert (run.rows_read, run.rows_historic) == (5, 2)
    assert [(r.row, r.reason) for r in run.rejections.all()] == [
        ("VBO V2", "hoofdadres N1 is al hoofdadres van VBO V1"),
    ]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            "SELECT nummeraanduiding_id, verblijfsobject_id, house_number FROM bag_address "
            "ORDER BY 1"
        ).fetchall()
    assert rows == [("N1", "V1", 1), ("N2", "V3", 2)]  # N2's second number: the later one


HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?><sl-bag-extract:bagStand '
    b'xmlns:Objecten="www.kadaster.nl/schemas/lvbag/imbag/objecten/v20200601" '
    b'xmlns:sl-bag-extract="http://www.kadaster.nl/schemas/lvbag/extract-deelbestand-lvc/v20200601" '
    b'xmlns:sl="http://www.kadaster.nl/schemas/standlevering-generiek/1.0"><sl:standBestand>'
    b"<sl:stand><sl-bag-extract:bagObject><Objecten:Nummeraanduiding>"
)
TAIL = (
    b"</Objecten:Nummeraanduiding></sl-bag-extract:bagObject></sl:stand>"
    b"</sl:standBestand></sl-bag-extract:bagStand>"
)


def _zipped_part(path: Path, *pieces: bytes, repeat: bytes = b"", times: int = 0) -> Path:
    """A delivery zip with one NUM part: ``pieces``, ``repeat`` written ``times`` over in
    the middle, streamed so the test itself holds little."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("9999NUM01012026-000001.xml", "w", force_zip64=True) as part:
            part.write(HEAD + pieces[0])
            for _ in range(times):
                part.write(repeat)
            part.write(b"".join(pieces[1:]) + TAIL)
    return path


def _endless_text(tmp_path: Path) -> Path:
    """1 MB zipped, 256 MB unpacked: one element whose text never ends."""
    return _zipped_part(
        tmp_path / "BAGNLDL-01012026.zip",
        b"<Objecten:identificatie>",
        b"</Objecten:identificatie>",
        repeat=b" " * (1024 * 1024),
        times=256,
    )


def test_an_element_with_endless_text_is_refused(tmp_path, warehouse):
    delivery = _endless_text(tmp_path)
    assert delivery.stat().st_size < 2 * 1024 * 1024
    run = services.import_bag(path=delivery)
    assert run.status == "failed"
    assert "9999NUM01012026-000001.xml: meer dan 4 MB tekst zonder element" in run.error


def test_refusing_endless_text_takes_little_memory(tmp_path):
    import tracemalloc

    from weerbaar.warehouse import bag

    delivery = _endless_text(tmp_path)
    tracemalloc.start()
    try:
        with pytest.raises(bag.DeliveryRefused):
            list(bag.records(delivery))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 32 * 1024 * 1024, peak


def test_an_object_of_endless_elements_is_refused(tmp_path, warehouse):
    delivery = _zipped_part(tmp_path / "levering.zip", b"", repeat=b"<x/>" * 1000, times=200)
    run = services.import_bag(path=delivery)
    assert run.status == "failed"
    assert "een object heeft meer dan 10000 elementen" in run.error


def test_a_part_that_unpacks_past_the_cap_is_refused(tmp_path, warehouse, monkeypatch):
    from weerbaar.warehouse import bag

    monkeypatch.setattr(bag, "MAX_PART_BYTES", 1024 * 1024)
    objects = b"".join(
        b"</Objecten:Nummeraanduiding></sl-bag-extract:bagObject></sl:stand><sl:stand>"
        b"<sl-bag-extract:bagObject><Objecten:Nummeraanduiding><Objecten:identificatie>"
        + f"9999200{n:09d}".encode()
        + b"</Objecten:identificatie>"
        for n in range(20_000)
    )
    unpacked = tmp_path / "uitgepakt"
    unpacked.mkdir()
    (unpacked / "9999NUM01012026-000001.xml").write_bytes(HEAD + objects + TAIL)
    for delivery in (unpacked, _zipped_part(tmp_path / "levering.zip", objects)):
        run = services.import_bag(path=delivery)
        assert run.status == "failed"
        assert "9999NUM01012026-000001.xml: uitgepakt groter dan 1 MB" in run.error


def test_an_inner_zip_that_unpacks_past_the_cap_is_refused(tmp_path, warehouse, monkeypatch):
    import zipfile

    from weerbaar.warehouse import bag

    monkeypatch.setattr(bag, "MAX_INNER_ZIP_BYTES", 1024 * 1024)
    inner = _zipped_part(tmp_path / "9999NUM01012026.zip", b"", repeat=b"<x/>", times=10)
    delivery = tmp_path / "BAGNLDL-01012026.zip"
    with zipfile.ZipFile(delivery, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(inner, inner.name)
        with archive.open("9999VBO01012026.zip", "w") as filler:
            for _ in range(3):
                filler.write(b"\0" * (1024 * 1024))
    run = services.import_bag(path=delivery)
    assert run.status == "failed"
    assert "9999VBO01012026.zip: uitgepakt groter dan 1 MB" in run.error
