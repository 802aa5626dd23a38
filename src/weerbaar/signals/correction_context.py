"""What the signal page needs to offer corrections (see ``correction_views``)."""

from weerbaar.signals import selectors, services
from weerbaar.signals.corrections import FIELDS
from weerbaar.signals.forms import CorrectionForm, EnrichmentEditForm, SubjectRoleForm


def _edit_form(item, failed):
    if failed is not None and str(failed.data.get("enrichment")) == str(item.uuid):
        return failed
    initial = {f: getattr(item, f) for f in FIELDS}
    return EnrichmentEditForm(
        initial={**initial, "enrichment": item.uuid, "seen": item.stamp},
        auto_id=f"e{item.uuid.hex[:12]}_%s",
    )


def correction_context(user, signal, forms: dict) -> dict:
    """The enrichments (with tombstones) each with its correction form where ``user`` may
    correct it, and the forms to reopen the signal or undo its merge."""
    rows = []
    failed = forms.get("enrich_edit")
    for item in selectors.enrichments(signal=signal, tombstones=True):
        may = not item.removed_at and services.may_correct_enrichment(user=user, enrichment=item)
        rows.append((item, _edit_form(item, failed) if may else None))
    initial = {"version": signal.version}
    return {
        "enrichment_rows": rows,
        "reopen_form": forms.get("reopen") or CorrectionForm(initial=initial),
        "merge_undo_form": forms.get("merge_undo") or CorrectionForm(initial=initial),
        "role_form": SubjectRoleForm(),
    }
