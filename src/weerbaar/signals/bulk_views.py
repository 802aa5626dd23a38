"""The signal list's actions on many signals at once (``signals.bulk``), and taking over a
routing rule's proposal for one signal."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from weerbaar.core.forms import attempt
from weerbaar.signals import bulk as registry
from weerbaar.signals import selectors, services
from weerbaar.signals.constants import CHANGE_PERMISSION
from weerbaar.signals.forms import BulkForm


def bulk_context(user) -> dict:
    """What the signal list needs to offer the actions this user may take."""
    actions = registry.available(user)
    return {"bulk_actions": [(a, a.targets(user)) for a in actions]}


@login_required
@require_POST
def bulk(request):
    user = request.user
    if not selectors.may_see_signals(user):
        raise Http404
    form = BulkForm(
        request.POST,
        user=user,
        signals=selectors.signal_list(user=user),
        actions=registry.available(user),
    )
    # Only a query string travels back, so the redirect always stays on the list.
    back = QueryDict(request.POST.get("back", "")[:2000]).urlencode()
    to_list = redirect(f"{reverse('signals:list')}?{back}" if back else reverse("signals:list"))
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return to_list
    action, chosen = form.cleaned_data["action"], list(form.cleaned_data["signals"])
    # Each action has its own choice of target beside its button.
    target = request.POST.get(f"target_{action.code}", "")
    targets = dict(action.targets(user))
    if target not in targets:
        messages.error(request, _("Choose a value for “%(what)s”.") % {"what": action.target_label})
        return to_list
    done = ngettext(
        "%(action)s %(target)s: %(n)s signal.",
        "%(action)s %(target)s: %(n)s signals.",
        len(chosen),
    ) % {"action": action.target_label, "target": targets[target], "n": len(chosen)}
    attempt(request, lambda: action.run(actor=user, signals=chosen, target=target), done)
    return to_list


@login_required
@require_POST
def route(request, signal_id):
    """Take over what the routing rules propose for one signal."""
    user = request.user
    if not user.has_perm(CHANGE_PERMISSION):
        raise Http404
    signal = selectors.signal_get(user=user, signal_id=signal_id, request=request)
    version = request.POST.get("version", "")
    attempt(
        request,
        lambda: services.signal_route(
            actor=user, signal=signal, version=int(version) if version.isdigit() else None
        ),
        _("The signal has been given to the team and analyst of its routing rule."),
    )
    return redirect("signals:detail", signal_id=signal.uuid)
