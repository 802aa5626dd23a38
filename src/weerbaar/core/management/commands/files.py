from django.core.management.base import BaseCommand

from weerbaar.core import files


class Command(BaseCommand):
    help = (
        "Stored files: 'sweep' removes files that no record owns (left by a process that "
        "was killed while saving) and finishes saves whose record was stored."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["sweep"])
        parser.add_argument(
            "--grace-minutes",
            type=int,
            default=files.GRACE_SECONDS // 60,
            help="leave files younger than this alone (a save may still be running)",
        )

    def handle(self, *args, action, grace_minutes, **options):
        result = files.sweep(grace_seconds=grace_minutes * 60)
        self.stdout.write(f"Files removed: {result.removed}; saves finished: {result.promoted}.")
