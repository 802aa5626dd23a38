from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.audit.exports import list_export, offer
from weerbaar.core import exports
from weerbaar.core.forms import attempt, form_submit
from weerbaar.core.http import local_return_path
from weerbaar.signals import closing, list_filters, selectors, services
from weerbaar.signals.bulk_views import bulk_context
from weerbaar.signals.constants import (
    ALLOWED,
    CHANGE_PERMISSION,
    ENRICH_PERMISSION,
    SignalStatus,
    WeighingPhase,
)
from weerbaar.signals.correction_context import correction_context
from weerbaar.signals.exports import SIGNAL_COLUMNS
from weerbaar.signals.forms import (
    EnrichmentForm,
    MergeForm,
    RelateForm,
    SavedViewForm,
    SearchForm,
    SignalFilterForm,
    StatusForm,
    SubjectLinkForm,
    SubjectSearchForm,
    TriageForm,
    WeighingForm,
)
from weerbaar.subjects import selectors as subjects


def _require_inbox(user):
    if not selectors.may_see_signals(user):
        raise Http404


@login_required
@require_http_methods(["GET"])
def signal_list(request):
    _require_inbox(request.user)
    form = SignalFilterForm(request.GET or None)
    filters = {k: v for k, v in (form.cleaned_data if form.is_valid() else {}).items() if v}
    waiting = filters.pop("waiting", False)
    signals = selectors.signal_list(user=request.user, **filters)
    if waiting:
        signals = list_filters.apply(signals, ["waiting"])
    if exports.wanted(request):
        return list_export(
            request, name="signalen", title=_("Signals"), columns=SIGNAL_COLUMNS, rows=signals
        )
    page = Paginator(signals, 25).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    counts = selectors.status_counts(user=request.user)
    return render(
        request,
        "signals/list.html",
        {
            "page": page,
            "form": form,
            "query": query.urlencode(),
            "counts": [(SignalStatus(s).label, s, n) for s, n in counts.items()],
            "saved_views": selectors.saved_views(user=request.user),
            "save_form": SavedViewForm(initial={"query": query.urlencode()}),
            **bulk_context(request.user),
            **offer(request),
        },
    )


@login_required
@require_POST
def view_save(request):
    _require_inbox(request.user)
    form = SavedViewForm(request.POST)
    if form.is_valid():
        services.saved_view_save(user=request.user, **form.cleaned_data)
        messages.success(request, _("The view has been saved."))
        return redirect(f"{reverse('signals:list')}?{form.cleaned_data['query']}")
    messages.error(request, _("Give the view a name."))
    return redirect("signals:list")


@login_required
@require_POST
def view_delete(request, view_id):
    _require_inbox(request.user)
    services.saved_view_delete(user=request.user, view_id=view_id)
    messages.success(request, _("The view has been removed."))
    return redirect("signals:list")


@login_required
@require_http_methods(["GET", "POST"])
def search(request):
    """Full-text search by POST, so the words stay out of URLs and access logs."""
    _require_inbox(request.user)
    form = SearchForm(request.POST or None)
    hits = subject_hits = None
    if request.method == "POST" and form.is_valid():
        q = form.cleaned_data["q"]
        hits = list(selectors.signal_list(user=request.user, q=q, request=request)[:50])
        if subjects.may_search_subjects(request.user):
            subject_hits = subjects.subject_search(user=request.user, query=q, request=request)
    return render(
        request,
        "signals/search.html",
        {"form": form, "hits": hits, "subject_hits": subject_hits},
    )


def _detail(request, signal, *, forms=None, status=200):
    forms = forms or {}
    user = request.user
    may_change = user.has_perm(CHANGE_PERMISSION)
    initial = {
        "version": signal.version,
        "phenomenon": signal.phenomenon,
        "urgency": signal.urgency,
        "summary": signal.summary,
        "assigned_to": signal.assigned_to,
        "location_text": signal.location_text,
    }
    next_steps = [(s, SignalStatus(s).label) for s in sorted(ALLOWED[SignalStatus(signal.status)])]
    answer_owed = may_change and SignalStatus.CLOSED in ALLOWED[SignalStatus(signal.status)]
    answer_owed = answer_owed and closing.answer_owed(signal)
    status_initial = {"version": signal.version}
    if answer_owed:
        status_initial["answer"] = closing.default_answer()
    passed = {
        phase: services.weighing_passed(signal=signal, phase=phase) for phase in WeighingPhase
    }
    weighing_forms = {
        phase: forms.get(f"weigh_{phase}") or WeighingForm(initial={"phase": phase}, prefix=phase)
        for phase in WeighingPhase
    }
    linked = selectors.signal_subjects(user=user, signal=signal)
    context = {
        "signal": signal,
        "may_change": may_change,
        "may_enrich": user.has_perm(ENRICH_PERMISSION),
        "triage": forms.get("triage") or TriageForm(initial=initial),
        "status_form": forms.get("status") or StatusForm(initial=status_initial),
        "answer_owed": answer_owed,
        "next_steps": next_steps,
        "next_steps_values": [value for value, _label in next_steps],
        "subjects": linked,
        "link_roles": SubjectLinkForm().fields["role"].choices,
        "suggestions": selectors.related_suggestions(user=user, signal=signal)
        if may_change
        else [],
        "related": selectors.related_signals(user=user, signal=signal),
        "merged": selectors.merged_signals(signal=signal),
        "merge_form": forms.get("merge") or MergeForm(initial={"version": signal.version}),
        "facts": selectors.registry_facts(user=user, signal=signal, linked=linked),
        "enrichment_form": forms.get("enrich")
        or EnrichmentForm(initial={"source_date": timezone.localdate()}),
        "weighings": signal.weighings.select_related("recorded_by"),
        "passed": passed,
        "weighing_forms": [
            (p, WeighingPhase(p).label, weighing_forms[p], passed[p]) for p in WeighingPhase
        ],
        "timeline": selectors.signal_timeline(signal=signal),
        "routing": selectors.routing_proposal(signal=signal) if may_change else None,
        **correction_context(user, signal, forms),
    }
    return render(request, "signals/detail.html", context, status=status)


@login_required
@require_http_methods(["GET"])
def signal_detail(request, signal_id):
    signal = selectors.signal_get(user=request.user, signal_id=signal_id, request=request)
    return _detail(request, signal)


def _changeable(request, signal_id, permission=CHANGE_PERMISSION):
    signal = selectors.signal_get(
        user=request.user,
        signal_id=signal_id,
        request=request,
        allowed=request.user.has_perm(permission),
    )
    return signal


def _done(request, signal, message):
    messages.success(request, message)
    return redirect("signals:detail", signal_id=signal.uuid)


def _submit(request, signal, key, form, call, done):
    """Submit ``form`` to the service; the signal page again with the form when it failed.
    ``done`` is the success message, or what to answer with the service's result."""

    def again(form, status):
        signal.refresh_from_db()
        return _detail(request, signal, forms={key: form}, status=status)

    answer = done if callable(done) else (lambda _result: _done(request, signal, done))
    return form_submit(form, call, done=answer, again=again)


@login_required
@require_POST
def signal_triage(request, signal_id):
    signal = _changeable(request, signal_id)
    return _submit(
        request,
        signal,
        "triage",
        TriageForm(request.POST),
        lambda d: services.signal_triage(actor=request.user, signal=signal, **d),
        _("The triage has been saved."),
    )


@login_required
@require_POST
def signal_status(request, signal_id):
    signal = _changeable(request, signal_id)
    return _submit(
        request,
        signal,
        "status",
        StatusForm(request.POST),
        lambda d: services.signal_status_move(actor=request.user, signal=signal, **d),
        _("The status has been changed."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def subject_find(request, signal_id):
    """Find a subject to link (POST keeps names out of URLs), or confirm a new one."""
    signal = _changeable(request, signal_id)
    form = SubjectSearchForm(request.POST or None)
    hits = None
    if request.method == "POST" and form.is_valid():
        hits = subjects.subject_search(
            user=request.user, query=form.cleaned_data["q"], request=request
        )
    created = None
    if request.GET.get("subject"):
        try:
            created = subjects.subject_get(
                user=request.user, subject_id=request.GET["subject"], request=request
            )
        except Http404:  # a malformed or hidden id: as if none was given
            created = None
    return render(
        request,
        "signals/subject_find.html",
        {
            "signal": signal,
            "form": form,
            "hits": hits,
            "created": created,
            "roles": SubjectLinkForm().fields["role"].choices,
        },
    )


@login_required
@require_POST
def subject_link(request, signal_id):
    signal = _changeable(request, signal_id)
    form = SubjectLinkForm(request.POST)
    if not form.is_valid():
        raise Http404
    subject = subjects.subject_get(
        user=request.user, subject_id=form.cleaned_data["subject"], request=request
    )
    attempt(
        request,
        lambda: services.signal_link_subject(
            actor=request.user, signal=signal, subject=subject, role=form.cleaned_data["role"]
        ),
        _("%(label)s has been linked.") % {"label": subject.label},
    )
    return redirect("signals:detail", signal_id=signal.uuid)


@login_required
@require_POST
def weigh(request, signal_id):
    signal = _changeable(request, signal_id)
    phase = request.POST.get("phase", "")
    if phase not in WeighingPhase.values:
        raise Http404
    form = WeighingForm(request.POST, prefix=phase)
    if form.is_valid():
        weighing = services.weighing_record(actor=request.user, signal=signal, **form.cleaned_data)
        if weighing.proportional and weighing.subsidiary:
            return _done(request, signal, _("The weighing has been recorded."))
        messages.warning(
            request,
            _("The weighing has been recorded. It does not allow the step, so it stays refused."),
        )
        return redirect("signals:detail", signal_id=signal.uuid)
    return _detail(request, signal, forms={f"weigh_{phase}": form})


@login_required
@require_POST
def enrich(request, signal_id):
    signal = _changeable(request, signal_id, ENRICH_PERMISSION)

    def done(_enrichment):
        back = local_return_path(request, keep_fragment=True)
        if back:
            messages.success(request, _("The enrichment has been added."))
            return redirect(back)
        return _done(request, signal, _("The enrichment has been added."))

    return _submit(
        request,
        signal,
        "enrich",
        EnrichmentForm(request.POST),
        lambda d: services.enrichment_add(actor=request.user, signal=signal, **d),
        done,
    )


def _other(request, signal_id, other_id):
    other = selectors.signal_list(user=request.user).filter(uuid=other_id).first()
    if other is None or other.uuid == signal_id:
        return None
    return other


@login_required
@require_POST
def relate(request, signal_id):
    signal = _changeable(request, signal_id)
    form = RelateForm(request.POST)
    other = _other(request, signal_id, form.cleaned_data["other"]) if form.is_valid() else None
    if other is None:
        messages.error(request, _("A signal cannot be related to itself."))
        return redirect("signals:detail", signal_id=signal.uuid)
    services.signal_relate(actor=request.user, signal=signal, other=other)
    return _done(request, signal, _("The signals are now related."))


@login_required
@require_POST
def merge(request, signal_id):
    """Merge this signal into the chosen target (this one is the duplicate)."""
    signal = _changeable(request, signal_id)

    def merge_into(data):
        target = selectors.signal_list(user=request.user).filter(uuid=data["target"]).first()
        if target is None:
            raise Http404
        return services.signal_merge(
            actor=request.user,
            source=signal,
            target=target,
            reason=data["reason"],
            version=data["version"],
        )

    def done(target):
        messages.success(request, _("The signal has been merged into this one."))
        return redirect("signals:detail", signal_id=target.uuid)

    return _submit(request, signal, "merge", MergeForm(request.POST), merge_into, done)
