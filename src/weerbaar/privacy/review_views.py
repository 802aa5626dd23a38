"""The FG's oversight pages: the review of access rights (the list of every user or of the
privileged roles, its export, the sign-off of this period), the weekly report of unusual
access, and the processing register beside practice with its PDF for the DPIA."""

from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from weerbaar.accounts.constants import Role
from weerbaar.accounts.lookup import refuse
from weerbaar.audit.exports import list_export, offer
from weerbaar.core import exports, pdf
from weerbaar.core.exports import Column
from weerbaar.core.forms import form_submit
from weerbaar.core.http import sandboxed_bytes
from weerbaar.privacy import reviews, selectors, services
from weerbaar.privacy.forms import ReviewForm
from weerbaar.privacy.models import ReviewScope
from weerbaar.privacy.unusual import DEFAULTS, KINDS, threshold

# The list's name in the address, in Dutch as the other filters.
SCOPES = {"bevoorrecht": ReviewScope.PRIVILEGED, "alle": ReviewScope.ALL}


def _roles(user) -> str:
    labels = dict(Role.choices)
    return ", ".join(str(labels.get(g.name, g.name)) for g in user.groups.all())


COLUMNS = [
    Column(gettext_lazy("User name"), lambda u: u.username),
    Column(gettext_lazy("Name"), lambda u: u.get_full_name()),
    Column(gettext_lazy("Organisation"), lambda u: u.organisation),
    Column(gettext_lazy("Roles"), _roles),
    Column(gettext_lazy("Teams"), lambda u: ", ".join(t.name for t in u.teams.all())),
    Column(gettext_lazy("Shares"), lambda u: len(u.live_shares)),
    Column(gettext_lazy("Last login"), lambda u: u.last_login.date() if u.last_login else ""),
]


def _scope(request) -> tuple[str, str]:
    name = request.GET.get("lijst", "bevoorrecht")
    name = name if name in SCOPES else "bevoorrecht"
    return name, SCOPES[name]


def _page(request, *, form=None, status=200):
    name, scope = _scope(request)
    review = selectors.access_review(user=request.user, scope=scope, request=request)
    page = Paginator(review["rows"], 50).get_page(request.GET.get("pagina"))
    context = {
        **review,
        **offer(request),
        "page": page,
        "query": f"lijst={name}",
        "scope_name": name,
        "scope": scope,
        "form": form or ReviewForm(initial={"scope": scope}),
        "privileged": [dict(Role.choices)[name] for name in reviews.PRIVILEGED],
    }
    return render(request, "privacy/access_review.html", context, status=status)


@login_required
@require_GET
def access_review(request):
    if exports.wanted(request):
        _name, scope = _scope(request)
        review = selectors.access_review(
            user=request.user, scope=scope, request=request, audit=False
        )
        title = dict(ReviewScope.choices)[scope]
        return list_export(
            request, name="toegangsrechten", title=title, columns=COLUMNS, rows=review["users"]
        )
    return _page(request)


@login_required
@require_POST
def access_review_sign(request):
    if not selectors.may_review(request.user):
        refuse(user=request.user, label="access review", request=request)

    def done(review):
        messages.success(
            request,
            _("The review of %(period)s is signed off; the list is kept as it is now.")
            % {"period": review.period},
        )
        name = next(k for k, v in SCOPES.items() if v == review.scope)
        return redirect(f"{reverse('privacy:access_review')}?lijst={name}")

    return form_submit(
        ReviewForm(request.POST),
        lambda data: services.access_review_sign(actor=request.user, **data),
        done=done,
        again=lambda form, status: _page(request, form=form, status=status),
    )


@login_required
@require_GET
def unusual_access(request):
    """The report of unusual access of one week (last week unless ``week`` names a day)."""
    today = timezone.localdate()
    try:
        day = date.fromisoformat(request.GET.get("week", ""))
    except ValueError:
        day = today - timedelta(days=7)
    day = min(day, today)
    report = selectors.unusual_access_report(user=request.user, start=day, request=request)
    kinds = [(code, title, report.of(code)) for code, title in KINDS.items()]
    context = {
        "report": report,
        "kinds": kinds,
        "previous": report.start - timedelta(days=7),
        "next": report.start + timedelta(days=7) if report.end < today else None,
        "thresholds": {name: threshold(name) for name in DEFAULTS},
    }
    return render(request, "privacy/unusual.html", context)


@login_required
@require_GET
def register(request):
    """The processing register beside practice, for the FG and the beheerder."""
    context = selectors.processing_register(user=request.user, request=request)
    return render(request, "privacy/register.html", context)


@login_required
@require_GET
def register_annex(request):
    """The same as a PDF, the annex of the municipality's DPIA."""
    context = selectors.processing_register(user=request.user, request=request, annex=True)
    html = render_to_string("privacy/register_pdf.html", context, request=request)
    return sandboxed_bytes(
        pdf.render(html),
        filename=f"verwerkingsregister-{context['today']:%Y-%m-%d}.pdf",
        content_type="application/pdf",
    )
