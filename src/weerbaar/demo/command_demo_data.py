import resource
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from weerbaar.demo.cases import create_cases
from weerbaar.demo.inspections import create_inspections
from weerbaar.demo.lio import create_meetings
from weerbaar.demo.police import create_provisions
from weerbaar.demo.population import Generator
from weerbaar.demo.privacy import create_opening, create_requests
from weerbaar.demo.reports import create_reports
from weerbaar.demo.screening import create_screenings
from weerbaar.demo.users import USERS, create_users
from weerbaar.demo.warehouse import create_warehouse
from weerbaar.subjects.models import Subject


def progress_bar(label: str, done: int, total: int) -> None:
    width = 30
    filled = int(width * done / max(total, 1))
    sys.stderr.write(
        f"\r  {label:<13} [{'#' * filled}{'.' * (width - filled)}] {done:>9,}/{total:,}"
    )
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


class Command(BaseCommand):
    help = "Generate the fictional demo municipality deterministically (same seed, same data)."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="1 = 2,000 persons; 500 = 1,000,000 persons (benchmark size).",
        )
        parser.add_argument("--quiet-progress", action="store_true")

    def handle(self, *args, seed, scale, quiet_progress, **options):
        if settings.PRODUCTION:
            # Demo users have printed passwords: never in a production database.
            raise CommandError("demo-data refuses to run with WEERBAAR_ENV=production.")
        if scale <= 0:
            raise CommandError("--scale must be positive.")
        if Subject.objects.exists():
            raise CommandError(
                "The database already holds subjects; demo data goes into an empty one."
            )
        started = time.monotonic()
        generator = Generator(
            seed=seed, scale=scale, progress=None if quiet_progress else progress_bar
        )
        counts = generator.run()
        secrets = create_users(seed=seed)
        example = create_reports(seed=seed, per_inflow=max(int(30 * min(scale, 1)), 3))
        create_meetings(seed=seed)
        create_cases(seed=seed)
        create_warehouse(seed=seed)
        create_screenings(seed=seed)
        create_provisions(seed=seed)
        create_inspections(seed=seed)
        create_requests(seed=seed)
        create_opening()
        elapsed = time.monotonic() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(
            ", ".join(f"{v:,} {k}" for k, v in counts.items())
            + f" in {elapsed:.1f} s, peak memory {peak:.0f} MiB"
        )
        print_logins(self.stdout, secrets)
        self.stdout.write(
            "\nA demo public report to follow at /melden/opvolgen/: "
            f"receipt code {example['code']}, secret {example['secret']}"
        )


def print_logins(out, secrets: dict[str, str]) -> None:
    out.write("\nDemo logins (username / password / role):")
    for username, _first, _last, role, team in USERS:
        out.write(f"  {username:<15} {secrets[username]:<26} {role.label} ({team})")
