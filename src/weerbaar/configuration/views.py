"""The functioneel beheerder's settings pages, one set of views for every section."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.configuration import selectors, services
from weerbaar.configuration.forms import FindForm, ThresholdsForm
from weerbaar.core.forms import attempt, form_submit
from weerbaar.interventions.constants import LETTER_TEXT_PERMISSION


def _cell(row, name: str) -> str:
    field = row._meta.get_field(name)
    if field.choices:
        return getattr(row, f"get_{name}_display")()
    value = getattr(row, name)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return "—" if value in (None, "") else str(value)


def _headers(section) -> list[tuple[str, str]]:
    return [(name, section.model._meta.get_field(name).verbose_name) for name in section.columns]


@login_required
@require_http_methods(["GET"])
def index(request):
    user = request.user
    if not selectors.may_configure(user):
        raise Http404
    return render(
        request,
        "configuration/index.html",
        {
            "sections": selectors.sections_for(user),
            "thresholds": selectors.may_set_thresholds(user),
            "letters": user.has_perm(LETTER_TEXT_PERMISSION),
            "users": selectors.may_manage_users(user),
        },
    )


@login_required
@require_http_methods(["GET"])
def section_list(request, slug):
    section = selectors.section_open(user=request.user, slug=slug, request=request)
    find = FindForm(request.GET or None)
    q = find.cleaned_data["q"] if find.is_valid() else ""
    sort = request.GET.get("sort", "")
    rows = selectors.section_rows(user=request.user, section=section, q=q, sort=sort)
    page = Paginator(rows, 50).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "configuration/list.html",
        {
            "section": section,
            "find": find,
            "headers": _headers(section),
            "sort": sort,
            "page": page,
            "rows": [(row, [_cell(row, c) for c in section.columns]) for row in page.object_list],
            "query": query.urlencode(),
            "may_add": section.can_add and request.user.has_perm(section.add_permission),
        },
    )


def _form(section, instance, data=None):
    form = section.form(data, instance=instance)
    if instance.pk:
        for name in section.fixed_after_create:
            if name in form.fields:
                form.fields[name].disabled = True
    return form


@login_required
@require_http_methods(["GET", "POST"])
def section_edit(request, slug, row_id=None):
    user = request.user
    section = selectors.section_open(user=user, slug=slug, request=request)
    if row_id is None:
        if not (section.can_add and user.has_perm(section.add_permission)):
            raise Http404
        instance = section.model()
    else:
        instance = selectors.section_row(user=user, section=section, row_id=row_id, request=request)
    # The row as stored: the form changes its own instance while it validates.
    original = section.model()
    if instance.pk:
        original = selectors.section_row(user=user, section=section, row_id=instance.pk)
    form = _form(section, instance, request.POST or None)

    def done(row):
        messages.success(request, _("“%(row)s” has been saved.") % {"row": row})
        return redirect("configuration:section", slug=section.slug)

    def again(form, status):
        context = {
            "section": section,
            "form": form,
            "row": original if original.pk else None,
            "may_remove": section.can_remove
            and original.pk
            and user.has_perm(section.delete_permission),
        }
        return render(request, "configuration/edit.html", context, status=status)

    if request.method == "POST":
        return form_submit(
            form,
            lambda data: services.setting_save(
                actor=user, section=section, instance=original, data=data
            ),
            done=done,
            again=again,
        )
    return again(form, 200)


@login_required
@require_POST
def section_remove(request, slug, row_id):
    user = request.user
    section = selectors.section_open(user=user, slug=slug, request=request)
    row = selectors.section_row(user=user, section=section, row_id=row_id, request=request)
    if not (section.can_remove and user.has_perm(section.delete_permission)):
        raise Http404
    if request.POST.get("confirm") != "yes":
        messages.error(request, _("Tick that you want to remove it."))
        return redirect("configuration:edit", slug=slug, row_id=row.pk)
    label = str(row)
    if attempt(
        request,
        lambda: services.setting_remove(actor=user, section=section, instance=row),
        _("“%(row)s” has been removed.") % {"row": label},
    ):
        return redirect("configuration:section", slug=slug)
    return redirect("configuration:edit", slug=slug, row_id=row.pk)


@login_required
@require_http_methods(["GET"])
def thresholds(request):
    if not selectors.may_set_thresholds(request.user):
        raise Http404
    rules = selectors.thresholds(user=request.user)
    return render(request, "configuration/thresholds.html", {"rules": rules})


@login_required
@require_http_methods(["GET", "POST"])
def threshold_edit(request, code):
    user = request.user
    rule = selectors.rule_open(user=user, code=code, request=request)
    current = next(r["current"] for r in selectors.thresholds(user=user) if r["rule"].code == code)
    form = ThresholdsForm(request.POST or None, rule=rule, current=current)

    def done(_setting):
        messages.success(
            request, _("The thresholds of “%(rule)s” have been saved.") % {"rule": rule.name}
        )
        return redirect("configuration:thresholds")

    def again(form, status):
        context = {"rule": rule, "form": form}
        return render(request, "configuration/threshold_edit.html", context, status=status)

    if request.method == "POST":
        return form_submit(
            form,
            lambda values: services.thresholds_save(actor=user, rule=rule, values=values),
            done=done,
            again=again,
        )
    return again(form, 200)
