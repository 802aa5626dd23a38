"""Recording, correcting and ending a relation by hand, from the subject page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.accounts.access import can_use
from weerbaar.accounts.lookup import parse_uuid, refuse
from weerbaar.core.forms import form_submit
from weerbaar.subjects import selectors, services
from weerbaar.subjects.constants import CHANGE_RELATION_PERMISSION, RELATE_PERMISSION
from weerbaar.subjects.forms import SearchForm
from weerbaar.subjects.relation_forms import (
    RelationCorrectForm,
    RelationEndForm,
    RelationForm,
    kind_choices,
    read_kind,
)


def _subject(request, subject_id):
    return selectors.subject_get(
        user=request.user,
        subject_id=subject_id,
        request=request,
        allowed=can_use(request.user, RELATE_PERMISSION),
    )


@login_required
@require_http_methods(["GET", "POST"])
def relation_find(request, subject_id):
    """Find the other end of a new relation (POST keeps names out of URLs)."""
    subject = _subject(request, subject_id)
    form = SearchForm(request.POST or None)
    hits = None
    if request.method == "POST" and form.is_valid():
        found = selectors.subject_search(
            user=request.user, query=form.cleaned_data["q"], request=request
        )
        hits = [h for h in found if h.subject.pk != subject.pk and kind_choices(subject, h.subject)]
    context = {"subject": subject, "form": form, "hits": hits}
    return render(request, "subjects/relation_find.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def relation_new(request, subject_id):
    other_id = parse_uuid(request.POST.get("other") or request.GET.get("other", ""))
    if other_id is None:  # the page is reached from the search with its other end
        refuse(user=request.user, label="subjects.relation", request=request)
    subject = _subject(request, subject_id)
    other = selectors.subject_get(user=request.user, subject_id=other_id, request=request)
    if not kind_choices(subject, other):
        raise Http404
    form = RelationForm(request.POST or None, subject=subject, other=other)

    def record(data):
        kind, start, end = read_kind(data["kind"], subject, other)
        return services.relation_record(
            actor=request.user,
            kind=kind,
            from_subject=start,
            to_subject=end,
            source=data["source"],
            source_grade=data["source_grade"],
            info_grade=data["info_grade"],
            valid_from=data["valid_from"],
            valid_until=data["valid_until"],
            note=data["note"],
        )

    def done(_relation):
        messages.success(request, _("The relation has been recorded."))
        return redirect("subjects:detail", subject_id=subject.uuid)

    def again(form, status):
        context = {"subject": subject, "other": other, "form": form}
        return render(request, "subjects/relation_new.html", context, status=status)

    if request.method == "POST":
        return form_submit(form, record, done=done, again=again)
    return again(form, 200)


def _relation(request, relation_id):
    return selectors.relation_get(
        user=request.user,
        relation_id=relation_id,
        request=request,
        allowed=can_use(request.user, CHANGE_RELATION_PERMISSION),
        audit=request.method == "GET",  # a write audits itself
    )


def _back(request, relation):
    """The end of the relation whose page the user came from (``vanuit``)."""
    came = request.GET.get("vanuit") or request.POST.get("vanuit") or ""
    return relation.to_subject if came == str(relation.to_subject.uuid) else relation.from_subject


def _edit_page(request, relation, correct, end, status=200):
    context = {
        "relation": relation,
        "back": _back(request, relation),
        "correct_form": correct,
        "end_form": end,
        "from_registry": relation.recorded_by_id is None and not relation.source_grade,
    }
    return render(request, "subjects/relation_edit.html", context, status=status)


def _initial(relation) -> dict:
    fields = ("valid_from", "valid_until", "source", "source_grade", "info_grade", "note")
    return {"version": relation.version, **{f: getattr(relation, f) for f in fields}}


def _end_form(relation, data=None):
    initial = {"version": relation.version, "ended_on": timezone.localdate()}
    return RelationEndForm(data, initial=initial, auto_id="end_%s")


@login_required
@require_http_methods(["GET", "POST"])
def relation_edit(request, relation_id):
    relation = _relation(request, relation_id)
    form = RelationCorrectForm(request.POST or None, initial=_initial(relation))

    def done(corrected):
        if corrected.version == relation.version:
            messages.info(request, _("Nothing was changed."))
        else:
            messages.success(request, _("The relation has been corrected."))
        return redirect("subjects:detail", subject_id=_back(request, relation).uuid)

    def again(form, status):
        return _edit_page(request, relation, form, _end_form(relation), status)

    if request.method == "POST":
        return form_submit(
            form,
            lambda d: services.relation_correct(actor=request.user, relation=relation, **d),
            done=done,
            again=again,
        )
    return again(form, 200)


@login_required
@require_POST
def relation_end(request, relation_id):
    relation = _relation(request, relation_id)
    form = _end_form(relation, request.POST)

    def done(_relation):
        messages.success(request, _("The relation has been ended."))
        return redirect("subjects:detail", subject_id=_back(request, relation).uuid)

    def again(form, status):
        correct = RelationCorrectForm(initial=_initial(relation))
        return _edit_page(request, relation, correct, form, status)

    return form_submit(
        form,
        lambda d: services.relation_end(actor=request.user, relation=relation, **d),
        done=done,
        again=again,
    )
