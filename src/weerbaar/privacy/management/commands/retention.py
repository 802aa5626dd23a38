"""``weerbaar retention``: run the retention job now, or list what it would remove."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from weerbaar.privacy.services import retention_plan, retention_run


class Command(BaseCommand):
    help = "Remove what is past its retention term; --dry-run lists it without removing."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="only list what would go")

    def handle(self, *args, dry_run=False, **options):
        if dry_run:
            for planned in retention_plan(actor=None):
                self.stdout.write(f"{planned.kind.code}\t{planned.count}")
                for label in planned.labels:
                    self.stdout.write(f"  {label}")
            return
        run = retention_run()
        for tombstone in run.deletions.order_by("id"):
            self.stdout.write(f"{tombstone.kind}\t{tombstone.count}")
        self.stdout.write(_("%(n)s records removed.") % {"n": run.removed})
