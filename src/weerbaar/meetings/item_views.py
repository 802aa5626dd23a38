"""Corrections of decisions and partners' contributions on agenda items."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from weerbaar.core.forms import attempt
from weerbaar.meetings import selectors, services
from weerbaar.meetings.forms import ContributionForm, CorrectionForm
from weerbaar.meetings.views import _back, _managed_item, _require_manager, _submit_item


@login_required
@require_POST
def decision_correct(request, item_id):
    item = _managed_item(request, item_id)

    def done(_item):
        messages.success(request, _("The decision has been corrected; the earlier one is kept."))
        return _back(item, f"item-{item.uuid}")

    return _submit_item(
        request,
        item,
        "correction_form",
        CorrectionForm(request.POST),
        lambda d: services.decision_correct(actor=request.user, item=item, **d),
        done,
    )


@login_required
@require_POST
def contribution_add(request, item_id):
    """A partner adds what their organisation knows to a shared item."""
    item = selectors.item_get(user=request.user, item_id=item_id, request=request)

    def done(_contribution):
        messages.success(
            request,
            _(
                "Your information has been added. The municipality reads it; other partners only "
                "when the regisseur shares it."
            ),
        )
        return _back(item, f"item-{item.uuid}")

    return _submit_item(
        request,
        item,
        "contribution_form",
        ContributionForm(request.POST),
        lambda d: services.contribution_add(actor=request.user, item=item, **d),
        done,
    )


@login_required
@require_POST
def contribution_share(request, contribution_id):
    _require_manager(request.user)
    contribution = selectors.contribution_get(
        user=request.user, contribution_id=contribution_id, request=request
    )
    shared = request.POST.get("shared") == "1"
    attempt(
        request,
        lambda: services.contribution_share(
            actor=request.user, contribution=contribution, shared=shared
        ),
        _("The information is now shared with the other partners.")
        if shared
        else _("The information is no longer shared with the other partners."),
    )
    return _back(contribution.item, f"item-{contribution.item.uuid}")
