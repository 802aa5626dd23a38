"""Pages that correct a signal: reopen, undo a merge, correct or remove an enrichment,
change a subject's role or unlink it. Removing and unlinking ask for confirmation on a page
of their own, so it works without JavaScript."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.accounts.lookup import refuse, visible_get
from weerbaar.core.forms import attempt, form_submit
from weerbaar.signals import selectors, services
from weerbaar.signals.constants import CHANGE_PERMISSION, ENRICH_PERMISSION
from weerbaar.signals.forms import CorrectionForm, EnrichmentEditForm, RemoveForm, SubjectRoleForm
from weerbaar.signals.views import _done, _submit
from weerbaar.subjects import selectors as subjects


def _changeable(request, signal_id, permission=CHANGE_PERMISSION):
    """The signal for a correction by a user with ``permission``; the correction records
    itself, so the read is not recorded as a view."""
    return selectors.signal_get(
        user=request.user,
        signal_id=signal_id,
        request=request,
        allowed=request.user.has_perm(permission),
        audit=False,
    )


@login_required
@require_POST
def reopen(request, signal_id):
    signal = _changeable(request, signal_id)
    return _submit(
        request,
        signal,
        "reopen",
        CorrectionForm(request.POST),
        lambda d: services.signal_reopen(actor=request.user, signal=signal, **d),
        _("The signal has been reopened."),
    )


@login_required
@require_POST
def merge_undo(request, signal_id):
    signal = _changeable(request, signal_id)
    return _submit(
        request,
        signal,
        "merge_undo",
        CorrectionForm(request.POST),
        lambda d: services.signal_merge_undo(actor=request.user, signal=signal, **d),
        _("The merge has been undone."),
    )


def _enrichment(request, signal, enrichment_id):
    """The enrichment of ``signal`` the user may correct; Http404 otherwise, audited as
    refused."""
    items = signal.enrichments.filter(removed_at__isnull=True).select_related("signal")
    user = request.user
    item = visible_get(items, user=user, object_id=enrichment_id, action=None, request=request)
    if not services.may_correct_enrichment(user=user, enrichment=item):
        refuse(user=user, label="signals.enrichment", object_id=enrichment_id, request=request)
    return item


@login_required
@require_POST
def enrichment_edit(request, signal_id):
    signal = _changeable(request, signal_id, ENRICH_PERMISSION)
    form = EnrichmentEditForm(request.POST)
    item = _enrichment(request, signal, request.POST.get("enrichment", ""))

    def edit(data):
        data.pop("enrichment")
        return services.enrichment_edit(actor=request.user, enrichment=item, **data)

    return _submit(
        request, signal, "enrich_edit", form, edit, _("The enrichment has been corrected.")
    )


def _confirm_page(request, signal, form, *, what, text, action, button, hidden, status=200):
    context = {
        "hidden_fields": hidden,
        "form": form,
        "what": what,
        "text": text,
        "action": action,
        "button": button,
        "back": reverse("signals:detail", args=[signal.uuid]),
    }
    return render(request, "signals/confirm.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def enrichment_remove(request, signal_id):
    """The confirmation page (``?verrijking=<id>``), then the removal."""
    signal = _changeable(request, signal_id, ENRICH_PERMISSION)
    item_id = request.POST.get("enrichment") or request.GET.get("verrijking", "")
    item = _enrichment(request, signal, item_id)
    form = RemoveForm(request.POST or None)

    def again(form, status):
        return _confirm_page(
            request,
            signal,
            form,
            what=_("Remove this enrichment from signal %(ref)s?") % {"ref": signal.reference},
            text=f"{item.source}, {item.source_date:%d-%m-%Y}: {item.text}",
            action=reverse("signals:enrichment_remove", args=[signal.uuid]),
            button=_("Remove the enrichment"),
            hidden=[("enrichment", item.uuid)],
            status=status,
        )

    if request.method == "GET":
        return again(form, 200)
    return form_submit(
        form,
        lambda d: services.enrichment_remove(
            actor=request.user, enrichment=item, reason=d["reason"]
        ),
        done=lambda _r: _done(request, signal, _("The enrichment has been removed.")),
        again=again,
    )


@login_required
@require_POST
def subject_role(request, signal_id):
    signal = _changeable(request, signal_id)
    form = SubjectRoleForm(request.POST)
    if not form.is_valid():
        raise Http404
    subject = subjects.subject_get(
        user=request.user, subject_id=form.cleaned_data["subject"], request=request
    )
    attempt(
        request,
        lambda: services.signal_subject_role_set(
            actor=request.user, signal=signal, subject=subject, role=form.cleaned_data["role"]
        ),
        _("The role of %(label)s has been changed.") % {"label": subject.label},
    )
    return redirect("signals:detail", signal_id=signal.uuid)


@login_required
@require_http_methods(["GET", "POST"])
def subject_unlink(request, signal_id):
    """The confirmation page (``?subject=<id>``), then the unlinking."""
    signal = _changeable(request, signal_id)
    subject_id = request.POST.get("subject") or request.GET.get("subject", "")
    subject = subjects.subject_get(user=request.user, subject_id=subject_id, request=request)
    if not signal.subject_links.filter(subject=subject).exists():
        refuse(
            user=request.user, label="signals.signalsubject", object_id=subject_id, request=request
        )
    form = RemoveForm(request.POST or None)
    form.fields["confirm"].label = _("Yes, unlink it from this signal")
    form.fields["confirm"].error_messages["required"] = _("Confirm the unlinking.")
    form.fields["reason"].label = _("Reason")

    def again(form, status):
        return _confirm_page(
            request,
            signal,
            form,
            what=_("Unlink %(label)s from signal %(ref)s?")
            % {"label": subject.label, "ref": signal.reference},
            text="",
            action=reverse("signals:subject_unlink", args=[signal.uuid]),
            button=_("Unlink"),
            hidden=[("subject", subject.uuid)],
            status=status,
        )

    if request.method == "GET":
        return again(form, 200)
    return form_submit(
        form,
        lambda d: services.signal_unlink_subject(
            actor=request.user, signal=signal, subject=subject, reason=d["reason"]
        ),
        done=lambda _r: _done(
            request, signal, _("%(label)s has been unlinked.") % {"label": subject.label}
        ),
        again=again,
    )
