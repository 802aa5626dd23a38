"""Sharing a case's heading with a partner team (RIEC): each share names its legal basis and
carries its own weighing (P20), and ends through ``accounts.shares.share_end``."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from weerbaar.accounts.models import Share, Team, User
from weerbaar.accounts.services import share_end, share_grant
from weerbaar.cases.models import Case, PartnerShare
from weerbaar.cases.selectors import case_shares, cases_visible_to


def _governs(actor: User, case: Case) -> None:
    """Who shares decides who else works on the case: not the holder of an opening with a
    reason (privacy/glass.py), whose share of the case is marked as such."""
    if not cases_visible_to(actor, emergency=False).filter(pk=case.pk).exists():
        raise ValidationError(
            _("An opening with a reason does not let you decide who else works on the case.")
        )


@transaction.atomic
def case_share(
    *,
    actor: User,
    case: Case,
    team: Team,
    purpose: str,
    legal_basis: str,
    proportional: bool,
    proportionality_text: str,
    subsidiary: bool,
    subsidiarity_text: str,
) -> Share:
    """Share the case with a partner team after a weighing that passes; a weighing that does
    not pass shares nothing."""
    Case.objects.select_for_update().filter(pk=case.pk).first()
    _governs(actor, case)
    errors = {}
    if not team.is_external:
        errors["team"] = _("A case is shared here with a partner organisation only.")
    elif case_shares(case).filter(team=team).exists():
        errors["team"] = _("The case is already shared with this partner.")
    if not proportional:
        errors["proportional"] = _(
            "Share only when the intrusion on privacy is in proportion to the purpose."
        )
    if not subsidiary:
        errors["subsidiary"] = _(
            "Share only when no less intrusive means will achieve the purpose."
        )
    if errors:
        raise ValidationError(errors)
    share = share_grant(
        actor=actor,
        obj=case,
        team=team,
        purpose=purpose.strip(),
        legal_basis=legal_basis,
        weighing={
            "proportionality": proportionality_text.strip(),
            "subsidiarity": subsidiarity_text.strip(),
        },
    )
    weighing = PartnerShare(
        case=case,
        share=share,
        proportionality_text=proportionality_text.strip(),
        subsidiarity_text=subsidiarity_text.strip(),
        recorded_by=actor,
    )
    weighing.full_clean()
    weighing.save()
    return share


@transaction.atomic
def case_share_stop(*, actor: User, case: Case, share_id) -> Share:
    """End one of the case's shares; one that is not the case's, or has ended, is refused."""
    _governs(actor, case)
    share = case_shares(case).select_for_update(of=("self",)).filter(uuid=share_id).first()
    if share is None:
        raise ValidationError(_("This share does not exist or has already ended."))
    share_end(actor=actor, share=share, obj=case)
    return share
