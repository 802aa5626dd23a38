"""BAG LV XML import at size: objects per second and peak memory (issue #6).

Writes a synthetic extract in the official LV layout (one municipality part per object type,
the same element structure as the Doesburg sample) with ``--objects`` objects in total (half
nummeraanduidingen, half verblijfsobjecten, plus streets and one place), imports it through
the real importer in a fresh process, and prints objects per second and the process's peak
memory. Run it at two sizes to see that memory stays flat as the extract grows.

    python benchmarks/warehouse_bag_xml.py --objects 250000
    python benchmarks/warehouse_bag_xml.py --objects 1000000
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<sl-bag-extract:bagStand xmlns:Objecten="www.kadaster.nl/schemas/lvbag/imbag/objecten/v20200601" '
    'xmlns:Historie="www.kadaster.nl/schemas/lvbag/imbag/historie/v20200601" '
    'xmlns:Objecten-ref="www.kadaster.nl/schemas/lvbag/imbag/objecten-ref/v20200601" '
    'xmlns:sl-bag-extract="http://www.kadaster.nl/schemas/lvbag/extract-deelbestand-lvc/v20200601" '
    'xmlns:sl="http://www.kadaster.nl/schemas/standlevering-generiek/1.0"><sl:standBestand>\n'
)
TAIL = "</sl:standBestand></sl-bag-extract:bagStand>\n"
VOORKOMEN = (
    "<Objecten:voorkomen><Historie:Voorkomen><Historie:voorkomenidentificatie>1"
    "</Historie:voorkomenidentificatie><Historie:beginGeldigheid>2010-01-01"
    "</Historie:beginGeldigheid></Historie:Voorkomen></Objecten:voorkomen>"
)


def write(folder: Path, objects: int) -> None:
    half = objects // 2
    streets = max(half // 50, 1)
    with (folder / "9999WPL01012026-000001.xml").open("w") as f:
        f.write(
            HEAD
            + "<sl:stand><sl-bag-extract:bagObject><Objecten:Woonplaats><Objecten:identificatie>9999</Objecten:identificatie><Objecten:naam>Weerdam</Objecten:naam>"
            + VOORKOMEN
            + "</Objecten:Woonplaats></sl-bag-extract:bagObject></sl:stand>"
            + TAIL
        )
    with (folder / "9999OPR01012026-000001.xml").open("w") as f:
        f.write(HEAD)
        for s in range(streets):
            f.write(
                f"<sl:stand><sl-bag-extract:bagObject><Objecten:OpenbareRuimte><Objecten:identificatie>9999300{s:09d}</Objecten:identificatie><Objecten:naam>Straat {s}</Objecten:naam><Objecten:type>Weg</Objecten:type><Objecten:ligtIn><Objecten-ref:WoonplaatsRef>9999</Objecten-ref:WoonplaatsRef></Objecten:ligtIn>{VOORKOMEN}</Objecten:OpenbareRuimte></sl-bag-extract:bagObject></sl:stand>\n"
            )
        f.write(TAIL)
    with (folder / "9999NUM01012026-000001.xml").open("w") as f:
        f.write(HEAD)
        for n in range(half):
            f.write(
                f"<sl:stand><sl-bag-extract:bagObject><Objecten:Nummeraanduiding><Objecten:identificatie>9999200{n:09d}</Objecten:identificatie><Objecten:huisnummer>{n % 200 + 1}</Objecten:huisnummer><Objecten:postcode>{1000 + n % 8999:04d}AB</Objecten:postcode>{VOORKOMEN}<Objecten:ligtAan><Objecten-ref:OpenbareRuimteRef>9999300{n % streets:09d}</Objecten-ref:OpenbareRuimteRef></Objecten:ligtAan></Objecten:Nummeraanduiding></sl-bag-extract:bagObject></sl:stand>\n"
            )
        f.write(TAIL)
    with (folder / "9999VBO01012026-000001.xml").open("w") as f:
        f.write(HEAD)
        for n in range(half):
            f.write(
                f"<sl:stand><sl-bag-extract:bagObject><Objecten:Verblijfsobject><Objecten:heeftAlsHoofdadres><Objecten-ref:NummeraanduidingRef>9999200{n:09d}</Objecten-ref:NummeraanduidingRef></Objecten:heeftAlsHoofdadres>{VOORKOMEN}<Objecten:identificatie>9999010{n:09d}</Objecten:identificatie><Objecten:gebruiksdoel>woonfunctie</Objecten:gebruiksdoel><Objecten:oppervlakte>{40 + n % 120}</Objecten:oppervlakte><Objecten:status>Verblijfsobject in gebruik</Objecten:status></Objecten:Verblijfsobject></sl-bag-extract:bagObject></sl:stand>\n"
            )
        f.write(TAIL)


def child(folder: str) -> None:
    import django

    django.setup()
    from weerbaar.warehouse import services

    started = time.monotonic()
    run = services.import_bag(path=folder)
    elapsed = time.monotonic() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    objects = run.rows_read + run.rows_historic
    print(
        f"{run.status}: {objects:,} objects, {run.rows_loaded:,} addresses in {elapsed:.1f} s "
        f"= {objects / elapsed:,.0f} objects/s; peak memory {peak:.0f} MiB"
    )
    if run.error:
        print(f"error: {run.error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--objects", type=int, default=1_000_000)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "extract"
        folder.mkdir()
        started = time.monotonic()
        write(folder, args.objects)
        size = sum(p.stat().st_size for p in folder.iterdir()) / 2**20
        print(
            f"wrote {args.objects:,} objects ({size:.0f} MiB XML) in {time.monotonic() - started:.0f} s"
        )
        env = dict(
            os.environ,
            WEERBAAR_ENV="demo",
            DJANGO_SETTINGS_MODULE="weerbaar.settings",
            DATABASE_URL=f"sqlite:///{tmp}/app.sqlite3",
            WAREHOUSE_PATH=f"{tmp}/warehouse.duckdb",
            LOG_LEVEL="WARNING",
        )
        subprocess.run([sys.executable, "-m", "weerbaar", "migrate", "-v0"], check=True, env=env)
        subprocess.run([sys.executable, __file__, "--child", str(folder)], check=True, env=env)


if __name__ == "__main__":
    main()
