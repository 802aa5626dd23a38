from django.core.management.base import BaseCommand, CommandError

from weerbaar.audit.services import audit_verify

REASONS = {
    "missing": "record missing (deleted or renumbered)",
    "link": "link to the previous record broken (inserted, deleted or reordered)",
    "content": "content changed after it was written",
    "truncated": "records removed from the end of the chain",
}


class Command(BaseCommand):
    help = (
        "Audit trail tools: 'verify' recomputes the hash chain and names the first broken record."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args, **options):
        result = audit_verify()
        if not result.ok:
            raise CommandError(
                f"Audit chain BROKEN at record {result.broken_id}: {REASONS[result.reason]} "
                f"({result.checked} records verified before it)."
            )
        self.stdout.write(self.style.SUCCESS(f"Audit chain intact: {result.checked} records."))
