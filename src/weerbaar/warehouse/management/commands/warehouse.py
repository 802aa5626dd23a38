import sys

from django.core.management.base import BaseCommand, CommandError

from weerbaar.warehouse import services, sources
from weerbaar.warehouse.link_registry import link_all
from weerbaar.warehouse.models import ImportRun
from weerbaar.warehouse.progress import Throttle, bar
from weerbaar.warehouse.scan import scan


def _show(count: int, percent: int) -> None:
    sys.stderr.write(f"\r  {bar(count, percent)}")
    sys.stderr.flush()


class Command(BaseCommand):
    help = (
        "Informatiepakhuis: 'import bag PATH [--format xml|csv|pand]' loads a BAG extract (LV XML "
        "as folder, XML or nested zips; the flat CSV of docs/warehouse.md; or only the "
        "panden, the outlines the map draws); 'import brp "
        "PATH [--format json|csv]' loads BRP persons or occupancy (Haal Centraal JSON or the "
        "flat CSV); 'import kvk PATH' and 'import permits PATH' load the CSV files "
        "of docs/warehouse.md; all-or-nothing, printing the report. 'report' prints the latest "
        "imports; 'scan' runs every rule and stores the hits as alerts; 'link' links the persons "
        "without a BSN and organisations without a KvK number to the BRP and KvK records."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["import", "report", "scan", "link"])
        parser.add_argument("source", nargs="?", choices=["bag", "brp", "kvk", "permits"])
        parser.add_argument("path", nargs="?")
        parser.add_argument(
            "--format",
            choices=["xml", "json", "csv", "pand"],
            help="xml for the BAG, json for the BRP; pand for the BAG's buildings alone",
        )

    def handle(self, *args, action, source=None, path=None, format=None, **options):
        if action in ("scan", "link"):
            self._scan() if action == "scan" else self._link()
            return
        if action == "report":
            for run in ImportRun.objects.order_by("-id")[:10]:
                self._print(run)
            return
        if not (source and path):
            raise CommandError(
                "Usage: weerbaar warehouse import bag|brp|kvk|permits PATH [--format ...]"
            )
        fmt = format or {"bag": "xml", "brp": "json"}.get(source, "csv")
        kind = f"{source}-{fmt}"
        if kind not in sources.uploadable():
            raise CommandError(f"{source} has no format {fmt}")
        run = services.import_source(kind=kind, path=path, progress=Throttle(_show))
        sys.stderr.write("\n")
        self._print(run)
        if run.status == ImportRun.Status.FAILED:
            raise CommandError(f"Import failed, the warehouse is unchanged: {run.error}")

    def _scan(self) -> None:
        counts = scan()
        counts.pop("failed")
        for code, info in counts.pop("rules").items():
            outcome = f"FAILED: {info['error']}" if "error" in info else f"{info['hits']} hits"
            self.stdout.write(
                f"{code} (version {info['version']}): {outcome} in {info['seconds']} s"
            )
        self.stdout.write(", ".join(f"{k} {v}" for k, v in counts.items()))

    def _link(self) -> None:
        for kind, counts in link_all().items():
            self.stdout.write(
                f"{kind}s without a registry key linked: {counts['linked']} certain, "
                f"{counts['review']} to review"
            )

    def _print(self, run: ImportRun) -> None:
        self.stdout.write(
            f"{run.started_at:%Y-%m-%d %H:%M} {run.source} {run.file_name}: {run.status}; "
            f"read {run.rows_read:,}, loaded {run.rows_loaded:,}, rejected {run.rows_rejected:,}, "
            f"ended occurrences skipped {run.rows_historic:,}"
        )
        for rejection in run.rejections.all()[:50]:
            self.stdout.write(f"  rejected {rejection.row}: {rejection.reason}")
        if run.rows_rejected > 50:
            self.stdout.write(f"  ... and {run.rows_rejected - 50:,} more (see the web page)")
