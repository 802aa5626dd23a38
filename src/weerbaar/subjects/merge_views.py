"""Possible duplicates, merging two subjects into one and undoing it (the analyst's work)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.accounts.lookup import parse_uuid, refuse
from weerbaar.core.forms import form_submit
from weerbaar.subjects import selectors, services
from weerbaar.subjects.comparisons import weights_shown
from weerbaar.subjects.constants import SubjectKind
from weerbaar.subjects.forms import SearchForm
from weerbaar.subjects.merge_forms import DistinctForm, MergeForm, UnmergeForm
from weerbaar.subjects.merging import registry_key
from weerbaar.subjects.models import DuplicatePair

KINDS = [("", _("All")), (SubjectKind.PERSON, SubjectKind.PERSON.label),
         (SubjectKind.ORGANISATION, SubjectKind.ORGANISATION.label)]  # fmt: skip


def _require_merge(request, label="subjects.duplicatepair"):
    if not selectors.may_merge(request.user):
        refuse(user=request.user, label=label, request=request)


@login_required
@require_http_methods(["GET"])
def duplicates(request):
    _require_merge(request)
    kind = request.GET.get("soort", "")
    if kind not in dict(KINDS):
        kind = ""
    rows = selectors.duplicates_open(request.user, kind=kind)
    page = Paginator(rows, 20).get_page(request.GET.get("pagina"))
    context = {"page": page, "kind": kind, "kinds": KINDS, "query": f"soort={kind}"}
    return render(request, "subjects/duplicates.html", context)


def _keepable(one, other) -> list:
    """The subjects that may be kept: the one with a registry number when only one has it."""
    keyed = [s for s in (one, other) if registry_key(s)]
    return keyed if len(keyed) == 1 else sorted((one, other), key=lambda s: s.pk)


def _sides(pair, one, other) -> list[dict]:
    explained = pair.explanation.get("sides", {}) if pair else {}
    sides = []
    for subject in (one, other):
        why = explained.get(str(subject.pk), {})
        sides.append({
            "subject": subject,
            "has_number": bool(registry_key(subject)),
            "how": why.get("how", ""),
            "probability": why.get("probability"),
            "shown": weights_shown(why.get("weights", {})),
        })  # fmt: skip
    return sides


def _compared(pair, user) -> dict | None:
    """Why the linkage of persons without a BSN with each other proposed the pair: the
    weights, or the subject both were found the same as."""
    why = pair.explanation.get("compared") if pair else None
    if not why:
        return None
    via = None
    if why.get("via"):
        via = selectors.subjects_visible_to(user).filter(uuid=why["via"]).first()
    return {
        "probability": why.get("probability"),
        "shown": weights_shown(why.get("weights", {})),
        "via": via,
    }


def _compare(request, *, one, other, pair=None):
    """The two side by side, with the merge form and (for a proposed pair) "not the same"."""
    if one.kind != other.kind or one.pk == other.pk or one.merged_into_id or other.merged_into_id:
        raise Http404
    keepable = _keepable(one, other)
    form = MergeForm(request.POST or None, subjects=keepable, keep=keepable[0])

    def merge(data):
        kept = one if data["keep"] == str(one.uuid) else other
        absorbed = other if kept is one else one
        return services.subject_merge(
            actor=request.user, kept=kept, absorbed=absorbed, reason=data["reason"]
        )

    def done(result):
        messages.success(request, _("The two have been merged into one."))
        return redirect("subjects:detail", subject_id=result.kept.uuid)

    def again(form, status):
        context = {"pair": pair, "one": one, "other": other, "sides": _sides(pair, one, other),
                   "compared": _compared(pair, request.user), "form": form,
                   "distinct_form": DistinctForm()}  # fmt: skip
        return render(request, "subjects/duplicate.html", context, status=status)

    if request.method == "POST":
        return form_submit(form, merge, done=done, again=again)
    return again(form, 200)


@login_required
@require_http_methods(["GET", "POST"])
def duplicate(request, pair_id):
    pair = selectors.duplicate_get(user=request.user, pair_id=pair_id, request=request)
    if pair.status != DuplicatePair.Status.OPEN and request.method == "POST":
        messages.error(request, _("This pair has been judged already; see its status."))
        return redirect("subjects:duplicates")
    return _compare(request, one=pair.first, other=pair.second, pair=pair)


@login_required
@require_POST
def duplicate_distinct(request, pair_id):
    pair = selectors.duplicate_get(user=request.user, pair_id=pair_id, request=request)
    form = DistinctForm(request.POST)

    def judge(data):
        return services.duplicate_distinct(actor=request.user, pair=pair, note=data["note"])

    def done(_pair):
        messages.success(request, _("Judged not the same; the pair is not proposed again."))
        return redirect("subjects:duplicates")

    def again(_form, _status):
        messages.error(request, _("This pair has been judged already; see its status."))
        return redirect("subjects:duplicates")

    return form_submit(form, judge, done=done, again=again)


@login_required
@require_http_methods(["GET", "POST"])
def merge_find(request, subject_id):
    """Find the subject recorded twice, from the page of one of the two."""
    _require_merge(request, "subjects.subject")
    subject = selectors.subject_get(user=request.user, subject_id=subject_id, request=request)
    form = SearchForm(request.POST or None)
    hits = None
    if request.method == "POST" and form.is_valid():
        found = selectors.subject_search(
            user=request.user, query=form.cleaned_data["q"], request=request
        )
        hits = [h for h in found if h.subject.pk != subject.pk and h.subject.kind == subject.kind]
    return render(request, "subjects/merge_find.html", {"subject": subject, "form": form,
                                                         "hits": hits})  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def merge_compare(request, subject_id):
    other_id = parse_uuid(request.GET.get("met", ""))
    if other_id is None:  # reached from the search, with the other one
        refuse(user=request.user, label="subjects.subject", request=request)
    _require_merge(request, "subjects.subject")
    one = selectors.subject_get(user=request.user, subject_id=subject_id, request=request)
    other = selectors.subject_get(user=request.user, subject_id=other_id, request=request)
    return _compare(request, one=one, other=other)


@login_required
@require_POST
def unmerge(request, merge_id):
    merge = selectors.merge_get(user=request.user, merge_id=merge_id, request=request)
    form = UnmergeForm(request.POST)

    def undo(data):
        return services.subject_unmerge(actor=request.user, merge=merge, reason=data["undo_reason"])

    def done(_merge):
        messages.success(request, _("The merge has been undone; the two are separate again."))
        return redirect("subjects:detail", subject_id=merge.absorbed.uuid)

    def again(form, status):
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("subjects:detail", subject_id=merge.kept.uuid)

    return form_submit(form, undo, done=done, again=again)
