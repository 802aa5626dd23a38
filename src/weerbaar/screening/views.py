"""The Bibob pages. Every read goes through ``selectors.screening_get`` or
``selectors.screening_list``, so a user outside the compartment gets a missing object."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.accounts.lookup import refuse
from weerbaar.cases.selectors import case_get
from weerbaar.core.forms import attempt, form_submit
from weerbaar.screening import deadlines, letters, selectors, services
from weerbaar.screening.constants import ADD_PERMISSION, LetterKind
from weerbaar.screening.forms import (
    ApplicantSearchForm,
    DecisionForm,
    FindingForm,
    IntentionForm,
    PartyForm,
    ScreeningFilterForm,
    ScreeningForm,
    ShareForm,
    StepsForm,
)
from weerbaar.signals.selectors import signal_get
from weerbaar.subjects import selectors as subjects


@login_required
@require_http_methods(["GET"])
def screening_list(request):
    if not selectors.may_see_screenings(request.user):
        refuse(user=request.user, label="screening.screening", request=request)
    form = ScreeningFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = selectors.screening_list(user=request.user, **{k: v for k, v in filters.items() if v})
    page = Paginator(rows, 25).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    context = {
        "page": page,
        "form": form,
        "query": query.urlencode(),
        "may_add": request.user.has_perm(ADD_PERMISSION),
    }
    return render(request, "screening/list.html", context)


def _origin(request):
    """The signal or case a screening starts from (``?signaal=`` / ``?casus=``), if any."""
    data = request.POST if request.method == "POST" else request.GET
    signal_id, case_id = data.get("signaal"), data.get("casus")
    signal = (
        signal_get(user=request.user, signal_id=signal_id, request=request) if signal_id else None
    )
    case = case_get(user=request.user, case_id=case_id, request=request) if case_id else None
    return signal, case


@login_required
@require_http_methods(["GET", "POST"])
def screening_create(request):
    """A new screening: first find the applicant, then the application's details."""
    if not request.user.has_perm(ADD_PERMISSION):
        refuse(user=request.user, label="screening.screening", request=request)
    signal, case = _origin(request)
    alert_ref = (request.POST.get("attendering") or request.GET.get("attendering") or "")[:64]
    applicant_id = request.POST.get("applicant") or request.GET.get("aanvrager")
    applicant = (
        subjects.subject_get(user=request.user, subject_id=applicant_id, request=request)
        if applicant_id
        else None
    )
    # A search is posted, never put in the address (SECURITY.md P37); a posted form without
    # ``q`` starts the screening.
    searching = request.method == "POST" and "q" in request.POST
    search = ApplicantSearchForm(request.POST if searching else None)
    hits = None
    if searching and search.is_valid():
        hits = subjects.subject_search(
            user=request.user, query=search.cleaned_data["q"], request=request
        )
    form = ScreeningForm(
        request.POST if request.method == "POST" and not searching else None,
        initial={
            "applicant": applicant.uuid if applicant else None,
            # From an alert's page: its identifier, kept as text (the warehouse is a higher app).
            "alert_reference": alert_ref,
        },
    )

    def start(data):
        return services.screening_start(
            actor=request.user,
            permit_kind=data["permit_kind"],
            applicant=applicant,
            application_received_on=data["application_received_on"],
            alert_reference=data["alert_reference"],
            signal=signal,
            case=case,
        )

    def done(screening):
        messages.success(request, _("The screening has been started."))
        return redirect("screening:detail", screening_id=screening.uuid)

    def again(form, status):
        context = {
            "form": form,
            "search": search,
            "hits": hits,
            "applicant": applicant,
            "signal": signal,
            "case": case,
            "alert_ref": alert_ref,
        }
        return render(request, "screening/create.html", context, status=status)

    if request.method == "POST" and not searching:
        if applicant is None:
            raise Http404
        return form_submit(form, start, done=done, again=again)
    return again(form, 200)


def _step_labels():
    return [
        (name, field.label) for name, field in StepsForm.base_fields.items() if name != "version"
    ]


def _shown(screening, name: str) -> str:
    """A recorded step as the page says it: the choice's words, a day, yes or no."""
    value = getattr(screening, name)
    field = screening._meta.get_field(name)
    if field.choices:
        return getattr(screening, f"get_{name}_display")() or "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if value in (None, ""):
        return "—"
    return date_format(value, "j F Y") if hasattr(value, "year") else str(value)


def _detail(request, screening, forms=None, status=200):
    forms = forms or {}
    version = {"version": screening.version}
    steps = {f: getattr(screening, f) for f in services.STEP_FIELDS}
    intention = {f: getattr(screening, f) for f in services.INTENTION_FIELDS}
    may_change = selectors.may_change(request.user) and screening.decision == ""
    context = {
        "screening": screening,
        "may_change": may_change,
        "parties": screening.parties.select_related("subject"),
        "checklist": selectors.checklist(screening=screening),
        "deadlines": deadlines.compute(screening),
        "today": timezone.localdate(),
        "steps_form": forms.get("steps") or StepsForm(initial={**version, **steps}),
        "steps_shown": [(label, _shown(screening, name)) for name, label in _step_labels()],
        "intention_form": forms.get("intention") or IntentionForm(initial={**version, **intention}),
        "decision_form": forms.get("decision")
        or DecisionForm(initial={**version, "conditions": screening.conditions}),
        "letters": selectors.screening_letters(screening=screening),
        # A letter is made after the decision too: it ends the changes, not the letters.
        "may_make_letters": selectors.may_change(request.user),
        "letter_kinds": [
            (kind, label, letters.refusal(screening, kind)) for kind, label in LetterKind.choices
        ],
        "finding_form": forms.get("finding") or FindingForm(),
    }
    return render(request, "screening/detail.html", context, status=status)


@login_required
@require_http_methods(["GET"])
def screening_detail(request, screening_id):
    screening = selectors.screening_get(
        user=request.user, screening_id=screening_id, request=request
    )
    return _detail(request, screening)


def _changeable(request, screening_id):
    return selectors.screening_get(
        user=request.user,
        screening_id=screening_id,
        request=request,
        audit=False,
        allowed=selectors.may_change(request.user),
    )


def _run(request, screening, key, form, call, success):
    def done(_result):
        messages.success(request, success)
        return redirect("screening:detail", screening_id=screening.uuid)

    def again(form, status):
        screening.refresh_from_db()
        return _detail(request, screening, {key: form}, status=status)

    return form_submit(form, call, done=done, again=again)


@login_required
@require_POST
def screening_steps(request, screening_id):
    screening = _changeable(request, screening_id)
    return _run(
        request,
        screening,
        "steps",
        StepsForm(request.POST),
        lambda d: services.screening_record_steps(actor=request.user, screening=screening, **d),
        _("The steps have been saved."),
    )


@login_required
@require_POST
def screening_decide(request, screening_id):
    screening = _changeable(request, screening_id)
    return _run(
        request,
        screening,
        "decision",
        DecisionForm(request.POST),
        lambda d: services.screening_decide(
            actor=request.user,
            screening=screening,
            version=d["version"],
            decision=d["decision"],
            decided_on=d["decided_on"],
            conditions=d["conditions"],
            opinion_answer=d["opinion_answer"],
        ),
        _("The decision has been recorded."),
    )


@login_required
@require_POST
def screening_intention(request, screening_id):
    screening = _changeable(request, screening_id)
    return _run(
        request,
        screening,
        "intention",
        IntentionForm(request.POST),
        lambda d: services.screening_record_intention(actor=request.user, screening=screening, **d),
        _("The intention has been saved."),
    )


@login_required
@require_POST
def finding_record(request, screening_id):
    screening = _changeable(request, screening_id)
    return _run(
        request,
        screening,
        "finding",
        FindingForm(request.POST),
        lambda d: services.finding_record(actor=request.user, screening=screening, **d),
        _("The finding has been saved."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def party_find(request, screening_id):
    screening = _changeable(request, screening_id)
    form = ApplicantSearchForm(request.POST or None)
    form.fields["q"].label = _("Find a person or organisation")
    hits = None
    if request.method == "POST" and form.is_valid():
        hits = subjects.subject_search(
            user=request.user, query=form.cleaned_data["q"], request=request
        )
    roles = PartyForm().fields["role"].choices
    context = {"screening": screening, "form": form, "hits": hits, "roles": roles}
    return render(request, "screening/party_find.html", context)


@login_required
@require_POST
def party_add(request, screening_id):
    screening = _changeable(request, screening_id)
    form = PartyForm(request.POST)
    if not form.is_valid():
        raise Http404
    subject = subjects.subject_get(
        user=request.user, subject_id=form.cleaned_data["subject"], request=request
    )
    attempt(
        request,
        lambda: services.party_add(
            actor=request.user, screening=screening, subject=subject, role=form.cleaned_data["role"]
        ),
        _("%(label)s has been named.") % {"label": subject.label},
    )
    return redirect("screening:detail", screening_id=screening.uuid)


@login_required
@require_http_methods(["GET", "POST"])
def party_remove(request, screening_id, party_id):
    """Take back a party named by mistake, after a confirmation page."""
    screening = _changeable(request, screening_id)
    party = screening.parties.select_related("subject").filter(pk=party_id).first()
    if party is None:
        raise Http404
    if request.method == "POST":
        attempt(
            request,
            lambda: services.party_remove(actor=request.user, screening=screening, party=party),
            _("%(label)s is no longer named.") % {"label": party.subject.label},
        )
        return redirect(reverse("screening:detail", args=[screening.uuid]) + "#parties-heading")
    return render(request, "screening/party_remove.html", {"screening": screening, "party": party})


@login_required
@require_http_methods(["GET", "POST"])
def screening_share(request, screening_id):
    """The Bibob coordinator shares a screening with one colleague until a date."""
    screening = _changeable(request, screening_id)
    form = ShareForm(request.POST or None)

    def done(_share):
        messages.success(request, _("The screening has been shared."))
        return redirect("screening:share", screening_id=screening.uuid)

    def again(form, status):
        context = {
            "screening": screening,
            "form": form,
            "shares": selectors.screening_shares(screening=screening),
            "today": timezone.now(),
        }
        return render(request, "screening/share.html", context, status=status)

    if request.method == "POST":
        return form_submit(
            form,
            lambda d: services.screening_share(actor=request.user, screening=screening, **d),
            done=done,
            again=again,
        )
    return again(form, 200)
