from django.core.management.base import BaseCommand, CommandError

from weerbaar.audit.services import (
    audit_anchor,
    audit_anchor_keep,
    audit_verify,
    audit_verify_kept,
)

REASONS = {
    "missing": "record missing (deleted or renumbered)",
    "link": "link to the previous record broken (inserted, deleted or reordered)",
    "content": "content changed after it was written",
    "truncated": "records removed from the end of the chain",
    "anchor": "the chain no longer contains the anchored head (removed or rewritten)",
    "pruned": "records replaced by tombstones without a prune record in the chain",
}


def _parse(line: str) -> tuple[int, str]:
    parts = line.split()
    if len(parts) != 3 or parts[0] != "weerbaar-audit-anchor" or not parts[1].isdigit():
        raise CommandError("The anchor must be a line printed by 'weerbaar audit anchor'.")
    return int(parts[1]), parts[2]


class Command(BaseCommand):
    help = (
        "Audit trail tools: 'verify' recomputes the hash chain and names the first broken "
        "record; 'anchor' prints the chain head to keep outside the database."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify", "anchor"])
        parser.add_argument("--anchor", help="a line printed earlier by 'weerbaar audit anchor'")
        parser.add_argument(
            "--keep",
            action="store_true",
            help="anchor: also write the signed head to AUDIT_ANCHOR_DIR (the daily task does)",
        )

    def handle(self, *args, action, anchor=None, keep=False, **options):
        if action == "anchor":
            if keep:
                self.stdout.write(audit_anchor_keep())
                return
            last_id, last_hash = audit_anchor()
            self.stdout.write(f"weerbaar-audit-anchor {last_id} {last_hash}")
            return
        if anchor:
            result = audit_verify(anchor=_parse(anchor))
        else:
            result, checked, forged = audit_verify_kept()
            if forged:
                raise CommandError(
                    f"{forged} kept anchor line(s) carry no valid signature: written without "
                    "the key, so the anchor folder was tampered with."
                )
            if checked:
                self.stdout.write(f"Checked against {checked} kept anchor(s).")
        if not result.ok:
            raise CommandError(
                f"Audit chain BROKEN at record {result.broken_id}: {REASONS[result.reason]} "
                f"({result.checked} records verified before it)."
            )
        self.stdout.write(self.style.SUCCESS(f"Audit chain intact: {result.checked} records."))
