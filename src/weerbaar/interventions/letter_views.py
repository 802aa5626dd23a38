"""The letters of a measure (preview, make, the versions kept) and the beheerder's editor of
their paragraph texts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.accounts.lookup import refuse
from weerbaar.core.forms import attempt, form_submit
from weerbaar.interventions import letters, selectors, services
from weerbaar.interventions.constants import CHANGE_PERMISSION, LETTER_TEXT_PERMISSION
from weerbaar.interventions.forms import LetterMakeForm, LetterTextsForm, PreviewForm, RestoreForm
from weerbaar.interventions.letters.sample import sample
from weerbaar.interventions.letters.texts import problems


def _letter_page(request, intervention, kind, form, status=200):
    refused = letters.refusal(intervention, kind)
    context = {
        "i": intervention,
        "case": intervention.case,
        "kind": letters.KINDS[kind],
        "letter": None if refused else letters.context(intervention, kind),
        "refused": refused,
        "form": form,
        "may_make": request.user.has_perm(CHANGE_PERMISSION) and not refused,
        "made": [
            d for d in selectors.letter_documents(intervention=intervention) if d.kind == kind
        ],
    }
    return render(request, "interventions/letter_page.html", context, status=status)


@login_required
@require_http_methods(["GET"])
def letter(request, intervention_id, letter):
    """A letter of the measure as it would be made now; only once its step is reached."""
    intervention = selectors.intervention_with_letter(
        user=request.user, intervention_id=intervention_id, kind=letter, request=request
    )
    return _letter_page(request, intervention, letter, LetterMakeForm())


@login_required
@require_POST
def letter_make(request, intervention_id, letter):
    intervention = selectors.intervention_get(
        user=request.user,
        intervention_id=intervention_id,
        request=request,
        audit=False,
        allowed=request.user.has_perm(CHANGE_PERMISSION) and letter in letters.KINDS,
    )

    def done(version):
        messages.success(
            request,
            _("The letter has been made and kept in the case file (version %(n)s).")
            % {"n": version.number},
        )
        return redirect("interventions:letter", intervention_id=intervention.uuid, letter=letter)

    return form_submit(
        LetterMakeForm(request.POST),
        lambda d: services.letter_make(
            actor=request.user, intervention=intervention, kind=letter, fmt=d["fmt"]
        ),
        done=done,
        again=lambda form, status: _letter_page(request, intervention, letter, form, status),
    )


def _editor(request, kind=None):
    if not request.user.has_perm(LETTER_TEXT_PERMISSION) or (kind and kind not in letters.KINDS):
        refuse(user=request.user, label="letter_texts", request=request)
    return letters.KINDS.get(kind)


@login_required
@require_http_methods(["GET"])
def letter_texts(request):
    """The letters whose paragraph texts the beheerder keeps, with how many are their own."""
    _editor(request)
    rows = [(kind, len(letters.own_texts(kind.key))) for kind in letters.KINDS.values()]
    return render(request, "interventions/letter_texts.html", {"rows": rows})


def _preview_subject(request, kind, chosen):
    if not chosen:
        return sample(kind.key)
    return selectors.intervention_get(user=request.user, intervention_id=chosen, request=request)


def _preview(request, kind, chosen, texts):
    """The letter for the chosen measure (or the sample); none when it is not complete yet."""
    subject = _preview_subject(request, kind, chosen)
    if chosen and letters.refusal(subject, kind.key):
        return None, letters.refusal(subject, kind.key)
    return letters.context(subject, kind.key, texts), ""


def _valid_texts(kind, form) -> dict:
    """The typed texts that pass the check, for a preview before saving."""
    typed = {para.key: (form.data.get(para.key, ""), para.names) for para in kind.paragraphs}
    return {key: text for key, (text, names) in typed.items() if not problems(text, names)}


@login_required
@require_http_methods(["GET", "POST"])
def letter_text_edit(request, letter):
    kind = _editor(request, letter)
    choices = [
        (str(i.uuid), f"{i.case.reference} · {i.instrument.name}")
        for i in selectors.preview_choices(user=request.user, offered=kind.offered)
    ]
    preview_form = PreviewForm(request.POST or request.GET or None, choices=choices)
    chosen = preview_form.cleaned_data["intervention"] if preview_form.is_valid() else ""
    form = LetterTextsForm(request.POST or None, kind=kind, current=letters.own_texts(kind.key))

    def again(form, status, texts=None):
        preview, refused = _preview(request, kind, chosen, texts)
        context = {
            "kind": kind,
            "form": form,
            "preview_form": preview_form,
            "letter": preview,
            "refused": refused,
            "restore_form": RestoreForm(),
            "own": letters.own_texts(kind.key),
        }
        return render(request, "interventions/letter_text_edit.html", context, status=status)

    if request.method == "GET":
        return again(form, 200)
    if request.POST.get("action") == "preview":
        form.is_valid()
        return again(form, 200, _valid_texts(kind, form))

    def done(_result):
        messages.success(request, _("The texts of the letter have been saved."))
        return redirect("interventions:letter_text_edit", letter=kind.key)

    return form_submit(
        form,
        lambda d: services.letter_texts_save(actor=request.user, kind=kind.key, texts=d),
        done=done,
        again=again,
    )


@login_required
@require_POST
def letter_text_restore(request, letter):
    kind = _editor(request, letter)
    form = RestoreForm(request.POST)
    if form.is_valid():
        attempt(
            request,
            lambda: services.letter_texts_restore(actor=request.user, kind=kind.key),
            _("The standard texts of the letter are back."),
        )
    else:
        messages.error(request, _("Tick the box to confirm."))
    return redirect("interventions:letter_text_edit", letter=kind.key)
