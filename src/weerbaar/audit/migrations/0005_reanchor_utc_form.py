"""Re-anchor an existing chain in the UTC form of ``audit.chain``.

The chain so far is verified in form 1; a record of the result is appended in form 2, and
from it on every record is hashed in form 2. Records before it are never rewritten (the trail
is append-only): ``audit verify`` keeps checking them in form 1. A chain that was already
broken stays broken: the record says where, and verify goes on naming it.
"""

from django.db import migrations
from django.utils import timezone

from weerbaar.audit import chain

ACTION = "audit.chain_reanchored"


def forwards(apps, schema_editor):
    record_model = apps.get_model("audit", "AuditRecord")
    head = apps.get_model("audit", "AuditChainHead").objects.filter(pk=1).first()
    if head is None or head.last_id == 0 or record_model.objects.filter(action=ACTION).exists():
        return
    records = record_model.objects.order_by("id").iterator(chunk_size=5000)
    state = chain.walk(records, legacy_until=head.last_id)
    marker = record_model(
        pk=head.last_id + 1,
        created_at=timezone.now(),
        actor_id=None,
        actor_username="",
        actor_roles="",
        action=ACTION,
        result="allowed",
        object_type="",
        object_id="",
        subject_ref="",
        route="migrate audit 0005",
        purpose="Hash chain re-anchored: moments hashed in UTC from here on.",
        changes={
            "extra": {
                "legacy_until": head.last_id,
                "legacy_head": head.last_hash,
                "legacy_checked": state.checked,
                "legacy_broken_at": state.broken_id,
                "legacy_reason": state.reason,
            }
        },
        prev_hash=head.last_hash,
    )
    marker.hash = chain.current_hash(marker)
    marker.save(force_insert=True)
    head.last_id, head.last_hash = marker.pk, marker.hash
    head.save(update_fields=["last_id", "last_hash"])


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_action_without_choices")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
